"""Exact and near-duplicate detection.

Exact duplicates share :attr:`Document.content_hash` and are skipped. Near-duplicates (syndicated copies,
lightly edited reposts) are found with MinHash over word shingles and an LSH index (datasketch); they are
stored, linked to the earliest copy known: earliest published date, else the first stored.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
#: Estimated Jaccard similarity of shingle sets at or above which two texts are near-duplicates.
THRESHOLD = 0.8
#: Words per shingle.
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")
_LATEST = datetime.max.replace(tzinfo=UTC)


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of ``size``-word shingles of the case-folded text (the whole text if it is shorter)."""
    words = _WORD.findall(text.casefold())
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> LeanMinHash:
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch(shingles(text))
    return LeanMinHash(minhash)


def serialise(minhash: LeanMinHash) -> bytes:
    buffer = bytearray(minhash.bytesize())
    minhash.serialize(buffer)
    return bytes(buffer)


def deserialise(data: bytes) -> LeanMinHash:
    return LeanMinHash.deserialize(data)


def instant(value: datetime | date | None) -> datetime:
    """A comparable UTC instant; unknown dates sort last, naive times count as UTC."""
    if value is None:
        return _LATEST
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return datetime.combine(value, time(), tzinfo=UTC)


@dataclass(slots=True)
class Copy:
    """A text in the index: when it was published, in what order it came, and the root it links to."""

    key: str
    minhash: LeanMinHash
    published: datetime
    order: tuple[int, float, str]
    root: str
    document_id: str | None = None

    @property
    def age(self) -> tuple[datetime, tuple[int, float, str]]:
        return self.published, self.order


@dataclass(slots=True)
class StoredCopyInfo:
    """What the index needs to know about a stored document (looked up lazily)."""

    published_at: datetime | date | None
    ingested_at: datetime | None
    syndicated_from: str | None


class NearDuplicateIndex:
    """MinHash LSH over stored and newly ingested texts; assigns each new copy the root it links to.

    Stored documents enter with their id as key; new ones with a provisional key until stored.
    ``describe(document_id)`` returns the stored document's dates and link (None if it is gone).
    """

    def __init__(
        self,
        describe: Callable[[str], StoredCopyInfo | None],
        threshold: float = THRESHOLD,
    ) -> None:
        self.threshold = threshold
        self._describe = describe
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._stored: dict[str, LeanMinHash] = {}
        self._copies: dict[str, Copy] = {}
        self._sequence = itertools.count()

    def load(self, signatures: Iterable[tuple[str, bytes]]) -> int:
        """Index stored signatures, e.g. ``store.minhash_signatures()``; returns how many."""
        count = 0
        for document_id, data in signatures:
            minhash = deserialise(data)
            self._stored[document_id] = minhash
            self._lsh.insert(document_id, minhash)
            count += 1
        return count

    def _copy(self, key: str) -> Copy | None:
        if key in self._copies:
            return self._copies[key]
        minhash = self._stored.get(key)
        info = self._describe(key) if minhash is not None else None
        if minhash is None or info is None:
            return None
        ingested = info.ingested_at.timestamp() if info.ingested_at else 0.0
        root = info.syndicated_from or key
        copy = Copy(key, minhash, instant(info.published_at), (0, ingested, key), root, document_id=key)
        self._copies[key] = copy
        return copy

    def _root(self, copy: Copy) -> Copy:
        seen = {copy.key}
        while copy.root not in seen and (parent := self._copy(copy.root)) is not None:
            seen.add(parent.key)
            copy = parent
        return copy

    def add(self, key: str, minhash: LeanMinHash, published: datetime | date | None) -> str | None:
        """Index a new text; return the key of the earliest copy it near-duplicates (None if none)."""
        roots: dict[str, Copy] = {}
        for candidate_key in self._lsh.query(minhash):
            candidate = self._copy(candidate_key)
            if candidate is not None and candidate.minhash.jaccard(minhash) >= self.threshold:
                root = self._root(candidate)
                roots[root.key] = root
        earliest = min(roots.values(), key=lambda c: c.age) if roots else None
        order = (1, float(next(self._sequence)), key)
        root_key = earliest.key if earliest else key
        self._copies[key] = Copy(key, minhash, instant(published), order, root_key)
        self._lsh.insert(key, minhash)
        return earliest.key if earliest else None

    def stored(self, key: str, document_id: str) -> None:
        """Record the id under which the text indexed as ``key`` was stored."""
        self._copies[key].document_id = document_id

    def forget(self, key: str) -> None:
        """Drop a text that could not be stored, so later copies do not link to it."""
        if self._copies.pop(key, None) is not None:
            self._lsh.remove(key)

    def document_id(self, key: str | None) -> str | None:
        """The stored id of the copy indexed as ``key`` (None if unknown or not stored)."""
        copy = self._copies.get(key) if key else None
        return copy.document_id if copy else None
