"""The Store interface: everything the rest of watchfloor knows about persistence.

Machine output (mentions, times, claims) is written with the document in one transaction and always
records the component (``name@version``) and span it came from. Analyst input (watchlist entries,
later judgements) lives in tables of its own, never mixed with machine output.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any

from watchfloor.model import Alert, Analysis, Document
from watchfloor.store.live import (  # noqa: F401  (re-exported: the store's interface)
    SOURCE_KINDS,
    Delivery,
    LiveStore,
    NewCapture,
    NewDelivery,
    Source,
    SourceSpec,
    StoredCapture,
)
from watchfloor.store.records import (  # noqa: F401  (re-exported: the store's interface)
    JUDGEMENT_ACTIONS,
    REVIEW_ACTIONS,
    ROLES,
    Account,
    AddResult,
    AuditEntry,
    ClaimFilter,
    DocumentLink,
    DocumentQuery,
    EntitySummary,
    PublisherInfo,
    ReferenceEntity,
    ResolvedEntity,
    StoredClaim,
    StoredDocument,
    StoredJudgement,
    StoredMention,
    StoredParticipant,
    StoredTime,
    WatchlistEntry,
    claim_key,
    document_cursor,
    mention_key,
)


class Store(LiveStore, ABC):
    """A watchfloor workspace. Backends: SQLite (embedded default) and PostgreSQL (live sources,
    captures, deliveries and leases: :class:`~watchfloor.store.live.LiveStore`)."""

    # -- documents ---------------------------------------------------------------------------
    @abstractmethod
    def add_document(
        self,
        document: Document,
        analysis: Analysis,
        *,
        syndicated_from: str | None = None,
        minhash: bytes | None = None,
    ) -> AddResult:
        """Store a document and all its machine output in one transaction.

        An exact duplicate (same normalised content hash) writes nothing and returns
        ``created=False`` with the id of the stored copy.
        """

    @abstractmethod
    def find_by_hash(self, content_hash: str) -> str | None: ...

    @abstractmethod
    def minhash_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(document id, serialised MinHash) for every stored document that has one."""

    @abstractmethod
    def document(self, document_id: str) -> StoredDocument | None: ...

    @abstractmethod
    def documents_by_id(self, document_ids: Sequence[str]) -> list[StoredDocument]:
        """The stored documents among ``document_ids``, in that order (unknown ids left out)."""

    @abstractmethod
    def documents(
        self,
        *,
        kind: str | None = None,
        search: str | None = None,
        mentioning: str | None = None,
        limit: int = 100,
    ) -> list[StoredDocument]:
        """Documents newest first; ``search`` is a full-text query (FTS5 / tsvector), ``mentioning``
        keeps documents with a mention of an entity having a name that contains it (any script)."""

    @abstractmethod
    def search_documents(self, query: DocumentQuery) -> list[StoredDocument]:
        """Documents matching ``query``, newest first; InputError for a query the engine cannot parse."""

    @abstractmethod
    def document_facets(self, query: DocumentQuery) -> tuple[int, dict[str, dict[str, int]]]:
        """How many documents match ``query`` (limit and offset aside), and their counts by ``kind``,
        ``lang`` and ``publisher``, largest first."""

    @abstractmethod
    def counts_by_kind(self) -> dict[str, int]: ...

    @abstractmethod
    def document_ids(self, *, ingested_since: date | None = None) -> Iterator[str]:
        """Ids of stored documents in ingestion order (of those ingested on or after a day)."""

    @abstractmethod
    def replace_machine_output(
        self, document_id: str, analysis: Analysis, kinds: Iterable[str] = ("entities", "times", "claims")
    ) -> None:
        """Replace a document's mentions (``entities``), ``times`` and/or ``claims`` with ``analysis``'s,
        in one transaction; judgements and other analyst input stay."""

    # -- machine output ----------------------------------------------------------------------
    @abstractmethod
    def mentions(self, document_id: str) -> list[StoredMention]: ...

    @abstractmethod
    def times(self, document_id: str) -> list[StoredTime]: ...

    @abstractmethod
    def top_entities(self, *, type: str | None = None, limit: int = 20) -> list[EntitySummary]: ...

    @abstractmethod
    def entity(self, entity_id: str) -> EntitySummary | None:
        """One entity by id, summarised as ``top_entities`` does."""

    @abstractmethod
    def entity_by_name(self, name: str) -> EntitySummary | None:
        """The most mentioned entity having ``name`` as one of its names (case-insensitive, any script)."""

    @abstractmethod
    def entity_mentions(self, entity_id: str) -> list[StoredMention]:
        """Every mention of an entity, by document and offset."""

    @abstractmethod
    def co_mentions(self, entity_id: str, limit: int = 20) -> list[tuple[str, int]]:
        """The other entities mentioned in the documents mentioning ``entity_id``, with how many of
        those documents name them, most shared first (ties by id)."""

    @abstractmethod
    def claims(self, query: ClaimFilter | None = None) -> list[StoredClaim]: ...

    @abstractmethod
    def document_links(self, document_ids: Iterable[str] | None = None) -> dict[str, DocumentLink]:
        """Publisher and syndication link of every document (or of ``document_ids`` and the originals
        they were syndicated from), by document id."""

    @abstractmethod
    def entity_names(self, entity_ids: Iterable[str]) -> dict[str, str]:
        """Canonical name of each known entity id."""

    # -- entity resolution -------------------------------------------------------------------
    @abstractmethod
    def workspace_mentions(self) -> list[StoredMention]:
        """Every mention, with its document's language, in ingestion order (documents, then offsets)."""

    @abstractmethod
    def document_mentions(self, document_ids: Iterable[str]) -> list[StoredMention]:
        """The mentions of some documents, with their language, ordered as ``workspace_mentions``."""

    @abstractmethod
    def replace_entities(self, entities: Iterable[ResolvedEntity]) -> None:
        """Write a resolution in one transaction: entities with their names and blocking keys, each
        mention's entity, and the claims' entity links; entities no longer referenced are removed."""

    @abstractmethod
    def has_entity_blocks(self) -> bool:
        """Whether entities' blocking keys are stored (a full resolution writes them)."""

    @abstractmethod
    def known_entities(self, keys: Iterable[str], max_postings: int) -> list[ResolvedEntity]:
        """Entities having one of the blocking ``keys`` (keys shared by more than ``max_postings``
        entities left out, except exact ones), with their names but not their mentions."""

    @abstractmethod
    def update_entities(self, entities: Iterable[ResolvedEntity], document_ids: Iterable[str]) -> None:
        """Write the resolution of some documents' mentions in one transaction (see ``replace_entities``),
        touching only those documents, their claims and the entities given."""

    @abstractmethod
    def add_judgement(
        self, action: str, subject: dict[str, Any], *, author: str, reason: str | None = None
    ) -> StoredJudgement: ...

    @abstractmethod
    def judgements(self, *, active_only: bool = False) -> list[StoredJudgement]:
        """Judgements oldest first; ``active_only`` leaves out undone ones."""

    @abstractmethod
    def undo_judgement(self, judgement_id: int) -> StoredJudgement:
        """Mark a judgement undone (it stays on record); WatchfloorError if unknown or already undone.
        Undoing a review restores what the machine said (see :mod:`watchfloor.store.reviews`)."""

    @abstractmethod
    def review(
        self, action: str, subject: dict[str, Any], *, author: str, reason: str | None = None
    ) -> StoredJudgement:
        """Record and apply a review (confirm, reject, correct) of the claim or mention ``subject``
        names by ``item`` and ``key`` (a correction also by ``field`` and ``value``); NotFoundError
        if no such item, WatchfloorError for a correction that does not fit."""

    @abstractmethod
    def reviews(self, document_ids: Iterable[str] | None = None) -> list[StoredJudgement]:
        """Review judgements (of these documents), oldest first, undone ones included."""

    # -- analyst input -----------------------------------------------------------------------
    @abstractmethod
    def publishers(self) -> list[PublisherInfo]: ...

    @abstractmethod
    def set_reliability(self, publisher: str, rating: str) -> None:
        """Set a publisher's Admiralty reliability (A–F); the publisher is created if unknown."""

    @abstractmethod
    def save_watch_rules(self, rules: Iterable[tuple[str, dict[str, Any]]]) -> int:
        """Add or replace watch rules (id, definition); returns how many were written."""

    @abstractmethod
    def watch_rules(self) -> list[tuple[str, dict[str, Any]]]: ...

    @abstractmethod
    def delete_watch_rule(self, rule_id: str) -> bool: ...

    @abstractmethod
    def add_reference_entities(self, dataset: str, entities: Iterable[ReferenceEntity]) -> int:
        """Replace a dataset's reference entities with ``entities`` in one transaction; returns the count."""

    @abstractmethod
    def reference_entities(self, dataset: str | None = None) -> Iterator[ReferenceEntity]: ...

    @abstractmethod
    def alerts(self, *, rule: str | None = None, limit: int = 200, open_only: bool = False,
               since: datetime | None = None) -> list[Alert]:
        """Alerts newest first (``open_only``: those nobody has acknowledged; ``since``: raised then or
        later)."""

    @abstractmethod
    def acknowledge_alert(self, alert_id: int, by: str) -> bool:
        """Mark an alert taken note of; False if it already was, NotFoundError if unknown."""

    @abstractmethod
    def add_watchlist_entries(self, entries: Iterable[WatchlistEntry]) -> int:
        """Add or update entries (by name and type); returns how many were written."""

    @abstractmethod
    def watchlist(self) -> list[WatchlistEntry]: ...

    # -- accounts and the audit log -------------------------------------------------------------
    @abstractmethod
    def add_account(self, name: str, role: str, token_hash: str) -> Account:
        """A new account; WatchfloorError for a taken name or an unknown role."""

    @abstractmethod
    def accounts(self) -> list[Account]: ...

    @abstractmethod
    def account_by_token_hash(self, token_hash: str) -> Account | None:
        """The active (not revoked) account whose token has this SHA-256."""

    @abstractmethod
    def revoke_account(self, name: str) -> Account:
        """Revoke an account (it stays on record); NotFoundError if unknown."""

    @abstractmethod
    def add_audit(self, actor: str, action: str, subject: str, before: Any = None, after: Any = None) -> None:
        """Record one write: who, what, on which subject, the state before and after (JSON values)."""

    @abstractmethod
    def audit(self, *, limit: int = 200, actor: str | None = None) -> list[AuditEntry]:
        """Audit entries, newest first."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
