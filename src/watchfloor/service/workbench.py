"""The workbench: one workspace and every operation on it, grouped by what they act on.

    with Workbench.open(load_settings("osint.db")) as bench:
        bench.ingest.paths(["reports/"])
        page = bench.documents.search(DocumentQuery(search="Alabuga"))
        brief = bench.claims.brief("Alabuga", "md")

The CLI, the REST API and the web UI call only this; it takes and returns plain typed values, never
prints and never reads argv.
"""

from __future__ import annotations

from watchfloor.config import Settings
from watchfloor.service.accounts import AccountService
from watchfloor.service.audit import Audit, local_actor
from watchfloor.service.claims import ClaimService
from watchfloor.service.delivery import DeliveryService
from watchfloor.service.documents import DocumentService
from watchfloor.service.entities import EntityService
from watchfloor.service.export import ExportService
from watchfloor.service.ingest import IngestService
from watchfloor.service.judgements import JudgementService
from watchfloor.service.reference import ReferenceService, WatchlistService
from watchfloor.service.review import ReviewService
from watchfloor.service.sources import SourcesService
from watchfloor.service.watch import PublisherService, WatchService
from watchfloor.store.base import Store


class Workbench:
    """A workspace's store with the operations on it; close it (or use ``with``) when done."""

    def __init__(self, store: Store, settings: Settings, actor: str | None = None) -> None:
        """``actor`` is who writes, for the audit log: an API account's name, else ``cli:<login>``."""
        self.store = store
        self.settings = settings
        self.audit = Audit(store, actor or local_actor())
        self.ingest = IngestService(store, settings, self.audit)
        self.documents = DocumentService(store)
        self.entities = EntityService(store, self.audit)
        self.claims = ClaimService(store)
        self.judgements = JudgementService(store, self.audit)
        self.review = ReviewService(store, self.audit, self.judgements)
        self.watch = WatchService(store, self.audit)
        self.publishers = PublisherService(store, self.audit)
        self.reference = ReferenceService(store, self.audit)
        self.watchlist = WatchlistService(store, self.audit)
        self.export = ExportService(store)
        self.accounts = AccountService(store, self.audit)
        self.sources = SourcesService(store, settings, self.audit)
        self.delivery = DeliveryService(store, settings)

    @classmethod
    def open(cls, settings: Settings, actor: str | None = None) -> Workbench:
        """Open (and migrate) the workspace that ``settings`` names."""
        from watchfloor.store.sql import open_store

        return cls(open_store(settings.db_url), settings, actor)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
