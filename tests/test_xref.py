"""Reference lists (FtM JSON, OFAC XML) and cross-referencing workspace entities against them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from watchfloor.errors import InputError
from watchfloor.extract.watchlist import entry_key
from watchfloor.model import Analysis, Document, EntityMention, Span
from watchfloor.resolve.reference import proxy_names, read_reference_file
from watchfloor.resolve.xref import xref
from watchfloor.store.base import ReferenceEntity, WatchlistEntry
from watchfloor.store.sql import SqlStore

FIXTURE = Path(__file__).parent / "fixtures" / "reference" / "example-list.ftm.jsonl"
OFAC = "datasets/name-variants/un-sc-consolidated-list/OFAC_nonSDN_consolidated_2025-03-28.xml"


def _import(store: SqlStore, path: Path, dataset: str) -> int:
    entities = [ReferenceEntity(dataset, str(p.id), p.schema.name, p.caption, proxy_names(p), p.to_dict())
                for p in read_reference_file(path)]
    return store.add_reference_entities(dataset, entities)


def _mentioning(store: SqlStore, text: str, *names: tuple[str, str]) -> None:
    analysis = Analysis(text)
    for name, label in names:
        start = text.index(name)
        analysis.entities.append(EntityMention(Span.of(text, start, start + len(name)), label, "test@1"))
    store.add_document(Document(text, publisher="Test"), analysis)


def test_entities_match_reference_names_across_scripts_and_types(store: SqlStore) -> None:
    assert _import(store, FIXTURE, "example") == 3
    _mentioning(store, "Компания «Альбатрос» собирает беспилотники.", ("Альбатрос", "ORG"))
    _mentioning(store, "Albert Ross visited the site.", ("Albert Ross", "ORG"))  # wrong type for a Person
    matches = xref(store)
    assert [(m.entity_name, m.reference.id) for m in matches] == [("Альбатрос", "ex-albatross")]
    assert matches[0].to_json()["matched"][1] in {"ООО Альбатрос", "Albatros", "Albatross LLC"}


def test_reimport_replaces_a_dataset(store: SqlStore, tmp_path: Path) -> None:
    _import(store, FIXTURE, "example")
    smaller = tmp_path / "one.jsonl"
    smaller.write_text(FIXTURE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    assert _import(store, smaller, "example") == 1
    assert [e.id for e in store.reference_entities("example")] == ["ex-albatross"]


def test_watchlist_entities_are_cross_referenced_by_their_names(store: SqlStore) -> None:
    entry = WatchlistEntry("Alabuga Special Economic Zone", "FAC", ["ОЭЗ «Алабуга»"])
    store.add_watchlist_entries([entry])
    text = "Работы в ОЭЗ «Алабуга» продолжаются."
    analysis = Analysis(text)
    start = text.index("ОЭЗ")
    analysis.entities.append(EntityMention(Span.of(text, start, start + 13), "FAC", "watchlist.names@1",
                                           entity_key=entry_key(entry)))
    store.add_document(Document(text, publisher="Test"), analysis)
    _import(store, FIXTURE, "example")
    assert xref(store) == []  # a facility (LOC) is not a company: types must agree


@pytest.mark.parametrize(
    ("content", "problem"),
    [("{not json\n", "line 1: invalid JSON"), ('{"id": "x"}\n', "line 1: not a FollowTheMoney entity"),
     (json.dumps({"id": "x", "schema": "Spaceship"}) + "\n", "line 1:")],
)
def test_bad_reference_files_name_the_line(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        list(read_reference_file(path))


def test_ofac_consolidated_list_becomes_ftm_entities() -> None:
    entities = list(read_reference_file(shared_path(OFAC)))
    assert len(entities) == 443
    schemata = {"Person", "Organization", "Vessel", "Airplane", "LegalEntity"}
    assert {e.schema.name for e in entities} <= schemata
    first = entities[0]
    assert first.id == "ofac-9639" and "Ismaeel HANIYYA" in proxy_names(first)
