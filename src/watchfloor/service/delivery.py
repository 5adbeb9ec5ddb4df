"""Sending alerts: each pending delivery that is due goes to its sink once; the outcome is recorded, and a
failure is retried later with a growing wait (see :mod:`watchfloor.store.live`) until it is given up.

Delivery is at least once: a process stopped after a sink accepted an alert and before the outcome was
recorded sends it again, with the same ``X-Watchfloor-Delivery`` id, so receivers can drop the repeat.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from watchfloor.config import Settings
from watchfloor.store.base import Delivery, Store
from watchfloor.watch.sinks import DeliveryContext, DeliveryError, send


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0  # given up after the last attempt
    problems: list[str] = field(default_factory=list)


def delivery_context(settings: Settings) -> DeliveryContext:
    """What the sinks need from the workspace settings: the fetch allow-list and the mail server."""
    return DeliveryContext(allow=settings.fetch.allow, smtp=settings.smtp, timeout=settings.fetch.seconds)


class DeliveryService:
    def __init__(self, store: Store, settings: Settings, context: DeliveryContext | None = None) -> None:
        self.store = store
        self.context = context or delivery_context(settings)

    def deliver_due(self, limit: int = 100, at: datetime | None = None) -> DeliveryReport:
        """Attempt every pending delivery due now (or ``at``; at most ``limit``); never raises for a sink."""
        report = DeliveryReport()
        for delivery, alert in self.store.due_deliveries(at or datetime.now(UTC), limit):
            try:
                send(alert, delivery.spec, self.context, delivery_id=str(delivery.id))
            except DeliveryError as exc:
                recorded = self.store.record_delivery(delivery.id, datetime.now(UTC), error=str(exc))
                if recorded.status == "failed":
                    report.failed += 1
                else:
                    report.retrying += 1
                report.problems.append(f"alert {alert.rule} on {alert.subject} to {delivery.target}: {exc}")
            else:
                self.store.record_delivery(delivery.id, datetime.now(UTC))
                report.sent += 1
        return report

    def deliveries(self, *, alert_id: int | None = None, limit: int = 200) -> list[Delivery]:
        """Deliveries newest first, with their attempts and last error."""
        return self.store.deliveries(alert_id=alert_id, limit=limit)
