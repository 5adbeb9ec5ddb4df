"""Live sources: fetching URLs once, the sources polled on a schedule, and the poller that polls them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.config import Settings
from watchfloor.errors import WatchfloorError
from watchfloor.ingest.guard import FetchRefused, Resolver, check_url, system_resolver
from watchfloor.model import DocumentKind
from watchfloor.service.audit import Audit
from watchfloor.service.capturing import Capturer, FetchOutcome, Reading
from watchfloor.service.delivery import DeliveryReport, DeliveryService
from watchfloor.service.poller import Poller
from watchfloor.store.base import SOURCE_KINDS, Source, SourceSpec, Store

_PERIOD = re.compile(r"^\s*(\d+)\s*(s|m|h|d)\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
#: Shortest polling period (be polite) and the longest.
MIN_EVERY_SECONDS = 60
MAX_EVERY_SECONDS = 30 * 86400


def parse_every(text: str) -> int:
    """A polling period (``90s``, ``15m``, ``1h``, ``2d``) in seconds; WatchfloorError if unusable."""
    match = _PERIOD.match(text.lower())
    if not match:
        raise WatchfloorError(f"cannot read the period {text!r} (write e.g. 15m, 1h or 1d)")
    seconds = int(match.group(1)) * _UNIT_SECONDS[match.group(2)]
    if not MIN_EVERY_SECONDS <= seconds <= MAX_EVERY_SECONDS:
        raise WatchfloorError(f"a source is polled at most every minute and at least every 30 days, not "
                              f"every {text.strip()}")
    return seconds


@dataclass(frozen=True, slots=True)
class FetchOptions:
    kind: str = "page"  # how to read what is fetched: page (or feed file), feed, sitemap
    document_kind: DocumentKind | None = None
    publisher: str | None = None
    ignore_robots: bool = False


@dataclass(slots=True)
class FetchRun:
    """What fetching some URLs did, and the alerts it then delivered."""

    outcomes: list[FetchOutcome]
    delivery: DeliveryReport

    @property
    def ok(self) -> bool:
        return not any(o.problems() for o in self.outcomes)


class SourcesService:
    def __init__(self, store: Store, settings: Settings, audit: Audit, *,
                 resolve: Resolver = system_resolver) -> None:
        self.store = store
        self.settings = settings
        self.audit = audit
        self.resolve = resolve

    def fetch(self, urls: Sequence[str], options: FetchOptions | None = None) -> FetchRun:
        """Fetch each URL through the guard, archive it and ingest it; a failure never stops the rest."""
        options = options or FetchOptions()
        _check_kind(options.kind)
        capturer = Capturer(self.store, self.settings, resolve=self.resolve)
        reading = Reading(options.kind, follow=options.kind == "feed", publisher=options.publisher,
                          document_kind=options.document_kind.value if options.document_kind else None,
                          ignore_robots=options.ignore_robots)
        outcomes = []
        for url in urls:
            outcome = capturer.fetch(url, reading)
            outcomes.append(outcome)
            self.audit.record("fetch", url, after={"status": outcome.status, "capture": outcome.capture_id,
                                                    "documents": outcome.stored_ids()})
        return FetchRun(outcomes, DeliveryService(self.store, self.settings).deliver_due())

    def add(self, spec: SourceSpec) -> Source:
        """Add a source (checked by the fetch guard first); it is due at once."""
        _check_kind(spec.kind)
        if spec.document_kind:
            DocumentKind.parse(spec.document_kind)
        try:
            check_url(spec.url, self.settings.fetch.allow, self.resolve)
        except FetchRefused as exc:
            raise WatchfloorError(f"{spec.url}: {exc}") from None
        source = self.store.add_source(spec, by=self.audit.actor)
        self.audit.record("source.add", spec.url, after=spec)
        return source

    def list(self) -> list[Source]:
        return self.store.sources()

    def remove(self, source_id: int) -> Source:
        """Stop polling a source; what it brought in stays."""
        removed = self.store.remove_source(source_id)
        self.audit.record("source.remove", removed.url, before=removed)
        return removed

    def poller(self) -> Poller:
        """The workspace's poller (its ``run`` takes the one-poller lease)."""
        return Poller(self.store, self.settings, resolve=self.resolve)


def _check_kind(kind: str) -> None:
    if kind not in SOURCE_KINDS:
        raise WatchfloorError(f"unknown source kind {kind!r} (known: {', '.join(SOURCE_KINDS)})")
