"""The claim layer of ``attribution.fa``: polarity and stance composed, characterisation, hedge, frame."""

from __future__ import annotations

import re

from watchfloor.extract.attribution import cues_fa as cues
from watchfloor.extract.attribution.drafts import Draft, Range, hedge_of, quote_regions, trim
from watchfloor.extract.claims.lexicon import PERSIAN_STEMS

_WORD = re.compile(r"[«»\"“”()]|[،؛:!?؟.]|[^\s«»\"“”()،؛:!?؟.]+")
_PREFIXES = ("نمی‌", "می‌", "نمی", "می")
_AMOUNT = re.compile(r"[۰-۹0-9]+(?:[٫.][۰-۹0-9]+)?\s+\S+")
#: A negated perfect ("نفروخته است", "نکرده‌ایم") and negated simple pasts of common verbs.
_NEGATED_PAST = re.compile(r"(?:^|\s)ن(?!می)\S+ه(?:\s+(?:است|بود|بودند)|‌(?:اند|ایم|ام|است))?\s*$")
_NEGATED_PAST_WORDS = frozenset(
    "نکرد نکردند نداد ندادند نفروخت نفرستاد نفرستادند نداشت نداشتند نبود نبودند".split())
_ROLE_BEFORE = {"به": "recipient", "اختیار": "recipient", "از": "source", "در": "location", "با": "partner"}
NOT_PARTIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_NEGATED_WORDS = frozenset("نیست نیستند ندارد ندارند نمی‌شود".split())




def stem(word: str) -> str:
    """A verb or noun without the prefixes می / نمی."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            return word[len(prefix):]
    return word


class Base:
    """The Persian reader's text, quotations, mentions, words and claim layer."""

    def __init__(self, text: str, mentions: list[Range] | None = None) -> None:
        self.text = text
        self.quotes = quote_regions(text)
        self.mentions = sorted(mentions or [])

    def _quoted(self, position: int) -> bool:
        return any(s <= position < e for s, e in self.quotes)

    def words(self, start: int, end: int) -> list[tuple[int, int, str]]:
        return [(start + m.start(), start + m.end(), m.group()) for m in _WORD.finditer(self.text[start:end])]

    # -- meaning --------------------------------------------------------------------------------
    def _meaning(self, draft: Draft, match: re.Match[str] | None) -> None:
        text = self.text
        content = text[draft.content[0]:draft.content[1]]
        word = match.group() if match is not None else ""
        denial = bool(word) and (cues.DENIAL.match(word) is not None or word.startswith("با"))
        if match is not None and match.lastgroup == "called" and match["called"]:
            draft.characterisation = (match.start("called"), match.end("called"))
        last = content.split("،")[-1].split()
        past = _NEGATED_PAST.search(" ".join(last[-3:])) is not None or bool(
            set(last[-1:]) & _NEGATED_PAST_WORDS)
        present = bool(last) and (last[-1].startswith(("نمی‌", "نخواهد")) or last[-1] in _NEGATED_WORDS)
        negated = past or present \
            or "هرگز" in content.split()
        never = bool({"هرگز", "هیچ"} & set(content.split()))
        # "نفروخته است", "هرگز … نکرده‌ایم"; not a state complained of ("سه هفته است … نرسیده است",
        # "پرداخت نشده")
        fact = (past or "هرگز" in content.split()) and ("نشده" not in last[-2:] or never) \
            and last[-1:] != ["ندارد"] and re.search(r"(?:ماه|هفته|روز|سال)\s+است\s", content) is None
        draft.polarity = "negative" if negated else "positive"
        draft.stance = "denies" if denial != fact else "asserts"
        draft.hedge = draft.hedge or hedge_of(cues.HEDGE_PATTERN, cues.HEDGES, word, content)
        if content.rstrip(" »”\"").endswith(("؟", "?")):
            draft.act = "question"
        if denial and any(w.startswith(cues.ALLEGATIONS) for w in content.split()[:2]):
            draft.allegation = True
        elif draft.act == "statement":
            self._frame(draft)

    def _frame(self, draft: Draft) -> None:
        words = self.words(*draft.content)
        for start, end, word in reversed(words):
            base = stem(word)
            event = next((name for prefix, name in PERSIAN_STEMS if base.startswith(prefix)), None)
            if event is not None:
                draft.event, draft.trigger = event, (start, end)
                break
        if draft.event is None:
            return
        named = [m for m in self.mentions if draft.content[0] <= m[0] and m[1] <= draft.content[1]]
        for start, end in named:
            before = self.text[draft.content[0]:start].split()
            by = not before or before[-2:] == ["از", "سوی"]
            role = "agent" if by else _ROLE_BEFORE.get(before[-1], "other")
            if role == "recipient" and before[-1] == "به" and draft.event not in ("transfer", "pay"):
                role = "other"
            draft.roles.append((role, (start, end)))
        at = next((n for n, w in enumerate(words) if w[2] == "را"), 0)
        if at:
            first = 2 if words[0][2] in ("این", "آن") and at > 2 else (1 if at > 1 else 0)
            while first < at - 1 and words[first][2] in ("از", "در") and at - first > 3:
                first += 2 if first + 2 < at and not re.search(r"[۰-۹0-9]", words[first + 2][2]) else 3
            if first < at:
                draft.object = trim(self.text, words[first][0], words[at - 1][1])
                amount = _AMOUNT.search(self.text, words[first][0], words[at - 1][1])
                if amount is not None:
                    draft.quantity = (amount.start(), amount.end())
