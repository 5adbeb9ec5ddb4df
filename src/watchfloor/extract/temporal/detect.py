"""Time-expression rules compiled, and the choice of non-overlapping candidates among their matches.

Each rule is a named regular expression (the English ones are in
:mod:`watchfloor.extract.temporal.english_patterns`), written in lower case and matched against the
lower-cased text (much faster than ``re.IGNORECASE``); :mod:`watchfloor.extract.temporal.english` turns a
match into a TIMEX3 type and value. A leading preposition ("in", "since") may be matched in the group
``pre`` for context; it is not part of the expression's span.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from watchfloor.extract.temporal.english_patterns import RULE_SOURCES


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


RULES = compile_rules(RULE_SOURCES)


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
