"""English cues other than verbs: "according to X", "based on research by X", "reportedly", "in a poll
released Monday", attitude adjectives ("is confident that…") and possessed nouns ("his claim that…").
"""

from __future__ import annotations

from spacy.tokens import Token

from watchfloor.extract.attribution.cues import REPORT_NOUNS, SURVEY_NOUNS
from watchfloor.extract.attribution.extractor_base import CONTENT_PREPOSITIONS, ExtractorBase
from watchfloor.extract.attribution.tree import (
    CharRange,
    Found,
    char_range,
    is_personal,
    is_that_clause,
    noun_core,
    phrase_without_participles,
    subject_of,
    subtree_range,
    subtree_without,
)


class PhrasePatterns(ExtractorBase):
    """Attributions whose cue is a preposition, an adverb, an adjective or a noun."""

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
        if subject is None or not is_personal(subject) or subject.dep_ == "nsubjpass":
            return None
        after = [*adjective.rights, *(c for c in adjective.head.rights if c.i > adjective.i)]
        complement = next((c for c in after if c.dep_ in ("ccomp", "xcomp") or (
            c.dep_ == "prep" and c.lower_ in CONTENT_PREPOSITIONS | {"in"})), None)
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
        complement = next((c for c in noun.rights if is_that_clause(c) or (c.dep_ == "acl" and any(
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
