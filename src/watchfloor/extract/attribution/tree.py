"""What every attribution pattern reads off the dependency tree: character ranges of phrases, a verb's
subject, whether a noun is personal, an outlet or a possible source; and :class:`Found`, one attribution
as character ranges.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.cues import (
    MEDIA_NOUNS,
    OUTLET_NAME_WORDS,
    PEOPLE_NOUNS,
    PEOPLE_PRONOUNS,
    REPORT_NOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
)

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Relations through which a verb without a subject inherits its governor's.
_INHERITING = frozenset({"conj", "xcomp", "advcl", "parataxis", "npadvmod"})
CharRange = tuple[int, int]
QUOTE_TEXTS = frozenset({"“", "”", '"', "``", "''", "«", "»", "‘", "’", "'"})


@dataclass(slots=True)
class Found:
    """One attribution as character ranges, with the tokens later stages look at."""

    kind: str  # verb, according, in, based, adverb, adjective, noun, colon, dash, headline
    cue: CharRange
    content: CharRange
    source: CharRange | None
    cue_token: Token
    content_root: Token | None
    via: list[CharRange] = field(default_factory=list)
    outlet: CharRange | None = None  # the outlet of "a report in X" (a source or a conduit)
    source_head: Token | None = None  # the source phrase's head word


def char_range(doc: Doc, first: int, last: int) -> CharRange | None:
    """Characters of tokens ``first..last`` trimmed of spaces and non-quote punctuation at both ends."""
    while first <= last and _trimmable(doc[first], leading=True):
        first += 1
    while last >= first and _trimmable(doc[last], leading=False):
        last -= 1
    if first > last:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _trimmable(token: Token, leading: bool) -> bool:
    """Spaces and punctuation other than quotation marks; a leading conjunction."""
    if token.is_space:
        return True
    if token.text in QUOTE_TEXTS:
        return False
    return token.is_punct or (leading and token.dep_ == "cc")


def subtree_range(token: Token) -> CharRange | None:
    return char_range(token.doc, token.left_edge.i, token.right_edge.i)


def subtree_without(head: Token, excluded: Token) -> CharRange | None:
    """The head's subtree minus the excluded subtree (the hull when the excluded part is inside)."""
    first, last = head.left_edge.i, head.right_edge.i
    while last > first and _trimmable(head.doc[last], leading=False):
        last -= 1
    while first < last and _trimmable(head.doc[first], leading=False):
        first += 1
    cut_first, cut_last = excluded.left_edge.i, excluded.right_edge.i
    if cut_first <= first:
        first = cut_last + 1
    elif cut_last >= last:
        last = cut_first - 1
    return char_range(head.doc, first, last)


def noun_core(token: Token) -> CharRange | None:
    """A noun phrase without its appositions and clauses ("Iran International", not "…, a website…")."""
    last = token.i
    for child in token.rights:
        if child.dep_ in ("compound", "flat", "case") or (child.dep_ == "prep" and child.lower_ == "of"):
            last = max(last, child.right_edge.i)
        else:
            break
    return char_range(token.doc, token.left_edge.i, last)


def phrase_without_participles(token: Token) -> CharRange | None:
    """A noun phrase up to its first participle clause ("Iran International, located in…" → the name)."""
    last = token.i
    for child in token.rights:
        if child.dep_ == "acl":
            break
        last = child.right_edge.i
    return char_range(token.doc, token.left_edge.i, last)


def merge_ranges(*ranges: CharRange | None) -> CharRange | None:
    present = [r for r in ranges if r is not None]
    if not present:
        return None
    return min(r[0] for r in present), max(r[1] for r in present)


def reporting_verb(verb: Token) -> Token | None:
    """For "X said Y did A and called B…" and "X said Y did A, adding…": the verb reporting the clause
    a conjoined or participial speech act sits in."""
    if verb.dep_ != "conj" and not (verb.dep_ == "advcl" and verb.tag_ == "VBG"):
        return None
    if any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    head = verb.head
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in SPEECH_VERBS and head.head.i < head.i:
        return head.head
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, inherited from the governing verb for conjuncts and participles."""
    current = reporting_verb(verb) or verb
    for _ in range(3):
        for child in current.lefts:
            if child.dep_ in SUBJECTS:
                return child
        for child in current.rights:
            if child.dep_ in SUBJECTS:
                return child
        if current.dep_ in _INHERITING and current.head is not current:
            current = current.head
        elif current.dep_ == "pcomp" and current.head.head is not current.head:
            current = current.head.head  # "…, by saying that…"
        elif current.dep_ == "acl" and _agentive(current.head):
            return current.head
        else:
            return None
    return None


def is_outlet(token: Token) -> bool:
    """Whether a noun names a news outlet or the press ("the Financial Times", "reporters")."""
    if token.lemma_.lower() in MEDIA_NOUNS or token.lower_ in MEDIA_NOUNS:
        return True
    if token.ent_type_ not in ("ORG", "WORK_OF_ART", "PRODUCT") and token.pos_ != "PROPN":
        return False
    words = [t.lower_ for t in token.subtree if t.i <= token.i and t.ent_type_ == token.ent_type_]
    return any(word in OUTLET_NAME_WORDS for word in words)


def is_personal(subject: Token | None) -> bool:
    """A named person, organisation or people, or a personal pronoun."""
    return subject is not None and (subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                    or subject.lower_ in PEOPLE_PRONOUNS
                                    or subject.lemma_.lower() in PEOPLE_NOUNS
                                    or (subject.pos_ == "PROPN" and not subject.ent_type_))


def is_that_clause(token: Token) -> bool:
    return token.dep_ in ("acl", "ccomp", "relcl") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in token.children)


def _agentive(noun: Token) -> bool:
    """Whether a noun can be a source: a person, organisation or place name, a role, people, a document."""
    return (noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ == "PRON"
            or noun.lemma_.lower() in ROLE_NOUNS or noun.lemma_.lower() in REPORT_NOUNS
            or noun.lemma_.lower() in PEOPLE_NOUNS)
