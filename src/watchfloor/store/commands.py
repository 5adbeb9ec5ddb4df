"""Workspace commands: documents, show, entities, claims, summary and the watchlist group.

Tables are for people, ``--json`` for machines. Stored text is untrusted: it is only ever rendered as
:class:`rich.text.Text` (never parsed as markup), with terminal control characters replaced.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.table import Table
from rich.text import Text

from watchfloor.cli.app import CommandGroups, console, open_workspace, print_json, print_json_lines
from watchfloor.errors import WatchfloorError
from watchfloor.hookspecs import hookimpl
from watchfloor.store.base import (
    ClaimFilter,
    StoredClaim,
    StoredDocument,
    StoredMention,
    StoredTime,
    WatchlistEntry,
)

#: Characters of a document ``show`` prints; longer texts are cut with a note.
MAX_SHOW_CHARS = 100_000

STYLE_ENTITY = "bold cyan"
STYLE_TIME = "bold yellow"
STYLE_CUE = "bold magenta"
STYLE_SOURCE = "bold green"
STYLE_CONTENT = "underline"
LEGEND = (
    ("entity", STYLE_ENTITY),
    ("time", STYLE_TIME),
    ("cue", STYLE_CUE),
    ("source", STYLE_SOURCE),
    ("content", STYLE_CONTENT),
)

# Control characters (other than newline and tab) could drive the terminal: each becomes one
# replacement character, so span offsets still line up.
_CONTROL = {code: "\ufffd" for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if code not in (9, 10)}
_CONTROL[0x0D] = " "


def safe_text(value: object, style: str = "") -> Text:
    """Untrusted value as rich Text: no markup parsing, no terminal control characters."""
    return Text("" if value is None else str(value).translate(_CONTROL), style=style)


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)
                if not isinstance(getattr(value, f.name), bytes)}  # embeddings are for machines
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


#: Columns holding ids, which people copy: never wrapped or cut.
ID_COLUMNS = frozenset({"id", "document", "document ids"})


def _table(title: str | None, columns: list[str], rows: list[list[object]]) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column, no_wrap=column in ID_COLUMNS, min_width=16 if column in ID_COLUMNS else None)
    for row in rows:
        table.add_row(*(safe_text(value) for value in row))
    return table


def _day(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


def _document_summary(document: StoredDocument) -> dict[str, Any]:
    summary: dict[str, Any] = _jsonable(document)
    summary.pop("text")
    summary["chars"] = len(document.text)
    return summary


def _claim_time(claim: StoredClaim) -> str:
    return f"{claim.time_value} ({claim.time_precision})" if claim.time_value else ""


# -- commands --------------------------------------------------------------------------------------


def documents(
    ctx: typer.Context,
    kind: str | None = typer.Option(None, "--kind", help="Only this kind (article, job_posting…)."),
    search: str | None = typer.Option(None, "--search", help='Full-text query: words, "phrases", -excluded.'),
    limit: int = typer.Option(50, "--limit", min=0, help="At most this many documents."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """List stored documents, newest first."""
    with open_workspace(ctx) as store:
        found = store.documents(kind=kind, search=search, limit=limit)
    if as_json:
        print_json_lines([_document_summary(d) for d in found])
        return
    rows: list[list[object]] = [
        [d.id, d.kind, _day(d.published_at), d.publisher, d.lang, d.title or d.text[:80]] for d in found
    ]
    console.print(
        _table(f"{len(found)} documents", ["id", "kind", "published", "publisher", "lang", "title"], rows)
    )


def show(
    ctx: typer.Context,
    document_id: str = typer.Argument(..., help="Document id (see `watchfloor documents`)."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of marked-up text."),
) -> None:
    """Show one document with its entities, time expressions and attributions marked."""
    with open_workspace(ctx) as store:
        document = store.document(document_id)
        if document is None:
            raise WatchfloorError(f"no document with id {document_id!r} in this workspace")
        mentions = store.mentions(document_id)
        times = store.times(document_id)
        claims = store.claims(ClaimFilter(document_id=document_id, limit=10_000))
    if as_json:
        print_json(
            {
                **_jsonable(document),
                "mentions": _jsonable(mentions),
                "times": _jsonable(times),
                "claims": _jsonable(claims),
            }
        )
        return
    meta: list[list[object]] = [
        ["id", document.id],
        ["kind", document.kind],
        ["title", document.title],
        ["publisher", document.publisher],
        ["author", document.author],
        ["published", document.published_at],
        ["url", document.url],
        ["lang", document.lang],
        ["source", document.source_path],
        ["syndicated from", document.syndicated_from],
    ]
    console.print(_table(None, ["field", "value"], [row for row in meta if row[1]]))
    body = marked_text(document, mentions, times, claims)
    legend = Text("  ").join(Text(part, style) for part, style in LEGEND)
    console.print(Text.assemble("legend: ", legend))
    console.print(body)
    if len(document.text) > MAX_SHOW_CHARS:
        console.print(safe_text(f"… {len(document.text) - MAX_SHOW_CHARS} more characters not shown", "dim"))
    if claims:
        console.print(_claims_table(claims, with_document=False))


def marked_text(
    document: StoredDocument,
    mentions: list[StoredMention],
    times: list[StoredTime],
    claims: list[StoredClaim],
) -> Text:
    """The document text (at most MAX_SHOW_CHARS) with every span styled; entities and times on top."""
    body = safe_text(document.text[:MAX_SHOW_CHARS])
    for claim in claims:
        body.stylize(STYLE_CONTENT, claim.content_start, claim.content_end)
        if claim.source_start is not None and claim.source_end is not None:
            body.stylize(STYLE_SOURCE, claim.source_start, claim.source_end)
        body.stylize(STYLE_CUE, claim.cue_start, claim.cue_end)
    for time in times:
        body.stylize(STYLE_TIME, time.start, time.end)
    for mention in mentions:
        body.stylize(STYLE_ENTITY, mention.start, mention.end)
    return body


def _claims_table(claims: list[StoredClaim], *, with_document: bool = True) -> Table:
    columns = ["source", "cue", "content", "stance", "hedge", "via", "time"]
    rows: list[list[object]] = []
    for claim in claims:
        source = claim.source or "(unnamed)"
        if claim.speaker:
            source = f"{source} = {claim.speaker}"
        row: list[object] = [
            source,
            claim.cue,
            claim.content,
            claim.stance,
            claim.hedge or "",
            " ← ".join(claim.via),
            _claim_time(claim),
        ]
        rows.append([claim.document_id, *row] if with_document else row)
    return _table(f"{len(claims)} claims", ["document", *columns] if with_document else columns, rows)


def entities(
    ctx: typer.Context,
    entity_type: str | None = typer.Option(None, "--type", help="PERSON, ORG, LOC (or an NER label)."),
    top: int = typer.Option(20, "--top", min=0, help="How many entities, most mentioned first."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Entities with their names in every script, the documents mentioning them, and mention counts.

    ``watchfloor entities resolve`` re-runs entity resolution over the whole workspace.
    """
    if ctx.invoked_subcommand is not None:
        return
    with open_workspace(ctx) as store:
        found = store.top_entities(type=entity_type, limit=top)
    if as_json:
        print_json_lines([_jsonable(e) for e in found])
        return
    rows: list[list[object]] = [
        [
            e.id,
            e.type,
            e.name,
            "\n".join(
                f"{script.lower()}: {' / '.join(forms)}" for script, forms in e.names_by_script.items()
            ),
            e.mention_count,
            "\n".join(e.documents),
        ]
        for e in found
    ]
    columns = ["id", "type", "name", "names", "mentions", "document ids"]
    console.print(_table(f"{len(found)} entities (publishers: --json)", columns, rows))


def resolve_entities(ctx: typer.Context) -> None:
    """Re-resolve every mention of the workspace into entities, re-applying analyst judgements."""
    from watchfloor.resolve.workspace import resolve_workspace

    with open_workspace(ctx) as store:
        report = resolve_workspace(store)
    console.print(
        safe_text(
            f"{report.mentions} mentions → {report.entities} entities "
            f"({report.judgements} judgements applied, {report.pairs_considered} candidate pairs, "
            f"{report.seconds:.2f} s)"
        )
    )


class StanceChoice(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"


def claims(
    ctx: typer.Context,
    entity: str | None = typer.Option(None, "--entity", help="Claims mentioning an entity with this name."),
    speaker: str | None = typer.Option(None, "--speaker", help="Claims whose source or speaker matches."),
    stance: StanceChoice | None = typer.Option(None, "--stance", help="asserts or denies."),
    limit: int = typer.Option(200, "--limit", min=0, help="At most this many claims."),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
    output: str = typer.Option(
        "table", "--format", help="table, or jsonl: one claim cluster per line (docs/corroboration.md)."
    ),
) -> None:
    """Claims (attributions with their evidence), newest documents first."""
    if output not in {"table", "jsonl"}:
        raise typer.BadParameter("--format is table or jsonl")
    if output == "jsonl":
        from watchfloor.corroborate.commands import print_clusters

        print_clusters(ctx, entity, as_jsonl=True, limit=limit)
        return
    query = ClaimFilter(entity=entity, speaker=speaker, stance=stance.value if stance else None, limit=limit)
    with open_workspace(ctx) as store:
        found = store.claims(query)
    if as_json:
        print_json_lines([_jsonable(c) for c in found])
        return
    console.print(_claims_table(found))


def summary(
    ctx: typer.Context,
    top: int = typer.Option(10, "--top", min=0, help="How many entities to list."),
    as_json: bool = typer.Option(False, "--json", help="JSON instead of tables."),
) -> None:
    """What the workspace holds: documents by kind and the most mentioned entities."""
    with open_workspace(ctx) as store:
        by_kind = store.counts_by_kind()
        top_entities = store.top_entities(limit=top)
    if as_json:
        print_json(
            {
                "documents": by_kind,
                "total_documents": sum(by_kind.values()),
                "entities": _jsonable(top_entities),
            }
        )
        return
    kinds: list[list[object]] = [[kind, count] for kind, count in by_kind.items()]
    console.print(_table(f"{sum(by_kind.values())} documents", ["kind", "documents"], kinds))
    rows: list[list[object]] = [
        [e.name, e.type, e.mention_count, e.document_count, ", ".join(e.publishers)] for e in top_entities
    ]
    console.print(_table("top entities", ["entity", "type", "mentions", "documents", "publishers"], rows))


# -- watchlist -------------------------------------------------------------------------------------


def watchlist_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Canonical name."),
    entity_type: str = typer.Option(..., "--type", help="PERSON, ORG, LOC, FAC…"),
    aliases: list[str] = typer.Option([], "--alias", help="Another name, in any script (repeatable)."),
    notes: str | None = typer.Option(None, "--notes", help="Free-text analyst notes."),
) -> None:
    """Add a watched name (or add aliases to an existing one)."""
    if not name.strip() or not entity_type.strip():
        raise WatchfloorError("watchlist add: name and --type must not be empty")
    with open_workspace(ctx) as store:
        written = store.add_watchlist_entries([WatchlistEntry(name, entity_type, list(aliases), notes=notes)])
    console.print(safe_text(f"{name}: {'saved' if written else 'unchanged'}"))


def watchlist_list(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """List watched names and their aliases."""
    with open_workspace(ctx) as store:
        entries = store.watchlist()
    if as_json:
        print_json_lines([_jsonable(e) for e in entries])
        return
    rows: list[list[object]] = [[e.id, e.type, e.name, " / ".join(e.aliases), e.notes or ""] for e in entries]
    console.print(
        _table(f"{len(entries)} watchlist entries", ["id", "type", "name", "aliases", "notes"], rows)
    )


def watchlist_import(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="YAML list of {name, type, aliases, notes}, or CSV."),
) -> None:
    """Import watched names from a file (entries already present gain new aliases)."""
    from watchfloor.extract.watchlist import load_watchlist_file

    entries = load_watchlist_file(path)
    with open_workspace(ctx) as store:
        written = store.add_watchlist_entries(entries)
    console.print(safe_text(f"{path}: {len(entries)} entries read, {written} added or updated"))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    for command in (documents, show, claims, summary):
        cli.app.command(command.__name__)(command)
    group = typer.Typer()
    group.callback(invoke_without_command=True)(entities)
    group.command("resolve")(resolve_entities)
    cli.app.add_typer(group, name="entities")
    cli.watchlist.command("add")(watchlist_add)
    cli.watchlist.command("list")(watchlist_list)
    cli.watchlist.command("import")(watchlist_import)
