"""Store: the workspace behind a narrow interface (:class:`Store`), with SQL backends."""

from watchfloor.store.base import (
    ClaimFilter,
    EntitySummary,
    Store,
    StoredClaim,
    StoredDocument,
    StoredMention,
    WatchlistEntry,
)

__all__ = [
    "ClaimFilter",
    "EntitySummary",
    "Store",
    "StoredClaim",
    "StoredDocument",
    "StoredMention",
    "WatchlistEntry",
]
