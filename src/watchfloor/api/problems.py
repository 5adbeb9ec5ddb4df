"""Errors as RFC 9457 problem details (``application/problem+json``), documented on every route."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

PROBLEM = "application/problem+json"


class Problem(BaseModel):
    """What went wrong, in one line (``detail``) with its HTTP status."""

    type: str = Field("about:blank", description="A URI naming the kind of problem.")
    title: str = Field(description="The status phrase.")
    status: int = Field(ge=400, le=599)
    detail: str = Field(description="The problem, naming the parameter or file at fault.")


def problem(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    phrase = HTTPStatus(status).phrase
    body = Problem(type="about:blank", title=phrase, status=status, detail=detail).model_dump()
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def _documented(status: int, why: str) -> dict[str, Any]:
    return {"description": why, "content": {PROBLEM: {"schema": Problem.model_json_schema()}}}


#: The problems any route may answer with, for the OpenAPI schema.
PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _documented(400, "The request cannot be carried out as asked (the detail says why)."),
    401: _documented(401, "No valid bearer token."),
    403: _documented(403, "The account's role is too low for this."),
    404: _documented(404, "No such document, entity, claim, rule or judgement."),
    413: _documented(413, "The upload is larger than the workspace's limit."),
    422: _documented(422, "A parameter or file is invalid (the detail names it)."),
}
