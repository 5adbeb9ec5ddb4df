"""Store support for corroboration and watch: reliability, document links, rules and alerts."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from test_store import filled, plain  # noqa: F401  (fixture re-used)
from watchfloor.errors import WatchfloorError
from watchfloor.model import Alert
from watchfloor.store.base import ClaimFilter
from watchfloor.store.sql import SqlStore


def test_publisher_reliability_is_set_listed_and_validated(store: SqlStore) -> None:
    store.add_document(*plain("Airwars found the postings.", publisher="Airwars"))
    store.set_reliability("Airwars", "b")
    store.set_reliability("Iran foreign ministry", "D")  # created if unknown
    listed = {p.name: (p.reliability, p.document_count) for p in store.publishers()}
    assert listed == {"Airwars": ("B", 1), "Iran foreign ministry": ("D", 0)}
    with pytest.raises(WatchfloorError, match="Admiralty scale"):
        store.set_reliability("Airwars", "G")


def test_document_links_and_entity_names(store: SqlStore) -> None:
    first = store.add_document(*plain("Albatross builds drones at Alabuga.", ("Albatross", "ORG")))
    copy = store.add_document(
        *plain("Albatross builds drones at Alabuga, a wire says.", publisher="Copy Desk"),
        syndicated_from=first.document_id,
    )
    links = store.document_links()
    assert links[copy.document_id].syndicated_from == first.document_id
    assert links[copy.document_id].publisher == "Copy Desk"
    assert store.document_links([copy.document_id]) == links  # with the original it was copied from
    assert set(store.document_links([first.document_id])) == {first.document_id}
    (entity_id,) = {m.entity_id for m in store.mentions(first.document_id)}
    assert entity_id is not None
    assert store.entity_names([entity_id, "unknown"]) == {entity_id: "Albatross"}


def test_watch_rules_are_saved_replaced_and_deleted(store: SqlStore) -> None:
    rule = {"id": "farsi", "on": "document", "when": {"kind": "job_posting"}}
    assert store.save_watch_rules([("farsi", rule)]) == 1
    assert store.save_watch_rules([("farsi", rule)]) == 0  # unchanged
    changed = {**rule, "when": {"kind": "job_posting", "lang": "ru"}}
    assert store.save_watch_rules([("farsi", changed)]) == 1
    assert store.watch_rules() == [("farsi", changed)]
    assert store.delete_watch_rule("farsi") and not store.delete_watch_rule("farsi")
    assert store.watch_rules() == []


def test_an_alert_is_stored_once_per_rule_and_subject(store: SqlStore) -> None:
    when = datetime(2023, 8, 20, 12, tzinfo=UTC)
    alert = Alert("farsi", "document:abc", when, "Farsi interpreter wanted", {"document": "abc"})
    assert store.add_alert(alert) and alert.id is not None
    assert not store.add_alert(Alert("farsi", "document:abc", when, "again"))
    assert store.add_alert(Alert("denials", "document:abc", when, "a denial"))
    alerts = store.alerts()
    expected = [("denials", "a denial"), ("farsi", "Farsi interpreter wanted")]
    assert [(a.rule, a.title) for a in alerts] == expected
    assert store.alerts(rule="farsi")[0].payload == {"document": "abc"}


def test_claims_and_documents_about_an_entity_include_those_not_naming_it(
    filled: SqlStore,  # noqa: F811
) -> None:
    about = {c.document_id for c in filled.claims(ClaimFilter(about="Yelabuga"))}
    named = {c.document_id for c in filled.claims(ClaimFilter(entity="Yelabuga"))}
    assert named <= about
    mentioning = {d.id for d in filled.documents(mentioning="Елабуге")}
    assert about <= mentioning and mentioning
    assert filled.documents(mentioning="no such entity") == []


def test_co_mentions_count_shared_documents_most_first(store: SqlStore) -> None:
    albatross, alabuga, kirby = ("Albatross", "ORG"), ("Alabuga", "GPE"), ("Kirby", "PERSON")
    store.add_document(*plain("Albatross builds drones at Alabuga.", albatross, alabuga))
    store.add_document(*plain("Kirby said Albatross hires at Alabuga.", kirby, albatross, alabuga))
    store.add_document(*plain("Kirby spoke in Washington.", kirby, ("Washington", "GPE")))
    ids = {m.text: m.entity_id for m in store.workspace_mentions()}
    found = store.co_mentions(str(ids["Albatross"]))
    assert found == [(ids["Alabuga"], 2), (ids["Kirby"], 1)]  # Washington shares no document with it
    assert store.co_mentions(str(ids["Albatross"]), limit=1) == [(ids["Alabuga"], 2)]
    assert store.co_mentions("no-such-entity") == []


def test_documents_by_id_keeps_the_order_asked_for(store: SqlStore) -> None:
    first = store.add_document(*plain("Albatross builds drones at Alabuga.", publisher="Kama Courier"))
    second = store.add_document(*plain("Kirby spoke in Washington."))
    found = store.documents_by_id([second.document_id, "unknown", first.document_id, second.document_id])
    assert [d.id for d in found] == [second.document_id, first.document_id]
    assert found[1].publisher == "Kama Courier" and found[1].text == "Albatross builds drones at Alabuga."
    assert store.documents_by_id([]) == []
