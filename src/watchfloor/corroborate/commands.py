"""``watchfloor clusters``: claim clusters with independent origins, denials and credibility."""

from __future__ import annotations

import typer

from watchfloor.cli.app import CommandGroups, console, open_workspace, print_json_lines
from watchfloor.corroborate.workspace import workspace_clusters
from watchfloor.hookspecs import hookimpl
from watchfloor.store.commands import _table


def print_clusters(ctx: typer.Context, entity: str | None, as_jsonl: bool, limit: int = 200) -> None:
    """Clusters about ``entity`` (or all) as JSON Lines or as a table."""
    with open_workspace(ctx) as store:
        clusters = workspace_clusters(store, entity)[:limit]
    if as_jsonl:
        print_json_lines([c.to_json() for c in clusters])
        return
    rows = [
        [
            c.id,
            c.text,
            c.independent_origins,
            len(c.denials),
            f"{c.credibility.grade} {c.credibility.label}",
            c.time or "",
            len(c.documents),
        ]
        for c in clusters
    ]
    console.print(
        _table(
            "claim clusters", ["id", "claim", "origins", "denials", "credibility", "time", "documents"], rows
        )
    )


def clusters(
    ctx: typer.Context,
    entity: str | None = typer.Option(None, "--entity", help="Only clusters with claims mentioning it."),
    limit: int = typer.Option(200, "--limit", min=0),
    as_json: bool = typer.Option(False, "--json", help="JSON lines (as claims --format jsonl)."),
) -> None:
    """Claim clusters: the same statement across documents, weighed by independent origins."""
    print_clusters(ctx, entity, as_json, limit)


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("clusters")(clusters)
