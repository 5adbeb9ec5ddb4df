"""``watchfloor watch …`` (rules), ``watchfloor alerts`` and ``watchfloor publishers`` (reliability)."""

from __future__ import annotations

from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, console, open_workspace, print_json_lines
from watchfloor.hookspecs import hookimpl
from watchfloor.store.commands import _table
from watchfloor.watch.engine import evaluate_clusters, evaluate_document
from watchfloor.watch.rules import load_rules_file, parse_rule

watch_app = typer.Typer(help="Watch rules: conditions over new documents, claims and clusters.",
                        no_args_is_help=True)
publishers_app = typer.Typer(help="Publishers and their Admiralty reliability (A–F).",
                             invoke_without_command=True)


@watch_app.command("add")
def watch_add(ctx: typer.Context, path: Path = typer.Argument(..., help="YAML file of rules.")) -> None:
    """Add or replace the rules in a YAML file (checked before anything is stored)."""
    rules = load_rules_file(path)
    with open_workspace(ctx) as store:
        written = store.save_watch_rules((r.id, r.to_definition()) for r in rules)
    console.print(f"{len(rules)} rules read, {written} added or changed")


@watch_app.command("list")
def watch_list(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """The workspace's watch rules."""
    with open_workspace(ctx) as store:
        rules = [parse_rule(d, rule_id) for rule_id, d in store.watch_rules()]
    if as_json:
        print_json_lines([r.to_definition() for r in rules])
        return
    console.print(_table("watch rules", ["id", "on", "when", "deliver", "description"],
                         [[r.id, r.on, r.when, r.deliver, r.description] for r in rules]))


@watch_app.command("remove")
def watch_remove(ctx: typer.Context, rule_id: str = typer.Argument(...)) -> None:
    """Remove a rule (its alerts stay)."""
    with open_workspace(ctx) as store:
        if not store.delete_watch_rule(rule_id):
            raise typer.BadParameter(f"no watch rule {rule_id!r}")
    console.print(f"removed {rule_id}")


@watch_app.command("run")
def watch_run(ctx: typer.Context) -> None:
    """Evaluate the rules over everything already stored (alerts that fired before are not repeated)."""
    with open_workspace(ctx) as store:
        fired = sum(evaluate_document(store, d) for d in store.document_links())
        fired += evaluate_clusters(store)
    console.print(f"{fired} new alerts")


def alerts(
    ctx: typer.Context,
    rule: str | None = typer.Option(None, "--rule", help="Only this rule's alerts."),
    limit: int = typer.Option(200, "--limit", min=0),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Alerts that watch rules raised, newest first."""
    with open_workspace(ctx) as store:
        found = store.alerts(rule=rule, limit=limit)
    if as_json:
        print_json_lines([a.to_json() for a in found])
        return
    rows = [[a.created_at.strftime("%Y-%m-%d %H:%M"), a.rule, a.subject, a.title] for a in found]
    console.print(_table("alerts", ["when", "rule", "subject", "title"], rows))


@publishers_app.callback()
def publishers(ctx: typer.Context, as_json: bool = typer.Option(False, "--json")) -> None:
    """Publishers with their reliability and document counts."""
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace(ctx) as store:
        found = store.publishers()
    if as_json:
        print_json_lines([{"name": p.name, "reliability": p.reliability, "documents": p.document_count}
                          for p in found])
        return
    console.print(_table("publishers", ["name", "reliability", "documents"],
                         [[p.name, p.reliability, p.document_count] for p in found]))


@publishers_app.command("rate")
def publishers_rate(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Publisher name as stored."),
    rating: str = typer.Argument(..., help="A completely reliable … E unreliable, F cannot be judged."),
) -> None:
    """Set a publisher's reliability on the Admiralty scale."""
    with open_workspace(ctx) as store:
        store.set_reliability(name, rating)
    console.print(f"{name}: {rating.upper()}")


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.add_typer(watch_app, name="watch")
    cli.app.add_typer(publishers_app, name="publishers")
    cli.app.command("alerts")(alerts)
