"""Claim clusters over a whole workspace (or the claims about one entity)."""

from __future__ import annotations

from watchfloor.corroborate.evidence import DocumentFacts
from watchfloor.corroborate.service import ClaimCluster, build_clusters
from watchfloor.store.base import ClaimFilter, Store, StoredClaim

#: Claims considered at most in one clustering run.
MAX_CLAIMS = 50_000


def workspace_clusters(store: Store, entity: str | None = None) -> list[ClaimCluster]:
    """Cluster the stored claims and weigh each cluster.

    With ``entity``: the clusters in which the entity takes part (in a claim's frame, or as its
    speaker). Clustering sees every claim of the documents that mention it, so that a denial in an
    article about a site counts where the denial does not repeat the site's name.
    """
    claims = _claims(store, entity)
    links = store.document_links()
    reliability = {p.name: p.reliability for p in store.publishers()}
    ids = {
        e
        for c in claims
        for e in [
            *c.entity_ids,
            c.speaker_entity_id,
            c.affiliation_entity_id,
            *(p.entity_id for p in c.participants),
        ]
        if e
    }
    names = store.entity_names(ids)
    documents = {
        d: DocumentFacts(link.publisher, link.syndicated_from, link.author, link.owner, link.kind)
        for d, link in links.items()
    }
    clusters = build_clusters(claims, documents, reliability, names)
    if entity is None:
        return clusters
    subject = {c.id for c in store.claims(ClaimFilter(participant=entity, limit=MAX_CLAIMS))}
    return [c for c in clusters if any(claim.id in subject for claim in c.claims)]


def _claims(store: Store, entity: str | None) -> list[StoredClaim]:
    if entity is None:
        return store.claims(ClaimFilter(limit=MAX_CLAIMS))
    found = {c.id: c for c in store.claims(ClaimFilter(about=entity, limit=MAX_CLAIMS))}
    found.update((c.id, c) for c in store.claims(ClaimFilter(participant=entity, limit=MAX_CLAIMS)))
    return sorted(found.values(), key=lambda c: c.id)
