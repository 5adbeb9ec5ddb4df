"""Russian morphology: pymorphy2 through natasha, whose dictionaries ship inside the wheel."""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any

#: pymorphy2 grammemes of names, surnames, patronymics, places, organisations and trade marks.
_NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")


@cache
def morph_vocab() -> Any:
    """natasha's pymorphy2 analyser (dictionaries ship with the wheel), loaded once per process."""
    from natasha import MorphVocab

    return MorphVocab()


@lru_cache(maxsize=131072)
def russian_lemma(token: str) -> str:
    """Nominative base form of one Russian word, preferring name/place readings: ``Елабуге`` → ``елабуга``."""
    parses = morph_vocab().parse(token)
    if not parses:
        return token
    named = [p for p in parses if any(tag in p.tag for tag in _NAME_TAGS)]
    best = max(named or parses, key=lambda p: p.score)
    return str(best.normal_form)
