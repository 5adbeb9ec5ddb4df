"""``attribution.en``: who says what in English text, citing whom, asserting or denying, how hedged.

Reads the spaCy parse the ``parse.spacy`` component left in ``analysis.extras["spacy_doc"]`` (no
second spaCy pass) and the entity mentions; fills ``analysis.attributions``. See docs/attribution.md.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.cues import PRONOUNS, REPORT_NOUNS, ROLE_NOUNS, SPEECH_VERBS
from watchfloor.extract.attribution.hedge import hedge_of
from watchfloor.extract.attribution.patterns import CharRange, Extractor, Found, char_range, noun_core
from watchfloor.extract.attribution.quotes import QuoteIndex
from watchfloor.extract.attribution.stance import stance_of
from watchfloor.extract.attribution.via import link_discourse
from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis, Attribution, Span

#: How many earlier names a bare surname is compared with.
NAME_LOOKBACK = 200
#: Entity labels that can name a speaker.
SPEAKER_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "NORP"})
#: Characters within which "it" or "they" may stand for the organisation last named.
PRONOUN_REACH = 400
#: Role nouns that stand for an organisation, and those that stand for a person.
ORGANISATION_ROLES = frozenset(
    "company firm group organization organisation ministry government agency".split())
PERSON_ROLES = frozenset(
    "spokesperson spokesman spokeswoman minister president secretary director chief ambassador envoy "
    "commander general leader chairman chairwoman governor mayor senator adviser advisor aide expert "
    "analyst researcher professor author".split())


class EnglishAttribution(Component):
    name = "attribution.en"
    version = "4"
    requires = ("extras.spacy_doc", "entities")
    assigns = ("attributions",)
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.extras.get("spacy_doc")
        if not isinstance(doc, Doc) or doc.text != analysis.text:
            raise ValueError("attribution.en needs a spaCy Doc over the analysis text in extras['spacy_doc']")
        analysis.attributions = extract(analysis, doc, self.provenance)


def extract(analysis: Analysis, doc: Doc, provenance: str) -> list[Attribution]:
    """All attributions of one parsed text, in text order."""
    found = Extractor(doc, QuoteIndex.of(analysis.text)).run()
    found = _drop_nested_duplicates(found)
    found = _drop_nested_in_content(found)
    sentence_starts = [s.start_char for s in doc.sents]
    paragraph_starts = [0, *(t.idx for t in doc if t.is_space and "\n" in t.text)]
    sentence_of = [bisect_right(sentence_starts, f.cue[0]) - 1 for f in found]
    paragraph_of = [bisect_right(paragraph_starts, f.cue[0]) for f in found]
    link_discourse(found, sentence_of, paragraph_of)
    names = _names(analysis, doc)
    resolver = SpeakerResolver(analysis.text, names)
    attributions: list[Attribution] = []
    for item in found:
        source = analysis.span(*item.source) if item.source else None
        sentence = _sentence_hull(sentence_starts, analysis.text, item)
        attributions.append(Attribution(
            cue=analysis.span(*item.cue),
            content=analysis.span(*item.content),
            component=provenance,
            source=source,
            stance=stance_of(item.cue_token, item.content_root),
            hedge=hedge_of(item.cue_token, item.content_root),
            via=[analysis.span(*v) for v in item.via],
            speaker=resolver.speaker(item),
            sentence=sentence,
        ))
    return attributions


def _drop_nested_duplicates(found: list[Found]) -> list[Found]:
    """One attribution per cue: the first pattern that claimed overlapping cue characters wins."""
    kept: list[Found] = []
    last_end = -1
    for item in sorted(found, key=lambda f: f.cue):
        if item.cue[0] >= last_end:
            kept.append(item)
            last_end = item.cue[1]
    return kept


def _drop_nested_in_content(found: list[Found]) -> list[Found]:
    """Attributions are univocal: a cue inside another attribution's content is part of that content.

    "Cruz said Trump had attacked Romney": only "said". The widest contents are kept first.
    """
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: f.content[0] - f.content[1]):
        if not any(_embedded(item, k) for k in kept):
            kept.append(item)
    asides = [item for item in kept if _aside(item)]
    for outer in kept:
        for aside in asides:
            if aside is not outer:
                _end_before(outer, aside)
    return sorted(kept, key=lambda f: f.cue)


def _end_before(outer: Found, aside: Found) -> None:
    """Cut an aside that closes the outer content off it ("said X won, adding that…" → "X won")."""
    token = aside.cue_token
    doc = token.doc
    start, end = doc[token.left_edge.i].idx, doc[token.right_edge.i].idx + len(doc[token.right_edge.i])
    if not (outer.content[0] < start and outer.content[1] <= end and start < outer.content[1]):
        return
    first = doc.char_span(outer.content[0], outer.content[1], alignment_mode="expand")
    shrunk = char_range(doc, first.start, token.left_edge.i - 1) if first is not None else None
    if shrunk is not None:
        outer.content = shrunk


def _embedded(inner: Found, outer: Found) -> bool:
    """Whether the inner cue lies in the outer content, wherever the parser attached it.

    A cue that is the content's own root, or sits in a headline after a colon, counts too.

    Asides are statements of their own even there: a speech participle ("…, saying…", "asked whether…"),
    a relative clause after a comma ("…, who has called him a phony") and "…, according to X".
    """
    return outer.content[0] <= inner.cue[0] and inner.cue[1] <= outer.content[1] and not _aside(inner)


def _aside(item: Found) -> bool:
    """A speech participle, a speech verb's relative clause after a comma, or "…, according to X"
    (see :func:`_embedded`)."""
    token = item.cue_token
    doc = token.doc
    if item.kind == "according":
        return token.i > 0 and doc[token.i - 1].text == ","
    if item.kind != "verb" or token.lemma_.lower() not in SPEECH_VERBS:
        return False  # "…, hoping to win": a stance inside the statement, part of its content
    after_comma = token.left_edge.i > 0 and doc[token.left_edge.i - 1].text in (",", "—", "--", "–")
    if token.dep_ == "advcl":
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        return (token.tag_ in ("VBG", "VBN") and not own_subject) or after_comma
    return token.dep_ == "relcl" and after_comma


def _relative_antecedent(head: Token) -> Token | None:
    """The noun a relative pronoun stands for ("Albatross, which makes…" → Albatross)."""
    if head.lower_ in ("who", "which", "that") and head.head.dep_ == "relcl":
        return head.head.head
    return None


def _sentence_hull(starts: list[int], text: str, item: Found) -> Span:
    first = min(item.cue[0], item.content[0])
    last = max(item.cue[1], item.content[1])
    index = bisect_right(starts, first) - 1
    start = starts[max(index, 0)]
    following = bisect_right(starts, last - 1)
    end = starts[following] if following < len(starts) else len(text)
    while end > last and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, max(end, last))


def _names(analysis: Analysis, doc: Doc) -> list[tuple[int, int, str]]:
    """Named entities that can be speakers, as (start, end, label), sorted."""
    names = {(m.span.start, m.span.end, m.label) for m in analysis.entities if m.label in SPEAKER_LABELS}
    if not names:
        names = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in SPEAKER_LABELS}
    return sorted(names)


class SpeakerResolver:
    """Links pronoun and role sources to the named speaker they stand for, in reading order."""

    def __init__(self, text: str, names: list[tuple[int, int, str]]) -> None:
        self.text = text
        self.names = names
        self.starts = [n[0] for n in names]
        self.last_person: CharRange | None = None
        self.last_named: CharRange | None = None
        self.last_outlet: CharRange | None = None
        self.last_organisation: CharRange | None = None

    def _name_at(self, position: int) -> tuple[int, int, str] | None:
        index = bisect_right(self.starts, position) - 1
        if index >= 0 and self.names[index][0] <= position < self.names[index][1]:
            return self.names[index]
        return None

    def _full_name(self, name: tuple[int, int, str]) -> CharRange:
        """A bare surname ("Bendett") stands for the full name used before ("Samuel Bendett")."""
        surname = self.text[name[0]:name[1]]
        if name[2] in ("PERSON", "PER") and " " not in surname and self.last_person is not None:
            earlier = self.text[self.last_person[0]:self.last_person[1]]
            if earlier.endswith(" " + surname):
                return self.last_person
        index = bisect_right(self.starts, name[0]) - 2
        lowest = max(-1, index - NAME_LOOKBACK)
        while index > lowest and name[2] in ("PERSON", "PER") and " " not in surname:
            start, end, label = self.names[index]
            if label == name[2] and self.text[start:end].endswith(" " + surname):
                return start, end
            index -= 1
        return name[0], name[1]

    def speaker(self, item: Found) -> Span | None:
        """The named speaker behind the source, or None when the source is the name itself or when
        a pronoun or role has no antecedent the text names (the claim layer says so)."""
        if item.source is None:
            return None
        if item.outlet is not None:
            self.last_outlet = item.outlet
            return None if item.outlet == item.source else Span.of(self.text, *item.outlet)
        head = item.source_head
        if head is not None:
            antecedent = _relative_antecedent(head)
            for token in (antecedent or head, *(c for c in head.children if c.dep_ == "appos")):
                name = self._name_at(token.idx)
                if name is not None:
                    return self._remember(item, name)
        words = self.text[item.source[0]:item.source[1]].lower().split()
        if len(words) == 1 and words[0] in PRONOUNS:
            return self._pronoun(words[0], item.source[0])
        if words and words[-1] in ROLE_NOUNS and words[0] in ("the", "this", "that", "its", "his", "her"):
            document = head is not None and head.lemma_.lower() in REPORT_NOUNS
            if document:
                found = self.last_outlet or self.last_named
            elif words[-1] in ORGANISATION_ROLES:
                found = self.last_organisation
            else:
                found = self.last_person if words[-1] in PERSON_ROLES else self.last_named
            return Span.of(self.text, *found) if found else None
        if head is not None and head.pos_ == "PROPN" and self._name_at(head.idx) is None:
            earlier = self._earlier_full_name(head.text, head.idx)
            if earlier is not None:
                self.last_named = self.last_person = earlier
                return Span.of(self.text, *earlier)
            unlisted = noun_core(head)  # a name the NER did not tag ("Open Hull Monitor")
            if unlisted is not None:
                self.last_named = self.last_organisation = unlisted
        return None

    def _pronoun(self, word: str, position: int) -> Span | None:
        """he/she/I: the last named person; it/they: the last organisation or place named shortly
        before; we: left to the claim layer (the author, or the speaker's organisation in a quote)."""
        if word in ("he", "she", "i", "who"):
            found = self.last_person
        elif word in ("it", "which"):  # "they" is as often the postings or the residents: unresolved
            found = self.last_organisation
            if found is not None and position - found[1] > PRONOUN_REACH:
                found = None
        else:
            found = None
        return Span.of(self.text, *found) if found else None

    def _earlier_full_name(self, surname: str, position: int) -> CharRange | None:
        """A surname the NER did not tag ("Bendett … said"): the full name used before it."""
        index = bisect_right(self.starts, position) - 1
        lowest = max(-1, index - NAME_LOOKBACK)
        while index > lowest:
            start, end, label = self.names[index]
            full = self.text[start:end]
            if label in ("PERSON", "PER") and end <= position and full.endswith(" " + surname):
                return start, end
            index -= 1
        return None

    def _remember(self, item: Found, name: tuple[int, int, str]) -> Span | None:
        full = self._full_name(name)
        self.last_named = full
        if name[2] in ("PERSON", "PER"):
            self.last_person = full
        else:
            self.last_organisation = full
        return None if full == item.source else Span.of(self.text, *full)


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {EnglishAttribution.name: EnglishAttribution}
