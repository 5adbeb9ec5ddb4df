"""Merges the resolver nearly made: pairs of entities of one type whose names score just under the
threshold, for an analyst to confirm (a merge judgement) or reject (a not-same judgement)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from watchfloor.resolve.blocking import BlockIndex, blocking_keys
from watchfloor.resolve.matchers import Matcher, make_matchers
from watchfloor.resolve.names import NameForm, analyse_name
from watchfloor.resolve.resolver import ResolverSettings, coarse_label
from watchfloor.store.base import EntitySummary, StoredJudgement

#: How far under the resolver's threshold a pair still counts as a near miss.
NEAR_MISS = 0.17


@dataclass(frozen=True, slots=True)
class MergeProposal:
    first: EntitySummary
    second: EntitySummary
    score: float  # the best name-pair score (the resolver merges at its threshold)
    names: tuple[str, str]  # the two name forms that scored it


def _judged_pairs(judgements: Iterable[StoredJudgement]) -> set[frozenset[str]]:
    """Entity pairs an analyst already decided on (merged or kept apart)."""
    return {
        frozenset(j.subject.get("entities", []))
        for j in judgements
        if j.action in ("merge", "not-same") and len(j.subject.get("entities", [])) == 2
    }


def proposed_merges(
    entities: Sequence[EntitySummary],
    judgements: Iterable[StoredJudgement] = (),
    settings: ResolverSettings | None = None,
) -> list[MergeProposal]:
    """Pairs of same-type entities scoring within :data:`NEAR_MISS` under the threshold, best first."""
    settings = settings or ResolverSettings()
    matchers = make_matchers(settings.matchers)
    decided = _judged_pairs(judgements)
    forms: dict[str, list[NameForm]] = {
        e.id: [f for f in (analyse_name(n) for n in dict.fromkeys([e.name, *e.names])) if not f.is_empty]
        for e in entities
    }
    by_id = {e.id: e for e in entities}
    index = BlockIndex(settings.max_postings)
    proposals: list[MergeProposal] = []
    for entity in entities:
        keys = set().union(*(blocking_keys(f) for f in forms[entity.id]))
        for other_id in sorted(index.candidates(keys)):
            other = by_id[other_id]
            if other.type != entity.type or frozenset((entity.id, other_id)) in decided:
                continue
            best = _best_pair(forms[other_id], forms[entity.id], matchers, coarse_label(entity.type))
            if best and settings.threshold - NEAR_MISS <= best[0] < settings.threshold:
                proposals.append(MergeProposal(other, entity, round(best[0], 3), best[1]))
        index.add(entity.id, keys)
    return sorted(proposals, key=lambda p: (-p.score, p.first.id, p.second.id))


def _best_pair(
    first: Sequence[NameForm], second: Sequence[NameForm], matchers: Sequence[Matcher], label: str | None
) -> tuple[float, tuple[str, str]] | None:
    best: tuple[float, tuple[str, str]] | None = None
    for a in first:
        for b in second:
            for matcher in matchers:
                score = matcher.score(a, b, label)
                if score is not None and (best is None or score > best[0]):
                    best = (score, (a.text, b.text))
    return best
