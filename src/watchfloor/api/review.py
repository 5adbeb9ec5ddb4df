"""Routes of ``/api/v1/review``: the queue of machine output to confirm, reject or correct."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from watchfloor.api.auth import Analyst, Viewer
from watchfloor.service.values import plain

router = APIRouter(prefix="/review", tags=["review"])
Item = Annotated[str, Field(min_length=3, max_length=300,
                            description="claim:<key>, mention:<key> or merge:<entity>|<entity>.")]


@router.get("")
def review_queue(
    bench: Viewer,
    kind: Literal["attribution", "mention", "merge"] | None = None,
    reviewed: bool = False,
    limit: Annotated[int, Query(ge=0, le=1000)] = 50,
) -> list[dict[str, Any]]:
    """What awaits review, most important first (or, with ``reviewed``, what has been decided)."""
    return [plain(item) for item in bench.review.queue(kind=kind, limit=limit, reviewed=reviewed)]


@router.get("/history")
def review_history(bench: Viewer) -> list[dict[str, Any]]:
    """Every review decision, oldest first, undone ones included."""
    return [plain(j) for j in bench.review.history()]


class Decision(BaseModel):
    item: Item
    why: str | None = Field(None, max_length=2000)


class Correction(Decision):
    field: Literal["stance", "time", "label"]
    value: str = Field(min_length=1, max_length=80)


def _result(result: Any) -> dict[str, Any]:
    return {"item": result.item, "judgement": plain(result.judgement)}


@router.post("/confirm", status_code=201)
def confirm(bench: Analyst, body: Decision) -> dict[str, Any]:
    """The machine got it right; a proposed merge is merged (analyst)."""
    return _result(bench.review.confirm(body.item, why=body.why))


@router.post("/reject", status_code=201)
def reject(bench: Analyst, body: Decision) -> dict[str, Any]:
    """The machine got it wrong: the claim leaves claims, briefs and exports (analyst)."""
    return _result(bench.review.reject(body.item, why=body.why))


@router.post("/correct", status_code=201)
def correct(bench: Analyst, body: Correction) -> dict[str, Any]:
    """A claim's stance or time, or a mention's label, corrected (analyst); undo via judgements."""
    return _result(bench.review.correct(body.item, body.field, body.value, why=body.why))
