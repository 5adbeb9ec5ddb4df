"""``watchfloor judgements``: analyst merge / split / not-same decisions on entities, reversible.

Judgements are stored apart from machine output with who, when and why. Each one records the mentions
the entities had when it was made, and every resolution run re-applies the active ones, so a split
survives a full re-resolution; ``undo`` marks a judgement undone (it stays on record) and re-resolves.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, console, open_workspace, print_json_lines
from watchfloor.errors import WatchfloorError
from watchfloor.resolve.workspace import pair_subject, resolve_workspace, split_subject
from watchfloor.store.base import Store, StoredJudgement, StoredMention
from watchfloor.store.commands import _jsonable, _table, safe_text

WHY = typer.Option(None, "--why", help="The reason, kept with the judgement.")
BY = typer.Option(None, "--by", help="Who judges (default: $USER).")


def _author(by: str | None) -> str:
    if by and by.strip():
        return by.strip()
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _record(store: Store, action: str, subject: dict[str, object], by: str | None, why: str | None) -> None:
    judgement = store.add_judgement(action, subject, author=_author(by), reason=why)
    report = resolve_workspace(store)
    console.print(
        safe_text(
            f"judgement {judgement.id} ({action}) recorded; {report.entities} entities after re-resolution"
        )
    )


def _judge(
    ctx: typer.Context,
    action: str,
    subject_of: Callable[[list[StoredMention]], dict[str, Any]],
    by: str | None,
    why: str | None,
) -> None:
    """Record a judgement on a subject built from the workspace's mentions, then re-resolve."""
    with open_workspace(ctx) as store:
        try:
            subject = subject_of(store.workspace_mentions())
        except ValueError as exc:
            raise WatchfloorError(f"judgements {action}: {exc}") from None
        _record(store, action, subject, by, why)


def merge(
    ctx: typer.Context,
    entity_a: str = typer.Argument(..., help="Entity id (see `watchfloor entities`)."),
    entity_b: str = typer.Argument(..., help="Entity id to merge with it."),
    why: str | None = WHY,
    by: str | None = BY,
) -> None:
    """Two entities are the same thing: keep them together from now on."""
    _judge(ctx, "merge", lambda mentions: pair_subject(mentions, entity_a, entity_b), by, why)


def not_same(
    ctx: typer.Context,
    entity_a: str = typer.Argument(..., help="Entity id."),
    entity_b: str = typer.Argument(..., help="Entity id that is a different thing."),
    why: str | None = WHY,
    by: str | None = BY,
) -> None:
    """Two entities are different things: never merge their mentions."""
    _judge(ctx, "not-same", lambda mentions: pair_subject(mentions, entity_a, entity_b), by, why)


def split(
    ctx: typer.Context,
    entity: str = typer.Argument(..., help="Entity id."),
    names: list[str] = typer.Option(..., "--name", help="A name form whose mentions leave the entity."),
    why: str | None = WHY,
    by: str | None = BY,
) -> None:
    """Separate the mentions with the given name forms from the rest of an entity."""
    _judge(ctx, "split", lambda mentions: split_subject(mentions, entity, names), by, why)


def _describe(judgement: StoredJudgement) -> str:
    subject = judgement.subject
    if judgement.action == "split":
        return f"{subject.get('entity')}: {' / '.join(subject.get('names', []))}"
    joiner = " ≠ " if judgement.action == "not-same" else " + "
    return joiner.join(subject.get("entities", []))


def list_judgements(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Every judgement, oldest first, undone ones included (marked)."""
    with open_workspace(ctx) as store:
        found = store.judgements()
    if as_json:
        print_json_lines([_jsonable(j) for j in found])
        return
    rows: list[list[object]] = [
        [
            j.id,
            j.action,
            _describe(j),
            j.author,
            f"{j.created_at:%Y-%m-%d %H:%M}",
            j.reason or "",
            f"{j.undone_at:%Y-%m-%d %H:%M}" if j.undone_at else "",
        ]
        for j in found
    ]
    columns = ["id", "action", "subject", "by", "when", "why", "undone"]
    console.print(_table(f"{len(found)} judgements", columns, rows))


def undo(ctx: typer.Context, judgement_id: int = typer.Argument(..., help="Judgement id.")) -> None:
    """Undo a judgement (it stays on record as undone) and re-resolve."""
    with open_workspace(ctx) as store:
        judgement = store.undo_judgement(judgement_id)
        report = resolve_workspace(store)
    console.print(
        safe_text(
            f"judgement {judgement.id} ({judgement.action} {_describe(judgement)}) undone; "
            f"{report.entities} entities after re-resolution"
        )
    )


def register(cli: CommandGroups) -> None:
    """Add the ``judgements`` group to the CLI."""
    group = typer.Typer(help="Analyst judgements on entities: merge, split, not-same, list, undo.")
    for name, command in (
        ("merge", merge),
        ("split", split),
        ("not-same", not_same),
        ("list", list_judgements),
        ("undo", undo),
    ):
        group.command(name)(command)
    cli.app.add_typer(group, name="judgements")
