"""Ingestion: walk paths, read files, skip duplicates, analyse in batches, store each document, run hooks."""

from __future__ import annotations

import itertools
import tempfile
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Literal

from datasketch import LeanMinHash

from watchfloor.config import Settings
from watchfloor.errors import InputError
from watchfloor.extract.executors import Executor, LocalExecutor, Pending, PipelineSpec
from watchfloor.extract.pipeline import Pipeline, load_config
from watchfloor.ingest.dedup import NearDuplicateIndex, StoredCopyInfo, instant, serialise, signature
from watchfloor.ingest.reader import Reader, registered_readers
from watchfloor.ingest.readers.decoding import SNIFF_BYTES
from watchfloor.ingest.walk import walk
from watchfloor.model import Analysis, Document, DocumentKind
from watchfloor.plugins import plugin_manager
from watchfloor.store.base import Store, StoredDocument

Status = Literal["new", "duplicate", "near_duplicate", "failed"]
STATUSES: tuple[Status, ...] = ("new", "duplicate", "near_duplicate", "failed")
#: Called after each file is read: (files done, files in total, current path).
ProgressCallback = Callable[[int, int, str], None]


@dataclass(slots=True)
class Outcome:
    """What happened to one document (or to a file or record that gave none)."""

    source: str  # file path; ``path:LINE`` for a JSONL record, ``path#N`` for a feed entry
    status: Status
    document_id: str | None = None
    related_id: str | None = None  # the stored copy (duplicate) or the earliest copy (near-duplicate)
    problem: str | None = None


@dataclass(slots=True)
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # e.g. a document without a publication date
    #: Stages that failed after documents were stored (resolution, watch rules): the documents stay, the
    #: run is not a success.
    stage_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no file failed and every stage after storage ran."""
        return not self.failures and not self.stage_errors

    @property
    def stored_ids(self) -> list[str]:
        stored = {"new", "near_duplicate"}
        return [o.document_id for o in self.outcomes if o.document_id and o.status in stored]

    def counts(self) -> dict[Status, int]:
        found = Counter(outcome.status for outcome in self.outcomes)
        return {status: found[status] for status in STATUSES}

    @property
    def failures(self) -> list[Outcome]:
        return [outcome for outcome in self.outcomes if outcome.status == "failed"]


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where fetched bytes came from: the URL (documents that name none get it), when, the capture."""

    url: str
    retrieved_at: datetime
    capture_id: int | None = None


@dataclass(slots=True)
class _Pending:
    """A new document between dedup and storage."""

    document: Document
    key: str
    minhash: LeanMinHash
    root_key: str | None
    analysis: Analysis | None = None


@dataclass(slots=True)
class _Batch:
    """Documents past dedup whose analysis is under way (``sent`` is None when none needs one)."""

    pending: list[_Pending]
    repeats: list[tuple[Document, _Pending]]
    sent: Pending | None = None


def pipeline_spec(store: Store, settings: Settings) -> PipelineSpec:
    """The configured pipeline, with the workspace watchlist fed to the watchlist component."""
    return PipelineSpec(load_config(settings.pipeline_config), {"watchlist": {"entries": store.watchlist()}})


def build_pipeline(store: Store, settings: Settings) -> Pipeline:
    return pipeline_spec(store, settings).build()


class Ingestor:
    """Ingests files into a store: exact duplicates skipped, near-duplicates linked, failures reported."""

    def __init__(
        self,
        store: Store,
        pipeline: Pipeline | Executor,
        settings: Settings,
        *,
        kind: DocumentKind | None = None,
        publisher: str | None = None,
        published: date | None = None,
        readers: list[Reader] | None = None,
    ) -> None:
        self.store = store
        #: where extraction runs: this process (given a pipeline) or a cluster's workers
        self.executor = pipeline if isinstance(pipeline, Executor) else LocalExecutor(pipeline)
        self.settings = settings
        self.kind = kind
        self.publisher = publisher
        self.published = published
        self.readers = readers if readers is not None else registered_readers()
        self._keys = itertools.count()
        self._provenance: Provenance | None = None
        self._sent_hashes: dict[str, _Pending] = {}  # content hash → its first copy in this run

    # -- reading -----------------------------------------------------------------------------
    def reader_for(self, path: Path, head: bytes) -> Reader | None:
        return next((reader for reader in self.readers if reader.accepts(path, head)), None)

    def read_file(self, path: Path, shown_as: str | None = None) -> Iterator[Document | InputError]:
        """The documents of one file as its reader yields them; a file problem ends in an InputError.

        Each document's ``source_path`` names the file absolutely, or as ``shown_as`` (an upload's name).
        """
        given, shown = str(path), shown_as or str(path.absolute())
        try:
            reader = self._checked_reader(path)
            for item in reader.read(path):
                if isinstance(item, InputError):
                    where = shown + item.path[len(given):] if item.path.startswith(given) else item.path
                    yield InputError(where, item.problem)
                    continue
                if item.source_path and item.source_path.startswith(given):
                    item.source_path = shown + item.source_path[len(given):]
                yield self._with_defaults(item)
        except InputError as exc:
            yield exc
        except OSError as exc:
            yield InputError(path, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # a reader choking on hostile input must not stop the batch
            yield InputError(path, f"could not read ({type(exc).__name__}: {exc})")

    def _checked_reader(self, path: Path) -> Reader:
        """The reader for a regular file within the size limit (raises InputError otherwise)."""
        if not path.is_file():
            broken = path.is_symlink() and not path.exists()
            raise InputError(path, "broken symbolic link" if broken else "not a regular file")
        size = path.stat().st_size
        if size > self.settings.max_bytes:
            raise InputError(path, f"file is {size} bytes, over the {self.settings.max_bytes} byte limit")
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
        reader = self.reader_for(path, head)
        if reader is None:
            raise InputError(path, "unsupported file type")
        return reader

    def _with_defaults(self, item: Document | InputError) -> Document | InputError:
        """Apply the provenance of fetched bytes, ``--kind`` (to documents the file leaves as
        articles), ``--publisher`` and ``--published`` (to documents that give none)."""
        if isinstance(item, Document):
            if self._provenance is not None:
                item.url = item.url or self._provenance.url
                item.retrieved_at = item.retrieved_at or self._provenance.retrieved_at
                item.capture_id = self._provenance.capture_id
            if self.kind is not None and item.kind == DocumentKind.ARTICLE:
                item.kind = self.kind
            item.publisher = item.publisher or self.publisher
            if item.published_at is None and self.published is not None:
                item.published_at = datetime.combine(self.published, time(), UTC)
        return item

    # -- ingesting ---------------------------------------------------------------------------
    def ingest_bytes(self, name: str, data: bytes, *, shown_as: str | None = None,
                     provenance: Provenance | None = None, finish: bool = True) -> IngestReport:
        """Ingest one file given as bytes (an upload, a fetched response): ``name`` chooses the reader,
        ``shown_as`` (default ``name``) is its source; ``provenance`` says where it was fetched from;
        ``finish=False`` leaves the ``ingest_finished`` hook to the caller (one call for many files)."""
        shown = (shown_as or name).strip() or "upload"
        if len(data) > self.settings.max_bytes:
            problem = f"file is {len(data)} bytes, over the {self.settings.max_bytes} byte limit"
            return IngestReport([Outcome(shown, "failed", problem=problem)])
        with tempfile.TemporaryDirectory(prefix="watchfloor-upload-") as folder:
            path = Path(folder) / (Path(name).name.lstrip(".") or "upload")
            path.write_bytes(data)
            self._provenance = provenance
            try:
                return self.ingest([path], shown_as={path: shown}, finish=finish)
            finally:
                self._provenance = None

    def ingest(
        self,
        paths: Iterable[str | Path],
        on_progress: ProgressCallback | None = None,
        shown_as: dict[Path, str] | None = None,
        finish: bool = True,
    ) -> IngestReport:
        """Ingest files and folders; a failure on one file or document never stops the rest. The
        ``ingest_finished`` hook (resolution, cluster rules) runs at the end unless ``finish`` is False."""
        shown_as = shown_as or {}
        report = IngestReport()
        files: list[Path] = []
        for found in walk(paths):
            if isinstance(found, InputError):
                report.outcomes.append(Outcome(found.path, "failed", problem=found.problem))
            else:
                files.append(found)

        def documents() -> Iterator[Document]:
            for done, path in enumerate(files, start=1):
                for item in self.read_file(path, shown_as.get(path)):
                    if isinstance(item, InputError):
                        source = shown_as.get(path, item.path)
                        report.outcomes.append(Outcome(source, "failed", problem=item.problem))
                    else:
                        yield item
                if on_progress is not None:
                    on_progress(done, len(files), str(path))

        return self.ingest_documents(documents(), finish=finish, report=report)

    def ingest_documents(
        self, documents: Iterable[Document], *, finish: bool = True, report: IngestReport | None = None
    ) -> IngestReport:
        """Ingest documents already read: dedup, analysis in batches (``window`` batches in flight on a
        cluster), storage in the order sent, then the ``ingest_finished`` hook unless ``finish`` is False."""
        report = report if report is not None else IngestReport()
        self._sent_hashes = {}
        index = NearDuplicateIndex(self._describe)
        index.load(self.store.minhash_signatures())
        batch: list[Document] = []
        in_flight: deque[_Batch] = deque()
        for document in documents:
            batch.append(document)
            if len(batch) >= self.executor.batch_size:
                in_flight.append(self._send(batch, index, report))
                batch = []
                while len(in_flight) >= self.executor.window:
                    self._finish(in_flight.popleft(), index, report)
        if batch:
            in_flight.append(self._send(batch, index, report))
        while in_flight:
            self._finish(in_flight.popleft(), index, report)
        if finish:
            self._notify(report, "ingest_finished", document_ids=report.stored_ids)
        return report

    def _notify(self, report: IngestReport, hook: str, **arguments: object) -> None:
        run_hook(report.stage_errors, hook, store=self.store, **arguments)

    def _describe(self, document_id: str) -> StoredCopyInfo | None:
        stored = self.store.document(document_id)
        if stored is None:
            return None
        return StoredCopyInfo(stored.published_at, stored.ingested_at, stored.syndicated_from)

    def _send(self, documents: list[Document], index: NearDuplicateIndex, report: IngestReport) -> _Batch:
        """Skip exact duplicates, index the rest as pending near-duplicates and send them for analysis."""
        # Earliest published first, so that within a batch the earliest copy becomes the root.
        batch = _Batch([], [])
        for document in sorted(documents, key=lambda d: instant(d.published_at)):
            digest = document.content_hash
            if digest in self._sent_hashes:
                batch.repeats.append((document, self._sent_hashes[digest]))
                continue
            stored_id = self.store.find_by_hash(digest)
            if stored_id is not None:
                report.outcomes.append(Outcome(_source(document), "duplicate", related_id=stored_id))
                continue
            key = f"pending:{next(self._keys)}"
            minhash = signature(document.text)
            item = _Pending(document, key, minhash, index.add(key, minhash, document.published_at))
            self._sent_hashes[digest] = item
            batch.pending.append(item)
        if batch.pending:
            batch.sent = self._submit(batch.pending)
        return batch

    def _submit(self, pending: list[_Pending]) -> Pending | None:
        try:
            return self.executor.submit([analysis_of(item.document) for item in pending])
        except Exception:  # analysed in this process, the batch failed: _receive tries each document alone
            return None

    def _finish(self, batch: _Batch, index: NearDuplicateIndex, report: IngestReport) -> None:
        """Wait for the batch's analyses, then store them in the order they were sent."""
        self._receive(batch, report)
        for item in batch.pending:
            if item.analysis is None:
                index.forget(item.key)
            else:
                self._store(item, index, report)
        for document, original in batch.repeats:
            report.outcomes.append(
                Outcome(_source(document), "duplicate", related_id=index.document_id(original.key))
            )

    def _receive(self, batch: _Batch, report: IngestReport) -> None:
        """The batch's analyses; if the batch failed, each document alone so only a bad one fails."""
        analysed: list[Analysis] | None = None
        if batch.sent is not None:
            try:
                analysed = batch.sent.result()
            except Exception:
                analysed = None
        if analysed is not None:
            for item, analysis in zip(batch.pending, analysed, strict=True):
                item.analysis = analysis
            return
        for item in batch.pending:
            try:
                [item.analysis] = self.executor.submit([analysis_of(item.document)]).result()
            except Exception as exc:
                problem = f"analysis failed ({type(exc).__name__}: {exc})"
                report.outcomes.append(Outcome(_source(item.document), "failed", problem=problem))

    def _store(self, item: _Pending, index: NearDuplicateIndex, report: IngestReport) -> None:
        assert item.analysis is not None
        source = _source(item.document)
        syndicated_from = index.document_id(item.root_key)
        try:
            result = self.store.add_document(
                item.document, item.analysis, syndicated_from=syndicated_from, minhash=serialise(item.minhash)
            )
        except Exception as exc:  # one document's storage failure must not lose the rest
            index.forget(item.key)
            problem = f"could not store ({type(exc).__name__}: {exc})"
            report.outcomes.append(Outcome(source, "failed", problem=problem))
            return
        if not result.created:
            index.forget(item.key)
            report.outcomes.append(Outcome(source, "duplicate", related_id=result.duplicate_of))
            return
        index.stored(item.key, result.document_id)
        if item.document.published_at is None:
            report.warnings.append(f"{source}: no publication date; relative times (\"last month\") are left "
                                   "unresolved (give --published YYYY-MM-DD)")
        status: Status = "near_duplicate" if syndicated_from else "new"
        report.outcomes.append(Outcome(source, status, result.document_id, related_id=syndicated_from))
        self._notify(report, "document_stored", document_id=result.document_id)


def run_hook(stage_errors: list[str], hook: str, **arguments: object) -> None:
    """Call a plugin hook; a stage failing after a commit is a stage error, never a lost document."""
    try:
        getattr(plugin_manager().hook, hook)(**arguments)
    except Exception as exc:
        stage_errors.append(f"{hook} hook failed ({type(exc).__name__}: {exc})")


def _source(document: Document) -> str:
    return document.source_path or "-"


def analysis_of(document: Document | StoredDocument) -> Analysis:
    """The pipeline's input for a document, new or stored: its text with date, language, publisher, kind."""
    published = document.published_at
    if isinstance(published, datetime):
        published = published.date()
    return Analysis(
        text=document.text, source=document.source_path or "-", date=published, lang=document.lang,
        publisher=document.publisher, kind=str(document.kind),
    )
