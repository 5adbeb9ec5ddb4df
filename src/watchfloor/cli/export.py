"""``watchfloor export``: the workspace as FollowTheMoney JSON Lines (``alephclient write-entities``)."""

from __future__ import annotations

import json
import sys
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import err_console
from watchfloor.errors import WatchfloorError
from watchfloor.hookspecs import hookimpl


class ExportFormat(StrEnum):
    FTM = "ftm"


def export(
    ctx: typer.Context,
    output_format: ExportFormat = typer.Option(
        ExportFormat.FTM, "--format", help="ftm (FollowTheMoney JSON Lines)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
) -> None:
    """Export documents, entities, mentions and claims (each with its evidence span) as FtM entities."""
    if output is not None and not output.parent.is_dir():
        raise WatchfloorError(f"{output}: folder {output.parent} does not exist")
    destination = output.open("w", encoding="utf-8") if output else nullcontext(sys.stdout)
    with workbench(ctx) as bench, destination as target:
        count = 0
        for record in bench.export.records(output_format.value):
            target.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    if output is not None:
        err_console.print(f"wrote {count} entities to {output}", markup=False, highlight=False)


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("export")(export)
