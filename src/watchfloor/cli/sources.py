"""``watchfloor fetch`` (URLs once), ``sources …`` (polled on a schedule), ``run`` (the poller) and
``deliveries`` (alerts sent, retrying or given up)."""

from __future__ import annotations

import signal
import threading
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.ingest import print_problem
from watchfloor.cli.output import Format, console, emit, safe_text, table
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")
KIND = typer.Option("page", "--kind", help="page (a feed file gives one document per entry), feed (fetch "
                    "the page each entry links to) or sitemap (fetch the pages it lists).")
IGNORE_ROBOTS = typer.Option(False, "--ignore-robots", help="Fetch even where robots.txt says no (only for "
                             "sites you have the right to).")


def _outcome_rows(outcomes: list[Any]) -> list[list[object]]:
    rows: list[list[object]] = []
    for outcome in outcomes:
        rows.append([outcome.url, outcome.status, outcome.capture_id or "", len(outcome.stored_ids())])
        rows.extend(_outcome_rows(outcome.followed))
    return rows


def _print_outcomes(title: str, outcomes: list[Any], problems: list[str]) -> None:
    console.print(table(title, ["url", "status", "capture", "documents"], _outcome_rows(outcomes)))
    for problem in problems:
        print_problem(problem)


def fetch(
    ctx: typer.Context,
    urls: list[str] = typer.Argument(..., help="http(s) URLs of pages, feeds or sitemaps."),
    kind: str = KIND,
    publisher: str | None = typer.Option(None, "--publisher", help="Publisher for documents that name none."),
    document_kind: str | None = typer.Option(None, "--document-kind",
                                             help="Kind for documents left as articles: statement, …"),
    ignore_robots: bool = IGNORE_ROBOTS,
) -> None:
    """Fetch URLs through the guard, archive each response (WARC) and ingest it; exits 1 if any failed."""
    from watchfloor.model import DocumentKind
    from watchfloor.service.sources import FetchOptions

    try:
        chosen = DocumentKind.parse(document_kind) if document_kind else None
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--document-kind") from None
    with workbench(ctx) as bench:
        run = bench.sources.fetch(urls, FetchOptions(kind, chosen, publisher, ignore_robots))
    problems = [p for o in run.outcomes for p in o.problems()]
    _print_outcomes("fetch", run.outcomes, [*problems, *(f"delivery: {p}" for p in run.delivery.problems)])
    if not run.ok:
        raise typer.Exit(1)


def sources_add(
    ctx: typer.Context,
    url: str = typer.Argument(..., help="The http(s) URL to poll."),
    kind: str = KIND,
    every: str = typer.Option("1h", "--every", help="How often: 15m, 1h, 1d (at least a minute)."),
    publisher: str | None = typer.Option(None, "--publisher", help="Publisher for documents that name none."),
    document_kind: str | None = typer.Option(None, "--document-kind", help="Kind for its documents."),
    follow: bool = typer.Option(False, "--follow", help="A feed: fetch the page each new entry links to."),
    ignore_robots: bool = IGNORE_ROBOTS,
) -> None:
    """Add a source that `watchfloor run` polls (due at once)."""
    from watchfloor.service.sources import parse_every
    from watchfloor.store.base import SourceSpec

    with workbench(ctx) as bench:
        spec = SourceSpec(url, kind, parse_every(every), publisher, document_kind, follow, ignore_robots)
        source = bench.sources.add(spec)
    console.print(safe_text(f"source {source.id}: {source.kind} {source.url}, every {every}"))


def sources_list(ctx: typer.Context, output: Format = FORMAT) -> None:
    """The sources with their last poll, consecutive failures and last error."""
    with workbench(ctx) as bench:
        found = bench.sources.list()
    when = "%Y-%m-%d %H:%M"
    emit(found, output, title="sources",
         columns=["id", "kind", "url", "every", "next due", "last success", "failures", "documents",
                  "last error"],
         row=lambda s: [s.id, s.kind, s.url, f"{s.every_seconds}s", s.next_due_at.strftime(when),
                        s.last_success_at.strftime(when) if s.last_success_at else "", s.failures,
                        s.documents, s.last_error or ""])


def sources_remove(ctx: typer.Context, source_id: int = typer.Argument(..., help="Source id.")) -> None:
    """Stop polling a source (what it brought in stays)."""
    with workbench(ctx) as bench:
        removed = bench.sources.remove(source_id)
    console.print(safe_text(f"removed source {removed.id} ({removed.url})"))


def run(
    ctx: typer.Context,
    once: bool = typer.Option(False, "--once", help="One cycle, then exit."),
    every_source: bool = typer.Option(False, "--all", help="Poll every source now, due or not."),
) -> None:
    """Poll due sources, ingest what is new, run watch rules, send alerts; until stopped (Ctrl-C)."""
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())

    def report(cycle: Any) -> None:
        polled = [outcome for _, outcome in cycle.polled]
        if polled or cycle.resumed or cycle.alerts or cycle.delivery.sent:
            console.print(safe_text(
                f"{len(polled)} polled, {len(cycle.resumed)} resumed, {len(cycle.stored_ids)} documents "
                f"stored, {cycle.alerts} alerts, {cycle.delivery.sent} delivered"))
        for problem in cycle.problems:
            print_problem(problem)

    with workbench(ctx) as bench:
        bench.sources.poller().run(once=once, every_source=every_source, stop=stop, on_cycle=report)
    if once:
        console.print("done")


def deliveries(
    ctx: typer.Context,
    alert: int | None = typer.Option(None, "--alert", help="Only this alert's deliveries."),
    limit: int = typer.Option(200, "--limit", min=0, help="At most this many."),
    output: Format = FORMAT,
) -> None:
    """Alert deliveries, newest first: sent, pending (retrying) or failed, with the last error."""
    with workbench(ctx) as bench:
        found = bench.delivery.deliveries(alert_id=alert, limit=limit)
    emit(found, output, title="deliveries",
         columns=["id", "alert", "sink", "target", "status", "attempts", "last error"],
         row=lambda d: [d.id, d.alert_id, d.sink, d.target, d.status, d.attempts, d.last_error or ""])


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("fetch")(fetch)
    group = typer.Typer(help="Live sources polled by `watchfloor run`: feeds, pages, sitemaps.",
                        no_args_is_help=True)
    for name, command in (("add", sources_add), ("list", sources_list), ("remove", sources_remove)):
        group.command(name)(command)
    cli.app.add_typer(group, name="sources")
    cli.app.command("run")(run)
    cli.app.command("deliveries")(deliveries)
