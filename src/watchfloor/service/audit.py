"""The audit log: every write through the service layer, with who made it and the state before and after."""

from __future__ import annotations

import dataclasses
import getpass
from datetime import date, datetime
from typing import Any

from watchfloor.store.base import AuditEntry, Store


def local_actor() -> str:
    """Who writes from a shell on this machine: ``cli:<login name>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli:unknown"


def plain(value: Any) -> Any:
    """A JSON value for the log: dataclasses as dicts, dates as ISO text, bytes left out."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not isinstance(getattr(value, f.name), bytes)}
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


class Audit:
    """Records the writes of one actor (an API account, or ``cli:<login>``)."""

    def __init__(self, store: Store, actor: str) -> None:
        self.store = store
        self.actor = actor

    def record(self, action: str, subject: str, before: Any = None, after: Any = None) -> None:
        self.store.add_audit(self.actor, action, subject, plain(before), plain(after))

    def entries(self, *, limit: int = 200, actor: str | None = None) -> list[AuditEntry]:
        """The log, newest first (for admins)."""
        return self.store.audit(limit=limit, actor=actor)
