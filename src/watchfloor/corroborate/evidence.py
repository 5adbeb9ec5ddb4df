"""Evidence lines: which claims are *not* independent of each other.

A claim's **origin** is where it traces back to: the speaker or source it is attributed to (a person,
an NGO's report, a ministry), else the publisher of the original copy of the document (following
syndication links), since an unattributed statement is the outlet's own reporting. Claims with the
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
#: Words that make a source unnamed: the outlet's own (anonymous) reporting.
UNNAMED_SOURCES = frozenset({
    "officials", "sources", "analysts", "experts", "observers", "diplomats", "residents", "critics",
    "he", "she", "they", "it", "we", "i", "someone", "people",
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


def origin_of(
    evidence: Evidence,
    publisher_of: Callable[[str], str | None],
    syndicated_from: Mapping[str, str | None],
    aliases: Mapping[str, str] | None = None,
) -> str:
    """The key of the evidence line this claim belongs to.

    ``aliases`` maps name keys to a canonical key (e.g. "ft" → "financial times", or resolved entity ids).
    """
    aliases = aliases or {}
    if evidence.source and name_key(evidence.source) not in UNNAMED_SOURCES:
        key = name_key(evidence.source)
        return "source:" + aliases.get(key, key)
    publisher = publisher_of(root_document(evidence.document_id, syndicated_from)) or evidence.publisher
    key = name_key(publisher) if publisher else f"document:{evidence.document_id}"
    return "source:" + aliases.get(key, key)


def evidence_lines(
    evidences: Iterable[Evidence],
    publisher_of: Callable[[str], str | None],
    syndicated_from: Mapping[str, str | None],
    aliases: Mapping[str, str] | None = None,
) -> dict[str, list[Evidence]]:
    """Group claims into independent evidence lines, keyed by origin."""
    lines: dict[str, list[Evidence]] = {}
    for evidence in evidences:
        lines.setdefault(origin_of(evidence, publisher_of, syndicated_from, aliases), []).append(evidence)
    return lines
