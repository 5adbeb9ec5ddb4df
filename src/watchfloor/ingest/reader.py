"""The reader contract: one registered reader per input format."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

from watchfloor.errors import InputError
from watchfloor.model import Document


class Reader(ABC):
    """Turns one file into one or more documents; raises InputError naming the file and the problem.

    A reader of a multi-record file (JSONL, feeds) *yields* an :class:`InputError` for a bad record
    instead of raising, so the file's other records are still ingested.
    """

    name: ClassVar[str]
    #: Lower-case file suffixes this reader claims, e.g. (".html", ".htm").
    suffixes: ClassVar[tuple[str, ...]] = ()

    def accepts(self, path: Path, head: bytes) -> bool:
        """Whether this reader handles the file; ``head`` is its first bytes (for sniffing)."""
        return path.suffix.lower() in self.suffixes

    @abstractmethod
    def read(self, path: Path) -> Iterator[Document | InputError]:
        """Yield the documents in ``path`` (and an InputError per bad record, see above)."""


def registered_readers() -> list[Reader]:
    from watchfloor.plugins import plugin_manager

    return [cls() for contributed in plugin_manager().hook.register_readers() for cls in contributed]
