"""What is defined once stays so: entity types, precision/recall counts, name keys."""

from __future__ import annotations

import pytest

from watchfloor.evaluate import metrics, spans
from watchfloor.evaluate.ner import coarse
from watchfloor.model.entity_types import ENTITY_TYPES, entity_type, schema_type, type_code, type_name
from watchfloor.resolve.resolver import coarse_label
from watchfloor.store.entities import coarse_type

LABELS = ["PERSON", "PER", "ORG", "GPE", "LOC", "FAC", "LOCORG", "EVENT", "EVT", "PRODUCT", "PRO", "NORP",
          "Organization", "location", "DATE"]


@pytest.mark.parametrize("label", LABELS)
def test_every_stage_reads_a_label_as_the_one_table_says(label: str) -> None:
    kind = entity_type(label)
    assert coarse_type(label) == (kind.name if kind else label.upper())  # the store groups by it
    assert coarse_label(label) == (kind.code if kind else label.upper())  # the resolver compares by it
    assert coarse(label) == (kind.code if kind and kind.code in {"PER", "ORG", "LOC"} else "MISC")  # eval


def test_types_are_defined_once_and_do_not_overlap() -> None:
    labels = [label for t in ENTITY_TYPES for label in t.labels]
    assert len(labels) == len(set(labels))
    assert (type_name("gpe"), type_code("Facility"), schema_type("Company"), schema_type("Vessel")) == (
        "LOC", "LOC", "ORG", None)


def test_one_precision_recall_counter() -> None:
    assert spans.PRF is metrics.PRF
    counted = metrics.PRF.counted(3, 4, 6)
    assert (counted.tp, counted.fp, counted.fn, counted.predicted, counted.gold) == (3, 1, 3, 4, 6)
    assert round(counted.f1, 4) == 0.6


def test_a_slice_of_a_split_is_every_nth_item() -> None:
    assert metrics.strided(list(range(12)), "0/5") == [0, 5, 10]
    assert metrics.strided(list(range(12)), "4/5") == [4, 9]
    assert metrics.strided([1, 2], None) == [1, 2]
    for bad in ("5/5", "x", "1/0"):
        with pytest.raises(ValueError, match="slice"):
            metrics.strided([1], bad)


def test_one_name_key_under_the_source_key() -> None:
    from watchfloor.corroborate.evidence import source_key
    from watchfloor.store.entities import name_key

    assert source_key("The  Financial\u00a0Times's") == name_key("Financial Times") == "financial times"
    assert source_key("An Observer") == name_key("observer")
