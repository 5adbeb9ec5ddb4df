"""The claim layer: every attribution read as a claim (see model/claims.py and docs/corroboration.md).

``claims.en`` reads English attributions over the spaCy parse: the act (a statement, a recorded no
comment, or a question, fragment or boilerplate that is not a claim), polarity and stance composed,
the proposition asserted or denied and its characterisation, the speaker, their affiliation or the
evidence the claim rests on, and the claim's frame. ``embed.sentences`` adds a sentence embedding
of each English claim's proposition, for clustering paraphrases.
"""

from __future__ import annotations

from typing import ClassVar

from spacy.tokens import Doc

from watchfloor.extract.claims.embed import SentenceEmbedding
from watchfloor.extract.claims.english import read_english_claims
from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis


class EnglishClaims(Component):
    name = "claims.en"
    version = "2"
    requires = ("extras.spacy_doc", "entities", "attributions")
    assigns = ("attributions",)
    languages: ClassVar[frozenset[str] | None] = frozenset({"en"})

    def __call__(self, analysis: Analysis) -> None:
        doc = analysis.extras.get("spacy_doc")
        if not isinstance(doc, Doc) or doc.text != analysis.text:
            raise ValueError("claims.en needs a spaCy Doc over the analysis text in extras['spacy_doc']")
        read_english_claims(analysis, doc, self.provenance)


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {EnglishClaims.name: EnglishClaims, SentenceEmbedding.name: SentenceEmbedding}
