"""Workspace entity resolution on the real sample corpus (ingested in-process), and the store API it uses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchfloor.cli.main import build_app, main
from watchfloor.model import Analysis, Attribution, Document, DocumentKind, EntityMention, Span
from watchfloor.resolve.workspace import resolve_workspace, split_subject
from watchfloor.store.base import ResolvedEntity, StoredMention
from watchfloor.store.sql import SqlStore, open_store

NER = "ner.test@1"


def ingest(db: Path, *args: str) -> None:
    try:
        main(["--db", str(db), "ingest", *args])
    except SystemExit as exit_:
        assert exit_.code in (0, None)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    db = tmp_path_factory.mktemp("sample") / "workspace.db"
    ingest(db, "--sample")
    with open_store(f"sqlite:///{db}") as store:
        yield store


@pytest.fixture(scope="module")
def unwatched(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    """The sample documents ingested without the sample watchlist: only NER and the resolver."""
    db = tmp_path_factory.mktemp("unwatched") / "workspace.db"
    with as_file(files("watchfloor.data") / "sample" / "documents") as documents:
        ingest(db, str(documents))
    with open_store(f"sqlite:///{db}") as store:
        yield store


def entity_of_forms(store: SqlStore, *forms: str) -> dict[str, set[str]]:
    """Form → the entity ids of the mentions with exactly that text."""
    found: dict[str, set[str]] = {form: set() for form in forms}
    for mention in store.workspace_mentions():
        if mention.text in found and mention.entity_id:
            found[mention.text].add(mention.entity_id)
    return found


def test_sample_names_in_every_script_end_as_one_entity(sample: SqlStore) -> None:
    yelabuga = entity_of_forms(sample, "Yelabuga", "Elabuga", "Елабуга", "Елабуге")
    assert all(yelabuga.values()), yelabuga
    assert len(set().union(*yelabuga.values())) == 1
    albatross = entity_of_forms(sample, "Albatross", "Альбатрос")
    assert all(albatross.values()) and len(set().union(*albatross.values())) == 1
    assert yelabuga["Yelabuga"] != albatross["Albatross"]


def test_entities_command_lists_names_by_script_and_documents(sample: SqlStore) -> None:
    arguments = ["--db", sample.url, "entities", "--top", "50", "--format", "jsonl"]
    result = CliRunner().invoke(build_app(), arguments)
    assert result.exit_code == 0, result.output
    listed = {row["name"]: row for row in map(json.loads, result.stdout.splitlines())}
    yelabuga = listed["Yelabuga"]
    assert {"Yelabuga", "Elabuga"} <= set(yelabuga["names_by_script"]["LATIN"])
    assert {"Елабуга", "Елабуге"} <= set(yelabuga["names_by_script"]["CYRILLIC"])
    assert "یلابوگا" in yelabuga["names_by_script"]["ARABIC"]
    stored = {m.document_id for m in sample.workspace_mentions() if m.entity_id == yelabuga["id"]}
    assert set(yelabuga["documents"]) == stored and len(stored) == yelabuga["document_count"]
    table = CliRunner().invoke(build_app(), ["--db", sample.url, "entities", "--top", "3"])
    assert table.exit_code == 0 and "Елабуге" in table.stdout


def test_re_resolution_keeps_ids_and_claims_consistent(sample: SqlStore) -> None:
    before = {m.id: m.entity_id for m in sample.workspace_mentions()}
    report = resolve_workspace(sample)
    assert report.mentions == len(before) and report.entities > 0
    assert {m.id: m.entity_id for m in sample.workspace_mentions()} == before
    live = {e.id for e in sample.top_entities(limit=10_000)}
    claims = sample.claims()
    assert any(c.entity_ids for c in claims)
    for claim in claims:
        in_document = {m.entity_id for m in sample.mentions(claim.document_id)}
        assert set(claim.entity_ids) <= in_document & live
        assert claim.speaker_entity_id is None or claim.speaker_entity_id in in_document


def test_resolver_merges_yelabuga_across_documents_without_a_watchlist(unwatched: SqlStore) -> None:
    assert unwatched.watchlist() == []
    forms = entity_of_forms(unwatched, "Yelabuga", "Elabuga", "Елабуге")
    assert all(forms.values()), forms
    (entity,) = set().union(*forms.values())
    documents = {m.document_id for m in unwatched.workspace_mentions() if m.entity_id == entity}
    assert len(documents) >= 3


# -- the store API on both backends -------------------------------------------------------------------


def at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def stored_text(
    store: SqlStore, text: str, *needles: tuple[str, str], claims: list[Attribution] | None = None
) -> list[StoredMention]:
    document = Document(text=text, kind=DocumentKind.ARTICLE, title=text[:20], publisher="Test Wire")
    mentions = [EntityMention(at(text, needle), label, NER) for needle, label in needles]
    analysis = Analysis(text=text, lang="en", entities=mentions, attributions=claims or [])
    result = store.add_document(document, analysis)
    return store.mentions(result.document_id)


def test_resolution_and_a_split_on_both_backends(store: SqlStore) -> None:
    said = "Officials in Elabuga said drones are made there."
    claim = Attribution(cue=at(said, "said"), content=at(said, "drones are made there"), component=NER,
                        source=at(said, "Officials in Elabuga"))  # fmt: skip
    stored_text(store, "Drones are assembled in Yelabuga, officials said.", ("Yelabuga", "GPE"))
    stored_text(store, said, ("Elabuga", "GPE"), claims=[claim])
    stored_text(store, "Завод в Елабуге нанимает переводчиков.", ("Елабуге", "LOC"))
    resolve_workspace(store)
    (entity,) = {m.entity_id for m in store.workspace_mentions()}
    assert entity is not None
    (stored_claim,) = store.claims()
    assert stored_claim.entity_ids == [entity] and stored_claim.speaker_entity_id == entity

    judgement = store.add_judgement(
        "split", split_subject(store.workspace_mentions(), entity, ["Elabuga"]), author="test"
    )
    resolve_workspace(store)
    by_text = {m.text: m.entity_id for m in store.workspace_mentions()}
    assert by_text["Yelabuga"] == by_text["Елабуге"] == entity != by_text["Elabuga"]
    (stored_claim,) = store.claims()
    assert stored_claim.entity_ids == [by_text["Elabuga"]] == [stored_claim.speaker_entity_id]

    store.undo_judgement(judgement.id)
    resolve_workspace(store)
    assert {m.entity_id for m in store.workspace_mentions()} == {entity}
    assert store.claims()[0].entity_ids == [entity]


def test_replace_entities_rewrites_mentions_names_and_drops_stale(store: SqlStore) -> None:
    first = stored_text(store, "Drones are assembled in Yelabuga, officials said.", ("Yelabuga", "GPE"))
    second = stored_text(store, "A plant near Elabuga hires interpreters.", ("Elabuga", "GPE"))
    old_ids = {first[0].entity_id, second[0].entity_id}
    assert len(old_ids) == 2  # grouped apart at write time
    store.replace_entities(
        [
            ResolvedEntity(
                "loc-yelabuga",
                "LOC",
                "Yelabuga",
                [first[0].id, second[0].id],
                [("Yelabuga", "en"), ("Elabuga", "en")],
            )
        ]
    )
    (summary,) = store.top_entities(limit=10)
    assert (summary.id, summary.mention_count, summary.document_count) == ("loc-yelabuga", 2, 2)
    assert summary.names_by_script == {"LATIN": ["Yelabuga", "Elabuga"]}
    assert store.entity_names(old_ids) == {}


def test_judgements_are_recorded_listed_and_undone(store: SqlStore) -> None:
    made = store.add_judgement("split", {"entity": "x", "names": ["A"]}, author="ana", reason="two towns")
    other = store.add_judgement("merge", {"entities": ["x", "y"]}, author="bo")
    assert [j.id for j in store.judgements()] == [made.id, other.id]
    undone = store.undo_judgement(made.id)
    assert undone.undone_at is not None and undone.author == "ana" and undone.reason == "two towns"
    assert [j.id for j in store.judgements(active_only=True)] == [other.id]
    with pytest.raises(Exception, match="already undone"):
        store.undo_judgement(made.id)
    with pytest.raises(Exception, match="no judgement"):
        store.undo_judgement(9999)
