"""Checking and converting the metadata values readers find (front matter, JSONL fields, feeds)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any

_LANG = re.compile(r"[a-z]{2,3}")
_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}")


def when(value: Any, field: str) -> datetime | date | None:
    """A date or date-time from YAML/JSON: ISO 8601 (``2023-05-04``, ``2023-05-04T10:00Z``) or RFC 2822.

    Raises ValueError naming ``field`` if the value is not a date.
    """
    if value is None or isinstance(value, datetime | date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{field} must be a date such as 2023-05-04, not {value!r}")
    text = value.strip()
    try:
        if _DATE_ONLY.fullmatch(text):
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"{field} must be a date such as 2023-05-04, not {value!r}") from None


def moment(value: Any, field: str) -> datetime | None:
    """Like :func:`when` but always a datetime (a bare date means midnight UTC)."""
    parsed = when(value, field)
    if parsed is None or isinstance(parsed, datetime):
        return parsed
    return datetime.combine(parsed, time(), tzinfo=UTC)


def text_value(value: Any, field: str) -> str | None:
    """An optional single-line or multi-line text value; numbers are accepted as their text."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError(f"{field} must be text, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


def lang_value(value: Any, field: str = "lang") -> str | None:
    """An ISO 639 language code (``en``, ``ru``, ``fa``); region subtags (``en-GB``) are dropped."""
    text = text_value(value, field)
    if text is None:
        return None
    code = text.lower().replace("_", "-").split("-")[0]
    if not _LANG.fullmatch(code):
        raise ValueError(f"{field} must be a language code such as en, ru or fa, not {text!r}")
    return code


def text_list(value: Any, field: str) -> list[str]:
    """A list of texts (e.g. required languages)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{field} must be a list of texts")
    return [item.strip() for item in value if item.strip()]
