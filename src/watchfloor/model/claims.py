"""What a statement claims: its act, polarity, proposition and frame (who did what to whom, when, where).

An :class:`~watchfloor.model.Attribution` records *who says what* as spans. The claim layer reads it
as a claim: whether it is a statement at all (a "no comment" is recorded, a question or a fragment is
not a claim), the polarity of what is said ("had **not** supplied"), the proposition asserted or
denied, and a normalised :class:`Frame` that lets reports in different words and languages meet.
Every part is a span of the document: nothing here is text the document does not contain.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from watchfloor.model.spans import Span

#: What an attribution is as a claim.
Act = Literal["statement", "no_comment", "question", "request", "fragment", "boilerplate"]
#: Acts that are stored as claims (a no comment is stored, with stance ``no_comment``).
STORED_ACTS: frozenset[str] = frozenset({"statement", "no_comment"})
Polarity = Literal["positive", "negative"]
#: Stances a stored claim can have: the interface's two, and the recorded refusal to comment.
CLAIM_STANCES: tuple[str, ...] = ("asserts", "denies", "no_comment")
#: Roles of a frame's participants.
ROLES: tuple[str, ...] = ("agent", "patient", "recipient", "source", "partner", "location", "other")
#: How a speaker was found; "unresolved" when a pronoun or role has no antecedent the text names.
SpeakerStatus = Literal["named", "resolved", "unresolved", "unnamed", "document"]


@dataclass(frozen=True, slots=True)
class Participant:
    """An entity taking part in what a claim reports, by its role.

    ``span`` is the words in the claim ("it", "the plant", "Kestrel Line"); ``refers_to`` the
    named mention they stand for, when that is another span of the document.
    """

    role: str
    span: Span
    refers_to: Span | None = None
    label: str | None = None  # the entity label of the mention it names (PERSON, ORG, GPE…)

    @property
    def named(self) -> Span:
        return self.refers_to or self.span

    def to_json(self) -> dict[str, Any]:
        found = {"role": self.role, **self.span.to_json(), "label": self.label}
        if self.refers_to is not None:
            found["refers_to"] = self.refers_to.to_json()
        return found


@dataclass(slots=True)
class Frame:
    """Who did what (an event class of the lexicon) to or with whom, what, how many, where."""

    event: str | None = None  # class from extract/claims/lexicon.py: supply, produce, hire…
    trigger: Span | None = None  # the word the event class was read from
    participants: list[Participant] = field(default_factory=list)
    object: Span | None = None  # what was supplied, produced… (the object's head phrase)
    quantity: Span | None = None  # "40 crates", "hundreds of"
    allegation: bool = False  # the proposition names allegations made elsewhere ("denied the reports")
    time: Span | None = None  # the time expression the parse attaches to the event, if any

    def role(self, role: str) -> list[Participant]:
        return [p for p in self.participants if p.role == role]

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "trigger": self.trigger.to_json() if self.trigger else None,
            "participants": [p.to_json() for p in self.participants],
            "object": self.object.to_json() if self.object else None,
            "quantity": self.quantity.to_json() if self.quantity else None,
            "allegation": self.allegation,
            "time": self.time.to_json() if self.time else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Frame | None:
        if not data:
            return None
        return cls(
            event=data.get("event"),
            trigger=_span(data.get("trigger")),
            participants=[
                Participant(
                    p["role"],
                    Span(p["start"], p["end"], p["text"]),
                    _span(p.get("refers_to")),
                    p.get("label"),
                )
                for p in data.get("participants", [])
            ],
            object=_span(data.get("object")),
            quantity=_span(data.get("quantity")),
            allegation=bool(data.get("allegation")),
            time=_span(data.get("time")),
        )


def _span(data: dict[str, Any] | None) -> Span | None:
    return Span(data["start"], data["end"], data["text"]) if data else None
