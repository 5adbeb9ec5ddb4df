"""The workbench's reading pages: home, search, document, entity, cluster, timeline, graph, brief.

Each page parses its parameters, makes one service call (or a few reads for one view), and renders a
template; nothing here decides what the data means.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from watchfloor.errors import NotFoundError
from watchfloor.service.claims import TimelineQuery
from watchfloor.service.documents import DocumentQuery
from watchfloor.web.marks import document_marks
from watchfloor.web.render import marked_text, original_response, page, query_words, snippet
from watchfloor.web.session import visitor

router = APIRouter(include_in_schema=False)
LAST_VISIT = "watchfloor_last_visit"


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    who = visitor(request)
    last = request.cookies.get(LAST_VISIT)
    since = _day(last[:10]) if last else None
    new = who.bench.documents.search(DocumentQuery(since=since, limit=10)) if since else None
    week_ago = datetime.now(UTC).date() - timedelta(days=7)
    week = who.bench.documents.search(DocumentQuery(since=week_ago, limit=0))
    response = page(request, who, "home.html.j2", new=new, since=since, week=week,
                    alerts=who.bench.watch.alerts(open_only=True, limit=10),
                    review=len(who.bench.review.queue(limit=1000)),
                    summary=who.bench.documents.summary(top=10))
    response.set_cookie(LAST_VISIT, datetime.now(UTC).date().isoformat(), httponly=True, samesite="strict",
                        max_age=3600 * 24 * 365)
    return response


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: str | None = Query(None, max_length=1000),
    kind: str | None = Query(None, max_length=40),
    lang: str | None = Query(None, max_length=16),
    publisher: str | None = Query(None, max_length=300),
    entity: str | None = Query(None, max_length=300),
    since: str | None = Query(None, max_length=10),
    until: str | None = Query(None, max_length=10),
    cursor: str | None = Query(None, max_length=400),
) -> Response:
    who = visitor(request)
    query = DocumentQuery(search=q or None, kind=kind or None, lang=lang or None,
                          publisher=publisher or None, entity=entity or None, since=_day(since),
                          until=_day(until), limit=25, cursor=cursor)
    found = who.bench.documents.search(query)
    words = query_words(q)
    snippets = {d.id: snippet(d.text, words) for d in found.documents}
    asked = {k: v for k, v in {"q": q, "kind": kind, "lang": lang, "publisher": publisher, "entity": entity,
                                "since": since, "until": until}.items() if v}
    return page(request, who, "search.html.j2", found=found, snippets=snippets, asked=asked)


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, document_id: str) -> Response:
    who = visitor(request)
    view = who.bench.documents.get(document_id)
    publisher = next((p for p in who.bench.publishers.all() if p.name == view.document.publisher), None)
    return page(request, who, "document.html.j2", view=view, publisher=publisher,
                text=marked_text(view.document.text, document_marks(view)))


@router.get("/documents/{document_id}/original")
def original(request: Request, document_id: str) -> Response:
    """The archived response a fetched document was read from, as a download."""
    return original_response(visitor(request).bench.documents.original(document_id))


@router.get("/entities/{entity}", response_class=HTMLResponse)
def entity(request: Request, entity: str) -> Response:
    who = visitor(request)
    view = who.bench.entities.get(entity)
    matches = [m for m in who.bench.reference.xref() if m.entity_id == view.entity.id]
    timeline = who.bench.claims.timeline(TimelineQuery(entity=view.entity.name, limit=200))
    return page(request, who, "entity.html.j2", view=view, matches=matches, timeline=timeline)


@router.get("/clusters", response_class=HTMLResponse)
def clusters(request: Request, entity: str | None = Query(None, max_length=300)) -> Response:
    who = visitor(request)
    return page(request, who, "clusters.html.j2", clusters=who.bench.claims.clusters(entity or None),
                entity=entity)


@router.get("/clusters/{cluster_id}", response_class=HTMLResponse)
def cluster(request: Request, cluster_id: str) -> Response:
    who = visitor(request)
    found = next((c for c in who.bench.claims.clusters(limit=100_000) if c.id == cluster_id), None)
    if found is None:
        raise NotFoundError(f"no claim cluster {cluster_id!r} in this workspace")
    return page(request, who, "cluster.html.j2", cluster=found)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, entity: str | None = Query(None, max_length=300),
             since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
             kind: str | None = Query(None, max_length=40)) -> Response:
    who = visitor(request)
    entries = who.bench.claims.timeline(TimelineQuery(entity or None, _day(since), _day(until), 500))
    if kind:
        entries = [e for e in entries if e.kind == kind]
    return page(request, who, "timeline.html.j2", entries=entries, entity=entity, kind=kind)


@router.get("/briefs/{entity}", response_class=HTMLResponse)
def brief(request: Request, entity: str) -> Response:
    who = visitor(request)
    written = who.bench.claims.brief(entity, "html")
    return page(request, who, "brief_page.html.j2", entity=entity, brief=written.brief)


@router.get("/briefs/{entity}/download")
def brief_download(request: Request, entity: str, format: str = Query("html", pattern="^(html|md)$")
                   ) -> Response:
    """The brief as a file; HTML carries its own styles, so it gets a policy of its own: no script."""
    who = visitor(request)
    written = who.bench.claims.brief(entity, format)
    name = "".join(ch for ch in entity if ch.isalnum() or ch in "-_") or "brief"
    media = "text/html; charset=utf-8" if format == "html" else "text/markdown; charset=utf-8"
    ascii_name = name.encode("ascii", "replace").decode()
    return Response(written.text, media_type=media, headers={
        "Content-Disposition": f'attachment; filename="brief-{ascii_name}.{format}"',
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox",
    })


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, entity: str | None = Query(None, max_length=300)) -> Response:
    who = visitor(request)
    return page(request, who, "graph.html.j2", entity=entity)


@router.get("/graph.json")
def graph_data(request: Request, entity: str | None = Query(None, max_length=300)) -> JSONResponse:
    """Entities, claims and sources as nodes and edges, for the graph page's script."""
    who = visitor(request)
    return JSONResponse(who.bench.claims.graph(entity or None))
