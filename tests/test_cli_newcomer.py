"""The CLI as a newcomer meets it: version, help, formats, marks, errors that say what went wrong."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
import typer
from typer.testing import CliRunner

from watchfloor.cli.main import build_app, main

ROOT = Path(__file__).resolve().parents[1]
#: Libraries that take seconds to import; building the CLI must not load any of them.
HEAVY = ("spacy", "torch", "followthemoney", "datasketch", "matplotlib", "sentence_transformers", "natasha")
LISTINGS = [
    ["documents"], ["claims"], ["clusters"], ["timeline"], ["entities"], ["alerts"], ["publishers"],
    ["judgements", "list"], ["watchlist", "list"], ["watch", "list"], ["xref"], ["users", "list"], ["audit"],
    ["sources", "list"], ["deliveries"],
]  # fmt: skip


def invoke(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(build_app(), ["--db", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the real entry point (``main``), which turns user errors into one line and exit 1."""
    try:
        main(list(args))
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("newcomer") / "sample.db"
    code, _, err = invoke(db, "ingest", "--sample")
    assert code == 0, err
    return db


def test_version_prints_and_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = call(capsys, "--version")
    assert code == 0 and out.strip().startswith("watchfloor ") and out.split()[1][0].isdigit()


def test_help_loads_no_model() -> None:
    probe = (
        "import sys\n"
        "from watchfloor.cli.main import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print('loaded:', *sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert "Usage: watchfloor" in done.stdout
    assert done.stdout.splitlines()[-1] == "loaded:"  # none of the heavy libraries


def _commands(
    command: click.Command, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, command
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))


def test_every_option_has_help_and_flags_show_no_type() -> None:
    root = typer.main.get_command(build_app())
    for path, command in _commands(root):
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help, f"{' '.join(path)} {param.opts[0]} has no help text"
        shown = CliRunner().invoke(build_app(), [*path, "--help"]).stdout
        assert "<bool>" not in shown and "``" not in shown, (path, shown)


def test_piped_tables_keep_whole_rows(sample: Path) -> None:
    records = json.loads(invoke(sample, "documents", "--limit", "100", "--format", "json")[1])
    title = max((r["title"] for r in records if r["title"]), key=len)
    code, out, _ = invoke(sample, "documents", "--limit", "100")
    assert code == 0 and len(title) > 60
    assert any(title in line for line in out.splitlines())  # one line, not wrapped at 80 columns


@pytest.mark.parametrize("listing", LISTINGS, ids=" ".join)
def test_every_listing_speaks_every_format(sample: Path, listing: list[str]) -> None:
    code, as_json, err = invoke(sample, *listing, "--format", "json")
    assert code == 0, err
    records = json.loads(as_json)
    code, as_lines, _ = invoke(sample, *listing, "--format", "jsonl")
    assert [json.loads(line) for line in as_lines.splitlines()] == records
    code, as_csv, _ = invoke(sample, *listing, "--format", "csv")
    rows = list(csv.reader(io.StringIO(as_csv)))
    assert code == 0 and rows and len(rows) == len(records) + 1  # a header, then one row each
    assert invoke(sample, *listing, "--json")[0] == 2  # one option for formats, not two


def test_brief_for_an_unknown_entity_or_into_a_missing_folder_is_one_error_line(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / "b.md")
    code, _, err = call(capsys, "--db", str(sample), "brief", "Nonexistent Corp", "-o", target)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "Nonexistent Corp" in err
    assert not (tmp_path / "b.md").exists()
    missing = str(tmp_path / "no" / "b.md")
    code, _, err = call(capsys, "--db", str(sample), "brief", "Alabuga", "-o", missing)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "does not exist" in err


def test_publishers_rate_matches_case_and_refuses_an_unknown_name(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(sample.read_bytes())
    code, out, _ = call(capsys, "--db", str(copy), "publishers", "rate", "airwars", "b")
    assert code == 0 and "Airwars: B" in out
    code, _, err = call(capsys, "--db", str(copy), "publishers", "rate", "No Such Pub", "A")
    assert code == 1 and "No Such Pub" in err
    names = [p["name"] for p in json.loads(invoke(copy, "publishers", "--format", "json")[1])]
    assert "No Such Pub" not in names and "airwars" not in names


def test_watch_add_refuses_an_unknown_sink(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("- id: by-mail\n  when: {kind: article}\n  deliver: [pigeon]\n", encoding="utf-8")
    code, _, err = call(capsys, "--db", str(sample), "watch", "add", str(rules))
    assert code == 1 and str(rules) in err and "unknown delivery sink 'pigeon'" in err


def test_reextract_brings_a_later_watchlist_name_to_stored_documents(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.db"
    copy.write_bytes(sample.read_bytes())
    name = "Yelabuga Business Park"
    assert call(capsys, "--db", str(copy), "watchlist", "add", name, "--type", "FAC",
                "--alias", "business park")[0] == 0
    assert call(capsys, "--db", str(copy), "entities", "show", name)[0] == 1
    code, out, err = call(capsys, "--db", str(copy), "reextract", "--stage", "entities")
    assert code == 0, err
    assert "documents re-extracted" in out
    code, out, _ = call(capsys, "--db", str(copy), "entities", "show", name)
    assert code == 0 and "business park" in out


def test_ingest_stores_absolute_sources(sample: Path) -> None:
    records = json.loads(invoke(sample, "documents", "--limit", "100", "--format", "json")[1])
    assert records and all(Path(r["source_path"]).is_absolute() for r in records)


def test_search_finds_inflections_and_other_scripts_and_refuses_an_empty_query(
    sample: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def langs(query: str) -> set[str]:
        out = invoke(sample, "documents", "--search", query, "--limit", "100", "--format", "json")[1]
        return {record["lang"] for record in json.loads(out)}

    assert {"en", "ru"} <= langs("Alabuga") and {"en", "ru"} <= langs("Алабуге")
    assert langs("drones") == langs("drone")
    code, _, err = call(capsys, "--db", str(sample), "documents", "--search", "-Alabuga")
    assert code == 1 and len(err.strip().splitlines()) == 1 and "no word to search for" in err


def test_eval_prints_one_kind_of_table(tmp_path: Path) -> None:
    timeml = tmp_path / "timeml"
    timeml.mkdir()
    (timeml / "a.tml").write_text(
        '<?xml version="1.0" ?><TimeML><DOCID>a</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="2023-08-20" '
        'functionInDocument="CREATION_TIME">2023-08-20</TIMEX3></DCT><TEXT>It opened '
        '<TIMEX3 tid="t1" type="DATE" value="2023-08-19">yesterday</TIMEX3>.</TEXT></TimeML>',
        encoding="utf-8",
    )
    table = CliRunner().invoke(build_app(), ["eval", "timex", "--timeml", str(timeml), "--no-parse"]).stdout
    assert "measure" in table and "precision" in table and "type accuracy" in table and "┃" in table
    as_json = CliRunner().invoke(build_app(), ["eval", "timex", "--timeml", str(timeml), "--no-parse",
                                               "--format", "json"]).stdout
    assert json.loads(as_json)["value"]["f1"] == 1.0


def test_readme_says_how_to_run_the_postgresql_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "source .ci/start-postgres.sh" in readme and "WATCHFLOOR_TEST_PG_URL" in readme


# -- honest plumbing -------------------------------------------------------------------------------


def test_ingest_exits_nonzero_when_resolution_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("resolver crashed")

    monkeypatch.setattr("watchfloor.resolve.incremental.resolve_documents", broken)
    source = tmp_path / "note.txt"
    source.write_text("Officials in Yelabuga said the plant would grow.", encoding="utf-8")
    db = tmp_path / "w.db"
    code, _, err = call(capsys, "--db", str(db), "ingest", str(source))
    assert code == 1 and "resolver crashed" in err and "ingest_finished" in err
    assert json.loads(invoke(db, "summary", "--format", "json")[1])["total_documents"] == 1  # kept


def test_lock_holds_names_versions_and_hashes_only() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for forbidden in ("file://", "--find-links", "--extra-index-url", "--index-url", "999.9.9"):
        assert forbidden not in lock, forbidden


def test_package_data_globs_name_folders_that_exist() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package = ROOT / "src" / "watchfloor"
    for pattern in project["tool"]["setuptools"]["package-data"]["watchfloor"]:
        folder = pattern.split("*", 1)[0].rstrip("/")
        assert (package / folder).exists(), pattern
        assert list(package.glob(pattern)), pattern


def test_export_writes_followthemoney_lines(
    sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "workspace.ftm.jsonl"
    code, _, err = call(capsys, "--db", str(sample), "export", "--format", "ftm", "-o", str(target))
    assert code == 0 and f"wrote the ftm export to {target}" in err
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert {"Article", "Mention", "UnknownLink"} <= {r["schema"] for r in records}
    code, _, err = call(capsys, "--db", str(sample), "export", "-o", str(tmp_path / "no" / "x.jsonl"))
    assert code == 1 and "does not exist" in err
