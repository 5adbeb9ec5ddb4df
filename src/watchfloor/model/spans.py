"""Character spans and the provenance every machine-made value carries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """A slice ``text[start:end]`` of a document, in Python code points."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, document_text: str, start: int, end: int) -> Span:
        """Build a span whose ``text`` is exactly ``document_text[start:end]``."""
        if not 0 <= start <= end <= len(document_text):
            raise ValueError(f"span {start}:{end} outside text of length {len(document_text)}")
        return cls(start, end, document_text[start:end])

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which component (versioned name, e.g. ``ner.spacy@1``) produced a value."""

    component: str
    version: str

    def __str__(self) -> str:
        return f"{self.component}@{self.version}"
