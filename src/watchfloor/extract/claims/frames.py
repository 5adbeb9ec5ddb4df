"""Claim frames over an English dependency parse: who did what (an event class) to whom, what, where.

The event is read from the proposition's main verb, through verbs of phase and intention ("began
assembling drones" → *produce*) and light verbs with a nominalisation ("carried out a shipment");
participants come from its subject (or passive agent), objects and prepositional phrases, each with
the named mention it stands for: a name, a pronoun's antecedent ("it" → Albatross), a definite
description's ("the plant" → the last facility named), "we"/"I" in a statement → its speaker.
Every entity named in the proposition is a participant, in its role where the parse gives one.
Participants are read in ``participants``; mentions and antecedents are looked up in ``mentions``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.cues import ALLEGATION_NOUNS, REPORT_NOUNS
from watchfloor.extract.claims.lexicon import LOCATE, event_of_noun, event_of_verb
from watchfloor.extract.claims.mentions import DESCRIPTIONS, REACH, Mentions
from watchfloor.extract.claims.participants import ParticipantReader
from watchfloor.model import Attribution, Frame, Span

__all__ = ["DESCRIPTIONS", "DISMISSABLE", "REACH", "Mentions", "read_frame"]

#: Nouns a denial can reject as a whole ("denied the reports", "dismissed the fishermen's accounts").
DISMISSABLE = (
    ALLEGATION_NOUNS
    | REPORT_NOUNS
    | frozenset("account accounts testimony story stories article articles footage videos photos".split())
)
#: Verbs that with a place say where something is ("is in", "sits inside", "lies near").
_LOCATIVE_VERBS = frozenset({"be", "sit", "lie", "stand"})
_LOCATIVE_PREPOSITIONS = frozenset({"in", "inside", "near", "outside", "beside", "at", "within"})
_PARTICLES = frozenset({"out", "off", "down", "up", "over", "away", "back", "in"})


def read_frame(doc: Doc, attribution: Attribution, mentions: Mentions) -> Frame:
    """The frame of one English claim (an empty frame when the proposition has no parse)."""
    claimed = attribution.claimed
    span = doc.char_span(claimed.start, claimed.end, alignment_mode="expand")
    if span is None or not len(span):
        return Frame()
    root = span.root
    if (
        root.lemma_.lower() in ALLEGATION_NOUNS
        or root.lower_ in ALLEGATION_NOUNS
        or (attribution.stance == "denies" and root.pos_ == "NOUN" and root.lemma_.lower() in DISMISSABLE)
    ):
        return Frame(allegation=True)  # "denied the allegations": what it denies is reported elsewhere
    event_token, event = _event(root)
    cue = doc.char_span(attribution.cue.start, attribution.cue.end, alignment_mode="expand")
    # "denied providing weapons", "refused to ship": the speaker (or their organisation) is the agent
    speaker_acts = cue is not None and root.head.i in range(cue.start, cue.end) and root.tag_ in ("VBG", "VB")
    reader = ParticipantReader(doc, mentions, claimed, attribution, speaker_acts)
    frame = Frame(event=event, trigger=_span_of(doc, event_token) if event else None)
    reader.roles(frame, event_token)
    reader.others(frame)
    return frame


def _event(root: Token) -> tuple[Token, str | None]:
    """The token that names the event and its class: the main verb, else what it passes the event
    on to (a complement: "began assembling"; an object nominalisation: "commenced production",
    "is a supplier of"), a few steps down."""
    token = root
    for _ in range(4):
        lemma = token.lemma_.lower()
        particle = next(
            (
                c.lower_
                for c in token.children
                if c.dep_ == "prt" or (c.dep_ == "advmod" and c.i == token.i + 1 and c.lower_ in _PARTICLES)
            ),
            None,
        )  # "walked out", which the parser may read as an adverb
        found = event_of_verb(lemma, particle) if token.pos_ in ("VERB", "AUX") else event_of_noun(lemma)
        if found is not None and lemma not in ("be", "have"):
            return token, found
        if (
            lemma in _LOCATIVE_VERBS
            and any(c.dep_ == "prep" and c.lower_ in _LOCATIVE_PREPOSITIONS for c in token.children)
            and not any(c.dep_ in ("acomp", "attr", "xcomp") for c in token.children)
        ):
            return token, LOCATE  # "the plant is in the Alabuga zone", "sits inside", "lies near"
        nominal = next(
            (
                c
                for c in token.children
                if c.dep_ in ("dobj", "attr", "nsubj") and event_of_noun(c.lemma_.lower())
            ),
            None,
        )
        if nominal is not None and token.pos_ in ("VERB", "AUX"):
            return nominal, event_of_noun(nominal.lemma_.lower())
        joined = next(
            (
                c
                for c in token.children
                if c.dep_ == "conj" and c.pos_ == "VERB" and event_of_verb(c.lemma_.lower())
            ),
            None,
        )
        if joined is not None and token.pos_ in ("VERB", "AUX"):  # "relabelled them and sent them…"
            return joined, event_of_verb(joined.lemma_.lower())
        if token.pos_ in ("VERB", "AUX"):
            nxt = next((c for c in token.children if c.dep_ in ("xcomp", "ccomp", "attr", "acomp")), None)
        else:
            verbs = [t for t in token.subtree if t.pos_ == "VERB" and event_of_verb(t.lemma_.lower())]
            if len(verbs) > 1:  # a clause the parser hung on its subject ("a company that makes engines
                return verbs[-1], event_of_verb(verbs[-1].lemma_.lower())  # is trying to hire…")
            nxt = next((c for c in token.children if c.dep_ in ("acl", "relcl")), None)
        if nxt is None:
            return token, None
        token = nxt
    return token, None


def _span_of(doc: Doc, token: Token) -> Span:
    return Span.of(doc.text, token.idx, token.idx + len(token.text))
