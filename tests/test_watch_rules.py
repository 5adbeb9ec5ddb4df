"""Watch rules: parsing and matching in any script (delivery: tests/test_sinks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchfloor.errors import InputError
from watchfloor.store.base import WatchlistEntry
from watchfloor.watch.rules import Subject, load_rules_file, parse_rule

FARSI_RULE = {
    "id": "alabuga-farsi",
    "on": "document",
    "when": {"kind": "job_posting", "entity": "Alabuga", "fields": {"languages": ["Farsi", "фарси"]}},
}
WATCHLIST = [WatchlistEntry("Alabuga Special Economic Zone", "FAC", ["Alabuga", "Алабуга", "ОЭЗ «Алабуга»"])]


def _posting(text: str, languages: list[str], kind: str = "job_posting") -> Subject:
    return Subject("document", "document:x", text, lang="ru", doc_kind=kind, fields={"languages": languages})


def test_document_rule_matches_inflected_cyrillic_aliases_and_metadata_fields() -> None:
    rule = parse_rule(FARSI_RULE, "rule 1")
    rule.bind_watchlist(WATCHLIST)
    assert rule.matches(_posting("Переводчик на площадку ОЭЗ «Алабуга», Елабуга", ["русский", "фарси"]))
    assert rule.matches(_posting("Инженер в Алабуге", ["Farsi (Persian)"]))  # inflected alias
    assert not rule.matches(_posting("Инженер в Алабуге", ["английский"]))  # no Farsi
    assert not rule.matches(_posting("Переводчик в Казани", ["фарси"]))  # not at Alabuga
    assert not rule.matches(_posting("Переводчик в Алабуге", ["фарси"], kind="article"))


def test_claim_rule_on_denials_by_speaker() -> None:
    when = {"stance": "denies", "speaker": "Kanaani"}
    rule = parse_rule({"id": "denial", "on": "claim", "when": when}, "rule 1")
    denial = Subject("claim", "claim:1", "Iran had not provided weapons", stance="denies",
                     speaker="Nasser Kanaani")
    assert rule.matches(denial)
    assert not rule.matches(Subject("claim", "claim:2", "x", stance="asserts", speaker="Nasser Kanaani"))
    assert not rule.matches(Subject("document", "document:1", "x"))  # rules see only their subject kind


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ({"id": "x y", "when": {"kind": "article"}}, "'id' must be"),
        ({"id": "x", "on": "tweet", "when": {"kind": "article"}}, "'on' must be one of"),
        ({"id": "x", "when": {}}, "needs a non-empty 'when'"),
        ({"id": "x", "on": "document", "when": {"stance": "denies"}}, "'stance' does not apply"),
        ({"id": "x", "when": {"kind": {"a": 1}}}, "kind: expected a string"),
    ],
)
def test_invalid_rules_name_the_problem(record: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_rule(record, "rule 1")


def test_rules_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("- id: a\n  when: {kind: article}\n- id: a\n  when: {kind: report}\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"rules\.yaml: rule id 'a' is used twice"):
        load_rules_file(path)
    path.write_text("id: a\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a YAML list of rules"):
        load_rules_file(path)


def test_a_bare_yaml_on_key_is_read_as_the_subject_kind(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text("- id: denials\n  on: claim\n  when: {stance: denies}\n", encoding="utf-8")
    (rule,) = load_rules_file(path)
    assert rule.on == "claim" and rule.to_definition()["on"] == "claim"
