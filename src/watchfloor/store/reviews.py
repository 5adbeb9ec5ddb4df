"""Analysts' reviews of machine output: confirm, reject or correct a claim or an entity mention.

A review is a judgement (``confirm``, ``reject`` or ``correct``) whose subject names the item by its
stable key — a claim by ``document:cue_start:cue_end``, a mention by ``document:start:end:label`` —
so it survives re-extraction. The rows carry the decision in force (``review``, ``reviewed_by``) and,
under ``machine``, the machine's values of corrected fields. Applying a document's reviews first
restores those values, then replays its active reviews oldest first (the latest decision wins), so
recording, undoing and re-extracting all end in the same state. Rejected claims are not read back;
a rejected mention belongs to no entity.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.store.claims import relink_claims
from watchfloor.store.records import REVIEW_ACTIONS, StoredJudgement, claim_key, mention_key
from watchfloor.store.rows import from_row, now
from watchfloor.store.tables import ClaimRow, JudgementRow, MentionRow
from watchfloor.store.timex import timex_bounds

#: The state each review action leaves an item in.
REVIEW_STATES = dict(zip(REVIEW_ACTIONS, ("confirmed", "rejected", "corrected"), strict=True))
#: What can be reviewed, and the fields of each an analyst may correct.
CORRECTABLE = {"claim": ("stance", "time"), "mention": ("label",)}
STANCES = ("asserts", "denies", "no_comment")
TIME_COLUMNS = ("time_value", "time_precision", "time_start", "time_end")

Reviewable = ClaimRow | MentionRow


def _machine(row: Reviewable, column: str) -> Any:
    """The machine's value of ``column``: kept aside when an analyst corrected it, else the row's."""
    saved = row.machine or {}
    return saved[column] if column in saved else getattr(row, column)


def row_key(row: Reviewable) -> str:
    if isinstance(row, ClaimRow):
        return claim_key(row.document_id, row.cue_start, row.cue_end)
    return mention_key(row.document_id, row.start, row.end, _machine(row, "label"))


def corrected_values(item: str, field: str, value: str) -> dict[str, Any]:
    """The columns a correction sets, checked: a stance, a TIMEX value, or a label."""
    if field not in CORRECTABLE.get(item, ()):
        allowed = ", ".join(CORRECTABLE.get(item, ())) or "nothing"
        raise WatchfloorError(f"a {item} review can correct {allowed}, not {field!r}")
    value = value.strip()
    if field == "stance":
        if value not in STANCES:
            raise WatchfloorError(f"stance must be one of {', '.join(STANCES)}, not {value!r}")
        return {"stance": value}
    if field == "time":
        bounds = timex_bounds(value)
        if bounds is None:
            raise WatchfloorError(f"{value!r} is not a time value (e.g. 2024-05-14, 2024-05, 2024-W20, 2024)")
        precision, start, end = bounds
        return {"time_value": value, "time_precision": precision, "time_start": start, "time_end": end}
    if not value or len(value) > 40:
        raise WatchfloorError("a label is 1 to 40 characters")
    return {"label": value.upper()}


def _stored(column: str, value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _restored(column: str, value: Any) -> Any:
    if column in ("time_start", "time_end") and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _restore(row: Reviewable) -> None:
    for column, value in (row.machine or {}).items():
        setattr(row, column, _restored(column, value))
    row.machine = None
    row.review = row.reviewed_by = None


def _apply(row: Reviewable, review: JudgementRow) -> None:
    if review.action == "correct":
        subject = review.subject
        values = corrected_values(subject["item"], subject["field"], str(subject["value"]))
        saved = dict(row.machine or {})
        for column, value in values.items():
            saved.setdefault(column, _stored(column, getattr(row, column)))
            setattr(row, column, value)
        row.machine = saved
    row.review = REVIEW_STATES[review.action]
    row.reviewed_by = review.author
    if isinstance(row, MentionRow) and row.review == "rejected":
        row.entity_id = None


def apply_reviews(session: Session, document_ids: Iterable[str]) -> None:
    """Bring the claims and mentions of these documents in line with their active reviews."""
    documents = sorted(set(document_ids))
    if not documents:
        return
    reviews = list(
        session.scalars(
            select(JudgementRow)
            .where(
                JudgementRow.document_id.in_(documents),
                JudgementRow.action.in_(REVIEW_ACTIONS),
                JudgementRow.undone_at.is_(None),
            )
            .order_by(JudgementRow.created_at, JudgementRow.id)
        )
    )
    mentions_changed = False
    for item in CORRECTABLE:
        targeted = [r for r in reviews if r.subject.get("item") == item]
        rows = _rows(session, item, documents, reviewed_only=not targeted)
        for row in rows:
            if row.review is not None or row.machine is not None:
                mentions_changed |= item == "mention"
                _restore(row)
        by_key = {row_key(row): row for row in rows}
        for review in targeted:
            if (target := by_key.get(review.subject.get("key", ""))) is not None:
                _apply(target, review)
                mentions_changed |= item == "mention"
    session.flush()
    if mentions_changed:
        relink_claims(session, documents)


def _rows(session: Session, item: str, documents: list[str], *, reviewed_only: bool) -> list[Reviewable]:
    """The claims or mentions of these documents (only those bearing a review, if so asked)."""
    table: type[ClaimRow] | type[MentionRow] = ClaimRow if item == "claim" else MentionRow
    statement = select(table).where(table.document_id.in_(documents))
    if reviewed_only:
        statement = statement.where(or_(table.review.is_not(None), table.machine.is_not(None)))
    return list(session.scalars(statement))


def _document_of(item: str, key: str) -> str:
    return key.split(":", 1)[0] if item in CORRECTABLE and ":" in key else ""


def record_review(
    session: Session, action: str, subject: dict[str, Any], *, author: str, reason: str | None
) -> StoredJudgement:
    """Record a review of the item ``subject`` names and apply it; the item must exist."""
    if action not in REVIEW_ACTIONS:
        raise WatchfloorError(f"review action {action!r} is not one of {', '.join(REVIEW_ACTIONS)}")
    item, key = str(subject.get("item")), str(subject.get("key"))
    document_id = _document_of(item, key)
    if not document_id:
        raise WatchfloorError(f"cannot review {item!r} items (only {', '.join(CORRECTABLE)})")
    rows = _rows(session, item, [document_id], reviewed_only=False)
    row = next((r for r in rows if row_key(r) == key), None)
    if row is None:
        raise NotFoundError(f"no {item} {key} in this workspace")
    if action == "correct":
        corrected_values(item, str(subject.get("field")), str(subject.get("value", "")))
        subject = {**subject, "machine": _stored(subject["field"], _machine_value(row, subject["field"]))}
    judgement = JudgementRow(action=action, subject=subject, author=author, created_at=now(),
                             reason=reason, document_id=document_id)
    session.add(judgement)
    session.flush()
    apply_reviews(session, [document_id])
    return from_row(StoredJudgement, judgement)


def _machine_value(row: Reviewable, field: str) -> Any:
    return _machine(row, "time_value" if field == "time" else field)
