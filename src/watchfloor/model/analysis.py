"""What extraction finds in one text: entities, time expressions, attributions.

An :class:`Analysis` is the object pipeline components read and write (like spaCy's ``Doc``); each
component declares the attributes it requires and assigns. ``to_interface()`` renders the stable
machine-readable shape fixed by the evaluation interface (docs/evaluation-interface.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from watchfloor.model.claims import Act, Frame, Polarity, SpeakerStatus
from watchfloor.model.spans import Span

Stance = Literal["asserts", "denies"]


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A span naming a person, organisation, place, facility, equipment…"""

    span: Span
    label: str
    component: str
    entity_key: str | None = None  # e.g. the watchlist entry id that matched
    base: str | None = None  # base (lemma) form of the name, e.g. "Елабуга" for "Елабуге"

    def to_json(self) -> dict[str, Any]:
        return {**self.span.to_json(), "label": self.label}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised to a TimeML TIMEX3 value."""

    span: Span
    type: str  # DATE, TIME, DURATION, SET
    value: str
    component: str
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER…

    def to_json(self) -> dict[str, Any]:
        return {**self.span.to_json(), "type": self.type, "value": self.value}


@dataclass(slots=True)
class Attribution:
    """Who says what: a cue, a source (None when unnamed), a content, stance, hedge and via chain."""

    cue: Span
    content: Span
    component: str
    source: Span | None = None
    stance: Stance = "asserts"
    hedge: str | None = None
    via: list[Span] = field(default_factory=list)
    speaker: Span | None = None  # the named speaker a pronoun/role source refers to
    sentence: Span | None = None  # the evidence sentence(s)
    time: TimeExpression | None = None  # the expression governing the content, if any
    # -- the claim layer (extract/claims): what the statement claims -----------------------------
    act: Act = "statement"
    polarity: Polarity = "positive"  # whether what is said is negated ("had not supplied")
    proposition: Span | None = None  # what is asserted or denied, as said (None: the content)
    characterisation: Span | None = None  # "called the allegations [politically motivated]"
    affiliation: Span | None = None  # the organisation the speaker speaks for
    speaker_status: SpeakerStatus | None = None
    basis: str | None = None  # the evidence the source is (imagery, postings…), not a speaker
    frame: Frame | None = None
    embedding: bytes | None = None  # sentence embedding of the proposition (float16), if computed

    @property
    def claimed(self) -> Span:
        """The proposition the claim asserts or denies: its own span, else the content."""
        return self.proposition or self.content

    def to_json(self) -> dict[str, Any]:
        return {
            "cue": self.cue.to_json(),
            "source": self.source.to_json() if self.source else None,
            "content": self.content.to_json(),
            "stance": self.stance,
            "hedge": self.hedge,
            "via": [v.to_json() for v in self.via],
        }


@dataclass(slots=True)
class Analysis:
    """One text under analysis and everything components have assigned to it."""

    text: str
    source: str = "-"
    date: date | None = None
    lang: str | None = None
    publisher: str | None = None  # who put the text out, when known (a statement's "the ministry")
    kind: str | None = None  # the document kind (article, statement, report…)
    entities: list[EntityMention] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)  # component carriers, e.g. "spacy_doc"

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    def to_interface(self) -> dict[str, Any]:
        """The one-line JSON object of ``watchfloor extract`` (evaluation interface)."""
        return {
            "source": self.source,
            "lang": self.lang,
            "date": self.date.isoformat() if self.date else None,
            "entities": [e.to_json() for e in sorted(self.entities, key=lambda e: e.span.start)],
            "times": [t.to_json() for t in sorted(self.times, key=lambda t: t.span.start)],
            "attributions": [a.to_json() for a in sorted(self.attributions, key=lambda a: a.cue.start)],
        }
