"""Who a claim is from: the named speaker, the organisation they speak for, or the evidence it rests on.

A source phrase is read for, in order: evidence rather than a speaker ("Satellite images show…",
"according to the postings": the claim rests on that evidence); a name the attribution's resolver
linked (a pronoun, a role, a surname); a name inside the phrase ("Iran International, a London-based
broadcaster…" → Iran International); the document's own voice ("We assess…" outside a quotation is
the note's author); an unresolved pronoun or role, which is said, never guessed; else an unnamed
source ("officials"). A person's organisation named in the phrase is the speaker's affiliation.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.cues import REPORT_NOUNS
from watchfloor.extract.attribution.patterns import noun_core
from watchfloor.extract.claims.frames import DESCRIPTIONS, Mentions
from watchfloor.extract.claims.lexicon import EVIDENCE_KINDS, EVIDENCE_QUALIFIERS
from watchfloor.extract.claims.meaning import SELF_REFERENCE
from watchfloor.model import Attribution, EntityMention, Span

SPEAKER_LABELS = ("PERSON", "PER", "ORG", "GPE", "NORP")
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_DOCUMENT_VOICE = frozenset({"we", "us", "our"})
#: People who speak for themselves even when an organisation is named beside them ("a campaign worker
#: for the party", "a former employee of the firm").
INSIDERS = frozenset(
    "worker workers employee employees volunteer volunteers member members resident residents "
    "campaigner campaigners activist activists customer customers client clients".split()
)
#: Words of a source phrase saying the person speaks for the organisation named in it.
AFFILIATION_ROLES = frozenset(
    "spokesperson spokesman spokeswoman spokespeople official officials minister "
    "ministry director chief head executive manager president chairman chairwoman "
    "secretary representative envoy ambassador adviser advisor analyst expert "
    "researcher researchers employee engineer officer commander lawyer "
    "press foreign".split()
)
_DETERMINERS = frozenset({"the", "this", "that", "its", "his", "her", "their"})
_PERSONAL_PRONOUNS = frozenset(
    {
        "he",
        "she",
        "it",
        "they",
        "him",
        "her",
        "them",
        "i",
        "you",
        "who",
        "which",
        "this",
        "that",
        "these",
        "those",
    }
)


def evidence_kind(words: list[str], head: str) -> str | None:
    """The kind of evidence a source phrase names ("satellite images" → satellite imagery), if any."""
    kind = EVIDENCE_KINDS.get(head)
    if kind is None:
        return None
    narrower = EVIDENCE_QUALIFIERS.get(kind, {})
    return next((narrower[word] for word in words if word in narrower), kind)


def link_speaker(
    doc: Doc, attribution: Attribution, mentions: Mentions, publisher: str | None = None
) -> None:
    """Fill the attribution's speaker, speaker status, affiliation and evidence basis; ``publisher``
    is who put the text out ("the ministry" in a ministry's statement is its publisher)."""
    source = attribution.source
    if source is None:
        attribution.speaker_status = "unnamed"
        return
    tokens = doc.char_span(source.start, source.end, alignment_mode="expand")
    if tokens is None or not any(
        (t.pos_ in ("NOUN", "PROPN", "PRON") or t.is_title) and t.ent_type_ not in _NOT_NAMES for t in tokens
    ):
        attribution.source = None  # "18 August 2023": a date the parser took for a subject
        attribution.speaker = None
        attribution.speaker_status = "unnamed"
        return
    head = tokens.root
    basis = evidence_kind([t.lower_ for t in tokens], head.lemma_.lower()) or evidence_kind(
        [t.lower_ for t in tokens], head.lower_
    )
    named_head = head.pos_ == "PROPN" and sum(t.pos_ == "PROPN" for t in tokens) > 1
    if any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in head.children):
        attribution.speaker_status = "document"  # "our water samples show…": the publisher's own finding
        return
    if basis is not None and head.ent_type_ != "PERSON" and not named_head:
        attribution.basis = basis
        attribution.speaker = None
        attribution.speaker_status = "unnamed"
        return
    named = [m for m in mentions.inside(source.start, source.end) if m.label in SPEAKER_LABELS]
    if attribution.speaker is not None and head.pos_ == "NOUN" and _anaphoric(head):
        attribution.speaker = None  # "the company": the name that carries the noun, not the last one
    if attribution.speaker is not None:
        attribution.speaker_status = "resolved"
    else:
        choice = _speaker_mention(named, head)
        if choice is not None:
            attribution.speaker = choice.span
            attribution.speaker_status = "named"
        elif head.lower_ in _DOCUMENT_VOICE or SELF_REFERENCE.match(source.text):
            attribution.speaker_status = "document"
        elif head.pos_ == "PROPN":  # a name the NER did not tag ("Airwars")
            core = noun_core(head)
            attribution.speaker = Span.of(doc.text, *core) if core else None
            attribution.speaker_status = "named"
        elif head.lemma_.lower() in REPORT_NOUNS and _author(doc, named, head) is not None:
            attribution.speaker = _author(doc, named, head)  # "a report by Conflict Watch"
            attribution.speaker_status = "named"
        elif head.pos_ == "PRON" and (referred := _evidence_before(doc, head)) is not None:
            attribution.basis = referred  # "The files run to… They appear to show that…"
            attribution.speaker_status = "unnamed"
            return
        elif _anaphoric(head):
            described = _described(mentions, head)
            attribution.speaker = described.span if described else None
            attribution.speaker_status = "resolved" if described else "unresolved"
            if described is None and publisher and head.lower_ in publisher.lower():
                attribution.speaker_status = "document"  # "the ministry" in the ministry's statement
        else:
            attribution.speaker_status = "unnamed"
    if attribution.speaker is None:
        if head.lemma_.lower() not in INSIDERS:  # a worker or volunteer speaks for themself
            attribution.affiliation = _qualifier(doc, named, head, mentions)
    else:
        attribution.affiliation = _affiliation(doc, named, attribution, mentions)


def _speaker_mention(named: list[EntityMention], head: Token) -> EntityMention | None:
    """The name a source phrase puts forward: the one at its head, or set beside it ("the company's
    spokesman, Kamran Yazdi"); a name in a relative clause or a prepositional phrase ("a woman who
    campaigned for the Civic Renewal Party") is not the speaker."""
    at_head = next((m for m in named if m.span.start <= head.idx < m.span.end), None)
    if at_head is not None:
        return at_head
    beside = [
        c
        for c in head.children
        if c.dep_ in (("appos", "compound", "flat") if head.pos_ == "PROPN" else ("appos",))
    ]
    return next((m for m in named for c in beside if m.span.start <= c.idx < m.span.end), None)


def _author(doc: Doc, named: list[EntityMention], head: Token) -> Span | None:
    """Who wrote a report a source phrase names ("a report by Conflict Watch", "Tracefold's study")."""
    for child in head.children:
        candidates = [child] if child.dep_ in ("poss", "compound") else []
        if child.dep_ == "prep" and child.lower_ in ("by", "of", "from"):
            candidates = [g for g in child.children if g.dep_ == "pobj"]
        for candidate in candidates:
            mention = next((m for m in named if m.span.start <= candidate.idx < m.span.end), None)
            if mention is not None:
                return mention.span
            if candidate.pos_ == "PROPN":
                core = noun_core(candidate)
                return Span.of(doc.text, *core) if core else None
    return None


def _qualifier(doc: Doc, named: list[EntityMention], head: Token, mentions: Mentions) -> Span | None:
    """The organisation or country qualifying an unnamed source ("US officials", "Osh police",
    "Open Vote Monitor's observers", "officials of the ministry", "a company spokesman" for the
    company named before): who they speak for (a name the NER did not tag counts too)."""
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")]
    modifiers += [
        g
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "at", "from")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    for labels in (("ORG",), ("GPE", "NORP")):
        found = next(
            (m for m in named for c in modifiers if m.label in labels and m.span.start <= c.idx < m.span.end),
            None,
        )
        if found is not None:
            return found.span
    for kind in (c for c in modifiers if c.dep_ == "compound" and c.lemma_.lower() in DESCRIPTIONS):
        described = _described(mentions, kind)
        if described is not None:
            return described.span
    proper = next((c for c in modifiers if c.pos_ == "PROPN" and c.ent_type_ not in _NOT_NAMES), None)
    core = noun_core(proper) if proper is not None else None
    return Span.of(doc.text, *core) if core else None


def _described(mentions: Mentions, head: Token) -> EntityMention | None:
    """What "the company", "the ministry" or "the group" stands for: the last name before it that
    carries the noun or its kin (``frames.DESCRIPTIONS``); None rather than a guess."""
    if head.pos_ != "NOUN":
        return None
    labels = DESCRIPTIONS.get(head.lemma_.lower(), frozenset({"ORG"}))
    return (
        _apposed(mentions, head)
        or mentions.described(head.idx, labels & frozenset(SPEAKER_LABELS), head.lemma_.lower())
        or _by_stem(mentions, head)
    )


def _apposed(mentions: Mentions, head: Token) -> EntityMention | None:
    """The name an earlier apposition described with the same noun: "Sentinel Trade Research, a
    London-based group…" and later "the group"."""
    for token in reversed(head.doc[max(0, head.i - 400) : head.i]):
        if token.dep_ == "appos" and token.lemma_.lower() == head.lemma_.lower():
            named = mentions.covering(token.head.idx, token.head.idx + len(token.head.text))
            if named is not None and named.label in SPEAKER_LABELS:
                return named
    return None


def _by_stem(mentions: Mentions, head: Token) -> EntityMention | None:
    """ "The researchers" for the organisation just named with that word ("Sentinel Trade Research")."""
    stem = head.lemma_.lower().removesuffix("er")
    if len(stem) < 6:
        return None
    return next(
        (
            m
            for m in mentions.earlier(head.idx)
            if m.label == "ORG" and any(w.startswith(stem) for w in m.span.text.lower().split())
        ),
        None,
    )


def _evidence_before(doc: Doc, pronoun: Token) -> str | None:
    """The evidence a plural or neuter pronoun refers back to: the subject of the sentence before,
    when that subject is evidence ("The files run to several hundred pages. They appear to show…")."""
    if pronoun.lower_ not in ("they", "it", "these", "this"):
        return None
    sentence = pronoun.sent
    if sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root), None)
    if subject is None:
        return None
    words = [t.lower_ for t in subject.subtree]
    return evidence_kind(words, subject.lemma_.lower()) or evidence_kind(words, subject.lower_)


def _anaphoric(head: Token) -> bool:
    """A pronoun, or a definite role ("the spokesperson"), that stands for someone named elsewhere."""
    if head.pos_ == "PRON":
        return head.lower_ in _PERSONAL_PRONOUNS
    determiner = next((c.lower_ for c in head.children if c.dep_ in ("det", "poss")), None)
    return (
        determiner in _DETERMINERS
        and head.pos_ == "NOUN"
        and not any(c.dep_ in ("prep", "acl", "relcl", "compound", "amod") for c in head.children)
    )


def _affiliation(
    doc: Doc, named: list[EntityMention], attribution: Attribution, mentions: Mentions
) -> Span | None:
    """The organisation (else the country) named beside a person speaking for it."""
    speaker, source = attribution.speaker, attribution.source
    if speaker is None or source is None:
        return None
    others = [m for m in named if not m.span.overlaps(speaker)]
    speaker_is_person = any(m.span.overlaps(speaker) and m.label in ("PERSON", "PER") for m in named) or (
        not any(m.span.overlaps(speaker) for m in named)
    )
    roles = set(re.findall(r"[^\W\d_]+", source.text.lower())) & AFFILIATION_ROLES
    if not speaker_is_person or not roles:
        return None  # "Krylov, whose agency placed engineers with ZTW" speaks for himself
    for labels in (("ORG",), ("GPE", "NORP")):
        found = next((m for m in others if m.label in labels), None)
        if found is not None:
            return found.span
    words = doc.char_span(source.start, source.end, alignment_mode="expand")
    role = next((t for t in words or [] if t.lower_ in AFFILIATION_ROLES), None)
    if role is None:
        return None
    described = next((c for c in role.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
    if described is not None:  # "the company's managing director"
        found = _described(mentions, described)
        if found is not None:
            return found.span
    return _qualifier(doc, named, role, mentions)  # "a spokesperson for Astervo Shipping"
