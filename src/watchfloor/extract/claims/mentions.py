"""The document's entity mentions for the claim layer: lookups by position, antecedents of pronouns,
and what a definite description ("the plant", "the company") stands for.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from watchfloor.model import EntityMention

#: Nouns of definite descriptions ("the plant"), in groups of kin: a name with a kin word is a
#: candidate antecedent ("the site" → "Alabuga Special Economic Zone").
DESCRIPTION_GROUPS: tuple[frozenset[str], ...] = (
    frozenset(
        "plant factory facility site complex zone park works yard port shipyard mine refinery base "
        "terminal".split()
    ),
    frozenset(
        "company firm group maker manufacturer operator carrier line shipper exporter importer supplier "
        "corporation holding".split()
    ),
    frozenset("ministry government agency office administration authority".split()),
    frozenset("union party campaign committee".split()),
    frozenset("country state republic region city town".split()),
)
_DESCRIPTION_LABELS = (
    frozenset({"FAC", "LOC", "ORG", "GPE"}),
    frozenset({"ORG"}),
    frozenset({"ORG", "GPE"}),
    frozenset({"ORG"}),
    frozenset({"GPE", "LOC"}),
)
DESCRIPTIONS: dict[str, frozenset[str]] = {
    noun: labels
    for group, labels in zip(DESCRIPTION_GROUPS, _DESCRIPTION_LABELS, strict=True)
    for noun in group
}
#: How far back (characters) a pronoun or description may find its antecedent, and how far ahead a
#: description may find the name it anticipates ("their union said…").
REACH = 1200
AHEAD = 600


def _carries(mention: EntityMention, noun: str) -> bool:
    """Whether a name carries the noun of a description as a word ("Caspian Wetlands Trust": trust)."""
    return noun in mention.span.text.lower().replace("’", "'").replace("'", " ").split()


class Mentions:
    """The document's entity mentions, for lookups by position and for antecedents."""

    def __init__(self, mentions: Sequence[EntityMention]) -> None:
        self.items = sorted(mentions, key=lambda m: (m.span.start, m.span.end))
        self.starts = [m.span.start for m in self.items]

    def covering(self, start: int, end: int) -> EntityMention | None:
        index = bisect_right(self.starts, start) - 1
        while index >= 0 and index >= bisect_right(self.starts, start) - 4:
            mention = self.items[index]
            if mention.span.start <= start and end <= mention.span.end:
                return mention
            index -= 1
        return None

    def inside(self, start: int, end: int) -> list[EntityMention]:
        first = bisect_right(self.starts, start - 1)
        return [m for m in self.items[first:] if m.span.start < end and m.span.end <= end]

    def earlier(self, position: int) -> list[EntityMention]:
        """Mentions ending before ``position`` within :data:`REACH`, nearest first."""
        found: list[EntityMention] = []
        index = bisect_right(self.starts, position) - 1
        while index >= 0 and position - self.items[index].span.end <= REACH:
            if self.items[index].span.end <= position:
                found.append(self.items[index])
            index -= 1
        return found

    def before(self, position: int, labels: frozenset[str]) -> EntityMention | None:
        """The last mention with one of ``labels`` before ``position`` (within :data:`REACH`)."""
        return next((m for m in self.earlier(position) if m.label in labels), None)

    def described(self, position: int, labels: frozenset[str], noun: str) -> EntityMention | None:
        """What "the plant", "the company" or "the Trust" stands for: the last name before it that
        carries the noun ("Orlen plant", "Caspian Wetlands Trust"), else one just after it ("their
        union said … the Saryarka Metalworkers' Union"), else the last name carrying a kin word ("the
        site" → "Alabuga Special Economic Zone"); None rather than a guess."""
        earlier = [m for m in self.earlier(position) if m.label in labels]
        named = next((m for m in earlier if _carries(m, noun)), None)
        if named is not None:
            return named
        later = next(
            (
                m
                for m in self.items
                if position < m.span.start <= position + AHEAD and m.label in labels and _carries(m, noun)
            ),
            None,
        )
        if later is not None:
            return later
        kin = next((group for group in DESCRIPTION_GROUPS if noun in group), frozenset())
        return next((m for m in earlier if kin & set(m.span.text.lower().split())), None)
