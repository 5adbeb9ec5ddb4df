"""``watchfloor review``: the queue of machine output to confirm, reject or correct, and its history."""

from __future__ import annotations

import typer

from watchfloor.cli.app import CommandGroups, workbench
from watchfloor.cli.judgements import emit_judgements
from watchfloor.cli.output import Format, console, emit, safe_text
from watchfloor.hookspecs import hookimpl

WHY = typer.Option(None, "--why", help="The reason, kept with the decision.")
ITEM = typer.Argument(..., help="Item id from the queue: claim:<key>, mention:<key> or merge:<a>|<b>.")
FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")


def _done(result: object) -> None:
    from watchfloor.service.review import ReviewResult

    assert isinstance(result, ReviewResult)
    j = result.judgement
    undo = f"watchfloor review undo {j.id}"
    console.print(safe_text(f"judgement {j.id}: {j.action} {result.item} (undo: {undo})"))


def queue(
    ctx: typer.Context,
    kind: str | None = typer.Option(None, "--kind", help="attribution, mention or merge."),
    limit: int = typer.Option(30, "--limit", min=1, help="Items shown at most."),
    reviewed: bool = typer.Option(False, "--reviewed", help="Items already decided instead."),
    output: Format = FORMAT,
) -> None:
    """What awaits review, most important first: what alerts and briefs rest on, least sure first."""
    if ctx.invoked_subcommand is not None:
        return
    with workbench(ctx) as bench:
        items = bench.review.queue(kind=kind, limit=limit, reviewed=reviewed)
    emit(items, output, title=f"{len(items)} items to review" if not reviewed else f"{len(items)} reviewed",
         columns=["item", "kind", "priority", "confidence", "found", "why here"],
         row=lambda i: [i.id, i.kind, f"{i.priority:.2f}", f"{i.confidence:.2f}", i.text,
                        "; ".join(i.reasons) or (i.review or "")])


def confirm(ctx: typer.Context, item: str = ITEM, why: str | None = WHY) -> None:
    """The machine got it right (a proposed merge: merge the two entities)."""
    with workbench(ctx) as bench:
        _done(bench.review.confirm(item, why=why))


def reject(ctx: typer.Context, item: str = ITEM, why: str | None = WHY) -> None:
    """The machine got it wrong: a claim leaves claims, briefs and exports; a merge is kept apart."""
    with workbench(ctx) as bench:
        _done(bench.review.reject(item, why=why))


def correct(
    ctx: typer.Context,
    item: str = ITEM,
    stance: str | None = typer.Option(None, "--stance", help="asserts, denies or no_comment."),
    time: str | None = typer.Option(None, "--time", help="The claim's time, e.g. 2024-05-14, 2024-05."),
    label: str | None = typer.Option(None, "--label", help="A mention's entity label, e.g. ORG."),
    why: str | None = WHY,
) -> None:
    """Correct part of what the machine found: a claim's stance or time, a mention's label."""
    from watchfloor.errors import WatchfloorError

    given = [(f, v) for f, v in (("stance", stance), ("time", time), ("label", label)) if v is not None]
    if len(given) != 1:
        raise WatchfloorError("review correct: give exactly one of --stance, --time, --label")
    with workbench(ctx) as bench:
        _done(bench.review.correct(item, given[0][0], given[0][1], why=why))


def history(ctx: typer.Context, output: Format = FORMAT) -> None:
    """Every review decision, oldest first, undone ones included (marked)."""
    with workbench(ctx) as bench:
        found = bench.review.history()
    emit_judgements(found, output, f"{len(found)} review decisions")


def undo(ctx: typer.Context, judgement_id: int = typer.Argument(..., help="Judgement id.")) -> None:
    """Undo a decision: what the machine found is back (the decision stays on record as undone)."""
    with workbench(ctx) as bench:
        result = bench.judgements.undo(judgement_id)
    console.print(safe_text(f"judgement {result.judgement.id} ({result.judgement.action}) undone"))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    group = typer.Typer(help="The review queue: confirm, reject or correct what the machine found.",
                        invoke_without_command=True)
    group.callback()(queue)
    for name, command in (("confirm", confirm), ("reject", reject), ("correct", correct),
                          ("history", history), ("undo", undo)):
        group.command(name)(command)
    cli.app.add_typer(group, name="review")
