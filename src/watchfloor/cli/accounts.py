"""``watchfloor users`` (API accounts: add, list, revoke) and ``watchfloor audit`` (the log of writes)."""

from __future__ import annotations

import json
from enum import StrEnum

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import Format, console, emit, safe_text
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")


class Role(StrEnum):
    VIEWER = "viewer"
    ANALYST = "analyst"
    ADMIN = "admin"


def users_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Account name (letters, digits, '.', '_', '@', '-')."),
    role: Role = typer.Option(..., "--role", help="viewer reads; analyst also writes; admin also manages."),
) -> None:
    """Add an API account and print its token, this once: only its hash is kept."""
    with workbench(ctx) as bench:
        account, token = bench.accounts.add(name, role.value)
    console.print(safe_text(f"account {account.name} ({account.role}) added; its token, shown only now:"))
    console.print(safe_text(token), soft_wrap=True)


def users_list(ctx: typer.Context, output: Format = FORMAT) -> None:
    """API accounts with their roles (tokens are never shown again)."""
    with workbench(ctx) as bench:
        found = bench.accounts.all()
    emit(found, output, title=f"{len(found)} accounts", columns=["name", "role", "created", "revoked"],
         row=lambda a: [a.name, a.role, f"{a.created_at:%Y-%m-%d %H:%M}",
                        f"{a.revoked_at:%Y-%m-%d %H:%M}" if a.revoked_at else ""])


def users_revoke(ctx: typer.Context, name: str = typer.Argument(..., help="Account name.")) -> None:
    """Revoke an account: its token stops working at once (the account stays on record)."""
    with workbench(ctx) as bench:
        account = bench.accounts.revoke(name)
    console.print(safe_text(f"account {account.name} revoked"))


def audit(
    ctx: typer.Context,
    actor: str | None = typer.Option(None, "--actor", help="Only this actor's writes (e.g. cli:ana)."),
    limit: int = typer.Option(200, "--limit", min=0, help="At most this many entries."),
    output: Format = FORMAT,
) -> None:
    """Every write to the workspace, newest first: who, when, what, before and after."""
    with workbench(ctx) as bench:
        found = bench.audit.entries(limit=limit, actor=actor)
    emit(found, output, title=f"{len(found)} audit entries",
         columns=["when", "actor", "action", "subject", "before", "after"],
         row=lambda e: [f"{e.at:%Y-%m-%d %H:%M:%S}", e.actor, e.action, e.subject,
                        "" if e.before is None else json.dumps(e.before, ensure_ascii=False),
                        "" if e.after is None else json.dumps(e.after, ensure_ascii=False)])


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    users = typer.Typer(help="API accounts and their roles (viewer, analyst, admin).", no_args_is_help=True)
    users.command("add")(users_add)
    users.command("list")(users_list)
    users.command("revoke")(users_revoke)
    cli.app.add_typer(users, name="users")
    cli.app.command("audit")(audit)
