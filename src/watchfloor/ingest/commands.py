"""``watchfloor ingest``: read files and folders into the workspace."""

from __future__ import annotations

import dataclasses
from contextlib import ExitStack
from datetime import date
from importlib import resources
from pathlib import Path

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from watchfloor.cli.app import CommandGroups, console, err_console, open_workspace, settings
from watchfloor.errors import WatchfloorError
from watchfloor.hookspecs import hookimpl
from watchfloor.ingest.service import Ingestor, IngestReport, build_pipeline
from watchfloor.model import DocumentKind
from watchfloor.store.base import Store

SAMPLE_WATCHLIST = "watchlist.yaml"
SAMPLE_RULES = "watch-rules.yaml"
SAMPLE_DOCUMENTS = "documents"
_LABELS = {"new": "new", "duplicate": "duplicate", "near_duplicate": "near-duplicate", "failed": "failed"}


def sample_paths(sample_dir: Path, store: Store) -> list[Path]:
    """Import the sample watchlist and watch rules; return the sample documents folder to ingest."""
    from watchfloor.extract.watchlist import load_watchlist_file
    from watchfloor.watch.rules import load_rules_file

    store.add_watchlist_entries(load_watchlist_file(sample_dir / SAMPLE_WATCHLIST))
    store.save_watch_rules((r.id, r.to_definition()) for r in load_rules_file(sample_dir / SAMPLE_RULES))
    return [sample_dir / SAMPLE_DOCUMENTS]


def print_report(report: IngestReport) -> None:
    """The summary table on stdout, then one ``path: problem`` line per failure on stderr."""
    counts = report.counts()
    table = Table(title="ingest", title_justify="left")
    for status in counts:
        table.add_column(_LABELS[status], justify="right")
    table.add_row(*(str(n) for n in counts.values()))
    console.print(table)
    if counts["new"] == counts["near_duplicate"] == 0 and counts["duplicate"]:
        console.print(f"nothing new: all {counts['duplicate']} documents were already stored")
    for failure in report.failures:
        line = f"{failure.source}: {failure.problem}"
        err_console.print(line, markup=False, highlight=False, soft_wrap=True)
    for warning in report.warnings:
        err_console.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)


def ingest(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(None, help="Files or folders (read recursively, in sorted order)."),
    kind: str | None = typer.Option(
        None, "--kind", help="Kind for documents the files leave as articles: statement, report, …"
    ),
    publisher: str | None = typer.Option(None, "--publisher", help="Publisher for documents that name none."),
    published: str | None = typer.Option(
        None, "--published", help="Publication date YYYY-MM-DD for documents that give none (time anchor)."
    ),
    max_bytes: int | None = typer.Option(None, "--max-bytes", min=1, help="Refuse files larger than this."),
    sample: bool = typer.Option(False, "--sample", help="Ingest the bundled sample corpus and watchlist."),
) -> None:
    """Ingest text, Markdown, HTML, PDF, RSS/Atom and JSONL files into the workspace."""
    if not paths and not sample:
        raise WatchfloorError("ingest: give at least one PATH, or --sample")
    try:
        default_kind = DocumentKind.parse(kind) if kind else None
    except ValueError as exc:
        raise WatchfloorError(f"--kind: {exc}") from None
    try:
        published_on = date.fromisoformat(published) if published else None
    except ValueError:
        raise WatchfloorError(f"--published: {published!r} is not a date (YYYY-MM-DD)") from None
    config = settings(ctx)
    if max_bytes is not None:
        config = dataclasses.replace(config, max_bytes=max_bytes)
    with ExitStack() as stack:
        store = stack.enter_context(open_workspace(ctx))
        targets: list[Path] = list(paths or [])
        if sample:
            sample_dir = stack.enter_context(resources.as_file(resources.files("watchfloor.data") / "sample"))
            targets += sample_paths(sample_dir, store)
        ingestor = Ingestor(
            store, build_pipeline(store, config), config, kind=default_kind, publisher=publisher,
            published=published_on,
        )
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=err_console, transient=True) as progress:
            task = progress.add_task("ingesting", total=None)

            def advance(done: int, total: int, current: str) -> None:
                progress.update(task, completed=done, total=total, description=escape(Path(current).name))

            report = ingestor.ingest(targets, on_progress=advance)
    print_report(report)
    if report.failures:
        raise typer.Exit(1)


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("ingest")(ingest)
