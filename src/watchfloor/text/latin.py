"""Folded ASCII spellings of words in any script, shared by name matching and full-text search."""

from __future__ import annotations

import re
from functools import lru_cache

from watchfloor.text.transliterate import to_latin

#: Spelling variants folded in ASCII keys, applied in order.
_KEY_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"^ye", "e"), (r"^ie", "e"), (r"^yo", "e"), (r"(?<=[aeiou])ye", "e"), (r"dzh", "j"), (r"kh", "h"),
        (r"ck", "k"), (r"ph", "f"), (r"th", "t"), (r"x", "ks"), (r"w", "v"), (r"cz", "ch"), (r"sz", "sh"),
        (r"[yj]", "i"), (r"(?<=[aeiou])h(?![aeiou])", ""), (r"ii", "i"), (r"(?<=[^aeiou])iu", "u"),
        (r"ie$", "i"), (r"(.)\1", r"\1"),
    )
)  # fmt: skip


@lru_cache(maxsize=131072)
def ascii_key(token: str) -> str:
    """Folded ASCII spelling of one token (no ending stripping): ``Йельабуга`` and ``Elabuga`` agree."""
    key = re.sub(r"[^a-z0-9]", "", to_latin(token).lower())
    for pattern, replacement in _KEY_FOLDS:
        key = pattern.sub(replacement, key)
    return key
