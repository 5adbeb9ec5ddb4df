"""Claim clusters over a whole workspace (or the claims about one entity)."""

from __future__ import annotations

from watchfloor.corroborate.service import ClaimCluster, build_clusters
from watchfloor.store.base import ClaimFilter, Store

#: Claims considered at most in one clustering run.
MAX_CLAIMS = 50_000


def workspace_clusters(store: Store, entity: str | None = None) -> list[ClaimCluster]:
    """Cluster the stored claims and weigh each cluster.

    With ``entity``: the claims of documents that mention it, so that a denial in an article about a
    site counts even where the denial itself does not repeat the site's name.
    """
    claims = store.claims(ClaimFilter(about=entity, limit=MAX_CLAIMS))
    links = store.document_links()
    reliability = {p.name: p.reliability for p in store.publishers()}
    names = store.entity_names({e for c in claims for e in [*c.entity_ids, c.speaker_entity_id] if e})
    return build_clusters(
        claims,
        syndicated_from={d: link.syndicated_from for d, link in links.items()},
        reliability=reliability,
        publishers={d: link.publisher for d, link in links.items()},
        entity_names=names,
    )
