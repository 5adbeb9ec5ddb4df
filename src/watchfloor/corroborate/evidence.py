"""Evidence lines: which claims are *not* independent of each other.

A claim's **origin** is where it traces back to: the speaker or source it is attributed to (a person,
an NGO's report, a ministry; by its resolved entity when known, and as that publisher when the source
names one: "research by Conflict Watch" is Conflict Watch), else the publisher of the original copy of
the document (following syndication links), since unattributed or anonymously sourced statements
("officials said") are the outlet's own reporting. Claims with the
same origin form one evidence line: a newspaper repeating a wire story, syndicated copies, two papers
citing one NGO, or one publisher's repeats are one line, not several.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_WORDS = re.compile(r"\w+")
#: Words that make a source unnamed: the outlet's own (anonymous) reporting.
UNNAMED_SOURCES = frozenset({
    "official", "officials", "source", "sources", "analyst", "analysts", "expert", "experts", "observers",
    "diplomats", "residents", "critics", "spokesperson", "spokesman", "spokeswoman", "person", "people",
    "he", "she", "they", "it", "we", "i", "someone", "insiders",
})


def name_key(name: str) -> str:
    """Comparable form of a source or publisher name ("The Financial Times's" → "financial times")."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    return _POSSESSIVE.sub("", _ARTICLE.sub("", folded)).strip()


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim as corroboration sees it."""

    claim_id: int
    document_id: str
    publisher: str | None
    stance: str
    text: str
    source: str | None = None  # named speaker, after pronoun linking
    source_entity: str | None = None  # canonical name of the speaker's resolved entity
    via: tuple[str, ...] = ()
    hedge: str | None = None
    entity_ids: frozenset[str] = field(default_factory=frozenset)
    time_value: str | None = None


def root_document(document_id: str, syndicated_from: Mapping[str, str | None]) -> str:
    """The original copy of a document, following syndication links (cycle-safe)."""
    seen = {document_id}
    while (parent := syndicated_from.get(document_id)) and parent not in seen:
        seen.add(parent)
        document_id = parent
    return document_id


def is_unnamed(source: str) -> bool:
    """Anonymous sourcing: "officials said", "sources in Kazan", "US analysts"."""
    return any(word in UNNAMED_SOURCES for word in _WORDS.findall(name_key(source)))


def origin_of(
    evidence: Evidence,
    publisher_of: Callable[[str], str | None],
    syndicated_from: Mapping[str, str | None],
    publishers: Iterable[str] = (),
) -> str:
    """The key of the evidence line this claim belongs to; ``publishers`` are the known publisher names."""
    named = evidence.source_entity or (
        evidence.source if evidence.source and not is_unnamed(evidence.source) else None
    )
    if named:
        key = name_key(named)
        for publisher in sorted({name_key(p) for p in publishers}, key=len, reverse=True):
            if publisher and re.search(rf"(?<!\w){re.escape(publisher)}(?!\w)", key):
                return "source:" + publisher
        return "source:" + key
    carrier = publisher_of(root_document(evidence.document_id, syndicated_from)) or evidence.publisher
    return "source:" + (name_key(carrier) if carrier else f"document:{evidence.document_id}")


def evidence_lines(
    evidences: Iterable[Evidence],
    publisher_of: Callable[[str], str | None],
    syndicated_from: Mapping[str, str | None],
    publishers: Iterable[str] = (),
) -> dict[str, list[Evidence]]:
    """Group claims into independent evidence lines, keyed by origin."""
    known = list(publishers)
    lines: dict[str, list[Evidence]] = {}
    for evidence in evidences:
        lines.setdefault(origin_of(evidence, publisher_of, syndicated_from, known), []).append(evidence)
    return lines
