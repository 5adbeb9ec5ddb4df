"""Analyst judgements in the SQL store: recorded with author and reason, undone but never deleted."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select

from watchfloor.errors import WatchfloorError
from watchfloor.store.base import JUDGEMENT_ACTIONS, REVIEW_ACTIONS, StoredJudgement
from watchfloor.store.engine import SqlSessions
from watchfloor.store.reviews import apply_reviews, record_review
from watchfloor.store.rows import from_row, now
from watchfloor.store.tables import JudgementRow


class JudgementsMixin(SqlSessions):
    """Adding, listing and undoing judgements."""

    def add_judgement(
        self, action: str, subject: dict[str, Any], *, author: str, reason: str | None = None
    ) -> StoredJudgement:
        if action not in JUDGEMENT_ACTIONS:
            raise WatchfloorError(f"judgement action {action!r} is not one of {', '.join(JUDGEMENT_ACTIONS)}")
        with self._write.begin() as session:
            row = JudgementRow(action=action, subject=subject, author=author, created_at=now(), reason=reason)
            session.add(row)
            session.flush()
            return from_row(StoredJudgement, row)

    def judgements(self, *, active_only: bool = False) -> list[StoredJudgement]:
        statement = select(JudgementRow).order_by(JudgementRow.created_at, JudgementRow.id)
        if active_only:
            statement = statement.where(JudgementRow.undone_at.is_(None))
        with self._read() as session:
            return [from_row(StoredJudgement, row) for row in session.scalars(statement)]

    def undo_judgement(self, judgement_id: int) -> StoredJudgement:
        with self._write.begin() as session:
            row = session.get(JudgementRow, judgement_id)
            if row is None:
                raise WatchfloorError(f"no judgement {judgement_id}")
            if row.undone_at is not None:
                raise WatchfloorError(
                    f"judgement {judgement_id} was already undone at {row.undone_at:%Y-%m-%d %H:%M}"
                )
            row.undone_at = now()
            session.flush()
            if row.action in REVIEW_ACTIONS and row.document_id:
                apply_reviews(session, [row.document_id])
            return from_row(StoredJudgement, row)

    def review(
        self, action: str, subject: dict[str, Any], *, author: str, reason: str | None = None
    ) -> StoredJudgement:
        with self._write.begin() as session:
            return record_review(session, action, subject, author=author, reason=reason)

    def reviews(self, document_ids: Iterable[str] | None = None) -> list[StoredJudgement]:
        statement = select(JudgementRow).where(JudgementRow.action.in_(REVIEW_ACTIONS))
        if document_ids is not None:
            statement = statement.where(JudgementRow.document_id.in_(sorted(set(document_ids))))
        with self._read() as session:
            rows = session.scalars(statement.order_by(JudgementRow.created_at, JudgementRow.id))
            return [from_row(StoredJudgement, row) for row in rows]
