"""``watchfloor extract``: offline analysis of text files, one interface JSON line per input."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, err_console
from watchfloor.errors import InputError
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis

LANGUAGES = ("auto", "en", "ru", "fa")
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


def _analyses(names: list[str], when: date | None, lang: str | None, failed: list[str]) -> Iterator[Analysis]:
    for name in names:
        try:
            yield Analysis(read_text_input(name), source=name, date=when, lang=lang)
        except InputError as exc:
            err_console.print(f"error: {exc}", markup=False, highlight=False, soft_wrap=True)
            failed.append(name)


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    @cli.app.command("extract")
    def extract(
        paths: list[str] = typer.Argument(None, help="UTF-8 text files; none or '-' reads standard input."),
        when: str | None = typer.Option(None, "--date", help="Publication date YYYY-MM-DD (time anchor)."),
        lang: str = typer.Option("auto", "--lang", help="auto, en, ru or fa."),
        output: str = typer.Option("jsonl", "--format", help="Output format (jsonl)."),
        watchlist: Path | None = typer.Option(None, "--watchlist", help="Watchlist file (YAML or CSV)."),
    ) -> None:
        """Entities, time expressions and attributions as JSON Lines (see docs/evaluation-interface.md)."""
        from watchfloor.extract.pipeline import Pipeline
        from watchfloor.extract.watchlist import load_watchlist_file

        if lang not in LANGUAGES:
            raise typer.BadParameter(f"--lang must be one of {', '.join(LANGUAGES)}")
        if output != "jsonl":
            raise typer.BadParameter("--format supports only jsonl")
        try:
            anchor = date.fromisoformat(when) if when else None
        except ValueError:
            raise typer.BadParameter(f"--date {when!r} is not YYYY-MM-DD") from None
        entries = load_watchlist_file(watchlist) if watchlist else []
        pipeline = Pipeline.from_config(
            overrides={"watchlist": {"entries": entries}}, disable=INTERFACE_SKIPS
        )
        failed: list[str] = []
        names = paths or ["-"]
        for analysis in pipeline.pipe(_analyses(names, anchor, None if lang == "auto" else lang, failed)):
            sys.stdout.write(json.dumps(analysis.to_interface(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        if failed:
            raise typer.Exit(1)
