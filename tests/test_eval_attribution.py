"""The generic span scorer, the PolNeAR brat reader and ``watchfloor eval attribution``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import shared_path
from watchfloor.cli.main import build_app
from watchfloor.errors import InputError
from watchfloor.evaluate.attribution import (
    GoldAttribution,
    evaluate_polnear,
    parse_brat,
    read_polnear,
    score_attributions,
)
from watchfloor.evaluate.spans import PRF, match_spans
from watchfloor.model import Analysis, Attribution

POLNEAR_DEV = "datasets/polnear/data/dev"

TEXT = "Harbour closed\n\nOfficials said the harbour was closed. The mayor, however, hopes it reopens soon.\n"
# Offsets into TEXT: "Officials" 16-25, "said" 26-30, content 31-53; "The mayor" 55-64, "hopes" 75-80,
# content 81-96 ("it reopens soon"); one relation without a source, one with a discontinuous content.
ANNOTATION = """T1\tSource 16 25\tOfficials
T2\tCue 26 30\tsaid
T3\tContent 31 53\tthe harbour was closed
T4\tAttribution 26 30\tsaid
E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3
T5\tSource 55 64\tThe mayor
T6\tCue 75 80\thopes
T7\tContent 81 91;92 96\tit reopens soon
T8\tAttribution 75 80\thopes
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
T9\tCue 0 7\tHarbour
T10\tContent 8 14\tclosed
T11\tAttribution 0 7\tHarbour
E3\tAttribution-no-source:T11 Cue:T9 Content:T10
"""


def _split(root: Path, annotations: dict[str, str]) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "port.txt").write_text(TEXT, encoding="utf-8")
    for name, body in annotations.items():
        (root / "attributions" / name).write_text(body, encoding="utf-8")
    return root


def test_match_spans_is_one_to_one_by_overlap_or_exact() -> None:
    gold = [("d", 0, 10), ("d", 12, 20), ("e", 0, 5)]
    predicted = [("d", 2, 15), ("d", 12, 20), ("e", 6, 9)]
    overlap = match_spans(gold, predicted, "overlap")
    assert (overlap.true_positives, overlap.predicted, overlap.gold) == (2, 3, 3)
    exact = match_spans(gold, predicted, "exact")
    assert exact.true_positives == 1
    assert exact.precision == pytest.approx(1 / 3) and exact.f1 == pytest.approx(1 / 3)
    assert PRF.counted(0, 0, 0).f1 == 0.0


def test_parse_brat_reads_relations_hulls_and_missing_sources(tmp_path: Path) -> None:
    path = tmp_path / "port_abcd.ann"
    path.write_text(ANNOTATION, encoding="utf-8")
    relations = parse_brat(path, len(TEXT))
    assert GoldAttribution((26, 30), (16, 25), (31, 53)) in relations
    assert GoldAttribution((75, 80), (55, 64), (81, 96)) in relations
    assert GoldAttribution((0, 7), None, (8, 14)) in relations


def test_parse_brat_rejects_bad_offsets_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "bad_abcd.ann"
    path.write_text("T1\tCue 5 900\tsaid\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad_abcd\.ann: line 1"):
        parse_brat(path, len(TEXT))
    path.write_text("T1\tCue five six\tsaid\n", encoding="utf-8")
    with pytest.raises(InputError, match="malformed"):
        parse_brat(path, len(TEXT))


def test_read_polnear_picks_the_first_annotator(tmp_path: Path) -> None:
    root = _split(tmp_path / "dev", {"port_0aaa.ann": ANNOTATION, "port_ffff.ann": ""})
    (article,) = read_polnear(root)
    assert article.name == "port" and len(article.attributions) == 3
    with pytest.raises(InputError, match="not a PolNeAR split"):
        list(read_polnear(tmp_path))


def test_scores_pair_attributions_through_cues(tmp_path: Path) -> None:
    analysis = Analysis(text=TEXT)
    predicted = [
        Attribution(cue=analysis.span(26, 30), content=analysis.span(31, 53), component="t",
                    source=analysis.span(16, 25)),
        Attribution(cue=analysis.span(75, 80), content=analysis.span(81, 88), component="t",
                    source=analysis.span(59, 64)),
        Attribution(cue=analysis.span(8, 14), content=analysis.span(0, 7), component="t"),
    ]
    path = tmp_path / "port_abcd.ann"
    path.write_text(ANNOTATION, encoding="utf-8")
    gold = parse_brat(path, len(TEXT))
    scores = score_attributions({"port": gold}, {"port": predicted})
    assert scores.cue_overlap.true_positives == 2 and scores.cue_overlap.predicted == 3
    assert scores.source_overlap.true_positives == 2 and scores.source_exact.true_positives == 1
    assert scores.source_overlap.predicted == 2 and scores.source_overlap.gold == 2
    assert scores.content_overlap.true_positives == 2 and scores.content_exact.true_positives == 1


def test_eval_attribution_command_scores_a_split(tmp_path: Path) -> None:
    root = _split(tmp_path / "dev", {"port_0aaa.ann": ANNOTATION})
    arguments = ["eval", "attribution", "--polnear", str(root), "--format", "json"]
    result = CliRunner().invoke(build_app(), arguments)
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert set(scores) == {"cue_overlap", "cue_exact", "source_overlap", "source_exact",
                           "content_overlap", "content_exact"}
    # "Officials said the harbour was closed." is found exactly as annotated.
    assert scores["cue_exact"]["tp"] >= 1 and scores["source_exact"]["tp"] >= 1
    assert scores["content_exact"]["tp"] >= 1


@pytest.mark.slow
def test_polnear_dev_sample_is_well_above_a_quotation_baseline() -> None:
    scores = evaluate_polnear(shared_path(POLNEAR_DEV), limit=12)
    assert scores.cue_overlap.f1 > 0.5
    assert scores.source_overlap.f1 > 0.45 and scores.content_overlap.f1 > 0.45
