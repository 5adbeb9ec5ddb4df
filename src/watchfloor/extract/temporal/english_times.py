"""English times of day: clock times ("3:30 p.m.", "noon"), a clock time with its day ("10 a.m.
Tuesday") and parts of the day ("Friday night", "yesterday morning").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.english_reading import DAY_OFFSETS, InterpreterBase, Reading
from watchfloor.extract.temporal.english_words import MONTHS, PARTS_OF_DAY, WEEKDAYS
from watchfloor.extract.temporal.normalise import Point, safe_date


class TimesOfDay(InterpreterBase):
    """Readings of times within a day."""

    def _clock(self, c: Candidate) -> Reading | None:
        anchor = self.anchor.anaphoric()
        base = anchor.isoformat() if anchor else "XXXX-XX-XX"
        word = c.group("word")
        if word and re.search(r"\bhigh\W*$", self.text[max(0, c.start - 6) : c.start], re.IGNORECASE):
            return None  # the idiom "high noon"
        if word:
            return Reading("TIME", f"{base}T{'24:00' if word == 'midnight' else '12:00'}")
        hour, minute = int(c.group("h") or 0), int(c.group("mi") or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return None
        if (c.group("ampm") or "").startswith("p") and hour != 12:
            hour += 12
        elif (c.group("ampm") or "").startswith("a") and hour == 12:
            hour = 0
        return Reading("TIME", f"{base}T{hour:02d}:{minute:02d}")

    def _clock_day(self, c: Candidate) -> Reading | None:
        clock = self._clock(c)
        if clock is None:
            return None
        day: date | None = None
        anchor = self.anchor.deictic()
        if c.group("wd"):
            day = self._weekday_date(WEEKDAYS[c.group("wd") or ""], c)
        elif c.group("rel"):
            day = anchor + timedelta(days=DAY_OFFSETS[c.group("rel") or ""]) if anchor else None
        else:
            month, day_of = MONTHS[(c.group("mon") or "").rstrip(".")], int(c.group("d") or 0)
            year = self._month_year(month, c, day_of)
            day = safe_date(year, month, day_of) if year else None
        time_of_day = clock.value.split("T", 1)[1]
        return Reading(
            "TIME",
            f"{day.isoformat() if day else 'XXXX-XX-XX'}T{time_of_day}",
            point=Point(day, "day") if day else None,
            explicit=day is not None,
        )

    def _part_of_day(self, c: Candidate) -> Reading | None:
        day_word = re.sub(r"\s+", " ", c.group("day") or "")
        part = PARTS_OF_DAY[c.group("pod") or ""]
        if day_word in ("early", "late"):
            return None
        if day_word == "mid":
            anchor = self.anchor.anaphoric()
            return Reading("TIME", f"{anchor.isoformat() if anchor else 'XXXX-XX-XX'}T{part}", "MID")
        day: date | None
        if day_word in WEEKDAYS:  # news usage: "Friday night" dates the day
            day = self._weekday_date(WEEKDAYS[day_word], c)
            if day is None:
                return Reading("DATE", f"XXXX-WXX-{WEEKDAYS[day_word] + 1}")
            return self._resolved(Point(day, "day"), "day", explicit=True)
        elif day_word in DAY_OFFSETS:
            anchor = self.anchor.deictic()
            day = anchor + timedelta(days=DAY_OFFSETS[day_word]) if anchor else None
        elif day_word in ("that", "the same"):
            day = self.anchor.anaphoric()
        elif day_word == "last":
            anchor = self.anchor.deictic()
            day = anchor - timedelta(days=1) if anchor else None
            if part != "NI":
                return None
        else:
            day = self.anchor.deictic()
        base = day.isoformat() if day else "XXXX-XX-XX"
        return Reading("TIME", f"{base}T{part}")
