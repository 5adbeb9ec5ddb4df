"""``watchfloor claims``, ``clusters``, ``timeline`` and ``brief``."""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, parse_day, workbench
from watchfloor.cli.output import Format, console, emit, safe_text
from watchfloor.errors import WatchfloorError
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")
CLAIM_COLUMNS = ["source", "cue", "content", "stance", "hedge", "via", "time"]


class StanceChoice(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"


class BriefFormat(StrEnum):
    MD = "md"
    HTML = "html"


def _claim_cells(claim: Any) -> list[object]:
    source = claim.source or "(unnamed)"
    if claim.speaker:
        source = f"{source} = {claim.speaker}"
    time = f"{claim.time_value} ({claim.time_precision})" if claim.time_value else ""
    return [source, claim.cue, claim.content, claim.stance, claim.hedge or "", " ← ".join(claim.via), time]


def claim_rows(claims: list[Any], *, with_document: bool = True) -> tuple[list[str], list[list[object]]]:
    """Table columns and rows of claims (the document id first unless ``with_document`` is off)."""
    if with_document:
        return ["document", *CLAIM_COLUMNS], [[c.document_id, *_claim_cells(c)] for c in claims]
    return CLAIM_COLUMNS, [_claim_cells(c) for c in claims]


def claims(
    ctx: typer.Context,
    entity: str | None = typer.Option(None, "--entity", help="Claims mentioning an entity with this name."),
    speaker: str | None = typer.Option(None, "--speaker", help="Claims whose source or speaker matches."),
    stance: StanceChoice | None = typer.Option(None, "--stance", help="asserts or denies."),
    limit: int = typer.Option(200, "--limit", min=0, help="At most this many claims."),
    output: Format = FORMAT,
) -> None:
    """Claims (attributions with their evidence), newest documents first; `clusters` groups them."""
    from watchfloor.store.base import ClaimFilter

    query = ClaimFilter(entity=entity, speaker=speaker, stance=stance.value if stance else None, limit=limit)
    with workbench(ctx) as bench:
        found = bench.claims.find(query)
    emit(found, output, title=f"{len(found)} claims", columns=["document", *CLAIM_COLUMNS],
         row=lambda c: [c.document_id, *_claim_cells(c)])


def clusters(
    ctx: typer.Context,
    entity: str | None = typer.Option(None, "--entity", help="Only clusters with claims about it."),
    limit: int = typer.Option(200, "--limit", min=0, help="At most this many clusters."),
    output: Format = FORMAT,
) -> None:
    """Claim clusters: the same statement across documents, weighed by independent origins."""
    with workbench(ctx) as bench:
        found = bench.claims.clusters(entity, limit)
    emit(found, output, title=f"{len(found)} claim clusters",
         columns=["id", "claim", "origins", "denials", "credibility", "time", "documents"],
         row=lambda c: [c.id, c.text, c.independent_origins, len(c.denials),
                        f"{c.credibility.grade} {c.credibility.label}", c.time or "", len(c.documents)])


def _timeline_cells(entry: Any) -> list[object]:
    document = " · ".join(
        part for part in (entry.publisher, entry.title or entry.document_id,
                          entry.published.isoformat() if entry.published else None) if part
    )
    via = f" (via {' ← '.join(entry.via)})" if entry.via else ""
    statement = f"{entry.cue}: {entry.content}" if entry.content else ""
    return [entry.value or "undated", entry.precision, entry.kind, entry.stance or "",
            (entry.source or "") + via, statement, document]


def timeline(
    ctx: typer.Context,
    entity: str | None = typer.Option(None, "--entity", help="Only claims and documents about this entity."),
    since: str | None = typer.Option(None, "--from", help="Only what is dated on or after YYYY-MM-DD."),
    until: str | None = typer.Option(None, "--to", help="Only what is dated on or before YYYY-MM-DD."),
    limit: int = typer.Option(500, "--limit", min=0, help="At most this many entries."),
    output: Format = FORMAT,
) -> None:
    """Dated claims and events in time order, with precision, stance and sources."""
    from watchfloor.service.claims import TimelineQuery

    query = TimelineQuery(entity, parse_day(since, "--from"), parse_day(until, "--to"), limit)
    with workbench(ctx) as bench:
        entries = bench.claims.timeline(query)
    emit(entries, output, title=f"{len(entries)} entries" + (f" about {entity}" if entity else ""),
         columns=["when", "precision", "what", "stance", "source", "statement", "document"],
         row=_timeline_cells)


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.casefold()).strip("-")[:60] or "entity"


def brief(
    ctx: typer.Context,
    entity: str = typer.Argument(..., help="Entity name (any name form or alias)."),
    output_format: BriefFormat = typer.Option(BriefFormat.MD, "--format", help="md or html."),
    output: Path | None = typer.Option(None, "--output", "-o", help="File (default brief-ENTITY.FORMAT)."),
) -> None:
    """Write a brief: key claims with independent origins and credibility, denials, timeline, sources."""
    target = output or Path(f"brief-{_slug(entity)}.{output_format.value}")
    if not target.parent.is_dir():
        raise WatchfloorError(f"{target}: folder {target.parent} does not exist")
    plot_path = target.with_name(f"{target.stem}-timeline.png")
    with workbench(ctx) as bench:
        written = bench.claims.brief(entity, output_format.value, plot_file=plot_path.name)
    try:
        if written.plot_png and output_format is BriefFormat.MD:
            plot_path.write_bytes(written.plot_png)
        target.write_text(written.text, encoding="utf-8")
    except OSError as exc:
        raise WatchfloorError(f"{target}: cannot write ({exc.strerror or exc})") from None
    counts = f"{len(written.brief.key_claims)} key claims, {len(written.brief.evidence)} evidence items"
    console.print(safe_text(f"wrote {target} ({counts})"))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    for command in (claims, clusters, timeline, brief):
        cli.app.command(command.__name__)(command)
