"""English cue verbs: a verb with a clause, quotation, object or prepositional content ("said that…",
"“…,” she said", "praised the plan"), a passive participle with an agent, a light verb with a
statement noun ("made the case that…", "as he put it"), and the speaker subject of an inverted cue.
"""

from __future__ import annotations

from spacy.tokens import Token

from watchfloor.extract.attribution.cues import (
    ADDRESSEE_VERBS,
    APPEARANCE_VERBS,
    ASPECT_VERBS,
    BELIEF_VERBS,
    FINITE_ONLY_VERBS,
    INTENTION_VERBS,
    MEDIUM_NOUNS,
    NAMING_VERBS,
    OBJECT_VERBS,
    OPINION_VERBS,
    PREPOSITIONAL_CUES,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    XCOMP_VERBS,
)
from watchfloor.extract.attribution.extractor_base import CONTENT_PREPOSITIONS, INVERSION_MARKS, ExtractorBase
from watchfloor.extract.attribution.tree import (
    SUBJECTS,
    CharRange,
    Found,
    char_range,
    is_personal,
    is_that_clause,
    merge_ranges,
    noun_core,
    subject_of,
    subtree_range,
    subtree_without,
)

#: Passive cues whose grammatical subject is the content's subject, not the source ("is expected to").
RAISING_PASSIVES = frozenset({"expect", "believe", "think", "say", "report", "know", "rumor", "rumour",
                              "estimate", "understand", "consider", "project", "predict"})


class VerbPatterns(ExtractorBase):
    """Attributions whose cue is a verb (with its particle, or a light verb with its noun)."""

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
                    medium_clause.extend(c for c in medium.rights if is_that_clause(c))
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
            content = merge_ranges(*(subtree_range(c) for c in clause),
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
        inverted = subject.i < verb.i and verb.i > 0 and self.doc[verb.i - 1].text in INVERSION_MARKS
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
        if not is_personal(subject):
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
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") or is_that_clause(c)), None)
        if clause is not None:
            return clause
        for prep in (*noun.rights, *(c for c in verb.rights if c.i > noun.i)):
            if prep.dep_ == "prep" and prep.lower_ in CONTENT_PREPOSITIONS:
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
