"""The Store interface for live sources: polled sources, captures of fetched responses, alert
deliveries and leases — with the records they are read back as.

A capture is written after its WARC record and marked processed once its body is ingested (and a
feed's or sitemap's links followed), so a poller killed in between finds the capture unprocessed and
finishes it from the archive instead of fetching again. Deliveries are written with their alert in one
transaction and retried until sent: delivery is at least once.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from watchfloor.model import Alert

SOURCE_KINDS = ("feed", "page", "sitemap")
#: Back-off after failed polls: the source's period doubled per failure, at most this long.
MAX_BACKOFF = timedelta(hours=24)
#: Attempts of one delivery before it is given up as failed, and the wait before the first retry
#: (doubled after each further failure).
DELIVERY_ATTEMPTS = 6
DELIVERY_RETRY = timedelta(seconds=30)


def url_key(url: str) -> str:
    """The SHA-256 a URL is indexed by (URLs can be longer than an index allows)."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def backoff(every: timedelta, failures: int) -> timedelta:
    """How long to wait before polling again after ``failures`` consecutive failures (0: the period)."""
    return min(every * 2 ** min(failures, 20), max(MAX_BACKOFF, every))


def retry_delay(attempts: int) -> timedelta:
    """The wait before the next attempt of a delivery that has failed ``attempts`` times."""
    return DELIVERY_RETRY * 2 ** max(attempts - 1, 0)


@dataclass(frozen=True, slots=True)
class SourceSpec:
    """A source as a user adds it."""

    url: str
    kind: str
    every_seconds: int
    publisher: str | None = None
    document_kind: str | None = None
    follow: bool = False  # a feed: fetch the page each new entry links to
    ignore_robots: bool = False


@dataclass(slots=True)
class Source:
    id: int
    url: str
    kind: str
    every_seconds: int
    created_at: datetime
    next_due_at: datetime
    publisher: str | None = None
    document_kind: str | None = None
    follow: bool = False
    ignore_robots: bool = False
    created_by: str | None = None
    last_polled_at: datetime | None = None
    last_success_at: datetime | None = None
    failures: int = 0
    last_error: str | None = None
    documents: int = 0


@dataclass(frozen=True, slots=True)
class NewCapture:
    """A fetched response archived at ``warc_path``/``warc_offset``, to be recorded."""

    url: str
    final_url: str
    fetched_at: datetime
    status: int
    content_type: str | None
    sha256: str
    size: int
    address: str | None
    warc_path: str
    warc_offset: int
    record_id: str
    etag: str | None = None
    last_modified: str | None = None
    source_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredCapture(NewCapture):
    """A recorded capture: its id, and when its body was ingested (None: not yet)."""

    id: int = field(kw_only=True)
    processed_at: datetime | None = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class NewDelivery:
    sink: str
    target: str  # as shown to people, without secrets
    spec: Any  # as the rule gives it


@dataclass(slots=True)
class Delivery:
    id: int
    alert_id: int
    sink: str
    target: str
    spec: Any
    status: str  # pending, sent, failed
    attempts: int
    next_attempt_at: datetime
    last_error: str | None = None
    sent_at: datetime | None = None


class LiveStore(ABC):
    """Sources, captures, deliveries and leases (part of :class:`~watchfloor.store.base.Store`)."""

    # -- sources -----------------------------------------------------------------------------
    @abstractmethod
    def add_source(self, spec: SourceSpec, *, by: str | None = None) -> Source:
        """A new source, due at once; WatchfloorError if its URL is already a source."""

    @abstractmethod
    def sources(self) -> list[Source]: ...

    @abstractmethod
    def source(self, source_id: int) -> Source | None: ...

    @abstractmethod
    def remove_source(self, source_id: int) -> Source:
        """Remove a source (its captures and documents stay); NotFoundError if unknown."""

    @abstractmethod
    def due_sources(self, at: datetime) -> list[Source]:
        """Sources due at ``at``, the longest overdue first."""

    @abstractmethod
    def record_poll(self, source_id: int, at: datetime, *, error: str | None = None, stored: int = 0) -> None:
        """The outcome of a poll: on success due again after its period, on failure after a back-off
        that doubles with each consecutive failure."""

    # -- captures ----------------------------------------------------------------------------
    @abstractmethod
    def add_capture(self, capture: NewCapture) -> StoredCapture: ...

    @abstractmethod
    def capture(self, capture_id: int) -> StoredCapture | None: ...

    @abstractmethod
    def latest_capture(self, url: str) -> StoredCapture | None:
        """The newest capture fetched for ``url`` (as asked for, before redirects)."""

    @abstractmethod
    def captured(self, url: str) -> bool:
        """Whether ``url`` has been fetched (asked for, or reached by redirect) before."""

    @abstractmethod
    def unprocessed_captures(self) -> list[StoredCapture]:
        """Captures whose body has not been ingested yet (a poller stopped midway), oldest first."""

    @abstractmethod
    def mark_capture_processed(self, capture_id: int, at: datetime) -> None: ...

    # -- documents watch rules have not seen -------------------------------------------------
    @abstractmethod
    def unwatched_documents(self, limit: int = 1000) -> list[str]:
        """Ids of stored documents the watch rules have not been run on, oldest first."""

    @abstractmethod
    def mark_watched(self, document_id: str, at: datetime) -> None: ...

    # -- alerts and their deliveries ---------------------------------------------------------
    @abstractmethod
    def add_alert(self, alert: Alert, deliveries: list[NewDelivery] | None = None) -> bool:
        """Store an alert and its pending deliveries in one transaction; False (and nothing written)
        if this rule already fired on this subject."""

    @abstractmethod
    def due_deliveries(self, at: datetime, limit: int = 100) -> list[tuple[Delivery, Alert]]:
        """Pending deliveries whose next attempt is due, oldest first, with their alerts."""

    @abstractmethod
    def record_delivery(self, delivery_id: int, at: datetime, *, error: str | None = None) -> Delivery:
        """The outcome of one attempt: sent, or retried later, or failed after the last attempt."""

    @abstractmethod
    def deliveries(self, *, alert_id: int | None = None, limit: int = 200) -> list[Delivery]:
        """Deliveries newest first (of one alert)."""

    # -- leases ------------------------------------------------------------------------------
    @abstractmethod
    def acquire_lease(self, name: str, holder: str, until: datetime, *, at: datetime,
                      takeover: frozenset[str] = frozenset()) -> str | None:
        """Take or renew the lease ``name`` for ``holder`` until ``until``: None when taken, else the
        current holder. An expired lease, or one held by a holder in ``takeover`` (a process known to
        be dead), is taken over."""

    @abstractmethod
    def lease_holder(self, name: str, at: datetime) -> str | None:
        """Who holds the lease now (None if nobody, or it expired)."""

    @abstractmethod
    def release_lease(self, name: str, holder: str) -> None: ...
