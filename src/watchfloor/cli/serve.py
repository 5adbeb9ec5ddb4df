"""``watchfloor serve``: the REST API (and, later, the web workbench) over the configured workspace."""

from __future__ import annotations

import ipaddress

import typer

from watchfloor.cli.app import CommandGroups, settings
from watchfloor.cli.output import err_console
from watchfloor.hookspecs import hookimpl

DEFAULT_PORT = 8740


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (loopback by default)."),
    port: int = typer.Option(DEFAULT_PORT, "--port", min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the REST API at http://HOST:PORT/api/v1/ (OpenAPI at /api/openapi.json); Ctrl-C stops it."""
    import uvicorn

    from watchfloor.api.app import create_app

    if not _loopback(host):
        err_console.print(f"warning: binding {host}: the API is reachable from other machines; every route "
                          "except /api/v1/health needs a token", markup=False, highlight=False)
    uvicorn.run(create_app(settings(ctx)), host=host, port=port, log_level="info")


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    cli.app.command("serve")(serve)
