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
from watchfloor.service.claims import ClaimService
from watchfloor.service.documents import DocumentService
from watchfloor.service.entities import EntityService
from watchfloor.service.export import ExportService
from watchfloor.service.ingest import IngestService
from watchfloor.service.judgements import JudgementService
from watchfloor.service.reference import ReferenceService, WatchlistService
from watchfloor.service.watch import PublisherService, WatchService
from watchfloor.store.base import Store


class Workbench:
    """A workspace's store with the operations on it; close it (or use ``with``) when done."""

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.ingest = IngestService(store, settings)
        self.documents = DocumentService(store)
        self.entities = EntityService(store)
        self.claims = ClaimService(store)
        self.judgements = JudgementService(store)
        self.watch = WatchService(store)
        self.publishers = PublisherService(store)
        self.reference = ReferenceService(store)
        self.watchlist = WatchlistService(store)
        self.export = ExportService(store)

    @classmethod
    def open(cls, settings: Settings) -> Workbench:
        """Open (and migrate) the workspace that ``settings`` names."""
        from watchfloor.store.sql import open_store

        return cls(open_store(settings.db_url), settings)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
