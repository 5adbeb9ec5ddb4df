"""``watchfloor export``: the workspace as FollowTheMoney, STIX 2.1, CSV or GraphML, streamed."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import err_console
from watchfloor.errors import WatchfloorError
from watchfloor.hookspecs import hookimpl


class ExportFormat(StrEnum):
    FTM = "ftm"
    STIX = "stix"
    CSV = "csv"
    GRAPHML = "graphml"


def _write_file(chunks: Iterable[str], output: Path) -> None:
    """Write the chunks to a file beside ``output`` and move it into place only when all is written;
    a device or pipe (``/dev/null``, a FIFO) is written to directly, never replaced."""
    if output.exists() and not output.is_file():
        with output.open("w", encoding="utf-8", newline="") as target:
            for chunk in chunks:
                target.write(chunk)
        return
    handle, partial = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as target:
            for chunk in chunks:
                target.write(chunk)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(partial, 0o666 & ~umask)  # mkstemp makes it private; the export is an ordinary file
        os.replace(partial, output)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def export(
    ctx: typer.Context,
    output_format: ExportFormat = typer.Option(
        ExportFormat.FTM, "--format",
        help="ftm (FollowTheMoney JSON Lines, for Aleph), stix (STIX 2.1 bundle, for OpenCTI and MISP), "
             "csv (one row per claim) or graphml (entities and documents as a network).",
    ),
    entity: str | None = typer.Option(
        None, "--entity", help="Only the documents mentioning this entity (id or any name, any script)."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="File to write (default: stdout)."),
    opencti: bool = typer.Option(
        False, "--opencti", help="STIX: add OpenCTI's x_opencti_* properties (reliability, aliases)."
    ),
) -> None:
    """Export documents, entities, mentions and claims (each with its evidence span)."""
    if output is not None and not output.parent.is_dir():
        raise WatchfloorError(f"{output}: folder {output.parent} does not exist")
    with workbench(ctx) as bench:
        chunks = bench.export.stream(output_format.value, entity=entity, opencti=opencti)
        if output is None:
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        _write_file(chunks, output)
    err_console.print(f"wrote the {output_format.value} export to {output}", markup=False, highlight=False)


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("export")(export)
