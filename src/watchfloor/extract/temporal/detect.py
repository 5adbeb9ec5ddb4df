"""English time-expression patterns (precompiled) and the choice of non-overlapping candidates.

Each rule is a named regular expression, written in lower case and matched against the lower-cased
text (much faster than ``re.IGNORECASE``); :mod:`watchfloor.extract.temporal.english` turns a match
into a TIMEX3 type and value. A leading preposition ("in", "since") may be matched in the group
``pre`` for context; it is not part of the expression's span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

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

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)(?![a-z])"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_DIGIT_WORD = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_NUMBER_WORD = (
    rf"(?:{_TENS}(?:[-\s]{_DIGIT_WORD})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|a\s+dozen|dozen|"
    r"a\s+couple(?:\s+of)?|a\s+few|few|several|many|dozens\s+of|an?)"
)
NUMBER = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|\d/\d|{_NUMBER_WORD}(?:\s+and\s+(?:a|one)[\s-]+half)?"
    r"(?:\s+or\s+(?:\d+|" + _NUMBER_WORD + r"))?)"
)
_UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnight|months?|quarters?|"
    r"years?|decades?|century|centuries)"
)
_APPROX = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|less\s+than|"
    r"at\s+least|at\s+most|over|under|up\s+to|just|only|barely|another|an\s+additional|"
    r"the\s+better\s+part\s+of|close\s+to)"
)
_MOD = (
    r"(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
    r"end\s+of|beginning\s+of|start\s+of|middle\s+of|"
    r"the\s+latter\s+part\s+of|the\s+early\s+part\s+of)"
)
_PRE = (
    r"(?P<pre>\b(?:in|on|at|since|until|till|by|before|after|from|to|through|during|for|of|"
    r"over|within|throughout)\s+)?"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_REL = (
    r"(?:last|next|this|past|coming|previous|following|current|same|that\s+same|that|prior|preceding|"
    r"the\s+same|the\s+following|the\s+previous|the\s+next|the\s+preceding|the\s+prior|"
    r"the\s+current|the\s+coming)"
)
_QUARTER_REL = (
    r"(?:latest|current|last|past|previous|year-ago|year-earlier|year\s+ago|year\s+earlier|"
    r"same|comparable|this|next|coming|recent|most\s+recent|just-ended|just\s+ended|"
    r"year-before|prior|fiscal|calendar|the\s+year's|this\s+year's|last\s+year's|"
    r"next\s+year's|" + _YEAR + r"(?:'s)?)"
)

_RULE_SOURCES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:t(?P<h>\d{2}):(?P<mi>\d{2}))?\b"),
    (
        "numeric",
        r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/.]\d)",
    ),
    (
        "month_day",
        rf"{_PRE}\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?P<mod>{_MOD})[\s-]+)?(?:(?P<rel>last|next)\s+)?"
        rf"(?P<mon>{_MONTH})\s*"
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "day_month",
        rf"{_PRE}\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<y>{_YEAR})\b)?",
    ),
    (
        "month",
        rf"{_PRE}\b(?:(?P<mod>{_MOD})[\s-]+)?(?:(?P<rel>last|next|this|past|coming|previous|"
        rf"following|that)\s+)?(?P<mon>{_MONTH})(?:,?\s+(?:of\s+)?(?:(?P<y>{_YEAR}|'\d\d)\b|"
        r"(?P<yrel>last|this|next)\s+year\b))?",
    ),
    (
        "year",
        rf"{_PRE}\b(?:(?P<mod>{_MOD})[\s-]+)?(?P<fiscal>(?:fiscal|calendar|the\s+(?:fiscal\s+)?year|"
        rf"(?:fiscal\s+)?year|fy)\s*)?(?P<y>{_YEAR})(?!\d|s\b|'s\b|-\d|\.\d|,\d|\s*(?:%|percent))",
    ),
    ("short_year", rf"{_PRE}\b(?:(?P<mod>{_MOD})[\s-]+)?(?:fiscal\s+)?(?P<y>'\d\d)(?![\ds])"),
    (
        "spelled_year",
        r"\b(?:the\s+year\s+)?(?:nineteen[\s-](?P<t>" + _TENS + r"|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:[\s-](?P<u>"
        + _DIGIT_WORD
        + r"))?|two\s+thousand(?:\s+and)?(?:[\s-](?P<u2>"
        + _DIGIT_WORD
        + r"|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
        r"nineteen|twenty))?)\b",
    ),
    (
        "decade",
        r"\b(?:the\s+)?(?:(?P<mod>"
        + _MOD
        + r"|mid|the\s+(?:first|last|second|latter)\s+half\s+of)[\s-]+(?:the\s+)?)?"
        r"(?P<dec>(?:1[0-9]|20)\d0|'\d0)'?s\b"
        r"|\b(?:the\s+)(?:(?P<mod2>early|mid|late)[\s-]+)?(?P<dw>twenties|thirties|forties|fifties|"
        r"sixties|seventies|eighties|nineties)\b",
    ),
    (
        "century",
        r"\b(?:the\s+)?(?:(?P<mod>" + _MOD + r")[\s-]+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|"
        r"(?:twenty-)?first|twentieth|nineteenth|eighteenth|seventeenth|sixteenth|fifteenth)"
        r"[\s-]+century\b",
    ),
    (
        "quarter",
        rf"{_PRE}\b(?P<the>the\s+)?(?:(?P<rel>{_QUARTER_REL})[\s-]+)*(?:fiscal[\s-]+)?"
        r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest)?[\s-]*"
        r"(?:fiscal[\s-]+)?(?:calendar[\s-]+)?(?P<unit>quarter|half|period)(?![\w-])(?:\s+of\s+(?:fiscal\s+)?"
        rf"(?:(?P<y>{_YEAR})|(?P<yrel>this|last|next|the)\s+(?:fiscal\s+)?year)\b)?",
    ),
    (
        "relative",
        rf"{_PRE}\b(?:(?P<mod>{_MOD}|earlier|later)[\s-]+)?(?P<rel>{_REL}|the)\s+(?P<unit>year|"
        rf"month|week|weekend|decade|century|spring|summer|fall|autumn|winter|{_WEEKDAY}|"
        r"morning|afternoon|evening|night|day|quarter|fiscal\s+year)(?![\w-])",
    ),
    (
        "deictic",
        rf"{_PRE}\b(?:(?P<mod>early|late|earlier|later)\s+)?(?P<word>the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|overnight|right\s+now|just\s+now|now|"
        r"nowadays|currently|presently|at\s+present|these\s+days|recently|lately|more\s+recently|"
        r"previously|formerly|soon|the\s+past|the\s+future|the\s+present|the\s+moment|"
        r"current|recent|future|in\s+the\s+past|once|the\s+near\s+future|the\s+(?:near|short|long)\s+term|"
        r"an?\s+(?:later|future)\s+date)(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        r"(?![\w-])",
    ),
    (
        "ago",
        rf"\b(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUMBER})[\s-]+(?:more\s+)?(?P<unit>{_UNIT})\s+"
        r"(?P<dir>ago|earlier|from\s+now|hence|back)\b",
    ),
    ("vague_ago", r"\b(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)\b"),
    (
        "duration",
        rf"\b(?:(?P<approx0>{_APPROX})\s+)?(?:(?P<the>the|a|an)\s+)?"
        r"(?:(?P<q>past|last|next|previous|first|coming|following|final|remaining|latest|initial|"
        rf"recent|preceding|ensuing|subsequent|succeeding|full|entire|whole|same)\s+)?"
        rf"(?:(?P<approx>{_APPROX})\s+)?(?P<num>{NUMBER}|\d+\s+to\s+\d+)(?:\s+more)?[\s-]+"
        rf"(?:(?:trading|business|working|calendar|school)\s+)?(?P<unit>{_UNIT})(?P<old>[\s-]+old)?(?![\w-])",
    ),
    (
        "vague_duration",
        r"\b(?:(?P<q>the\s+past|the\s+last|the\s+next|the\s+coming|recent|coming|"
        r"the\s+early|in\s+recent)\s+)?(?P<unit>years|months|weeks|days|decades|hours|"
        r"minutes|centuries|quarters)(?![\w-])(?P<ahead>\s+ahead)?",
    ),
    (
        "set",
        rf"\b(?:(?P<adv>daily|weekly|monthly|annually|yearly|quarterly|hourly|nightly|biweekly|"
        rf"semiannually)|(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>{NUMBER})\s+)?"
        rf"(?P<unit>{_UNIT}|{_WEEKDAY}|morning|afternoon|evening|night))\b",
    ),
    (
        "clock_day",
        r"\b(?:(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)|"
        r"(?P<word>noon|midnight))(?:\s+(?P<tz>[ecmp][sd]t|gmt|utc)\b)?,?\s+(?:on\s+)?"
        rf"(?:(?P<wd>{_WEEKDAY})|(?P<rel>today|yesterday|tomorrow)|(?P<mon>{_MONTH})\s*(?P<d>\d{{1,2}})\b)",
    ),
    (
        "clock",
        r"\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)"
        r"(?:\s+(?P<tz>[ecmp][sd]t|gmt|utc)\b)?|\b(?P<word>noon|midnight|midday)\b",
    ),
    (
        "part_of_day",
        rf"\b(?P<day>{_WEEKDAY}|yesterday|today|tomorrow|this|that|early|late|last|the\s+same|mid)"
        r"[\s-]+(?P<pod>morning|afternoon|evening|night)\b",
    ),
    (
        "holiday",
        rf"{_PRE}\b(?:(?P<rel>last|next|this)\s+)?(?P<name>thanksgiving(?:\s+day)?|christmas(?:\s+(?:day|eve))?|"
        r"new\s+year's(?:\s+(?:day|eve))?|independence\s+day|election\s+day|easter(?:\s+sunday)?|"
        rf"labor\s+day|memorial\s+day|veterans\s+day|halloween)(?:\s+(?P<y>{_YEAR}))?(?![\w-])",
    ),
    ("weekday", rf"{_PRE}\b(?P<wd>{_WEEKDAY})(?![\w-])"),
    (
        "season",
        rf"{_PRE}\b(?:(?P<mod>early|late|mid)[\s-]+)?(?:(?P<rel>last|next|this|the|that|past|coming)\s+)?"
        rf"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?(?![\w-])",
    ),
    (
        "whole_unit",
        r"\b(?P<det>the\s+(?:full|whole|entire)|an?\s+(?:additional|extra|full)|another)\s+"
        r"(?P<unit>year|month|week|day|quarter|decade|fiscal\s+year)(?![\w-])",
    ),
    (
        "year_ago",
        r"\b(?:the\s+)?(?P<word>year[\s-](?:ago|earlier)|year[\s-]before|year[\s-]end|year's\s+end)"
        r"(?:\s+(?P<unit>quarter|period|month|level))?(?![\w-])",
    ),
)


def compile_rules(sources: Iterable[tuple[str, str]]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Named patterns for :func:`find_candidates`; a source must be lower case (it meets folded text)."""
    rules = tuple((name, re.compile(source)) for name, source in sources)
    for name, pattern in rules:
        literal = re.sub(r"\\.|\(\?P<\w+>|\(\?P=\w+\)", "", pattern.pattern)
        if literal != literal.lower():
            raise ValueError(f"time rule {name!r} has upper-case letters; folded text has none")
    return rules


def fold_case(text: str) -> str:
    """The text lower-cased with its offsets kept: a letter whose lower case is longer stays as it is."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(low if len(low := ch.lower()) == 1 else ch for ch in text)


RULES = compile_rules(_RULE_SOURCES)


_PREPOSITION_BEFORE = re.compile(
    r"\b(in|on|at|since|until|till|by|before|after|from|to|through|during|for|of|over|within|throughout)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A pattern match: the expression's span (without a leading preposition) and its groups."""

    start: int
    end: int
    rule: str
    match: re.Match[str]

    def group(self, name: str) -> str | None:
        """A named group, lower-cased (None when the rule has no such group or it did not match)."""
        try:
            found = self.match.group(name)
        except IndexError:
            return None
        return found.lower() if found is not None else None

    @property
    def preposition(self) -> str | None:
        """The preposition just before the expression ("since", "until"…), matched or not."""
        pre = self.group("pre")
        if pre:
            return pre.strip()
        before = _PREPOSITION_BEFORE.search(self.match.string, max(0, self.start - 16), self.start)
        return before.group(1).lower() if before else None


def find_candidates(
    text: str,
    rules: Iterable[tuple[str, re.Pattern[str]]] = RULES,
    accepts: Callable[[Candidate], bool] | None = None,
) -> list[Candidate]:
    """Rule matches in text order: longest first, each kept when it overlaps no kept one and ``accepts``.

    ``accepts`` lets a reader refuse a match ("May" the verb) so that a shorter one inside it can win.
    """
    found = sorted(_all_matches(fold_case(text), rules), key=lambda c: (-(c.end - c.start), c.start))
    taken = bytearray(len(text))  # characters already inside a kept candidate
    kept: list[Candidate] = []
    for candidate in found:
        if not any(taken[candidate.start : candidate.end]) and (accepts is None or accepts(candidate)):
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _all_matches(text: str, rules: Iterable[tuple[str, re.Pattern[str]]]) -> Iterator[Candidate]:
    for name, pattern in rules:
        for match in pattern.finditer(text):
            start = match.end("pre") if "pre" in pattern.groupindex and match.group("pre") else match.start()
            end = match.end()
            while end > start and text[end - 1] in " ,-":
                end -= 1
            if end > start:
                yield Candidate(start, end, name, match)


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
