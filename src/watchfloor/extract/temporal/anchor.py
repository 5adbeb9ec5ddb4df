"""What relative expressions are resolved against: the tense around them and the narrative's reference date.

Deictic expressions ("yesterday", "last month") count from the publication date. Anaphoric ones
("that day", "a week later", "the following year") count from the reference date of the narrative:
the last fully specified date the text mentioned, as HeidelTime tracks it. Underspecified ones
("in January", "on Friday") pick the occurrence before or after the anchor by the tense of the verb that
governs them: from the dependency parse when a spaCy ``Doc`` is available, else from nearby words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from watchfloor.extract.temporal.normalise import Point

Tense = Literal["past", "present", "future"]
_FINENESS = ("day", "week", "month", "quarter", "half", "year", "decade", "century")

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_FUTURE_VERBS = frozenset(
    {
        "expect",
        "plan",
        "intend",
        "schedule",
        "hope",
        "aim",
        "forecast",
        "project",
        "anticipate",
        "due",
        "set",
        "propose",
    }
)
_FUTURE_WORDS = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|expects?|expected|plans?|planned|scheduled|due to|"
    r"intends?|forecasts?|would|to be|set to|aims? to|next|coming|upcoming|later)\b",
    re.IGNORECASE,
)
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|told|began|became|brought|bought|built|came|fell|found|gave|got|held|"
    r"kept|led|left|made|met|paid|ran|rose|sent|sold|spent|stood|struck|took|thought|went|won|wrote|"
    r"ago|last|earlier|previously|\w{3,}ed)\b",
    re.IGNORECASE,
)
_PRESENT_WORDS = re.compile(r"\b(?:is|are|am|has|have|does|do|says|now)\b", re.IGNORECASE)


def tense_from_parse(doc: Any, start: int, end: int) -> Tense | None:
    """Tense of the verb governing the characters ``start:end`` of a parsed spaCy ``Doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(8):  # walk up to the governing verb
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass"):
            break
        if token.head is token:
            break
        token = token.head
    else:
        return None
    if token.pos_ not in ("VERB", "AUX"):
        return None
    for _ in range(3):  # "began assembling … in January": a non-finite verb takes its governor's tense
        if (
            token.tag_ in ("VBG", "VB")
            and token.dep_ in ("xcomp", "conj", "advcl")
            and token.head.pos_ in ("VERB", "AUX")
            and not any(child.dep_ == "aux" for child in token.children if child.lower_ != "to")
        ):
            token = token.head
        else:
            break
    aux = [child for child in token.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in aux}
    if words & _FUTURE_AUX or token.lemma_ in _FUTURE_VERBS:
        return "future"
    if any(child.lower_ == "to" for child in aux) and token.head is not token:
        governor = token.head
        if governor.lemma_ in _FUTURE_VERBS or (governor.lemma_ == "go" and governor.tag_ == "VBG"):
            return "future"
        if governor.pos_ in ("VERB", "AUX"):
            return _tag_tense(governor, {c.lower_ for c in governor.children if c.dep_ == "aux"})
    return _tag_tense(token, words)


def _tag_tense(token: Any, aux_words: set[str]) -> Tense:
    if token.tag_ == "VBD" or aux_words & {"was", "were", "had", "did", "has", "have", "'ve"}:
        return "past"
    if token.tag_ == "VBN" and not aux_words & {"is", "are", "be", "'s", "'re"}:
        return "past"
    return "present"


def tense_from_words(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> Tense:
    """Rough tense from the words of the sentence around ``start:end`` (used without a parse)."""
    lo, hi = sentence if sentence else (max(0, start - 120), min(len(text), end + 60))
    before, after = text[lo:start], text[end:hi]
    window = before[-80:] + " " + after[:50]
    if _FUTURE_WORDS.search(window):
        return "future"
    if _PAST_WORDS.search(window):
        return "past"
    if _PRESENT_WORDS.search(window):
        return "present"
    return "present"


@dataclass(slots=True)
class Anchor:
    """The dates an expression is resolved against, updated as the text is read in order."""

    document_date: date | None
    reference: Point | None = None  # last fully specified date mentioned (narrative reference time)
    last_quarter: Point | None = None

    def __post_init__(self) -> None:
        if self.reference is None and self.document_date is not None:
            self.reference = Point(self.document_date, "day")

    def deictic(self) -> date | None:
        """The anchor of "yesterday", "last year": the publication date."""
        return self.document_date

    def anaphoric(self, granularity: str = "day") -> date | None:
        """The anchor of "that day", "a year later": the narrative reference date.

        A reference coarser than ``granularity`` (a year, when a day is needed) cannot anchor it; the
        publication date does.
        """
        if self.reference is not None and _FINENESS.index(self.reference.granularity) <= _FINENESS.index(
            granularity
        ):
            return self.reference.start
        return self.document_date

    def note(self, point: Point, explicit: bool) -> None:
        """Record a resolved date; explicit (absolute) mentions move the narrative reference."""
        if point.granularity == "quarter":
            self.last_quarter = point
        if explicit and point.granularity in ("day", "month", "year", "week", "quarter"):
            self.reference = point


def choose_year(anchor: date, month: int, day_of: int, tense: Tense) -> int:
    """Year of a month (and day) named without one, chosen around the anchor date.

    Past tense picks the last occurrence up to the anchor, future the next one from it, and anything
    else the nearest; an occurrence about a year away yields to one within three months.
    """
    options = [
        (year, date(year, month, min(day_of, 28))) for year in (anchor.year - 1, anchor.year, anchor.year + 1)
    ]
    dated = [(year, (day - anchor).days) for year, day in options]
    nearest_year, nearest_gap = min(dated, key=lambda option: abs(option[1]))
    if month == anchor.month:
        return anchor.year
    if tense == "past":
        year, gap = max(((y, g) for y, g in dated if g <= 0), key=lambda option: option[1])
    elif tense == "future":
        year, gap = min(((y, g) for y, g in dated if g >= 0), key=lambda option: option[1])
    else:
        return nearest_year
    if abs(gap) > 270 and abs(nearest_gap) < 92:
        return nearest_year
    return year
