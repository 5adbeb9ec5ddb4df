"""Precision, recall and F1 from counts, shared by every scorer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(slots=True)
class PRF:
    """Counts of a match — true positives, false positives, false negatives — and the P/R/F1 they give."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def counted(cls, true_positives: int, predicted: int, gold: int) -> PRF:
        """From the matched, predicted and gold counts."""
        return cls(true_positives, predicted - true_positives, gold - true_positives)

    @property
    def true_positives(self) -> int:
        return self.tp

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        """Add ``other``'s counts to these."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def to_json(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "predicted": self.predicted,
            "gold": self.gold,
        }

    as_dict = to_json


def compare_sets(gold: set[Any], predicted: set[Any]) -> PRF:
    """Exact-match counts between two sets of hashable items (e.g. (start, end, label) triples)."""
    tp = len(gold & predicted)
    return PRF(tp=tp, fp=len(predicted) - tp, fn=len(gold) - tp)


def strided(items: list[T], part: str | None) -> list[T]:
    """The items ``K, K+N, K+2N…`` of ``part = "K/N"`` (all for None): e.g. ``0/5``, the fifth of a split
    left out while rules were chosen on the other four."""
    if part is None:
        return items
    try:
        first, every = (int(n) for n in part.split("/"))
    except ValueError:
        raise ValueError(f"slice {part!r} is not K/N (e.g. 0/5)") from None
    if every < 1 or not 0 <= first < every:
        raise ValueError(f"slice {part!r}: need 0 <= K < N")
    return items[first::every]
