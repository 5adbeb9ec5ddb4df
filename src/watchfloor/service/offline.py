"""Offline analysis with no workspace: the evaluation interface of ``watchfloor extract`` and
``watchfloor resolve`` (docs/evaluation-interface.md).

``extract`` turns texts into one interface record each; ``resolve`` clusters mentions given as JSON
Lines, one per line::

    {"id": "m1", "text": "Елабуга", "lang": "ru", "label": "LOC", "doc": "ru-10", "context": "..."}

into ``{"id": "m1", "entity": "<cluster id>"}`` in the same order.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from watchfloor.errors import InputError
from watchfloor.model import Analysis
from watchfloor.resolve.resolver import MentionInput, Resolver

#: Pipeline components whose output the evaluation interface does not carry (embeddings).
INTERFACE_SKIPS = ("embed",)


def read_text_input(name: str) -> str:
    """The text of a path, or of standard input for ``-``, with a leading byte-order mark dropped."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "is a directory, expected a UTF-8 text file") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid UTF-8 (byte {exc.start})") from None
    return text.removeprefix("\ufeff")


def extract_records(
    analyses: Iterable[Analysis], watchlist: Path | None = None
) -> Iterator[dict[str, Any]]:
    """The interface record of each analysis, in order, through the configured pipeline."""
    from watchfloor.extract.pipeline import Pipeline
    from watchfloor.extract.watchlist import load_watchlist_file

    entries = load_watchlist_file(watchlist) if watchlist else []
    pipeline = Pipeline.from_config(overrides={"watchlist": {"entries": entries}}, disable=INTERFACE_SKIPS)
    for analysis in pipeline.pipe(analyses):
        yield analysis.to_interface()


def text_analysis(name: str, when: date | None, lang: str | None) -> Analysis:
    """The analysis input for a file (or ``-``); InputError names the file and the problem."""
    return Analysis(read_text_input(name), source=name, date=when, lang=lang)


#: Longest accepted mention text and context (characters); longer values are input errors.
MAX_TEXT = 500
MAX_CONTEXT = 20_000
_OPTIONAL_FIELDS = ("lang", "label", "doc", "context")


def parse_mention(line: str, source: str, number: int) -> tuple[Any, MentionInput]:
    """One input line → (the id as given, the mention); bad lines raise :class:`InputError`."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"line {number}: not JSON ({exc.msg})") from None
    if not isinstance(row, dict):
        raise InputError(source, f"line {number}: expected a JSON object")
    raw_id, text = row.get("id"), row.get("text")
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or raw_id == "":
        raise InputError(source, f"line {number}: 'id' must be a non-empty string or an integer")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, f"line {number}: 'text' must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise InputError(source, f"line {number}: 'text' longer than {MAX_TEXT} characters")
    optional: dict[str, str | None] = {}
    for key in _OPTIONAL_FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str | int):
            raise InputError(source, f"line {number}: {key!r} must be a string")
        optional[key] = None if value is None else str(value)
    if optional["context"] is not None and len(optional["context"]) > MAX_CONTEXT:
        raise InputError(source, f"line {number}: 'context' longer than {MAX_CONTEXT} characters")
    lang = optional["lang"].lower() if optional["lang"] else None
    mention = MentionInput(
        str(raw_id), text, lang, optional["label"], optional["doc"], optional["context"]
    )
    return raw_id, mention


def read_mentions(stream: TextIO, source: str, max_bytes: int) -> list[tuple[Any, MentionInput]]:
    """All mentions of a JSON Lines stream, in order; blank lines are skipped, ids must be unique."""
    mentions: list[tuple[Any, MentionInput]] = []
    seen: set[str] = set()
    size = 0
    for number, line in enumerate(stream, start=1):
        size += len(line)
        if size > max_bytes:
            raise InputError(source, f"input larger than {max_bytes} bytes")
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        raw_id, mention = parse_mention(line, source, number)
        if mention.id in seen:
            raise InputError(source, f"line {number}: duplicate id {mention.id!r}")
        seen.add(mention.id)
        mentions.append((raw_id, mention))
    return mentions


def resolve_lines(
    mentions: list[tuple[Any, MentionInput]], resolver: Resolver | None = None
) -> list[dict[str, Any]]:
    """Output rows ``{"id", "entity"}`` in input order."""
    resolver = resolver or Resolver()
    assignment = resolver.resolve(m for _, m in mentions)
    return [{"id": raw_id, "entity": assignment[m.id]} for raw_id, m in mentions]


def read_mentions_file(path: str | None, max_bytes: int) -> list[tuple[Any, MentionInput]]:
    """Mentions from a JSON Lines file, or standard input for ``None`` or ``-``."""
    if path is None or path == "-":
        return read_mentions(sys.stdin, "<stdin>", max_bytes)
    file = Path(path)
    if not file.is_file():
        raise InputError(file, "no such file")
    try:
        with file.open(encoding="utf-8") as stream:
            return read_mentions(stream, str(file), max_bytes)
    except UnicodeDecodeError as exc:
        raise InputError(file, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
