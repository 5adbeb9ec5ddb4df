"""Analyst judgements in the SQL store: recorded with author and reason, undone but never deleted."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from watchfloor.errors import WatchfloorError
from watchfloor.store.base import JUDGEMENT_ACTIONS, StoredJudgement
from watchfloor.store.engine import SqlSessions
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
            return from_row(StoredJudgement, row)
