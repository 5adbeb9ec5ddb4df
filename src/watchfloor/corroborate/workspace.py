"""Claim clusters over a whole workspace, around one entity, or around newly stored documents."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from watchfloor.corroborate.clusters import MAX_BLOCK
from watchfloor.corroborate.evidence import DocumentFacts
from watchfloor.corroborate.service import ClaimCluster, build_clusters, claim_parties
from watchfloor.store.base import ClaimFilter, Store, StoredClaim

#: Claims considered at most in one clustering run.
MAX_CLAIMS = 50_000


def workspace_clusters(store: Store, entity: str | None = None) -> list[ClaimCluster]:
    """Cluster the stored claims and weigh each cluster.

    With ``entity``: the clusters in which the entity takes part (in a claim's frame, or as its
    speaker). Clustering sees every claim of the documents that mention it, so that a denial in an
    article about a site counts where the denial does not repeat the site's name.
    """
    if entity is None:
        return _clusters(store, store.claims(ClaimFilter(limit=MAX_CLAIMS)), whole_workspace=True)
    found = {c.id: c for c in store.claims(ClaimFilter(about=entity, limit=MAX_CLAIMS))}
    taking_part = store.claims(ClaimFilter(participant=entity, limit=MAX_CLAIMS))
    subject = {c.id for c in taking_part}
    found.update((c.id, c) for c in taking_part)
    clusters = _clusters(store, sorted(found.values(), key=lambda c: c.id))
    return [c for c in clusters if any(claim.id in subject for claim in c.claims)]


def clusters_touching(store: Store, document_ids: Collection[str]) -> list[ClaimCluster]:
    """The clusters holding a claim of ``document_ids``: their claims clustered together with the
    claims of the stored documents that mention an entity they mention and the claims reporting the
    same kind of event, so the cost follows the new documents, not the workspace.

    A block of more than ``MAX_BLOCK`` claims (an entity or event found everywhere) says nothing about
    which belong together (clustering leaves such blocks out too) and brings no claims in. What full
    clustering would also link: claims sharing only content words with the new ones, or joined to
    them through a third claim.
    """
    new = {c.id: c for d in document_ids for c in store.claims(ClaimFilter(document_id=d, limit=MAX_CLAIMS))}
    if not new:
        return []
    entities = {m.entity_id for m in store.document_mentions(document_ids) if m.entity_id}
    entities |= {e for claim in new.values() for e in _entities(claim)}
    blocks = [ClaimFilter(about_entity_id=e, limit=MAX_BLOCK + 1) for e in sorted(entities)]
    events = sorted({c.event for c in new.values() if c.event})
    blocks += [ClaimFilter(event=v, limit=MAX_BLOCK + 1) for v in events]
    related = dict(new)
    for block in blocks:
        found = store.claims(block)
        if len(found) <= MAX_BLOCK:
            related.update((c.id, c) for c in found)
    clusters = _clusters(store, sorted(related.values(), key=lambda c: c.id))
    return [c for c in clusters if any(claim.id in new for claim in c.claims)]


def _entities(claim: StoredClaim) -> set[str]:
    """The entities a claim names, quotes or involves."""
    return set(claim.entity_ids) | claim_parties(claim)


def _clusters(
    store: Store, claims: Sequence[StoredClaim], whole_workspace: bool = False
) -> list[ClaimCluster]:
    """Cluster ``claims`` with the facts of their documents (all documents' for the whole workspace)."""
    links = store.document_links(None if whole_workspace else {c.document_id for c in claims})
    publishers = store.publishers()
    reliability = {p.name: p.reliability for p in publishers}
    names = store.entity_names({e for c in claims for e in _entities(c)})
    documents = {
        d: DocumentFacts(link.publisher, link.syndicated_from, link.author, link.owner, link.kind)
        for d, link in links.items()
    }
    publishing = [p.name for p in publishers if p.document_count]  # as if every document were read
    return build_clusters(claims, documents, reliability, names, publishers=publishing)
