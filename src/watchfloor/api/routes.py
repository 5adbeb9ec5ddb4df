"""Routes of ``/api/v1/``: each parses its parameters, makes one service call and returns JSON.

Reads need the viewer role, uploads and analyst decisions the analyst role, ratings and the audit log
admin.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, HTTPException, Path, Query, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, Response, StreamingResponse
from pydantic import BaseModel, Field

from watchfloor import __version__
from watchfloor.api.auth import Admin, Analyst, Viewer
from watchfloor.model import DocumentKind
from watchfloor.service.claims import TimelineQuery
from watchfloor.service.documents import DocumentQuery
from watchfloor.service.export import MEDIA_TYPES
from watchfloor.service.ingest import IngestOptions
from watchfloor.service.values import plain
from watchfloor.store.base import ClaimFilter

router = APIRouter()
Limit = Annotated[int, Query(ge=0, le=1000, description="At most this many items.")]
#: A row id in a path: positive and within a 64-bit integer, as every backend stores it.
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]


def _summary(document: Any) -> dict[str, Any]:
    record: dict[str, Any] = plain(document)
    record["chars"] = len(record.pop("text"))
    return record


@router.get("/health", tags=["meta"])
def health() -> dict[str, str]:
    """Liveness: no token needed."""
    return {"status": "ok", "version": __version__}


@router.get("/documents", tags=["documents"])
def documents(
    bench: Viewer,
    search: str | None = Query(None, max_length=1000, description='Words, "phrases", -excluded.'),
    kind: str | None = None,
    lang: str | None = None,
    publisher: str | None = None,
    entity: str | None = Query(None, max_length=300, description="Mentioning this entity (any name)."),
    since: date | None = Query(None, description="Published on or after this day."),
    until: date | None = Query(None, description="Published on or before this day."),
    limit: Limit = 50,
    cursor: str | None = Query(None, max_length=400, description="`next_cursor` of the previous page."),
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> dict[str, Any]:
    """Documents, newest first, with counts by kind, language, publisher, year and entity; page on with
    ``cursor`` (stable while documents arrive; ``offset`` is kept for small jumps)."""
    page = bench.documents.search(
        DocumentQuery(search=search, kind=kind, lang=lang, publisher=publisher, entity=entity, since=since,
                      until=until, limit=limit, offset=offset, cursor=cursor)
    )
    return {"total": page.total, "facets": page.facets, "next_cursor": page.next_cursor,
            "documents": [_summary(d) for d in page.documents]}


@router.post("/documents", tags=["documents"], status_code=201)
async def upload(
    bench: Analyst,
    file: UploadFile,
    kind: Annotated[str | None, Form(description="Kind for a file read as an article.")] = None,
    publisher: Annotated[str | None, Form(description="Publisher for a document that names none.")] = None,
    published: Annotated[date | None, Form(description="Publication date for an undated document.")] = None,
) -> dict[str, Any]:
    """Ingest one file (multipart), through the same readers and limits as ``watchfloor ingest``.

    413 over the workspace's byte limit; 422 when the file cannot be read (nothing is stored then).
    """
    limit = bench.settings.max_bytes
    data = await file.read(limit + 1)
    name = file.filename or "upload"
    if len(data) > limit:
        raise HTTPException(413, f"{name}: larger than the {limit} byte limit")
    try:
        options = IngestOptions(DocumentKind.parse(kind) if kind else None, publisher, published)
    except ValueError as exc:
        raise HTTPException(422, f"kind: {exc}") from None
    report = bench.ingest.upload(name, data, options)
    if report.failures and not report.stored_ids:
        raise HTTPException(422, "; ".join(f"{f.source}: {f.problem}" for f in report.failures))
    return {"counts": report.counts(), "outcomes": plain(report.outcomes), "warnings": report.warnings,
            "errors": report.stage_errors}


@router.get("/documents/{document_id}", tags=["documents"])
def document(bench: Viewer, document_id: str) -> dict[str, Any]:
    """One document with its text and every span: entity mentions, time expressions, claims."""
    view = bench.documents.get(document_id)
    return {**plain(view.document), "mentions": plain(view.mentions), "times": plain(view.times),
            "claims": plain(view.claims), "capture": plain(view.capture)}


@router.get("/entities", tags=["entities"])
def entities(bench: Viewer, type: str | None = None, limit: Limit = 50) -> list[dict[str, Any]]:
    """Entities, most mentioned first, with their names in every script."""
    return [plain(e) for e in bench.entities.top(type=type, limit=limit)]


@router.get("/entities/{entity}", tags=["entities"])
def entity(bench: Viewer, entity: str) -> dict[str, Any]:
    """One entity, by id or any of its names: names in every script, mentions, the documents and claims
    naming it, and the analyst judgements on it."""
    view = bench.entities.get(entity)
    return {**plain(view.entity), "mentions": plain(view.mentions), "claims": plain(view.claims),
            "judgements": plain(view.judgements), "documents": [_summary(d) for d in view.documents]}


@router.get("/claims", tags=["claims"])
def claims(
    bench: Viewer,
    entity: str | None = None,
    speaker: str | None = None,
    stance: Literal["asserts", "denies", "no_comment"] | None = None,
    limit: Limit = 200,
) -> list[dict[str, Any]]:
    """Claims with their cue, source and content spans, newest documents first; ``key`` is the claim's
    stable id (``claim:<key>`` in the review queue)."""
    found = bench.claims.find(ClaimFilter(entity=entity, speaker=speaker, stance=stance, limit=limit))
    return [{**plain(c), "key": c.key} for c in found]


@router.get("/clusters", tags=["claims"])
def clusters(bench: Viewer, entity: str | None = None, limit: Limit = 200) -> list[dict[str, Any]]:
    """Claim clusters with independent origins, denials, credibility and its explanation."""
    return [c.to_json() for c in bench.claims.clusters(entity, limit)]


@router.get("/timeline", tags=["claims"])
def timeline(
    bench: Viewer,
    entity: str | None = None,
    since: date | None = Query(None, alias="from"),
    until: date | None = Query(None, alias="to"),
    limit: Limit = 500,
) -> list[dict[str, Any]]:
    """Dated claims and documents in time order."""
    return [e.to_json() for e in bench.claims.timeline(TimelineQuery(entity, since, until, limit))]


@router.get("/briefs/{entity}", tags=["claims"], response_class=Response)
def brief(bench: Viewer, entity: str, format: Literal["md", "html"] = "html") -> Response:
    """The brief on an entity, as HTML (the timeline plot embedded) or Markdown (without the plot)."""
    written = bench.claims.brief(entity, format)
    if format == "html":
        return HTMLResponse(written.text)
    return PlainTextResponse(written.text, media_type="text/markdown; charset=utf-8")


@router.get("/alerts", tags=["watch"])
def alerts(
    bench: Viewer, rule: str | None = None, open: bool = False, limit: Limit = 200
) -> list[dict[str, Any]]:
    """Alerts, newest first; ``open=true`` for those nobody has acknowledged."""
    return [a.to_json() for a in bench.watch.alerts(rule=rule, limit=limit, open_only=open)]


@router.post("/alerts/{alert_id}/acknowledge", tags=["watch"])
def acknowledge(bench: Analyst, alert_id: RowId) -> dict[str, Any]:
    """Take note of an alert (analyst); ``acknowledged`` is false when someone already had."""
    return {"alert": alert_id, "acknowledged": bench.watch.acknowledge(alert_id)}


@router.get("/watch/rules", tags=["watch"])
def watch_rules(bench: Viewer) -> list[dict[str, Any]]:
    return [r.to_definition() for r in bench.watch.rules()]


@router.post("/watch/rules", tags=["watch"], status_code=201)
def save_rules(bench: Analyst, rules: list[dict[str, Any]]) -> dict[str, int]:
    """Add or replace watch rules (each as in the YAML file: id, on, when, deliver); all checked first."""
    read, written = bench.watch.add_rules(rules)
    return {"read": read, "written": written}


@router.delete("/watch/rules/{rule_id}", tags=["watch"], status_code=204)
def remove_rule(bench: Analyst, rule_id: str) -> Response:
    """Remove a watch rule (its alerts stay)."""
    bench.watch.remove(rule_id)
    return Response(status_code=204)


#: A STIX export is one JSON bundle; the others are text (JSON Lines, CSV, XML).
STREAMED = {media: {"schema": {"type": "object", "required": ["type", "id", "objects"]}
                    if fmt == "stix" else {"type": "string"}} for fmt, media in MEDIA_TYPES.items()}


@router.get("/export", tags=["export"], response_class=StreamingResponse,
            responses={200: {"description": "The export, streamed.", "content": STREAMED}})
def export(
    bench: Viewer,
    format: Literal["ftm", "stix", "csv", "graphml"] = "ftm",
    entity: str | None = Query(None, max_length=300, description="Only the documents mentioning it."),
    opencti: bool = Query(False, description="STIX: add OpenCTI's x_opencti_* properties."),
) -> StreamingResponse:
    """The workspace (or the documents mentioning ``entity``) as FollowTheMoney JSON Lines, a STIX 2.1
    bundle, CSV (a row per claim) or GraphML, streamed (docs/export.md)."""
    chunks = bench.export.stream(format, entity=entity, opencti=opencti)  # checks entity before streaming
    name = bench.export.file_name(format, entity)
    plain_name = name.encode("ascii", "replace").decode()
    disposition = f"attachment; filename=\"{plain_name}\"; filename*=UTF-8''{quote(name)}"
    return StreamingResponse(chunks, media_type=bench.export.media_type(format),
                             headers={"Content-Disposition": disposition})


@router.get("/publishers", tags=["publishers"])
def publishers(bench: Viewer) -> list[dict[str, Any]]:
    return [plain(p) for p in bench.publishers.all()]


class Rating(BaseModel):
    rating: Literal["A", "B", "C", "D", "E", "F"] = Field(description="Admiralty reliability A–F.")


@router.put("/publishers/{name}/rating", tags=["publishers"])
def rate(bench: Admin, name: str, body: Rating) -> dict[str, Any]:
    """Set a publisher's reliability (admin)."""
    return plain(bench.publishers.rate(name, body.rating))


@router.get("/judgements", tags=["judgements"])
def judgements(bench: Viewer) -> list[dict[str, Any]]:
    return [plain(j) for j in bench.judgements.history()]


class Pair(BaseModel):
    entity_a: str
    entity_b: str
    why: str | None = Field(None, max_length=2000)


class Split(BaseModel):
    entity: str
    names: list[str] = Field(min_length=1)
    why: str | None = Field(None, max_length=2000)


@router.post("/judgements/merge", tags=["judgements"], status_code=201)
def merge(bench: Analyst, body: Pair) -> dict[str, Any]:
    """Two entities are the same thing (analyst)."""
    result = bench.judgements.merge(body.entity_a, body.entity_b, by=bench.audit.actor, why=body.why)
    return {"judgement": plain(result.judgement), "entities": result.entities}


@router.post("/judgements/not-same", tags=["judgements"], status_code=201)
def not_same(bench: Analyst, body: Pair) -> dict[str, Any]:
    """Two entities are different things (analyst)."""
    result = bench.judgements.not_same(body.entity_a, body.entity_b, by=bench.audit.actor, why=body.why)
    return {"judgement": plain(result.judgement), "entities": result.entities}


@router.post("/judgements/split", tags=["judgements"], status_code=201)
def split(bench: Analyst, body: Split) -> dict[str, Any]:
    """The mentions with these name forms leave the entity (analyst)."""
    result = bench.judgements.split(body.entity, body.names, by=bench.audit.actor, why=body.why)
    return {"judgement": plain(result.judgement), "entities": result.entities}


@router.post("/judgements/{judgement_id}/undo", tags=["judgements"])
def undo(bench: Analyst, judgement_id: RowId) -> dict[str, Any]:
    """Undo a judgement (it stays on record) and re-resolve (analyst)."""
    result = bench.judgements.undo(judgement_id)
    return {"judgement": plain(result.judgement), "entities": result.entities}


@router.get("/audit", tags=["audit"])
def audit(bench: Admin, actor: str | None = None, limit: Limit = 200) -> list[dict[str, Any]]:
    """Every write: who, when, what, before and after (admin)."""
    return [plain(e) for e in bench.audit.entries(limit=limit, actor=actor)]
