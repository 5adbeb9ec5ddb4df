"""``watchfloor eval claims``: the scorer, the bundled scenarios' gold, and one scenario end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchfloor.evaluate.claims import (
    b_cubed,
    evaluate_scenarios,
    read_scenario,
    scenario_folders,
    scenarios_folder,
)
from watchfloor.ingest.readers.text import split_front_matter

SCENARIOS = scenarios_folder()


def test_b_cubed_of_known_clusterings() -> None:
    gold = {1: "a", 2: "a", 3: "b", 4: "b"}
    assert b_cubed(gold, {1: "x", 2: "x", 3: "y", 4: "y"}) == (1.0, 1.0)
    precision, recall = b_cubed(gold, {1: "x", 2: "x", 3: "x", 4: "x"})  # everything in one cluster
    assert (precision, recall) == (0.5, 1.0)
    precision, recall = b_cubed(gold, {1: "p", 2: "q", 3: "r", 4: "s"})  # all singletons
    assert (precision, recall) == (1.0, 0.5)


@pytest.mark.parametrize("folder", list(scenario_folders([SCENARIOS])), ids=lambda p: p.name)
def test_every_scenario_gold_quotes_its_documents_exactly_once(folder: Path) -> None:
    scenario = read_scenario(folder)
    assert len(scenario.origins) >= 2 and "main" in scenario.origins  # a claim and a distractor at least
    kinds = {item.kind for item in scenario.items}
    assert kinds == {"claim", "denial", "no_comment"}
    for item in scenario.items:
        path = folder / "documents" / item.doc
        _, body = split_front_matter(path.read_text(encoding="utf-8"), path)
        assert body.strip().count(item.quote) == 1, (item.doc, item.quote)
        if item.kind == "denial":
            assert item.cluster in scenario.origins


def test_the_bundled_scenarios_cover_the_six_domains_and_hold_two_out() -> None:
    scenarios = [read_scenario(f) for f in scenario_folders([SCENARIOS])]
    assert {"sanctions", "shipping", "hiring", "strike", "election", "corporate-denial"} <= {
        s.domain for s in scenarios}
    assert sum(s.held_out for s in scenarios) == 2


def test_a_shipment_reported_three_ways_and_denied_by_the_shipper() -> None:
    (score,) = evaluate_scenarios([SCENARIOS / "shipping-ilmen"])
    gold, found = score.origin_counts["main"]
    assert (gold, found) == (3, 3)  # wire + copies, the NGO + citing outlets, the government
    assert score.origin_counts["sura-trader-2022"] == (1, 1)  # another ship, another year: apart
    assert score.b3_f1 >= 0.8
    assert score.denials_linked >= score.denials - 2  # "we have never carried cargo for them" among them
    assert score.stance_right == score.stance_seen


def test_a_leak_a_study_and_an_insider_are_three_origins_whatever_else_the_reports_say() -> None:
    (score,) = evaluate_scenarios([SCENARIOS / "sanctions-tarvex"])
    # the wire, its copies and a paper with its own copy of the leak are one line; the study and the
    # two outlets citing it another; one reporter's insider for two sister titles the third — while
    # the supplier's own statement and trade statistics in the same articles add no origin
    assert score.origin_counts["main"] == (3, 3)
    assert score.origin_counts["kazakhstan-2021"] == (1, 1)  # the lawful 2021 sale stays apart
    assert score.b3_precision == 1.0
