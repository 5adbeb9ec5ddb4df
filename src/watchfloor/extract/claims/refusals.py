"""Refusals to comment, in English, Russian and Persian: recorded as a *no comment* by that party.

"Kestrel Line did not respond to a request for comment", "от комментариев отказался",
"از اظهار نظر خودداری کرد" are not claims about the world, but that a party was asked and said
nothing is part of the picture (a brief shows it). Each pattern matches the refusal phrase; the
party is found by the language's reader (the clause subject, else the words before the phrase).
"""

from __future__ import annotations

import re

_EN_AUX = r"(?:did|does|do|has|have|had|would|could|was|were|is|are)(?:\s+not|n['’]t)(?:\s+immediately)?"
_EN_REQUEST = (
    r"(?:an?\s+|our\s+|the\s+|repeated\s+|multiple\s+|several\s+|written\s+|e-?mailed\s+)*"
    r"(?:requests?|questions?|inquir(?:y|ies)|enquir(?:y|ies)|calls?|messages?|e-?mails?|letters?)"
)
ENGLISH = re.compile(
    rf"\b{_EN_AUX}\s+(?:respond|reply|answer|return)(?:ed)?(?:\s+to)?\s+{_EN_REQUEST}(?:\s+for\s+comments?)?"
    r"|\b(?:declined|refused)\s+to\s+(?:comment|elaborate|discuss\s+\w+|confirm\s+or\s+deny|say\s+more|answer\s+questions)"
    rf"|\b{_EN_AUX}\s+(?:comment|confirm\s+or\s+deny)\b"
    r"|\b(?:had|has|have|offered|gave)\s+no\s+(?:immediate\s+)?comment\b"
    r"|\bcould\s+not\s+(?:immediately\s+)?be\s+reached(?:\s+for\s+comment)?"
    r"|\b(?:was|were|is|are)\s+(?:not\s+available|unavailable)\s+for\s+comment\b"
    r"|\bno\s+comment\b",
    re.IGNORECASE,
)
_RU_PAST = r"(?:ся|ась|ись|ось)"
RUSSIAN = re.compile(
    r"\bне\s+ответил(?:а|и|о)?\s+на\s+(?:\w+\s+){0,2}(?:запрос\w*|вопрос\w*|звон\w+|письм\w+|просьб\w+)"
    rf"|\bот\s+комментари(?:ев|я)\s+(?:\w+\s+)?отказал{_RU_PAST}"
    rf"|\bотказал{_RU_PAST}\s+(?:от\s+комментари(?:ев|я)|комментировать|отвечать)"
    rf"|\bвоздержал{_RU_PAST}\s+от\s+комментари(?:ев|я)"
    r"|\b(?:официальных\s+)?комментариев\s+(?:\w+\s+){0,4}?(?:пока\s+)?(?:нет|не\s+поступало|не\s+последовало)"
    r"|\bне\s+стал(?:а|и|о)?\s+(?:это\s+)?(?:комментировать|отвечать)"
    r"|\bне\s+удалось\s+связаться"
    r"|\bне\s+комментиру\w+"
    r"|\bне\s+стал(?:а|и|о)?\s+ни\s+подтвержда\w+\s*,?\s*ни\s+опроверга\w+"
    r"|\bне\s+комментировал\w*"
    r"|\bна\s+(?:звонки|запросы|вопросы|письма)\s+(?:\w+\s+){0,2}?не\s+отвеча\w+"
    r"|\bне\s+(?:смог(?:ла|ли)?|удалось)\s+(?:оперативно\s+)?(?:прокомментировать|получить\s+комментари\w+)"
    r"|\bне\s+подтвердил(?:а|и|о)?\b",
    re.IGNORECASE,
)
PERSIAN = re.compile(
    r"از\s+(?:اظهار\s*نظر|اظهار‌نظر|پاسخ(?:\s*گویی)?|توضیح|مصاحبه)\s+(?:\S+\s+){0,2}?خودداری\s+(?:کرد|کردند|کرده)"
    r"|به\s+(?:درخواست|پرسش|سوال|سؤال)(?:‌ها)?(?:ی)?\s+(?:\S+\s+){0,6}?پاسخ\s+(?:نداد|ندادند|نداده)"
    r"|حاضر\s+به\s+(?:اظهار\s*نظر|گفتگو|گفت‌وگو|پاسخ|مصاحبه)\s+(?:نشد|نشدند)"
    r"|واکنشی\s+نشان\s+(?:نداد|ندادند|نداده)"
    r"|(?:هنوز|تاکنون)\s+(?:\S+\s+){0,3}?(?:واکنش|پاسخ)(?:ی)?\s+(?:\S+\s+){0,3}?(?:نداده|نشان\s+نداده)"
    r"|(?<![\w\u200c])(?:(?:اظهار\s*نظری|اظهارنظری|واکنشی|توضیحی)\s+(?:نکرد|نکردند|نکرده(?:\s+است|‌اند)?"
    r"|نشان\s+نداده(?:\s+است|‌اند)?|نشان\s+نداد(?:ند)?|نداد(?:ند)?|نداده(?:\s+است|‌اند)?)"
    r"|پاسخی\s+(?:نداد(?:ند)?|نداده(?:\s+است|‌اند)?)|پاسخ\s+(?:نداد(?:ند)?|نداده(?:\s+است|‌اند)?))(?![\w\u200c])",
)
PATTERNS: dict[str, re.Pattern[str]] = {"en": ENGLISH, "ru": RUSSIAN, "fa": PERSIAN}


def refusals(text: str, lang: str | None) -> list[tuple[int, int]]:
    """Character ranges of refusal phrases in ``text`` for the language (English by default)."""
    pattern = PATTERNS.get(lang or "en", ENGLISH)
    return [(m.start(), m.end()) for m in pattern.finditer(text)]
