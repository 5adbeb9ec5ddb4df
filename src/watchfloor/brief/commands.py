"""``watchfloor brief ENTITY``: what is known about an entity, as Markdown or HTML with a timeline plot."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from watchfloor.brief.build import build_brief
from watchfloor.brief.plot import timeline_png
from watchfloor.brief.render import FORMATS, render
from watchfloor.cli.app import CommandGroups, console, open_workspace
from watchfloor.hookspecs import hookimpl


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")[:60] or "entity"


def brief(
    ctx: typer.Context,
    entity: str = typer.Argument(..., help="Entity name (any name form or alias)."),
    output_format: str = typer.Option("md", "--format", help="md or html."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default brief-ENTITY.FORMAT)."),
) -> None:
    """Write a brief: key claims with independent origins and credibility, denials, timeline, sources."""
    if output_format not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    target = output or Path(f"brief-{_slug(entity)}.{output_format}")
    with open_workspace(ctx) as store:
        gathered = build_brief(store, entity)
    plot = timeline_png(gathered.timeline, f"{entity}: dated claims and documents")
    plot_file = None
    if plot and output_format == "md":
        plot_path = target.with_name(f"{target.stem}-timeline.png")
        plot_path.write_bytes(plot)
        plot_file = plot_path.name
    target.write_text(render(gathered, output_format, plot, plot_file), encoding="utf-8")
    counts = f"{len(gathered.key_claims)} key claims, {len(gathered.evidence)} evidence items"
    console.print(f"wrote {target} ({counts})")


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("brief")(brief)
