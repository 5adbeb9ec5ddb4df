"""The workbench's work lists: the alerts inbox and the review queue."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from watchfloor.web.render import page
from watchfloor.web.session import visitor

router = APIRouter(include_in_schema=False)


@router.get("/alerts", response_class=HTMLResponse)
def alerts(request: Request, all: bool = False) -> Response:
    who = visitor(request)
    return page(request, who, "alerts.html.j2", alerts=who.bench.watch.alerts(open_only=not all, limit=500),
                rules=who.bench.watch.rules(), showing_all=all)


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, kind: str | None = Query(None, pattern="^(attribution|mention|merge)$"),
           reviewed: bool = False) -> Response:
    who = visitor(request)
    items = who.bench.review.queue(kind=kind, limit=100, reviewed=reviewed)
    return page(request, who, "review.html.j2", items=items, kind=kind, reviewed=reviewed)
