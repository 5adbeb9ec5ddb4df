"""Blocking: which existing entities a new mention is compared with.

Every name gives a few short keys (3- and 4-letter prefixes of each token's ASCII key, each token's consonant
skeleton, the whole-name fingerprint, initials, territory code); an inverted index maps keys to entity ids.
A new mention is scored only against the entities sharing a key with it, and keys whose posting lists
have grown past ``max_postings`` (common first names, "united…") are ignored, so the number of
candidate pairs grows about linearly with the number of mentions instead of quadratically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from watchfloor.resolve.matchers import initials, territory_code
from watchfloor.resolve.names import NameForm

_PREFIX = 4
_MIN_SKELETON = 2


def blocking_keys(name: NameForm) -> set[str]:
    """The index keys of one analysed name."""
    keys: set[str] = set()
    if name.is_empty:
        return keys
    keys.add("f:" + name.fingerprint)
    for key, skel in zip(name.keys, name.skeletons, strict=False):
        keys.add("p:" + key[:_PREFIX])
        keys.add("q:" + key[: _PREFIX - 1])
        if len(skel) >= _MIN_SKELETON:
            keys.add("s:" + skel)
    if len(name.words) >= 2:
        keys.add("a:" + initials(name.words))
    elif len(name.words) == 1 and len(name.words[0]) <= 6:
        keys.add("a:" + name.words[0])
    code = territory_code(name)
    if code:
        keys.add("t:" + code)
    return keys


class BlockIndex:
    """Inverted index from blocking keys to entity ids."""

    def __init__(self, max_postings: int = 60) -> None:
        self.max_postings = max_postings
        self._postings: defaultdict[str, set[str]] = defaultdict(set)
        self.pairs_considered = 0

    def add(self, entity_id: str, keys: Iterable[str]) -> None:
        for key in keys:
            self._postings[key].add(entity_id)

    def candidates(self, keys: Iterable[str]) -> set[str]:
        """Entities sharing a selective key; exact keys (fingerprint, territory) are never skipped."""
        found: set[str] = set()
        for key in keys:
            posting = self._postings.get(key)
            if not posting:
                continue
            if len(posting) > self.max_postings and key[0] not in "ft":
                continue
            found |= posting
        self.pairs_considered += len(found)
        return found
