"""What every export reads: the documents in scope, one at a time with their machine output, and the
credibility of each claim.

Exports stream: :func:`walk_documents` reads one document, its mentions and its claims at a time, and
fetches each entity once, when a document first mentions it, so memory grows with the number of
entities (their ids) and never with the number of documents. Claim credibility comes from the claim
clusters of the whole workspace; only a map from claim id to grade is kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from watchfloor.corroborate.credibility import CREDIBILITY_LABELS
from watchfloor.corroborate.workspace import workspace_clusters
from watchfloor.errors import NotFoundError
from watchfloor.store.base import (
    ClaimFilter,
    EntitySummary,
    Store,
    StoredClaim,
    StoredDocument,
    StoredMention,
)

#: Claims of one document read at most.
MAX_ITEMS = 1_000_000


@dataclass(frozen=True, slots=True)
class ClaimGrade:
    """The credibility (Admiralty 1–6) of the cluster a claim belongs to, and that cluster's id."""

    grade: int
    cluster: str

    @property
    def label(self) -> str:
        return CREDIBILITY_LABELS[self.grade]


@dataclass(slots=True)
class DocumentOutput:
    """One document with its mentions and claims, and the entities it is the first to mention."""

    document: StoredDocument
    mentions: list[StoredMention]
    claims: list[StoredClaim]
    new_entities: list[EntitySummary] = field(default_factory=list)
    entity_ids: set[str] = field(default_factory=set)  # every entity the document mentions
    keys: dict[int, str] = field(default_factory=dict)  # claim id → the key its export ids derive from

    def key(self, claim: StoredClaim) -> str:
        return self.keys.get(claim.id) or claim.key


def claim_keys(claims: Iterable[StoredClaim]) -> dict[int, str]:
    """A key per claim that export ids derive from: its review key (``document:cue_start:cue_end``,
    stable across re-extraction), with the content's span added when an earlier claim of the document
    has the same cue, so that no two claims share an id."""
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for claim in claims:
        key = claim.key
        if key in taken:
            key = f"{key}:{claim.content_start}:{claim.content_end}"
        taken.add(key)
        keys[claim.id] = key
    return keys


def find_entity(store: Store, entity: str) -> EntitySummary:
    """An entity by id or by any of its names in any script; NotFoundError if the workspace has none."""
    found = store.entity(entity) or store.entity_by_name(entity)
    if found is None:
        raise NotFoundError(f"no entity {entity!r} in this workspace (see `watchfloor entities`)")
    return found


def document_scope(store: Store, entity: str | None = None) -> list[str] | None:
    """The ids of the documents mentioning ``entity`` (checked now, so an unknown name fails before
    anything is written); None, meaning every document, without one."""
    if entity is None:
        return None
    return list(find_entity(store, entity).documents)


def walk_documents(
    store: Store, scope: Iterable[str] | None = None, *, entities: bool = True
) -> Iterator[DocumentOutput]:
    """The documents (all, or those of ``scope``) in ingestion order, each with its machine output and
    (unless ``entities`` is False) the summaries of the entities it is the first to mention."""
    wanted = None if scope is None else set(scope)
    seen: set[str] = set()
    for document_id in store.document_ids():
        if wanted is not None and document_id not in wanted:
            continue
        document = store.document(document_id)
        if document is None:
            continue
        mentions = store.mentions(document_id)
        claims = store.claims(ClaimFilter(document_id=document_id, limit=MAX_ITEMS))
        output = DocumentOutput(document, mentions, claims, keys=claim_keys(claims))
        for entity_id in dict.fromkeys(m.entity_id for m in mentions if m.entity_id):
            output.entity_ids.add(entity_id)
            if not entities or entity_id in seen:
                continue
            seen.add(entity_id)
            summary = store.entity(entity_id)
            if summary is not None:
                output.new_entities.append(summary)
        yield output


def claim_grades(store: Store) -> dict[int, ClaimGrade]:
    """Each clustered claim's credibility: of the best-graded cluster it belongs to (a claim can state
    more than one clustered thing); denials and no comments carry their cluster's grade too."""
    grades: dict[int, ClaimGrade] = {}
    for cluster in workspace_clusters(store):
        grade = ClaimGrade(cluster.credibility.grade, cluster.id)
        for claim in [*cluster.claims, *cluster.denials, *cluster.no_comments]:
            known = grades.get(claim.id)
            if known is None or grade.grade < known.grade:
                grades[claim.id] = grade
    return grades


def speaker_name(claim: StoredClaim) -> str:
    """Who says it: the named speaker, else the source phrase, else the publisher."""
    return claim.speaker or claim.source or claim.publisher or "(unnamed)"


def said(claim: StoredClaim) -> str:
    """The claim in one line: who, stance, cue, hedge and the evidence's words."""
    hedge = f", hedged: {claim.hedge}" if claim.hedge else ""
    return f"{speaker_name(claim)} ({claim.stance}, cue “{claim.cue}”{hedge}): “{claim.content}”"


def located(claim: StoredClaim) -> str:
    return f"evidence: characters {claim.content_start}–{claim.content_end} of the document"
