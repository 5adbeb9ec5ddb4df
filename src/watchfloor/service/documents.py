"""Documents: search with facets, one document with every span the machine found, the summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from watchfloor.errors import NotFoundError
from watchfloor.store.base import (
    ClaimFilter,
    DocumentQuery,
    EntitySummary,
    Store,
    StoredClaim,
    StoredDocument,
    StoredMention,
    StoredTime,
    document_cursor,
)

#: Claims of one document returned at most.
MAX_DOCUMENT_CLAIMS = 10_000
#: Copies of one document listed at most.
MAX_COPIES = 200

__all__ = ["DocumentPage", "DocumentQuery", "DocumentService", "DocumentView", "WorkspaceSummary"]


@dataclass(slots=True)
class DocumentPage:
    """Documents matching a query, newest first, with counts by kind, language and publisher."""

    documents: list[StoredDocument]
    total: int
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    next_cursor: str | None = None  # pass as DocumentQuery.cursor for the next page; None on the last


@dataclass(slots=True)
class DocumentView:
    """A document with its entity mentions, time expressions and claims (each with its span)."""

    document: StoredDocument
    mentions: list[StoredMention]
    times: list[StoredTime]
    claims: list[StoredClaim]
    copies: list[StoredDocument] = field(default_factory=list)  # later near-duplicates of it


@dataclass(slots=True)
class WorkspaceSummary:
    documents_by_kind: dict[str, int]
    top_entities: list[EntitySummary]

    @property
    def total_documents(self) -> int:
        return sum(self.documents_by_kind.values())


class DocumentService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def search(self, query: DocumentQuery | None = None) -> DocumentPage:
        """Documents matching ``query``; an invalid full-text query is an error, never zero rows."""
        query = query or DocumentQuery()
        found = self.store.search_documents(query)
        total, facets = self.store.document_facets(query)
        more = bool(found) and len(found) == query.limit
        return DocumentPage(found, total, facets, document_cursor(found[-1]) if more else None)

    def get(self, document_id: str) -> DocumentView:
        document = self.store.document(document_id)
        if document is None:
            raise NotFoundError(f"no document with id {document_id!r} in this workspace")
        claims = self.store.claims(ClaimFilter(document_id=document_id, limit=MAX_DOCUMENT_CLAIMS))
        copies = self.store.search_documents(DocumentQuery(copy_of=document_id, limit=MAX_COPIES))
        return DocumentView(document, self.store.mentions(document_id), self.store.times(document_id), claims,
                            copies)

    def summary(self, top: int = 10) -> WorkspaceSummary:
        """Documents by kind and the most mentioned entities."""
        return WorkspaceSummary(self.store.counts_by_kind(), self.store.top_entities(limit=top))
