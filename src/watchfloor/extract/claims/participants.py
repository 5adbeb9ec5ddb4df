"""Participants of a claim frame: who acts, on whom and what, where, read around the event token from
its subject (or passive agent), objects and prepositional phrases, each with the named mention it
stands for (a name, a pronoun's antecedent, a description's, "we" in a statement → its speaker).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.tree import char_range, noun_core, subject_of
from watchfloor.extract.claims.mentions import DESCRIPTION_GROUPS, DESCRIPTIONS, Mentions
from watchfloor.model import Attribution, EntityMention, Frame, Participant, Span

_PREPOSITION_ROLES = {
    "to": "recipient",
    "for": "recipient",
    "from": "source",
    "with": "partner",
    "against": "patient",
    "in": "location",
    "at": "location",
    "near": "location",
    "inside": "location",
    "outside": "location",
    "into": "location",
    "across": "location",
    "via": "location",
    "through": "location",
    "beside": "location",
    "on": "location",
    "onto": "location",
    "off": "location",
    "around": "location",
}
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_NOT_PARTIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Longest participant phrase kept whole; longer ones are cut to the head and its modifiers.
MAX_PHRASE_CHARS = 60
_PARTY_LABELS = frozenset({"PERSON", "PER", "ORG", "NORP", "GPE"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Verbs whose object is the one who receives ("armed Russia", "supplied the army").
RECIPIENT_OBJECT_VERBS = frozenset("arm equip supply provide furnish pay fund finance bribe".split())
#: Nouns that stand for the named entity they carry ("a Kestrel Line vessel", "the Orlen plant").
CARRIER_NOUNS = frozenset(
    "vessel ship ships tanker freighter carrier plane aircraft truck trucks convoy subsidiary "
    "unit division branch office plant factory facility site works yard warehouse "
    "terminal port depot base complex zone spokesperson spokesman spokeswoman "
    "official officials executive executives".split()
)
_THING_PRONOUNS = frozenset({"it", "its"})  # "they"/"them" are as often goods or people: unresolved
_FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
_MODIFIERS = frozenset({"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod"})


def _phrase(token: Token) -> tuple[int, int] | None:
    """A participant's words: its noun phrase, or when that runs long, the head and its modifiers."""
    core = noun_core(token)
    if core is None or core[1] - core[0] <= MAX_PHRASE_CHARS:
        return core
    first = min([token.i, *(c.left_edge.i for c in token.lefts if c.dep_ in _MODIFIERS)])
    last = max([token.i, *(c.i for c in token.rights if c.dep_ in ("compound", "flat"))])
    return char_range(token.doc, first, last)


def _operator(noun: Token) -> Token | None:
    """Who runs a vessel or a site named by a description ("a ship operated by Kestrel Line")."""
    for child in noun.rights:
        if child.dep_ == "acl" and child.lemma_.lower() in _OPERATING_VERBS:
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    return None


_OPERATING_VERBS = frozenset("operate own run charter manage lease control belong".split())
_PERSON_WORDS = frozenset(
    "he she spokesperson spokesman spokeswoman minister official director executive "
    "analyst expert researcher president ambassador".split()
)



class ParticipantReader:
    """Reads participants around one event token."""

    def __init__(
        self, doc: Doc, mentions: Mentions, claimed: Span, attribution: Attribution, speaker_acts: bool
    ) -> None:
        self.doc = doc
        self.mentions = mentions
        self.claimed = claimed
        self.speaker = attribution.speaker
        self.affiliation = attribution.affiliation
        #: who acts when the proposition has no subject of its own ("denied providing weapons")
        self.acting = (attribution.affiliation or attribution.speaker) if speaker_acts else None
        self.source = attribution.source
        named = (
            mentions.covering(*(attribution.speaker.start, attribution.speaker.end))
            if attribution.speaker
            else None
        )
        head = (attribution.source.text.split() or [""])[-1].lower() if attribution.source else ""
        self.person_source = (named is not None and named.label in ("PERSON", "PER")) or head in _PERSON_WORDS

    def roles(self, frame: Frame, event: Token) -> None:
        """Participants of a verb event, or of a noun event and the verb governing it ("Albatross
        commenced production at the site": Albatross and the site take part in the production)."""
        verb = event
        if event.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in event.children if c.dep_ == "poss"), None)
            if owner is not None:
                self.add(frame, "agent", owner)  # "Kestrel's shipment"
            for child in event.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        self._patient(frame, pobj, with_object=False)  # "a supplier of parts"
                elif child.dep_ == "prep" and child.lower_ == "by":
                    pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                    if pobj is not None:
                        self.add(frame, "agent", pobj)  # "a shipment by Kestrel Line"
                elif child.dep_ == "prep":
                    self._preposition(frame, child)
            if event.dep_ not in ("dobj", "attr") or event.head.pos_ not in ("VERB", "AUX"):
                return
            verb = event.head
        self._verb_roles(frame, verb, event)

    def _verb_roles(self, frame: Frame, verb: Token, event: Token) -> None:
        subject = subject_of(verb)
        if subject is not None and subject.dep_ == "nsubjpass":
            self.add(frame, "patient", subject)
            subject = next(
                (g for c in verb.rights if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None
            )
        if subject is not None:
            self.add(frame, "agent", subject)
        elif self.acting is not None and not frame.role("agent"):
            frame.participants.append(Participant("agent", self.acting))
        with_object = any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.rights)
        for child in (*verb.lefts, *verb.rights):
            if child.i == event.i:
                continue
            if child.dep_ in ("dobj", "attr") and child.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
                self._patient(frame, child, with_object)
            elif child.dep_ in ("dative", "iobj"):
                self.add(frame, "recipient", child)
            elif child.dep_ == "prep":
                self._preposition(frame, child)

    def _patient(self, frame: Frame, noun: Token, with_object: bool) -> None:
        """An object: the recipient in "provided Russia with weapons", else what the event acts on;
        where it comes from and goes to may hang on the object ("40 crates from Iran")."""
        party = self._label(noun) in _PARTY_LABELS
        receives = with_object or noun.head.lemma_.lower() in RECIPIENT_OBJECT_VERBS
        role = "recipient" if receives and party and frame.event in ("transfer", "pay") else "patient"
        self.add(frame, role, noun)
        if role == "patient" and not party:
            self._object(frame, noun)
            for child in noun.rights:
                if child.dep_ == "prep" and child.lower_ in ("from", "to", "for"):
                    self._preposition(frame, child)

    def _preposition(self, frame: Frame, prep: Token) -> None:
        role = _PREPOSITION_ROLES.get(prep.lower_)
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if role is None or pobj is None:
            return
        if (
            role == "partner"
            and frame.event in ("transfer", "pay")
            and self._label(pobj) not in _PARTY_LABELS
        ):
            self._object(frame, pobj)  # "provided Russia with materials"
            return
        if role == "recipient" and (
            self._label(pobj) in _PLACE_LABELS - {"GPE"} or pobj.lemma_.lower() in DESCRIPTION_GROUPS[0]
        ):
            role = "location"  # "shipped to the plant": a destination
        self.add(frame, role, pobj)

    def _object(self, frame: Frame, noun: Token) -> None:
        if frame.object is None:
            core = noun_core(noun)
            if core is not None:
                frame.object = Span.of(self.doc.text, *core)
        if frame.quantity is None:
            amount = next((c for c in noun.children if c.dep_ in ("nummod", "quantmod")), None)
            if amount is None and noun.lemma_.lower() in ("hundred", "thousand", "dozen", "million"):
                amount = noun
            if amount is not None:
                frame.quantity = Span.of(self.doc.text, amount.left_edge.idx, amount.idx + len(amount.text))

    def _label(self, token: Token) -> str | None:
        mention = self.mentions.covering(token.idx, token.idx + len(token.text))
        if mention is not None:
            return mention.label
        referred = self._refers_to(token)
        return referred.label if isinstance(referred, EntityMention) else None

    def add(self, frame: Frame, role: str, token: Token) -> None:
        if token.ent_type_ in _NOT_PARTIES:
            return  # "in January", "for two years": a time, not a participant
        core = _phrase(token)
        if core is None:
            return
        span = Span.of(self.doc.text, *core)
        if any(p.span.overlaps(span) for p in frame.participants):
            return
        referred = self._refers_to(token)
        refers_to = referred.span if isinstance(referred, EntityMention) else referred
        label = referred.label if isinstance(referred, EntityMention) else self._label(token)
        if refers_to is not None and refers_to.start == span.start and refers_to.end == span.end:
            refers_to = None
        frame.participants.append(Participant(role, span, refers_to, label))

    def _refers_to(self, token: Token) -> EntityMention | Span | None:
        """The named mention a participant's words stand for (None when they name nothing)."""
        mention = self.mentions.covering(token.idx, token.idx + len(token.text))
        if mention is not None:
            return mention
        for child in token.lefts:  # "a Kestrel Line vessel", "the Varna plant": the name it carries
            if child.dep_ in ("compound", "poss", "nmod") and child.ent_type_ not in ("NORP", *_NOT_PARTIES):
                named = self.mentions.covering(child.idx, child.idx + len(child.text))
                if named is not None and token.lemma_.lower() in CARRIER_NOUNS:
                    return named
        operator = _operator(token)  # "a ship operated by Kestrel Line"
        if operator is not None and token.lemma_.lower() in CARRIER_NOUNS:
            named = self.mentions.covering(operator.idx, operator.idx + len(operator.text))
            if named is not None:
                return named
        word = token.lower_
        if word in _FIRST_PERSON:
            return (self.affiliation or self.speaker) if word in ("we", "us", "our") else self.speaker
        subject = token.dep_ in ("nsubj", "nsubjpass") and self.source is not None
        # "The company said it had never…", "Kanaani said he…": the subject is the speaker
        if subject and word == "it" and not self.person_source:
            return self.affiliation or self.speaker or self.source
        if subject and word in ("he", "she") and self.person_source:
            return self.speaker or self.source
        if word in _PERSON_PRONOUNS:
            return self.mentions.before(token.idx, frozenset({"PERSON", "PER"}))
        if word in _THING_PRONOUNS:
            return self.mentions.before(token.idx, frozenset({"ORG", "GPE"}))
        determiner = next((c.lower_ for c in token.children if c.dep_ in ("det", "poss")), None)
        labels = DESCRIPTIONS.get(token.lemma_.lower())
        if labels is not None and determiner in ("the", "this", "that", "its", "these"):
            return self.mentions.described(token.idx, labels, token.lemma_.lower())
        return None

    def others(self, frame: Frame) -> None:
        """Every entity named in the proposition takes part, in its parsed role or as "other"."""
        taken = [p.span for p in frame.participants]
        for mention in self.mentions.inside(self.claimed.start, self.claimed.end):
            if mention.label in ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
                continue
            if not any(t.overlaps(mention.span) for t in taken):
                role = "location" if mention.label in _PLACE_LABELS else "other"
                frame.participants.append(Participant(role, mention.span, label=mention.label))
                taken.append(mention.span)
