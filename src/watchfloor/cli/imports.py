"""``watchfloor import ftm``: FollowTheMoney entities (Aleph, OpenSanctions) into the reference lists."""

from __future__ import annotations

from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import console, safe_text
from watchfloor.hookspecs import hookimpl


def import_ftm(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="FtM entities: JSON Lines (one entity a line) or a JSON array."),
    dataset: str | None = typer.Option(
        None, "--dataset", help="Name of the reference list (default: the file's name before its first dot)."
    ),
) -> None:
    """Import (replace) a reference list from FtM entities; nothing is stored if the file has an error.

    People, organisations, companies, addresses, vessels and other entities FtM can match are kept, with
    their own ids and every name; documents, mentions, links and notes are skipped. See them matched
    against the workspace with `watchfloor xref`.
    """
    with workbench(ctx) as bench:
        result = bench.reference.import_ftm(path, dataset)
    skipped = ", ".join(f"{count} {schema}" for schema, count in result.skipped.items())
    console.print(safe_text(f"{result.dataset}: {result.imported} entities"
                            + (f" (skipped {skipped})" if skipped else "")))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    group = typer.Typer(help="Import other tools' data: FollowTheMoney entities (Aleph, OpenSanctions).",
                        no_args_is_help=True)
    group.command("ftm")(import_ftm)
    cli.app.add_typer(group, name="import")
