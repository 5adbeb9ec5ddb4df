"""English quarters and halves ("the third quarter", "the latest period", "the year-ago quarter")
and "a year ago" / "year-end", which count from the last quarter named when there is one.
"""

from __future__ import annotations

import re
from datetime import date

from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.english_reading import InterpreterBase, Reading
from watchfloor.extract.temporal.english_words import MONTHS, ORDINALS
from watchfloor.extract.temporal.normalise import UNKNOWN_VALUES, Granularity, Point

_PERIOD_ENDED = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:ended|ending|ends|ends?)\s+(?:in\s+)?(january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|"
    r"oct\.?|nov\.?|dec\.?)(?![a-z])",
    re.IGNORECASE,
)


class Periods(InterpreterBase):
    """Readings of fiscal periods: quarters, halves and the year before them."""

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
