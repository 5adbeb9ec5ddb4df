"""Re-extraction: the configured pipeline run again on stored documents, their machine output replaced.

For a watchlist grown since the documents came in, or a component improved. Judgements are kept (they
name mentions by stable keys) and re-applied by the resolution that follows; watch rules see the new
output as they see a new document's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from watchfloor.config import Settings
from watchfloor.errors import WatchfloorError
from watchfloor.service.ingestion import Outcome, ProgressCallback, analysis_of, build_pipeline, run_hook
from watchfloor.store.base import Store, StoredDocument

#: Machine output that re-extraction replaces, by the name ``--stage`` gives it.
STAGES = ("entities", "times", "claims")


@dataclass(slots=True)
class ReextractReport:
    documents: int = 0
    stages: list[str] = field(default_factory=list)
    failures: list[Outcome] = field(default_factory=list)
    stage_errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.stage_errors


def reextract(
    store: Store,
    settings: Settings,
    *,
    since: date | None = None,
    stages: Sequence[str] = (),
    on_progress: ProgressCallback | None = None,
) -> ReextractReport:
    """Re-extract the documents ingested on or after ``since`` (all by default), replacing the output
    of ``stages`` (all by default); then resolution and watch rules run through the usual hooks."""
    chosen = list(dict.fromkeys(stages)) or list(STAGES)
    if unknown := [s for s in chosen if s not in STAGES]:
        raise WatchfloorError(f"unknown stage {unknown[0]!r} (stages: {', '.join(STAGES)})")
    report = ReextractReport(stages=list(stages))
    pipeline = build_pipeline(store, settings)
    ids = list(store.document_ids(ingested_since=since))
    done: list[str] = []
    for start in range(0, len(ids), pipeline.batch_size):
        documents = [d for d in map(store.document, ids[start : start + pipeline.batch_size]) if d]
        for document, problem in _analysed(pipeline, documents, store, chosen):
            if problem:
                report.failures.append(Outcome(document.source_path or document.id, "failed", document.id,
                                               problem=problem))
            else:
                done.append(document.id)
                run_hook(report.stage_errors, "document_stored", store=store, document_id=document.id)
        if on_progress is not None:
            on_progress(min(start + pipeline.batch_size, len(ids)), len(ids), f"{len(done)} documents")
    report.documents = len(done)
    run_hook(report.stage_errors, "ingest_finished", store=store, document_ids=done)
    return report


def _analysed(
    pipeline: object, documents: list[StoredDocument], store: Store, stages: list[str]
) -> Iterable[tuple[StoredDocument, str | None]]:
    """Each document with None once its output is replaced, or the problem that stopped it."""
    from watchfloor.extract.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    for document in documents:
        try:
            analysis = pipeline(analysis_of(document))
            store.replace_machine_output(document.id, analysis, stages)
        except Exception as exc:  # one document's failure must not stop the others
            yield document, f"re-extraction failed ({type(exc).__name__}: {exc})"
        else:
            yield document, None
