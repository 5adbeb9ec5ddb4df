"""Word-by-word English glosses of Russian and Persian text, from the bilingual glossary of ours.

No machine translation runs offline for these languages, so watchfloor glosses: each word is looked
up by its dictionary form (Russian lemmas from pymorphy2 through natasha's ``MorphVocab``; Persian
words with their verbal prefixes and plural, ezafe and personal endings removed) in
``data/glossary/{ru,fa}-en.tsv``, two- and three-word phrases first ("по данным", "تکذیب کرد"). A
word the glossary does not know keeps its own form. Every gloss token keeps the span it glosses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from watchfloor.text.persian import normalise_persian

_WORD = re.compile(r"[^\W_]+(?:[-‌][^\W_]+)*", re.UNICODE)
#: Persian verbal prefixes and endings tried off a word, longest first.
_FA_PREFIXES = ("نمی‌", "می‌", "نمی", "می", "ن", "ب")
_FA_SUFFIXES = tuple(
    sorted(
        (
            "‌های",
            "های",
            "‌ها",
            "ها",
            "‌ای",
            "‌ام",
            "‌اند",
            "اند",
            "ند",
            "ید",
            "یم",
            "یی",
            "ی",
            "ان",
            "ات",
            "م",
            "د",
            "ه",
            "ش",
            "شان",
        ),
        key=len,
        reverse=True,
    )
)
LONGEST_PHRASE = 3


@dataclass(frozen=True, slots=True)
class GlossToken:
    """A word or phrase of the text with its English gloss (None when the glossary lacks it)."""

    start: int
    end: int
    text: str
    lemma: str
    english: str | None

    @property
    def shown(self) -> str:
        """What a word-by-word gloss shows: the first English sense, else the word itself."""
        return self.english.split(",")[0].strip() if self.english else self.text


@cache
def glossary(lang: str) -> dict[str, str]:
    """Dictionary form (lower case) → English glosses, for ``ru`` or ``fa`` (empty for others)."""
    if lang not in ("ru", "fa"):
        return {}
    table = resources.files("watchfloor.data").joinpath("glossary", f"{lang}-en.tsv").read_text("utf-8")
    entries: dict[str, str] = {}
    for line in table.splitlines()[1:]:
        parts = line.split("\t")
        if len(parts) >= 3 and parts[0].strip():
            key = _key(parts[0], lang)
            entries.setdefault(key, parts[2].strip())
    return entries


def _key(word: str, lang: str) -> str:
    text = normalise_persian(word) if lang == "fa" else word
    return " ".join(text.lower().replace("ё", "е").split())


@lru_cache(maxsize=65536)
def _russian_forms(word: str) -> tuple[str, ...]:
    from watchfloor.text.russian import morph_vocab

    parses = morph_vocab().parse(word)
    forms = [str(p.normal_form) for p in parses[:3]] if parses else []
    return tuple(dict.fromkeys([*forms, word.lower()]))


def _persian_forms(word: str) -> tuple[str, ...]:
    """The word, then the word without a prefix and an ending, in every combination tried."""
    forms = [word]
    stems = [word] + [word[len(p) :] for p in _FA_PREFIXES if word.startswith(p) and len(word) - len(p) >= 2]
    for stem in stems:
        forms.append(stem)
        forms.extend(stem[: -len(s)] for s in _FA_SUFFIXES if stem.endswith(s) and len(stem) - len(s) >= 2)
    return tuple(dict.fromkeys(f.rstrip("‌") for f in forms))


def _forms(word: str, lang: str) -> tuple[str, ...]:
    return _russian_forms(word.lower()) if lang == "ru" else _persian_forms(_key(word, lang))


def gloss(text: str, lang: str | None) -> list[GlossToken]:
    """The text's words and phrases, each with its English gloss (an empty list for other languages)."""
    if lang not in ("ru", "fa"):
        return []
    entries = glossary(lang)
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    tokens: list[GlossToken] = []
    index = 0
    while index < len(words):
        found = None
        for size in range(min(LONGEST_PHRASE, len(words) - index), 0, -1):
            chunk = words[index : index + size]
            candidates = [" ".join(_key(w, lang) for _, _, w in chunk)]  # "по данным", "تکذیب کرد"
            if size == 1:
                candidates += list(_forms(chunk[0][2], lang))
            elif lang == "ru":
                candidates.append(" ".join(_forms(w, lang)[0] for _, _, w in chunk))  # lemmas of a phrase
            lemma = next((c for c in candidates if c in entries), None)
            if lemma is not None:
                found = GlossToken(
                    chunk[0][0], chunk[-1][1], text[chunk[0][0] : chunk[-1][1]], lemma, entries[lemma]
                )
                index += size
                break
        if found is None:
            start, end, word = words[index]
            found = GlossToken(start, end, word, _forms(word, lang)[0], None)
            index += 1
        tokens.append(found)
    return tokens


def gloss_text(text: str, lang: str | None) -> str:
    """A word-by-word English rendering: the first sense of each glossed word, unknown words as they
    are; a text in another language is returned as it is."""
    if lang not in ("ru", "fa"):
        return text
    return " ".join(token.shown for token in gloss(text, lang))


def coverage(text: str, lang: str) -> tuple[int, int]:
    """(glossed words, words) of a text: how much of it the glossary covers."""
    tokens = gloss(text, lang)
    words = sum(len(_WORD.findall(t.text)) for t in tokens)
    glossed = sum(len(_WORD.findall(t.text)) for t in tokens if t.english)
    return glossed, words
