"""Entities: the most mentioned, one entity with its names in every script and its mentions, resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from watchfloor.errors import NotFoundError
from watchfloor.resolve.workspace import ResolutionReport, resolve_workspace
from watchfloor.service.audit import Audit
from watchfloor.store.base import (
    ClaimFilter,
    EntitySummary,
    Store,
    StoredClaim,
    StoredDocument,
    StoredJudgement,
    StoredMention,
)

#: Claims and documents shown with one entity at most.
MAX_ENTITY_ITEMS = 1_000


@dataclass(slots=True)
class EntityView:
    """One entity: its summary (names by script, publishers), every mention of it, the documents and
    claims naming it (newest first), and the analyst judgements on it."""

    entity: EntitySummary
    mentions: list[StoredMention]
    documents: list[StoredDocument] = field(default_factory=list)
    claims: list[StoredClaim] = field(default_factory=list)
    judgements: list[StoredJudgement] = field(default_factory=list)
    co_mentioned: list[CoMention] = field(default_factory=list)  # most shared documents first


@dataclass(frozen=True, slots=True)
class CoMention:
    """Another entity named in the same documents, and in how many of them."""

    id: str
    name: str
    documents: int


def _concerns(judgement: StoredJudgement, entity_id: str, mention_keys: set[str]) -> bool:
    """Whether a judgement names the entity or one of its mentions (reviews name mentions by key)."""
    subject = judgement.subject
    named = {*subject.get("entities", []), subject.get("entity")}
    mentioned = {*subject.get("mentions", []), *subject.get("others", []), subject.get("key")}
    return entity_id in named or bool(mention_keys & {m for m in mentioned if isinstance(m, str)})


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
        mentions = self.store.entity_mentions(found.id)
        keys = {m.key for m in mentions}
        named = self.store.documents_by_id(found.documents[:MAX_ENTITY_ITEMS])
        claims = self.store.claims(ClaimFilter(entity_id=found.id, limit=MAX_ENTITY_ITEMS))
        judged = [j for j in self.store.judgements() if _concerns(j, found.id, keys)]
        named.sort(key=lambda d: d.published_at or d.ingested_at or datetime.min.replace(tzinfo=UTC),
                   reverse=True)
        return EntityView(found, mentions, named, claims, judged, self._co_mentioned(found))

    def _co_mentioned(self, entity: EntitySummary, limit: int = 20) -> list[CoMention]:
        top = self.store.co_mentions(entity.id, limit)
        names = self.store.entity_names(e for e, _ in top)
        return [CoMention(e, names[e], n) for e, n in top if e in names]

    def resolve(self) -> ResolutionReport:
        """Re-resolve every mention of the workspace into entities, re-applying analyst judgements."""
        report = resolve_workspace(self.store)
        self.audit.record("entities.resolve", "workspace", after={"entities": report.entities})
        return report
