"""Claim clusters: claims in different documents (and languages) that state the same thing.

Candidate pairs come from blocks of shared entities, event classes and content-word stems, so the
work grows with block sizes, never with all pairs. Pairs are linked strongest first (the similarity
of ``similarity.py``); two groups join through a link only if no pair across them conflicts (another
time, another event, other actors) and the groups are alike on average, so one loose link never
chains two stories together.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from watchfloor.corroborate.evidence import Evidence
from watchfloor.corroborate.similarity import ClusterSettings, conflict, similarity, stems
from watchfloor.extract.claims.lexicon import compatible_events

#: Blocks larger than this are too common to say anything (e.g. every claim naming "Russia").
MAX_BLOCK = 500


def _blocks(evidences: Sequence[Evidence], all_stems: Sequence[frozenset[str]]) -> set[tuple[int, int]]:
    blocks: dict[str, list[int]] = {}
    for index, evidence in enumerate(evidences):
        keys = {"e:" + e for e in evidence.entity_ids | evidence.parties | evidence.places}
        keys |= {"w:" + s for s in all_stems[index]}
        if evidence.event:
            keys.add("v:" + evidence.event)
        for key in keys:
            blocks.setdefault(key, []).append(index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
    return pairs


def _other_events(evidences: Sequence[Evidence], first: Sequence[int], second: Sequence[int]) -> float:
    """The share of pairs across two groups, both with an event class, whose classes cannot report
    one event."""
    known = [
        (evidences[a].event, evidences[b].event)
        for a in first
        for b in second
        if evidences[a].event and evidences[b].event
    ]
    if not known:
        return 0.0
    return sum(not compatible_events(x, y) for x, y in known) / len(known)


def _alike(
    first: Sequence[int], second: Sequence[int], score: Callable[[int, int], float], average: float
) -> bool:
    """No pair across two groups conflicts and their mean score reaches ``average`` (the pairs after
    a conflict are never scored)."""
    total = 0.0
    for a in first:
        for b in second:
            value = score(a, b)
            if value < 0:
                return False
            total += value
    return total / (len(first) * len(second)) >= average


class _Grouping:
    """Groups of claim indices with the scores seen between them."""

    def __init__(self, size: int) -> None:
        self.group_of = list(range(size))
        self.members: dict[int, list[int]] = {i: [i] for i in range(size)}


def cluster_claims(evidences: Sequence[Evidence], settings: ClusterSettings | None = None) -> list[list[int]]:
    """Indices of ``evidences`` grouped into clusters, largest first (ties in input order)."""
    settings = settings or ClusterSettings()
    all_stems = [stems(e.text) for e in evidences]
    scores: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        pair = (i, j) if i < j else (j, i)
        if pair not in scores:
            a, b = evidences[pair[0]], evidences[pair[1]]
            scores[pair] = (
                -1.0
                if conflict(a, b, settings)
                else similarity(a, b, all_stems[pair[0]], all_stems[pair[1]], settings)
            )
        return scores[pair]

    links = sorted(
        ((score(i, j), i, j) for i, j in _blocks(evidences, all_stems)), key=lambda t: (-t[0], t[1], t[2])
    )
    grouping = _Grouping(len(evidences))
    for value, i, j in links:
        if value < settings.threshold:
            break
        first, second = grouping.group_of[i], grouping.group_of[j]
        if first == second:
            continue
        if not _alike(grouping.members[first], grouping.members[second], score, settings.average):
            continue
        if (
            _other_events(evidences, grouping.members[first], grouping.members[second])
            > settings.other_events
        ):
            continue  # mostly different events (hiring, production, a location): separate claims
        keep, gone = sorted((first, second))
        for index in grouping.members[gone]:
            grouping.group_of[index] = keep
        grouping.members[keep].extend(grouping.members.pop(gone))
    groups = [sorted(m) for m in grouping.members.values()]
    return sorted(groups, key=lambda g: (-len(g), g[0]))
