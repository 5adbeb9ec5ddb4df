"""``watchfloor extract`` and ``watchfloor resolve``: offline analysis in the evaluation interface.

Both need no workspace and write only their JSON Lines result to stdout (docs/evaluation-interface.md).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, settings
from watchfloor.cli.output import err_console
from watchfloor.errors import InputError
from watchfloor.hookspecs import hookimpl

LANGUAGES = ("auto", "en", "ru", "fa")


def _write_line(record: Any) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def extract(
    paths: list[str] = typer.Argument(None, help="UTF-8 text files; none or '-' reads standard input."),
    when: str | None = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (time anchor)."),
    lang: str = typer.Option("auto", "--lang", help="auto, en, ru or fa."),
    output: str = typer.Option("jsonl", "--format", help="Output format: jsonl (the only one)."),
    watchlist: Path | None = typer.Option(None, "--watchlist", help="Watchlist file (YAML or CSV)."),
) -> None:
    """Entities, time expressions and attributions as JSON Lines (see docs/evaluation-interface.md)."""
    from watchfloor.service.offline import extract_records, text_analysis

    if lang not in LANGUAGES:
        raise typer.BadParameter(f"--lang must be one of {', '.join(LANGUAGES)}")
    if output != "jsonl":
        raise typer.BadParameter("--format supports only jsonl")
    try:
        anchor = date.fromisoformat(when) if when else None
    except ValueError:
        raise typer.BadParameter(f"--date {when!r} is not YYYY-MM-DD") from None
    failed: list[str] = []

    def analyses() -> Iterator[Any]:
        for name in paths or ["-"]:
            try:
                yield text_analysis(name, anchor, None if lang == "auto" else lang)
            except InputError as exc:
                err_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
                failed.append(name)

    for record in extract_records(analyses(), watchlist):
        _write_line(record)
    if failed:
        raise typer.Exit(1)


def resolve(
    ctx: typer.Context,
    path: str | None = typer.Argument(None, help="JSON Lines of mentions; '-' or nothing reads stdin."),
    output_format: str = typer.Option("jsonl", "--format", help="Output format: jsonl (the only one)."),
) -> None:
    """Cluster mentions into entities across documents, languages and scripts (offline)."""
    from watchfloor.service.offline import read_mentions_file, resolve_lines

    if output_format != "jsonl":
        raise typer.BadParameter("only 'jsonl' is supported", param_hint="--format")
    for record in resolve_lines(read_mentions_file(path, settings(ctx).max_bytes)):
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("extract")(extract)
    cli.app.command("resolve")(resolve)
