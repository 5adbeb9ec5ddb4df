"""The poller behind ``watchfloor run``: one per workspace (a lease in the store), polling due sources,
ingesting what is new, running the watch rules and sending alerts.

Each cycle first finishes what a stopped run left (captures archived but not yet ingested), then polls
the due sources, the longest overdue first, keeping the politeness delay between two requests to one
host, and catches up on documents the watch rules have not seen; a source that fails is retried after a
back-off that doubles with each failure. Nothing captured is fetched again and nothing that fired is
alerted again: a poller killed at any point and started again loses and doubles nothing.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from watchfloor.config import Settings
from watchfloor.errors import WatchfloorError
from watchfloor.ingest.guard import Resolver, system_resolver
from watchfloor.service.capturing import Capturer, FetchOutcome, HostPacer, Reading
from watchfloor.service.delivery import DeliveryReport, DeliveryService
from watchfloor.service.ingestion import run_hook
from watchfloor.store.base import Source, Store
from watchfloor.watch.engine import catch_up

LEASE = "poller"
LEASE_SECONDS = 120
#: Longest sleep between two cycles (the lease is renewed and new sources noticed at least this often).
MAX_IDLE_SECONDS = 30.0
#: Alerts a cycle reports at most (it raises them all).
MAX_ALERTS_COUNTED = 100_000


def holder_name() -> str:
    """This process, as a lease holder: ``host:pid``."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _dead_here(holder: str) -> bool:
    """Whether ``holder`` names a process on this host that no longer runs (killed, crashed)."""
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@dataclass(slots=True)
class CycleReport:
    """What one cycle did."""

    polled: list[tuple[Source, FetchOutcome]] = field(default_factory=list)
    resumed: list[FetchOutcome] = field(default_factory=list)
    alerts: int = 0  # raised during the cycle
    delivery: DeliveryReport = field(default_factory=DeliveryReport)
    stage_errors: list[str] = field(default_factory=list)

    @property
    def stored_ids(self) -> list[str]:
        outcomes = [*self.resumed, *(outcome for _, outcome in self.polled)]
        return [i for outcome in outcomes for i in outcome.stored_ids()]

    @property
    def problems(self) -> list[str]:
        outcomes = [*self.resumed, *(outcome for _, outcome in self.polled)]
        return [*(p for o in outcomes for p in o.problems()), *self.stage_errors, *self.delivery.problems]


class Poller:
    """Polls one workspace's sources; :meth:`run` holds the workspace's poller lease while it runs."""

    def __init__(self, store: Store, settings: Settings, *, resolve: Resolver = system_resolver,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.store = store
        self.capturer = Capturer(store, settings, resolve=resolve,
                                 pacer=HostPacer(settings.fetch.politeness_seconds, sleep))
        self.delivery = DeliveryService(store, settings)
        self.holder = holder_name()

    # -- the lease ---------------------------------------------------------------------------
    def hold(self) -> None:
        """Take or renew the lease; WatchfloorError when another poller holds it."""
        at = datetime.now(UTC)
        current = self.store.lease_holder(LEASE, at)
        takeover = frozenset({current}) if current and _dead_here(current) else frozenset()
        other = self.store.acquire_lease(LEASE, self.holder, at + timedelta(seconds=LEASE_SECONDS), at=at,
                                         takeover=takeover)
        if other is not None:
            raise WatchfloorError(f"another poller ({other}) is running on this workspace; one at a time")

    def release(self) -> None:
        self.store.release_lease(LEASE, self.holder)

    # -- polling -----------------------------------------------------------------------------
    def cycle(self, *, every_source: bool = False) -> CycleReport:
        """Finish what a stopped run left, poll the due sources (``every_source``: all of them now),
        run the watch rules, send the alerts that are due."""
        self.hold()
        started = datetime.now(UTC)
        report = CycleReport(resumed=self.capturer.resume())
        sources = self.store.sources() if every_source else self.store.due_sources(datetime.now(UTC))
        for source in sources:
            self.hold()
            outcome = self.capturer.fetch(source.url, Reading.of(source))
            error = outcome.problem if outcome.status == "failed" else None
            stored = len(outcome.stored_ids())
            self.store.record_poll(source.id, datetime.now(UTC), error=error, stored=stored)
            report.polled.append((source, outcome))
        caught = catch_up(self.store)  # documents a stopped run stored before its rules ran
        if caught:
            run_hook(report.stage_errors, "ingest_finished", store=self.store, document_ids=caught)
        report.alerts = len(self.store.alerts(since=started, limit=MAX_ALERTS_COUNTED))
        report.delivery = self.delivery.deliver_due()
        return report

    def seconds_to_next(self) -> float:
        """How long until a source is due (at most :data:`MAX_IDLE_SECONDS`)."""
        upcoming = [s.next_due_at for s in self.store.sources()]
        if not upcoming:
            return MAX_IDLE_SECONDS
        wait = (min(upcoming) - datetime.now(UTC)).total_seconds()
        return max(1.0, min(wait, MAX_IDLE_SECONDS))

    def run(self, *, once: bool = False, every_source: bool = False, stop: threading.Event | None = None,
            on_cycle: Callable[[CycleReport], None] | None = None) -> None:
        """Cycle until ``stop`` is set (or once; ``every_source``: the first cycle polls every source,
        due or not); the lease is held throughout and released at the end."""
        stop = stop or threading.Event()
        self.hold()
        try:
            while True:
                report = self.cycle(every_source=every_source)
                every_source = False
                if on_cycle is not None:
                    on_cycle(report)
                if once or stop.wait(self.seconds_to_next()):
                    return
        finally:
            self.release()
