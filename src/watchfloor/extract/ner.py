"""``ner.spacy``: statistical named entities from the parsed spaCy doc, deferring to the watchlist.

Numeric and temporal entity types are left to the temporal component. Spans are trimmed of leading
determiners and trailing possessives ("the Financial Times's" → "Financial Times"), as annotation
guidelines (CoNLL, ACE) and analysts expect. A name recognised once is recognised wherever else it
stands in the same document (one sense per discourse), with the label it got most often.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from typing import ClassVar

from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis, EntityMention, Span

#: spaCy labels that name things (numbers, dates, money, … are not entities here).
NAME_LABELS: frozenset[str] = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_LEADING = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’]s|['’]|[\s,;:\-–—]+)$")
#: Shortest surface form propagated to its other occurrences in the same document.
MIN_PROPAGATED = 3


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of ``text[start:end]`` without a leading article or trailing possessive/punctuation."""
    surface = text[start:end]
    if (lead := _LEADING.match(surface)) and lead.end() < len(surface):
        start += lead.end()
    while (tail := _TRAILING.search(text[start:end])) and tail.start() > 0:
        end = start + tail.start()
    return start, end


class SpacyNER(Component):
    name = "ner.spacy"
    version = "1"
    requires = ("extras.spacy_doc",)
    assigns = ("entities",)
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __init__(self, labels: list[str] | None = None) -> None:
        self.labels = frozenset(labels) if labels else NAME_LABELS

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.extras["spacy_doc"]
        taken = [e.span for e in analysis.entities]  # watchlist matches take precedence
        labels: dict[str, Counter[str]] = {}
        for ent in doc.ents:
            if ent.label_ not in self.labels:
                continue
            start, end = trim(analysis.text, ent.start_char, ent.end_char)
            span = Span.of(analysis.text, start, end)
            if any(span.overlaps(p) for p in taken):
                continue
            taken.append(span)
            labels.setdefault(span.text, Counter())[ent.label_] += 1
            analysis.entities.append(EntityMention(span, ent.label_, self.provenance))
        self._propagate(analysis, labels, taken)

    def _propagate(self, analysis: Analysis, labels: dict[str, Counter[str]], taken: list[Span]) -> None:
        names = sorted((n for n in labels if len(n) >= MIN_PROPAGATED and n[0].isupper()), key=len)[::-1]
        if not names:
            return
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")
        taken.sort(key=lambda s: s.start)
        starts = [s.start for s in taken]
        for match in pattern.finditer(analysis.text):
            span = Span.of(analysis.text, match.start(), match.end())
            i = bisect_right(starts, span.start)
            if any(taken[j].overlaps(span) for j in (i - 1, i) if 0 <= j < len(taken)):
                continue
            label = labels[span.text].most_common(1)[0][0]
            analysis.entities.append(EntityMention(span, label, self.provenance))


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {SpacyNER.name: SpacyNER}
