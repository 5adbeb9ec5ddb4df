"""What an English attribution claims: its act, the proposition, its polarity, and the stance.

Polarity and stance are kept apart and composed: polarity says whether the words said are negated
("had **not** supplied weapons"); stance says whether the speaker asserts or denies the positive
proposition. A denial cue over a positive content denies it ("denied supplying weapons"); a plain
cue over a negated statement of fact denies it too ("said Iran had not supplied weapons"); a denial
of a negated statement asserts ("denied that it had not paid"). "Called the allegations politically
motivated" denies *the allegations*, with "politically motivated" as its own characterisation.

Acts that are not claims: questions, requests ("asked applicants to speak Farsi"), fragments (a
content without a predicate, "the image"), boilerplate (reference lists, "This note lists…"). A
refusal to comment is recorded as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from watchfloor.extract.attribution.cues import (
    ALLEGATION_NOUNS,
    DENIAL_VERBS,
    DISMISSIVE_WORDS,
    NAMING_VERBS,
    REPORT_NOUNS,
)
from watchfloor.extract.attribution.patterns import DEPICTING_VERBS, char_range, noun_core, subtree_range
from watchfloor.model import Attribution
from watchfloor.model.claims import Act, Polarity

#: Verbs that name what something is ("called the allegations politically motivated").
CHARACTERISING_VERBS = frozenset(
    "call describe label brand term dub characterize characterise dismiss "
    "denounce condemn portray deem".split()
)
_MODALS = frozenset({"will", "would", "can", "could", "should", "may", "might", "must", "shall"})
#: Verbs whose negation says what someone did not know, say or see, not that a claim is false ("he did
#: not know what the engines were for", "none of them was aware", "it could not verify").
NOT_DENIALS = frozenset(
    "know say tell mention name identify disclose reveal specify explain confirm verify "
    "comment respond answer see notice receive hear aware sure ask want publish "
    "recall remember".split()
)
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NEGATIVE_WORDS = frozenset({"never", "nobody", "nothing", "none", "neither", "nor"})
_SUBJECTS_OBJECTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "pobj"})
#: Sources that describe the document itself ("This note lists…"): not a claim about the world.
SELF_REFERENCE = re.compile(
    r"^(?:this|the present)\s+(?:note|report|article|brief|briefing|paper|study|"
    r"document|timeline|analysis|piece|story|post)\b",
    re.IGNORECASE,
)
#: What a document does when it describes itself ("This note lists…", "this timeline draws on…"), as
#: against what it finds ("This report shows that…", a claim of its authors).
SELF_DESCRIBING_VERBS = frozenset(
    "list summarise summarize collect compile gather cover outline present draw review track "
    "contain include update describe set introduce focus examine look".split()
)
#: Headings that open a list of references, links or related stories.
_REFERENCE_HEADING = re.compile(
    r"^\s*(?:#+\s*)?(?:sources?|references?|bibliography|further reading|"
    r"notes?|related(?: news| stories| articles)?(?: & articles)?|latest news|"
    r"read more|see also)\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(slots=True)
class Meaning:
    act: Act
    polarity: Polarity
    stance: str
    proposition: tuple[int, int] | None = None
    characterisation: tuple[int, int] | None = None


def reference_sections(text: str) -> list[tuple[int, int]]:
    """Character ranges of reference lists and link blocks: from such a heading to a blank line
    followed by ordinary prose, or to the end."""
    sections: list[tuple[int, int]] = []
    for heading in _REFERENCE_HEADING.finditer(text):
        end = len(text)
        for paragraph in re.finditer(r"\n\s*\n(?=\S)", text[heading.end() :]):
            following = text[heading.end() + paragraph.end() :].split("\n", 1)[0]
            if len(following) > 200 and following.rstrip().endswith("."):
                end = heading.end() + paragraph.start()
                break
        sections.append((heading.start(), end))
    return sections


def token_at(doc: Doc, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens covering ``start:end``."""
    span: SpacySpan | None = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def read_meaning(doc: Doc, attribution: Attribution, in_reference_list: bool) -> Meaning:
    """The act, polarity, stance, proposition and characterisation of one attribution."""
    cue = token_at(doc, attribution.cue.start, attribution.cue.end)
    root = token_at(doc, attribution.content.start, attribution.content.end)
    if cue is None or root is None:
        return Meaning("fragment", "positive", attribution.stance)
    source = attribution.source.text if attribution.source else ""
    if in_reference_list or (
        SELF_REFERENCE.match(source) and cue.lemma_.lower() in SELF_DESCRIBING_VERBS
    ):
        return Meaning("boilerplate", "positive", attribution.stance)
    if attribution.content.text.rstrip(" ”\"'»’").endswith("?") or _indirect_question(root, attribution):
        return Meaning("question", "positive", attribution.stance)
    if _request(cue, root):
        return Meaning("request", "positive", attribution.stance)
    characterised = _characterisation(cue)
    if characterised is not None:
        target, characterisation, dismissive = characterised
        return Meaning(
            "statement", "positive", "denies" if dismissive else "asserts", target, characterisation
        )
    dismissed = _dismissed_reports(root)
    if dismissed is not None:  # "said the documents were fabricated", "said the reports are false"
        return Meaning("statement", "positive", "denies", *dismissed)
    denial_cue = cue.lemma_.lower() in DENIAL_VERBS
    proposition_root, proposition = _proposition(root, attribution)
    polarity: Polarity = "negative" if negated(proposition_root) else "positive"
    negated_statement = (
        polarity == "negative"
        and _statement_of_fact(proposition_root)
        and not _not_denial(proposition_root)
    )
    stance = "denies" if denial_cue != negated_statement else "asserts"
    if not denial_cue and not _has_predicate(doc, attribution, cue) and not _predicative(cue):
        return Meaning("fragment", polarity, stance, proposition)
    return Meaning("statement", polarity, stance, proposition)


_WH_WORDS = frozenset({"what", "whether", "if", "why", "how", "when", "where", "which", "who", "whom"})


#: Verbs that ask someone to do something ("ask applicants to speak Farsi", "urged Iran to stop").
REQUEST_VERBS = frozenset("ask urge call order request demand instruct invite encourage require".split())


def _request(cue: Token, root: Token) -> bool:
    """A request or call: a cue of asking whose content is what the addressee is to do ("to speak
    Farsi"), neither true nor false."""
    return (
        cue.lemma_.lower() in REQUEST_VERBS
        and root.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children)
    )


def _indirect_question(root: Token, attribution: Attribution) -> bool:
    """ "asked whether the ship…", "would not say what the crates contained": an open question, not a
    statement (the content opens with a wh-word or "whether")."""
    first = attribution.content.text.lstrip("“\"«'‘ ").split(" ", 1)[0].lower()
    return first in _WH_WORDS and not attribution.content.text.lstrip().startswith(("“", '"', "«"))


def negated(root: Token) -> bool:
    """Whether a clause's main predicate is negated ("not", "never", "no evidence", "nobody")."""
    for child in root.children:
        if child.dep_ == "neg" or child.lower_ in _NEGATIVE_WORDS:
            return True
        if child.dep_ in _SUBJECTS_OBJECTS and (
            child.lower_ in _NEGATIVE_WORDS
            or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)
        ):
            return True
    return (
        root.dep_ != "ROOT"
        and root.tag_ == "VBG"
        and any(c.dep_ == "neg" for c in root.head.children if c.i == root.i - 1)
    )


def _not_denial(root: Token) -> bool:
    """A negated knowing, saying or seeing ("did not know", "none of them was aware"): not a denial."""
    if root.lemma_.lower() in NOT_DENIALS:
        return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in NOT_DENIALS for c in root.children)


def _statement_of_fact(root: Token) -> bool:
    """A past, perfect or present statement of fact, not a prediction or intention ("would not")."""
    auxiliaries = {c.lower_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return not auxiliaries & _MODALS


def _proposition(root: Token, attribution: Attribution) -> tuple[Token, tuple[int, int] | None]:
    """What is asserted or denied: the clause of "reports that…", "accusations that…" when the content
    names the allegation, else the content itself (None)."""
    if root.lemma_.lower() in ALLEGATION_NOUNS or root.lower_ in ALLEGATION_NOUNS:
        clause = next(
            (
                c
                for c in root.rights
                if c.dep_ in ("acl", "ccomp", "relcl")
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ),
            None,
        )
        if clause is not None:
            mark = next(g for g in clause.children if g.dep_ == "mark")
            found = char_range(root.doc, mark.i + 1, clause.right_edge.i)
            if (
                found is not None
                and attribution.content.start <= found[0]
                and found[1] <= attribution.content.end
            ):
                return clause, found
    return root, None


def _characterisation(cue: Token) -> tuple[tuple[int, int], tuple[int, int], bool] | None:
    """(what is characterised, the characterisation, whether it dismisses) for "called X Y",
    "dismissed X as Y", "described X as Y"."""
    if cue.lemma_.lower() not in CHARACTERISING_VERBS:
        return None
    target = next(
        (c for c in cue.rights if c.dep_ in ("dobj", "nsubj") and c.pos_ in ("NOUN", "PROPN", "PRON")), None
    )
    if target is None:
        return None
    predicate: Token | None = None
    for child in (*cue.rights, *target.rights):
        if child.dep_ in ("oprd", "xcomp", "acomp", "ccomp", "amod", "acl") and child.i > target.i:
            predicate = child
            break
        if child.dep_ == "prep" and child.lower_ == "as":
            predicate = next((g for g in child.children if g.dep_ in ("pobj", "amod", "acomp")), None)
            break
    if predicate is None:
        return None
    core = noun_core(target)
    described = subtree_range(predicate)
    if core is None or described is None or described[0] < core[1] <= core[0]:
        return None
    core = (core[0], min(core[1], described[0]))
    words = {t.lower_ for t in predicate.subtree} | {t.lemma_.lower() for t in predicate.subtree}
    allegation = target.lemma_.lower() in ALLEGATION_NOUNS or target.lower_ in ALLEGATION_NOUNS
    if not allegation:
        return None  # "described itself as a maker of drones": the whole predication is the claim
    dismissive = bool(words & DISMISSIVE_WORDS) and (allegation or cue.lemma_.lower() == "dismiss")
    return core, described, dismissive


#: What a source can dismiss as false: allegations, reports and the evidence they rest on.
_DISMISSABLE = (
    ALLEGATION_NOUNS
    | REPORT_NOUNS
    | frozenset(
        "account accounts document documents record records video videos footage photo photos image images "
        "picture pictures testimony statement statements story stories article articles information".split()
    )
)


def _dismissed_reports(root: Token) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(what is dismissed, the dismissal) for a content that calls reports or evidence false:
    "the documents were fabricated by competitors", "the reports are baseless"."""
    predicate = (
        root
        if root.lemma_.lower() in DISMISSIVE_WORDS or root.lower_ in DISMISSIVE_WORDS
        else next(
            (
                c
                for c in root.children
                if c.dep_ in ("acomp", "attr", "oprd")
                and (c.lemma_.lower() in DISMISSIVE_WORDS or c.lower_ in DISMISSIVE_WORDS)
            ),
            None,
        )
    )
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if predicate is None or subject is None or subject.lemma_.lower() not in _DISMISSABLE:
        return None
    dismissed, dismissal = noun_core(subject), subtree_range(predicate)
    if dismissed is None or dismissal is None:
        return None
    return dismissed, dismissal


def _has_predicate(doc: Doc, attribution: Attribution, cue: Token) -> bool:
    """Whether the content states something: a clause (its head a verb, or a quotation with a verb),
    not a noun phrase ("the image", "Geran-2", "our archive of the listings")."""
    span = doc.char_span(attribution.content.start, attribution.content.end, alignment_mode="expand")
    if span is None:
        return False
    if span.root.pos_ in ("VERB", "AUX"):
        return True
    if span.text.lstrip("“\"«'‘ ").lower().startswith("that "):
        return True  # a complement clause, whatever the parser made its head
    if any(t.tag_ in _FINITE_TAGS and t.dep_ != "relcl" for t in span):
        return True  # a clause the parser misread ("the plant manufactures engines" as a noun)
    if cue.lemma_.lower() in DEPICTING_VERBS and any(t.tag_ == "VBG" for t in span):
        return True  # "the listings show a company seeking technicians"
    quoted = span.text.lstrip()[:1] in "“\"«'‘"
    return quoted and any(t.pos_ in ("VERB", "AUX") for t in span)


def _predicative(cue: Token) -> bool:
    """ "described itself as a maker of…": an object with its own predicate is a claim; a name given
    ("Russia calls them Geran-2") is not."""
    naming = cue.lemma_.lower() in NAMING_VERBS
    return any(
        (c.dep_ == "oprd" and not naming) or c.dep_ == "acomp" or (c.dep_ == "prep" and c.lower_ == "as")
        for c in cue.rights
    )
