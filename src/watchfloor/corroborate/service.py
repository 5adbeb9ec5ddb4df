"""Claim clusters from the store: evidence lines, denials, contradictions and credibility."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from watchfloor.corroborate.clusters import ClusterSettings, cluster_claims
from watchfloor.corroborate.credibility import Credibility, best_reliability, grade
from watchfloor.corroborate.evidence import Evidence, evidence_lines
from watchfloor.store.base import StoredClaim


@dataclass(slots=True)
class ClaimCluster:
    """Claims in different documents that state the same thing, weighed by independent origins."""

    id: str
    text: str
    claims: list[StoredClaim]
    origins: list[list[str]]  # asserting evidence lines, each a list of document ids
    denials: list[StoredClaim]
    credibility: Credibility
    entity_names: list[str] = field(default_factory=list)

    @property
    def independent_origins(self) -> int:
        return len(self.origins)

    @property
    def contradicted(self) -> bool:
        return bool(self.denials) and bool(self.origins)

    @property
    def time(self) -> str | None:
        dated = sorted(c.time_value for c in self.claims if c.time_value)
        return dated[0] if dated else None

    @property
    def documents(self) -> list[str]:
        return sorted({c.document_id for c in self.claims})

    def to_json(self) -> dict[str, Any]:
        """The ``watchfloor claims --format jsonl`` record (docs/corroboration.md)."""
        stances = {"asserts": 0, "denies": 0}
        for claim in self.claims:
            stances[claim.stance] = stances.get(claim.stance, 0) + 1
        return {
            "id": self.id,
            "text": self.text,
            "entities": self.entity_names,
            "time": self.time,
            "stance_counts": stances,
            "documents": self.documents,
            "independent_origins": self.independent_origins,
            "origins": self.origins,
            "denials": [_denial_json(c) for c in self.denials],
            "contradicted": self.contradicted,
            "credibility": self.credibility.grade,
            "credibility_label": self.credibility.label,
            "explanation": self.credibility.explanation(),
            "claims": [c.id for c in self.claims],
        }


def _denial_json(claim: StoredClaim) -> dict[str, Any]:
    speaker = claim.speaker or claim.source
    return {"claim": claim.id, "document": claim.document_id, "speaker": speaker, "text": claim.content}


def _evidence(claim: StoredClaim, entity_names: Mapping[str, str]) -> Evidence:
    return Evidence(
        claim_id=claim.id,
        document_id=claim.document_id,
        publisher=claim.publisher,
        stance=claim.stance,
        text=claim.content,
        source=claim.speaker or claim.source,
        source_entity=entity_names.get(claim.speaker_entity_id) if claim.speaker_entity_id else None,
        via=tuple(claim.via),
        hedge=claim.hedge,
        entity_ids=frozenset(claim.entity_ids),
        time_value=claim.time_value,
    )


def build_clusters(
    claims: Sequence[StoredClaim],
    syndicated_from: Mapping[str, str | None],
    reliability: Mapping[str, str],
    publishers: Mapping[str, str | None] | None = None,
    entity_names: Mapping[str, str] | None = None,
    settings: ClusterSettings | None = None,
) -> list[ClaimCluster]:
    """Cluster claims and weigh each cluster.

    ``syndicated_from`` and ``publishers`` map document ids to the earlier copy and to the publisher
    (they must cover the originals of syndicated copies); ``reliability`` maps publisher → A–F.
    """
    entity_names = entity_names or {}
    publisher_of_document = {c.document_id: c.publisher for c in claims} | dict(publishers or {})
    evidences = [_evidence(c, entity_names) for c in claims]
    known_publishers = {p for p in publisher_of_document.values() if p}
    clusters: list[ClaimCluster] = []
    for members in cluster_claims(evidences, settings):
        group = sorted((claims[i] for i in members), key=lambda c: c.id)
        asserting = [evidences[i] for i in members if evidences[i].stance != "denies"]
        denying = [evidences[i] for i in members if evidences[i].stance == "denies"]
        lines = evidence_lines(asserting, publisher_of_document.get, syndicated_from, known_publishers)
        denial_lines = evidence_lines(denying, publisher_of_document.get, syndicated_from, known_publishers)
        origins = sorted(sorted({e.document_id for e in line}) for line in lines.values())
        carriers = {c.publisher for c in group if c.stance != "denies" and c.publisher}
        credibility = grade(
            len(lines),
            len(denial_lines),
            best_reliability(reliability.get(p) for p in carriers),
            [e.hedge for e in asserting],
        )
        representative = next((c for c in group if c.stance != "denies"), group[0])
        clusters.append(
            ClaimCluster(
                id=f"cl-{group[0].id}",
                text=representative.content,
                claims=group,
                origins=origins,
                denials=[c for c in group if c.stance == "denies"],
                credibility=credibility,
                entity_names=sorted({entity_names.get(e, e) for c in group for e in c.entity_ids}),
            )
        )
    return sorted(clusters, key=lambda c: (-c.independent_origins, c.id))
