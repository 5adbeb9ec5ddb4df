"""``watchfloor extract`` keeps the evaluation interface exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import shared_path

SEED = "seed/000_aa53ffcfbbfed12b.txt"


def run_extract(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "watchfloor", "extract", *args], input=stdin, capture_output=True, check=False
    )


def test_seed_article_in_the_interface_shape_with_exact_offsets() -> None:
    seed = shared_path(SEED)
    result = run_extract("--date", "2023-08-20", str(seed))
    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {"source", "lang", "date", "entities", "times", "attributions"}
    assert (record["source"], record["lang"], record["date"]) == (str(seed), "en", "2023-08-20")
    text = seed.read_text(encoding="utf-8").removeprefix("\ufeff")
    for item in record["entities"] + record["times"]:
        assert text[item["start"]:item["end"]] == item["text"]
    found = {(e["text"], e["label"]) for e in record["entities"]}
    for person in ["Samuel Bendett", "Nasser Kanaani", "Nicolas Maduro"]:
        assert (person, "PERSON") in found
    for org in ["Albatross", "Airwars", "Iran International", "Financial Times", "Center for Naval Analyses"]:
        assert (org, "ORG") in found
    places = {t for t, label in found if label in {"GPE", "LOC"}}
    assert {"Yelabuga", "Tatarstan"} <= places


def test_stdin_with_byte_order_mark_and_offsets_after_it() -> None:
    text = "Nasser Kanaani, a spokesperson, spoke in Tehran on Monday."
    result = run_extract("--lang", "en", stdin=("\ufeff" + text).encode("utf-8"))
    assert result.returncode == 0, result.stderr.decode()
    record = json.loads(result.stdout)
    assert record["source"] == "-" and record["date"] is None
    assert any(e["text"] == "Nasser Kanaani" and e["start"] == 0 for e in record["entities"])


def test_bad_inputs_get_one_error_line_each_and_good_ones_still_print(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Airwars published research in London.", encoding="utf-8")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("caf\xe9 in Paris".encode("latin-1"))
    result = run_extract(str(tmp_path / "missing.txt"), str(good), str(latin))
    assert result.returncode == 1
    assert [json.loads(line)["source"] for line in result.stdout.decode().splitlines()] == [str(good)]
    errors = result.stderr.decode().strip().splitlines()
    assert errors == [f"error: {tmp_path / 'missing.txt'}: no such file",
                      f"error: {latin}: not valid UTF-8 (byte 3)"]


def test_watchlist_option_adds_names_the_model_does_not_know(tmp_path: Path) -> None:
    watchlist = tmp_path / "w.yaml"
    watchlist.write_text("- name: Alabuga\n  type: FAC\n  aliases: [Алабуга]\n", encoding="utf-8")
    posting = "ОЭЗ «Алабуга» ищет переводчиков.".encode()
    result = run_extract("--watchlist", str(watchlist), "--lang", "ru", stdin=posting)
    record = json.loads(result.stdout)
    assert [(e["text"], e["label"]) for e in record["entities"]] == [("Алабуга", "FAC")]
