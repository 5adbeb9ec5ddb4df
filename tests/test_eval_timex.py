"""``watchfloor eval timex``: TimeML reading, TempEval-3 style scoring, and the dev-set figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from watchfloor.cli.main import build_app
from watchfloor.errors import InputError
from watchfloor.evaluate.timex import evaluate_directory, read_timeml, score_timexes

TEMPEVAL = "datasets/tempeval3/TBAQ-cleaned"

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>sample</DOCID>
<DCT><TIMEX3 type="DATE" value="2023-08-20" functionInDocument="CREATION_TIME">20230820</TIMEX3></DCT>
<TEXT>
The plant &amp; its staff <EVENT eid="e1">opened</EVENT> \
<TIMEX3 tid="t1" type="DATE" value="2023-07">last month</TIMEX3> and will grow \
<TIMEX3 tid="t2" type="DATE" value="2024">next year</TIMEX3>. Hiring lasted \
<TIMEX3 tid="t3" type="DURATION" value="P3M">three months</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def timeml_dir(tmp_path: Path) -> Path:
    (tmp_path / "sample.tml").write_text(TIMEML, "utf-8")
    return tmp_path


def test_reader_strips_tags_and_keeps_offsets(timeml_dir: Path) -> None:
    document = read_timeml(timeml_dir / "sample.tml")
    assert str(document.creation_date) == "2023-08-20"
    assert "The plant & its staff opened last month" in document.text
    assert [(document.text[t.start : t.end], t.type, t.value) for t in document.timexes] == [
        ("last month", "DATE", "2023-07"),
        ("next year", "DATE", "2024"),
        ("three months", "DURATION", "P3M"),
    ]


def test_scores_relaxed_strict_value_and_type(timeml_dir: Path) -> None:
    document = read_timeml(timeml_dir / "sample.tml")
    last_month, next_year, _ = document.timexes
    predictions = [
        (last_month.start, last_month.end, "DATE", "2023-07"),  # exact, right value
        (next_year.start + 5, next_year.end, "DATE", "2025"),  # overlapping, wrong value
        (0, 3, "DATE", "PRESENT_REF"),  # spurious
    ]
    scores = score_timexes([(document, predictions)])
    assert (scores.relaxed.true_positives, scores.relaxed.predicted, scores.relaxed.gold) == (2, 3, 3)
    assert scores.strict.true_positives == 1
    assert scores.value.true_positives == 1
    assert scores.type_accuracy == 1.0
    assert {e["kind"] for e in scores.errors} == {"value", "missed", "spurious"}


def test_cli_reports_json(timeml_dir: Path) -> None:
    result = CliRunner().invoke(
        build_app(), ["eval", "timex", "--timeml", str(timeml_dir), "--format", "json", "--no-parse"]
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["relaxed"]["gold"] == 3 and scores["value"]["tp"] == 3
    assert scores["relaxed"]["f1"] == 1.0


def test_bad_input_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no \.tml files"):
        evaluate_directory(tmp_path)
    broken = tmp_path / "broken.tml"
    broken.write_text("<TimeML><DCT></DCT></TimeML>", "utf-8")
    with pytest.raises(InputError, match=r"broken\.tml: no <TEXT>"):
        read_timeml(broken)


@pytest.mark.slow
@pytest.mark.parametrize(("corpus", "value_f1"), [("TimeBank", 0.80), ("AQUAINT", 0.78)])
def test_tempeval3_development_sets(corpus: str, value_f1: float) -> None:
    scores = evaluate_directory(shared_path(f"{TEMPEVAL}/{corpus}"))
    assert scores.relaxed.f1 >= 0.88
    assert scores.value.f1 >= value_f1
