"""Precision and date bounds of TimeML TIMEX3 values, as stored on claims."""

from __future__ import annotations

import calendar
import re
from datetime import date

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")

#: First and last month of each TIMEX season (northern hemisphere; winter runs into the next year).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _months(year: int, first: int, last: int) -> tuple[date, date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def timex_bounds(value: str) -> tuple[str, date, date] | None:
    """(precision, first day, last day) of a TIMEX3 date value; None if it names no calendar period.

    Precision is one of day, month, year, decade, century, week, quarter, half, season.
    """
    try:
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return "day", day, day
        if match := _MONTH.match(value):
            return "month", *_months(int(match[1]), int(match[2]), int(match[2]))
        if match := _YEAR.match(value):
            return "year", date(int(match[1]), 1, 1), date(int(match[1]), 12, 31)
        if match := _DECADE.match(value):
            first = int(match[1]) * 10
            return "decade", date(max(first, 1), 1, 1), date(first + 9, 12, 31)
        if match := _CENTURY.match(value):
            first = int(match[1]) * 100
            return "century", date(max(first, 1), 1, 1), date(first + 99, 12, 31)
        if match := _WEEK.match(value):
            year, week = int(match[1]), int(match[2])
            return "week", date.fromisocalendar(year, week, 1), date.fromisocalendar(year, week, 7)
        if match := _QUARTER.match(value):
            quarter = int(match[2])
            return "quarter", *_months(int(match[1]), 3 * quarter - 2, 3 * quarter)
        if match := _HALF.match(value):
            half = int(match[2])
            return "half", *_months(int(match[1]), 6 * half - 5, 6 * half)
        if match := _SEASON.match(value):
            return "season", *_months(int(match[1]), *_SEASON_MONTHS[match[2]])
    except ValueError:  # impossible calendar values such as 2023-02-30 or week 60
        return None
    return None


def timex_precision(value: str) -> str:
    """Precision of a TIMEX3 value (see :func:`timex_bounds`), ``unknown`` when it has none."""
    bounds = timex_bounds(value)
    return bounds[0] if bounds else "unknown"
