"""Capturing live material: fetch a URL through the guard, keep the response in the WARC archive, record
the capture, ingest its body with its provenance — or, for a sitemap or a feed whose entries are followed,
capture the pages it links to.

A re-fetch sends the last capture's validators (``If-None-Match``, ``If-Modified-Since``); a 304, or a
body with the same SHA-256 as the last capture, stores nothing and writes nothing to the archive. A
capture is marked processed only when its body is ingested and its links followed, so a run stopped in
between leaves it to :meth:`Capturer.resume`, which finishes it from the archive without fetching again.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Literal
from urllib.parse import urlsplit

from watchfloor.config import Settings
from watchfloor.errors import InputError
from watchfloor.extract.pipeline import Pipeline
from watchfloor.ingest.archive import Capture, WarcArchive
from watchfloor.ingest.fetch import (
    CONTENT_TYPES,
    Fetched,
    FetchLimits,
    RobotsRules,
    fetch,
    robots_permit,
    robots_rules,
)
from watchfloor.ingest.guard import FetchRefused, Resolver, check_url, system_resolver
from watchfloor.ingest.links import feed_links, sitemap_links
from watchfloor.model import DocumentKind
from watchfloor.service.documents import archived
from watchfloor.service.ingestion import Ingestor, IngestReport, Provenance, build_pipeline, run_hook
from watchfloor.store.base import NewCapture, Source, Store, StoredCapture

CaptureStatus = Literal["new", "unchanged", "failed"]
#: How long a site's robots.txt answer is trusted.
ROBOTS_SECONDS = 3600.0
#: Depth of nested sitemap indexes followed.
MAX_SITEMAP_DEPTH = 2


@dataclass(slots=True)
class FetchOutcome:
    """What one URL gave: a new capture (and what its body or links stored), nothing new, or a failure."""

    url: str
    status: CaptureStatus
    capture_id: int | None = None
    report: IngestReport = field(default_factory=IngestReport)
    problem: str | None = None
    followed: list[FetchOutcome] = field(default_factory=list)

    def stored_ids(self) -> list[str]:
        """Documents stored from this URL and the pages it led to."""
        return [*self.report.stored_ids, *(i for f in self.followed for i in f.stored_ids())]

    def problems(self) -> list[str]:
        own = [f"{self.url}: {self.problem}"] if self.problem else []
        failed = [f"{o.source}: {o.problem}" for o in self.report.failures]
        errors = [f"{self.url}: {error}" for error in self.report.stage_errors]
        return [*own, *failed, *errors, *(p for f in self.followed for p in f.problems())]


@dataclass(frozen=True, slots=True)
class Reading:
    """How to read what a URL gives: as a ``page`` (or a feed file: one document per entry), a ``feed``
    whose entries' pages are followed, or a ``sitemap``; the defaults for its documents; its source."""

    kind: str = "page"
    follow: bool = False
    publisher: str | None = None
    document_kind: str | None = None
    ignore_robots: bool = False
    source_id: int | None = None

    @classmethod
    def of(cls, source: Source) -> Reading:
        return cls(source.kind, source.follow, source.publisher, source.document_kind, source.ignore_robots,
                   source.id)


class HostPacer:
    """Keeps ``seconds`` between two requests to the same host (politeness while polling)."""

    def __init__(self, seconds: float, sleep: Callable[[float], None] = time.sleep) -> None:
        self.seconds = seconds
        self.sleep = sleep
        self._last: dict[str, float] = {}

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        last = self._last.get(host)
        if last is not None:
            remaining = last + self.seconds - time.monotonic()
            if remaining > 0:
                self.sleep(remaining)
        self._last[host] = time.monotonic()


class Capturer:
    """Fetches, archives and ingests for one workspace; keeps a robots.txt cache and a host pacer."""

    def __init__(self, store: Store, settings: Settings, *, resolve: Resolver = system_resolver,
                 pacer: HostPacer | None = None) -> None:
        self.store = store
        self.settings = settings
        self.resolve = resolve
        self.pacer = pacer or HostPacer(0.0)
        self.limits = FetchLimits(max_bytes=settings.fetch.max_bytes, seconds=settings.fetch.seconds)
        self.archive = WarcArchive(settings.archive_dir)
        self._robots: dict[str, tuple[float, RobotsRules]] = {}
        self._pipeline: Pipeline | None = None

    # -- fetching ----------------------------------------------------------------------------
    def robots_allow(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (each site's file read at most once an hour)."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(origin)
        if cached is None or time.monotonic() - cached[0] > ROBOTS_SECONDS:
            self.pacer.wait(url)
            rules = robots_rules(url, allow=self.settings.fetch.allow, limits=self.limits,
                                 resolve=self.resolve)
            cached = self._robots[origin] = (time.monotonic(), rules)
        return robots_permit(cached[1], url, self.limits)

    def capture(self, url: str, reading: Reading) -> tuple[CaptureStatus, StoredCapture, bytes | None]:
        """Fetch ``url`` (conditionally, if captured before) and archive what is new: ("new", the
        capture, its body) or ("unchanged", the last capture, None). InputError or FetchRefused when
        it cannot be fetched."""
        latest = self.store.latest_capture(url)
        headers: dict[str, str] = {}
        if latest is not None and latest.processed_at is not None and latest.status == 200:
            if latest.etag:
                headers["If-None-Match"] = latest.etag
            if latest.last_modified:
                headers["If-Modified-Since"] = latest.last_modified
        check_url(url, self.settings.fetch.allow, self.resolve)  # refused before robots.txt is asked for
        if not reading.ignore_robots and not self.robots_allow(url):
            raise InputError(url, "the site's robots.txt does not allow fetching it (--ignore-robots if you "
                             "have the right to)")
        self.pacer.wait(url)
        fetched = fetch(url, allow=self.settings.fetch.allow, limits=self.limits, resolve=self.resolve,
                        respect_robots=False, headers=headers)
        if fetched.status == 304:
            if latest is None or not headers:
                raise InputError(url, "the server answered 304 Not Modified to a request without validators")
            return "unchanged", latest, None
        if latest is not None and latest.sha256 == fetched.sha256:
            return ("unchanged", latest, None) if latest.processed_at else ("new", latest, fetched.body)
        kept = self.archive.keep(fetched)
        return "new", self.store.add_capture(_new_capture(fetched, kept, reading.source_id)), fetched.body

    # -- processing --------------------------------------------------------------------------
    def fetch(self, url: str, reading: Reading | None = None, *, depth: int = 0) -> FetchOutcome:
        """Capture ``url`` and process what is new; at the top (``depth`` 0) resolution and the cluster
        rules then run once over everything it stored."""
        reading = reading or Reading()
        try:
            status, capture, body = self.capture(url, reading)
        except (InputError, FetchRefused) as exc:
            return FetchOutcome(url, "failed", problem=getattr(exc, "problem", str(exc)))
        outcome = FetchOutcome(url, status, capture.id)
        if body is not None:
            self.process(capture, body, outcome, reading, depth=depth)
        if depth == 0:
            self._finish(outcome)
        return outcome

    def _finish(self, outcome: FetchOutcome) -> None:
        if outcome.stored_ids():
            run_hook(outcome.report.stage_errors, "ingest_finished", store=self.store,
                     document_ids=outcome.stored_ids())

    def process(self, capture: StoredCapture, body: bytes, outcome: FetchOutcome, reading: Reading, *,
                depth: int = 0) -> None:
        """Ingest a capture's body, or follow its links; then mark it processed."""
        try:
            if reading.kind == "sitemap":
                links, nested = sitemap_links(capture.final_url, body)
                self._follow(links if not nested or depth < MAX_SITEMAP_DEPTH else [], outcome,
                             replace(reading, kind="sitemap" if nested else "page"), depth)
            elif reading.kind == "feed" and reading.follow:
                page = replace(reading, kind="page")
                self._follow(feed_links(capture.final_url, body), outcome, page, depth)
            else:
                outcome.report = self._ingestor(reading).ingest_bytes(
                    f"capture-{capture.id}{CONTENT_TYPES.get(capture.content_type or '', '.html')}", body,
                    shown_as=capture.final_url, finish=False,
                    provenance=Provenance(capture.final_url, capture.fetched_at, capture.id))
        except InputError as exc:
            outcome.problem = exc.problem
        self.store.mark_capture_processed(capture.id, datetime.now(UTC))

    def _follow(self, links: list[str], outcome: FetchOutcome, reading: Reading, depth: int) -> None:
        """Capture the links not captured before (a link that fails is tried again next time)."""
        for link in links:
            if not self.store.captured(link):
                outcome.followed.append(self.fetch(link, reading, depth=depth + 1))

    def resume(self) -> list[FetchOutcome]:
        """Finish captures a stopped run left unprocessed, reading their bodies from the archive."""
        outcomes = []
        for capture in self.store.unprocessed_captures():
            source = self.store.source(capture.source_id) if capture.source_id is not None else None
            reading = Reading.of(source) if source is not None else Reading()
            if source is not None and source.url != capture.url:
                reading = replace(reading, kind="page")  # a page the source linked to
            outcome = FetchOutcome(capture.url, "new", capture.id)
            try:
                _, body = archived(capture)
            except (InputError, OSError) as exc:
                outcome.status, outcome.problem = "failed", f"cannot read its archived copy: {exc}"
                self.store.mark_capture_processed(capture.id, datetime.now(UTC))
            else:
                self.process(capture, body, outcome, reading)
                self._finish(outcome)
            outcomes.append(outcome)
        return outcomes

    def _ingestor(self, reading: Reading) -> Ingestor:
        if self._pipeline is None:
            self._pipeline = build_pipeline(self.store, self.settings)
        kind = DocumentKind.parse(reading.document_kind) if reading.document_kind else None
        return Ingestor(self.store, self._pipeline, self.settings, kind=kind, publisher=reading.publisher)


def _new_capture(fetched: Fetched, kept: Capture, source_id: int | None) -> NewCapture:
    header = {name.lower(): value for name, value in fetched.headers}
    return NewCapture(
        url=fetched.url, final_url=fetched.final_url, fetched_at=fetched.fetched_at, status=fetched.status,
        content_type=fetched.content_type or None, sha256=fetched.sha256, size=len(fetched.body),
        address=fetched.address, warc_path=kept.path, warc_offset=kept.offset, record_id=kept.record_id,
        etag=header.get("etag"), last_modified=header.get("last-modified"),
        source_id=source_id)
