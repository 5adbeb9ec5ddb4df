"""Store: the workspace behind a narrow interface (:class:`Store`), with SQL backends."""

from watchfloor.store.base import (
    ClaimFilter,
    DocumentLink,
    EntitySummary,
    PublisherInfo,
    ReferenceEntity,
    Store,
    StoredClaim,
    StoredDocument,
    StoredMention,
    WatchlistEntry,
)

__all__ = [
    "ClaimFilter",
    "DocumentLink",
    "EntitySummary",
    "PublisherInfo",
    "ReferenceEntity",
    "Store",
    "StoredClaim",
    "StoredDocument",
    "StoredMention",
    "WatchlistEntry",
]
