"""Documents as readers produce them, before analysis."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class DocumentKind(StrEnum):
    ARTICLE = "article"
    JOB_POSTING = "job_posting"
    SOCIAL_POST = "social_post"
    STATEMENT = "statement"
    REPORT = "report"

    @classmethod
    def parse(cls, value: str | None, default: DocumentKind | None = None) -> DocumentKind:
        """Parse a kind name leniently ("job posting", "Job-Posting"); raise ValueError if unknown."""
        if value is None:
            if default is None:
                raise ValueError("document kind missing")
            return default
        key = re.sub(r"[\s\-]+", "_", str(value).strip().lower())
        try:
            return cls(key)
        except ValueError:
            allowed = ", ".join(k.value for k in cls)
            raise ValueError(f"unknown document kind {value!r} (allowed: {allowed})") from None


_WS = re.compile(r"\s+")


def content_hash(text: str) -> str:
    """Hash of the normalised text (NFKC, case-folded, whitespace collapsed): equal for exact duplicates."""
    norm = _WS.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Document:
    """One piece of public material with its provenance, as a reader produced it."""

    text: str
    kind: DocumentKind = DocumentKind.ARTICLE
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: datetime | date | None = None
    retrieved_at: datetime | None = None
    lang: str | None = None
    source_path: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    capture_id: int | None = None  # the archived response it was read from (a fetched page or feed)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def published_date(self) -> date | None:
        if isinstance(self.published_at, datetime):
            return self.published_at.date()
        return self.published_at
