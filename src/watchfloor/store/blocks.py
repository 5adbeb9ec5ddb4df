"""Entities' blocking keys in the SQL store, and the incremental write of a resolution.

Full resolution (:meth:`~watchfloor.store.mentions.MentionsMixin.replace_entities`) rewrites every
entity's keys; resolution after an ingest reads only the entities sharing a key with the new mentions
(:meth:`BlocksMixin.known_entities`) and writes only what changed for the new documents
(:meth:`BlocksMixin.update_entities`), so its cost follows the size of the ingest, not of the workspace.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import CompoundSelect, delete, exists, func, select, text, union, update
from sqlalchemy.orm import Session

from watchfloor.store.base import ResolvedEntity
from watchfloor.store.claims import relink_claims
from watchfloor.store.engine import SqlSessions
from watchfloor.store.entities import name_key, script_of
from watchfloor.store.rows import chunks, insert_ignoring_duplicates
from watchfloor.store.tables import (
    ClaimEntityRow,
    ClaimRow,
    EntityBlockRow,
    EntityNameRow,
    EntityRow,
    MentionRow,
)


def entity_name_row(entity_id: str, name: str, lang: str | None) -> dict[str, Any]:
    return {
        "entity_id": entity_id,
        "name": name,
        "key": name_key(name),
        "script": script_of(name),
        "lang": lang,
    }


def write_entities(session: Session, entities: Sequence[ResolvedEntity]) -> None:
    """Insert or update the entities' rows and add their names and blocking keys (existing ones kept)."""
    rows = [{"id": e.id, "type": e.type, "name": e.name} for e in entities]
    for part in chunks(rows):
        insert_ignoring_duplicates(session, EntityRow, part)
        session.execute(update(EntityRow), part)
    names = {(e.id, f): entity_name_row(e.id, f, lang) for e in entities for f, lang in e.names}
    for part in chunks(list(names.values())):  # canonical name first
        insert_ignoring_duplicates(session, EntityNameRow, part)
    blocks = [{"key": k, "entity_id": e.id} for e in entities for k in sorted(e.blocks)]
    for part in chunks(blocks):
        insert_ignoring_duplicates(session, EntityBlockRow, part)


def lock_entities(session: Session) -> None:
    """On PostgreSQL, keep writers from inserting entities until this resolution is written (they
    would write entities it drops); SQLite serialises writers anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("LOCK TABLE entity IN SHARE ROW EXCLUSIVE MODE"))


def delete_unreferenced(session: Session, candidates: Iterable[str] | None = None) -> None:
    """Remove entities (among ``candidates``, or any) that no mention or claim refers to."""
    referenced: CompoundSelect[tuple[str | None]] = union(
        select(MentionRow.entity_id).where(MentionRow.entity_id.is_not(None)),
        select(ClaimEntityRow.entity_id),
        select(ClaimRow.speaker_entity_id).where(ClaimRow.speaker_entity_id.is_not(None)),
    )
    stale = select(EntityRow.id).where(EntityRow.id.not_in(referenced))
    if candidates is None:
        gone = [str(i) for i in session.scalars(stale)]
    else:
        wanted = sorted(set(candidates))
        gone = [
            str(i) for part in chunks(wanted) for i in session.scalars(stale.where(EntityRow.id.in_(part)))
        ]
    for part in chunks(gone):
        for table in (EntityNameRow, EntityBlockRow):
            session.execute(delete(table).where(table.entity_id.in_(part)))
        session.execute(delete(EntityRow).where(EntityRow.id.in_(part)))


class BlocksMixin(SqlSessions):
    """Reading entities by blocking key; writing a resolution of some documents."""

    def has_entity_blocks(self) -> bool:
        with self._read() as session:
            return bool(session.scalar(select(exists(select(EntityBlockRow.key)))))

    def known_entities(self, keys: Iterable[str], max_postings: int) -> list[ResolvedEntity]:
        """Entities having one of ``keys`` among a few (at most ``max_postings`` entities; exact keys,
        ``f:`` and ``t:``, always), with their names; their ``mention_ids`` are left empty."""
        wanted = sorted(set(keys))
        with self._read() as session:
            selective: list[str] = []
            for part in chunks(wanted):
                counts = (
                    select(EntityBlockRow.key, func.count())
                    .where(EntityBlockRow.key.in_(part))
                    .group_by(EntityBlockRow.key)
                )
                selective += [k for k, n in session.execute(counts) if n <= max_postings or k[0] in "ft"]
            ids: set[str] = set()
            for part in chunks(selective):
                ids.update(
                    session.scalars(
                        select(EntityBlockRow.entity_id).distinct().where(EntityBlockRow.key.in_(part))
                    )
                )
            entities: dict[str, ResolvedEntity] = {}
            for part in chunks(sorted(ids)):
                for row in session.scalars(select(EntityRow).where(EntityRow.id.in_(part))):
                    entities[row.id] = ResolvedEntity(row.id, row.type, row.name, [])
                names = (
                    select(EntityNameRow.entity_id, EntityNameRow.name, EntityNameRow.lang)
                    .where(EntityNameRow.entity_id.in_(part))
                    .order_by(EntityNameRow.id)
                )
                for entity_id, name, lang in session.execute(names):
                    entities[entity_id].names.append((name, lang))
        return [entities[i] for i in sorted(entities)]

    def update_entities(self, entities: Iterable[ResolvedEntity], document_ids: Iterable[str]) -> None:
        """Write the resolution of some documents' mentions in one transaction: the entities given (new
        ones and existing ones that gained mentions, names or keys), those mentions' entity, the claims
        of those documents relinked; entities the documents no longer refer to are removed."""
        chosen = sorted(set(document_ids))
        resolved = sorted(entities, key=lambda e: e.id)
        with self._write.begin() as session:
            lock_entities(session)
            before: set[str] = set()
            for group in chunks(chosen):
                linked = select(MentionRow.entity_id).distinct().where(
                    MentionRow.document_id.in_(group), MentionRow.entity_id.is_not(None)
                )
                before.update(str(e) for e in session.scalars(linked))
            write_entities(session, resolved)
            changed = [{"id": m, "entity_id": e.id} for e in resolved for m in e.mention_ids]
            for rows in chunks(changed):
                session.execute(update(MentionRow), rows)
            relink_claims(session, chosen)
            delete_unreferenced(session, before - {e.id for e in resolved})
