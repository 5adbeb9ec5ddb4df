"""Shared CLI plumbing: the command groups that ``register_commands`` hooks add to, and workspace access.

Command modules import the service layer inside their commands, so ``watchfloor --help`` starts
without loading spaCy, torch or followthemoney.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import typer

from watchfloor.config import Settings, load_settings

if TYPE_CHECKING:
    from watchfloor.service.workbench import Workbench


@dataclass(slots=True)
class CommandGroups:
    """What ``register_commands`` hooks add to: the top-level app and its groups."""

    app: typer.Typer
    eval: typer.Typer
    watchlist: typer.Typer


def settings(ctx: typer.Context) -> Settings:
    """Settings for this invocation (``--db`` on the top-level command, else env/config/default)."""
    root = ctx.find_root()
    if not isinstance(root.obj, Settings):
        root.obj = load_settings()
    return root.obj


def workbench(ctx: typer.Context) -> Workbench:
    """The configured workspace (the caller closes it: ``with workbench(ctx) as bench``)."""
    from watchfloor.service.workbench import Workbench

    return Workbench.open(settings(ctx))


def parse_day(value: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option value; a usage error names the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=option) from None
