"""Plain JSON values of what the service returns, for every interface and the audit log."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any


def plain(value: Any) -> Any:
    """A JSON value: an object's own ``to_json()`` if it has one, dataclasses as dicts, dates as ISO
    text, sequences as lists; bytes fields (embeddings) are left out."""
    if hasattr(value, "to_json"):
        return value.to_json()
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
