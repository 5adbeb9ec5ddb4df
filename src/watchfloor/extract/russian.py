"""``ner.natasha``: Russian named entities and sentences with natasha (models ship in its wheels).

natasha's news NER tagger finds PER / LOC / ORG spans (mapped to PERSON / LOC / ORG); each mention keeps
its base form (``Юрия Лужкова`` → ``Юрий Лужков``) from natasha's agreement-aware normaliser, falling
back to pymorphy2's dictionary lemma for a single word natasha leaves as it is (``Елабуге`` →
``Елабуга``). Watchlist matches take precedence over overlapping NER spans. Models load once per
process; nothing is fetched from the network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, ClassVar

from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis, EntityMention, Span
from watchfloor.text.russian import morph_vocab, russian_lemma

#: natasha's span types → our entity labels.
LABELS: dict[str, str] = {"PER": "PERSON", "LOC": "LOC", "ORG": "ORG"}
#: "Комитет защиты журналистов (КЗЖ)", "Джоэл Саймон (Joel Simon)": a name and its gloss.
_GLOSSED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<gloss>[^()]+)\)$")
_EDGE_PUNCTUATION = frozenset("()[]«»\"'“”„,;:—–-")
#: Opening → closing marks kept when the span holds both ("ГУП «Водоканал»").
_PAIRS: dict[str, str] = {"«": "»", "“": "”", "„": "“", "(": ")", '"': '"'}
_CLOSERS: dict[str, str] = {close: open_ for open_, close in _PAIRS.items()}


def name_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Offsets of the names in a tagged span: a name glossed in parentheses gives two; unpaired edge
    punctuation is trimmed."""
    glossed = _GLOSSED.match(text[start:end])
    if glossed:
        parts = [(start + glossed.start("name"), start + glossed.end("name")),
                 (start + glossed.start("gloss"), start + glossed.end("gloss"))]  # fmt: skip
    else:
        parts = [(start, end)]
    trimmed = [_trim(text, s, e) for s, e in parts]
    return [(s, e) for s, e in trimmed if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    opening = text[start] if start < end else ""
    closing = _PAIRS.get(opening)
    if closing and end - start > 2 and text[end - 1] == closing and closing not in text[start + 1 : end - 1]:
        start, end = start + 1, end - 1  # «Альбатрос» → Альбатрос
    while start < end and text[start] in _EDGE_PUNCTUATION:
        if text[start] in _PAIRS and _PAIRS[text[start]] in text[start + 1 : end]:
            break
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCTUATION:
        if text[end - 1] in _CLOSERS and _CLOSERS[text[end - 1]] in text[start : end - 1]:
            break
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class NatashaModels:
    segmenter: Any
    ner_tagger: Any
    morph_tagger: Any
    morph_vocab: Any
    syntax_parser: Any  # UD dependencies, for attribution.ru


@cache
def natasha_models() -> NatashaModels:
    """natasha's segmenter, news embeddings, NER and morphology taggers and syntax parser, loaded once
    (a few seconds)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    embedding = NewsEmbedding()
    return NatashaModels(Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), morph_vocab(),
                         NewsSyntaxParser(embedding))


def _restore_case(lemma: str, surface: str) -> str:
    if surface.isupper() and len(surface) > 1:
        return lemma.upper()
    return lemma[:1].upper() + lemma[1:] if surface[:1].isupper() else lemma


def base_form(surface: str, normal: str | None) -> str:
    """natasha's normal form, or pymorphy2's lemma for a single word natasha did not change."""
    if normal and (normal != surface or " " in surface):
        return normal
    return _restore_case(russian_lemma(surface), surface) if surface.isalpha() else surface


class NatashaNER(Component):
    name = "ner.natasha"
    version = "1"
    requires = ("lang",)
    assigns = ("entities", "sentences")
    languages: ClassVar[frozenset[str] | None] = frozenset({"ru"})

    def __init__(self, normalise: bool = True, max_chars: int = 1_000_000) -> None:
        self.normalise = normalise
        self.max_chars = max_chars

    def __call__(self, analysis: Analysis) -> None:
        from natasha import Doc

        models = natasha_models()
        doc = Doc(analysis.text[: self.max_chars])
        doc.segment(models.segmenter)
        doc.tag_ner(models.ner_tagger)
        if self.normalise and doc.spans:
            doc.tag_morph(models.morph_tagger)
        if not analysis.sentences:
            analysis.sentences = [analysis.span(s.start, s.stop) for s in doc.sents]
        taken = [e.span for e in analysis.entities]  # watchlist matches take precedence
        for found in doc.spans:
            label = LABELS.get(found.type)
            if label is None:
                continue
            parts = name_parts(analysis.text, found.start, found.stop)
            normal = None
            if self.normalise and parts == [(found.start, found.stop)]:
                found.normalize(models.morph_vocab)
                normal = found.normal
            for start, end in parts:
                span = Span.of(analysis.text, start, end)
                if any(span.overlaps(other) for other in taken):
                    continue
                taken.append(span)
                analysis.entities.append(
                    EntityMention(span, label, self.provenance, base=base_form(span.text, normal))
                )


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {NatashaNER.name: NatashaNER}
