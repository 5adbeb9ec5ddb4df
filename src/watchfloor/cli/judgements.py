"""``watchfloor judgements`` (merge, split, not-same, list, undo), ``reference import`` and ``xref``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.output import Format, console, emit, safe_text
from watchfloor.hookspecs import hookimpl

WHY = typer.Option(None, "--why", help="The reason, kept with the judgement.")
BY = typer.Option(None, "--by", help="Who judges (default: the login name).")
FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")


def _recorded(result: object, done: str) -> None:
    from watchfloor.service.judgements import JudgementResult, describe

    assert isinstance(result, JudgementResult)
    j = result.judgement
    console.print(safe_text(f"judgement {j.id} ({j.action} {describe(j)}) {done}; "
                            f"{result.entities} entities after re-resolution"))


def merge(
    ctx: typer.Context,
    entity_a: str = typer.Argument(..., help="Entity id (see `watchfloor entities`)."),
    entity_b: str = typer.Argument(..., help="Entity id to merge with it."),
    why: str | None = WHY,
    by: str | None = BY,
) -> None:
    """Two entities are the same thing: keep them together from now on."""
    with workbench(ctx) as bench:
        _recorded(bench.judgements.merge(entity_a, entity_b, by=by, why=why), "recorded")


def not_same(
    ctx: typer.Context,
    entity_a: str = typer.Argument(..., help="Entity id."),
    entity_b: str = typer.Argument(..., help="Entity id that is a different thing."),
    why: str | None = WHY,
    by: str | None = BY,
) -> None:
    """Two entities are different things: never merge their mentions."""
    with workbench(ctx) as bench:
        _recorded(bench.judgements.not_same(entity_a, entity_b, by=by, why=why), "recorded")


def split(
    ctx: typer.Context,
    entity: str = typer.Argument(..., help="Entity id."),
    names: list[str] = typer.Option(..., "--name", help="A name form whose mentions leave the entity."),
    why: str | None = WHY,
    by: str | None = BY,
) -> None:
    """Separate the mentions with the given name forms from the rest of an entity."""
    with workbench(ctx) as bench:
        _recorded(bench.judgements.split(entity, names, by=by, why=why), "recorded")


def emit_judgements(found: Sequence[Any], output: Format, title: str) -> None:
    """Judgements (or reviews) as a listing: id, action, what, by whom, when, why, undone."""
    from watchfloor.service.judgements import describe

    emit(found, output, title=title, columns=["id", "action", "subject", "by", "when", "why", "undone"],
         row=lambda j: [j.id, j.action, describe(j), j.author, f"{j.created_at:%Y-%m-%d %H:%M}",
                        j.reason or "", f"{j.undone_at:%Y-%m-%d %H:%M}" if j.undone_at else ""])


def list_judgements(ctx: typer.Context, output: Format = FORMAT) -> None:
    """Every judgement, oldest first, undone ones included (marked)."""
    with workbench(ctx) as bench:
        found = bench.judgements.history()
    emit_judgements(found, output, f"{len(found)} judgements")


def undo(ctx: typer.Context, judgement_id: int = typer.Argument(..., help="Judgement id.")) -> None:
    """Undo a judgement (it stays on record as undone) and re-resolve."""
    with workbench(ctx) as bench:
        _recorded(bench.judgements.undo(judgement_id), "undone")


def import_reference(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="FtM entities (.json/.jsonl) or an OFAC list (.xml)."),
    dataset: str = typer.Option(..., "--dataset", help="Name for this list, e.g. us_ofac_cons."),
) -> None:
    """Import (replace) a reference list; nothing is stored if the file has an error."""
    with workbench(ctx) as bench:
        count = bench.reference.import_file(path, dataset)
    console.print(safe_text(f"{dataset}: {count} entities"))


def xref(
    ctx: typer.Context,
    dataset: str | None = typer.Option(None, "--dataset", help="Only this reference list."),
    threshold: float | None = typer.Option(None, "--threshold", min=0.0, max=1.0,
                                           help="Lowest match score shown, 0–1 (default 0.9)."),
    output: Format = FORMAT,
) -> None:
    """Entities in the workspace that match entities of imported reference lists, with score and names."""
    with workbench(ctx) as bench:
        found = bench.reference.xref(threshold=threshold, dataset=dataset)
    emit(found, output, title="cross-references",
         columns=["entity", "type", "mentions", "reference", "score", "matched"],
         row=lambda m: [m.entity_name, m.entity_type, m.mentions,
                        f"{m.reference.caption} ({m.reference.dataset})", f"{m.score:.3f}",
                        f"{m.our_name} ~ {m.their_name}"])


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    group = typer.Typer(help="Analyst judgements on entities: merge, split, not-same, list, undo.",
                        no_args_is_help=True)
    for name, command in (("merge", merge), ("split", split), ("not-same", not_same),
                          ("list", list_judgements), ("undo", undo)):
        group.command(name)(command)
    cli.app.add_typer(group, name="judgements")
    reference = typer.Typer(help="Reference lists (FollowTheMoney JSON, OFAC XML).", no_args_is_help=True)
    reference.command("import")(import_reference)
    cli.app.add_typer(reference, name="reference")
    cli.app.command("xref")(xref)
