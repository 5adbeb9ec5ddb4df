"""Claim credibility on the Admiralty scale (1 confirmed … 6 cannot be judged), with its reasons.

The grade is derived from the number of independent evidence lines asserting a claim, the best
reliability (A–F) of the publishers carrying them, denials, and the strongest hedge. Every grade
comes with a plain-language explanation of how it was reached.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

CREDIBILITY_LABELS: dict[int, str] = {
    1: "confirmed by other sources",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "cannot be judged",
}
RELIABILITY_LABELS: dict[str, str] = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
#: ICD 203 hedges that lower the grade when the source itself doubts the content.
DOUBTING_HEDGES = frozenset({"almost no chance", "very unlikely", "unlikely"})


@dataclass(slots=True)
class Credibility:
    grade: int
    reasons: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return CREDIBILITY_LABELS[self.grade]

    def explanation(self) -> str:
        return f"{self.grade} ({self.label}): " + "; ".join(self.reasons)


def best_reliability(ratings: Iterable[str | None]) -> str:
    """The best (alphabetically first) of A–E ratings; F when none is known."""
    known = sorted(r for r in ratings if r and r in "ABCDE")
    return known[0] if known else "F"


def grade(
    asserting_lines: int,
    denying_lines: int,
    reliability: str = "F",
    hedges: Iterable[str | None] = (),
    support: float | None = None,
    collapsed: Iterable[str] = (),
) -> Credibility:
    """Grade a claim cluster from its independent asserting and denying evidence lines.

    ``support`` is the asserting lines weighed by how firmly each first report puts the claim (a
    hedged line counts for less; the number of lines by default); ``collapsed`` says in plain words
    which reports were counted together and why.
    """
    weight = float(asserting_lines) if support is None else support
    doubts = sorted({h for h in hedges if h in DOUBTING_HEDGES})
    lines = f"{asserting_lines} independent line{'s' if asserting_lines != 1 else ''} of evidence assert it"
    if weight < asserting_lines:
        lines += f" (weighing {weight:g} for hedged reports)"
    reasons = [
        lines,
        f"best publisher reliability {reliability} ({RELIABILITY_LABELS.get(reliability, 'unknown')})",
    ]
    if denying_lines:
        reasons.append(f"denied by {denying_lines} independent line{'s' if denying_lines != 1 else ''}")
    if doubts:
        reasons.append("the source hedges it as " + ", ".join(doubts))
    reasons.extend(collapsed)
    reliable = reliability in {"A", "B"}
    if asserting_lines == 0:
        value = 5 if denying_lines else 6
    elif denying_lines > asserting_lines or (doubts and asserting_lines == 1):
        value = 5 if denying_lines > asserting_lines and not reliable else 4
    elif weight >= 3 or (weight >= 2 and reliable):
        value = 1 if not denying_lines else 2
    elif weight >= 2 or (reliable and weight >= 1):
        value = 2 if not denying_lines else 3
    elif weight >= 1.5 or reliability == "C":
        value = 3 if not denying_lines else 4
    else:
        value = 6 if not denying_lines else 4
    return Credibility(value, reasons)
