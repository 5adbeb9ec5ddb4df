"""Watch rules and alerts in the SQL store: rules by id, each alert once per rule and subject."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from watchfloor.errors import NotFoundError
from watchfloor.model import Alert
from watchfloor.store.engine import SqlSessions
from watchfloor.store.rows import now
from watchfloor.store.tables import AlertRow, WatchRuleRow


class WatchMixin(SqlSessions):
    """Saving, listing and deleting watch rules; adding and listing alerts."""

    def save_watch_rules(self, rules: Iterable[tuple[str, dict[str, Any]]]) -> int:
        written = 0
        with self._write.begin() as session:
            for rule_id, definition in rules:
                row = session.get(WatchRuleRow, rule_id)
                if row is None:
                    session.add(WatchRuleRow(id=rule_id, definition=definition, updated_at=now()))
                elif row.definition != definition:
                    row.definition, row.updated_at = definition, now()
                else:
                    continue
                written += 1
        return written

    def watch_rules(self) -> list[tuple[str, dict[str, Any]]]:
        with self._read() as session:
            rows = session.scalars(select(WatchRuleRow).order_by(WatchRuleRow.id))
            return [(row.id, dict(row.definition)) for row in rows]

    def delete_watch_rule(self, rule_id: str) -> bool:
        with self._write.begin() as session:
            row = session.get(WatchRuleRow, rule_id)
            if row is not None:
                session.delete(row)
            return row is not None

    def add_alert(self, alert: Alert) -> bool:
        try:
            with self._write.begin() as session:
                exists = session.scalar(
                    select(AlertRow.id).where(AlertRow.rule == alert.rule, AlertRow.subject == alert.subject)
                )
                if exists is not None:
                    return False
                payload = {"title": alert.title, **alert.payload}
                row = AlertRow(rule=alert.rule, subject=alert.subject, created_at=alert.created_at)
                row.payload = payload
                session.add(row)
                session.flush()
                alert.id = row.id
        except IntegrityError:  # the same alert written concurrently
            return False
        return True

    def acknowledge_alert(self, alert_id: int, by: str) -> bool:
        with self._write.begin() as session:
            row = session.get(AlertRow, alert_id)
            if row is None:
                raise NotFoundError(f"no alert {alert_id}")
            if row.acknowledged_at is not None:
                return False
            row.acknowledged_at, row.acknowledged_by = now(), by
            return True

    def alerts(self, *, rule: str | None = None, limit: int = 200, open_only: bool = False) -> list[Alert]:
        statement = select(AlertRow).order_by(AlertRow.created_at.desc(), AlertRow.id.desc()).limit(limit)
        if rule:
            statement = statement.where(AlertRow.rule == rule)
        if open_only:
            statement = statement.where(AlertRow.acknowledged_at.is_(None))
        with self._read() as session:
            return [
                Alert(
                    rule=row.rule,
                    subject=row.subject,
                    created_at=row.created_at,
                    title=str((row.payload or {}).get("title", "")),
                    payload={k: v for k, v in (row.payload or {}).items() if k != "title"},
                    id=row.id,
                    acknowledged_at=row.acknowledged_at,
                    acknowledged_by=row.acknowledged_by,
                )
                for row in session.scalars(statement)
            ]
