"""Claims as corroboration sees them, and the evidence lines that are *not* independent of each other.

A claim's **origin** is where it traces back to:

1. the evidence it rests on, when its source is evidence rather than a speaker ("photos posted by
   residents suggest…", "according to the job postings"): every report resting on that kind of
   evidence is one line, however many outlets repeat it;
2. else its named speaker, by the speaker's resolved entity (and as that publisher when the source
   names one: "research by Conflict Watch" is Conflict Watch's own report);
3. else — no source, anonymous sourcing ("officials said"), or the document's own voice — the
   publisher of the original copy of the document, following syndication links.

Lines then collapse further when they are not independent (``origins.py``): outlets of one owner,
one author writing for two outlets, and a sentence copied from an earlier report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from watchfloor.resolve.names import skeleton, stem_key
from watchfloor.store.entities import name_key
from watchfloor.text.persian import has_arabic_script

_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
_POSSESSIVE = re.compile(r"['’]s?$")
_WORDS = re.compile(r"\w+")
#: Words that make a source unnamed: the outlet's own (anonymous) reporting.
UNNAMED_SOURCES = frozenset(
    {
        "official",
        "officials",
        "source",
        "sources",
        "analyst",
        "analysts",
        "expert",
        "experts",
        "observers",
        "diplomats",
        "residents",
        "critics",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "person",
        "people",
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "someone",
        "insiders",
        "everyone",
        "many",
        "some",
    }
)
#: Frame roles whose entities act in what a claim reports (as opposed to where it happens).
ACTOR_ROLES = frozenset({"agent", "patient", "recipient", "source", "partner"})


def source_key(name: str) -> str:
    """Comparable form of a source or publisher name: the store's name key without an article or a
    possessive ("The Financial Times's" → "financial times")."""
    return _POSSESSIVE.sub("", _ARTICLE.sub("", name_key(name))).strip()


@dataclass(frozen=True, slots=True)
class Evidence:
    """One claim as corroboration sees it."""

    claim_id: int
    document_id: str
    publisher: str | None
    stance: str
    text: str  # the proposition asserted or denied
    source: str | None = None  # named speaker, after pronoun linking
    source_phrase: str | None = None  # the source as written ("Ukraine's sanctions monitors")
    source_entity: str | None = None  # canonical name of the speaker's resolved entity
    via: tuple[str, ...] = ()
    hedge: str | None = None
    entity_ids: frozenset[str] = field(default_factory=frozenset)
    time_value: str | None = None
    speaker_entity_id: str | None = None
    affiliation_entity_id: str | None = None
    affiliation: str | None = None  # canonical name of the organisation the speaker speaks for
    speaker_status: str | None = None
    basis: str | None = None  # the kind of evidence the source is (imagery, job postings…)
    event: str | None = None
    agents: frozenset[str] = field(default_factory=frozenset)
    actors: frozenset[str] = field(default_factory=frozenset)
    core_actors: frozenset[str] = field(default_factory=frozenset)  # in a parsed role, not merely named
    places: frozenset[str] = field(default_factory=frozenset)
    objects: frozenset[str] = field(default_factory=frozenset)  # word stems of what the event acts on
    distinctive: frozenset[str] = field(default_factory=frozenset)  # participants that are not countries
    other_instance: bool = False  # says it is about another one ("another vessel", "a different plant")
    numbers: frozenset[str] = field(default_factory=frozenset)  # figures in the proposition ("1300", "40")
    names: frozenset[tuple[str, str]] = field(default_factory=frozenset)  # name words: (key, skeleton)
    allegation: bool = False  # denies or asserts allegations made elsewhere ("the reports")
    time_start: date | None = None
    time_end: date | None = None
    time_precision: str | None = None
    time_of_event: bool = False  # the time is attached to the event (not the publication date, not a
    # time qualifying a participant)
    embedding: Any = None  # numpy vector (normalised), or None
    sentence: str | None = None
    position: int | None = None  # where the claim's sentence starts in its document
    lang: str | None = None
    published: datetime | None = None

    @property
    def parties(self) -> frozenset[str]:
        """Every entity that acts in the claim, its speaker and the speaker's organisation included."""
        own = {e for e in (self.speaker_entity_id, self.affiliation_entity_id) if e}
        return self.actors | self.agents | own


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    """What independence needs to know of a document besides its claims."""

    publisher: str | None
    syndicated_from: str | None = None
    author: str | None = None
    owner: str | None = None  # the publisher's owner or group (front matter ``owner``)
    kind: str | None = None  # the document kind (article, social_post, statement…)

    @property
    def voice(self) -> str | None:
        """Who speaks in the document: the account of a social-media post ("Caspian Wetlands Trust
        (@CaspianWetlands)" → the Trust, not the platform X), else the publisher."""
        if self.kind == "social_post" and self.author:
            return _HANDLE.sub("", self.author).strip() or self.author
        return self.publisher


_HANDLE = re.compile(r"\s*\(@[^)]*\)|^@")
_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
#: Capitalised English words that are not names.
_NOT_NAMES = frozenset(
    "the this that these those there their they its his her our we a an in on at of for "
    "and but or if when while after before since according said says".split()
)


def name_words(text: str, consonants: int = 3) -> frozenset[tuple[str, str]]:
    """The words of a text that can be names, as (ASCII key, consonant skeleton) for matching across
    scripts: capitalised words in Latin and Cyrillic script, every longer word in Persian script
    (which has no capitals); only skeletons of three consonants or more, so short words do not
    collide."""
    found: set[tuple[str, str]] = set()
    for match in _NAME_WORD.finditer(text):
        word = match.group()
        arabic = has_arabic_script(word)
        if not arabic and (not word[0].isupper() or word.lower() in _NOT_NAMES):
            continue
        shape = skeleton(word)
        if len(shape) >= consonants:
            found.add((stem_key(word), shape))
    return frozenset(found)


def root_document(document_id: str, syndicated_from: Mapping[str, str | None]) -> str:
    """The original copy of a document, following syndication links (cycle-safe)."""
    seen = {document_id}
    while (parent := syndicated_from.get(document_id)) and parent not in seen:
        seen.add(parent)
        document_id = parent
    return document_id


def is_unnamed(source: str) -> bool:
    """Anonymous sourcing: "officials said", "sources in Kazan", "US analysts"."""
    return any(word in UNNAMED_SOURCES for word in _WORDS.findall(source_key(source)))


def publisher_key(name: str, publishers: Iterable[str]) -> str | None:
    """The known publisher a source name names ("research by Conflict Watch" → conflict watch)."""
    key = source_key(name)
    for publisher in sorted({source_key(p) for p in publishers}, key=len, reverse=True):
        if publisher and re.search(rf"(?<!\w){re.escape(publisher)}(?!\w)", key):
            return publisher
    return None


@dataclass(frozen=True, slots=True)
class Start:
    """Where a claim's line starts: its key, how it was reached, and a name for people."""

    key: str
    how: str  # "evidence", "speaker" or "outlet"
    label: str


def origin_of(
    evidence: Evidence, documents: Mapping[str, DocumentFacts], publishers: Iterable[str] = ()
) -> Start:
    """The evidence line a claim starts in (before lines are collapsed)."""
    if evidence.basis:
        return Start("evidence:" + evidence.basis, "evidence", evidence.basis)
    named = evidence.source_entity or (
        evidence.source if evidence.source and not is_unnamed(evidence.source) else None
    )
    if evidence.affiliation:  # a spokesperson's or officials' organisation speaks through them
        named = evidence.affiliation
    elif evidence.speaker_status not in (None, "named", "resolved"):
        named = None
    if named:
        return Start("source:" + (publisher_key(named, publishers) or source_key(named)), "speaker", named)
    syndicated = {d: facts.syndicated_from for d, facts in documents.items()}
    root = documents.get(root_document(evidence.document_id, syndicated))
    carrier = (root.voice if root else None) or evidence.publisher
    if not carrier:
        return Start(f"source:document:{evidence.document_id}", "outlet", evidence.document_id)
    return Start("source:" + source_key(carrier), "outlet", carrier)


def evidence_lines(
    evidences: Iterable[Evidence],
    documents: Mapping[str, DocumentFacts],
    publishers: Iterable[str] = (),
) -> dict[str, list[Evidence]]:
    """Group claims by the origin they start in, keyed by origin."""
    known = list(publishers)
    lines: dict[str, list[Evidence]] = {}
    for evidence in evidences:
        lines.setdefault(origin_of(evidence, documents, known).key, []).append(evidence)
    return lines
