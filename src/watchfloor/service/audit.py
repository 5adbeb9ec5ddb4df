"""The audit log: every write through the service layer, with who made it and the state before and after."""

from __future__ import annotations

import getpass
from typing import Any

from watchfloor.service.values import plain
from watchfloor.store.base import AuditEntry, Store


def login_name() -> str:
    """The login name of whoever runs this process (``unknown`` when there is none)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def local_actor() -> str:
    """Who writes from a shell on this machine: ``cli:<login name>``."""
    return f"cli:{login_name()}"


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
