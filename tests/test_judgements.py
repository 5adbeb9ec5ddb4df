"""Analyst judgements through the real CLI on the sample corpus: split, not-same, merge, list, undo."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchfloor.cli.main import build_app, main
from watchfloor.store.sql import SqlStore, open_store

runner = CliRunner()



@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, SqlStore]]:
    db = tmp_path_factory.mktemp("judgements") / "workspace.db"
    try:
        main(["--db", str(db), "ingest", "--sample"])
    except SystemExit as exit_:
        assert exit_.code in (0, None)
    with open_store(f"sqlite:///{db}") as store:
        yield db, store


def run(db: Path, *args: str) -> str:
    result = runner.invoke(build_app(), ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def entities_by_form(store: SqlStore) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for mention in store.workspace_mentions():
        if mention.entity_id:
            found.setdefault(mention.text, set()).add(mention.entity_id)
    return found


def the_entity(store: SqlStore, form: str) -> str:
    (entity_id,) = entities_by_form(store)[form]
    return entity_id


def listed(db: Path) -> list[dict[str, object]]:
    listed = run(db, "judgements", "list", "--format", "jsonl")
    return [json.loads(line) for line in listed.splitlines() if line]


def test_split_survives_re_resolution_and_undo_restores_the_merge(workspace: tuple[Path, SqlStore]) -> None:
    db, store = workspace
    yelabuga = the_entity(store, "Yelabuga")
    assert the_entity(store, "Елабуге") == yelabuga
    run(
        db,
        "judgements",
        "split",
        yelabuga,
        "--name",
        "Елабуге",
        "--why",
        "test: locative form",
        "--by",
        "ana",
    )
    split_off = the_entity(store, "Елабуге")
    assert split_off != yelabuga and the_entity(store, "Yelabuga") == yelabuga
    assert the_entity(store, "Елабуга") == yelabuga
    run(db, "entities", "resolve")
    assert the_entity(store, "Елабуге") == split_off and the_entity(store, "Yelabuga") == yelabuga
    (judgement,) = listed(db)
    assert (judgement["action"], judgement["author"], judgement["reason"]) == (
        "split",
        "ana",
        "test: locative form",
    )
    assert judgement["undone_at"] is None
    assert "Елабуге" in run(db, "judgements", "list")

    # not-same keeps them apart even when the split is undone, until it is undone in turn
    run(db, "judgements", "not-same", split_off, yelabuga)
    run(db, "judgements", "undo", str(judgement["id"]))
    assert the_entity(store, "Елабуге") != the_entity(store, "Yelabuga") == yelabuga
    not_same = listed(db)[-1]
    assert not_same["action"] == "not-same" and listed(db)[0]["undone_at"] is not None
    run(db, "judgements", "undo", str(not_same["id"]))
    assert the_entity(store, "Елабуге") == the_entity(store, "Yelabuga") == yelabuga


def test_merge_and_its_undo(workspace: tuple[Path, SqlStore]) -> None:
    db, store = workspace
    russia, moscow = the_entity(store, "Russia"), the_entity(store, "Moscow")
    assert russia != moscow
    run(db, "judgements", "merge", russia, moscow, "--why", "test: metonymy")
    assert the_entity(store, "Moscow") == the_entity(store, "Russia") == russia  # the older id survives
    run(db, "entities", "resolve")
    assert the_entity(store, "Moscow") == russia
    run(db, "judgements", "undo", str(listed(db)[-1]["id"]))
    assert the_entity(store, "Moscow") == moscow and the_entity(store, "Russia") == russia


def error_of(db: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """The one error line ``watchfloor`` prints for a refused command."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), *args])
    assert exit_.value.code == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    return error


def test_bad_judgements_are_refused_with_one_line(
    workspace: tuple[Path, SqlStore], capsys: pytest.CaptureFixture[str]
) -> None:
    db, store = workspace
    yelabuga = the_entity(store, "Yelabuga")
    count = len(listed(db))
    assert "no mention of" in error_of(db, capsys, "judgements", "split", yelabuga, "--name", "Paris")
    assert "no entity" in error_of(db, capsys, "judgements", "merge", yelabuga, "no-such-entity")
    assert "same entity" in error_of(db, capsys, "judgements", "not-same", yelabuga, yelabuga)
    assert "no judgement" in error_of(db, capsys, "judgements", "undo", "9999")
    assert len(listed(db)) == count
