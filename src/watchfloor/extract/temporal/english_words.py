"""English calendar and number words shared by the time patterns and their readings.

Months, weekdays, seasons, parts of the day, units, small numbers and ordinals, with
:func:`parse_number` for a quantity written in digits or words.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
}
UNITS: dict[str, str] = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "night": "night",
    "nights": "night",
    "week": "week",
    "weeks": "week",
    "weekend": "weekend",
    "weekends": "weekend",
    "fortnight": "fortnight",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
}
SMALL_NUMBERS: dict[str, int] = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a": 1,
    "an": 1,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
}
#: Quantities that stand for an unspecified number (``PXY``).
VAGUE_NUMBERS = frozenset({"a few", "few", "several", "many", "some", "dozens of", "the"})
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def parse_number(words: str) -> float | None:
    """Number words or digits as a number; None for vague quantities ("several", "a few")."""
    words = re.sub(r"\s+", " ", words.strip().lower())
    if " or " in words:
        return None
    if words in VAGUE_NUMBERS or re.fullmatch(r"\d+ to \d+", words):
        return None
    half = 0.0
    for suffix in (" and a half", " and one half", " and a-half", " and one-half"):
        if words.endswith(suffix):
            words, half = words[: -len(suffix)], 0.5
    fraction = re.fullmatch(r"(\d+)?\s*(?:(\d)/(\d))?", words)
    if fraction and (fraction.group(1) or fraction.group(2)):
        whole = float(fraction.group(1) or 0)
        if fraction.group(2):
            whole += int(fraction.group(2)) / int(fraction.group(3))
        return whole + half
    if re.fullmatch(r"\d+\.\d+", words):
        return float(words) + half
    if words in SMALL_NUMBERS:
        return SMALL_NUMBERS[words] + half
    parts = re.split(r"[-\s]", words)
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]] + half
    return None
