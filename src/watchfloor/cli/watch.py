"""``watchfloor watch …`` (rules), ``alerts`` and ``publishers`` (Admiralty reliability)."""

from __future__ import annotations

from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import Format, console, emit, safe_text
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")


def watch_add(ctx: typer.Context, path: Path = typer.Argument(..., help="YAML file of rules.")) -> None:
    """Add or replace the rules in a YAML file (all checked before any is stored)."""
    with workbench(ctx) as bench:
        read, written = bench.watch.add_rules_file(path)
    console.print(f"{read} rules read, {written} added or changed")


def watch_list(ctx: typer.Context, output: Format = FORMAT) -> None:
    """The workspace's watch rules."""
    with workbench(ctx) as bench:
        rules = bench.watch.rules()
    emit(rules, output, title="watch rules", columns=["id", "on", "when", "deliver", "description"],
         row=lambda r: [r.id, r.on, r.when, r.deliver, r.description], record=lambda r: r.to_definition())


def watch_remove(ctx: typer.Context, rule_id: str = typer.Argument(..., help="Rule id.")) -> None:
    """Remove a rule (its alerts stay)."""
    with workbench(ctx) as bench:
        bench.watch.remove(rule_id)
    console.print(safe_text(f"removed {rule_id}"))


def watch_run(ctx: typer.Context) -> None:
    """Evaluate the rules over everything already stored (alerts that fired before are not repeated)."""
    with workbench(ctx) as bench:
        fired = bench.watch.run()
    console.print(f"{fired} new alerts")


def alerts(
    ctx: typer.Context,
    rule: str | None = typer.Option(None, "--rule", help="Only this rule's alerts."),
    limit: int = typer.Option(200, "--limit", min=0, help="At most this many alerts."),
    open_only: bool = typer.Option(False, "--open", help="Only alerts nobody has acknowledged."),
    acknowledge: int | None = typer.Option(None, "--ack", help="Acknowledge the alert with this id."),
    output: Format = FORMAT,
) -> None:
    """Alerts that watch rules raised, newest first (`--ack ID` takes note of one)."""
    with workbench(ctx) as bench:
        if acknowledge is not None:
            done = bench.watch.acknowledge(acknowledge)
            console.print(f"alert {acknowledge} " + ("acknowledged" if done else "was already acknowledged"))
            return
        found = bench.watch.alerts(rule=rule, limit=limit, open_only=open_only)
    emit(found, output, title="alerts", columns=["id", "when", "rule", "subject", "title", "acknowledged"],
         row=lambda a: [a.id, a.created_at.strftime("%Y-%m-%d %H:%M"), a.rule, a.subject, a.title,
                        a.acknowledged_by or ""])


def publishers(ctx: typer.Context, output: Format = FORMAT) -> None:
    """Publishers with their reliability and document counts (`publishers rate NAME GRADE` sets one)."""
    if ctx.invoked_subcommand is not None:
        return
    with workbench(ctx) as bench:
        found = bench.publishers.all()
    emit(found, output, title="publishers", columns=["name", "reliability", "documents"],
         row=lambda p: [p.name, p.reliability, p.document_count],
         record=lambda p: {"name": p.name, "reliability": p.reliability, "documents": p.document_count})


def publishers_rate(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Publisher name as documents give it (any letter case)."),
    rating: str = typer.Argument(..., help="A completely reliable … E unreliable, F cannot be judged."),
) -> None:
    """Set a publisher's reliability on the Admiralty scale."""
    with workbench(ctx) as bench:
        rated = bench.publishers.rate(name, rating)
    console.print(safe_text(f"{rated.name}: {rated.reliability}"))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    watch = typer.Typer(help="Watch rules: conditions over new documents, claims and clusters.",
                        no_args_is_help=True)
    for name, command in (("add", watch_add), ("list", watch_list), ("remove", watch_remove),
                          ("run", watch_run)):
        watch.command(name)(command)
    cli.app.add_typer(watch, name="watch")
    group = typer.Typer(help="Publishers and their Admiralty reliability (A–F).")
    group.callback(invoke_without_command=True)(publishers)
    group.command("rate")(publishers_rate)
    cli.app.add_typer(group, name="publishers")
    cli.app.command("alerts")(alerts)
