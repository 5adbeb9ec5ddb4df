"""Gather what a brief says about an entity: names, key claim clusters, denials, timeline, sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from watchfloor.cli.timeline import TimelineEntry, build_timeline, entity_names
from watchfloor.corroborate.service import ClaimCluster
from watchfloor.corroborate.workspace import workspace_clusters
from watchfloor.store.base import Store, StoredClaim

#: Characters of context shown around an evidence span.
CONTEXT_CHARS = 160
MAX_KEY_CLAIMS = 25
MAX_TIMELINE = 200


@dataclass(slots=True)
class EvidenceItem:
    """One claim's evidence: where it stands and the words around it."""

    anchor: str
    document_id: str
    publisher: str | None
    published: date | None
    title: str | None
    url: str | None
    before: str
    span: str
    after: str
    start: int
    end: int
    speaker: str | None
    stance: str
    via: list[str]


@dataclass(slots=True)
class KeyClaim:
    cluster: ClaimCluster
    evidence: list[str]  # anchors of EvidenceItem, one per claim


@dataclass(slots=True)
class SourceRow:
    publisher: str
    reliability: str
    documents: int
    claims: int


@dataclass(slots=True)
class Brief:
    entity: str
    generated_at: datetime
    names: list[str]
    key_claims: list[KeyClaim] = field(default_factory=list)
    denials: list[KeyClaim] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    sources: list[SourceRow] = field(default_factory=list)
    evidence: dict[str, EvidenceItem] = field(default_factory=dict)


def _evidence_item(store: Store, claim: StoredClaim, anchor: str) -> EvidenceItem:
    document = store.document(claim.document_id)
    text = document.text if document else ""
    start, end = claim.content_start, claim.content_end
    return EvidenceItem(
        anchor=anchor,
        document_id=claim.document_id,
        publisher=claim.publisher,
        published=claim.published_at.date() if claim.published_at else None,
        title=claim.document_title,
        url=document.url if document else None,
        before=text[max(0, start - CONTEXT_CHARS):start],
        span=text[start:end],
        after=text[end:end + CONTEXT_CHARS],
        start=start,
        end=end,
        speaker=claim.speaker or claim.source,
        stance=claim.stance,
        via=list(claim.via),
    )


def build_brief(store: Store, entity: str) -> Brief:
    """Everything the brief for ``entity`` states, each claim with an evidence anchor."""
    brief = Brief(entity, datetime.now(UTC), entity_names(store, entity))
    clusters = workspace_clusters(store, entity)

    def key(cluster: ClaimCluster) -> KeyClaim:
        anchors = []
        for claim in cluster.claims:
            anchor = f"ev-{claim.id}"
            if anchor not in brief.evidence:
                brief.evidence[anchor] = _evidence_item(store, claim, anchor)
            anchors.append(anchor)
        return KeyClaim(cluster, anchors)

    ranked = sorted(clusters, key=lambda c: (c.credibility.grade, -c.independent_origins, c.id))
    brief.key_claims = [key(c) for c in ranked if c.origins][:MAX_KEY_CLAIMS]
    brief.denials = [key(c) for c in ranked if c.denials][:MAX_KEY_CLAIMS]
    brief.timeline = build_timeline(store, entity, None, None, MAX_TIMELINE)
    reliability = {p.name: p.reliability for p in store.publishers()}
    documents: dict[str, set[str]] = {}
    claims: dict[str, int] = {}
    for entry in brief.timeline:
        name = entry.publisher or "(unknown publisher)"
        documents.setdefault(name, set()).add(entry.document_id)
        claims[name] = claims.get(name, 0) + (entry.kind == "claim")
    brief.sources = sorted(
        (SourceRow(n, reliability.get(n, "F"), len(d), claims.get(n, 0)) for n, d in documents.items()),
        key=lambda row: (-row.documents, row.publisher),
    )
    return brief
