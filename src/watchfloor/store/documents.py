"""Documents in the SQL store: adding one with all its machine output, finding, listing and searching.

A document and its analysis are written in one transaction, keyed by content hash, so the same text is
stored once however often (and however concurrently) it is ingested. Full-text search uses FTS5 on
SQLite and a ``tsvector`` column with a GIN index on PostgreSQL (both created by the migrations).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    Select,
    String,
    and_,
    distinct,
    extract,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    type_coerce,
)
from sqlalchemy.exc import IntegrityError

from watchfloor.errors import InputError
from watchfloor.model import Analysis, Document
from watchfloor.store.base import AddResult, DocumentQuery, StoredDocument
from watchfloor.store.claims import documents_mentioning
from watchfloor.store.engine import SqlSessions
from watchfloor.store.mentions import write_analysis
from watchfloor.store.publishers import publisher_id
from watchfloor.store.records import read_cursor
from watchfloor.store.rows import chunks, from_row, now
from watchfloor.store.tables import DocumentRow, EntityRow, MentionRow, PublisherRow, UtcDateTime
from watchfloor.text.search import parse_query, search_keys

#: Longest full-text query considered; the rest is ignored.
MAX_SEARCH_CHARS = 1000
#: Values listed per facet at most.
MAX_FACET_VALUES = 50
#: The listing order: newest first (publication date, else ingestion), then id.
_NEWEST = func.coalesce(DocumentRow.published_at, DocumentRow.ingested_at)

def _strings(value: Any) -> Iterator[str]:
    """Every string in a JSON-like value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def _reject_nul_characters(document: Document) -> None:
    """NUL characters cannot be stored in PostgreSQL text; refuse them on every backend alike."""
    fields: dict[str, list[str | None]] = {
        "text": [document.text],
        "title": [document.title],
        "url": [document.url],
        "author": [document.author],
        "publisher": [document.publisher],
        "source path": [document.source_path],
        "metadata": [*_strings(document.metadata)],
    }
    for name, values in fields.items():
        if any(value and "\x00" in value for value in values):
            raise ValueError(f"document {name} contains NUL characters (U+0000), which cannot be stored")


def _stored_document(row: DocumentRow, publisher: str | None) -> StoredDocument:
    return from_row(StoredDocument, row, publisher=publisher, metadata=dict(row.metadata_ or {}))


class DocumentsMixin(SqlSessions):
    """Adding, finding, listing and searching documents."""

    def add_document(
        self,
        document: Document,
        analysis: Analysis,
        *,
        syndicated_from: str | None = None,
        minhash: bytes | None = None,
    ) -> AddResult:
        if analysis.text != document.text:
            raise ValueError("analysis text differs from the document text, so its spans cannot be stored")
        _reject_nul_characters(document)
        content_hash = document.content_hash
        document_id = content_hash[:16]
        try:
            with self._write.begin() as session:
                existing = session.scalar(
                    select(DocumentRow.id).where(DocumentRow.content_hash == content_hash)
                )
                if existing is not None:
                    return AddResult(existing, created=False, duplicate_of=existing)
                session.add(
                    DocumentRow(
                        id=document_id,
                        kind=str(document.kind),
                        url=document.url,
                        title=document.title,
                        publisher_id=publisher_id(session, document.publisher),
                        author=document.author,
                        published_at=document.published_at,
                        retrieved_at=document.retrieved_at,
                        ingested_at=now(),
                        lang=document.lang or analysis.lang,
                        content_hash=content_hash,
                        text=document.text,
                        source_path=document.source_path,
                        capture_id=document.capture_id,
                        syndicated_from=syndicated_from,
                        metadata_=dict(document.metadata),
                        minhash=minhash,
                        search_keys=search_keys(f"{document.title or ''}\n{document.text}"),
                    )
                )
                session.flush()
                write_analysis(session, document_id, document, analysis)
        except IntegrityError:
            existing = self.find_by_hash(content_hash)  # stored meanwhile by a concurrent writer
            if existing is None:
                raise
            return AddResult(existing, created=False, duplicate_of=existing)
        return AddResult(document_id, created=True)

    def find_by_hash(self, content_hash: str) -> str | None:
        with self._read() as session:
            return session.scalar(select(DocumentRow.id).where(DocumentRow.content_hash == content_hash))

    def minhash_signatures(self) -> Iterator[tuple[str, bytes]]:
        statement = select(DocumentRow.id, DocumentRow.minhash).where(DocumentRow.minhash.is_not(None))
        with self._read() as session:
            for document_id, signature in session.execute(statement.execution_options(yield_per=500)):
                if signature is not None:
                    yield document_id, signature

    def _documents_query(self) -> Select[DocumentRow, str]:
        return select(DocumentRow, PublisherRow.name).outerjoin(
            PublisherRow, PublisherRow.id == DocumentRow.publisher_id
        )

    def document(self, document_id: str) -> StoredDocument | None:
        found = self.documents_by_id([document_id])
        return found[0] if found else None

    def documents_by_id(self, document_ids: Sequence[str]) -> list[StoredDocument]:
        wanted = list(dict.fromkeys(document_ids))
        found: dict[str, StoredDocument] = {}
        with self._read() as session:
            for part in chunks(wanted):
                statement = self._documents_query().where(DocumentRow.id.in_(part))
                for row, publisher in session.execute(statement):
                    found[row.id] = _stored_document(row, publisher)
        return [found[i] for i in wanted if i in found]

    def documents(
        self,
        *,
        kind: str | None = None,
        search: str | None = None,
        mentioning: str | None = None,
        limit: int = 100,
    ) -> list[StoredDocument]:
        statement = self._filtered(DocumentQuery(search=search, kind=kind), mentioning)
        return self._page(statement, limit, 0)

    def search_documents(self, query: DocumentQuery) -> list[StoredDocument]:
        statement = self._filtered(query)
        if query.cursor:
            try:
                when, last_id = read_cursor(query.cursor)
            except ValueError as exc:
                raise InputError("cursor", str(exc)) from None
            position = type_coerce(_NEWEST, UtcDateTime)
            after = literal(when, UtcDateTime)
            later = or_(position < after, and_(position == after, DocumentRow.id > last_id))
            statement = statement.where(later)
        return self._page(statement, query.limit, 0 if query.cursor else query.offset)

    def document_facets(self, query: DocumentQuery) -> tuple[int, dict[str, dict[str, int]]]:
        matching = self._filtered(query).with_only_columns(DocumentRow.id).subquery()
        columns = {"kind": DocumentRow.kind, "lang": DocumentRow.lang, "publisher": PublisherRow.name,
                   "year": extract("year", DocumentRow.published_at)}
        facets: dict[str, dict[str, int]] = {}
        with self._read() as session:
            total = session.scalar(select(func.count()).select_from(matching)) or 0
            for facet, column in columns.items():
                counted = (
                    select(column, func.count())
                    .select_from(DocumentRow)
                    .outerjoin(PublisherRow, PublisherRow.id == DocumentRow.publisher_id)
                    .where(DocumentRow.id.in_(select(matching.c.id)))
                    .group_by(column)
                    .order_by(func.count().desc(), column)
                    .limit(MAX_FACET_VALUES)
                )
                facets[facet] = {str(value or "(none)"): count for value, count in session.execute(counted)}
            mentioned = func.count(distinct(MentionRow.document_id))
            entities = (
                select(EntityRow.name, mentioned)
                .join(MentionRow, MentionRow.entity_id == EntityRow.id)
                .where(MentionRow.document_id.in_(select(matching.c.id)))
                .group_by(EntityRow.id, EntityRow.name)
                .order_by(mentioned.desc(), EntityRow.name)
                .limit(MAX_FACET_VALUES)
            )
            facets["entity"] = {str(name): count for name, count in session.execute(entities)}
        return total, facets

    def _filtered(self, query: DocumentQuery, mentioning: str | None = None) -> Select[DocumentRow, str]:
        statement = self._documents_query()
        for column, wanted in ((DocumentRow.kind, query.kind), (DocumentRow.lang, query.lang)):
            if wanted:
                statement = statement.where(column == wanted)
        if query.publisher:
            publisher = " ".join(query.publisher.split()).lower()
            statement = statement.where(func.lower(PublisherRow.name) == publisher)
        for name in (mentioning, query.entity):
            if name:
                statement = statement.where(DocumentRow.id.in_(documents_mentioning(name)))
        if query.copy_of:
            statement = statement.where(DocumentRow.syndicated_from == query.copy_of)
        if query.since:
            statement = statement.where(DocumentRow.published_at >= query.since)
        if query.until:
            statement = statement.where(DocumentRow.published_at < query.until + timedelta(days=1))
        search = (query.search or "").replace("\x00", " ")[:MAX_SEARCH_CHARS]
        if search.strip():
            statement = self._full_text(statement, search)
        return statement

    def _page(self, statement: Select[DocumentRow, str], limit: int, offset: int) -> list[StoredDocument]:
        statement = statement.order_by(_NEWEST.desc(), DocumentRow.id)
        statement = statement.offset(max(offset, 0)).limit(max(limit, 0))
        with self._read() as session:
            return [_stored_document(row[0], row[1]) for row in session.execute(statement)]

    def _full_text(self, statement: Select[DocumentRow, str], search: str) -> Select[DocumentRow, str]:
        """Only documents matching ``search``; InputError when it has no word to search for."""
        parsed = parse_query(search)
        if parsed is None:
            raise InputError("search", f"{search!r} has no word to search for (only excluded words or signs)")
        if self.dialect == "postgresql":
            query = func.to_tsquery("simple", parsed.tsquery())
            return statement.where(literal_column("document.search").op("@@")(query))
        matches = (
            text("SELECT document_id FROM document_fts WHERE document_fts MATCH :query")
            .bindparams(query=parsed.fts5())
            .columns(document_id=String)
            .subquery()
        )
        return statement.where(DocumentRow.id.in_(select(matches.c.document_id)))

    def counts_by_kind(self) -> dict[str, int]:
        statement = (
            select(DocumentRow.kind, func.count()).group_by(DocumentRow.kind).order_by(DocumentRow.kind)
        )
        with self._read() as session:
            return {kind: count for kind, count in session.execute(statement)}
