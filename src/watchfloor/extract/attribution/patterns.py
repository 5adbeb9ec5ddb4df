"""Attribution patterns over a spaCy dependency parse: cue, source and content as token ranges.

One pass over the tokens; each cue candidate looks only at its own neighbourhood in the tree, using
the precomputed subtree edges (``left_edge``/``right_edge``), so the scan is linear in the text.
Patterns: cue verbs with a clause, quotation, object or prepositional content (content before or after
the cue); "according to X"; "based on research by X"; "reportedly"; nouns such as "his claim that…".
The patterns live by family in ``verb_patterns``, ``phrase_patterns`` and ``headline_patterns``, over the
shared tests of ``extractor_base`` and the tree helpers of ``tree``; this module runs them.
"""

from __future__ import annotations

from watchfloor.extract.attribution.cues import ATTITUDE_ADJECTIVES, LIGHT_VERBS, NOUN_CUES, SPEECH_VERBS
from watchfloor.extract.attribution.extractor_base import DEPICTING_VERBS
from watchfloor.extract.attribution.headline_patterns import HeadlinePatterns
from watchfloor.extract.attribution.phrase_patterns import PhrasePatterns
from watchfloor.extract.attribution.tree import (
    CharRange,
    Found,
    char_range,
    noun_core,
    reporting_verb,
    subject_of,
    subtree_range,
)
from watchfloor.extract.attribution.verb_patterns import VerbPatterns

__all__ = [
    "DEPICTING_VERBS",
    "CharRange",
    "Extractor",
    "Found",
    "char_range",
    "noun_core",
    "subject_of",
    "subtree_range",
]

#: Finite forms of reporting verbs that may close a sentence after its content ("…, records show.").
TRAILING_CUE_FORMS = frozenset(
    "show shows showed say says said indicate indicates indicated suggest suggests suggested "
    "report reports reported confirm confirms confirmed reveal reveals revealed claim claims claimed".split()
)
#: Words that make the phrase before a trailing cue a clause of its own, not its source.
_CLAUSE_WORDS = frozenset({"which", "that", "who", "whom", "whose", "while", "although", "because", "if"})
_DASHES = frozenset({"-", "—", "–", "―"})


class Extractor(VerbPatterns, PhrasePatterns, HeadlinePatterns):
    """Finds attributions in one parsed document."""

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
            reporter = reporting_verb(item.cue_token)
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
