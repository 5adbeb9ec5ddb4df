"""English time expressions: detected candidates turned into TIMEX3 types, values and modifiers.

The relative logic is ours: deictic expressions count from the publication date, anaphoric ones from
the narrative reference date, underspecified ones pick an occurrence by tense (see ``anchor``).
Without a publication date nothing is anchored to today: unknown parts stay ``X``.
Each rule family is read in a module of its own (``english_dates``, ``english_periods``,
``english_relative``, ``english_durations``, ``english_times``), over the state and helpers of
``english_reading``.
"""

from __future__ import annotations

from watchfloor.extract.temporal.detect import Candidate
from watchfloor.extract.temporal.english_dates import AbsoluteDates
from watchfloor.extract.temporal.english_durations import Durations
from watchfloor.extract.temporal.english_periods import Periods
from watchfloor.extract.temporal.english_reading import Reading
from watchfloor.extract.temporal.english_relative import RelativeDates
from watchfloor.extract.temporal.english_times import TimesOfDay

__all__ = ["EnglishInterpreter", "Reading"]


class EnglishInterpreter(AbsoluteDates, Periods, RelativeDates, Durations, TimesOfDay):
    """Reads candidates of one text in order, tracking the anchor as it goes.

    Each candidate goes to the method named after its rule (``_month_day`` for ``month_day``), defined
    by the rule family that reads it.
    """

    def read(self, candidate: Candidate) -> Reading | None:
        handler = getattr(self, f"_{candidate.rule}")
        reading: Reading | None = handler(candidate)
        if reading is not None and reading.point is not None:
            if reading.point.granularity == "quarter":
                self._last_quarter_at = candidate.end
            self.anchor.note(reading.point, reading.explicit)
        return reading
