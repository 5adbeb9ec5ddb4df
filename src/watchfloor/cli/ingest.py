"""``watchfloor ingest`` (files and folders into the workspace) and ``reextract`` (stored documents again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from watchfloor.cli.app import CommandGroups, parse_day, workbench
from watchfloor.cli.output import console, err_console, table
from watchfloor.errors import WatchfloorError
from watchfloor.hookspecs import hookimpl

_LABELS = {"new": "new", "duplicate": "duplicate", "near_duplicate": "near-duplicate", "failed": "failed"}


def print_problem(line: str) -> None:
    err_console.print(line, markup=False, highlight=False, soft_wrap=True)


def print_report(report: Any) -> None:
    """The summary table on stdout, then one ``path: problem`` line per failure on stderr."""
    counts = report.counts()
    console.print(table("ingest", [_LABELS[status] for status in counts], [list(counts.values())]))
    if counts["new"] == counts["near_duplicate"] == 0 and counts["duplicate"]:
        console.print(f"nothing new: all {counts['duplicate']} documents were already stored")
    for failure in report.failures:
        print_problem(f"{failure.source}: {failure.problem}")
    for error in report.stage_errors:
        print_problem(f"error: {error}")
    for warning in report.warnings:
        print_problem(f"warning: {warning}")


def _progress() -> Progress:
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=err_console, transient=True)


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
    workers: int | None = typer.Option(
        None, "--workers", min=1, help="Extract in N worker processes here (as --dask local:N)."
    ),
    dask: str | None = typer.Option(
        None, "--dask", help="Extract on a Dask cluster: tcp://HOST:8786 (a running scheduler) or local:N."
    ),
) -> None:
    """Ingest text, Markdown, HTML, PDF, RSS/Atom and JSONL files; exits 1 if any file or stage failed."""
    from watchfloor.model import DocumentKind
    from watchfloor.service.ingest import IngestOptions

    if not paths and not sample:
        raise WatchfloorError("ingest: give at least one PATH, or --sample")
    try:
        default_kind = DocumentKind.parse(kind) if kind else None
    except ValueError as exc:
        raise WatchfloorError(f"--kind: {exc}") from None
    if workers and dask:
        raise WatchfloorError("ingest: give --workers or --dask, not both")
    cluster = f"local:{workers}" if workers else dask
    options = IngestOptions(default_kind, publisher, parse_day(published, "--published"), max_bytes, cluster)
    with workbench(ctx) as bench, _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def advance(done: int, total: int, current: str) -> None:
            progress.update(task, completed=done, total=total, description=escape(Path(current).name))

        report = bench.ingest.paths(paths or [], options, sample=sample, on_progress=advance)
    print_report(report)
    if not report.ok:
        raise typer.Exit(1)


def reextract(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", help="Only documents ingested on or after YYYY-MM-DD."),
    stages: list[str] = typer.Option(
        [], "--stage", help="Only these components' output: watchlist, temporal… (repeatable; default all)."
    ),
) -> None:
    """Run extraction again on stored documents (after a watchlist or model change); judgements are kept."""
    with workbench(ctx) as bench, _progress() as progress:
        task = progress.add_task("re-extracting", total=None)

        def advance(done: int, total: int, current: str) -> None:
            progress.update(task, completed=done, total=total, description=escape(current))

        report = bench.ingest.reextract(since=parse_day(since, "--since"), stages=stages, on_progress=advance)
    console.print(f"{report.documents} documents re-extracted"
                  + (f" ({', '.join(report.stages)})" if report.stages else ""))
    for failure in report.failures:
        print_problem(f"{failure.source}: {failure.problem}")
    for error in report.stage_errors:
        print_problem(f"error: {error}")
    if report.failures or report.stage_errors:
        raise typer.Exit(1)


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("ingest")(ingest)
    cli.app.command("reextract")(reextract)
