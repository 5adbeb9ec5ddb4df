"""Exports: the workspace in formats other tools read — FollowTheMoney (Aleph), STIX 2.1 (OpenCTI, MISP),
CSV (one row per claim) and GraphML (networks) — streamed, whole or for the documents about one entity."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from watchfloor.errors import WatchfloorError
from watchfloor.export.ftm import ftm_entities
from watchfloor.export.graphml import graphml_chunks
from watchfloor.export.stix import bundle_chunks, stix_objects
from watchfloor.export.tabular import csv_chunks, csv_rows
from watchfloor.export.workspace import document_scope
from watchfloor.store.base import Store

EXPORT_FORMATS = ("ftm", "stix", "csv", "graphml")
#: Formats whose export is a sequence of records (``ExportService.records``); GraphML is one document.
RECORD_FORMATS = ("ftm", "stix", "csv")
MEDIA_TYPES = {
    "ftm": "application/x-ndjson",
    "stix": "application/stix+json;version=2.1",
    "csv": "text/csv; charset=utf-8",
    "graphml": "application/graphml+xml",
}
FILE_SUFFIXES = {"ftm": ".ftm.jsonl", "stix": ".stix.json", "csv": ".claims.csv", "graphml": ".graphml"}


def _checked(output_format: str, allowed: tuple[str, ...] = EXPORT_FORMATS) -> str:
    if output_format not in allowed:
        raise WatchfloorError(f"export format must be one of {', '.join(allowed)}, not {output_format!r}")
    return output_format


def _jsonl(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    for record in records:
        yield json.dumps(record, ensure_ascii=False) + "\n"


class ExportService:
    def __init__(self, store: Store) -> None:
        self.store = store

    @staticmethod
    def media_type(output_format: str) -> str:
        """The media type of an export (``application/stix+json;version=2.1``, ``text/csv``…)."""
        return MEDIA_TYPES[_checked(output_format)]

    @staticmethod
    def file_name(output_format: str, entity: str | None = None) -> str:
        """A file name for an export: ``watchfloor.stix.json``, ``watchfloor-Alabuga.claims.csv``…"""
        stem = "watchfloor" + (f"-{'-'.join(entity.split())}" if entity else "")
        stem = "".join(ch for ch in stem if ch.isalnum() or ch in "-_")
        return stem + FILE_SUFFIXES[_checked(output_format)]

    def records(
        self, output_format: str = "ftm", *, entity: str | None = None, opencti: bool = False
    ) -> Iterator[dict[str, Any]]:
        """The export as records: FtM entity dicts (documents, entities, mentions, and claims with their
        evidence), STIX object dicts, or CSV rows (one per claim). ``entity`` (an id or any name)
        keeps the documents that mention it and their objects; NotFoundError, raised here before
        anything is read, if the workspace has no such entity."""
        _checked(output_format, RECORD_FORMATS)
        scope = document_scope(self.store, entity)
        if output_format == "ftm":
            return ftm_entities(self.store, scope)
        if output_format == "csv":
            return csv_rows(self.store, scope)
        return (json.loads(o.serialize()) for o in stix_objects(self.store, scope, opencti=opencti))

    def stream(self, output_format: str = "ftm", *, entity: str | None = None,
               opencti: bool = False) -> Iterator[str]:
        """The export as text chunks, in the order they are written (one record, or one document's
        share of a GraphML file, at a time; memory stays flat): FtM as JSON Lines, STIX as one bundle,
        CSV with a header, GraphML. The format and ``entity`` are checked here, before the first
        chunk (WatchfloorError, NotFoundError), so a caller can still answer with an error."""
        _checked(output_format)
        scope = document_scope(self.store, entity)
        if output_format == "ftm":
            return _jsonl(ftm_entities(self.store, scope))
        if output_format == "stix":
            return bundle_chunks(stix_objects(self.store, scope, opencti=opencti))
        if output_format == "csv":
            return csv_chunks(csv_rows(self.store, scope))
        return graphml_chunks(self.store, scope)
