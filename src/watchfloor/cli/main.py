"""Entry point: ``watchfloor`` builds its command tree from the plugin hooks."""

from __future__ import annotations

import sys

import typer
from rich.markup import escape

from watchfloor import __version__
from watchfloor.cli.app import CommandGroups
from watchfloor.cli.output import err_console
from watchfloor.config import load_settings
from watchfloor.errors import WatchfloorError
from watchfloor.plugins import command_manager


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"watchfloor {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="watchfloor",
        help="OSINT workbench: ingest public reporting, find who says what, corroborate.",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
        rich_markup_mode=None,  # plain help: click's TEXT/INTEGER metavars, no <bool> on flags
    )
    eval_app = typer.Typer(help="Measure extraction quality on gold data.", no_args_is_help=True)
    watchlist_app = typer.Typer(help="Analyst watchlists: names matched before statistical NER.",
                                no_args_is_help=True)
    app.add_typer(eval_app, name="eval")
    app.add_typer(watchlist_app, name="watchlist")

    @app.callback()
    def root(
        ctx: typer.Context,
        db: str | None = typer.Option(None, "--db", help="Workspace: SQLite file path or database URL."),
        version: bool = typer.Option(
            False, "--version", is_eager=True, callback=_print_version, help="Print the version and exit."
        ),
    ) -> None:
        ctx.obj = load_settings(db)

    command_manager().hook.register_commands(cli=CommandGroups(app, eval_app, watchlist_app))
    return app


def main(argv: list[str] | None = None) -> None:
    """Run the CLI. Usage errors are typer's (exit 2); user-facing errors print one line and exit 1."""
    app = build_app()
    try:
        app(args=argv, prog_name="watchfloor")
    except WatchfloorError as exc:
        err_console.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
        sys.exit(1)
