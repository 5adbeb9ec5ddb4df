"""The SQL workspace: SQLite (one file, embedded default) or PostgreSQL, through the same code.

``open_store(url)`` opens (and if needed creates or migrates) a workspace. Writes of one document and
all its machine output happen in one transaction; full-text search uses FTS5 on SQLite and a
``tsvector`` column with a GIN index on PostgreSQL (both created by the migrations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import (
    CompoundSelect,
    Engine,
    Select,
    String,
    create_engine,
    delete,
    distinct,
    event,
    func,
    insert,
    literal_column,
    select,
    text,
    union,
    update,
)
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from watchfloor.errors import InputError, WatchfloorError
from watchfloor.model import Alert, Analysis, Document, EntityMention, Span
from watchfloor.store.base import (
    JUDGEMENT_ACTIONS,
    AddResult,
    ClaimFilter,
    DocumentLink,
    EntitySummary,
    PublisherInfo,
    ReferenceEntity,
    ResolvedEntity,
    Store,
    StoredClaim,
    StoredDocument,
    StoredJudgement,
    StoredMention,
    StoredTime,
    WatchlistEntry,
)
from watchfloor.store.claims import (
    documents_mentioning,
    read_claims,
    relink_claims,
    write_claims,
)
from watchfloor.store.entities import EntityGrouper, coarse_type, name_key, script_of
from watchfloor.store.rows import checked, from_row, insert_ignoring_duplicates, now
from watchfloor.store.tables import (
    AlertRow,
    ClaimEntityRow,
    ClaimRow,
    DocumentRow,
    EntityNameRow,
    EntityRow,
    JudgementRow,
    MentionRow,
    PublisherRow,
    ReferenceEntityRow,
    TimeExpressionRow,
    WatchlistAliasRow,
    WatchlistEntryRow,
    WatchRuleRow,
)

#: The Admiralty reliability scale: A completely reliable … E unreliable, F cannot be judged.
RELIABILITY_RATINGS = frozenset("ABCDEF")
#: Longest full-text query considered; the rest is ignored.
MAX_SEARCH_CHARS = 1000
#: Key of the PostgreSQL advisory lock that serialises migrations of one database.
_MIGRATION_LOCK = 0x77466C72
_BEGIN_OPTION = "watchfloor_begin"
_Record = TypeVar("_Record")


def open_store(url: str) -> SqlStore:
    """Open the workspace at a SQLAlchemy URL (``sqlite:///abs/path.db``, ``postgresql+psycopg://…``)."""
    return SqlStore(url)


# -- engine and migrations -------------------------------------------------------------------------


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    in_memory = database in (None, "", ":memory:")
    if not in_memory and not Path(str(database)).parent.is_dir():
        raise InputError(str(database), "cannot create workspace: directory does not exist")
    engine = create_engine(url, poolclass=StaticPool) if in_memory else create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun explicitly below
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=ON", "busy_timeout=30000", "journal_mode=WAL", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get(_BEGIN_OPTION, "BEGIN"))

    return engine


def _create_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


@cache
def _head_revision() -> str | None:
    with as_file(files("watchfloor.store") / "migrations") as location:
        return ScriptDirectory.from_config(_alembic_config(location)).get_current_head()


def _alembic_config(location: Path, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest migration; a workspace already there costs one query."""
    head = _head_revision()
    with engine.connect() as connection:
        if _current_revision(connection) == head:
            return
    with engine.connect() as connection:
        connection.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            if _current_revision(connection) == head:  # another process migrated meanwhile
                return
            with as_file(files("watchfloor.store") / "migrations") as location:
                try:
                    command.upgrade(_alembic_config(location, connection), "head")
                except CommandError as exc:
                    raise WatchfloorError(
                        f"{engine.url.render_as_string(hide_password=True)}: cannot migrate workspace "
                        f"(made by a newer watchfloor?): {exc}"
                    ) from None


# -- writing helpers -------------------------------------------------------------------------------


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


def _entity_name_row(entity_id: str, name: str, lang: str | None) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "name": name,
        "key": name_key(name),
        "script": script_of(name),
        "lang": lang,
    }


class _DocumentWriter:
    """Writes one document's machine output inside the caller's transaction."""

    def __init__(self, session: Session, document_id: str, document: Document, analysis: Analysis) -> None:
        self.session = session
        self.document_id = document_id
        self.document = document
        self.analysis = analysis
        self.text = document.text
        self.entity_of: list[tuple[Span, str]] = []  # mention span → entity id

    def write(self) -> None:
        self.write_mentions()
        self.write_times()
        write_claims(self.session, self.document_id, self.document, self.analysis, self.entity_of)

    def _grouper(self) -> EntityGrouper:
        keys = {m.entity_key for m in self.analysis.entities if m.entity_key}
        if not keys:
            return EntityGrouper()
        rows = self.session.scalars(select(WatchlistEntryRow).where(WatchlistEntryRow.id.in_(keys)))
        return EntityGrouper({row.id: WatchlistEntry(row.name, row.type, id=row.id) for row in rows})

    def write_mentions(self) -> None:
        grouper = self._grouper()
        entities: dict[str, dict[str, Any]] = {}
        names: dict[tuple[str, str], dict[str, Any]] = {}
        mentions: list[dict[str, Any]] = []
        for mention in sorted(self.analysis.entities, key=lambda m: (m.span.start, m.span.end)):
            span = checked(mention.span, self.text, f"entity {mention.label}")
            entity = grouper(mention)
            if entity is not None:
                entities.setdefault(entity.id, {"id": entity.id, "type": entity.type, "name": entity.name})
                for form in (entity.name, " ".join(span.text.split())):
                    names.setdefault((entity.id, form), self._name_row(entity.id, form))
                self.entity_of.append((span, entity.id))
            mentions.append(self._mention_row(mention, entity.id if entity else None))
        # sorted, so concurrent writers take row locks in the same order (no deadlocks on PostgreSQL)
        insert_ignoring_duplicates(self.session, EntityRow, [entities[k] for k in sorted(entities)])
        insert_ignoring_duplicates(self.session, EntityNameRow, [names[k] for k in sorted(names)])
        if mentions:
            self.session.execute(insert(MentionRow), mentions)

    def _name_row(self, entity_id: str, name: str) -> dict[str, Any]:
        return _entity_name_row(entity_id, name, self.analysis.lang)

    def _mention_row(self, mention: EntityMention, entity_id: str | None) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "start": mention.span.start,
            "end": mention.span.end,
            "text": mention.span.text,
            "label": mention.label,
            "component": mention.component,
            "entity_id": entity_id,
            "watchlist_key": mention.entity_key,
        }

    def write_times(self) -> None:
        rows = [
            {
                "document_id": self.document_id,
                "start": t.span.start,
                "end": t.span.end,
                "text": checked(t.span, self.text, f"time {t.value}").text,
                "type": t.type,
                "value": t.value,
                "mod": t.mod,
                "component": t.component,
            }
            for t in self.analysis.times
        ]
        if rows:
            self.session.execute(insert(TimeExpressionRow), rows)

# -- full-text search ------------------------------------------------------------------------------

_QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w+")


def fts5_query(query: str) -> str | None:
    """A safe FTS5 query for web-search-like input (as PostgreSQL's ``websearch_to_tsquery``): words
    and "quoted phrases" are all required, ``-word`` is excluded. Only word characters reach FTS5, each
    term inside double quotes, so no input is an FTS5 syntax error. None when nothing is searchable."""
    required: list[str] = []
    excluded: list[str] = []
    for match in _QUERY_TERM.finditer(query):
        # a "phrase" keeps its words in order; a bare word splits into runs of word characters
        phrases = [" ".join(_WORD.findall(match[2]))] if match[2] is not None else _WORD.findall(match[4])
        terms = [f'"{phrase}"' for phrase in phrases if phrase]
        (excluded if match[1] or match[3] else required).extend(terms)
    if not required:
        return None
    return " AND ".join(required) + "".join(f" NOT {term}" for term in excluded)


# -- the store -------------------------------------------------------------------------------------


def _stored_document(row: DocumentRow, publisher: str | None) -> StoredDocument:
    return from_row(StoredDocument, row, publisher=publisher, metadata=dict(row.metadata_ or {}))


def _owner(metadata: dict[str, Any] | None) -> str | None:
    """The publisher's owner or group a document's metadata names (front matter ``owner``)."""
    owner = (metadata or {}).get("owner")
    return owner.strip() or None if isinstance(owner, str) else None


def _normalised_entry(entry: WatchlistEntry) -> WatchlistEntry:
    aliases = list(dict.fromkeys(" ".join(a.split()) for a in entry.aliases))
    name = " ".join(entry.name.split())
    return WatchlistEntry(
        name=name,
        type=entry.type.strip().upper(),
        aliases=[a for a in aliases if a and a != name],
        id=entry.id,
        notes=entry.notes,
    )


class SqlStore(Store):
    """A workspace in a SQL database (see module docstring)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _create_engine(url)
        self.dialect = self.engine.dialect.name
        try:
            upgrade_schema(self.engine)
        except Exception:
            self.engine.dispose()
            raise
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        self._write = sessionmaker(writer, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    # -- documents -------------------------------------------------------------------------------
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
                        publisher_id=self._publisher_id(session, document.publisher),
                        author=document.author,
                        published_at=document.published_at,
                        retrieved_at=document.retrieved_at,
                        ingested_at=now(),
                        lang=document.lang or analysis.lang,
                        content_hash=content_hash,
                        text=document.text,
                        source_path=document.source_path,
                        syndicated_from=syndicated_from,
                        metadata_=dict(document.metadata),
                        minhash=minhash,
                    )
                )
                session.flush()
                _DocumentWriter(session, document_id, document, analysis).write()
        except IntegrityError:
            existing = self.find_by_hash(content_hash)  # stored meanwhile by a concurrent writer
            if existing is None:
                raise
            return AddResult(existing, created=False, duplicate_of=existing)
        return AddResult(document_id, created=True)

    @staticmethod
    def _publisher_id(session: Session, name: str | None) -> int | None:
        name = " ".join(name.split()) if name else None
        if not name:
            return None
        insert_ignoring_duplicates(session, PublisherRow, [{"name": name, "reliability": "F"}])
        return session.scalar(select(PublisherRow.id).where(PublisherRow.name == name))

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
        with self._read() as session:
            row = session.execute(self._documents_query().where(DocumentRow.id == document_id)).first()
            return _stored_document(row[0], row[1]) if row else None

    def documents(
        self,
        *,
        kind: str | None = None,
        search: str | None = None,
        mentioning: str | None = None,
        limit: int = 100,
    ) -> list[StoredDocument]:
        statement = self._documents_query()
        if kind:
            statement = statement.where(DocumentRow.kind == kind)
        if mentioning:
            statement = statement.where(DocumentRow.id.in_(documents_mentioning(mentioning)))
        search = (search or "").replace("\x00", " ")[:MAX_SEARCH_CHARS]
        if search.strip():
            searched = self._full_text(statement, search)
            if searched is None:
                return []
            statement = searched
        newest = func.coalesce(DocumentRow.published_at, DocumentRow.ingested_at)
        statement = statement.order_by(newest.desc(), DocumentRow.id).limit(max(limit, 0))
        with self._read() as session:
            return [_stored_document(row[0], row[1]) for row in session.execute(statement)]

    def _full_text(self, statement: Select[DocumentRow, str], search: str) -> Select[DocumentRow, str] | None:
        if self.dialect == "postgresql":
            query = func.websearch_to_tsquery("simple", search)
            return statement.where(literal_column("document.search").op("@@")(query))
        fts = fts5_query(search)
        if fts is None:
            return None
        matches = (
            text("SELECT document_id FROM document_fts WHERE document_fts MATCH :query")
            .bindparams(query=fts)
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

    # -- machine output --------------------------------------------------------------------------
    def mentions(self, document_id: str) -> list[StoredMention]:
        statement = (
            select(MentionRow, DocumentRow.lang)
            .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
            .where(MentionRow.document_id == document_id)
            .order_by(MentionRow.start, MentionRow.end, MentionRow.id)
        )
        with self._read() as session:
            return [from_row(StoredMention, m, lang=lang) for m, lang in session.execute(statement)]

    def times(self, document_id: str) -> list[StoredTime]:
        statement = (
            select(TimeExpressionRow)
            .where(TimeExpressionRow.document_id == document_id)
            .order_by(TimeExpressionRow.start, TimeExpressionRow.id)
        )
        with self._read() as session:
            return [from_row(StoredTime, t) for t in session.scalars(statement)]

    def top_entities(self, *, type: str | None = None, limit: int = 20) -> list[EntitySummary]:
        mention_count = func.count(MentionRow.id)
        statement = (
            select(
                EntityRow.id,
                EntityRow.type,
                EntityRow.name,
                mention_count,
                func.count(distinct(MentionRow.document_id)),
            )
            .join(MentionRow, MentionRow.entity_id == EntityRow.id)
            .group_by(EntityRow.id, EntityRow.type, EntityRow.name)
            .order_by(mention_count.desc(), EntityRow.name, EntityRow.id)
            .limit(max(limit, 0))
        )
        if type:
            statement = statement.where(EntityRow.type == coarse_type(type))
        with self._read() as session:
            summaries = [
                EntitySummary(id=i, type=t, name=n, mention_count=m, document_count=d)
                for i, t, n, m, d in session.execute(statement)
            ]
            by_id = {s.id: s for s in summaries}
            publishers = (
                select(MentionRow.entity_id, PublisherRow.name)
                .distinct()
                .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
                .join(PublisherRow, PublisherRow.id == DocumentRow.publisher_id)
                .where(MentionRow.entity_id.in_(by_id))
                .order_by(PublisherRow.name)
            )
            for entity_id, publisher in session.execute(publishers):
                by_id[str(entity_id)].publishers.append(publisher)
            names = (
                select(EntityNameRow.entity_id, EntityNameRow.name, EntityNameRow.script)
                .where(EntityNameRow.entity_id.in_(by_id))
                .order_by(EntityNameRow.id)
            )
            for entity_id, name, script in session.execute(names):
                by_id[entity_id].names.append(name)
                by_id[entity_id].names_by_script.setdefault(script or "OTHER", []).append(name)
            documents = (
                select(MentionRow.entity_id, MentionRow.document_id)
                .distinct()
                .where(MentionRow.entity_id.in_(by_id))
                .order_by(MentionRow.document_id)
            )
            for entity_id, document_id in session.execute(documents):
                by_id[str(entity_id)].documents.append(document_id)
        return summaries

    def claims(self, query: ClaimFilter | None = None) -> list[StoredClaim]:
        with self._read() as session:
            return read_claims(session, query or ClaimFilter())

    def add_watchlist_entries(self, entries: Iterable[WatchlistEntry]) -> int:
        from watchfloor.extract.watchlist import entry_key

        written = 0
        with self._write.begin() as session:
            for entry in map(_normalised_entry, entries):
                entry_id = entry_key(entry)
                row = session.get(WatchlistEntryRow, entry_id)
                changed = row is None
                if row is None:
                    row = WatchlistEntryRow(
                        id=entry_id,
                        name=entry.name,
                        type=entry.type,
                        notes=entry.notes,
                        created_at=now(),
                        updated_at=now(),
                    )
                    session.add(row)
                    session.flush()  # the entry before its aliases
                    known: set[str] = set()
                else:  # same id: an explicit id may rename; a derived id means the same name and type
                    renamed = bool(entry.id) and (row.name, row.type) != (entry.name, entry.type)
                    changed = renamed or bool(entry.notes and entry.notes != row.notes)
                    if renamed:
                        row.name, row.type = entry.name, entry.type
                    row.notes = entry.notes or row.notes
                    known = set(
                        session.scalars(
                            select(WatchlistAliasRow.alias).where(WatchlistAliasRow.entry_id == entry_id)
                        )
                    )
                new_aliases = [a for a in entry.aliases if a not in known]
                session.add_all(WatchlistAliasRow(entry_id=entry_id, alias=a) for a in new_aliases)
                if changed or new_aliases:
                    row.updated_at = now()
                    written += 1
                session.flush()
        return written

    def watchlist(self) -> list[WatchlistEntry]:
        with self._read() as session:
            entries = {
                row.id: WatchlistEntry(name=row.name, type=row.type, id=row.id, notes=row.notes)
                for row in session.scalars(
                    select(WatchlistEntryRow).order_by(WatchlistEntryRow.type, WatchlistEntryRow.name)
                )
            }
            aliases = select(WatchlistAliasRow.entry_id, WatchlistAliasRow.alias).order_by(
                WatchlistAliasRow.id
            )
            for entry_id, alias in session.execute(aliases):
                entries[entry_id].aliases.append(alias)
        return list(entries.values())

    # -- entity resolution -------------------------------------------------------------------
    def workspace_mentions(self) -> list[StoredMention]:
        statement = (
            select(MentionRow, DocumentRow.lang)
            .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
            .order_by(
                DocumentRow.ingested_at, DocumentRow.id, MentionRow.start, MentionRow.end, MentionRow.id
            )
        )
        with self._read() as session:
            return [from_row(StoredMention, m, lang=lang) for m, lang in session.execute(statement)]

    def replace_entities(self, entities: Iterable[ResolvedEntity]) -> None:
        resolved = sorted(entities, key=lambda e: e.id)
        entity_of_mention = {m: e.id for e in resolved for m in e.mention_ids}
        with self._write.begin() as session:
            if self.dialect == "postgresql":  # writers insert entities: keep them out until this is done
                session.execute(text("LOCK TABLE entity IN SHARE ROW EXCLUSIVE MODE"))
            rows = [{"id": e.id, "type": e.type, "name": e.name} for e in resolved]
            insert_ignoring_duplicates(session, EntityRow, rows)
            if rows:
                session.execute(update(EntityRow), rows)
            current = {
                mention_id: entity_id
                for mention_id, entity_id in session.execute(select(MentionRow.id, MentionRow.entity_id))
            }
            changed = [
                {"id": m, "entity_id": e}
                for m, e in entity_of_mention.items()
                if m in current and current[m] != e
            ]
            if changed:
                session.execute(update(MentionRow), changed)
            relink_claims(session)
            ids = [e.id for e in resolved]
            session.execute(delete(EntityNameRow).where(EntityNameRow.entity_id.in_(ids)))
            names = {(e.id, f): _entity_name_row(e.id, f, lang) for e in resolved for f, lang in e.names}
            insert_ignoring_duplicates(session, EntityNameRow, list(names.values()))  # canonical name first
            referenced: CompoundSelect[tuple[str | None]] = union(
                select(MentionRow.entity_id).where(MentionRow.entity_id.is_not(None)),
                select(ClaimEntityRow.entity_id),
                select(ClaimRow.speaker_entity_id).where(ClaimRow.speaker_entity_id.is_not(None)),
            )
            stale = select(EntityRow.id).where(EntityRow.id.not_in(referenced))
            session.execute(delete(EntityNameRow).where(EntityNameRow.entity_id.in_(stale)))
            session.execute(delete(EntityRow).where(EntityRow.id.in_(stale)))

    def add_judgement(
        self, action: str, subject: dict[str, Any], *, author: str, reason: str | None = None
    ) -> StoredJudgement:
        if action not in JUDGEMENT_ACTIONS:
            raise WatchfloorError(f"judgement action {action!r} is not one of {', '.join(JUDGEMENT_ACTIONS)}")
        with self._write.begin() as session:
            row = JudgementRow(
                action=action, subject=subject, author=author, created_at=now(), reason=reason
            )
            session.add(row)
            session.flush()
            return from_row(StoredJudgement, row)

    def judgements(self, *, active_only: bool = False) -> list[StoredJudgement]:
        statement = select(JudgementRow).order_by(JudgementRow.created_at, JudgementRow.id)
        if active_only:
            statement = statement.where(JudgementRow.undone_at.is_(None))
        with self._read() as session:
            return [from_row(StoredJudgement, row) for row in session.scalars(statement)]

    def undo_judgement(self, judgement_id: int) -> StoredJudgement:
        with self._write.begin() as session:
            row = session.get(JudgementRow, judgement_id)
            if row is None:
                raise WatchfloorError(f"no judgement {judgement_id}")
            if row.undone_at is not None:
                raise WatchfloorError(
                    f"judgement {judgement_id} was already undone at {row.undone_at:%Y-%m-%d %H:%M}"
                )
            row.undone_at = now()
            session.flush()
            return from_row(StoredJudgement, row)

    # -- corroboration and watch -------------------------------------------------------------
    def document_links(self) -> dict[str, DocumentLink]:
        statement = select(
            DocumentRow.id, PublisherRow.name, DocumentRow.syndicated_from, DocumentRow.author,
            DocumentRow.metadata_, DocumentRow.kind,
        ).outerjoin(PublisherRow, PublisherRow.id == DocumentRow.publisher_id)
        with self._read() as session:
            return {
                d: DocumentLink(p, s, a, _owner(m), k) for d, p, s, a, m, k in session.execute(statement)
            }

    def entity_names(self, entity_ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(entity_ids))
        with self._read() as session:
            rows = session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(wanted)))
            return {entity_id: name for entity_id, name in rows}

    def publishers(self) -> list[PublisherInfo]:
        statement = (
            select(PublisherRow.name, PublisherRow.reliability, func.count(DocumentRow.id))
            .outerjoin(DocumentRow, DocumentRow.publisher_id == PublisherRow.id)
            .group_by(PublisherRow.id, PublisherRow.name, PublisherRow.reliability)
            .order_by(PublisherRow.name)
        )
        with self._read() as session:
            return [PublisherInfo(n, r, c) for n, r, c in session.execute(statement)]

    def set_reliability(self, publisher: str, rating: str) -> None:
        rating = rating.strip().upper()
        if rating not in RELIABILITY_RATINGS:
            raise WatchfloorError(f"reliability {rating!r} is not on the Admiralty scale A–F")
        with self._write.begin() as session:
            publisher_id = self._publisher_id(session, " ".join(publisher.split()))
            row = session.get(PublisherRow, publisher_id)
            assert row is not None
            row.reliability = rating

    def save_watch_rules(self, rules: Iterable[tuple[str, dict[str, Any]]]) -> int:
        written = 0
        with self._write.begin() as session:
            for rule_id, definition in rules:
                row = session.get(WatchRuleRow, rule_id)
                if row is None:
                    session.add(WatchRuleRow(id=rule_id, definition=definition, updated_at=now()))
                elif row.definition != definition:
                    row.definition, row.updated_at = definition, now()
                else:
                    continue
                written += 1
        return written

    def watch_rules(self) -> list[tuple[str, dict[str, Any]]]:
        with self._read() as session:
            rows = session.scalars(select(WatchRuleRow).order_by(WatchRuleRow.id))
            return [(row.id, dict(row.definition)) for row in rows]

    def delete_watch_rule(self, rule_id: str) -> bool:
        with self._write.begin() as session:
            row = session.get(WatchRuleRow, rule_id)
            if row is not None:
                session.delete(row)
            return row is not None

    def add_reference_entities(self, dataset: str, entities: Iterable[ReferenceEntity]) -> int:
        count = 0
        with self._write.begin() as session:
            session.execute(delete(ReferenceEntityRow).where(ReferenceEntityRow.dataset == dataset))
            imported = now()
            for entity in entities:
                session.add(
                    ReferenceEntityRow(
                        dataset=dataset,
                        id=entity.id,
                        schema=entity.schema,
                        caption=entity.caption,
                        names=entity.names,
                        data=entity.data,
                        imported_at=imported,
                    )
                )
                count += 1
                if count % 1000 == 0:
                    session.flush()
        return count

    def reference_entities(self, dataset: str | None = None) -> Iterator[ReferenceEntity]:
        statement = select(ReferenceEntityRow).order_by(ReferenceEntityRow.dataset, ReferenceEntityRow.id)
        if dataset:
            statement = statement.where(ReferenceEntityRow.dataset == dataset)
        with self._read() as session:
            for row in session.scalars(statement.execution_options(yield_per=1000)):
                yield ReferenceEntity(row.dataset, row.id, row.schema, row.caption, list(row.names), row.data)

    def add_alert(self, alert: Alert) -> bool:
        try:
            with self._write.begin() as session:
                exists = session.scalar(
                    select(AlertRow.id).where(AlertRow.rule == alert.rule, AlertRow.subject == alert.subject)
                )
                if exists is not None:
                    return False
                payload = {"title": alert.title, **alert.payload}
                row = AlertRow(rule=alert.rule, subject=alert.subject, created_at=alert.created_at)
                row.payload = payload
                session.add(row)
                session.flush()
                alert.id = row.id
        except IntegrityError:  # the same alert written concurrently
            return False
        return True

    def alerts(self, *, rule: str | None = None, limit: int = 200) -> list[Alert]:
        statement = select(AlertRow).order_by(AlertRow.created_at.desc(), AlertRow.id.desc()).limit(limit)
        if rule:
            statement = statement.where(AlertRow.rule == rule)
        with self._read() as session:
            return [
                Alert(
                    rule=row.rule,
                    subject=row.subject,
                    created_at=row.created_at,
                    title=str((row.payload or {}).get("title", "")),
                    payload={k: v for k, v in (row.payload or {}).items() if k != "title"},
                    id=row.id,
                )
                for row in session.scalars(statement)
            ]
