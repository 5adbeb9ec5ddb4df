"""Search keys: every word folded so that inflections and scripts meet.

A document is indexed, and a query searched, by the same key per word: Russian words by their lemma,
every word in a folded ASCII spelling with English plural and verb endings and a final vowel dropped
(``Алабуге``, ``Алабуга`` and ``Alabuga`` → ``alabug``; ``drones`` and ``drone`` → ``dron``). Keys are
letters and digits only, in word order, so phrases still match and no query can be a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from watchfloor.text.latin import ascii_key
from watchfloor.text.persian import has_arabic_script, normalise_persian
from watchfloor.text.russian import russian_lemma
from watchfloor.text.transliterate import has_cyrillic

_WORD = re.compile(r"[^\W_]+")
_QUERY_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
#: Endings dropped from every key (after a Russian word is lemmatised): English plural and verb
#: endings, then a final vowel, which Russian case endings and transliterations vary
#: (``Алабуга``/``Alabuga`` → ``alabug``). A stem keeps at least this many letters.
_ENDINGS = ("ing", "ed", "es", "s")
_VOWELS = "aeiou"
_MIN_STEM = 3


def _stem(key: str) -> str:
    if key.isdigit():
        return key
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            key = key[: -len(ending)]
            break
    if len(key) > _MIN_STEM and key[-1] in _VOWELS:
        key = key[:-1]
    return key


@lru_cache(maxsize=262144)
def search_key(word: str) -> str:
    """The key of one word in any script (empty for a word with no letters or digits left)."""
    if has_cyrillic(word):
        return _stem(ascii_key(russian_lemma(word.casefold())))
    if has_arabic_script(word):  # no short vowels are written: Persian keys meet Persian keys
        return ascii_key(normalise_persian(word))
    return _stem(ascii_key(word))


def search_keys(text: str) -> str:
    """The keys of every word of ``text``, in order, space-separated (what the index holds)."""
    return " ".join(key for key in map(search_key, _WORD.findall(text)) if key)


@dataclass(slots=True)
class SearchQuery:
    """A web-search-like query: every phrase in ``required`` must occur, none in ``excluded``."""

    required: list[list[str]] = field(default_factory=list)
    excluded: list[list[str]] = field(default_factory=list)

    def fts5(self) -> str:
        """As an SQLite FTS5 MATCH expression."""
        def phrase(keys: list[str]) -> str:
            return '"' + " ".join(keys) + '"'

        return " AND ".join(map(phrase, self.required)) + "".join(f" NOT {phrase(p)}" for p in self.excluded)

    def tsquery(self) -> str:
        """As a PostgreSQL ``to_tsquery('simple', …)`` expression."""
        def phrase(keys: list[str]) -> str:
            return "(" + " <-> ".join(keys) + ")"

        return " & ".join([*map(phrase, self.required), *(f"!{phrase(p)}" for p in self.excluded)])


def parse_query(query: str) -> SearchQuery | None:
    """Words and "quoted phrases" are required, ``-word`` or ``-"phrase"`` excluded; None when the query
    has no word to search for."""
    parsed = SearchQuery()
    for match in _QUERY_TERM.finditer(query):
        excluded = bool(match[1] or match[3])
        if match[2] is not None:  # a "phrase" keeps its words in order
            groups = [_WORD.findall(match[2])]
        else:  # a bare run ("NEAR(x", "Su-35") is its words, each on its own
            groups = [[word] for word in _WORD.findall(match[4])]
        for words in groups:
            keys = [key for key in map(search_key, words) if key]
            if keys:
                (parsed.excluded if excluded else parsed.required).append(keys)
    return parsed if parsed.required else None
