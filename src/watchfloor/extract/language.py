"""``language.lingua``: the language of each text, from a small candidate set (lingua)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from lingua import IsoCode639_1, Language, LanguageDetector, LanguageDetectorBuilder

from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis

#: How much text the detector reads; the opening of a document decides its language.
SAMPLE_CHARS = 2000


@cache
def _detector(codes: tuple[str, ...]) -> LanguageDetector:
    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())) for code in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


class LinguaLanguage(Component):
    name = "language.lingua"
    version = "1"
    assigns = ("lang",)

    def __init__(self, languages: Sequence[str] = ("en", "ru", "fa"), default: str = "en") -> None:
        self.codes = tuple(sorted(languages))
        self.default = default

    def detect(self, text: str) -> str:
        """ISO 639-1 code of the text's language, or the default when undecidable."""
        found = _detector(self.codes).detect_language_of(text[:SAMPLE_CHARS])
        return found.iso_code_639_1.name.lower() if found is not None else self.default

    def __call__(self, analysis: Analysis) -> None:
        if analysis.lang is None:  # a language given by the document's metadata wins
            analysis.lang = self.detect(analysis.text)


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {LinguaLanguage.name: LinguaLanguage}
