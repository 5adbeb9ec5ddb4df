"""Attribution patterns over a spaCy dependency parse: cue, source and content as token ranges.

One pass over the tokens; each cue candidate looks only at its own neighbourhood in the tree, using
the precomputed subtree edges (``left_edge``/``right_edge``), so the scan is linear in the text.
Patterns: cue verbs with a clause, quotation, object or prepositional content (content before or after
the cue); "according to X"; "based on research by X"; "reportedly"; nouns such as "his claim that…".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.cues import (
    ADDRESSEE_VERBS,
    APPEARANCE_VERBS,
    ASPECT_VERBS,
    ATTITUDE_ADJECTIVES,
    BELIEF_VERBS,
    CLAUSE_ONLY_VERBS,
    COGNITION_VERBS,
    FINITE_ONLY_VERBS,
    INTENTION_VERBS,
    LIGHT_VERBS,
    MEDIA_NOUNS,
    MEDIUM_NOUNS,
    NAMING_VERBS,
    NOT_SPEAKER_LABELS,
    NOUN_CUES,
    OBJECT_VERBS,
    OPINION_VERBS,
    OUTLET_NAME_WORDS,
    PEOPLE_NOUNS,
    PEOPLE_PRONOUNS,
    PERSONAL_ONLY_VERBS,
    PHRASAL_CUES,
    PREPOSITIONAL_CUES,
    REPORT_NOUNS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    STATEMENT_NOUNS,
    SURVEY_NOUNS,
    XCOMP_VERBS,
)
from watchfloor.extract.attribution.quotes import QuoteIndex

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | OBJECT_VERBS | frozenset(PREPOSITIONAL_CUES)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: Relations through which a verb without a subject inherits its governor's.
_INHERITING = frozenset({"conj", "xcomp", "advcl", "parataxis", "npadvmod"})
#: Passive cues whose grammatical subject is the content's subject, not the source ("is expected to").
RAISING_PASSIVES = frozenset({"expect", "believe", "think", "say", "report", "know", "rumor", "rumour",
                              "estimate", "understand", "consider", "project", "predict"})
CharRange = tuple[int, int]
#: Verbs never taken as cues by the generic that-clause rule.
_NOT_CUES = frozenset("be have do get go come become mean matter want help make".split())
#: Prepositions that introduce what a cue verb is about ("responded to the accusations").
_CONTENT_PREPOSITIONS = frozenset({"to", "about", "of", "on", "for", "against", "with", "at", "over"})
#: Words that stand in for an unstated content after a speech verb ("would not say when").
_OPEN_CONTENTS = frozenset({"so", "when", "whether", "why", "how", "where", "what", "which", "who", "if"})
#: Punctuation after which a cue verb precedes its subject ("…, said X", "…” said X"), or starts a
#: phrase of its own ("…,” she said").
_INVERSION_MARKS = frozenset({",", "—", "”", '"', "''"})
#: Finite forms of reporting verbs that may close a sentence after its content ("…, records show.").
TRAILING_CUE_FORMS = frozenset(
    "show shows showed say says said indicate indicates indicated suggest suggests suggested "
    "report reports reported confirm confirms confirmed reveal reveals revealed claim claims claimed".split()
)
#: Verbs of evidence that show someone doing something ("the footage shows a convoy leaving…").
DEPICTING_VERBS = frozenset({"show", "reveal", "depict", "capture", "record"})
#: Words that make the phrase before a trailing cue a clause of its own, not its source.
_CLAUSE_WORDS = frozenset({"which", "that", "who", "whom", "whose", "while", "although", "because", "if"})
_DASHES = frozenset({"-", "—", "–", "―"})
_QUOTE_TEXTS = frozenset({"“", "”", '"', "``", "''", "«", "»", "‘", "’", "'"})


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
    if token.text in _QUOTE_TEXTS:
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


def _merge(*ranges: CharRange | None) -> CharRange | None:
    present = [r for r in ranges if r is not None]
    if not present:
        return None
    return min(r[0] for r in present), max(r[1] for r in present)


def _reporting_verb(verb: Token) -> Token | None:
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
    current = _reporting_verb(verb) or verb
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


def _verb_base(word: str) -> str | None:
    """The cue-verb lemma of an inflected form ("endorses" → "endorse", "slammed" → "slam"), if any."""
    candidates = [word[: len(word) - len(suffix)] + replacement for suffix, replacement in
                  (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""))
                  if word.endswith(suffix)]
    if word.endswith("ed") and len(word) > 4 and word[-3] == word[-4]:
        candidates.append(word[:-3])  # "slammed"
    return next((base for base in candidates if base in SPEECH_VERBS or base in OBJECT_VERBS), None)


def _personal(subject: Token | None) -> bool:
    """A named person, organisation or people, or a personal pronoun."""
    return subject is not None and (subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                    or subject.lower_ in PEOPLE_PRONOUNS
                                    or subject.lemma_.lower() in PEOPLE_NOUNS
                                    or (subject.pos_ == "PROPN" and not subject.ent_type_))


def _is_that_clause(token: Token) -> bool:
    return token.dep_ in ("acl", "ccomp", "relcl") and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in token.children)


def _agentive(noun: Token) -> bool:
    """Whether a noun can be a source: a person, organisation or place name, a role, people, a document."""
    return (noun.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or noun.pos_ == "PRON"
            or noun.lemma_.lower() in ROLE_NOUNS or noun.lemma_.lower() in REPORT_NOUNS
            or noun.lemma_.lower() in PEOPLE_NOUNS)


class Extractor:
    """Finds attributions in one parsed document."""

    def __init__(self, doc: Doc, quotes: QuoteIndex) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
        self.quotes = quotes
        first_break = self.text.find("\n")
        self.headline_end = first_break if first_break >= 0 else 0  # the first line, if there are more

    def run(self) -> list[Found]:
        found: list[Found] = []
        for token in self.doc:
            item: Found | None = None
            if token.text == ":":
                item = self._headline_colon(token)
            elif token.text in ("―", "—", "–"):
                item = self._dash_signature(token)
            if item is not None:
                found.append(item)
                continue
            if self.quotes.inside(token.idx):
                continue  # attributions nested in a quotation belong to the quoted speaker's statement
            lemma = token.lemma_.lower()
            if lemma == "accord" and token.tag_ == "VBG":
                item = self._according(token)
            elif lemma == "base" and token.tag_ == "VBN":
                item = self._based_on(token)
            elif token.pos_ == "VERB":
                item = self._light_verb(token) if lemma in LIGHT_VERBS else None
                if item is None and self._is_cue_verb(token, lemma):
                    item = self._verb(token, lemma)
            elif token.lower_ == "in" and token.dep_ == "prep":
                item = self._in_document(token)
            elif token.lower_ == "reportedly":
                item = self._adverb(token)
            elif token.pos_ == "ADJ" and lemma in ATTITUDE_ADJECTIVES:
                item = self._adjective(token)
            elif token.pos_ == "NOUN":
                if token.tag_ == "NNS" and token.is_lower and token.idx < self.headline_end:
                    item = self._headline_verb(token)  # "Super PAC blasts Trump…": a verb read as a plural
                if item is None and lemma in NOUN_CUES:
                    item = self._noun(token)
            elif token.pos_ == "PROPN" and token.is_title and token.i > 0:
                item = self._headline_verb(token)
            if item is not None:
                found.append(item)
        self._split_conjoined(found)
        found.extend(self._trailing_cues({item.cue_token.sent.start for item in found}))
        return found

    def _trailing_cues(self, taken: set[int]) -> list[Found]:
        """ "…, leaked customs records reviewed by X show[, despite…].": a cue closing a clause after a
        comma and a noun phrase, which the parser misreads (the cue as a noun) when the phrase is long;
        only in sentences with no cue found (``taken``: the start tokens of their sentences)."""
        found: list[Found] = []
        for cue in self.doc:
            if cue.lower_ not in TRAILING_CUE_FORMS or not cue.is_lower or self.quotes.inside(cue.idx):
                continue
            sentence = cue.sent
            before = self.doc[cue.i - 1] if cue.i > 0 else None
            if sentence.start in taken or before is None or before.pos_ in ("DET", "ADJ", "NUM", "PART"):
                continue  # a sentence with a cue found already; "in a June report", "Trump's claim"
            after = self.doc[cue.i + 1] if cue.i + 1 < sentence.end else None
            if after is not None and after.text not in ".,;":
                continue
            comma = next((t for t in reversed(sentence[: cue.i - sentence.start]) if t.text == ","), None)
            if comma is None or not 1 <= cue.i - comma.i - 1 <= 10 or comma.i - sentence.start < 4:
                continue
            phrase = self.doc[comma.i + 1 : cue.i]
            if not any(t.pos_ in ("NOUN", "PROPN") for t in phrase) or any(
                t.lower_ in _CLAUSE_WORDS or t.tag_ in ("VBZ", "VBP", "MD") for t in phrase
            ):
                continue
            root = self.doc[sentence.start : comma.i].root
            dashes = [
                t.i
                for t in self.doc[sentence.start : root.i]
                if t.text in _DASHES and t.whitespace_ and t.i - sentence.start < 16
            ]
            first = max(dashes) + 1 if dashes else sentence.start  # after a dateline "BERLIN (Wire) -"
            content = char_range(self.doc, first, comma.i - 1)
            source = char_range(self.doc, comma.i + 1, cue.i - 1)
            cue_range = char_range(self.doc, cue.i, cue.i)
            if content is None or source is None or cue_range is None:
                continue
            found.append(Found("verb", cue_range, content, source, cue, root, source_head=phrase.root))
        return found

    def _split_conjoined(self, found: list[Found]) -> None:
        """"X said Y did A and called B": the report of Y ends before a conjoined speech act."""
        by_cue = {item.cue_token.i: item for item in found}
        for item in found:
            reporter = _reporting_verb(item.cue_token)
            outer = by_cue.get(reporter.i) if reporter is not None else None
            if outer is None or item.cue_token.lemma_.lower() not in SPEECH_VERBS:
                continue  # "said he was unsure but planned to comply": the plan is part of what was said
            conj = item.cue_token
            cc = next((c for c in conj.head.children if c.dep_ == "cc" and c.i < conj.i), None)
            cut = (cc.i if cc is not None else conj.left_edge.i) - 1
            start_token = self.doc.char_span(outer.content[0], outer.content[1], alignment_mode="expand")
            if start_token is not None and cut >= start_token.start:
                shrunk = char_range(self.doc, start_token.start, cut)
                if shrunk is not None:
                    outer.content = shrunk

    # cue verbs -----------------------------------------------------------------------------------
    def _verb(self, verb: Token, lemma: str) -> Found | None:
        if verb.tag_ == "VB" and lemma not in SPEECH_VERBS and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and not (
                verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ASPECT_VERBS):
            return None  # "to support its invasion": a purpose, but "went on to endorse"
        if lemma in FINITE_ONLY_VERBS and verb.tag_ in ("VB", "VBG") and not any(
                c.dep_ == "ccomp" or c.tag_ == "MD" or (c.dep_ == "aux" and c.lemma_ == "do")
                for c in verb.children):
            return None  # "supporting the bill", but "adding that…", "would vote for", "did not respond"
        if (verb.tag_ == "VB" and verb.dep_ == "acl") or verb.dep_ == "amod":
            return None  # "the right to say": a noun's infinitive; "pledged delegates": an adjective
        if lemma in NAMING_VERBS and verb.tag_ == "VBN" and (verb.dep_ == "acl" or (verb.i > 0 and self.doc[
                verb.i - 1].lower_ in ("so", "-", "so-"))):
            return None  # "a group called Future45", "so-called rebels": naming, not a statement
        if (verb.dep_ == "ccomp" and verb.head.i < verb.i and not self._after_comma(verb)
                and self._is_cue_verb(verb.head, verb.head.lemma_.lower())):
            return None  # reported inside another statement ("said Y had criticized Z")
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and self._is_cue_verb(
                verb.head, verb.head.lemma_.lower()):
            return None  # one statement: "declined to say", "vowed to deny"
        cue_last = verb.i
        medium_clause: list[Token] = []
        content_root: Token | None = None
        content: CharRange | None = None
        for child in verb.rights:
            if child.dep_ == "prt" and child.i == cue_last + 1:
                cue_last = child.i
            elif child.dep_ == "prep" and child.i <= cue_last + 2:
                medium = next((g for g in child.children if g.dep_ == "pobj"
                               and g.lemma_.lower() in MEDIUM_NOUNS), None)
                if medium is not None:  # "said in a statement [that…]"
                    medium_clause.extend(c for c in medium.rights if _is_that_clause(c))
                    cue_last = medium_clause[0].left_edge.i - 1 if medium_clause else child.right_edge.i
        clause = [c for c in verb.children if c.dep_ in ("ccomp", "csubj")
                  or (c.dep_ == "xcomp" and (lemma in XCOMP_VERBS or lemma in BELIEF_VERBS
                                          or lemma in INTENTION_VERBS
                                          or (c.tag_ == "VBG" and lemma in SPEECH_VERBS)))]
        said = next((c for c in verb.rights if c.dep_ == "xcomp" and c.pos_ == "VERB"
                     and c.lemma_.lower() in SPEECH_VERBS), None)
        if said is not None and (not clause or lemma in APPEARANCE_VERBS):
            # "continued to say that…", "demanded to know whether…", "appear to show that…"
            cue_last = said.i
            clause = [c for c in said.children if c.dep_ in ("ccomp", "xcomp")] or [said]
        if not clause and "for" in PREPOSITIONAL_CUES.get(lemma, ()):  # "called for X to drop out"
            clause = [c for c in verb.rights if c.dep_ == "advcl" and any(
                g.dep_ == "mark" and g.lower_ == "for" and g.i == cue_last + 1 for g in c.children)]
            if clause:
                cue_last += 1  # the cue takes the "for"
        clause = clause or medium_clause
        subject = self._speaker_subject(verb)
        if subject is None and verb.dep_ == "acl" and lemma not in SPEECH_VERBS:
            return self._passive_participle(verb, lemma)
        raised = subject is not None and (
            (subject.dep_ == "nsubjpass" and lemma in RAISING_PASSIVES and bool(clause))
            or (lemma in APPEARANCE_VERBS and subject.dep_ == "nsubj" and said is None))
        # "is expected to win", "Cruz seemed lost"; "was first reported by X" is a plain passive; "the
        # files appear to show that…" is the files' statement, hedged
        if raised and lemma in APPEARANCE_VERBS and not clause:
            clause = [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd")
                      or (c.dep_ == "prep" and c.lower_ in ("like", "as"))]
        if clause:
            content_root = clause[0]
            content = _merge(*(subtree_range(c) for c in clause),
                             subtree_range(subject) if raised and subject is not None else None)
        elif verb.dep_ == "parataxis" or (self._parenthetical(verb) and (
                lemma in SPEECH_VERBS or lemma in OPINION_VERBS)) or (
                verb.dep_ == "advcl" and lemma in SPEECH_VERBS and any(
                    c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)):
            content_root = verb.head  # "…, he said", "As the Times reported, Clinton raised…"
            content = subtree_without(verb.head, verb)
        if content is None:
            content = self._quote_after(cue_last)
        addressee: tuple[Token | None, CharRange | None] = (None, None)
        if content is None:
            content_root, content = self._object_content(verb, lemma, addressed=lemma in ADDRESSEE_VERBS)
            if content is None and lemma in ADDRESSEE_VERBS:
                addressee = self._object_content(verb, lemma)  # "“…?” she asked the minister"
        if content is None and raised is False and subject is not None and subject.dep_ == "nsubjpass" and (
                lemma in OBJECT_VERBS):
            content_root, content = subject, subtree_range(subject)  # "the plan was praised [by X]"
        if content is None:
            first = subject.left_edge.i if subject is not None and subject.i < verb.i else verb.i
            content = self._quote_before(first)
            if content is None and lemma in SPEECH_VERBS and addressee[1] is None:
                content = self._clause_before(first)
        if content is None:
            content_root, content = addressee  # "asked Sanders [about…]": the person asked, at least
        if content is None:
            return None
        content = self._extend_to_quote(content, verb)
        source: CharRange | None
        if raised:
            source = None  # the subject is part of what is said
        elif subject is None or subject.dep_ == "nsubjpass":
            source = self._agent(verb)
        elif subject.dep_ not in SUBJECTS:  # the noun a participle qualifies ("a statement saying…")
            source = noun_core(subject)
        else:
            source = subtree_range(subject)
        if source is not None and source[0] <= content[0] and content[1] <= source[1]:
            source = None
        via = self._addressee_outlets(verb) if lemma in ("tell", "say", "speak", "talk") else []
        cue = char_range(self.doc, verb.i, cue_last)
        if cue is None:
            return None
        head = subject if source is not None and subject is not None and subject.dep_ != "nsubjpass" else None
        return Found("verb", cue, content, source, verb, content_root, via, source_head=head)

    def _passive_participle(self, verb: Token, lemma: str) -> Found | None:
        """A participle with an agent: "the bill, opposed by House Republicans"; else nothing."""
        agent = next((g for c in verb.rights if c.dep_ == "agent"
                      for g in c.children if g.dep_ == "pobj"), None)
        if verb.tag_ != "VBN" or agent is None or lemma not in OBJECT_VERBS:
            return None  # "cooperation focused on…": a participle describing a thing, not a statement
        content, cue = noun_core(verb.head), char_range(self.doc, verb.i, verb.i)
        if content is None or cue is None:
            return None
        return Found("verb", cue, content, subtree_range(agent), verb, verb.head, source_head=agent)

    def _speaker_subject(self, verb: Token) -> Token | None:
        """The verb's subject, but never a word of a quotation the verb stands outside of.

        ("“Anybody who attacks him…,” said Louise Sunshine": the parser may take "Anybody" for the
        subject.) After an inversion ("…, said Geert Wilders") the subject after the verb is the speaker.
        """
        subject = subject_of(verb)
        if subject is None or self.quotes.inside(verb.idx):
            return subject
        quoted = self.quotes.inside(subject.idx)
        inverted = subject.i < verb.i and verb.i > 0 and self.doc[verb.i - 1].text in _INVERSION_MARKS
        if not (quoted or inverted):
            return subject
        after = next((c for c in verb.rights if c.dep_ in SUBJECTS and not self.quotes.inside(c.idx)), None)
        if after is None and quoted:  # "“The more people…,” Briggs said": a second subject outside
            after = next((c for c in reversed(list(verb.lefts)) if c.dep_ in SUBJECTS
                          and not self.quotes.inside(c.idx)), None)
        return after if after is not None or quoted else subject

    def _light_verb(self, verb: Token) -> Found | None:
        """ "made the case that…", "took aim at…", "raised questions about…", "as he put it": one cue."""
        noun = next((c for c in verb.children if c.dep_ == "dobj"), None)
        subject = subject_of(verb)
        if noun is None or subject is None or subject.dep_ == "nsubjpass":
            return None
        if verb.lemma_.lower() == "put" and noun.lower_ == "it":
            return self._as_put_it(verb, noun, subject)  # "as one engineer put it", "as the report put it"
        if not _personal(subject):
            return None
        if noun.lemma_.lower() not in STATEMENT_NOUNS and noun.lower_ not in STATEMENT_NOUNS:
            return None
        cue_last, complement = noun.i, self._statement_complement(verb, noun)
        if complement is not None and complement.head.dep_ == "prep":
            cue_last = max(cue_last, complement.head.i)  # "took aim at", "raised questions about"
        if complement is not None:
            content = subtree_range(complement)
        else:
            content = self._quote_after(noun.right_edge.i)
        cue = char_range(self.doc, verb.i, cue_last)
        if content is None or cue is None:
            return None
        return Found("light", cue, content, subtree_range(subject), verb, complement, source_head=subject)

    @staticmethod
    def _statement_complement(verb: Token, noun: Token) -> Token | None:
        """What a light-verb statement is about: the noun's clause, a prepositional object, a clause."""
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") or _is_that_clause(c)), None)
        if clause is not None:
            return clause
        for prep in (*noun.rights, *(c for c in verb.rights if c.i > noun.i)):
            if prep.dep_ == "prep" and prep.lower_ in _CONTENT_PREPOSITIONS:
                found = next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
                if found is not None:
                    return found
        return next((c for c in verb.rights if c.dep_ == "ccomp"), None)

    def _as_put_it(self, verb: Token, noun: Token, subject: Token) -> Found | None:
        """ "…, as one aide put it": the sentence the aside qualifies is the content."""
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children) or verb.head is verb:
            return None
        content = subtree_without(verb.head, verb)
        cue = char_range(self.doc, verb.i, noun.i)
        if content is None or cue is None:
            return None
        return Found("light", cue, content, subtree_range(subject), verb, verb.head, source_head=subject)

    def _is_cue_verb(self, verb: Token, lemma: str) -> bool:
        subject = subject_of(verb)
        if subject is not None and subject.lower_ == "you" and verb.sent.text.rstrip().endswith("?"):
            return False  # "Do you support Ted Cruz?": a question, not a statement
        if lemma in PERSONAL_ONLY_VERBS and subject is not None and subject.dep_ != "nsubjpass":
            return _personal(subject)
        if lemma in CUE_VERBS:
            return True
        if lemma == "make" and any(c.lower_ == "clear" for c in verb.rights):
            return True  # "made it clear that…"
        if lemma in BELIEF_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
            return True  # "is believed to", "is thought to"
        if lemma in OPINION_VERBS and subject is not None:
            clause = any(c.dep_ == "ccomp" for c in verb.rights)
            if _personal(subject):  # "she believes that…", "…, many think, …"
                return clause or self._parenthetical(verb)
            if clause and subject.pos_ == "NOUN":
                return True  # "the veteran believes that…": a belief is held by someone
        if lemma in INTENTION_VERBS and _personal(subject):  # "he wants to…", "she seeks the ouster of…"
            return any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.rights)
        if verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].text == ":" and (
                self._quote_after(verb.i + 1) is not None) and lemma not in _NOT_CUES:
            return True  # "The letter continues: “…”", "It reads: “…”"
        if lemma in STANCE_VERBS:
            return _personal(subject)
        particles = PHRASAL_CUES.get(lemma)
        if particles and any(c.dep_ == "prt" and c.lower_ in particles for c in verb.rights):
            return _personal(subject)  # "laid out a plan", "shrugged off the criticism"
        return self._generic_candidate(verb)

    def _generic_candidate(self, verb: Token) -> bool:
        """A verb outside the lexicon with a that-clause and a personal subject ("she insinuated that…")."""
        if verb.lemma_.lower() in BELIEF_VERBS or verb.lemma_.lower() in _NOT_CUES:
            return False
        if not any(c.dep_ == "ccomp" and any(g.dep_ in SUBJECTS for g in c.children) for c in verb.rights):
            return False
        return _personal(next((c for c in verb.lefts if c.dep_ == "nsubj"), None))

    def _parenthetical(self, verb: Token) -> bool:
        """ "…, he said", "…, many think, …": a verb set off after the clause it reports."""
        return verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i < verb.i
                                            and self._after_comma(verb))

    def _after_comma(self, verb: Token) -> bool:
        """Whether the verb's phrase follows a comma, a dash or a closing quote (its own or not)."""
        before = verb.left_edge.i - 1
        return (before >= 0 and self.doc[before].text in _INVERSION_MARKS) or any(
            c.dep_ == "punct" and c.text in _INVERSION_MARKS for c in verb.lefts)

    def _quote_after(self, cue_last: int) -> CharRange | None:
        """A quotation right after the cue ("said: “…”")."""
        for token in self.doc[cue_last + 1:cue_last + 5]:
            if token.text in ("“", '"', "``", "''", "«"):
                return self.quotes.starting_in(token.idx, token.idx + len(token.text))
            if not (token.is_punct or token.is_space):
                break
        return None

    def _clause_before(self, first: int) -> CharRange | None:
        """The sentence's opening before a comma and the cue ("Turnout was low, said Ms. Reyes")."""
        doc = self.doc
        sentence_start = doc[first].sent.start
        if first - sentence_start < 2 or doc[first - 1].text not in (",", "—"):
            return None
        return char_range(doc, sentence_start, first - 2)

    def _quote_before(self, first: int) -> CharRange | None:
        """A quotation right before the source ("“…,” he said")."""
        for token in reversed(self.doc[max(0, first - 3):first]):
            if token.text in ("”", '"', "''", "»"):
                return self.quotes.ending_in(token.idx, token.idx + len(token.text))
            if not (token.is_punct or token.is_space):
                break
        return None

    def _object_content(self, verb: Token, lemma: str, addressed: bool = False
                        ) -> tuple[Token | None, CharRange | None]:
        """An object, a prepositional object, or the first complement, as the content.

        ``addressed``: a person or outlet as the object is the one addressed ("told reporters about…"),
        not the content, unless a preposition of its own says what about ("reminded voters about…").
        """
        objects = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "oprd", "dative")
                   or (c.dep_ == "prep" and c.lower_ == "as")]
        objects = [c for c in objects if not (c.dep_ == "dative" and len(objects) > 1)
                   and c.tag_ not in ("WDT", "WP")]  # a relative pronoun stands for the antecedent
        if addressed:
            objects = [c for c in objects if not _personal(c) or any(
                g.dep_ == "prep" and g.lower_ in _CONTENT_PREPOSITIONS for g in c.children)]
        if lemma in CLAUSE_ONLY_VERBS:
            return None, None
        if objects and not (len(objects) == 1 and objects[0].lower_ in ("it", "that", "this", "so")):
            doing = [c for c in verb.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > objects[-1].i]
            if lemma in DEPICTING_VERBS and doing:  # "the listings show a company seeking technicians"
                return doing[0], _merge(*(subtree_range(c) for c in objects), subtree_range(doing[0]))
            return objects[0], _merge(*(subtree_range(c) for c in objects))
        if verb.dep_ == "relcl" and lemma in OBJECT_VERBS and verb.head.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children):
            return verb.head, noun_core(verb.head)  # "stances that he has since disavowed"
        allowed = PREPOSITIONAL_CUES.get(lemma, _CONTENT_PREPOSITIONS)
        for child in verb.rights:
            if child.dep_ == "prep" and child.lower_ in allowed:
                objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objects and objects[0].ent_type_ not in ("DATE", "TIME"):
                    return objects[0], subtree_range(objects[0])
        if lemma in SPEECH_VERBS:  # "did not say when", "half said so": the content is left open
            open_word = next((c for c in verb.rights if c.dep_ in ("advmod", "dobj", "ccomp")
                              and c.lower_ in _OPEN_CONTENTS), None)
            if open_word is not None:
                return open_word, subtree_range(open_word)
        return None, None

    def _extend_to_quote(self, content: CharRange, verb: Token) -> CharRange:
        """Grow a content to the whole quotation it lies in (quotes run across sentences)."""
        region = self.quotes.covering(content[0], content[1])
        cue_at = verb.idx
        if region is None or region[0] <= cue_at < region[1]:
            return content
        return min(region[0], content[0]), max(region[1], content[1])

    def _agent(self, verb: Token) -> CharRange | None:
        for child in verb.rights:
            if child.dep_ == "agent":
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return subtree_range(pobj)
        return None

    def _addressee_outlets(self, verb: Token) -> list[CharRange]:
        """Who a statement was told to, when that is an outlet or the press ("told the Financial Times")."""
        found: list[CharRange] = []
        for child in verb.rights:
            candidates = [child] if child.dep_ in ("dobj", "dative") else []
            if child.dep_ == "prep" and child.lower_ in ("to", "with"):
                candidates = [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ in ("in", "on"):
                for pobj in (g for g in child.children if g.dep_ == "pobj"):
                    candidates.extend(g for p in pobj.children if p.dep_ == "prep" and p.lower_ == "with"
                                      for g in p.children if g.dep_ == "pobj")
                    if is_outlet(pobj):
                        candidates.append(pobj)
            for candidate in candidates:
                if is_outlet(candidate):
                    span = noun_core(candidate)
                    if span is not None:
                        found.append(span)
        return found

    # other cue types -----------------------------------------------------------------------------
    def _clause_of(self, token: Token) -> Token:
        clause = token.head
        while clause.pos_ not in ("VERB", "AUX") and clause.dep_ != "ROOT" and clause.head is not clause:
            clause = clause.head
        return clause

    def _according(self, accord: Token) -> Found | None:
        to = next((c for c in accord.rights if c.lower_ == "to"), None)
        if to is None:
            return None
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None or accord.head is accord:
            return None
        clause = self._clause_of(accord)
        cut = accord if not accord.left_edge.i < clause.left_edge.i else clause
        content = subtree_without(clause, cut)
        cue = char_range(self.doc, accord.i, to.i)
        if content is None or cue is None:
            return None
        source, via, outlet = self._report_source(pobj)
        return Found("according", cue, content, source, accord, clause, via, outlet, source_head=pobj)

    def _report_source(self, noun: Token) -> tuple[CharRange | None, list[CharRange], CharRange | None]:
        """Source, via chain and outlet of "a report in X [citing Y]"; else the noun phrase itself."""
        if noun.lemma_.lower() not in REPORT_NOUNS:
            return phrase_without_participles(noun), [], None
        outlet: CharRange | None = None
        cited: CharRange | None = None
        for child in noun.rights:
            if child.dep_ == "prep" and child.lower_ in ("in", "by", "from", "of"):
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.pos_ in ("PROPN", "NOUN") and outlet is None:
                    outlet = noun_core(pobj)
                    for grand in pobj.rights:
                        cited = cited or self._citing(grand)
            cited = cited or self._citing(child)
        if cited is not None:
            return cited, [outlet] if outlet else [], outlet
        if outlet is not None:
            return outlet, [], outlet
        return subtree_range(noun), [], None

    def _citing(self, token: Token) -> CharRange | None:
        if token.dep_ in ("acl", "advcl", "relcl") and token.lemma_.lower() in ("cite", "quote"):
            obj = next((g for g in token.children if g.dep_ in ("dobj", "pobj")), None)
            if obj is not None:
                return subtree_range(obj)
        return None

    def _based_on(self, based: Token) -> Found | None:
        on = next((c for c in based.rights if c.lower_ in ("on", "upon")), None)
        if on is None or based.head is based:
            return None
        pobj = next((c for c in on.children if c.dep_ == "pobj"), None)
        if pobj is None or pobj.lemma_.lower() not in REPORT_NOUNS:
            return None
        by = next((c for c in pobj.rights if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
        agent = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        cue = char_range(self.doc, based.i, by.i if by is not None and agent is not None else pobj.i)
        clause = self._clause_of(based)
        content = subtree_without(clause, based)
        if cue is None or content is None:
            return None
        source = subtree_range(agent) if agent is not None else None
        return Found("based", cue, content, source, based, clause, source_head=agent)

    def _adverb(self, adverb: Token) -> Found | None:
        clause = adverb.head
        if clause is adverb or clause.pos_ not in ("VERB", "AUX"):
            return None
        content = subtree_without(clause, adverb)
        cue = char_range(self.doc, adverb.i, adverb.i)
        if content is None or cue is None:
            return None
        return Found("adverb", cue, content, None, adverb, clause)

    def _in_document(self, prep: Token) -> Found | None:
        """ "In a CNN poll released Monday, 50 percent…": a clause reported from a poll or study."""
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        clause = prep.head
        if pobj is None or pobj.lemma_.lower() not in SURVEY_NOUNS or clause.pos_ not in ("VERB", "AUX"):
            return None
        if prep.i > clause.i or (self._is_cue_verb(clause, clause.lemma_.lower())
                                 and pobj.lemma_.lower() not in ("poll", "survey")):
            return None  # "In a statement, X said…": the verb is the cue; a poll's respondents speak too
        content = subtree_without(clause, prep)
        cue = char_range(self.doc, prep.i, prep.i)
        if content is None or cue is None:
            return None
        return Found("in", cue, content, noun_core(pobj), prep, None, source_head=pobj)  # not nesting

    def _adjective(self, adjective: Token) -> Found | None:
        """ "Sanders is confident that…", "Democrats are skeptical about…": a personal attitude."""
        if adjective.dep_ != "acomp":
            return None
        subject = subject_of(adjective.head)
        if subject is None or not _personal(subject) or subject.dep_ == "nsubjpass":
            return None
        after = [*adjective.rights, *(c for c in adjective.head.rights if c.i > adjective.i)]
        complement = next((c for c in after if c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ == "prep" and c.lower_ in _CONTENT_PREPOSITIONS | {"in"})), None)
        if complement is None:
            return None
        if complement.dep_ == "prep":
            complement = next((g for g in complement.children if g.dep_ in ("pobj", "pcomp")), None)
        content = subtree_range(complement) if complement is not None else None
        cue = char_range(self.doc, adjective.i, adjective.i)
        if content is None or cue is None:
            return None
        return Found("adjective", cue, content, subtree_range(subject), adjective, complement,
                     source_head=subject)

    def _noun(self, noun: Token) -> Found | None:
        """ "his claim that…", "her refusal to…": a possessed noun with a content clause."""
        owner = next((c for c in noun.lefts if c.dep_ == "poss"), None)
        if owner is None:
            return None
        complement = next((c for c in noun.rights if _is_that_clause(c) or (c.dep_ == "acl" and any(
            g.dep_ == "aux" and g.lower_ == "to" for g in c.children))), None)
        if complement is None:
            return None
        content = subtree_range(complement)
        cue = char_range(self.doc, noun.i, noun.i)
        source = char_range(self.doc, owner.left_edge.i, owner.right_edge.i)
        if owner.right_edge.i + 1 < len(self.doc) and self.doc[owner.right_edge.i + 1].dep_ == "case":
            source = char_range(self.doc, owner.left_edge.i, owner.i)
        if content is None or cue is None:
            return None
        return Found("noun", cue, content, source, noun, complement, source_head=owner)

    def _headline_colon(self, colon: Token) -> Found | None:
        """ "Issa: Clinton's honesty is in question", "PENCE: Well, look…": a name, a colon, a statement."""
        doc = self.doc
        sentence = colon.sent
        if colon.i + 1 >= len(doc):
            return None
        if colon.i - sentence.start > 6:
            return self._named_colon_quote(colon)
        speaker = [t for t in doc[sentence.start:colon.i] if not (t.is_space or t.text in _QUOTE_TEXTS)]
        if not speaker or len(speaker) > 4 or speaker[-1].pos_ not in ("PROPN", "NOUN") or not all(
                t.pos_ in ("PROPN", "NOUN", "DET", "ADJ", "PART") for t in speaker):
            return None
        if len(speaker[-1].text) < 2 or any(t.lower_ in NOT_SPEAKER_LABELS for t in speaker):
            return None  # "Q: …", "A: …", "Editor's note: …", "Breaking: …"
        paragraph_end = self.text.find("\n", colon.idx)
        end = len(self.text) if paragraph_end < 0 else paragraph_end
        region = self.quotes.covering(colon.idx, colon.idx + 1)
        if region is not None and region[0] < colon.idx:
            end = min(end, region[1])
        span = doc.char_span(colon.idx + 1, end, alignment_mode="contract")
        if span is None or not any(t.pos_ in ("VERB", "AUX") for t in span):
            return None  # "Clinton: 2,316.", "Nevada: Adam Khan, …": a tally or a list, not a statement
        content = char_range(doc, span.start, span.end - 1)
        source = char_range(doc, speaker[0].i, speaker[-1].i)
        cue = (colon.idx, colon.idx + 1)
        if content is None:
            return None
        return Found("colon", cue, content, source, colon, None, source_head=speaker[-1])

    def _named_colon_quote(self, colon: Token) -> Found | None:
        """ "…, said Republican pollster Daron Shaw: “Historically, …”": a name, a colon, a quotation."""
        doc = self.doc
        name = doc[colon.i - 1]
        if name.ent_type_ != "PERSON" or self.quotes.inside(colon.idx):
            return None
        content = self._quote_after(colon.i)
        first = name.i
        while first > 0 and doc[first - 1].ent_type_ == "PERSON":
            first -= 1
        source = char_range(doc, first, name.i)
        if content is None or source is None:
            return None
        return Found("colon", (colon.idx, colon.idx + 1), content, source, colon, None, source_head=name)

    def _headline_verb(self, word: Token) -> Found | None:
        """ "Kasich Endorses Ryan's Plan": a headline verb the tagger took for a name (or, on a first line
        in sentence case, for a plural: "Super PAC blasts Trump")."""
        base = _verb_base(word.lower_)
        if base is None:
            return None
        doc = self.doc
        line_start = self.text.rfind("\n", 0, word.idx) + 1
        line_end = self.text.find("\n", word.idx)
        line_end = len(self.text) if line_end < 0 else line_end
        line = doc.char_span(line_start, line_end, alignment_mode="contract")
        if line is None or word.i + 1 >= line.end or word.i <= line.start:
            return None
        speaker = doc[line.start:word.i]
        if word.is_lower:  # a first line in sentence case: a named or personal speaker before the verb
            if not (all(t.pos_ in ("PROPN", "NOUN", "ADJ", "PART", "PUNCT") for t in speaker)
                    and any(_personal(t) for t in speaker)):
                return None
        elif sum(t.is_title or t.is_upper for t in line if t.is_alpha) < 0.7 * sum(t.is_alpha for t in line):
            return None  # not a headline
        elif not all(t.pos_ in ("PROPN", "PART", "PUNCT") for t in speaker):
            return None
        source = char_range(doc, line.start, word.i - 1)
        content = char_range(doc, word.i + 1, line.end - 1)
        cue = char_range(doc, word.i, word.i)
        if source is None or content is None or cue is None:
            return None
        return Found("headline", cue, content, source, word, None, source_head=doc[word.i - 1])

    def _dash_signature(self, dash: Token) -> Found | None:
        """ "“…” ― Martha Aguilar": a quotation signed with a dash and a name."""
        doc = self.doc
        before = doc[dash.i - 1] if dash.i > 0 else None
        if before is None or before.text not in ("”", '"', "''", "»"):
            return None
        region = self.quotes.ending_in(before.idx, before.idx + len(before.text))
        name = []
        for token in doc[dash.i + 1:dash.i + 6]:
            if token.pos_ != "PROPN":
                break
            name.append(token)
        if region is None or not name:
            return None
        source = char_range(doc, name[0].i, name[-1].i)
        cue = (dash.idx, dash.idx + len(dash.text))
        return Found("dash", cue, region, source, dash, None, source_head=name[-1])
