"""Exports: the workspace in formats other tools read (FollowTheMoney for Aleph; STIX 2.1 next)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from watchfloor.errors import WatchfloorError
from watchfloor.export.ftm import ftm_entities
from watchfloor.store.base import Store

EXPORT_FORMATS = ("ftm",)


class ExportService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def records(self, output_format: str = "ftm") -> Iterator[dict[str, Any]]:
        """The workspace as records of ``output_format``: ``ftm`` gives FollowTheMoney entity dicts
        (documents, entities, mentions, and claims with their evidence), one JSON object each."""
        if output_format not in EXPORT_FORMATS:
            known = ", ".join(EXPORT_FORMATS)
            raise WatchfloorError(f"export format must be one of {known}, not {output_format!r}")
        return ftm_entities(self.store)
