"""``watchfloor eval resolve``: clustering metrics, the BSNLP reader, the command, the shared topics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from watchfloor.cli.main import build_app
from watchfloor.errors import InputError
from watchfloor.evaluate.resolve import b_cubed, evaluate_topic, pairwise, read_bsnlp_topic

BSNLP = "datasets/bsnlp-slavner"


def test_b_cubed_and_pairwise_on_a_worked_example() -> None:
    gold = ["A", "A", "B", "B"]
    predicted = ["x", "x", "x", "y"]
    scores = b_cubed(predicted, gold)
    assert scores.precision == pytest.approx((4 / 3 + 1 / 3 + 1) / 4)
    assert scores.recall == pytest.approx(0.75)
    pairs = pairwise(predicted, gold)
    assert (pairs.precision, pairs.recall) == (pytest.approx(1 / 3), pytest.approx(1 / 2))
    perfect = b_cubed(gold, gold)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError):
        b_cubed(["x"], gold)


def _write_topic(root: Path) -> Path:
    """A two-language topic in BSNLP layout, written by us (raw/<lang>/, annotated/<lang>/)."""
    topic = root / "drones"
    files = {
        "raw/ru/file_1.txt": "ru-1\nru\n2023-08-20\nhttp://example.org/1\nЗавод\n"
                             "В Елабуге строят завод. Жители Елабуги говорят о заводе «Альбатрос».\n",
        "annotated/ru/file_1.out": "\ufeffru-1\nЕлабуге\tЕлабуга\tLOC\tGPE-Yelabuga\n"
                                   "Елабуги\tЕлабуга\tLOC\tGPE-Yelabuga\n"
                                   "Альбатрос\tАльбатрос\tORG\tORG-Albatross\n",
        "raw/pl/file_2.txt": "pl-2\npl\n2023-08-21\nhttp://example.org/2\nFabryka\n"
                             "Fabryka w Jełabudze. Firma Albatros buduje drony w Jełabudze.\n",
        "annotated/pl/file_2.out": "pl-2\nJełabudze\tJełabuga\tLOC\tGPE-Yelabuga\n"
                                   "Albatros\tAlbatros\tORG\tORG-Albatross\n"
                                   "broken line without tabs\n",
    }  # fmt: skip
    for relative, text in files.items():
        path = topic / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return topic


def test_reader_pairs_annotations_with_raw_text_and_hides_gold_ids(tmp_path: Path) -> None:
    mentions, skipped = read_bsnlp_topic(_write_topic(tmp_path))
    assert skipped == 1
    assert [g.mention.text for g in mentions] == ["Jełabudze", "Albatros", "Елабуге", "Елабуги", "Альбатрос"]
    first_ru = mentions[2].mention
    assert (first_ru.lang, first_ru.doc, first_ru.label) == ("ru", "ru/ru-1", "LOC")
    assert first_ru.context is not None and "Елабуге строят" in first_ru.context
    assert all("GPE-" not in (g.mention.context or "") + g.mention.id for g in mentions)


def test_evaluate_topic_resolves_across_languages(tmp_path: Path) -> None:
    result = evaluate_topic(_write_topic(tmp_path))
    assert result["mentions"] == 5 and result["gold_entities"] == 2
    assert result["b_cubed"]["f1"] == 1.0
    assert result["baseline_b_cubed"]["f1"] < 1.0


def test_eval_resolve_command_prints_json(tmp_path: Path) -> None:
    topic = _write_topic(tmp_path)
    arguments = ["eval", "resolve", "--bsnlp", str(tmp_path), "--format", "json"]
    result = CliRunner().invoke(build_app(), arguments)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["topic"] for r in rows] == [topic.name]
    assert {"b_cubed", "pairwise", "baseline_b_cubed", "baseline_pairwise"} <= set(rows[0])


def test_eval_resolve_rejects_a_folder_without_topics(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no BSNLP topic"):
        CliRunner().invoke(build_app(), ["eval", "resolve", "--bsnlp", str(tmp_path)], catch_exceptions=False)


@pytest.mark.slow
@pytest.mark.parametrize("topic", ["trump", "ec"])
def test_shared_bsnlp_topics_beat_the_string_baseline(topic: str) -> None:
    result = evaluate_topic(shared_path(f"{BSNLP}/{topic}"))
    assert result["b_cubed"]["f1"] >= 0.80
    assert result["b_cubed"]["f1"] > result["baseline_b_cubed"]["f1"] + 0.2
    assert result["candidate_pairs"] < result["mentions"] ** 2 / 20
