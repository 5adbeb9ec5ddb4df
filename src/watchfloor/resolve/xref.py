"""Cross-reference workspace entities against reference lists (sanctions, PEPs…) by name, any script.

Reference names are analysed and indexed with the resolver's own name analysis and blocking keys, so
only candidates sharing a selective key are scored; the registered matchers score each pair, and
entity types must be compatible (a person never matches a company).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from watchfloor.cli.app import CommandGroups, console, open_workspace, print_json_lines
from watchfloor.hookspecs import hookimpl
from watchfloor.resolve.blocking import BlockIndex, blocking_keys
from watchfloor.resolve.matchers import VETO, make_matchers
from watchfloor.resolve.names import NameForm, analyse_name
from watchfloor.resolve.reference import entity_names, read_reference_file
from watchfloor.store.base import ReferenceEntity, Store

DEFAULT_THRESHOLD = 0.9
#: FollowTheMoney schema → the workspace's coarse entity type it can match.
SCHEMA_TYPES: dict[str, str] = {
    "Person": "PERSON",
    "Organization": "ORG",
    "Company": "ORG",
    "PublicBody": "ORG",
    "LegalEntity": "ORG",
    "Address": "LOC",
}
_LABELS = {"PERSON": "PER", "ORG": "ORG", "LOC": "LOC"}
#: Names this short (in characters of their base form) match only when their fingerprints are equal:
#: acronyms and short words are too ambiguous for fuzzy screening ("СМИ", the media, is not SMIC).
SHORT_NAME = 4


@dataclass(slots=True)
class XrefMatch:
    entity_id: str
    entity_name: str
    entity_type: str
    mentions: int
    reference: ReferenceEntity
    score: float
    our_name: str
    their_name: str

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity_id,
            "name": self.entity_name,
            "type": self.entity_type,
            "mentions": self.mentions,
            "dataset": self.reference.dataset,
            "reference": self.reference.id,
            "caption": self.reference.caption,
            "schema": self.reference.schema,
            "score": round(self.score, 4),
            "matched": [self.our_name, self.their_name],
        }


def xref(store: Store, threshold: float = DEFAULT_THRESHOLD, dataset: str | None = None) -> list[XrefMatch]:
    """Best match per (workspace entity, reference entity) scoring at least ``threshold``."""
    index = BlockIndex()
    references: dict[str, ReferenceEntity] = {}
    forms: dict[str, list[NameForm]] = defaultdict(list)
    for reference in store.reference_entities(dataset):
        key = f"{reference.dataset}\x00{reference.id}"
        references[key] = reference
        for name in reference.names:
            form = analyse_name(name)
            if not form.is_empty:
                forms[key].append(form)
                index.add(key, blocking_keys(form))
    if not references:
        return []
    matchers = make_matchers()
    best: dict[tuple[str, str], XrefMatch] = {}
    for summary in store.top_entities(limit=1_000_000):
        label = _LABELS.get(summary.type)
        for our_name in dict.fromkeys([summary.name, *summary.names]):
            ours = analyse_name(our_name)
            if ours.is_empty:
                continue
            for key in index.candidates(blocking_keys(ours)):
                reference = references[key]
                if SCHEMA_TYPES.get(reference.schema, summary.type) != summary.type:
                    continue
                for theirs in forms[key]:
                    if min(len(ours.base), len(theirs.base)) <= SHORT_NAME and (
                        ours.fingerprint != theirs.fingerprint
                    ):
                        continue
                    opinions = [m.score(ours, theirs, label) for m in matchers]
                    if VETO in opinions:
                        continue
                    score = max((o for o in opinions if o is not None), default=0.0)
                    pair = (summary.id, key)
                    if score >= threshold and (pair not in best or score > best[pair].score):
                        best[pair] = XrefMatch(summary.id, summary.name, summary.type, summary.mention_count,
                                               reference, score, our_name, theirs.text)
    return sorted(best.values(), key=lambda m: (-m.score, -m.mentions, m.entity_name))


def import_reference(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="FtM entities (.json/.jsonl) or an OFAC list (.xml)."),
    dataset: str = typer.Option(..., "--dataset", help="Name for this list, e.g. us_ofac_cons."),
) -> None:
    """Import (replace) a reference list; nothing is stored if the file has an error."""
    entities = [
        ReferenceEntity(dataset, str(proxy.id), proxy.schema.name, proxy.caption, entity_names(proxy),
                        proxy.to_dict())
        for proxy in read_reference_file(path)
    ]
    with open_workspace(ctx) as store:
        count = store.add_reference_entities(dataset, entities)
    console.print(f"{dataset}: {count} entities")


def xref_command(
    ctx: typer.Context,
    dataset: str | None = typer.Option(None, "--dataset", help="Only this reference list."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0),
    as_json: bool = typer.Option(False, "--json", help="JSON lines instead of a table."),
) -> None:
    """Entities in the workspace that match entities of imported reference lists, with score and names."""
    from watchfloor.store.commands import _table

    with open_workspace(ctx) as store:
        found = xref(store, threshold, dataset)
    if as_json:
        print_json_lines([m.to_json() for m in found])
        return
    rows = [[m.entity_name, m.entity_type, m.mentions, f"{m.reference.caption} ({m.reference.dataset})",
             f"{m.score:.3f}", f"{m.our_name} ~ {m.their_name}"] for m in found]
    console.print(_table("cross-references", ["entity", "type", "mentions", "reference", "score", "matched"],
                         rows))


@hookimpl
def register_commands(cli: CommandGroups) -> None:
    reference_app = typer.Typer(help="Reference lists (FollowTheMoney JSON, OFAC XML).", no_args_is_help=True)
    reference_app.command("import")(import_reference)
    cli.app.add_typer(reference_app, name="reference")
    cli.app.command("xref")(xref_command)
