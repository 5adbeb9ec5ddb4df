"""Where extraction runs: in this process, or on the workers of a Dask ``distributed`` cluster.

An :class:`Executor` takes batches of analyses and gives them back analysed; the ingestor keeps a window
of batches in flight and stores results in the order it sent them, so one process (the writer) commits
everything. On a cluster each worker builds the pipeline once, from a :class:`PipelineSpec` broadcast to
it, and keeps it for every later batch. A worker that dies mid-batch loses nothing: the scheduler runs
its batch again on another worker, and the writer stores each result once.

Cluster addresses: ``local:N`` starts a LocalCluster of N single-threaded worker processes on 127.0.0.1
for the length of the run; anything else (``tcp://HOST:8786``) is a running scheduler.
"""

from __future__ import annotations

import hashlib
import pickle
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from watchfloor.errors import WatchfloorError
from watchfloor.extract.pipeline import DEFAULT_BATCH_SIZE, Pipeline, batch_size_of
from watchfloor.model import Analysis

LOCAL_PREFIX = "local:"
#: Batches sent ahead per worker, so a worker never waits for the writer.
BATCHES_PER_WORKER = 3


class Pending(Protocol):
    """A batch on its way: ``result()`` waits for the analysed batch (or raises what analysis raised)."""

    def result(self) -> list[Analysis]: ...


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """Everything a worker needs to build the same pipeline as the writer: config and overrides."""

    config: Mapping[str, Any]
    overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def token(self) -> str:
        return hashlib.sha256(pickle.dumps((dict(self.config), dict(self.overrides)))).hexdigest()

    def build(self) -> Pipeline:
        return Pipeline.from_config(self.config, overrides=self.overrides)


_BUILT: dict[str, Pipeline] = {}  # per worker process: the pipelines built so far, by spec token


def prepare(spec: PipelineSpec) -> Pipeline:
    """The spec's pipeline in this worker process, built on first use."""
    token = spec.token
    if token not in _BUILT:
        _BUILT[token] = spec.build()
    return _BUILT[token]


def analyse_batch(spec: PipelineSpec, analyses: list[Analysis]) -> list[Analysis]:
    """Run on a worker: analyse one batch with the spec's pipeline."""
    return list(prepare(spec).pipe(analyses))


def _prepare_worker(spec: PipelineSpec) -> None:
    """``Client.run`` target: build the pipeline on a worker, sending nothing back (not the models)."""
    prepare(spec)


class Executor(ABC):
    """Runs the pipeline on batches of ``batch_size``; ``window`` is how many may be in flight at once."""

    batch_size: int = DEFAULT_BATCH_SIZE
    window: int = 1

    @abstractmethod
    def submit(self, analyses: list[Analysis]) -> Pending:
        """Start analysing one batch."""

    @abstractmethod
    def close(self) -> None:
        """Release the workers."""

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@dataclass(slots=True)
class Done:
    analyses: list[Analysis]

    def result(self) -> list[Analysis]:
        return self.analyses


class LocalExecutor(Executor):
    """Extraction in this process, one batch at a time."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.batch_size = pipeline.batch_size

    def submit(self, analyses: list[Analysis]) -> Pending:
        return Done(list(self.pipeline.pipe(analyses)))

    def close(self) -> None:
        """Nothing to release: the pipeline lives as long as the ingestor."""


class DaskExecutor(Executor):
    """Extraction on the workers of a Dask cluster (``local:N`` or a scheduler address)."""

    def __init__(self, address: str, spec: PipelineSpec, *, connect_timeout: float = 20) -> None:
        from distributed import Client, LocalCluster

        self._cluster: LocalCluster | None = None
        self.batch_size = batch_size_of(spec.config)
        try:
            if address.startswith(LOCAL_PREFIX):
                self._cluster = LocalCluster(
                    n_workers=local_workers(address), threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, silence_logs=50,
                )
                self.client = Client(self._cluster)
            else:
                self.client = Client(address, timeout=connect_timeout)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise WatchfloorError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
        workers = max(1, len(self.client.scheduler_info()["workers"]))
        self.window = BATCHES_PER_WORKER * workers
        [self._spec] = self.client.scatter([spec], broadcast=True)
        self.client.run(_prepare_worker, spec)  # every worker loads its models now, not on its first batch

    def submit(self, analyses: list[Analysis]) -> Pending:
        future: Pending = self.client.submit(analyse_batch, self._spec, analyses, pure=False)
        return future

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
        if self._cluster is not None:
            self._cluster.close()
            self._cluster = None


def local_workers(address: str) -> int:
    """N of ``local:N`` (a positive integer), or a WatchfloorError."""
    count = address.removeprefix(LOCAL_PREFIX)
    if not count.isdigit() or int(count) < 1:
        raise WatchfloorError(f"--dask {address}: expected local:N with N ≥ 1 workers, or tcp://HOST:PORT")
    return int(count)
