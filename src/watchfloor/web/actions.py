"""The workbench's forms: sign in and out, review decisions, judgements on entities, alerts, uploads
and saving a search as a watch rule. Each checks the CSRF token and the role, makes one service call,
and redirects (post/redirect/get) with a note of what happened."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Form, Path, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from watchfloor.errors import WatchfloorError
from watchfloor.service.ingest import IngestOptions
from watchfloor.service.ingestion import IngestReport
from watchfloor.web.render import page
from watchfloor.web.session import COOKIE, MAX_TOKEN, account_for, checked_form, safe_next, visitor

router = APIRouter(include_in_schema=False)
Csrf = Annotated[str | None, Form(max_length=100)]
Why = Annotated[str | None, Form(max_length=2000)]
RowId = Annotated[int, Path(ge=1, le=2**63 - 1)]  # a row id: positive, within 64 bits
#: Files one upload form takes at most.
MAX_UPLOAD_FILES = 20


def back(to: str, note: str) -> RedirectResponse:
    """Post/redirect/get: to ``to`` (a path of ours) with ``note`` to show there."""
    joiner = "&" if "?" in to else "?"
    return RedirectResponse(f"{safe_next(to)}{joiner}{urlencode({'note': note})}", status_code=303)


@router.get("/signin", response_class=HTMLResponse)
def signin_form(request: Request, next: str = "/") -> Response:
    return page(request, None, "signin.html.j2", next=safe_next(next), problem=None)


@router.post("/signin", response_class=HTMLResponse)
def signin(request: Request, token: Annotated[str, Form(max_length=MAX_TOKEN)] = "",
           next: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    """An API token (from ``watchfloor users add``) becomes the session cookie."""
    account = account_for(request, token.strip())
    if account is None:
        return page(request, None, "signin.html.j2", status_code=401, next=safe_next(next),
                    problem="That token is unknown or revoked.")
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")
    return response


@router.post("/signout")
def signout(request: Request, csrf: Csrf = None) -> Response:
    checked_form(request, csrf, "viewer")
    response = RedirectResponse("/signin", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


@router.post("/review/decide")
def review_decide(
    request: Request,
    item: Annotated[str, Form(min_length=3, max_length=300)],
    action: Annotated[str, Form(pattern="^(confirm|reject|correct)$")],
    csrf: Csrf = None,
    field: Annotated[str | None, Form(pattern="^(stance|time|label)$")] = None,
    value: Annotated[str | None, Form(max_length=80)] = None,
    why: Why = None,
    back_to: Annotated[str, Form(max_length=2000)] = "/review",
) -> Response:
    who = checked_form(request, csrf)
    if action == "correct":
        if not field or not value:
            raise WatchfloorError("a correction needs a field (stance, time or label) and a value")
        result = who.bench.review.correct(item, field, value, why=why)
    else:
        result = (who.bench.review.confirm if action == "confirm" else who.bench.review.reject)(item, why=why)
    return back(back_to, f"{action} recorded for {item} (judgement {result.judgement.id})")


@router.post("/judgements/merge")
def merge(request: Request, entity: Annotated[str, Form(max_length=300)],
          other: Annotated[str, Form(min_length=1, max_length=300)], csrf: Csrf = None, why: Why = None
          ) -> Response:
    who = checked_form(request, csrf)
    result = who.bench.judgements.merge(entity, other.strip(), by=who.account.name, why=why)
    return back(f"/entities/{quote(entity, safe='')}", f"merged (judgement {result.judgement.id})")


@router.post("/judgements/split")
def split(request: Request, entity: Annotated[str, Form(max_length=300)],
          names: Annotated[str, Form(min_length=1, max_length=2000)], csrf: Csrf = None, why: Why = None
          ) -> Response:
    who = checked_form(request, csrf)
    chosen = [n.strip() for n in re.split(r"[\n;]", names) if n.strip()]
    result = who.bench.judgements.split(entity, chosen, by=who.account.name, why=why)
    return back(f"/entities/{quote(entity, safe='')}", f"split (judgement {result.judgement.id})")


@router.post("/judgements/{judgement_id}/undo")
def undo(request: Request, judgement_id: RowId, csrf: Csrf = None,
         back_to: Annotated[str, Form(max_length=2000)] = "/") -> Response:
    who = checked_form(request, csrf)
    result = who.bench.judgements.undo(judgement_id)
    return back(back_to, f"judgement {result.judgement.id} undone")


@router.post("/alerts/{alert_id}/acknowledge")
def acknowledge(request: Request, alert_id: RowId, csrf: Csrf = None) -> Response:
    who = checked_form(request, csrf)
    done = who.bench.watch.acknowledge(alert_id)
    return back("/alerts", f"alert {alert_id} acknowledged" if done else f"alert {alert_id} was already")


@router.post("/watch/save-search")
def save_search(request: Request, rule_id: Annotated[str, Form(pattern=r"^[A-Za-z0-9][\w.\-]{0,79}$")],
                q: Annotated[str, Form(min_length=1, max_length=1000)], csrf: Csrf = None,
                kind: Annotated[str | None, Form(max_length=40)] = None,
                entity: Annotated[str | None, Form(max_length=300)] = None) -> Response:
    """A search saved as a document watch rule: its words as keywords, its kind and entity as filters."""
    who = checked_form(request, csrf)
    when: dict[str, object] = {"keywords": [w.strip('"') for w in q.split() if not w.startswith("-")]}
    when.update({k: v for k, v in (("kind", kind), ("entity", entity)) if v})
    who.bench.watch.add_rules([{"id": rule_id, "description": f"saved search: {q}", "on": "document",
                                "when": when, "deliver": []}])
    return back("/alerts", f"search saved as watch rule {rule_id}")


@router.get("/upload", response_class=HTMLResponse)
def upload_form(request: Request) -> Response:
    return page(request, visitor(request, "analyst"), "upload.html.j2", reports=None)


@router.post("/upload", response_class=HTMLResponse)
async def upload(request: Request, files: list[UploadFile], csrf: Csrf = None) -> Response:
    """Several files at once; each gets its own result (stored, duplicate, near-duplicate, refused)."""
    who = checked_form(request, csrf)
    limit = who.bench.settings.max_bytes
    results: list[tuple[str, IngestReport | None, str | None]] = []
    for file in files[:MAX_UPLOAD_FILES]:
        name = file.filename or "upload"
        data = await file.read(limit + 1)
        if len(data) > limit:
            results.append((name, None, f"larger than the {limit} byte limit: not stored"))
            continue
        try:
            results.append((name, who.bench.ingest.upload(name, data, IngestOptions()), None))
        except WatchfloorError as exc:
            results.append((name, None, str(exc)))
    skipped = len(files) - MAX_UPLOAD_FILES
    return page(request, who, "upload.html.j2", reports=results, skipped=max(skipped, 0))
