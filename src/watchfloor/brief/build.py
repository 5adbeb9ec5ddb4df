"""Gather what a brief says about an entity: names, key claim clusters, denials, no comments,
timeline and sources.

Only claims about the entity count: those in which it takes part (in the claim's frame, or as the
speaker), with the denials and refusals to comment attached to them; each is shown with its speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from watchfloor.brief.statements import Reading, reading
from watchfloor.brief.timeline import TimelineEntry, build_timeline, name_forms
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
class Statement:
    """A claim as the brief shows it: its reading and the evidence anchor."""

    reading: Reading
    anchor: str


@dataclass(slots=True)
class KeyClaim:
    cluster: ClaimCluster
    evidence: list[str]  # anchors of EvidenceItem, one per claim
    statement: Statement | None = None  # the claim that states the cluster, with its speaker
    denials: list[Statement] = field(default_factory=list)
    no_comments: list[Statement] = field(default_factory=list)


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
    no_comments: list[Statement] = field(default_factory=list)
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
        speaker=reading(claim).who,
        stance=claim.stance,
        via=list(claim.via),
    )


class _Builder:
    def __init__(self, store: Store, brief: Brief) -> None:
        self.store = store
        self.brief = brief

    def statement(self, claim: StoredClaim) -> Statement:
        anchor = f"ev-{claim.id}"
        if anchor not in self.brief.evidence:
            self.brief.evidence[anchor] = _evidence_item(self.store, claim, anchor)
        return Statement(reading(claim), anchor)

    def key(self, cluster: ClaimCluster) -> KeyClaim:
        by_id = {c.id: c for c in cluster.claims}
        anchors = [self.statement(c).anchor for c in cluster.claims]
        first = by_id.get(cluster.centre) if cluster.centre is not None else None
        if first is None and cluster.origin_details:
            first = by_id.get(cluster.origin_details[0].first.claim_id)
        item = KeyClaim(cluster, anchors, self.statement(first) if first else None)
        item.denials = _distinct([self.statement(c) for c in cluster.denials])
        item.no_comments = _distinct([self.statement(c) for c in cluster.no_comments])
        return item


def _distinct(statements: list[Statement]) -> list[Statement]:
    """One line per thing said: the same speaker saying the same words in several copies is one."""
    seen: set[tuple[str, str, str]] = set()
    kept: list[Statement] = []
    for statement in statements:
        key = (statement.reading.who, statement.reading.verb, statement.reading.text.casefold())
        if key not in seen:
            seen.add(key)
            kept.append(statement)
    return kept


def build_brief(store: Store, entity: str) -> Brief:
    """Everything the brief for ``entity`` states, each claim with an evidence anchor."""
    brief = Brief(entity, datetime.now(UTC), name_forms(store, entity))
    builder = _Builder(store, brief)
    clusters = workspace_clusters(store, entity)
    ranked = sorted(clusters, key=lambda c: (c.credibility.grade, -c.independent_origins, c.id))
    keys = [builder.key(c) for c in ranked]
    brief.key_claims = [k for k in keys if k.cluster.origins][:MAX_KEY_CLAIMS]
    brief.denials = [k for k in keys if k.denials][:MAX_KEY_CLAIMS]
    brief.no_comments = _distinct([s for k in keys for s in k.no_comments])
    about = {c.id for cluster in clusters for c in (*cluster.claims, *cluster.no_comments)}
    brief.timeline = build_timeline(store, entity, None, None, MAX_TIMELINE, keep=about)
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
