"""Transliteration of names to Latin script.

Russian Cyrillic goes through ``iuliia``'s Wikipedia schema, which is close to how English-language press
spells Russian names (Елабуга → Yelabuga, Зеленский → Zelensky). Other Cyrillic letters (Ukrainian і/ї/є/ґ,
Bulgarian ъ), Arabic script and Latin letters with diacritics fall back to ``anyascii``. Persian text is
normalised first (see :mod:`watchfloor.text.persian`).
"""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia
from anyascii import anyascii

from watchfloor.text.persian import has_arabic_script, mark_initial_vowels, normalise_persian

_CYRILLIC = re.compile("[\u0400-\u04ff]")


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """Press-style Latin form of ``text`` (case kept): ``Елабуга`` → ``Yelabuga``, ``Łódź`` → ``Lodz``."""
    if has_cyrillic(text):
        text = iuliia.WIKIPEDIA.translate(text)
    if has_arabic_script(text):
        text = mark_initial_vowels(normalise_persian(text))
    return anyascii(text)
