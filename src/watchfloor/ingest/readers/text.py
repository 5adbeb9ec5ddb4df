"""Plain text and Markdown, with optional YAML front matter between ``---`` lines."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from watchfloor.errors import InputError
from watchfloor.ingest.reader import Reader
from watchfloor.ingest.readers.decoding import decode_text
from watchfloor.ingest.readers.values import lang_value, moment, text_value, when
from watchfloor.model import Document, DocumentKind

#: Front matter larger than this is refused (it is metadata, not content).
MAX_FRONT_MATTER_CHARS = 64 * 1024
#: A first line at most this long is taken as the title when the front matter gives none.
MAX_TITLE_CHARS = 200
FRONT_MATTER_FIELDS = ("title", "url", "publisher", "published", "retrieved", "kind", "author", "lang")
_FENCE_OPEN = "---\n"
_FENCE_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str]:
    """(front matter mapping, body); a text without an opening ``---`` line has empty front matter."""
    if not text.startswith(_FENCE_OPEN):
        return {}, text
    close = _FENCE_CLOSE.search(text, len(_FENCE_OPEN) - 1)
    if close is None:
        raise InputError(path, "front matter opened with --- is never closed")
    raw = text[len(_FENCE_OPEN) : close.start()]
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise InputError(path, f"front matter longer than {MAX_FRONT_MATTER_CHARS} characters")
    try:
        loaded = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at front matter line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError(path, f"invalid YAML front matter{where}: {problem}") from None
    if not isinstance(loaded, dict):
        raise InputError(path, "front matter must be a mapping of field: value")
    return loaded, text[close.end() :]


def _plain_value(value: Any, field: str) -> Any:
    """An extra front-matter value as JSON-compatible metadata; ValueError for nested structures."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str | int | float | bool) for v in value):
        return value
    raise ValueError(f"{field} must be text, a number, a date or a list of those")


def _first_line_title(body: str) -> str | None:
    first, _, rest = body.partition("\n")
    title = first.strip().lstrip("#").strip()
    if title and rest.strip() and len(title) <= MAX_TITLE_CHARS:
        return title
    return None


def document_from_text(text: str, path: Path) -> Document:
    """Build a document from decoded text with optional front matter (raises InputError)."""
    front, body = split_front_matter(text, path)
    body = body.strip()
    if not body:
        raise InputError(path, "empty document: no text")
    try:
        extra = {str(k): _plain_value(v, str(k)) for k, v in front.items() if k not in FRONT_MATTER_FIELDS}
        document = Document(
            text=body,
            kind=DocumentKind.parse(text_value(front.get("kind"), "kind"), DocumentKind.ARTICLE),
            title=text_value(front.get("title"), "title") or _first_line_title(body),
            url=text_value(front.get("url"), "url"),
            publisher=text_value(front.get("publisher"), "publisher"),
            author=text_value(front.get("author"), "author"),
            published_at=when(front.get("published"), "published"),
            retrieved_at=moment(front.get("retrieved"), "retrieved"),
            lang=lang_value(front.get("lang")),
            source_path=str(path),
            metadata=extra,
        )
    except ValueError as exc:
        raise InputError(path, f"front matter: {exc}") from None
    return document


class TextReader(Reader):
    """``.txt`` and ``.md`` files: UTF-8 (or clean Windows-1252) text, optional YAML front matter."""

    name = "text"
    suffixes = (".txt", ".text", ".md", ".markdown")

    def read(self, path: Path) -> Iterator[Document | InputError]:
        yield document_from_text(decode_text(path.read_bytes(), path), path)
