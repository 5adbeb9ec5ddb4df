"""Documents: search with facets, one document with every span the machine found, the summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from watchfloor.errors import NotFoundError
from watchfloor.ingest.archive import Capture, read_capture
from watchfloor.store.base import (
    ClaimFilter,
    DocumentQuery,
    EntitySummary,
    Store,
    StoredCapture,
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

__all__ = ["ArchivedOriginal", "DocumentPage", "DocumentQuery", "DocumentService", "DocumentView",
           "WorkspaceSummary"]


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
    capture: StoredCapture | None = None  # the archived response it was read from (fetched documents)


@dataclass(slots=True)
class ArchivedOriginal:
    """A fetched document's original as archived: the capture, the response's status line and body."""

    capture: StoredCapture
    status_line: str
    body: bytes


@dataclass(slots=True)
class WorkspaceSummary:
    documents_by_kind: dict[str, int]
    top_entities: list[EntitySummary]

    @property
    def total_documents(self) -> int:
        return sum(self.documents_by_kind.values())


def archived(capture: StoredCapture) -> tuple[str, bytes]:
    """A capture's response read back from the WARC archive: its status line and body (InputError if
    the file does not hold it or the body does not match its SHA-256)."""
    return read_capture(Capture(capture.warc_path, capture.warc_offset, capture.record_id, capture.sha256))


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
                            copies, self._capture_of(document))

    def original(self, document_id: str) -> ArchivedOriginal:
        """The response a fetched document was read from, from the WARC archive (checked against its
        SHA-256); NotFoundError for a document that was not fetched."""
        document = self.store.document(document_id)
        if document is None:
            raise NotFoundError(f"no document with id {document_id!r} in this workspace")
        capture = self._capture_of(document)
        if capture is None:
            raise NotFoundError(f"document {document_id} was not fetched: it has no archived original")
        return ArchivedOriginal(capture, *archived(capture))

    def _capture_of(self, document: StoredDocument) -> StoredCapture | None:
        return self.store.capture(document.capture_id) if document.capture_id is not None else None

    def summary(self, top: int = 10) -> WorkspaceSummary:
        """Documents by kind and the most mentioned entities."""
        return WorkspaceSummary(self.store.counts_by_kind(), self.store.top_entities(limit=top))
