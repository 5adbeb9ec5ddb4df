"""The ``temporal.timex`` and ``claims.time`` pipeline components."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from spacy.tokens import Doc

from watchfloor.extract.component import Component
from watchfloor.extract.temporal.anchor import Anchor, Tense, tense_from_parse, tense_from_words
from watchfloor.extract.temporal.detect import find_candidates
from watchfloor.extract.temporal.english import EnglishInterpreter
from watchfloor.extract.temporal.jalali import find_persian_times
from watchfloor.extract.temporal.russian import find_russian_times
from watchfloor.model import Analysis, Attribution, Span, TimeExpression
from watchfloor.store.timex import timex_bounds

#: (start, end, type, value, mod) found by a language's tagger.
Found = tuple[int, int, str, str, str | None]


class TemporalTagger(Component):
    """Detect time expressions and normalise them to TIMEX3 values against the publication date."""

    name = "temporal.timex"
    version = "1"
    requires = ("lang",)
    assigns = ("times",)
    languages: ClassVar[frozenset[str] | None] = None

    def __call__(self, analysis: Analysis) -> None:
        if analysis.lang == "ru":
            found = find_russian_times(analysis.text, analysis.date)
        elif analysis.lang == "fa":
            found = find_persian_times(analysis.text, analysis.date)
        else:
            found = find_english_times(analysis.text, analysis.date, _tense_function(analysis))
        analysis.times = [
            TimeExpression(analysis.span(start, end), type_, value, self.provenance, mod)
            for start, end, type_, value, mod in found
        ]


def find_english_times(
    text: str, document_date: date | None, tense_of: Callable[[int, int], Tense]
) -> list[Found]:
    """English time expressions in text order, resolved with a reference date tracked along the text."""
    scratch = EnglishInterpreter(text, Anchor(document_date), tense_of)  # only says what reads at all
    interpreter = EnglishInterpreter(text, Anchor(document_date), tense_of)
    found: list[Found] = []
    for candidate in find_candidates(text, accepts=lambda c: scratch.read(c) is not None):
        reading = interpreter.read(candidate)
        if reading is not None:
            end = reading.end if reading.end is not None else candidate.end
            found.append((candidate.start, end, reading.type, reading.value, reading.mod))
    return found


def _tense_function(analysis: Analysis) -> Callable[[int, int], Tense]:
    doc = analysis.extras.get("spacy_doc")
    sentences = [(s.start, s.end) for s in analysis.sentences]

    def tense_of(start: int, end: int) -> Tense:
        if doc is not None:
            tense = tense_from_parse(doc, start, end)
            if tense is not None:
                return tense
        sentence = next(((s, e) for s, e in sentences if s <= start < e), None)
        return tense_from_words(analysis.text, start, end, sentence)

    return tense_of


class ClaimTime(Component):
    """Give each attribution the time expression governing its content (None: publication date)."""

    name = "claims.time"
    version = "2"
    requires = ("attributions", "times")
    assigns = ("attributions",)
    languages: ClassVar[frozenset[str] | None] = None

    def __call__(self, analysis: Analysis) -> None:
        placed = [t for t in analysis.times if t.type in ("DATE", "TIME") and timex_bounds(t.value)]
        doc = analysis.extras.get("spacy_doc")
        for attribution in analysis.attributions:
            event = _event_time(doc, attribution, placed) if isinstance(doc, Doc) else None
            if event is not None and attribution.frame is not None:
                attribution.frame.time = event.span
            attribution.time = event or governing_time(attribution, placed)


def _event_time(doc: Doc, attribution: Attribution, times: list[TimeExpression]) -> TimeExpression | None:
    """The time expression the parse attaches to the claim's event ("shipped … in March"), not one that
    qualifies a participant ("a firm registered in late 2022"); for an event named by a noun, the verb
    that governs it counts too ("stopped all deliveries in March 2022")."""
    trigger = attribution.frame.trigger if attribution.frame else None
    if trigger is None:
        return None
    event = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if event is None:
        return None
    targets = {event.root.i}
    if event.root.pos_ == "NOUN" and event.root.dep_ in ("dobj", "nsubj", "nsubjpass"):
        targets.add(event.root.head.i)  # "stopped all deliveries … in March 2022"
    for time in times:
        if not attribution.claimed.contains(time.span):
            continue
        words = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
        token = words.root if words is not None else None
        for _ in range(8):
            if token is None or token.head is token:
                break
            token = token.head
            if token.i in targets:
                return time
            inside = words is not None and words.start <= token.i < words.end
            if token.pos_ in ("NOUN", "PROPN") and not inside:
                break  # a time that qualifies a noun phrase
    return None


def governing_time(attribution: Attribution, times: list[TimeExpression]) -> TimeExpression | None:
    """The dated expression inside the proposition, else one in the sentence outside it (by the cue)."""
    inside = [t for t in times if attribution.claimed.contains(t.span)]
    if inside:
        return inside[0]
    sentence: Span | None = attribution.sentence
    if sentence is None:
        return None
    around = [t for t in times if sentence.contains(t.span) and not t.span.overlaps(attribution.content)]
    if not around:
        return None
    return min(around, key=lambda t: abs(t.span.start - attribution.cue.start))
