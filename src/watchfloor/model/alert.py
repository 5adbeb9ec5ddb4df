"""Alerts: the record that a watch rule fired on a subject (stored once per rule and subject)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class Alert:
    rule: str
    subject: str  # "document:<id>", "claim:<id>" or "cluster:<id>"
    created_at: datetime
    title: str
    payload: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
    acknowledged_at: datetime | None = None  # when someone took note of it
    acknowledged_by: str | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["created_at"] = self.created_at.isoformat()
        data["acknowledged_at"] = self.acknowledged_at.isoformat() if self.acknowledged_at else None
        return data
