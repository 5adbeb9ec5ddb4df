"""English time expressions: detected candidates turned into TIMEX3 types, values and modifiers.

The relative logic is ours: deictic expressions count from the publication date, anaphoric ones from
the narrative reference date, underspecified ones pick an occurrence by tense (see ``anchor``).
Without a publication date nothing is anchored to today: unknown parts stay ``X``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter

from watchfloor.extract.temporal.anchor import Anchor, Tense, choose_year
from watchfloor.extract.temporal.detect import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SMALL_NUMBERS,
    UNITS,
    WEEKDAYS,
    Candidate,
    parse_number,
)
from watchfloor.extract.temporal.normalise import (
    UNKNOWN_VALUES,
    Granularity,
    Point,
    add_months,
    duration_value,
    safe_date,
)

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
_DEADLINE_WORDS = re.compile(
    r"\b(?:deadline|extend\w*|postpon\w*|delay\w*|adjourn\w*|recess\w*|suspend\w*|given|expire\w*)\b",
    re.IGNORECASE,
)
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
_DAY_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "overnight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
#: Words after which a lone four-digit number is a quantity rather than a year.
_QUANTITY_AFTER = re.compile(
    r"^\s+(?:people|persons|troops|soldiers|workers|jobs|employees|members|shares|cars|units|tons|"
    r"tonnes|barrels|miles|feet|meters|metres|acres|points|votes|dollars|pounds|marks|yen|francs|"
    r"students|homes|copies|times|percent|kilometers|kilometres|hectares|rubles|euros|cases)\b",
    re.IGNORECASE,
)
_QUANTITY_BEFORE = re.compile(
    r"(?:[$£€#]|\b(?:US|No\.|number|about|some|nearly|over|than|of)\s*)$", re.IGNORECASE
)
_PERIOD_ENDED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|ends?)\s+(?:in\s+)?(january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|"
    r"oct\.?|nov\.?|dec\.?)(?![a-z])",
    re.IGNORECASE,
)
_TENS_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
_CENTURY_WORDS = {
    "first": 1,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
}


class EnglishInterpreter:
    """Reads candidates of one text in order, tracking the anchor as it goes."""

    def __init__(self, text: str, anchor: Anchor, tense_of: TenseOf) -> None:
        self.text = text
        self.anchor = anchor
        self.tense_of = tense_of
        self._last_quarter_at = -10_000

    def read(self, candidate: Candidate) -> Reading | None:
        handler = getattr(self, f"_{candidate.rule}")
        reading: Reading | None = handler(candidate)
        if reading is not None and reading.point is not None:
            if reading.point.granularity == "quarter":
                self._last_quarter_at = candidate.end
            self.anchor.note(reading.point, reading.explicit)
        return reading

    # -- helpers --------------------------------------------------------------------------------------
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

    # -- absolute dates ------------------------------------------------------------------------------
    def _iso(self, c: Candidate) -> Reading | None:
        day = safe_date(int(c.group("y") or 0), int(c.group("m") or 0), int(c.group("d") or 0))
        if day is None:
            return None
        if c.group("h"):
            return Reading(
                "TIME", f"{day.isoformat()}T{c.group('h')}:{c.group('mi')}", None, Point(day, "day"), True
            )
        return self._resolved(Point(day, "day"), "day", explicit=True)

    def _numeric(self, c: Candidate) -> Reading | None:
        a, b, year = int(c.group("a") or 0), int(c.group("b") or 0), int(c.group("y") or 0)
        if year < 100:
            year += 1900 if year >= 30 else 2000
        month, day_of = (a, b) if c.group("sep") == "/" and a <= 12 else (b, a)
        day = safe_date(year, month, day_of)
        return self._resolved(Point(day, "day"), "day", explicit=True) if day else None

    def _month_day(self, c: Candidate) -> Reading | None:
        month = MONTHS[(c.group("mon") or "").rstrip(".")]
        day_of = int(c.group("d") or 0)
        if not 1 <= day_of <= 31 or not self._capitalised(c, "mon"):
            return None
        year_text = c.group("y")
        if year_text:
            year: int | None = int(year_text)
        else:
            anchor = self.anchor.deictic()
            year = None
            if anchor is not None:
                year = self._month_year(month, c, day_of)
                this_year = safe_date(anchor.year, month, day_of)
                if c.group("rel") == "last" and this_year is not None:
                    year = anchor.year if this_year < anchor else anchor.year - 1
                elif c.group("rel") == "next" and this_year is not None:
                    year = anchor.year if this_year > anchor else anchor.year + 1
        if year is None:
            return Reading("DATE", f"XXXX-{month:02d}-{day_of:02d}", self._mod(c))
        day = safe_date(year, month, day_of)
        if day is None:
            return None
        return self._resolved(Point(day, "day"), "day", self._mod(c), explicit=True)

    _day_month = _month_day

    def _month(self, c: Candidate) -> Reading | None:
        name = c.group("mon") or ""
        month = MONTHS[name.rstrip(".")]
        if not self._capitalised(c, "mon"):
            return None
        year_text, rel = c.group("y"), c.group("rel")
        if name in ("may", "march") and not (year_text or rel or c.group("mod") or c.preposition):
            return None
        if len(name.rstrip(".")) <= 3 and not year_text and name not in ("may",):
            return None
        mod = self._mod(c)
        anchor = self.anchor.deictic()
        year_rel = c.group("yrel")
        if year_rel and anchor is not None:
            year_text = str(anchor.year + {"last": -1, "this": 0, "next": 1}[year_rel])
        if year_text:
            return self._resolved(
                Point(date(self._year_of(year_text), month, 1), "month"), "month", mod, explicit=True
            )
        if anchor is None:
            return Reading("DATE", f"XXXX-{month:02d}", mod)
        if rel in ("last", "past", "previous"):
            year = anchor.year - 1 if month >= anchor.month else anchor.year
        elif rel in ("next", "coming", "following"):
            year = anchor.year + 1 if month <= anchor.month else anchor.year
        elif rel == "this":
            year = anchor.year
        else:
            year = self._month_year(month, c) or anchor.year
        return self._resolved(Point(date(year, month, 1), "month"), "month", mod, explicit=True)

    def _year(self, c: Candidate) -> Reading | None:
        before = self.text[max(0, c.start - 12) : c.start]
        if (
            not c.group("fiscal")
            and not c.group("mod")
            and (
                (_QUANTITY_BEFORE.search(before) and not c.preposition)
                or _QUANTITY_AFTER.match(self.text[c.end : c.end + 20])
            )
        ):
            return None
        year = int(c.group("y") or 0)
        return self._resolved(Point(date(year, 1, 1), "year"), "year", self._mod(c), explicit=True)

    def _short_year(self, c: Candidate) -> Reading | None:
        if not (c.preposition or c.group("mod")):
            return None
        year = self._year_of(c.group("y") or "")
        return self._resolved(Point(date(year, 1, 1), "year"), "year", self._mod(c), explicit=True)

    def _spelled_year(self, c: Candidate) -> Reading | None:
        tens, unit, unit2 = c.group("t"), c.group("u"), c.group("u2")
        if tens:
            value = 1900 + SMALL_NUMBERS.get(tens, 0) + (SMALL_NUMBERS.get(unit, 0) if unit else 0)
        else:
            if not (unit2 or "year" in c.match.group(0).lower()):
                return None
            value = 2000 + (SMALL_NUMBERS.get(unit2, 0) if unit2 else 0)
        return self._resolved(Point(date(value, 1, 1), "year"), "year", explicit=True)

    def _decade(self, c: Candidate) -> Reading | None:
        digits, word = c.group("dec"), c.group("dw")
        mod = self._mod(c) or self._mod(c, "mod2")
        if digits:
            decade = (1900 + int(digits[1:])) if digits.startswith("'") else int(digits)
        else:
            decade = 1900 + 10 * _TENS_WORDS[word or ""]
        return self._resolved(Point(date(decade, 1, 1), "decade"), "decade", mod)

    def _century(self, c: Candidate) -> Reading | None:
        ordinal = c.group("ord") or ""
        number = int(ordinal[:-2]) if ordinal[:1].isdigit() else _CENTURY_WORDS.get(ordinal, 0)
        if not 1 <= number <= 21:
            return None
        return self._resolved(
            Point(date(max(1, (number - 1) * 100), 1, 1), "century"), "century", self._mod(c)
        )

    # -- quarters and halves -------------------------------------------------------------------------
    def _quarter(self, c: Candidate) -> Reading | None:
        unit = c.group("unit")
        ordinal_word, the = c.group("ord"), c.group("the")
        rels = re.findall(r"[\w'-]+(?:\s+(?:ago|earlier|recent|ended|year's))?", c.match.group(0).lower())
        rel_text = " ".join(rels)
        explicit_year = c.group("y") or next(iter(re.findall(r"\b(1[5-9]\d\d|20\d\d)\b", rel_text)), None)
        has_rel = c.group("rel") is not None or c.group("yrel") is not None
        if ordinal_word is None and not the and not has_rel:
            return None
        if ordinal_word is None and unit == "half" and not has_rel:
            return None
        if unit == "period" and not has_rel:
            return None  # "the period" alone names no calendar period
        granularity: Granularity = "half" if unit == "half" else "quarter"
        per_year = 2 if unit == "half" else 4
        ordinal = ORDINALS.get(ordinal_word or "")
        if ordinal_word in ("final", "last") and not has_rel:
            ordinal = per_year
        if ordinal is not None and ordinal > per_year:
            return None
        anchor = self.anchor.deictic()
        year: int | None
        if explicit_year:
            year = int(explicit_year)
        elif "last year's" in rel_text or c.group("yrel") == "last":
            year = anchor.year - 1 if anchor else None
        elif "next year's" in rel_text or c.group("yrel") == "next":
            year = anchor.year + 1 if anchor else None
        else:
            year = None
        if ordinal is not None:
            if year is None and anchor is not None:
                current = Point.of(anchor, granularity)
                current_index = (current.start.month - 1) // (12 // per_year) + 1
                year = anchor.year
                if (
                    ordinal > current_index
                    and self._tense(c) != "future"
                    and "this" not in rel_text
                    and "current" not in rel_text
                ):
                    year -= 1
            if year is None:
                return Reading("DATE", f"XXXX-{granularity[0].upper()}{ordinal}")
            point = Point(date(year, (ordinal - 1) * (12 // per_year) + 1, 1), granularity)
        else:
            if anchor is None:
                return Reading("DATE", UNKNOWN_VALUES[granularity])
            current = Point.of(anchor, granularity)
            ended = _PERIOD_ENDED.match(self.text, c.end)
            if ended:
                month = MONTHS[ended.group(1).lower().rstrip(".")]
                ended_year = self._month_year(month, c) or anchor.year
                point = Point.of(date(ended_year, month, 1), granularity)
            elif re.search(r"\b(?:this|current)\b", rel_text) or (
                self._tense(c) == "future" and "next" not in rel_text
            ):
                point = current
            elif re.search(r"\b(?:next|coming)\b", rel_text):
                point = current.shift(1)
            elif (
                self.anchor.last_quarter is not None
                and granularity == "quarter"
                and c.start - self._last_quarter_at < 2000
                and not re.search(r"\b(?:latest|last|past)\b", rel_text)
            ):
                point = self.anchor.last_quarter
            else:
                point = current.shift(-1)
            if explicit_year:  # "the 1988 period": the same part of the named year
                point = Point(point.start.replace(year=int(explicit_year)), granularity)
        if re.search(r"year[\s-]*(?:ago|earlier|before)|\bprior\b", rel_text) or (
            "same" in rel_text and "last year" in self.text[c.end : c.end + 15].lower()
        ):
            point = point.shift(-per_year)
            return Reading("DATE", point.value, None, None, False)
        return Reading("DATE", point.value, None, point, explicit=bool(explicit_year))

    # -- relative dates ------------------------------------------------------------------------------
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
        if word in _DAY_OFFSETS:
            anchor = self.anchor.deictic()
            day = anchor + timedelta(days=_DAY_OFFSETS[word]) if anchor else None
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

    def _clock(self, c: Candidate) -> Reading | None:
        anchor = self.anchor.anaphoric()
        base = anchor.isoformat() if anchor else "XXXX-XX-XX"
        word = c.group("word")
        if word and re.search(r"\bhigh\W*$", self.text[max(0, c.start - 6) : c.start], re.IGNORECASE):
            return None  # the idiom "high noon"
        if word:
            return Reading("TIME", f"{base}T{'24:00' if word == 'midnight' else '12:00'}")
        hour, minute = int(c.group("h") or 0), int(c.group("mi") or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        if (c.group("ampm") or "").startswith("p") and hour != 12:
            hour += 12
        elif (c.group("ampm") or "").startswith("a") and hour == 12:
            hour = 0
        return Reading("TIME", f"{base}T{hour:02d}:{minute:02d}")

    def _clock_day(self, c: Candidate) -> Reading | None:
        clock = self._clock(c)
        if clock is None:
            return None
        day: date | None = None
        anchor = self.anchor.deictic()
        if c.group("wd"):
            day = self._weekday_date(WEEKDAYS[c.group("wd") or ""], c)
        elif c.group("rel"):
            day = anchor + timedelta(days=_DAY_OFFSETS[c.group("rel") or ""]) if anchor else None
        else:
            month, day_of = MONTHS[(c.group("mon") or "").rstrip(".")], int(c.group("d") or 0)
            year = self._month_year(month, c, day_of)
            day = safe_date(year, month, day_of) if year else None
        time_of_day = clock.value.split("T", 1)[1]
        return Reading(
            "TIME",
            f"{day.isoformat() if day else 'XXXX-XX-XX'}T{time_of_day}",
            point=Point(day, "day") if day else None,
            explicit=day is not None,
        )

    def _part_of_day(self, c: Candidate) -> Reading | None:
        day_word = re.sub(r"\s+", " ", c.group("day") or "")
        part = PARTS_OF_DAY[c.group("pod") or ""]
        if day_word in ("early", "late"):
            return None
        if day_word == "mid":
            anchor = self.anchor.anaphoric()
            return Reading("TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{part}", "MID")
        day: date | None
        if day_word in WEEKDAYS:  # news usage: "Friday night" dates the day
            day = self._weekday_date(WEEKDAYS[day_word], c)
            if day is None:
                return Reading("DATE", f"XXXX-WXX-{WEEKDAYS[day_word] + 1}")
            return self._resolved(Point(day, "day"), "day", explicit=True)
        elif day_word in _DAY_OFFSETS:
            anchor = self.anchor.deictic()
            day = anchor + timedelta(days=_DAY_OFFSETS[day_word]) if anchor else None
        elif day_word in ("that", "the same"):
            day = self.anchor.anaphoric()
        elif day_word == "last":
            anchor = self.anchor.deictic()
            day = anchor - timedelta(days=1) if anchor else None
            if part != "NI":
                return None
        else:
            day = self.anchor.deictic()
        base = day.isoformat() if day else "XXXX-XX-XX"
        return Reading("TIME", f"{base}T{part}")

    def _holiday(self, c: Candidate) -> Reading | None:
        name = re.sub(r"\s+", " ", c.group("name") or "")
        if not self._capitalised(c, "name") or (
            name == "christmas" and not (c.group("rel") or c.preposition)
        ):
            return None
        key = (
            name.split(" ")[0]
            if name.split(" ")[0] not in ("new", "independence", "election", "labor", "memorial", "veterans")
            else name
        )
        year_text, rel = c.group("y"), c.group("rel")
        anchor = self.anchor.deictic()
        if year_text:
            year: int | None = int(year_text)
        elif anchor is None:
            year = None
        else:
            this_year = holiday_date(key, name, anchor.year)
            month, day_of = (this_year.month, this_year.day) if this_year else (1, 1)
            if rel == "last":
                year = anchor.year - 1 if this_year and this_year >= anchor else anchor.year
            elif rel == "next":
                year = anchor.year + 1 if this_year and this_year <= anchor else anchor.year
            else:
                year = self._month_year(month, c, day_of)
        day = holiday_date(key, name, year) if year else None
        if day is None:
            return Reading("DATE", "XXXX-XX-XX")
        return self._resolved(Point(day, "day"), "day", explicit=True)

    def _weekday(self, c: Candidate) -> Reading | None:
        if not self._capitalised(c, "wd"):
            return None
        weekday = WEEKDAYS[c.group("wd") or ""]
        day = self._weekday_date(weekday, c)
        if day is None:
            return Reading("DATE", f"XXXX-WXX-{weekday + 1}")
        return self._resolved(Point(day, "day"), "day", explicit=True)

    def _year_ago(self, c: Candidate) -> Reading | None:
        word = re.sub(r"(?:'s)?[\s-]+", "-", c.group("word") or "")
        anchor = self.anchor.deictic()
        if word == "year-end":
            if anchor is None:
                return Reading("DATE", "XXXX")
            return Reading("DATE", str(anchor.year), "END")
        if anchor is None:
            return Reading("DATE", "XXXX")
        if c.group("unit") in ("quarter", "period") or (
            self.anchor.last_quarter is not None and c.start - self._last_quarter_at < 400
        ):
            quarter = self.anchor.last_quarter or Point.of(anchor, "quarter").shift(-1)
            return Reading("DATE", quarter.shift(-4).value)
        return Reading("DATE", str(anchor.year - 1))


def holiday_date(key: str, name: str, year: int) -> date | None:
    """The date of a (mostly US) holiday in a given year."""
    if key == "thanksgiving":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    if key == "election day":  # Tuesday after the first Monday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
    if key == "labor day":  # first Monday of September
        first = date(year, 9, 1)
        return first + timedelta(days=(0 - first.weekday()) % 7)
    if key == "memorial day":  # last Monday of May
        last = date(year, 5, 31)
        return last - timedelta(days=last.weekday())
    if key == "easter":
        return easter(year)
    fixed = {
        "christmas": (12, 25),
        "new year's": (1, 1),
        "new year's day": (1, 1),
        "new year's eve": (12, 31),
        "independence day": (7, 4),
        "veterans day": (11, 11),
        "halloween": (10, 31),
    }
    if name == "christmas eve":
        return date(year, 12, 24)
    month_day = fixed.get(name) or fixed.get(key)
    return date(year, *month_day) if month_day else None
