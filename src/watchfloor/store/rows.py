"""Small helpers shared by the SQL store's modules: checked spans, rows to records, upserts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from watchfloor.model import Span

_Record = TypeVar("_Record")
_T = TypeVar("_T")

#: Bound parameters per statement (SQLite allows 32,766).
CHUNK = 5000


def chunks(values: Sequence[_T], size: int = CHUNK) -> Iterator[Sequence[_T]]:
    """``values`` in slices of at most ``size``, for ``IN`` lists a database accepts."""
    for start in range(0, len(values), size):
        yield values[start : start + size]


def now() -> datetime:
    return datetime.now(UTC)


def checked(span: Span, text: str, what: str) -> Span:
    """The span itself, if it really is a slice of ``text``; ValueError otherwise."""
    if not 0 <= span.start <= span.end <= len(text):
        raise ValueError(f"{what} span {span.start}:{span.end} lies outside the text (length {len(text)})")
    if text[span.start : span.end] != span.text:
        raise ValueError(f"{what} span {span.start}:{span.end} {span.text!r} does not match the text")
    return span


def insert_ignoring_duplicates(session: Session, table: Any, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT … ON CONFLICT DO NOTHING, so concurrent writers can share entities and publishers."""
    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).on_conflict_do_nothing(), list(rows))


def from_row(cls: type[_Record], row: object, **values: Any) -> _Record:
    """A ``cls`` dataclass from the same-named attributes of an ORM row; ``values`` fill in the rest."""
    fields = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    found = {name: getattr(row, name) for name in fields - values.keys() if hasattr(row, name)}
    return cls(**found, **values)
