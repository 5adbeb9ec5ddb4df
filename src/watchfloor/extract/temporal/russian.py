"""Russian time expressions: "в январе", "20 августа 2023 года", "в прошлом году", "три года назад"…

Values are resolved against the publication date like the English ones: a month named without a year
takes the occurrence that fits the tense of the sentence (past-tense verbs end in -л, -ла, -ло, -ли).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from watchfloor.extract.temporal.anchor import Tense, choose_year
from watchfloor.extract.temporal.detect import compile_rules, find_candidates
from watchfloor.extract.temporal.normalise import (
    UNKNOWN_VALUES,
    Granularity,
    Point,
    duration_value,
    safe_date,
)

Found = tuple[int, int, str, str, str | None]

_MONTH_STEMS: tuple[tuple[str, int], ...] = (
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("ма[йяе]", 5),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
)
_MONTH = (
    "(?P<mon>"
    + "|".join(f"{stem}[а-я]*" if stem != "ма[йяе]" else "ма[йяе]" for stem, _ in _MONTH_STEMS)
    + ")"
)
_YEAR = r"(?P<y>(?:1[5-9]|20)\d\d)(?:\s*(?:года|году|год|г\.))?"
_MOD = r"(?:(?P<mod>начал[ео]|середин[еау]|кон[ец]{2}[ае]?|конца|начала|середины)\s+)?"
_UNITS: dict[str, str] = {
    "секунд": "second",
    "минут": "minute",
    "час": "hour",
    "сут": "day",
    "дн": "day",
    "ден": "day",
    "недел": "week",
    "месяц": "month",
    "квартал": "quarter",
    "год": "year",
    "лет": "year",
    "десятилет": "decade",
    "век": "century",
}
_UNIT = (
    r"(?P<unit>секунд[а-я]*|минут[а-я]*|час[а-я]*|сут[а-я]*|дн[а-я]*|день|недел[а-я]*|месяц[а-я]*|"
    r"квартал[а-я]*|год[а-я]*|лет|десятилет[а-я]*|век[а-я]*)"
)
_NUMBER_WORDS: dict[str, int] = {
    "один": 1,
    "одна": 1,
    "одну": 1,
    "два": 2,
    "две": 2,
    "три": 3,
    "четыре": 4,
    "пять": 5,
    "шесть": 6,
    "семь": 7,
    "восемь": 8,
    "девять": 9,
    "десять": 10,
    "полтора": 1,
    "двадцать": 20,
    "тридцать": 30,
    "несколько": 0,
    "пару": 2,
}
_NUMBER = r"(?P<num>\d+|" + "|".join(_NUMBER_WORDS) + ")"
_REL_WORDS: dict[str, int] = {
    "прошл": -1,
    "предыдущ": -1,
    "минувш": -1,
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "следующ": 1,
    "будущ": 1,
    "наступающ": 1,
    "ближайш": 1,
}
_REL = (
    r"(?P<rel>прошл[а-я]*|предыдущ[а-я]*|минувш[а-я]*|эт[а-я]*|текущ[а-я]*|нынешн[а-я]*|следующ[а-я]*|"
    r"будущ[а-я]*|наступающ[а-я]*|ближайш[а-я]*)"
)
_REL_UNIT = r"(?P<unit>году|год|месяце|месяц|неделе|неделю|неделя|квартале|квартал|десятилетии|веке)"
_MODS = {"нач": "START", "сер": "MID", "кон": "END"}
_POINT_GRANULARITY: dict[str, Granularity] = {
    "day": "day",
    "week": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "decade",
    "century": "century",
}
_WEEKDAYS = {
    "понедельник": 0,
    "вторник": 1,
    "сред": 2,
    "четверг": 3,
    "пятниц": 4,
    "суббот": 5,
    "воскресень": 6,
}
_DEICTIC = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
_REFS = {
    "сейчас": "PRESENT_REF",
    "теперь": "PRESENT_REF",
    "в настоящее время": "PRESENT_REF",
    "недавно": "PAST_REF",
    "ранее": "PAST_REF",
    "в прошлом": "PAST_REF",
    "в будущем": "FUTURE_REF",
    "вскоре": "FUTURE_REF",
}

_RULES = compile_rules((
    ("numeric", r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)"),
    ("day_month", rf"\b(?P<d>\d{{1,2}})\s+{_MONTH}(?:\s+{_YEAR})?"),
    ("month", rf"(?:\b(?P<pre>(?:с|в|до|к|по)\s+))?{_MOD}\b{_MONTH}(?:\s+{_YEAR})?(?![а-я])"),
    ("decade", rf"{_MOD}\b(?P<dec>(?:1[0-9]|20)\d0)-?(?:х|е|ых|ые)(?:\s+(?:годах|годы|годов|гг\.))?"),
    ("year", rf"{_MOD}\b(?P<y>(?:1[5-9]|20)\d\d)\s*(?:года|году|год|г\.)"),
    ("relative", rf"\b(?P<pre>(?:в|на)\s+){_REL}\s+{_REL_UNIT}(?![а-я])"),
    ("ago", rf"\b{_NUMBER}\s+{_UNIT}\s+(?P<dir>назад|спустя)"),
    (
        "duration",
        rf"\b(?P<pre>(?:в\s+течение|за|уже|около|более|менее|почти)\s+)?(?:последни[ех]\s+)?"
        rf"{_NUMBER}\s+{_UNIT}(?![а-я])",
    ),
    (
        "weekday",
        r"\b(?P<pre>(?:во?|к)\s+)(?P<wd>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)(?![а-я])",
    ),
    (
        "deictic",
        r"\b(?P<word>позавчера|вчера|сегодня|завтра|послезавтра|сейчас|теперь|в\s+настоящее\s+время|"
        r"недавно|ранее|в\s+прошлом|в\s+будущем|вскоре)(?![а-я])",
    ),
))


def find_russian_times(text: str, document_date: date | None) -> list[Found]:
    """Russian time expressions with TIMEX3 values (unknown parts ``X`` without a publication date)."""
    found: list[Found] = []
    for candidate in find_candidates(
        text, _RULES, lambda c: _read(c.rule, c.match, text, document_date) is not None
    ):
        reading = _read(candidate.rule, candidate.match, text, document_date)
        if reading is not None:
            found.append((candidate.start, candidate.end, *reading))
    return found


def _tense(text: str, start: int, end: int) -> Tense:
    window = text[
        max(0, text.rfind(".", 0, start) + 1) : text.find(".", end) if "." in text[end:] else len(text)
    ]
    if re.search(r"\b(?:будет|будут|буду|станет|планиру\w*|намерен\w*|собира\w*)\b", window, re.IGNORECASE):
        return "future"
    if re.search(r"\b\w{2,}(?:ал|ил|ел|ял|ыл|ул|ла|ло|ли)\b", window):
        return "past"
    return "present"


def _read(name: str, m: re.Match[str], text: str, today: date | None) -> tuple[str, str, str | None] | None:
    groups = m.groupdict()
    mod = _MODS.get((groups.get("mod") or "")[:3].lower())
    if name == "numeric":
        day = safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        return ("DATE", day.isoformat(), None) if day else None
    if name in ("day_month", "month"):
        month = _month_number(m.group("mon"))
        if month is None:
            return None
        day_of = int(groups["d"]) if groups.get("d") else None
        if name == "month" and month == 5 and not (groups.get("pre") or groups.get("y")):
            return None  # "мая"/"май" alone is too often something else
        year = int(groups["y"]) if groups.get("y") else None
        if year is None and today is not None:
            tense = "past" if (groups.get("pre") or "").strip() == "с" else _tense(text, m.start(), m.end())
            year = choose_year(today, month, day_of or 15, tense)
        if day_of is not None:
            day = safe_date(year or 2000, month, day_of)
            if day is None:
                return None
            return "DATE", day.isoformat() if year else f"XXXX-{month:02d}-{day_of:02d}", mod
        return "DATE", f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}", mod
    if name == "decade":
        return "DATE", m.group("dec")[:3], mod
    if name == "year":
        return "DATE", m.group("y"), mod
    if name == "relative":
        shift = next(v for stem, v in _REL_WORDS.items() if m.group("rel").lower().startswith(stem))
        unit_word = m.group("unit").lower()
        granularity: Granularity = (
            "year"
            if unit_word.startswith("год")
            else "month"
            if unit_word.startswith("месяц")
            else "week"
            if unit_word.startswith("недел")
            else "quarter"
            if unit_word.startswith("квартал")
            else "decade"
            if unit_word.startswith("десят")
            else "century"
        )
        if today is None:
            return "DATE", UNKNOWN_VALUES[granularity], None
        return "DATE", Point.of(today, granularity).shift(shift).value, None
    if name in ("ago", "duration"):
        unit = next(v for stem, v in _UNITS.items() if m.group("unit").lower().startswith(stem))
        number = m.group("num").lower()
        amount: float | None = float(number) if number.isdigit() else float(_NUMBER_WORDS[number]) or None
        if number == "полтора":
            amount = 1.5
        if name == "duration":
            return "DURATION", duration_value(amount, unit), None
        if amount is None or not amount.is_integer() or unit in ("second", "minute", "hour"):
            return "DATE", "PAST_REF" if m.group("dir") == "назад" else "FUTURE_REF", None
        point_granularity = _POINT_GRANULARITY[unit]
        if today is None:
            return "DATE", UNKNOWN_VALUES[point_granularity], None
        sign = -1 if m.group("dir") == "назад" else 1
        return "DATE", Point.of(today, point_granularity).shift(sign * int(amount)).value, None
    if name == "weekday":
        weekday = next(v for stem, v in _WEEKDAYS.items() if m.group("wd").lower().startswith(stem))
        if today is None:
            return "DATE", f"XXXX-WXX-{weekday + 1}", None
        back = (today.weekday() - weekday) % 7
        ahead = (weekday - today.weekday()) % 7
        tense = _tense(text, m.start(), m.end())
        day = today + timedelta(days=ahead) if tense == "future" else today - timedelta(days=back)
        return "DATE", day.isoformat(), None
    word = re.sub(r"\s+", " ", m.group("word").lower())
    if word in _DEICTIC:
        if today is None:
            return "DATE", UNKNOWN_VALUES["day"], None
        return "DATE", (today + timedelta(days=_DEICTIC[word])).isoformat(), None
    return "DATE", _REFS[word], None


def _month_number(word: str) -> int | None:
    lowered = word.lower()
    for stem, number in _MONTH_STEMS:
        if re.match(stem, lowered):
            return number
    return None
