"""What the store holds and returns: documents, machine output, analyst input, as plain dataclasses.

Machine output (mentions, times, claims) always records the component (``name@version``) and span it
came from; analyst input (watchlist entries, judgements, ratings) is kept apart from it.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(slots=True)
class StoredDocument:
    id: str
    kind: str
    text: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    retrieved_at: datetime | None = None
    ingested_at: datetime | None = None
    lang: str | None = None
    source_path: str | None = None
    syndicated_from: str | None = None  # id of the earliest near-duplicate copy
    metadata: dict[str, Any] = field(default_factory=dict)
    capture_id: int | None = None  # the archived response it was read from (live sources)


def mention_key(document_id: str, start: int, end: int, label: str) -> str:
    return f"{document_id}:{start}:{end}:{label}"


def claim_key(document_id: str, cue_start: int, cue_end: int) -> str:
    """Stable identity of a claim across re-extraction: its document and the span of its cue."""
    return f"{document_id}:{cue_start}:{cue_end}"


@dataclass(slots=True)
class StoredMention:
    id: int
    document_id: str
    start: int
    end: int
    text: str
    label: str
    component: str
    entity_id: str | None = None
    watchlist_key: str | None = None  # the watchlist entry a watchlist match came from
    lang: str | None = None  # the document's language (filled by ``workspace_mentions``)
    review: str | None = None  # an analyst's decision: confirmed, rejected, corrected

    @property
    def key(self) -> str:
        """Stable identity of the mention across re-extraction: ``document:start:end:label``."""
        return mention_key(self.document_id, self.start, self.end, self.label)


@dataclass(slots=True)
class StoredTime:
    id: int
    document_id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    component: str
    mod: str | None = None


@dataclass(slots=True)
class StoredClaim:
    """An attribution stored with its evidence."""

    id: int
    document_id: str
    cue: str
    cue_start: int
    cue_end: int
    content: str
    content_start: int
    content_end: int
    sentence_start: int
    sentence_end: int
    stance: str
    component: str
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    speaker: str | None = None  # named speaker a pronoun/role source refers to
    speaker_entity_id: str | None = None
    hedge: str | None = None
    via: list[str] = field(default_factory=list)
    time_value: str | None = None
    time_precision: str | None = None  # day … century, week, quarter, half, season, unknown, publication
    time_start: date | None = None  # first and last day the time covers
    time_end: date | None = None
    entity_ids: list[str] = field(default_factory=list)
    document_title: str | None = None
    publisher: str | None = None
    published_at: datetime | None = None
    # -- the claim layer (model/claims.py) ----------------------------------------------------------
    polarity: str = "positive"
    proposition: str | None = None  # what is asserted or denied when it is not the whole content
    proposition_start: int | None = None
    proposition_end: int | None = None
    characterisation: str | None = None
    affiliation: str | None = None
    affiliation_entity_id: str | None = None
    speaker_status: str | None = None
    basis: str | None = None
    event: str | None = None
    frame: dict[str, Any] | None = None
    embedding: bytes | None = None
    participants: list[StoredParticipant] = field(default_factory=list)
    sentence: str | None = None
    author: str | None = None  # of the document
    document_kind: str | None = None
    document_lang: str | None = None
    review: str | None = None  # an analyst's decision: confirmed, corrected (rejected claims are not read)
    reviewed_by: str | None = None

    @property
    def claimed(self) -> str:
        """The proposition asserted or denied: its own text, else the content."""
        return self.proposition or self.content

    @property
    def key(self) -> str:
        """Stable identity across re-extraction: ``document:cue_start:cue_end``."""
        return claim_key(self.document_id, self.cue_start, self.cue_end)


@dataclass(slots=True)
class StoredParticipant:
    """An entity in a claim's frame: its role, its words, and the entity they name (if resolved)."""

    role: str
    text: str
    start: int
    end: int
    entity_id: str | None = None
    label: str | None = None  # the label of the mention it names (PERSON, ORG, GPE…)


@dataclass(slots=True)
class EntitySummary:
    id: str
    type: str
    name: str
    mention_count: int
    document_count: int
    publishers: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    names_by_script: dict[str, list[str]] = field(default_factory=dict)  # script (LATIN…) → forms
    documents: list[str] = field(default_factory=list)  # ids of the documents mentioning it


@dataclass(slots=True)
class ResolvedEntity:
    """One entity as workspace resolution leaves it: its mentions and every name form with its script."""

    id: str
    type: str
    name: str
    mention_ids: list[int]
    names: list[tuple[str, str | None]] = field(default_factory=list)  # (form, lang)
    blocks: set[str] = field(default_factory=set)  # blocking keys of the names


#: Analyst judgement actions on entities.
JUDGEMENT_ACTIONS = ("merge", "split", "not-same")
#: Analyst review actions on machine output (claims and mentions).
REVIEW_ACTIONS = ("confirm", "reject", "correct")


@dataclass(slots=True)
class StoredJudgement:
    """An analyst decision, kept apart from machine output; ``subject`` names the entities and mentions."""

    id: int
    action: str
    subject: dict[str, Any]
    author: str
    created_at: datetime
    reason: str | None = None
    undone_at: datetime | None = None
    document_id: str | None = None  # the document a review concerns


@dataclass(slots=True)
class WatchlistEntry:
    """An analyst's watched name: a canonical name, its type and aliases in any script."""

    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    id: str | None = None
    notes: str | None = None


@dataclass(slots=True)
class PublisherInfo:
    name: str
    reliability: str  # Admiralty scale A–F (F: cannot be judged)
    document_count: int = 0


@dataclass(frozen=True, slots=True)
class DocumentLink:
    """What corroboration needs of every document: its publisher, the copy it was syndicated from,
    its author and its publisher's owner (for independence)."""

    publisher: str | None
    syndicated_from: str | None
    author: str | None = None
    owner: str | None = None
    kind: str | None = None


@dataclass(slots=True)
class ReferenceEntity:
    """An entity from a reference list, as FollowTheMoney data (``data`` is the entity's dict)."""

    dataset: str
    id: str
    schema: str
    caption: str
    names: list[str]
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ClaimFilter:
    entity: str | None = None  # matches any entity name the claim mentions
    about: str | None = None  # every claim of documents that mention an entity with this name
    participant: str | None = None  # claims whose frame has the entity (or whose speaker it is)
    entity_id: str | None = None  # claims that name, quote or involve this one entity
    about_entity_id: str | None = None  # every claim of documents that mention this one entity
    event: str | None = None  # claims reporting this event class (production, supply, hiring…)
    speaker: str | None = None  # matches source or resolved speaker
    stance: str | None = None
    document_id: str | None = None
    since: date | None = None
    until: date | None = None
    limit: int = 200
    include_rejected: bool = False  # claims an analyst rejected are left out unless asked for


@dataclass(slots=True)
class AddResult:
    document_id: str
    created: bool  # False when an exact duplicate was already stored
    duplicate_of: str | None = None


@dataclass(slots=True)
class DocumentQuery:
    """Which documents to list: a full-text query and facet filters, newest first."""

    search: str | None = None  # words (any inflection, any script), "phrases", -excluded
    kind: str | None = None
    lang: str | None = None
    publisher: str | None = None
    since: date | None = None  # published on or after
    until: date | None = None  # published on or before
    entity: str | None = None  # mentions an entity with this name (any form, any script)
    copy_of: str | None = None  # near-duplicate copies of this document (syndicated, republished)
    limit: int = 50
    offset: int = 0
    cursor: str | None = None  # where the previous page ended (DocumentPage.next_cursor); wins over offset


def document_cursor(document: StoredDocument) -> str:
    """The opaque position after ``document`` in the newest-first order (its date, then its id)."""
    when = document.published_at or document.ingested_at
    raw = json.dumps([when.isoformat() if when else None, document.id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_cursor(cursor: str) -> tuple[datetime, str]:
    """The (date, id) a :func:`document_cursor` names; ValueError when it is not one."""
    try:
        when, document_id = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        return datetime.fromisoformat(when), str(document_id)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{cursor[:40]!r} is not a page cursor") from exc


#: Roles of accounts, each allowed what the ones before it are: viewer reads; analyst also ingests,
#: judges, reviews and edits watch rules; admin also manages accounts and publisher ratings.
ROLES = ("viewer", "analyst", "admin")


@dataclass(slots=True)
class Account:
    """Who may use the workspace through the API; only a hash of its token is stored."""

    id: int
    name: str
    role: str
    created_at: datetime
    revoked_at: datetime | None = None


@dataclass(slots=True)
class AuditEntry:
    """One write to the workspace: who did what to which subject, with the state before and after."""

    id: int
    at: datetime
    actor: str
    action: str
    subject: str
    before: Any = None
    after: Any = None
