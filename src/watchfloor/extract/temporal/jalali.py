"""Persian time expressions, Solar Hijri (Jalali) dates converted to Gregorian with ``jdatetime``.

"۲۹ مرداد ۱۴۰۲" → ``2023-08-20``; "۱۴۰۲/۰۵/۲۹" → ``2023-08-20``. A Jalali month or year overlaps two
Gregorian ones; it is given the Gregorian month (year) holding most of it (its middle). Relative words
("دیروز" yesterday, "سال گذشته" last year) count from the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import jdatetime

from watchfloor.extract.temporal.detect import compile_rules, find_candidates
from watchfloor.extract.temporal.normalise import UNKNOWN_VALUES, Granularity, Point

Found = tuple[int, int, str, str, str | None]

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
JALALI_MONTHS: dict[str, int] = {
    "فروردین": 1,
    "اردیبهشت": 2,
    "خرداد": 3,
    "تیر": 4,
    "مرداد": 5,
    "شهریور": 6,
    "مهر": 7,
    "آبان": 8,
    "آذر": 9,
    "دی": 10,
    "بهمن": 11,
    "اسفند": 12,
}
GREGORIAN_MONTHS: dict[str, int] = {
    "ژانویه": 1,
    "فوریه": 2,
    "مارس": 3,
    "آوریل": 4,
    "مه": 5,
    "می": 5,
    "ژوئن": 6,
    "ژوئیه": 7,
    "جولای": 7,
    "اوت": 8,
    "آگوست": 8,
    "سپتامبر": 9,
    "اکتبر": 10,
    "نوامبر": 11,
    "دسامبر": 12,
}
_NUM = r"[0-9۰-۹٠-٩]"
_JM = "(?P<jm>" + "|".join(sorted(JALALI_MONTHS, key=len, reverse=True)) + ")"
_GM = "(?P<gm>" + "|".join(sorted(GREGORIAN_MONTHS, key=len, reverse=True)) + ")"
_END = r"(?![\w\u200c])"
_RELATIVE_UNITS: dict[str, Granularity] = {"سال": "year", "ماه": "month", "هفته": "week", "روز": "day"}
_SHIFTS = {
    "گذشته": -1,
    "پیش": -1,
    "قبل": -1,
    "اخیر": -1,
    "جاری": 0,
    "امسال": 0,
    "این": 0,
    "آینده": 1,
    "بعد": 1,
    "دیگر": 1,
}
_DEICTIC = {"امروز": 0, "دیروز": -1, "فردا": 1, "پریروز": -2, "پس\u200cفردا": 2, "پس فردا": 2}
_SINGLE = {"پارسال": -1, "امسال": 0}  # last year, this year
_REFS = {
    "اکنون": "PRESENT_REF",
    "هم\u200cاکنون": "PRESENT_REF",
    "هم اکنون": "PRESENT_REF",
    "اخیرا": "PAST_REF",
    "اخیراً": "PAST_REF",
}

_RULES = compile_rules((
    (
        "numeric",
        rf"(?<!{_NUM})(?P<y>{_NUM}{{4}})[/\-](?P<m>{_NUM}{{1,2}})[/\-](?P<d>{_NUM}{{1,2}})(?!{_NUM})",
    ),
    (
        "day_month",
        rf"(?<!{_NUM})(?P<d>{_NUM}{{1,2}})\s*(?:{_JM}|{_GM})(?:\s*(?:ماه\s*)?(?:سال\s*)?"
        rf"(?P<y>{_NUM}{{4}}))?{_END}",
    ),
    ("month_year", rf"(?:{_JM}|{_GM})\s*(?:ماه\s*)?(?:سال\s*)?(?P<y>{_NUM}{{4}}){_END}"),
    (
        "year",
        rf"(?:سال\s+|(?P<pre>در\s+))(?P<y>{_NUM}{{4}})(?:\s*(?:شمسی|خورشیدی|میلادی|هجری\s+شمسی))?{_END}",
    ),
    ("relative", r"(?P<unit>سال|ماه|هفته)\s+(?:(?P<a>گذشته|پیش|قبل|جاری|آینده|بعد|دیگر))" + _END),
    ("this", r"(?P<a>این)\s+(?P<unit>سال|ماه|هفته)" + _END),
    ("ago", rf"(?<!{_NUM})(?P<n>{_NUM}{{1,3}})\s+(?P<unit>سال|ماه|هفته|روز)\s+(?:پیش|قبل){_END}"),
    (
        "word",
        r"(?P<w>پس\u200cفردا|پس فردا|پریروز|امروز|دیروز|فردا|پارسال|امسال|هم\u200cاکنون|هم اکنون|"
        r"اکنون|اخیراً|اخیرا)" + _END,
    ),
))


def find_persian_times(text: str, document_date: date | None) -> list[Found]:
    """Persian time expressions with Gregorian TIMEX3 values."""
    found: list[Found] = []
    for candidate in find_candidates(
        text, _RULES, lambda c: _read(c.rule, c.match, document_date) is not None
    ):
        reading = _read(candidate.rule, candidate.match, document_date)
        if reading is not None:
            found.append((candidate.start, candidate.end, reading[0], reading[1], None))
    return found


def jalali_to_gregorian(year: int, month: int, day: int) -> date | None:
    """A Solar Hijri date as a Gregorian date (None when it does not exist)."""
    try:
        return jdatetime.date(year, month, day).togregorian()
    except (ValueError, OverflowError):
        return None


def is_jalali_year(year: int) -> bool:
    return 1200 <= year <= 1500


def _number(text: str) -> int:
    return int(text.translate(_DIGITS))


def _read(name: str, m: re.Match[str], today: date | None) -> tuple[str, str] | None:
    groups = m.groupdict()
    year = _number(groups["y"]) if groups.get("y") else None
    if name == "numeric":
        month, day_of = _number(m.group("m")), _number(m.group("d"))
        assert year is not None
        day = jalali_to_gregorian(year, month, day_of) if is_jalali_year(year) else _safe(year, month, day_of)
        return ("DATE", day.isoformat()) if day else None
    if name in ("day_month", "month_year"):
        day_number = _number(groups["d"]) if groups.get("d") else None
        if groups.get("jm"):
            month = JALALI_MONTHS[groups["jm"]]
            if year is None and today is not None:
                year = jdatetime.date.fromgregorian(date=today).year
            if year is None:
                return "DATE", "XXXX-XX-XX" if day_number else "XXXX-XX"
            if day_number is None:  # the Gregorian month holding the middle of the Jalali month
                middle = jalali_to_gregorian(year, month, 15)
                return ("DATE", middle.strftime("%Y-%m")) if middle else None
            day = jalali_to_gregorian(year, month, day_number)
            return ("DATE", day.isoformat()) if day else None
        month = GREGORIAN_MONTHS[groups["gm"]]
        if year is None:
            year = today.year if today else None
        if day_number is None:
            return "DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
        day = _safe(year or 2000, month, day_number)
        if day is None:
            return None
        return "DATE", day.isoformat() if year else f"XXXX-{month:02d}-{day_number:02d}"
    if name == "year":
        assert year is not None
        if is_jalali_year(year):
            return "DATE", str(year + 621)  # Farvardin 1 falls on 20/21 March
        return ("DATE", str(year)) if 1500 <= year <= 2100 else None
    if name in ("relative", "this", "ago"):
        granularity = _RELATIVE_UNITS[m.group("unit")]
        shift = _SHIFTS[groups["a"]] if groups.get("a") else -_number(m.group("n"))
        return _shifted(today, granularity, shift)
    word = m.group("w")
    if word in _SINGLE:
        return _shifted(today, "year", _SINGLE[word])
    if word in _DEICTIC:
        if today is None:
            return "DATE", UNKNOWN_VALUES["day"]
        return "DATE", (today + timedelta(days=_DEICTIC[word])).isoformat()
    return "DATE", _REFS[word]


def _shifted(today: date | None, granularity: Granularity, shift: int) -> tuple[str, str]:
    if today is None:
        return "DATE", UNKNOWN_VALUES[granularity]
    return "DATE", Point.of(today, granularity).shift(shift).value


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
