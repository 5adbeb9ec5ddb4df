"""Shared CLI plumbing: the command groups, workspace access and output helpers."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console

from watchfloor.config import Settings, load_settings

console = Console()
err_console = Console(stderr=True)


@dataclass(slots=True)
class CommandGroups:
    """What ``register_commands`` hooks add to: the top-level app and the ``eval`` group."""

    app: typer.Typer
    eval: typer.Typer
    watchlist: typer.Typer


def settings(ctx: typer.Context) -> Settings:
    """Settings for this invocation (``--db`` on the top-level command, else env/config/default)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = load_settings()
    return root.obj


def open_workspace(ctx: typer.Context) -> Any:
    """Open the configured store (the caller closes it, e.g. ``with open_workspace(ctx) as store``)."""
    from watchfloor.store.sql import open_store

    return open_store(settings(ctx).db_url)


def print_json_lines(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n")
