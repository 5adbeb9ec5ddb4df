"""Persian (and Arabic-script) text normalisation and consonant skeletons for name matching.

No offline Persian NER model is published on PyPI, so Persian names are found through the watchlist and
matched here: the same name typed with Arabic or Persian letters (ي/ی, ك/ک), with or without a
zero-width non-joiner, diacritics (harakat) or tatweel must compare equal. Persian script writes no short
vowels, so a Persian name and its Latin spelling are compared by their consonant skeletons.
"""

from __future__ import annotations

import re
import unicodedata

#: Arabic code points replaced by the letters Persian writes in their place.
_LETTER_MAP = str.maketrans(
    {
        "\u064a": "\u06cc",  # ARABIC YEH → FARSI YEH
        "\u0649": "\u06cc",  # ALEF MAKSURA → FARSI YEH
        "\u0643": "\u06a9",  # ARABIC KAF → KEHEH
        "\u0629": "\u0647",  # TEH MARBUTA → HEH
        "\u06c0": "\u0647",  # HEH WITH YEH ABOVE → HEH
        "\u0623": "\u0627",  # ALEF WITH HAMZA ABOVE → ALEF
        "\u0625": "\u0627",  # ALEF WITH HAMZA BELOW → ALEF
        "\u0671": "\u0627",  # ALEF WASLA → ALEF
        "\u0624": "\u0648",  # WAW WITH HAMZA → WAW
        "\u0626": "\u06cc",  # YEH WITH HAMZA → FARSI YEH
    }
)
_ARABIC_INDIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
#: Harakat, superscript alef, Quranic marks and tatweel: dropped.
_DROPPED = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ZERO_WIDTH = re.compile("[\u200c\u200d\u200e\u200f\u00ad]")
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")

#: Persian letters grouped by the Latin consonant they are usually written with; alef, waw and yeh
#: (long vowels or glides) and ayn/hamza carry no consonant in a skeleton.
_PERSIAN_CONSONANTS: dict[str, str] = {
    "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "c", "ح": "h", "خ": "k", "د": "d",
    "ذ": "z", "ر": "r", "ز": "z", "ژ": "j", "س": "s", "ش": "s", "ص": "s", "ض": "z", "ط": "t",
    "ظ": "z", "غ": "g", "ف": "f", "ق": "g", "ک": "k", "گ": "g", "ل": "l", "م": "m", "ن": "n",
    "ه": "h",
}  # fmt: skip
#: Latin letter groups folded the same way, so both scripts give comparable skeletons.
_LATIN_CONSONANTS: dict[str, str] = {
    "b": "b", "p": "p", "t": "t", "c": "k", "j": "j", "h": "h", "k": "k", "q": "g", "d": "d",
    "z": "z", "r": "r", "s": "s", "g": "g", "f": "f", "v": "v", "l": "l", "m": "m", "n": "n", "x": "ks",
}  # fmt: skip
_LATIN_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("ch", "c"), ("zh", "j"), ("gh", "g"), ("ph", "f"), ("th", "t"))


def has_arabic_script(text: str) -> bool:
    return bool(_ARABIC_SCRIPT.search(text))


def normalise_persian(text: str) -> str:
    """Fold Arabic letter variants to Persian ones, drop diacritics, tatweel and ZWNJ, unify digits.

    The ZWNJ inside a word (``می‌خواهم``) is removed rather than made a space, so a name typed with or
    without it compares equal.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_LETTER_MAP).translate(_ARABIC_INDIC_DIGITS)
    text = _DROPPED.sub("", text)
    return _ZERO_WIDTH.sub("", text)


_WORD_INITIAL_ALEF = re.compile("(?<![\u0600-\u06ff])[\u0627\u0622]")
_WORD_INITIAL_YEH = re.compile("(?<![\u0600-\u06ff])\u06cc(?=[^\u0627\u0648\u06cc\\s])")


def mark_initial_vowels(text: str) -> str:
    """Spell out the vowel a Persian word starts with, which transliteration would drop: initial alef →
    ``a`` (الابوگا, Alabuga), initial yeh before a consonant → ``ye`` (یلابوگا, Yelabuga)."""
    return _WORD_INITIAL_YEH.sub("ye", _WORD_INITIAL_ALEF.sub("a", text))


def persian_skeleton(text: str) -> str:
    """Consonant skeleton of a Persian word: ``آلابوگا`` → ``lbg``; ``waw`` is kept only word-initially."""
    letters: list[str] = []
    for index, char in enumerate(normalise_persian(text)):
        if char == "و" and index == 0:
            letters.append("v")
        elif char in _PERSIAN_CONSONANTS and (char not in "هح" or index == 0):
            letters.append(_PERSIAN_CONSONANTS[char])
    return _collapse(letters)


def latin_skeleton(word: str) -> str:
    """Consonant skeleton of a Latin (ASCII, lowercase) word in the same classes: ``yelabuga`` → ``lbg``.

    Like Persian heh (often a vowel), ``h`` counts only word-initially; ``w`` counts as ``v``. Persian
    waw inside a word is usually a vowel, so compare with :func:`without_inner_v` across those scripts.
    """
    for digraph, single in _LATIN_DIGRAPHS:
        word = word.replace(digraph, single)
    word = word.replace("w", "v")
    kept = [(i, ch) for i, ch in enumerate(word) if ch in _LATIN_CONSONANTS and (i == 0 or ch != "h")]
    letters = [_LATIN_CONSONANTS[ch] for _, ch in kept]
    return _collapse(letters)


def without_inner_v(skeleton: str) -> str:
    """A skeleton with non-initial ``v`` removed, the form in which Persian and Latin skeletons agree."""
    return skeleton[:1] + skeleton[1:].replace("v", "") if skeleton else skeleton


def _collapse(letters: list[str]) -> str:
    out: list[str] = []
    for letter in letters:
        if not out or out[-1] != letter:
            out.append(letter)
    return "".join(out)
