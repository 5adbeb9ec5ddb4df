"""``watchfloor entities`` (list, show, resolve) and the ``watchlist`` group."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import Format, ObjectFormat, console, emit, print_json, safe_text, table
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")


def _names(entity: Any) -> str:
    scripts = entity.names_by_script.items()
    return "\n".join(f"{script.lower()}: {' / '.join(forms)}" for script, forms in scripts)


def entities(
    ctx: typer.Context,
    entity_type: str | None = typer.Option(None, "--type", help="PERSON, ORG, LOC (or an NER label)."),
    top: int = typer.Option(20, "--top", min=0, help="How many entities, most mentioned first."),
    output: Format = FORMAT,
) -> None:
    """Entities with their names in every script, the documents mentioning them, and mention counts.

    `entities show ID-OR-NAME` lists one entity's mentions; `entities resolve` re-runs resolution.
    """
    if ctx.invoked_subcommand is not None:
        return
    with workbench(ctx) as bench:
        found = bench.entities.top(type=entity_type, limit=top)
    emit(found, output, title=f"{len(found)} entities",
         columns=["id", "type", "name", "names", "mentions", "document ids"],
         row=lambda e: [e.id, e.type, e.name, _names(e), e.mention_count, "\n".join(e.documents)])


def show_entity(
    ctx: typer.Context,
    entity: str = typer.Argument(..., help="Entity id or any of its names, in any script."),
    output: ObjectFormat = typer.Option(ObjectFormat.TABLE, "--format", help="table or json."),
) -> None:
    """One entity: its names in every script, its publishers and every mention with its document."""
    with workbench(ctx) as bench:
        view = bench.entities.get(entity)
    if output is ObjectFormat.JSON:
        print_json(view)
        return
    found = view.entity
    meta: list[list[object]] = [["id", found.id], ["type", found.type], ["name", found.name],
                                ["names", _names(found)], ["publishers", ", ".join(found.publishers)]]
    console.print(table(None, ["field", "value"], meta))
    rows: list[list[object]] = [[m.document_id, m.text, m.label, f"{m.start}–{m.end}", m.component]
                                for m in view.mentions]
    console.print(table(f"{len(rows)} mentions", ["document", "text", "label", "at", "found by"], rows))


def resolve_entities(ctx: typer.Context) -> None:
    """Re-resolve every mention of the workspace into entities, re-applying analyst judgements."""
    with workbench(ctx) as bench:
        report = bench.entities.resolve()
    console.print(safe_text(
        f"{report.mentions} mentions → {report.entities} entities ({report.judgements} judgements applied, "
        f"{report.pairs_considered} candidate pairs, {report.seconds:.2f} s)"
    ))


def watchlist_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Canonical name."),
    entity_type: str = typer.Option(..., "--type", help="PERSON, ORG, LOC, FAC…"),
    aliases: list[str] = typer.Option([], "--alias", help="Another name, in any script (repeatable)."),
    notes: str | None = typer.Option(None, "--notes", help="Free-text analyst notes."),
) -> None:
    """Add a watched name (or aliases to an existing one); `reextract --stage watchlist` applies it."""
    with workbench(ctx) as bench:
        written = bench.watchlist.add(name, entity_type, aliases, notes)
    console.print(safe_text(f"{name}: {'saved' if written else 'unchanged'}"))


def watchlist_list(ctx: typer.Context, output: Format = FORMAT) -> None:
    """List watched names and their aliases."""
    with workbench(ctx) as bench:
        entries = bench.watchlist.entries()
    emit(entries, output, title=f"{len(entries)} watchlist entries",
         columns=["id", "type", "name", "aliases", "notes"],
         row=lambda e: [e.id, e.type, e.name, " / ".join(e.aliases), e.notes or ""])


def watchlist_import(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="YAML list of {name, type, aliases, notes}, or CSV."),
) -> None:
    """Import watched names from a file (entries already present gain new aliases)."""
    with workbench(ctx) as bench:
        read, written = bench.watchlist.import_file(path)
    console.print(safe_text(f"{path}: {read} entries read, {written} added or updated"))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    group = typer.Typer(help="Entities across documents, languages and scripts.")
    group.callback(invoke_without_command=True)(entities)
    group.command("show")(show_entity)
    group.command("resolve")(resolve_entities)
    cli.app.add_typer(group, name="entities")
    cli.watchlist.command("add")(watchlist_add)
    cli.watchlist.command("list")(watchlist_list)
    cli.watchlist.command("import")(watchlist_import)
