"""Ingest operations: files and folders, uploaded bytes, the bundled sample corpus."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from watchfloor.config import Settings
from watchfloor.extract.executors import DaskExecutor, Executor
from watchfloor.extract.pipeline import Pipeline
from watchfloor.model import DocumentKind
from watchfloor.service.audit import Audit
from watchfloor.service.delivery import DeliveryService
from watchfloor.service.ingestion import Ingestor, IngestReport, ProgressCallback, pipeline_spec
from watchfloor.service.reextraction import ReextractReport, reextract
from watchfloor.store.base import Store

SAMPLE_WATCHLIST = "watchlist.yaml"
SAMPLE_RULES = "watch-rules.yaml"
SAMPLE_DOCUMENTS = "documents"


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Defaults for documents that do not say: ``kind`` replaces the readers' default ``article``."""

    kind: DocumentKind | None = None
    publisher: str | None = None
    published: date | None = None
    max_bytes: int | None = None  # refuse larger files (default: the workspace setting)
    #: where extraction runs: None for this process, ``local:N`` or a Dask scheduler's ``tcp://HOST:PORT``
    cluster: str | None = None


class IngestService:
    def __init__(self, store: Store, settings: Settings, audit: Audit) -> None:
        self.store = store
        self.settings = settings
        self.audit = audit

    def _ingestor(self, options: IngestOptions, stack: ExitStack) -> Ingestor:
        """An ingestor extracting in this process, or on the cluster ``options.cluster`` names (closed
        with ``stack``)."""
        settings = self.settings
        if options.max_bytes is not None:
            settings = dataclasses.replace(settings, max_bytes=options.max_bytes)
        spec = pipeline_spec(self.store, settings)
        where: Pipeline | Executor = (
            stack.enter_context(DaskExecutor(options.cluster, spec)) if options.cluster else spec.build()
        )
        return Ingestor(
            self.store, where, settings,
            kind=options.kind, publisher=options.publisher, published=options.published,
        )

    def paths(
        self,
        paths: Sequence[str | Path],
        options: IngestOptions | None = None,
        *,
        sample: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Ingest files and folders (recursively, sorted); ``sample`` adds the bundled sample corpus
        with its watchlist and watch rules. Failures are outcomes of the report, never exceptions."""
        with ExitStack() as stack:
            targets: list[str | Path] = list(paths)
            if sample:
                folder = stack.enter_context(resources.as_file(resources.files("watchfloor.data") / "sample"))
                targets.append(self.load_sample(folder))
            ingestor = self._ingestor(options or IngestOptions(), stack)
            report = ingestor.ingest(targets, on_progress=on_progress)
        self._deliver(report)
        subject = ", ".join([*map(str, paths), *(["--sample"] if sample else [])])
        self.audit.record("ingest", subject, after=report.counts())
        return report

    def upload(self, name: str, data: bytes, options: IngestOptions | None = None) -> IngestReport:
        """Ingest one file given as bytes; ``name`` (e.g. ``report.pdf``) picks the reader."""
        with ExitStack() as stack:
            report = self._ingestor(options or IngestOptions(), stack).ingest_bytes(name, data)
        self._deliver(report)
        self.audit.record("ingest.upload", name, after=report.counts())
        return report

    def _deliver(self, report: IngestReport) -> None:
        """Send the alerts the ingest fired; a sink that fails is a warning, retried by ``watchfloor run``."""
        delivered = DeliveryService(self.store, self.settings).deliver_due()
        report.warnings.extend(f"delivery: {problem}" for problem in delivered.problems)

    def reextract(
        self,
        *,
        since: date | None = None,
        stages: Sequence[str] = (),
        on_progress: ProgressCallback | None = None,
    ) -> ReextractReport:
        """Run extraction again on stored documents (ingested on or after ``since``), replacing their
        ``entities``, ``times`` and/or ``claims`` (all by default); judgements are kept and re-applied."""
        report = reextract(self.store, self.settings, since=since, stages=stages, on_progress=on_progress)
        self.audit.record("reextract", ", ".join(report.stages) or "all",
                          after={"since": since, "documents": report.documents})
        return report

    def load_sample(self, folder: Path) -> Path:
        """Import the sample watchlist and watch rules; return the sample documents folder."""
        from watchfloor.extract.watchlist import load_watchlist_file
        from watchfloor.watch.rules import load_rules_file

        self.store.add_watchlist_entries(load_watchlist_file(folder / SAMPLE_WATCHLIST))
        rules = load_rules_file(folder / SAMPLE_RULES)
        self.store.save_watch_rules((r.id, r.to_definition()) for r in rules)
        return folder / SAMPLE_DOCUMENTS
