"""English amounts of time: durations ("three years", "the past few months"), sets ("every week",
"daily") and counted offsets ("two days ago", "three days earlier").
"""

from __future__ import annotations

import re

from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.english_reading import GRANULARITY_OF_UNIT, InterpreterBase, Reading
from watchfloor.extract.temporal.english_words import PARTS_OF_DAY, UNITS, WEEKDAYS, parse_number
from watchfloor.extract.temporal.normalise import UNKNOWN_VALUES, Point, duration_value

APPROX_MODIFIERS: dict[str, str] = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "close to": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}


class Durations(InterpreterBase):
    """Readings of spans of time, their repetitions, and dates counted back or ahead by a span."""

    def _ago(self, c: Candidate) -> Reading | None:
        unit = UNITS[c.group("unit") or ""]
        direction = re.sub(r"\s+", " ", c.group("dir") or "")
        granularity = GRANULARITY_OF_UNIT.get(unit)
        amount = parse_number(c.group("num") or "")
        counted = amount is not None and float(amount).is_integer()
        dated = direction in ("ago", "from now", "hence", "back") or (
            direction == "earlier" and granularity in ("month", "quarter", "year", "decade")
        )
        if dated and amount is None:
            return Reading("DATE", "PAST_REF" if direction in ("ago", "earlier", "back") else "FUTURE_REF")
        if not dated or granularity is None or amount is None or not counted:
            # "three days earlier": the span is the duration
            duration = self._duration_reading(c, c.group("num") or "", unit, None)
            if duration is None:
                return None
            return Reading(duration.type, duration.value, duration.mod, end=c.match.end("unit"))
        sign = -1 if direction in ("ago", "earlier", "back") else 1
        anchor = self.anchor.deictic()
        mod = APPROX_MODIFIERS.get(re.sub(r"\s+", " ", c.group("approx") or ""))
        if anchor is None:
            return Reading("DATE", UNKNOWN_VALUES[granularity], mod)
        if (
            unit == "year"
            and amount == 1
            and self.anchor.last_quarter is not None
            and c.start - self._last_quarter_at < 400
        ):
            point = self.anchor.last_quarter.shift(-4 if sign < 0 else 4)
            return Reading("DATE", point.value, mod)
        if unit == "weekend":
            granularity = "week"
        point = Point.of(anchor, granularity).shift(sign * int(amount))
        return Reading("DATE", point.value, mod, point)

    def _vague_ago(self, c: Candidate) -> Reading | None:
        return Reading("DATE", "PAST_REF" if c.group("dir") in ("ago", "earlier") else "FUTURE_REF")

    def _duration(self, c: Candidate) -> Reading | None:
        num = c.group("num") or ""
        unit = UNITS[c.group("unit") or ""]
        the = c.group("the")
        if num in ("a", "an") and self._is_rate(c):
            return Reading("SET", duration_value(1, unit))
        if unit == "quarter" and num in ("a", "an") and not c.group("q"):
            return None
        if c.group("old"):  # ages ("a 44-year-old") are not time expressions here
            return None
        if (num in ("a", "an", "one") or the in ("a", "an")) and unit == "second" and c.group("q") is None:
            return None
        return self._duration_reading(c, num, unit, c.group("q"))

    def _is_rate(self, c: Candidate) -> bool:
        before = self.text[max(0, c.start - 25) : c.start]
        return bool(
            re.search(
                r"(?:\d|times|once|twice|\bcents?|\bpercent|%|\$\S*|million|billion|thousand|"
                r"dollars|tons|barrels)\s*$",
                before,
            )
        )

    def _duration_reading(self, c: Candidate, num: str, unit: str, qualifier: str | None) -> Reading | None:
        amount = None if re.fullmatch(r"\d+\s+to\s+\d+", num) else parse_number(num)
        if amount is not None and amount > 10_000:
            return None
        mod = APPROX_MODIFIERS.get(re.sub(r"\s+", " ", c.group("approx") or c.group("approx0") or ""))
        if qualifier == "recent" and amount is None:
            return Reading("DATE", "PAST_REF")
        return Reading("DURATION", duration_value(amount, unit), mod)

    def _vague_duration(self, c: Candidate) -> Reading | None:
        unit = UNITS[c.group("unit") or ""]
        qualifier = re.sub(r"\s+", " ", c.group("q") or "")
        before = self.text[max(0, c.start - 12) : c.start].lower()
        if qualifier in ("recent", "in recent"):
            return (
                Reading("DATE", "PAST_REF")
                if unit == "year"
                else Reading("DURATION", duration_value(None, unit))
            )
        if qualifier or c.group("ahead"):
            return Reading("DURATION", duration_value(None, unit))
        if re.search(
            r"\b(?:for|over|within|in|after|take|took|takes|taking|lasted|last)\s+$", before
        ) and not re.match(r"\s+(?:of|old|before|after)\b", self.text[c.end : c.end + 8]):
            return Reading("DURATION", duration_value(None, unit))
        return None

    def _set(self, c: Candidate) -> Reading | None:
        adverb = c.group("adv")
        if adverb:
            if adverb in ("quarterly", "annually") and not c.preposition:
                return None  # mostly "quarterly dividend", "paid annually" amounts
            unit = {
                "daily": "day",
                "weekly": "week",
                "monthly": "month",
                "annually": "year",
                "yearly": "year",
                "quarterly": "quarter",
                "hourly": "hour",
                "nightly": "night",
                "biweekly": "week",
                "semiannually": "month",
            }[adverb]
            amount = {"biweekly": 2, "semiannually": 6}.get(adverb, 1)
            return Reading("SET", duration_value(amount, unit))
        unit_word = c.group("unit") or ""
        if unit_word in WEEKDAYS:
            return Reading("SET", f"XXXX-WXX-{WEEKDAYS[unit_word] + 1}")
        if unit_word in PARTS_OF_DAY:
            return Reading("SET", f"TXX{PARTS_OF_DAY[unit_word]}")
        count = parse_number(c.group("num") or "1")
        return Reading("SET", duration_value(count if count else 1, UNITS[unit_word]))
