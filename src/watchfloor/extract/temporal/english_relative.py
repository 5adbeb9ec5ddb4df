"""English relative dates: "last month", "the following Friday", "that week", "the full year",
seasons, "today" and the vague references ("recently", "the near future", "now").

Deictic expressions count from the publication date, anaphoric ones ("the following day") from the
narrative reference date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.english_reading import (
    DAY_OFFSETS,
    GRANULARITY_OF_UNIT,
    InterpreterBase,
    Reading,
)
from watchfloor.extract.temporal.english_words import PARTS_OF_DAY, SEASONS, WEEKDAYS
from watchfloor.extract.temporal.normalise import UNKNOWN_VALUES, Point, add_months, duration_value

_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_REFS = {
    "now": "PRESENT_REF",
    "right now": "PRESENT_REF",
    "just now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "current": "PRESENT_REF",
    "the moment": "PRESENT_REF",
    "the near future": "FUTURE_REF",
    "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF",
    "a future date": "FUTURE_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "more recently": "PAST_REF",
    "previously": "PAST_REF",
    "formerly": "PAST_REF",
    "the past": "PAST_REF",
    "in the past": "PAST_REF",
    "recent": "PAST_REF",
    "once": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "future": "FUTURE_REF",
}
_ANAPHORIC_RELATIONS = frozenset(
    {
        "that same",
        "that",
        "same",
        "the same",
        "following",
        "the following",
        "prior",
        "the prior",
        "preceding",
        "the preceding",
        "the previous",
        "the next",
    }
)
#: Words that are time expressions in too few of their uses to tag on their own.
_WEAK_REFS = frozenset({"once", "previously", "formerly", "soon"})


class RelativeDates(InterpreterBase):
    """Readings of dates named relative to the publication date or to the narrative's reference date."""

    def _relative(self, c: Candidate) -> Reading | None:
        rel = re.sub(r"\s+", " ", c.group("rel") or "")
        unit = re.sub(r"\s+", " ", c.group("unit") or "")
        mod = self._mod(c)
        if c.group("mod") in ("earlier", "later"):
            mod = None
        if rel == "the" and not c.group("mod"):
            if unit in (
                "year",
                "fiscal year",
                "month",
                "week",
                "day",
                "quarter",
                "decade",
                "century",
                "weekend",
            ):
                # "the year": a span of one unit unless it names the current one ("the end of the year")
                if unit == "weekend":
                    return self._anaphoric_unit(c, unit, 0, mod)
                if unit == "day":
                    return None
                return Reading("DURATION", duration_value(1, "year" if unit == "fiscal year" else unit))
            if unit in WEEKDAYS or unit in ("morning", "afternoon", "evening", "night"):
                return None
        if unit in WEEKDAYS:
            if rel in _ANAPHORIC_RELATIONS:
                return self._anaphoric_weekday(WEEKDAYS[unit], rel, mod)
            day = self._weekday_date(WEEKDAYS[unit], c, rel if rel in ("last", "next") else None)
            if day is None:
                return Reading("DATE", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", mod)
            return self._resolved(Point(day, "day"), "day", mod)
        if unit in SEASONS:
            return self._season_reading(SEASONS[unit], rel, None, mod)
        if unit in ("morning", "afternoon", "evening", "night"):
            offset = {
                "last": -1,
                "this": 0,
                "that": 0,
                "the same": 0,
                "that same": 0,
                "the following": 1,
                "the next": 1,
                "the previous": -1,
                "the prior": -1,
                "previous": -1,
                "next": 1,
            }.get(rel)
            if offset is None:
                return None
            anchor = self.anchor.deictic() if rel in ("this", "last", "next") else self.anchor.anaphoric()
            if anchor is None:
                return Reading("TIME", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}")
            if rel == "last" and unit != "night":
                return None
            return Reading("TIME", f"{(anchor + timedelta(days=offset)).isoformat()}T{PARTS_OF_DAY[unit]}")
        shift = {
            "last": -1,
            "past": -1,
            "previous": -1,
            "prior": -1,
            "preceding": -1,
            "the previous": -1,
            "the prior": -1,
            "the preceding": -1,
            "this": 0,
            "current": 0,
            "the current": 0,
            "same": 0,
            "the same": 0,
            "that same": 0,
            "that": 0,
            "the": 0,
            "next": 1,
            "coming": 1,
            "following": 1,
            "the following": 1,
            "the next": 1,
            "the coming": 1,
        }.get(rel)
        if shift is None:
            return None
        if rel in ("past", "the past", "the coming") and unit in ("day",):
            return None
        if unit == "day" and rel in ("this", "current", "last", "past", "coming", "next"):
            return None
        return self._anaphoric_unit(c, unit, shift, mod)

    def _anaphoric_weekday(self, weekday: int, rel: str, mod: str | None) -> Reading | None:
        """The weekday before ("the previous Friday") or after the narrative's reference day."""
        reference = self.anchor.anaphoric("day")
        if rel in ("that", "same", "the same", "that same") or reference is None:
            return None if reference else Reading("DATE", f"XXXX-WXX-{weekday + 1}", mod)
        if rel in ("following", "the following", "the next"):
            day = reference + timedelta(days=(weekday - reference.weekday()) % 7 or 7)
        else:
            day = reference - timedelta(days=(reference.weekday() - weekday) % 7 or 7)
        return self._resolved(Point(day, "day"), "day", mod, explicit=True)

    def _whole_unit(self, c: Candidate) -> Reading | None:
        """A whole unit: "the full year" is the year in question; "an additional year" is a span."""
        unit = re.sub(r"\s+", " ", c.group("unit") or "")
        if (c.group("det") or "").startswith("the"):
            granularity = GRANULARITY_OF_UNIT[unit]
            anchor = self.anchor.anaphoric(granularity)
            if anchor is None:
                return Reading("DATE", UNKNOWN_VALUES[granularity])
            return Reading("DATE", Point.of(anchor, granularity).value)
        return Reading("DURATION", duration_value(1, "year" if unit == "fiscal year" else unit))

    def _anaphoric_unit(self, c: Candidate, unit: str, shift: int, mod: str | None) -> Reading | None:
        rel = c.group("rel") or ""
        anaphoric = rel in _ANAPHORIC_RELATIONS
        granularity = GRANULARITY_OF_UNIT.get(unit)
        if granularity is None:
            return None
        anchor = self.anchor.anaphoric(granularity) if anaphoric else self.anchor.deictic()
        if anchor is None:
            value = UNKNOWN_VALUES[granularity] + ("-WE" if unit == "weekend" else "")
            return Reading("DATE", value, mod)
        if rel == "that" and unit != "day" and self.anchor.reference is not None:
            base = (
                self.anchor.reference.coarsen(granularity)
                if self._coarser_or_equal(self.anchor.reference.granularity, granularity)
                else Point.of(anchor, granularity)
            )
        else:
            base = Point.of(anchor, granularity)
        point = base.shift(shift)
        if unit == "weekend" and shift == 0 and not anaphoric:
            # "over the weekend": the last one in past tense, the coming one otherwise
            in_weekend = anchor.weekday() >= 5
            if self._tense(c) == "past" and not in_weekend:
                point = base.shift(-1)
        if unit == "weekend":
            return Reading("DATE", f"{point.value}-WE", mod, point)
        return Reading("DATE", point.value, mod, point)

    @staticmethod
    def _coarser_or_equal(have: str, want: str) -> bool:
        order = ["day", "week", "month", "quarter", "half", "year", "decade", "century"]
        return order.index(have) <= order.index(want)

    def _season_reading(self, season: str, rel: str | None, year: int | None, mod: str | None) -> Reading:
        """A season labelled by the year it starts in (winter 2022 runs from December 2022)."""
        anchor = self.anchor.deictic()
        if year is None and anchor is not None:
            starts = [date(y, _SEASON_START[season], 1) for y in range(anchor.year - 2, anchor.year + 2)]
            ended = [s for s in starts if add_months(s, 3) <= anchor]
            upcoming = [s for s in starts if s > anchor]
            current = [s for s in starts if s <= anchor < add_months(s, 3)]
            if rel in ("last", "past"):
                year = ended[-1].year
            elif rel in ("next", "coming"):
                year = upcoming[0].year
            elif current:
                year = current[0].year
            else:  # "this summer" said in spring: the one of this year
                same_year = [s for s in starts if s.year == anchor.year]
                year = same_year[0].year if season != "WI" or anchor.month >= 3 else anchor.year - 1
        if year is None:
            return Reading("DATE", f"XXXX-{season}", mod)
        return Reading("DATE", f"{year:04d}-{season}", mod)

    def _season(self, c: Candidate) -> Reading | None:
        rel, year_text, word = c.group("rel"), c.group("y"), c.group("season") or ""
        if not (rel or year_text or c.preposition or c.group("mod")):
            return None
        if word == "fall" and not (rel or year_text):
            return None
        if rel == "the" and not (year_text or c.preposition):
            return None
        return self._season_reading(SEASONS[word], rel, int(year_text) if year_text else None, self._mod(c))

    def _deictic(self, c: Candidate) -> Reading | None:
        word = re.sub(r"\s+", " ", c.group("word") or "")
        pod = c.group("pod")
        if word in DAY_OFFSETS:
            anchor = self.anchor.deictic()
            day = anchor + timedelta(days=DAY_OFFSETS[word]) if anchor else None
            part = PARTS_OF_DAY.get(pod or "") or PARTS_OF_DAY.get(word)
            if part:
                base = day.isoformat() if day else "XXXX-XX-XX"
                return Reading("TIME", f"{base}T{part}")
            return self._resolved(Point(day, "day") if day else None, "day", self._mod(c))
        if pod:
            return None
        if word in _WEAK_REFS or (word == "the moment" and c.preposition not in ("at", "for")):
            return None
        after = self.text[c.end : c.end + 12]
        if word in ("current", "recent") and not re.match(r"\s+[a-z]", after):
            return None  # adjectives only before a noun ("current prices", "recent sales")
        if word == "future" and self.text[max(0, c.start - 4) : c.start].lower() not in (" in ", "the "):
            return None
        if word == "current" and re.match(r"\s+(?:account|affairs|events)\b", after):
            return None
        return Reading("DATE", _REFS[word])
