"""Routes of live sources: fetch URLs once, the sources ``watchfloor run`` polls, a fetched document's
archived original, and alert deliveries.

Fetching and adding sources need the analyst role; every URL goes through the fetch guard, so the API
cannot be turned against the server's own network.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from watchfloor.api.auth import Analyst, Viewer
from watchfloor.api.routes import RowId
from watchfloor.model import DocumentKind
from watchfloor.service.sources import FetchOptions, parse_every
from watchfloor.service.values import plain
from watchfloor.store.base import SourceSpec
from watchfloor.web.render import original_response

router = APIRouter()
Kind = Literal["page", "feed", "sitemap"]
Url = Annotated[str, Field(min_length=8, max_length=2000, pattern=r"^[hH][tT][tT][pP][sS]?://")]
#: URLs one request may fetch.
MAX_URLS = 20


class FetchRequest(BaseModel):
    urls: list[Url] = Field(min_length=1, max_length=MAX_URLS)
    kind: Kind = "page"
    publisher: str | None = Field(None, max_length=500)
    document_kind: str | None = Field(None, max_length=40)
    ignore_robots: bool = False


class SourceRequest(BaseModel):
    url: Url
    kind: Kind = "feed"
    every: str = Field("1h", max_length=20, description="15m, 1h, 1d (at least a minute).")
    publisher: str | None = Field(None, max_length=500)
    document_kind: str | None = Field(None, max_length=40)
    follow: bool = False
    ignore_robots: bool = False


def _document_kind(value: str | None) -> DocumentKind | None:
    try:
        return DocumentKind.parse(value) if value else None
    except ValueError as exc:
        raise HTTPException(422, f"document_kind: {exc}") from None


@router.post("/fetch", tags=["sources"])
def fetch(bench: Analyst, body: FetchRequest) -> dict[str, Any]:
    """Fetch URLs through the guard, archive each response (WARC) and ingest it; each URL's outcome."""
    options = FetchOptions(body.kind, _document_kind(body.document_kind), body.publisher, body.ignore_robots)
    run = bench.sources.fetch(body.urls, options)
    return {"outcomes": [{**plain(o), "documents": o.stored_ids(), "problems": o.problems()}
                         for o in run.outcomes],
            "delivery": plain(run.delivery)}


@router.get("/sources", tags=["sources"])
def sources(bench: Viewer) -> list[dict[str, Any]]:
    """The polled sources with their schedule, last poll, consecutive failures and last error."""
    return [plain(source) for source in bench.sources.list()]


@router.post("/sources", tags=["sources"], status_code=201)
def add_source(bench: Analyst, body: SourceRequest) -> dict[str, Any]:
    """Add a source for ``watchfloor run`` to poll (due at once)."""
    kind = _document_kind(body.document_kind)
    spec = SourceSpec(body.url, body.kind, parse_every(body.every), body.publisher,
                      kind.value if kind else None, body.follow, body.ignore_robots)
    return plain(bench.sources.add(spec))


@router.delete("/sources/{source_id}", tags=["sources"], status_code=204)
def remove_source(bench: Analyst, source_id: RowId) -> Response:
    """Stop polling a source (what it brought in stays)."""
    bench.sources.remove(source_id)
    return Response(status_code=204)


@router.get("/documents/{document_id}/capture", tags=["documents"])
def capture(bench: Viewer, document_id: str) -> dict[str, Any]:
    """Where a fetched document came from: URL, time, address, status, SHA-256, WARC file and offset."""
    return plain(bench.documents.original(document_id).capture)


@router.get("/documents/{document_id}/original", tags=["documents"], response_class=Response)
def original(bench: Viewer, document_id: str) -> Response:
    """The archived body a fetched document was read from, as a download (never rendered)."""
    return original_response(bench.documents.original(document_id))


@router.get("/deliveries", tags=["watch"])
def deliveries(bench: Viewer, alert: int | None = Query(None, ge=1, le=2**63 - 1),
               limit: Annotated[int, Query(ge=0, le=1000)] = 200) -> list[dict[str, Any]]:
    """Alert deliveries, newest first: sent, pending (retrying) or failed, with the last error."""
    return [plain(d) for d in bench.delivery.deliveries(alert_id=alert, limit=limit)]
