"""Entities: the most mentioned, one entity with its names in every script and its mentions, resolution."""

from __future__ import annotations

from dataclasses import dataclass

from watchfloor.errors import NotFoundError
from watchfloor.resolve.workspace import ResolutionReport, resolve_workspace
from watchfloor.service.audit import Audit
from watchfloor.store.base import EntitySummary, Store, StoredMention


@dataclass(slots=True)
class EntityView:
    """One entity: its summary (names by script, documents, publishers) and every mention of it."""

    entity: EntitySummary
    mentions: list[StoredMention]


class EntityService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def top(self, *, type: str | None = None, limit: int = 20) -> list[EntitySummary]:
        """Entities, most mentioned first; ``type`` is PERSON, ORG, LOC… or an NER label."""
        return self.store.top_entities(type=type, limit=limit)

    def get(self, entity: str) -> EntityView:
        """An entity by id, or by any of its names in any script (case-insensitive)."""
        found = self.store.entity(entity) or self.store.entity_by_name(entity)
        if found is None:
            raise NotFoundError(f"no entity {entity!r} in this workspace (see `watchfloor entities`)")
        return EntityView(found, self.store.entity_mentions(found.id))

    def resolve(self) -> ResolutionReport:
        """Re-resolve every mention of the workspace into entities, re-applying analyst judgements."""
        report = resolve_workspace(self.store)
        self.audit.record("entities.resolve", "workspace", after={"entities": report.entities})
        return report
