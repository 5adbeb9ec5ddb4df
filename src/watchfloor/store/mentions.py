"""Mentions, entities and time expressions in the SQL store: writing a document's, reading, resolving.

A document's entity mentions are written with their provisional entities (:mod:`watchfloor.store.entities`)
and every name form seen; workspace resolution later replaces those entities across all documents
(:meth:`MentionsMixin.replace_entities`), relinking claims and dropping entities nothing refers to.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, distinct, func, insert, or_, select, update
from sqlalchemy.orm import Session

from watchfloor.model import Analysis, Document, EntityMention, Span
from watchfloor.store.base import EntitySummary, ResolvedEntity, StoredMention, StoredTime, WatchlistEntry
from watchfloor.store.blocks import delete_unreferenced, entity_name_row, lock_entities, write_entities
from watchfloor.store.claims import relink_claims, write_claims
from watchfloor.store.engine import SqlSessions
from watchfloor.store.entities import EntityGrouper, coarse_type
from watchfloor.store.reviews import apply_reviews
from watchfloor.store.rows import checked, chunks, from_row, insert_ignoring_duplicates
from watchfloor.store.tables import (
    ClaimRow,
    DocumentRow,
    EntityBlockRow,
    EntityNameRow,
    EntityRow,
    MentionRow,
    PublisherRow,
    TimeExpressionRow,
    WatchlistEntryRow,
)


def write_analysis(session: Session, document_id: str, document: Document, analysis: Analysis) -> None:
    """Write a just-added document's mentions, times and claims inside the caller's transaction."""
    _DocumentWriter(session, document_id, document, analysis).write()
    apply_reviews(session, [document_id])  # reviews of an earlier copy of the same document


#: Kinds of machine output that re-extraction can replace.
OUTPUT_KINDS = ("entities", "times", "claims")


def replace_output(
    session: Session, document_id: str, document: Document, analysis: Analysis, kinds: Iterable[str]
) -> None:
    """Replace a stored document's machine output of ``kinds`` (see OUTPUT_KINDS) inside the caller's
    transaction; claims kept while their entities change are relinked."""
    chosen = set(kinds)
    writer = _DocumentWriter(session, document_id, document, analysis)
    if "entities" in chosen:
        session.execute(delete(MentionRow).where(MentionRow.document_id == document_id))
        writer.write_mentions()
    else:
        linked = (MentionRow.document_id == document_id, MentionRow.entity_id.is_not(None))
        columns = select(MentionRow.start, MentionRow.end, MentionRow.entity_id)
        stored = session.execute(columns.where(*linked))
        writer.entity_of = [(Span(start, end, ""), str(entity)) for start, end, entity in stored]
    if "times" in chosen:
        session.execute(delete(TimeExpressionRow).where(TimeExpressionRow.document_id == document_id))
        writer.write_times()
    if "claims" in chosen:
        session.execute(delete(ClaimRow).where(ClaimRow.document_id == document_id))
        write_claims(session, document_id, document, analysis, writer.entity_of)
    else:
        relink_claims(session, [document_id])
    apply_reviews(session, [document_id])


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
        return entity_name_row(entity_id, name, self.analysis.lang)

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


#: Mentions an analyst rejected belong to no entity and are not resolved.
_NOT_REJECTED = or_(MentionRow.review.is_(None), MentionRow.review != "rejected")
#: Mentions in ingestion order: documents as they were stored, then by offset.
_INGESTION_ORDER = (DocumentRow.ingested_at, DocumentRow.id, MentionRow.start, MentionRow.end, MentionRow.id)


class MentionsMixin(SqlSessions):
    """Reading mentions, times and entities; replacing the entities after workspace resolution."""

    def _mentions(self, *conditions: Any, order: tuple[Any, ...]) -> list[StoredMention]:
        statement = (
            select(MentionRow, DocumentRow.lang)
            .join(DocumentRow, DocumentRow.id == MentionRow.document_id)
            .where(*conditions)
            .order_by(*order)
        )
        with self._read() as session:
            return [from_row(StoredMention, m, lang=lang) for m, lang in session.execute(statement)]

    def mentions(self, document_id: str) -> list[StoredMention]:
        order = (MentionRow.start, MentionRow.end, MentionRow.id)
        return self._mentions(MentionRow.document_id == document_id, order=order)

    def times(self, document_id: str) -> list[StoredTime]:
        statement = (
            select(TimeExpressionRow)
            .where(TimeExpressionRow.document_id == document_id)
            .order_by(TimeExpressionRow.start, TimeExpressionRow.id)
        )
        with self._read() as session:
            return [from_row(StoredTime, t) for t in session.scalars(statement)]

    def top_entities(self, *, type: str | None = None, limit: int = 20) -> list[EntitySummary]:
        return self._entity_summaries(type=type, limit=limit)

    def entity(self, entity_id: str) -> EntitySummary | None:
        found = self._entity_summaries(ids=[entity_id], limit=1)
        return found[0] if found else None

    def entity_by_name(self, name: str) -> EntitySummary | None:
        wanted = " ".join(name.split()).casefold()
        same_length = (
            select(EntityNameRow.entity_id, EntityNameRow.name)
            .where(func.length(EntityNameRow.name) == len(wanted))
            .union(select(EntityRow.id, EntityRow.name).where(func.length(EntityRow.name) == len(wanted)))
        )
        with self._read() as session:
            rows = session.execute(same_length)
            ids = {str(i) for i, n in rows if " ".join(n.split()).casefold() == wanted}
        found = self._entity_summaries(ids=sorted(ids), limit=1) if ids else []
        return found[0] if found else None

    def entity_mentions(self, entity_id: str) -> list[StoredMention]:
        order = (MentionRow.document_id, MentionRow.start, MentionRow.id)
        return self._mentions(MentionRow.entity_id == entity_id, _NOT_REJECTED, order=order)

    def co_mentions(self, entity_id: str, limit: int = 20) -> list[tuple[str, int]]:
        documents = select(MentionRow.document_id).where(MentionRow.entity_id == entity_id)
        shared = func.count(distinct(MentionRow.document_id))
        statement = (
            select(MentionRow.entity_id, shared)
            .where(MentionRow.document_id.in_(documents), MentionRow.entity_id != entity_id)
            .group_by(MentionRow.entity_id)
            .order_by(shared.desc(), MentionRow.entity_id)
            .limit(limit)
        )
        with self._read() as session:
            return [(str(other), int(count)) for other, count in session.execute(statement)]

    def _entity_summaries(
        self, *, type: str | None = None, ids: list[str] | None = None, limit: int = 20
    ) -> list[EntitySummary]:
        """Entities (of a type, or with these ids) with mentions, most mentioned first, summarised."""
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
        if ids is not None:
            statement = statement.where(EntityRow.id.in_(ids))
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

    def entity_names(self, entity_ids: Iterable[str]) -> dict[str, str]:
        wanted = sorted(set(entity_ids))
        with self._read() as session:
            rows = session.execute(select(EntityRow.id, EntityRow.name).where(EntityRow.id.in_(wanted)))
            return {entity_id: name for entity_id, name in rows}

    def workspace_mentions(self) -> list[StoredMention]:
        return self._mentions(_NOT_REJECTED, order=_INGESTION_ORDER)

    def document_mentions(self, document_ids: Iterable[str]) -> list[StoredMention]:
        found: list[StoredMention] = []
        for part in chunks(sorted(set(document_ids))):
            found += self._mentions(MentionRow.document_id.in_(part), _NOT_REJECTED, order=_INGESTION_ORDER)
        return found

    def replace_entities(self, entities: Iterable[ResolvedEntity]) -> None:
        resolved = sorted(entities, key=lambda e: e.id)
        entity_of_mention = {m: e.id for e in resolved for m in e.mention_ids}
        with self._write.begin() as session:
            lock_entities(session)
            for table in (EntityNameRow, EntityBlockRow):  # every entity's are rewritten below
                session.execute(delete(table))
            write_entities(session, resolved)
            current = {
                mention_id: entity_id
                for mention_id, entity_id in session.execute(select(MentionRow.id, MentionRow.entity_id))
            }
            changed = [
                {"id": m, "entity_id": e}
                for m, e in entity_of_mention.items()
                if m in current and current[m] != e
            ]
            for part in chunks(changed):
                session.execute(update(MentionRow), part)
            relink_claims(session)
            delete_unreferenced(session)
