"""``watchfloor documents``, ``show`` and ``summary``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from watchfloor.cli import marks
from watchfloor.cli.app import CommandGroups, parse_day, workbench
from watchfloor.cli.output import (
    Format,
    ObjectFormat,
    console,
    day,
    emit,
    err_console,
    plain,
    print_json,
    safe_text,
    table,
)
from watchfloor.hookspecs import hookimpl

FORMAT = typer.Option(Format.TABLE, "--format", help="table, json, jsonl or csv.")
OBJECT_FORMAT = typer.Option(ObjectFormat.TABLE, "--format", help="table (with marked text) or json.")


def _summary_record(document: Any) -> dict[str, Any]:
    record: dict[str, Any] = plain(document)
    record["chars"] = len(record.pop("text"))
    return record


def documents(
    ctx: typer.Context,
    search: str | None = typer.Option(
        None, "--search", help='Full-text query: words (any inflection, any script), "phrases", -excluded.'
    ),
    kind: str | None = typer.Option(None, "--kind", help="Only this kind (article, job_posting…)."),
    lang: str | None = typer.Option(None, "--lang", help="Only this language (en, ru, fa…)."),
    publisher: str | None = typer.Option(None, "--publisher", help="Only this publisher."),
    entity: str | None = typer.Option(None, "--entity", help="Only documents mentioning this entity."),
    since: str | None = typer.Option(None, "--since", help="Published on or after this day (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Published on or before this day."),
    limit: int = typer.Option(50, "--limit", min=0, help="At most this many documents."),
    cursor: str | None = typer.Option(None, "--after", help="The page after this cursor (printed below)."),
    output: Format = FORMAT,
) -> None:
    """List stored documents, newest first, with counts by kind, language, publisher, year, entity."""
    from watchfloor.service.documents import DocumentQuery

    query = DocumentQuery(search=search, kind=kind, lang=lang, publisher=publisher, entity=entity,
                          since=parse_day(since, "--since"), until=parse_day(until, "--until"),
                          limit=limit, cursor=cursor)
    with workbench(ctx) as bench:
        page = bench.documents.search(query)
    emit(page.documents, output, title=f"{len(page.documents)} of {page.total} documents",
         columns=["id", "kind", "published", "publisher", "lang", "title"],
         row=lambda d: [d.id, d.kind, day(d.published_at), d.publisher, d.lang, d.title or d.text[:80]],
         record=_summary_record)
    if output is Format.TABLE and page.total:
        for facet, counts in page.facets.items():
            shown = ", ".join(f"{value} {count}" for value, count in counts.items())
            console.print(safe_text(f"by {facet}: {shown}"), highlight=False)
        if page.next_cursor:
            console.print(safe_text(f"next page: --after {page.next_cursor}"), highlight=False)


def show(
    ctx: typer.Context,
    document_id: str = typer.Argument(..., help="Document id (see `watchfloor documents`)."),
    output: ObjectFormat = OBJECT_FORMAT,
    original: Path | None = typer.Option(None, "--original", help="Write the archived original a fetched "
                                         "document was read from to this file (- for standard output)."),
) -> None:
    """Show one document with its entities, time expressions and attributions marked, then list them."""
    with workbench(ctx) as bench:
        if original is not None:
            archived = bench.documents.original(document_id)
            if str(original) == "-":
                sys.stdout.buffer.write(archived.body)
            else:
                original.write_bytes(archived.body)
                err_console.print(safe_text(f"{len(archived.body)} bytes ({archived.status_line}, SHA-256 "
                                            f"{archived.capture.sha256}) written to {original}"))
            return
        view = bench.documents.get(document_id)
    if output is ObjectFormat.JSON:
        print_json({**plain(view.document), "mentions": view.mentions, "times": view.times,
                    "claims": view.claims, "capture": view.capture})
        return
    document = view.document
    meta: list[list[object]] = [
        ["id", document.id], ["kind", document.kind], ["title", document.title],
        ["publisher", document.publisher], ["author", document.author], ["published", document.published_at],
        ["url", document.url], ["lang", document.lang], ["source", document.source_path],
        ["syndicated from", document.syndicated_from],
    ]  # fmt: skip
    if view.capture is not None:
        c = view.capture
        meta += [["captured", f"{c.fetched_at:%Y-%m-%d %H:%M:%S} UTC from {c.final_url} ({c.address}), HTTP "
                  f"{c.status}, {c.size} bytes"], ["sha-256", c.sha256],
                 ["archived in", f"{c.warc_path} at {c.warc_offset} (show --original FILE)"]]
    console.print(table(None, ["field", "value"], [row for row in meta if row[1]]))
    spans = [(m.start, m.end, marks.ENTITY) for m in view.mentions]
    spans += [(t.start, t.end, marks.TIME) for t in view.times]
    for claim in view.claims:
        spans.append((claim.content_start, claim.content_end, marks.CONTENT))
        if claim.source_start is not None and claim.source_end is not None:
            spans.append((claim.source_start, claim.source_end, marks.SOURCE))
        spans.append((claim.cue_start, claim.cue_end, marks.CUE))
    console.print(marks.legend())
    console.print(marks.marked(document.text, spans))
    if len(document.text) > marks.MAX_SHOW_CHARS:
        rest = len(document.text) - marks.MAX_SHOW_CHARS
        console.print(safe_text(f"… {rest} more characters not shown", "dim"))
    console.print(table(f"{len(view.mentions)} entity mentions", ["text", "label", "entity", "at"],
                        [[m.text, m.label, m.entity_id or "", f"{m.start}–{m.end}"] for m in view.mentions]))
    console.print(table(f"{len(view.times)} time expressions", ["text", "type", "value", "at"],
                        [[t.text, t.type, t.value, f"{t.start}–{t.end}"] for t in view.times]))
    if view.claims:
        from watchfloor.cli.claims import claim_rows

        columns, rows = claim_rows(view.claims, with_document=False)
        console.print(table(f"{len(view.claims)} claims", columns, rows))


def summary(
    ctx: typer.Context,
    top: int = typer.Option(10, "--top", min=0, help="How many entities to list."),
    output: ObjectFormat = OBJECT_FORMAT,
) -> None:
    """What the workspace holds: documents by kind and the most mentioned entities."""
    with workbench(ctx) as bench:
        found = bench.documents.summary(top)
    if output is ObjectFormat.JSON:
        print_json({"documents": found.documents_by_kind, "total_documents": found.total_documents,
                    "entities": found.top_entities})
        return
    kinds: list[list[object]] = [[kind, count] for kind, count in found.documents_by_kind.items()]
    console.print(table(f"{found.total_documents} documents", ["kind", "documents"], kinds))
    rows: list[list[object]] = [[e.name, e.type, e.mention_count, e.document_count, ", ".join(e.publishers)]
                                for e in found.top_entities]
    console.print(table("top entities", ["entity", "type", "mentions", "documents", "publishers"], rows))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    for command in (documents, show, summary):
        cli.app.command(command.__name__)(command)
