"""Quotation regions of a text, found in one linear scan, including quotes that run across paragraphs.

A quotation continued into the next paragraph conventionally reopens it with an opening mark and no
closing mark before the break; that makes one region. A quotation never closed ends at its paragraph.
Curly marks inside a straight-quoted region are a quotation within it ("… a “dry dock” …"), not a
new region.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

#: Longest quotation region kept (characters); longer "quotes" are unbalanced marks.
MAX_QUOTE_CHARS = 6000

_MARKS = re.compile(r"“|”|«|»|``|''|\"|\n[ \t\r\f\v\n]*")
_OPENING = frozenset({"“", "«", "``"})
_CLOSING = frozenset({"”", "»"})


@dataclass(frozen=True, slots=True)
class QuoteIndex:
    """Quotation regions ``(start, end)`` (marks included), sorted and disjoint."""

    regions: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, text: str) -> QuoteIndex:
        return cls(tuple(_scan(text)))

    def covering(self, start: int, end: int) -> tuple[int, int] | None:
        """The region that overlaps ``start:end``, if any (the first one)."""
        index = bisect_right(self.regions, (start, len_max())) - 1
        for i in (index, index + 1):
            if 0 <= i < len(self.regions):
                s, e = self.regions[i]
                if s < end and start < e:
                    return s, e
        return None

    def inside(self, position: int) -> bool:
        """Whether a character lies strictly inside a region (not on its opening mark)."""
        index = bisect_right(self.regions, (position, len_max())) - 1
        return index >= 0 and self.regions[index][0] < position < self.regions[index][1]

    def starting_in(self, start: int, end: int) -> tuple[int, int] | None:
        """The region whose opening mark lies in ``start:end``."""
        index = bisect_right(self.regions, (start, -1))
        if index < len(self.regions) and self.regions[index][0] < end:
            return self.regions[index]
        return None

    def ending_in(self, start: int, end: int) -> tuple[int, int] | None:
        """The region whose closing mark ends in ``start:end``."""
        index = bisect_right(self.regions, (end, len_max())) - 1
        while index >= 0:
            s, e = self.regions[index]
            if start < e <= end:
                return s, e
            if e <= start:
                return None
            index -= 1
        return None


def len_max() -> int:
    return 1 << 62


def _scan(text: str) -> list[tuple[int, int]]:
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    break_since_open = False
    opened_straight = False  # the open region began with a straight mark (" or '')
    nested = False  # inside a curly quotation within a straight one ("… “Bathroom Bill” …")

    def close(end: int) -> None:
        nonlocal open_at, nested
        if open_at is not None and 0 < end - open_at <= MAX_QUOTE_CHARS:
            regions.append((open_at, end))
        open_at, nested = None, False

    for match in _MARKS.finditer(text):
        mark, position = match.group(), match.start()
        if mark.startswith("\n"):
            if open_at is None:
                continue
            following = text[match.end():match.end() + 2]
            if following.startswith(("“", "«", "``", '"', "''")):
                break_since_open = True  # the quotation continues in the next paragraph
            else:
                close(position)
            continue
        if mark in _CLOSING:
            if nested:
                nested = False
            else:
                close(match.end())
        elif mark in _OPENING:
            if open_at is not None and opened_straight and not break_since_open:
                nested = True
            elif open_at is None or not break_since_open:
                open_at, opened_straight = position, False
            break_since_open = False
        elif open_at is None:  # a straight double quote (or '') opens…
            open_at, break_since_open, opened_straight = position, False, True
        elif break_since_open and _at_paragraph_start(text, position):
            break_since_open = False  # …reopens a continued quotation…
        else:
            close(match.end())  # …or closes.
    if open_at is not None:
        close(len(text))
    return regions


def _at_paragraph_start(text: str, position: int) -> bool:
    before = text.rfind("\n", 0, position)
    return not text[before + 1:position].strip()
