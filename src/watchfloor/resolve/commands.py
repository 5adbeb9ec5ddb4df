"""``watchfloor resolve``: cluster mentions given as JSON Lines (the evaluation interface).

Input, from PATH or standard input, one mention per line::

    {"id": "m1", "text": "Елабуга", "lang": "ru", "label": "LOC", "doc": "ru-10", "context": "..."}

Output, one line per input mention in the same order: ``{"id": "m1", "entity": "<cluster id>"}``.
Runs offline and needs no store; only the result goes to stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

import typer

from watchfloor.cli.app import CommandGroups, print_json_lines, settings
from watchfloor.errors import InputError
from watchfloor.hookspecs import hookimpl
from watchfloor.resolve.resolver import MentionInput, Resolver

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


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    @cli.app.command("resolve")
    def resolve(
        ctx: typer.Context,
        path: str | None = typer.Argument(None, help="JSON Lines of mentions; '-' or nothing reads stdin."),
        output_format: str = typer.Option("jsonl", "--format", help="Output format (jsonl)."),
    ) -> None:
        """Cluster mentions into entities across documents, languages and scripts (offline)."""
        if output_format != "jsonl":
            raise typer.BadParameter("only 'jsonl' is supported", param_hint="--format")
        max_bytes = settings(ctx).max_bytes
        if path is None or path == "-":
            mentions = read_mentions(sys.stdin, "<stdin>", max_bytes)
        else:
            file = Path(path)
            if not file.is_file():
                raise InputError(file, "no such file")
            try:
                with file.open(encoding="utf-8") as stream:
                    mentions = read_mentions(stream, str(file), max_bytes)
            except UnicodeDecodeError as exc:
                raise InputError(file, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None
        print_json_lines(resolve_lines(mentions))
