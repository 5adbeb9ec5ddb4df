"""Reviews in the store, on SQLite and PostgreSQL: applied, re-applied after re-extraction, undone
exactly; and document pages by cursor."""

from __future__ import annotations

from datetime import date

import pytest

from test_store import article, filled, russian, watched_yelabuga  # noqa: F401  (fixtures and builders)
from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.store.base import ClaimFilter, DocumentQuery, document_cursor
from watchfloor.store.sql import SqlStore


def _claim(store: SqlStore, cue: str):  # type: ignore[no-untyped-def]
    return next(c for c in store.claims(ClaimFilter(include_rejected=True)) if c.cue == cue)


def test_review_is_applied_kept_through_re_extraction_and_undone(filled: SqlStore) -> None:  # noqa: F811
    told = _claim(filled, "told")
    denied = _claim(filled, "denied")
    rejected = filled.review("reject", {"item": "claim", "key": denied.key}, author="ana", reason="misread")
    later = {"item": "claim", "key": told.key, "field": "time", "value": "2026-Q1"}
    corrected = filled.review("correct", later, author="ana")
    assert corrected.subject["machine"] == "2025" and rejected.document_id == denied.document_id
    assert "denied" not in [c.cue for c in filled.claims()]
    assert [c.cue for c in filled.claims(ClaimFilter(since=date(2026, 1, 1)))] == ["told"]
    moved = _claim(filled, "told")
    assert (moved.time_value, moved.time_start, moved.time_end, moved.review, moved.reviewed_by) == (
        "2026-Q1", date(2026, 1, 1), date(2026, 3, 31), "corrected", "ana")

    document = filled.document(told.document_id)
    assert document is not None
    _, analysis = article(watched_yelabuga(filled))
    filled.replace_machine_output(told.document_id, analysis, ["claims"])
    assert "denied" not in [c.cue for c in filled.claims()]
    assert _claim(filled, "told").time_value == "2026-Q1"

    filled.undo_judgement(corrected.id)
    assert (_claim(filled, "told").time_value, _claim(filled, "told").review) == ("2025", None)
    filled.undo_judgement(rejected.id)
    assert "denied" in [c.cue for c in filled.claims()]
    assert [j.undone_at is not None for j in filled.reviews()] == [True, True]


def test_a_mention_rejected_belongs_to_no_entity_and_a_relabel_keeps_its_key(filled: SqlStore) -> None:  # noqa: F811
    document_id = filled.documents(kind="article")[0].id
    mention = next(m for m in filled.mentions(document_id) if m.text == "Airwars")
    filled.review("correct", {"item": "mention", "key": mention.key, "field": "label", "value": "org"},
                  author="ana")
    relabelled = next(m for m in filled.mentions(document_id) if m.start == mention.start)
    assert (relabelled.label, relabelled.review) == ("ORG", "corrected")
    filled.review("reject", {"item": "mention", "key": mention.key}, author="ana")
    rejected = next(m for m in filled.mentions(document_id) if m.start == mention.start)
    assert (rejected.review, rejected.entity_id, rejected.label) == ("rejected", None, "ORG")
    assert mention.key not in {m.key for m in filled.workspace_mentions()}


def test_reviews_refuse_what_does_not_fit(filled: SqlStore) -> None:  # noqa: F811
    told = _claim(filled, "told")
    with pytest.raises(NotFoundError):
        filled.review("confirm", {"item": "claim", "key": told.key + "0"}, author="ana")
    with pytest.raises(WatchfloorError, match="can correct"):
        filled.review("correct", {"item": "claim", "key": told.key, "field": "label", "value": "X"},
                      author="ana")
    with pytest.raises(WatchfloorError, match="only claim, mention"):
        filled.review("confirm", {"item": "entity", "key": "x:1:2"}, author="ana")
    assert filled.reviews() == []


def test_document_pages_by_cursor(filled: SqlStore) -> None:  # noqa: F811
    first = filled.search_documents(DocumentQuery(limit=1))
    second = filled.search_documents(DocumentQuery(limit=1, cursor=document_cursor(first[0])))
    every = filled.search_documents(DocumentQuery(limit=10))
    assert [d.id for d in first + second] == [d.id for d in every] and len(every) == 2
    assert filled.search_documents(DocumentQuery(limit=5, cursor=document_cursor(second[0]))) == []
    late = filled.search_documents(DocumentQuery(entity="Yelabuga", since=date(2023, 8, 1)))
    assert [d.published_at.date() for d in late if d.published_at] == [date(2023, 8, 2)]
    assert filled.search_documents(DocumentQuery(entity="Yelabuga", until=date(2023, 7, 13))) == []
