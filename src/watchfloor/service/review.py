"""The review queue: machine output an analyst confirms, rejects or corrects, most important first.

Items are attributions (a claim: who says what, its stance and time), entity mentions, and merges the
resolver nearly made. Decisions are judgements kept apart from machine output (store/reviews.py): a
rejected claim leaves claims, clusters, timeline, briefs and exports; a corrected stance or time is
what they all show; re-extraction keeps the decisions. A merge proposal confirmed is a ``merge``
judgement, rejected a ``not-same`` one.

The queue puts first what feeds alerts and briefs and what the machine is least sure of::

    priority = 2 (an open alert rests on it) + 1 (it names an entity, so briefs draw on it)
               + (1 − confidence)

Confidence is the extraction's, from plain signals (docs/review.md): a claim without a named
speaker, with an unresolved one, hedged, with an undated or publication-date time, or a denial
(the reading that hurts most when wrong) is less certain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from watchfloor.errors import WatchfloorError
from watchfloor.resolve.proposals import MergeProposal, proposed_merges
from watchfloor.resolve.workspace import resolve_workspace
from watchfloor.service.audit import Audit
from watchfloor.service.judgements import JudgementService
from watchfloor.store.base import (
    ClaimFilter,
    EntitySummary,
    Store,
    StoredClaim,
    StoredJudgement,
    StoredMention,
)

REVIEW_KINDS = ("attribution", "mention", "merge")
#: Claims and entities the queue considers at most (the newest claims, the most mentioned entities).
QUEUE_SCOPE = 5_000
#: Entities named only once whose mention the queue offers, at most, and how sure entity recognition is
#: of such a mention (a name the workspace has seen once is likelier a tagging error).
SINGLETONS = 200
SINGLETON_CONFIDENCE = 0.6


@dataclass(slots=True)
class ReviewItem:
    """One thing to review. ``id`` is ``claim:<key>``, ``mention:<key>`` or ``merge:<entity>|<entity>``."""

    id: str
    kind: str
    priority: float
    confidence: float
    text: str  # what the machine found, in a line
    evidence: str  # the words it rests on
    document_id: str | None = None
    reasons: list[str] = field(default_factory=list)  # why it stands where it does in the queue
    machine: dict[str, Any] = field(default_factory=dict)  # what an analyst may confirm or correct
    review: str | None = None


@dataclass(slots=True)
class ReviewResult:
    item: str
    judgement: StoredJudgement


def claim_confidence(claim: StoredClaim) -> tuple[float, list[str]]:
    """How sure the extraction is of a claim, with the reasons it is less than sure."""
    penalties = []
    if not (claim.source or claim.speaker):
        penalties.append((0.3, "no named speaker"))
    elif claim.speaker_entity_id is None:
        penalties.append((0.15, "speaker not resolved to an entity"))
    if claim.hedge:
        penalties.append((0.1, f"hedged ({claim.hedge})"))
    if claim.time_precision in (None, "unknown", "publication"):
        penalties.append((0.1, "no time of its own" if claim.time_precision != "unknown" else "time unclear"))
    if claim.stance == "denies":
        penalties.append((0.15, "a denial"))
    if claim.via:
        penalties.append((0.05, "reported second-hand"))
    confidence = max(0.05, 0.95 - sum(p for p, _ in penalties))
    return round(confidence, 2), [reason for _, reason in penalties]


def _claim_item(claim: StoredClaim, alerted: bool) -> ReviewItem:
    confidence, doubts = claim_confidence(claim)
    feeds_brief = bool(claim.entity_ids or claim.speaker_entity_id)
    reasons = (["an open alert rests on it"] if alerted else []) + (
        ["names an entity, so briefs use it"] if feeds_brief else []
    )
    speaker = claim.speaker or claim.source or claim.publisher or "(unnamed)"
    return ReviewItem(
        id=f"claim:{claim.key}",
        kind="attribution",
        priority=round(2 * alerted + feeds_brief + (1 - confidence), 3),
        confidence=confidence,
        text=f"{speaker} {claim.cue} ({claim.stance}): {claim.claimed}",
        evidence=claim.sentence or claim.content,
        document_id=claim.document_id,
        reasons=reasons + doubts,
        machine={"speaker": speaker, "cue": claim.cue, "stance": claim.stance, "time": claim.time_value,
                 "content": claim.content, "hedge": claim.hedge},
        review=claim.review,
    )


def _mention_item(mention: StoredMention, confidence: float) -> ReviewItem:
    return ReviewItem(
        id=f"mention:{mention.key}",
        kind="mention",
        priority=round(1 - confidence, 3),
        confidence=confidence,
        text=f"{mention.text} ({mention.label})",
        evidence=mention.text,
        document_id=mention.document_id,
        reasons=["named once in the workspace"] if mention.review is None else [],
        machine={"label": mention.label, "entity": mention.entity_id},
        review=mention.review,
    )


def _merge_item(proposal: MergeProposal) -> ReviewItem:
    first, second = proposal.first, proposal.second
    return ReviewItem(
        id=f"merge:{first.id}|{second.id}",
        kind="merge",
        priority=round(1 + (1 - proposal.score), 3),
        confidence=proposal.score,
        text=f"{first.name} = {second.name}? ({first.type})",
        evidence=f"{proposal.names[0]} ~ {proposal.names[1]}",
        reasons=[f"names score {proposal.score:.2f}, just under the resolver's threshold"],
        machine={"entities": [first.id, second.id], "names": list(proposal.names)},
    )


def _alerted(store: Store) -> tuple[set[int], set[str]]:
    """Claim ids and document ids that open alerts rest on."""
    claims: set[int] = set()
    documents: set[str] = set()
    for alert in store.alerts(limit=QUEUE_SCOPE, open_only=True):
        if isinstance(alert.payload.get("claim"), int):
            claims.add(alert.payload["claim"])
        if isinstance(alert.payload.get("document"), str):
            documents.add(alert.payload["document"])
    return claims, documents


class ReviewService:
    def __init__(self, store: Store, audit: Audit, judgements: JudgementService) -> None:
        self.store = store
        self.audit = audit
        self.judgements = judgements

    def queue(self, *, kind: str | None = None, limit: int = 50, reviewed: bool = False) -> list[ReviewItem]:
        """Items awaiting review (or, with ``reviewed``, those already decided), most important first."""
        if kind is not None and kind not in REVIEW_KINDS:
            raise WatchfloorError(f"review kind must be one of {', '.join(REVIEW_KINDS)}, not {kind!r}")
        items: list[ReviewItem] = []
        if kind in (None, "attribution"):
            alerted_claims, alerted_documents = _alerted(self.store)
            claims = self.store.claims(ClaimFilter(limit=QUEUE_SCOPE, include_rejected=reviewed))
            items += [
                _claim_item(c, c.id in alerted_claims or c.document_id in alerted_documents)
                for c in claims
                if (c.review is not None) == reviewed
            ]
        entities = self.store.top_entities(limit=QUEUE_SCOPE) if kind != "attribution" else []
        if kind in (None, "mention"):
            items += self._mention_items(entities, reviewed)
        if kind in (None, "merge") and not reviewed:
            decided = self.store.judgements(active_only=True)
            items += [_merge_item(p) for p in proposed_merges(entities, decided)]
        return sorted(items, key=lambda i: (-i.priority, i.id))[: max(limit, 0)]

    def _mention_items(self, entities: list[EntitySummary], reviewed: bool) -> list[ReviewItem]:
        """Mentions of entities named once in the workspace: where entity recognition errs most."""
        if reviewed:
            decided = {j.subject["key"] for j in self.store.reviews() if j.subject.get("item") == "mention"}
            documents = {key.split(":", 1)[0] for key in decided}
            mentions = [m for d in sorted(documents) for m in self.store.mentions(d) if m.review]
            return [_mention_item(m, 0.5) for m in mentions]
        singletons = [e for e in entities if e.mention_count == 1][:SINGLETONS]
        return [_mention_item(m, SINGLETON_CONFIDENCE) for e in singletons
                for m in self.store.entity_mentions(e.id) if m.review is None]

    def confirm(self, item: str, *, why: str | None = None) -> ReviewResult:
        """The machine got it right."""
        return self._decide("confirm", item, why)

    def reject(self, item: str, *, why: str | None = None) -> ReviewResult:
        """The machine got it wrong: the item leaves claims, briefs and exports (a merge: kept apart)."""
        return self._decide("reject", item, why)

    def correct(self, item: str, field: str, value: str, *, why: str | None = None) -> ReviewResult:
        """The machine got a part wrong: ``stance`` or ``time`` of a claim, ``label`` of a mention."""
        return self._decide("correct", item, why, {"field": field, "value": value})

    def history(self, document_ids: Iterable[str] | None = None) -> list[StoredJudgement]:
        """Every review (of these documents), oldest first, undone ones included."""
        return self.store.reviews(document_ids)

    def _decide(self, action: str, item: str, why: str | None, extra: dict[str, Any] | None = None
                ) -> ReviewResult:
        kind, _, key = item.partition(":")
        if kind == "merge":
            return self._decide_merge(action, key, why)
        if kind not in ("claim", "mention") or not key:
            raise WatchfloorError(f"review item {item!r} is not claim:<key>, mention:<key> or merge:<a>|<b>")
        before = self._state(kind, key)
        judgement = self.store.review(action, {"item": kind, "key": key, **(extra or {})},
                                      author=self.audit.actor, reason=why)
        if kind == "mention":
            resolve_workspace(self.store)  # a rejected or relabelled mention changes its entity
        self.audit.record(f"review.{action}", item, before=before, after=judgement)
        return ReviewResult(item, judgement)

    def _decide_merge(self, action: str, key: str, why: str | None) -> ReviewResult:
        first, _, second = key.partition("|")
        if action == "correct" or not first or not second:
            raise WatchfloorError("a proposed merge is confirmed or rejected: merge:<entity>|<entity>")
        decide = self.judgements.merge if action == "confirm" else self.judgements.not_same
        result = decide(first, second, by=self.audit.actor, why=why)
        return ReviewResult(f"merge:{key}", result.judgement)

    def _state(self, kind: str, key: str) -> dict[str, Any]:
        """What the item looks like before the decision (for the audit log)."""
        document_id = key.split(":", 1)[0]
        found: StoredClaim | StoredMention | None
        if kind == "claim":
            wanted = ClaimFilter(document_id=document_id, limit=10_000, include_rejected=True)
            claims = self.store.claims(wanted)
            found = next((c for c in claims if c.key == key), None)
        else:
            found = next((m for m in self.store.mentions(document_id) if m.key == key), None)
        if found is None:
            return {}  # the store says whether it exists (a relabelled mention keeps its machine key)
        if isinstance(found, StoredClaim):
            return {"stance": found.stance, "time": found.time_value, "review": found.review}
        return {"label": found.label, "entity": found.entity_id, "review": found.review}
