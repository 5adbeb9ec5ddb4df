"""Generic span matching: precision, recall and F1 by exact or overlapping character spans.

Gold and predicted items are ``(start, end)`` pairs, optionally with a key (a document id, a label…)
that must be equal for two spans to match: ``(key, start, end)``. Matching is one-to-one and greedy in
span order, so a long prediction overlapping two gold spans counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Literal

from watchfloor.evaluate.metrics import PRF

MatchMode = Literal["exact", "overlap"]
KeyedSpan = tuple[Hashable, int, int]


def spans_match(gold: tuple[int, int], predicted: tuple[int, int], mode: MatchMode) -> bool:
    """Whether two ``(start, end)`` spans match: identical, or sharing at least one character."""
    if mode == "exact":
        return gold == predicted
    return gold[0] < predicted[1] and predicted[0] < gold[1]


def align_spans(
    gold: Iterable[KeyedSpan], predicted: Iterable[KeyedSpan], mode: MatchMode
) -> list[tuple[KeyedSpan, KeyedSpan]]:
    """One-to-one pairs ``(gold, predicted)`` of matching spans with equal keys."""
    gold_by_key = _group(gold)
    pairs: list[tuple[KeyedSpan, KeyedSpan]] = []
    for key, predictions in _group(predicted).items():
        candidates = sorted(gold_by_key.get(key, []), key=lambda g: (g[1], g[2]))
        used = [False] * len(candidates)
        for pred in sorted(predictions, key=lambda p: (p[1], p[2])):
            exact = next((i for i, g in enumerate(candidates)
                          if not used[i] and (g[1], g[2]) == (pred[1], pred[2])), None)
            index = exact if exact is not None else next(
                (i for i, g in enumerate(candidates)
                 if not used[i] and spans_match((g[1], g[2]), (pred[1], pred[2]), mode)), None)
            if index is not None:
                used[index] = True
                pairs.append((candidates[index], pred))
    return pairs


def match_spans(gold: Iterable[KeyedSpan], predicted: Iterable[KeyedSpan], mode: MatchMode) -> PRF:
    """Precision / recall / F1 of predicted spans against gold spans (one-to-one)."""
    gold_list, predicted_list = list(gold), list(predicted)
    pairs = align_spans(gold_list, predicted_list, mode)
    return PRF.counted(len(pairs), len(predicted_list), len(gold_list))


def _group(items: Iterable[KeyedSpan]) -> dict[Hashable, list[KeyedSpan]]:
    grouped: dict[Hashable, list[KeyedSpan]] = defaultdict(list)
    for item in items:
        grouped[item[0]].append(item)
    return grouped
