"""Calendar values: points in time at a granularity, shifted and rendered as TIMEX3 values.

A :class:`Point` is a period (a day, an ISO week, a month, a quarter, a half, a year, a decade or a
century) identified by its first day. Relative expressions shift a point by whole units of its own
granularity; the TIMEX3 value keeps exactly that granularity (``2023``, ``2023-07``, ``2023-W12``…).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

Granularity = Literal["day", "week", "month", "quarter", "half", "year", "decade", "century"]

#: Placeholder value per granularity when the anchor date is unknown.
UNKNOWN_VALUES: dict[str, str] = {
    "day": "XXXX-XX-XX",
    "week": "XXXX-WXX",
    "month": "XXXX-XX",
    "quarter": "XXXX-QX",
    "half": "XXXX-HX",
    "year": "XXXX",
    "decade": "XXX",
    "century": "XX",
}

#: ISO 8601 duration designators used in TIMEX3 durations, by unit name.
DURATION_UNITS: dict[str, str] = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "night": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "century": "C",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
#: Sub-unit used to express fractions (``2 1/2 years`` → ``P2Y6M``).
FRACTION_UNITS: dict[str, tuple[str, int]] = {
    "year": ("month", 12),
    "day": ("hour", 24),
    "hour": ("minute", 60),
    "minute": ("second", 60),
    "week": ("day", 7),
}


@dataclass(frozen=True, slots=True)
class Point:
    """A calendar period: its first day and its granularity."""

    start: date
    granularity: Granularity

    @classmethod
    def of(cls, day: date, granularity: Granularity) -> Point:
        """The period of ``granularity`` that contains ``day``."""
        if granularity == "day":
            return cls(day, granularity)
        if granularity == "week":
            return cls(day - timedelta(days=day.weekday()), granularity)
        if granularity == "month":
            return cls(day.replace(day=1), granularity)
        if granularity == "quarter":
            return cls(date(day.year, 3 * ((day.month - 1) // 3) + 1, 1), granularity)
        if granularity == "half":
            return cls(date(day.year, 1 if day.month <= 6 else 7, 1), granularity)
        if granularity == "year":
            return cls(date(day.year, 1, 1), granularity)
        if granularity == "decade":
            return cls(date(day.year - day.year % 10, 1, 1), granularity)
        return cls(date(max(1, day.year - day.year % 100), 1, 1), granularity)

    def shift(self, count: int) -> Point:
        """The period ``count`` units later (earlier when negative)."""
        g = self.granularity
        if g == "day":
            return Point(self.start + timedelta(days=count), g)
        if g == "week":
            return Point(self.start + timedelta(weeks=count), g)
        months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[g]
        return Point(add_months(self.start, count * months), g)

    def coarsen(self, granularity: Granularity) -> Point:
        return Point.of(self.start, granularity)

    @property
    def value(self) -> str:
        """The TIMEX3 value of this period."""
        d, g = self.start, self.granularity
        if g == "day":
            return d.isoformat()
        if g == "week":
            year, week, _ = d.isocalendar()
            return f"{year:04d}-W{week:02d}"
        if g == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if g == "year":
            return f"{d.year:04d}"
        if g == "decade":
            return f"{d.year:04d}"[:3]
        return f"{d.year:04d}"[:2]


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the end of shorter months."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, days_in_month(year, month + 1)))


def days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None when the parts do not form one."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration for ``amount`` ``unit``s; None amount gives the unspecified ``PX…`` form."""
    designator = DURATION_UNITS[unit]
    prefix = "PT" if unit in TIME_UNITS else "P"
    if unit == "weekend":
        return "P2D" if amount == 1 else (f"P{_count(amount)}WE" if amount is not None else "PXWE")
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if amount is None:
        return f"{prefix}X{designator}"
    whole = int(amount)
    fraction = amount - whole
    if fraction and unit in FRACTION_UNITS:
        sub_unit, factor = FRACTION_UNITS[unit]
        sub = round(fraction * factor)
        sub_prefix = "T" if sub_unit in TIME_UNITS and prefix == "P" else ""
        head = f"{prefix}{whole}{designator}" if whole else prefix
        return f"{head}{sub_prefix}{sub}{DURATION_UNITS[sub_unit]}"
    return f"{prefix}{_count(amount)}{designator}"


def _count(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
