"""What every English time reading shares: the :class:`Reading` result, the modifier and unit words, and
:class:`InterpreterBase`, the interpreter's state (text, anchor, tense) with the helpers that pick a
tense, a modifier, a year for a month and a date for a weekday around the anchor.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from watchfloor.extract.temporal.anchor import Anchor, Tense, choose_year
from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.normalise import UNKNOWN_VALUES, Granularity, Point

TenseOf = Callable[[int, int], Tense]


@dataclass(frozen=True, slots=True)
class Reading:
    """How one expression was understood."""

    type: str
    value: str
    mod: str | None = None
    point: Point | None = None  # the calendar period, when resolved
    explicit: bool = False  # an absolute date that moves the narrative reference
    end: int | None = None  # a shorter span end than the candidate's ("three days" of "three days earlier")


MODIFIERS: dict[str, str] = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "beginning of": "START",
    "start of": "START",
    "the early part of": "START",
    "the first half of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "middle of": "MID",
    "late": "END",
    "the end of": "END",
    "end of": "END",
    "the latter part of": "END",
    "the second half of": "END",
    "the last half of": "END",
    "the latter half of": "END",
}
GRANULARITY_OF_UNIT: dict[str, Granularity] = {
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "fiscal year": "year",
    "decade": "decade",
    "century": "century",
}
_DEADLINE_WORDS = re.compile(
    r"\b(?:deadline|extend\w*|postpon\w*|delay\w*|adjourn\w*|recess\w*|suspend\w*|given|expire\w*)\b",
    re.IGNORECASE,
)
DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "overnight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}


class InterpreterBase:
    """The state of one text's reading and the helpers the rule families share."""

    def __init__(self, text: str, anchor: Anchor, tense_of: TenseOf) -> None:
        self.text = text
        self.anchor = anchor
        self.tense_of = tense_of
        self._last_quarter_at = -10_000

    def _tense(self, c: Candidate) -> Tense:
        pre = c.preposition
        if pre == "since":
            return "past"
        if pre in ("until", "till", "by") and _DEADLINE_WORDS.search(
            self.text, max(0, c.start - 80), c.start
        ):
            return "future"  # "extended the deadline until Tuesday": the deadline lies ahead
        return self.tense_of(c.start, c.end)

    def _mod(self, c: Candidate, group: str = "mod") -> str | None:
        words = c.group(group)
        return MODIFIERS.get(re.sub(r"\s+", " ", words)) if words else None

    def _capitalised(self, c: Candidate, group: str) -> bool:
        start = c.match.start(group)
        return start >= 0 and self.text[start].isupper()

    @staticmethod
    def _resolved(
        point: Point | None,
        granularity: Granularity,
        mod: str | None = None,
        explicit: bool = False,
        type_: str = "DATE",
    ) -> Reading:
        value = point.value if point else UNKNOWN_VALUES[granularity]
        return Reading(type_, value, mod, point, explicit)

    def _month_year(self, month: int, c: Candidate, day_of: int = 15) -> int | None:
        """Year of a month (and day) named without one, chosen around the publication date.

        Past tense picks the last occurrence up to the anchor, future the next one from it, and
        anything else the nearest; an occurrence a year away yields to one within three months.
        """
        anchor = self.anchor.deictic()
        return choose_year(anchor, month, day_of, self._tense(c)) if anchor else None

    def _weekday_date(self, weekday: int, c: Candidate, rel: str | None = None) -> date | None:
        anchor = self.anchor.deictic()
        if anchor is None:
            return None
        back = (anchor.weekday() - weekday) % 7
        ahead = (weekday - anchor.weekday()) % 7
        if rel == "last":
            return anchor - timedelta(days=back or 7)
        if rel == "next":
            return anchor + timedelta(days=ahead or 7)
        tense = self._tense(c)
        if tense == "past":
            return anchor - timedelta(days=back)
        if tense == "future":
            return anchor + timedelta(days=ahead)
        return anchor - timedelta(days=back) if back <= ahead else anchor + timedelta(days=ahead)

    @staticmethod
    def _year_of(text: str) -> int:
        if text.startswith("'"):
            two = int(text[1:])
            return 1900 + two if two >= 30 else 2000 + two
        return int(text)
