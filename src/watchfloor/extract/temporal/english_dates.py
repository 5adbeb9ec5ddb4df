"""English absolute dates: ISO and numeric dates, month and day, months, years (also spelled out),
decades, centuries, holidays and weekdays.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.easter import easter

from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.english_reading import InterpreterBase, Reading
from watchfloor.extract.temporal.english_words import MONTHS, SMALL_NUMBERS, WEEKDAYS
from watchfloor.extract.temporal.normalise import Point, safe_date

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


class AbsoluteDates(InterpreterBase):
    """Readings of dates named outright (a month without a year takes the anchor's nearest)."""

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
