"""JSON Lines records: job postings and social posts, validated line by line (schema in docs/ingest.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from watchfloor.errors import InputError
from watchfloor.ingest.reader import Reader
from watchfloor.ingest.readers.decoding import SNIFF_BYTES, UTF8_BOM, looks_binary
from watchfloor.ingest.readers.values import lang_value, moment, text_list, text_value, when
from watchfloor.model import Document, DocumentKind

#: A line longer than this (in bytes) is reported and skipped.
MAX_LINE_BYTES = 1024 * 1024
#: Fields every record type accepts.
COMMON_FIELDS = frozenset({"type", "text", "url", "posted", "lang", "publisher", "retrieved"})


@dataclass(frozen=True, slots=True)
class RecordType:
    """One record ``type``: its document kind, its own fields, and which of them names the publisher."""

    kind: DocumentKind
    required: tuple[str, ...]
    optional: tuple[str, ...]
    publisher_field: str

    @property
    def fields(self) -> frozenset[str]:
        return COMMON_FIELDS | set(self.required) | set(self.optional)


RECORD_TYPES: dict[str, RecordType] = {
    "job_posting": RecordType(
        DocumentKind.JOB_POSTING, ("employer", "title"), ("location", "languages"), "employer"
    ),
    "social_post": RecordType(DocumentKind.SOCIAL_POST, ("platform",), ("author",), "platform"),
}


def document_from_record(record: Any, source: str) -> Document:
    """Validate one decoded JSON value and build its document; ValueError says what is wrong."""
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    type_name = record.get("type")
    spec = RECORD_TYPES.get(type_name) if isinstance(type_name, str) else None
    if spec is None:
        allowed = ", ".join(RECORD_TYPES)
        raise ValueError(f"unknown or missing record type {type_name!r} (allowed: {allowed})")
    unknown = sorted(set(record) - spec.fields)
    if unknown:
        raise ValueError(f"unknown field {unknown[0]!r} for type {type_name}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("missing field 'text' (a non-empty string)")
    fields = {name: text_value(record.get(name), name) for name in (*spec.required, "url", "publisher")}
    missing = [name for name in spec.required if fields[name] is None]
    if missing:
        raise ValueError(f"missing field {missing[0]!r}")
    metadata: dict[str, Any] = {name: fields[name] for name in spec.required if name != "title"}
    if "location" in spec.optional:
        metadata["location"] = text_value(record.get("location"), "location")
    if "languages" in spec.optional:
        metadata["languages"] = text_list(record.get("languages"), "languages")
    return Document(
        text=text.strip(),
        kind=spec.kind,
        title=fields.get("title"),
        url=fields["url"],
        publisher=fields["publisher"] or fields[spec.publisher_field],
        author=text_value(record.get("author"), "author"),
        published_at=when(record.get("posted"), "posted"),
        retrieved_at=moment(record.get("retrieved"), "retrieved"),
        lang=lang_value(record.get("lang")),
        source_path=source,
        metadata=metadata,
    )


def _lines(stream: BinaryIO) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; None for a line over the size limit (its rest is skipped)."""
    number = 0
    while line := stream.readline(MAX_LINE_BYTES + 1):
        number += 1
        if len(line) > MAX_LINE_BYTES:
            while line and not line.endswith(b"\n"):
                line = stream.readline(MAX_LINE_BYTES)
            yield number, None
        else:
            yield number, line


class JsonlReader(Reader):
    """``.jsonl``: one record per line; a bad line is reported as ``file:LINE`` and the rest still read."""

    name = "jsonl"
    suffixes = (".jsonl", ".ndjson")

    def read(self, path: Path) -> Iterator[Document | InputError]:
        with path.open("rb") as stream:
            start = stream.read(SNIFF_BYTES)
            if looks_binary(start.removeprefix(UTF8_BOM)):
                raise InputError(path, "binary content, not JSON Lines")
            stream.seek(len(UTF8_BOM) if start.startswith(UTF8_BOM) else 0)
            for number, line in _lines(stream):
                where = f"{path}:{number}"
                if line is None:
                    yield InputError(where, f"line longer than {MAX_LINE_BYTES} bytes")
                    continue
                if not line.strip():
                    continue
                try:
                    record = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError:
                    yield InputError(where, "line is not UTF-8")
                    continue
                except json.JSONDecodeError as exc:
                    yield InputError(where, f"invalid JSON: {exc.msg} (column {exc.colno})")
                    continue
                try:
                    yield document_from_record(record, where)
                except ValueError as exc:
                    yield InputError(where, str(exc))
