"""Name normalisation: base forms, Latin keys, consonant skeletons and fingerprints for blocking.

A mention's surface form (``Елабуге``, ``Johnsona``, ``يلابوگا``) becomes a :class:`NameForm`:

- ``base``: the casefolded name with inflection removed where we can do it properly — Russian tokens are
  lemmatised with pymorphy2 (through natasha's ``MorphVocab``, which carries its dictionaries offline);
- ``keys``: per token, an ASCII key in press-style transliteration with spelling variants folded
  (``ye``/``e``, ``y``/``j``/``i``, ``w``/``v``, ``x``/``ks``…) and common Slavic case endings stripped,
  so that
  ``Johnsona``/``Johnsonem``/``Джонсона`` share ``dzhonson``/``johnson``-like keys that fuzzy matching joins;
- ``skeletons``: per token, the consonant skeleton (``Yelabuga``/``Elabuga``/``یلابوگا`` → ``lbg``);
- ``fingerprint``: the sorted keys, equal for word-order and case variants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from watchfloor.text.latin import ascii_key
from watchfloor.text.persian import has_arabic_script, latin_skeleton, normalise_persian, persian_skeleton
from watchfloor.text.russian import russian_lemma
from watchfloor.text.transliterate import has_cyrillic

_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_APOSTROPHE_SUFFIX = re.compile(r"['’`][^\W_]{1,4}$")  # Polish "Farage'a", "Blair'owi"
#: Slavic case/possessive endings (on folded ASCII keys), longest first; a stem keeps at least 3 letters.
_ENDINGS: tuple[str, ...] = tuple(
    sorted(
        ("ovou", "ova", "ove", "ovi", "ami", "imi", "ach", "ich", "ah", "emu", "ego", "ogo", "omu", "iej",
         "ej", "oi", "ei", "ou", "em", "om", "im", "ov", "ie", "a", "e", "i", "o", "u"),
        key=len, reverse=True,
    )
)  # fmt: skip
_MIN_STEM = 3
#: Case endings that also change the stem's last consonant (Polish locative: Praga → Pradze).
_ALTERNATIONS: tuple[tuple[str, str], ...] = (("dze", "g"),)


def clean(text: str) -> str:
    """NFKC, casefold, Persian letter folding, ё→е; punctuation becomes space."""
    text = unicodedata.normalize("NFKC", text)
    if has_arabic_script(text):
        text = normalise_persian(text)
    text = text.casefold().replace("ё", "е")
    return " ".join(_TOKEN.findall(text))


def tokens(text: str) -> list[str]:
    """Name tokens of cleaned text; a short apostrophe suffix (``farage'a``) is dropped."""
    return [_APOSTROPHE_SUFFIX.sub("", t) for t in _TOKEN.findall(text)]


def base_form(text: str, lang: str | None = None) -> str:
    """Casefolded base form: Russian words lemmatised (``Юрия Лужкова`` → ``юрий лужков``)."""
    words = tokens(clean(text))
    if lang in (None, "ru"):
        words = [russian_lemma(w) if has_cyrillic(w) else w for w in words]
    return " ".join(words)


@lru_cache(maxsize=131072)
def stem_key(token: str) -> str:
    """ASCII key with one Slavic case ending removed: ``johnsonovi`` → ``johnson``, ``jelabudze`` →
    ``ielabug``."""
    key = ascii_key(token)
    if key.isdigit():
        return key
    for ending, stem_end in _ALTERNATIONS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)] + stem_end
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


def skeleton(token: str) -> str:
    """Consonant skeleton of one token in any script."""
    if has_arabic_script(token):
        return persian_skeleton(token)
    return latin_skeleton(re.sub(r"[^a-z]", "", stem_key(token)))


@dataclass(frozen=True, slots=True)
class NameForm:
    """One surface name, analysed for matching."""

    text: str
    lang: str | None
    base: str
    words: tuple[str, ...]  # base-form tokens in their own script
    keys: tuple[str, ...]  # stemmed ASCII keys, one per token
    skeletons: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        return " ".join(sorted(self.keys))

    @property
    def is_empty(self) -> bool:
        return not self.keys


@lru_cache(maxsize=131072)
def analyse_name(text: str, lang: str | None = None) -> NameForm:
    """Analyse a mention's surface form (cached: the same form recurs across documents)."""
    base = base_form(text, lang)
    words = tuple(base.split())
    keys = tuple(k for k in (stem_key(w) for w in words) if k)
    skeletons = tuple(skeleton(w) for w in words)
    return NameForm(text=text, lang=lang, base=base, words=words, keys=keys, skeletons=skeletons)


def fingerprint(text: str, lang: str | None = None) -> str:
    """Order- and inflection-insensitive key of a name: ``Trumpa Donalda`` ≈ ``Дональд Трамп``'s."""
    return analyse_name(text, lang).fingerprint
