"""Watch rules and alerts in the SQL store: rules by id, each alert once per rule and subject, stored with
its pending deliveries; deliveries retried with back-off until sent or given up."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from watchfloor.errors import NotFoundError
from watchfloor.model import Alert
from watchfloor.store.engine import SqlSessions
from watchfloor.store.live import DELIVERY_ATTEMPTS, Delivery, NewDelivery, retry_delay
from watchfloor.store.live_tables import DeliveryRow
from watchfloor.store.rows import from_row, now
from watchfloor.store.tables import AlertRow, WatchRuleRow

#: Longest error text kept for a delivery attempt.
MAX_ERROR_CHARS = 1000


def _alert(row: AlertRow) -> Alert:
    payload = row.payload or {}
    return Alert(rule=row.rule, subject=row.subject, created_at=row.created_at,
                 title=str(payload.get("title", "")),
                 payload={k: v for k, v in payload.items() if k != "title"},
                 id=row.id, acknowledged_at=row.acknowledged_at, acknowledged_by=row.acknowledged_by)


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

    def add_alert(self, alert: Alert, deliveries: list[NewDelivery] | None = None) -> bool:
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
                session.add_all(DeliveryRow(alert_id=row.id, sink=d.sink, target=d.target, spec=d.spec,
                                            status="pending", attempts=0, next_attempt_at=alert.created_at)
                                for d in deliveries or [])
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

    def alerts(self, *, rule: str | None = None, limit: int = 200, open_only: bool = False,
               since: datetime | None = None) -> list[Alert]:
        statement = select(AlertRow).order_by(AlertRow.created_at.desc(), AlertRow.id.desc()).limit(limit)
        if since is not None:
            statement = statement.where(AlertRow.created_at >= since)
        if rule:
            statement = statement.where(AlertRow.rule == rule)
        if open_only:
            statement = statement.where(AlertRow.acknowledged_at.is_(None))
        with self._read() as session:
            return [_alert(row) for row in session.scalars(statement)]

    def due_deliveries(self, at: datetime, limit: int = 100) -> list[tuple[Delivery, Alert]]:
        statement = (select(DeliveryRow, AlertRow).join(AlertRow, AlertRow.id == DeliveryRow.alert_id)
                     .where(DeliveryRow.status == "pending", DeliveryRow.next_attempt_at <= at)
                     .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id).limit(limit))
        with self._read() as session:
            rows = session.execute(statement)
            return [(from_row(Delivery, delivery), _alert(alert)) for delivery, alert in rows]

    def record_delivery(self, delivery_id: int, at: datetime, *, error: str | None = None) -> Delivery:
        with self._write.begin() as session:
            row = session.get(DeliveryRow, delivery_id)
            if row is None:
                raise NotFoundError(f"no delivery {delivery_id}")
            row.attempts += 1
            if error is None:
                row.status, row.sent_at, row.last_error = "sent", at, None
            else:
                row.last_error = error[:MAX_ERROR_CHARS]
                row.status = "failed" if row.attempts >= DELIVERY_ATTEMPTS else "pending"
                row.next_attempt_at = at + retry_delay(row.attempts)
            return from_row(Delivery, row)

    def deliveries(self, *, alert_id: int | None = None, limit: int = 200) -> list[Delivery]:
        statement = select(DeliveryRow).order_by(DeliveryRow.id.desc()).limit(limit)
        if alert_id is not None:
            statement = statement.where(DeliveryRow.alert_id == alert_id)
        with self._read() as session:
            return [from_row(Delivery, row) for row in session.scalars(statement)]
