"""Resolution after an ingest: new documents' mentions resolved against the stored entities only."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from test_resolve_workspace import entity_of_forms, ingest, stored_text
from watchfloor.resolve.incremental import resolve_documents
from watchfloor.resolve.workspace import name_blocks, pair_subject, resolve_workspace
from watchfloor.store.sql import SqlStore, open_store


def test_first_resolution_is_full_and_later_ones_touch_only_new_documents(store: SqlStore) -> None:
    first = stored_text(store, "Drones are assembled in Yelabuga, officials said.", ("Yelabuga", "GPE"))
    other = stored_text(store, "Anna Petrova met the governor.", ("Anna Petrova", "PERSON"))
    report = resolve_documents(store, [first[0].document_id, other[0].document_id])
    assert not report.incremental and store.has_entity_blocks()
    before = {m.id: m.entity_id for m in store.workspace_mentions()}

    later = stored_text(store, "A plant near Elabuga hires interpreters, Ivan Sidorov said.",
                        ("Elabuga", "GPE"), ("Ivan Sidorov", "PERSON"))  # fmt: skip
    report = resolve_documents(store, [later[0].document_id])
    assert report.incremental and report.mentions == 2
    after = {m.id: m.entity_id for m in store.workspace_mentions()}
    assert {k: after[k] for k in before} == before  # what was resolved stays
    by_text = {m.text: m.entity_id for m in store.workspace_mentions()}
    assert by_text["Elabuga"] == by_text["Yelabuga"]
    assert by_text["Ivan Sidorov"] not in {by_text["Yelabuga"], by_text["Anna Petrova"]}
    (yelabuga,) = [e for e in store.top_entities(limit=10) if e.id == by_text["Yelabuga"]]
    assert (yelabuga.mention_count, yelabuga.name) == (2, "Yelabuga") and "Elabuga" in yelabuga.names
    known = store.known_entities(name_blocks([("Elabuga", "en")]), 60)
    assert {"Elabuga", "Yelabuga"} <= {n for e in known if e.id == yelabuga.id for n, _ in e.names}
    # the provisional entity written with the new document is gone; nothing is left without mentions
    live = {e.id for e in store.top_entities(limit=100)}
    assert set(store.entity_names(live | {later[0].entity_id})) == live


def test_a_judgement_on_the_documents_makes_it_a_full_resolution(store: SqlStore) -> None:
    one = stored_text(store, "Drones are assembled in Yelabuga.", ("Yelabuga", "GPE"))
    stored_text(store, "Trucks leave Alabuga at night.", ("Alabuga", "GPE"))
    resolve_workspace(store)
    mentions = store.workspace_mentions()
    subject = pair_subject(mentions, *[m.entity_id or "" for m in mentions])
    store.add_judgement("merge", subject, author="test")
    report = resolve_documents(store, [one[0].document_id])
    assert not report.incremental and report.judgements == 1
    assert len({m.entity_id for m in store.workspace_mentions()}) == 1


def test_sample_ingested_file_by_file_resolves_like_one_ingest(tmp_path: Path) -> None:
    """The real sample corpus ingested one file at a time (each ingest after the first incremental):
    the names of Yelabuga in three scripts still end as one entity, and a full re-resolution agrees
    with the incremental one on nearly every pair of mentions."""
    db = tmp_path / "workspace.db"
    with as_file(files("watchfloor.data") / "sample" / "documents") as documents:
        for path in sorted(Path(documents).iterdir()):
            ingest(db, str(path))
    with open_store(f"sqlite:///{db}") as store:
        forms = entity_of_forms(store, "Yelabuga", "Elabuga", "Елабуге")
        assert all(forms.values()), forms
        assert len(set().union(*forms.values())) == 1
        incremental = {m.id: m.entity_id for m in store.workspace_mentions()}
        resolve_workspace(store)
        full = {m.id: m.entity_id for m in store.workspace_mentions()}
    agreement = pair_agreement(incremental, full)
    assert agreement >= 0.95


def pair_agreement(first: dict[int, str | None], second: dict[int, str | None]) -> float:
    """Share of mention pairs put together by either partition on which both agree."""
    ids = sorted(first)
    together = disagree = 0
    for position, a in enumerate(ids):
        for b in ids[position + 1 :]:
            same_first, same_second = first[a] == first[b], second[a] == second[b]
            if same_first or same_second:
                together += 1
                disagree += same_first != same_second
    return 1 - disagree / together if together else 1.0
