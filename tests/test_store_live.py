"""The store's live-source tables on SQLite and PostgreSQL: sources and their back-off, captures, the
documents watch rules have not seen, alerts with their deliveries and retries, the poller lease."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.model import Alert, Analysis, Document
from watchfloor.store.base import NewCapture, NewDelivery, SourceSpec
from watchfloor.store.live import DELIVERY_ATTEMPTS, MAX_BACKOFF
from watchfloor.store.sql import SqlStore

T0 = datetime(2026, 12, 1, 8, 0, tzinfo=UTC)


def _capture(url: str, sha: str, at: datetime, source_id: int | None = None) -> NewCapture:
    return NewCapture(url=url, final_url=url, fetched_at=at, status=200, content_type="text/html", sha256=sha,
                      size=10, address="127.0.0.1", warc_path="captures/x.warc.gz", warc_offset=0,
                      record_id="<urn:uuid:1>", etag='"v1"', source_id=source_id)


def test_sources_are_unique_due_at_once_and_back_off_on_failure(store: SqlStore) -> None:
    feed = store.add_source(SourceSpec("https://example.org/feed.rss", "feed", 3600, publisher="Example"),
                            by="cli:tester")
    with pytest.raises(WatchfloorError, match="already a source"):
        store.add_source(SourceSpec("https://example.org/feed.rss", "page", 60))
    assert [s.id for s in store.due_sources(feed.next_due_at)] == [feed.id]
    store.record_poll(feed.id, T0, error="cannot fetch: connection refused")
    store.record_poll(feed.id, T0, error="cannot fetch: connection refused")
    failing = store.source(feed.id)
    assert failing is not None and failing.failures == 2
    assert failing.last_error == "cannot fetch: connection refused"
    assert failing.next_due_at == T0 + timedelta(hours=4)  # the hour, doubled twice
    for _ in range(10):
        store.record_poll(feed.id, T0, error="down")
    assert store.source(feed.id).next_due_at == T0 + MAX_BACKOFF  # type: ignore[union-attr]
    store.record_poll(feed.id, T0, stored=3)
    ok = store.source(feed.id)
    assert ok is not None
    assert (ok.failures, ok.last_error, ok.documents, ok.last_success_at) == (0, None, 3, T0)
    assert ok.next_due_at == T0 + timedelta(hours=1) and store.due_sources(T0) == []
    assert store.remove_source(feed.id).url == "https://example.org/feed.rss" and store.sources() == []
    with pytest.raises(NotFoundError):
        store.remove_source(feed.id)


def test_captures_latest_first_and_unprocessed_until_marked(store: SqlStore) -> None:
    source = store.add_source(SourceSpec("https://example.org/a", "page", 60))
    first = store.add_capture(_capture("https://example.org/a", "1" * 64, T0, source.id))
    second = store.add_capture(_capture("https://example.org/a", "2" * 64, T0 + timedelta(hours=1)))
    assert store.latest_capture("https://example.org/a").id == second.id  # type: ignore[union-attr]
    assert store.captured("https://example.org/a") and not store.captured("https://example.org/b")
    assert [c.id for c in store.unprocessed_captures()] == [first.id, second.id]
    store.mark_capture_processed(first.id, T0)
    assert [c.id for c in store.unprocessed_captures()] == [second.id]
    assert store.capture(first.id).processed_at == T0 and store.capture(first.id).etag == '"v1"'  # type: ignore[union-attr]
    store.remove_source(source.id)  # the capture stays, without its source
    assert store.capture(first.id).source_id is None  # type: ignore[union-attr]


def test_a_document_names_its_capture_and_stays_unwatched_until_marked(store: SqlStore) -> None:
    capture = store.add_capture(_capture("https://example.org/a", "1" * 64, T0))
    text = "Alabuga grew."
    added = store.add_document(Document(text, url="https://example.org/a", capture_id=capture.id),
                               Analysis(text=text))
    assert store.document(added.document_id).capture_id == capture.id  # type: ignore[union-attr]
    assert store.unwatched_documents() == [added.document_id]
    store.mark_watched(added.document_id, T0)
    assert store.unwatched_documents() == []


def test_an_alert_is_stored_with_its_deliveries_which_retry_then_fail(store: SqlStore) -> None:
    alert = Alert("farsi", "document:abc", T0, "Farsi wanted")
    targets = [NewDelivery("jsonl", "jsonl alerts.jsonl", {"jsonl": "alerts.jsonl"}),
               NewDelivery("webhook", "webhook https://hooks.example.org/x",
                           {"webhook": "https://hooks.example.org/x"})]
    assert store.add_alert(alert, targets) and alert.id is not None
    assert not store.add_alert(Alert("farsi", "document:abc", T0, "again"), targets)
    due = store.due_deliveries(T0)
    assert [(d.sink, a.title) for d, a in due] == [("jsonl", "Farsi wanted"), ("webhook", "Farsi wanted")]
    jsonl, webhook = (d for d, _ in due)
    assert store.record_delivery(jsonl.id, T0).status == "sent"
    retried = store.record_delivery(webhook.id, T0, error="the webhook answered 500")
    assert (retried.status, retried.attempts) == ("pending", 1)
    assert retried.next_attempt_at == T0 + timedelta(seconds=30)
    assert store.due_deliveries(T0) == []
    for _ in range(DELIVERY_ATTEMPTS - 1):
        last = store.record_delivery(webhook.id, T0, error="the webhook answered 500")
    assert last.status == "failed" and last.attempts == DELIVERY_ATTEMPTS
    assert store.due_deliveries(T0 + timedelta(days=30)) == []
    assert {d.status for d in store.deliveries(alert_id=alert.id)} == {"sent", "failed"}


def test_one_lease_holder_at_a_time_until_it_expires_or_is_known_dead(store: SqlStore) -> None:
    until = T0 + timedelta(minutes=2)
    assert store.acquire_lease("poller", "host:1", until, at=T0) is None
    assert store.acquire_lease("poller", "host:1", until, at=T0) is None  # renewal
    assert store.acquire_lease("poller", "host:2", until, at=T0) == "host:1"
    assert store.lease_holder("poller", T0) == "host:1"
    assert store.acquire_lease("poller", "host:2", until, at=T0, takeover=frozenset({"host:1"})) is None
    assert store.acquire_lease("poller", "host:3", until + timedelta(minutes=2), at=until) is None  # expired
    store.release_lease("poller", "host:2")  # not the holder: nothing happens
    assert store.lease_holder("poller", until) == "host:3"
    store.release_lease("poller", "host:3")
    assert store.lease_holder("poller", until) is None
