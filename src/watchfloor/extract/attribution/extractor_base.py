"""The state of one document's English attribution scan and the questions every pattern asks of it:
whether a verb is a cue, and where a cue's content lies (a quotation, the clause before it, an object or
a prepositional object), who its agent is and which outlets it was told to.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from watchfloor.extract.attribution.cues import (
    BELIEF_VERBS,
    CLAUSE_ONLY_VERBS,
    COGNITION_VERBS,
    INTENTION_VERBS,
    OBJECT_VERBS,
    OPINION_VERBS,
    PERSONAL_ONLY_VERBS,
    PHRASAL_CUES,
    PREPOSITIONAL_CUES,
    SPEECH_VERBS,
    STANCE_VERBS,
)
from watchfloor.extract.attribution.quotes import QuoteIndex
from watchfloor.extract.attribution.tree import (
    SUBJECTS,
    CharRange,
    char_range,
    is_outlet,
    is_personal,
    merge_ranges,
    noun_core,
    subject_of,
    subtree_range,
)

CUE_VERBS = SPEECH_VERBS | COGNITION_VERBS | OBJECT_VERBS | frozenset(PREPOSITIONAL_CUES)
#: Verbs never taken as cues by the generic that-clause rule.
_NOT_CUES = frozenset("be have do get go come become mean matter want help make".split())
#: Prepositions that introduce what a cue verb is about ("responded to the accusations").
CONTENT_PREPOSITIONS = frozenset({"to", "about", "of", "on", "for", "against", "with", "at", "over"})
#: Words that stand in for an unstated content after a speech verb ("would not say when").
_OPEN_CONTENTS = frozenset({"so", "when", "whether", "why", "how", "where", "what", "which", "who", "if"})
#: Punctuation after which a cue verb precedes its subject ("…, said X", "…” said X"), or starts a
#: phrase of its own ("…,” she said").
INVERSION_MARKS = frozenset({",", "—", "”", '"', "''"})
#: Verbs of evidence that show someone doing something ("the footage shows a convoy leaving…").
DEPICTING_VERBS = frozenset({"show", "reveal", "depict", "capture", "record"})


class ExtractorBase:
    """One parsed document with its quotations, and the cue and content tests the patterns share."""

    def __init__(self, doc: Doc, quotes: QuoteIndex) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
        self.quotes = quotes
        first_break = self.text.find("\n")
        self.headline_end = first_break if first_break >= 0 else 0  # the first line, if there are more

    def _is_cue_verb(self, verb: Token, lemma: str) -> bool:
        subject = subject_of(verb)
        if subject is not None and subject.lower_ == "you" and verb.sent.text.rstrip().endswith("?"):
            return False  # "Do you support Ted Cruz?": a question, not a statement
        if lemma in PERSONAL_ONLY_VERBS and subject is not None and subject.dep_ != "nsubjpass":
            return is_personal(subject)
        if lemma in CUE_VERBS:
            return True
        if lemma == "make" and any(c.lower_ == "clear" for c in verb.rights):
            return True  # "made it clear that…"
        if lemma in BELIEF_VERBS and any(c.dep_ == "auxpass" for c in verb.children):
            return True  # "is believed to", "is thought to"
        if lemma in OPINION_VERBS and subject is not None:
            clause = any(c.dep_ == "ccomp" for c in verb.rights)
            if is_personal(subject):  # "she believes that…", "…, many think, …"
                return clause or self._parenthetical(verb)
            if clause and subject.pos_ == "NOUN":
                return True  # "the veteran believes that…": a belief is held by someone
        if lemma in INTENTION_VERBS and is_personal(subject):  # "he wants to…", "she seeks the ouster of…"
            return any(c.dep_ in ("xcomp", "ccomp", "dobj") for c in verb.rights)
        if verb.i + 1 < len(self.doc) and self.doc[verb.i + 1].text == ":" and (
                self._quote_after(verb.i + 1) is not None) and lemma not in _NOT_CUES:
            return True  # "The letter continues: “…”", "It reads: “…”"
        if lemma in STANCE_VERBS:
            return is_personal(subject)
        particles = PHRASAL_CUES.get(lemma)
        if particles and any(c.dep_ == "prt" and c.lower_ in particles for c in verb.rights):
            return is_personal(subject)  # "laid out a plan", "shrugged off the criticism"
        return self._generic_candidate(verb)

    def _generic_candidate(self, verb: Token) -> bool:
        """A verb outside the lexicon with a that-clause and a personal subject ("she insinuated that…")."""
        if verb.lemma_.lower() in BELIEF_VERBS or verb.lemma_.lower() in _NOT_CUES:
            return False
        if not any(c.dep_ == "ccomp" and any(g.dep_ in SUBJECTS for g in c.children) for c in verb.rights):
            return False
        return is_personal(next((c for c in verb.lefts if c.dep_ == "nsubj"), None))

    def _parenthetical(self, verb: Token) -> bool:
        """ "…, he said", "…, many think, …": a verb set off after the clause it reports."""
        return verb.dep_ == "parataxis" or (verb.dep_ == "ccomp" and verb.head.i < verb.i
                                            and self._after_comma(verb))

    def _after_comma(self, verb: Token) -> bool:
        """Whether the verb's phrase follows a comma, a dash or a closing quote (its own or not)."""
        before = verb.left_edge.i - 1
        return (before >= 0 and self.doc[before].text in INVERSION_MARKS) or any(
            c.dep_ == "punct" and c.text in INVERSION_MARKS for c in verb.lefts)

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
            objects = [c for c in objects if not is_personal(c) or any(
                g.dep_ == "prep" and g.lower_ in CONTENT_PREPOSITIONS for g in c.children)]
        if lemma in CLAUSE_ONLY_VERBS:
            return None, None
        if objects and not (len(objects) == 1 and objects[0].lower_ in ("it", "that", "this", "so")):
            doing = [c for c in verb.rights if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > objects[-1].i]
            if lemma in DEPICTING_VERBS and doing:  # "the listings show a company seeking technicians"
                return doing[0], merge_ranges(*(subtree_range(c) for c in objects), subtree_range(doing[0]))
            return objects[0], merge_ranges(*(subtree_range(c) for c in objects))
        if verb.dep_ == "relcl" and lemma in OBJECT_VERBS and verb.head.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children):
            return verb.head, noun_core(verb.head)  # "stances that he has since disavowed"
        allowed = PREPOSITIONAL_CUES.get(lemma, CONTENT_PREPOSITIONS)
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
