"""The scale benchmark (``make bench-scale``): a workspace of 10k, 30k, 100k documents on SQLite and on
PostgreSQL, built from the scale corpus of ``scale_corpus.py`` (extraction **replicated** from a really
analysed base, not re-run: see there), measured at each size:

- ingest docs/s and words/s (the ingest machinery, dedup and storage; extraction replayed), peak RSS,
  workspace size on disk;
- time of a full resolve (``resolve_workspace``) and of corroboration over the whole workspace;
- p50/p95 over random calls of document search, entity page, claims of an entity (its clusters),
  timeline of an entity, brief build, and a streamed STIX export (wall time and peak RSS of the
  ``watchfloor export`` process);
- at the largest size, adding 100 documents with the ``ingest_finished`` hook (resolution, watch).

PostgreSQL runs when ``WATCHFLOOR_BENCH_PG_URL`` is set (``make bench-scale`` starts a throwaway server).
Prints a table per backend and writes everything as JSON (``--out``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_corpus import Base, Generated, generate, load_base, text_key

from watchfloor.config import Settings
from watchfloor.extract.executors import Done, Executor, Pending
from watchfloor.model import Analysis
from watchfloor.service.claims import TimelineQuery
from watchfloor.service.workbench import Workbench
from watchfloor.store.records import DocumentQuery

CHUNK = 1000
SEARCH_WORDS = ["drone", "factory", "minister", "sanctions", "election", "Alabuga", "workers", "report",
                "government", "oil", "company", "Tatarstan", "завод", "پهپاد", "court", "market"]


class Replay(Executor):
    """The executor of a replicated corpus: each text's analysis is the one the generator made."""

    batch_size = 32

    def __init__(self) -> None:
        self.analyses: dict[str, Analysis] = {}

    def submit(self, analyses: list[Analysis]) -> Pending:
        return Done([self.analyses[text_key(a.text)] for a in analyses])

    def close(self) -> None:
        self.analyses.clear()


def percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1),
            "calls": len(ordered)}


def timed(call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    call()
    return time.perf_counter() - started


def disk_size(url: str, bench: Workbench) -> int:
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    from sqlalchemy import text

    engine = bench.store.engine  # type: ignore[attr-defined]
    with engine.connect() as connection:
        return int(connection.execute(text("select pg_database_size(current_database())")).scalar())


def stix_export(url: str) -> dict[str, float]:
    """A streamed STIX export of the whole workspace in its own process: wall time and peak RSS."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "watchfloor", "--db", url, "export", "--format", "stix", "-o", os.devnull],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if status != 0:
        problem = process.stderr.read().decode()[-1000:] if process.stderr else ""
        raise SystemExit(f"export failed: {problem}")
    return {"seconds": round(seconds, 1), "peak_rss_mib": round(usage.ru_maxrss / 1024)}


def queries(bench: Workbench, rng: random.Random, calls: int) -> dict[str, dict[str, float]]:
    """p50/p95 of the workbench's page queries over random arguments."""
    top = bench.entities.top(limit=500)
    entities, names = [e.id for e in top], [e.name for e in top]  # pages open ids; claims take names
    documents = [d.id for d in bench.documents.search(DocumentQuery(limit=500)).documents]
    pages: dict[str, Callable[[], Any]] = {
        "document search": lambda: bench.documents.search(DocumentQuery(search=rng.choice(SEARCH_WORDS))),
        "document page": lambda: bench.documents.get(rng.choice(documents)),
        "entity page": lambda: bench.entities.get(rng.choice(entities)),
        "claims of an entity": lambda: bench.claims.clusters(rng.choice(names)),
        "timeline of an entity": lambda: bench.claims.timeline(TimelineQuery(entity=rng.choice(names))),
    }
    found = {name: percentiles([timed(call) for _ in range(calls)]) for name, call in pages.items()}
    brief_calls = max(10, calls // 10)
    found["brief build"] = percentiles(
        [timed(lambda: bench.claims.brief(rng.choice(names))) for _ in range(brief_calls)]
    )
    return found


def ingest(bench: Workbench, replay: Replay, made: list[Generated], finish: bool) -> dict[str, float]:
    from watchfloor.service.ingestion import Ingestor

    for item in made:
        replay.analyses[text_key(item.document.text)] = item.analysis
    ingestor = Ingestor(bench.store, replay, bench.settings)
    seconds = timed(lambda: ingestor.ingest_documents([m.document for m in made], finish=finish))
    replay.analyses.clear()
    words = sum(len(m.document.text.split()) for m in made)
    return {"seconds": seconds, "documents": len(made), "words": words}


def run_backend(url: str, base: list[Base], sizes: list[int], args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed)
    corpus: Iterator[Generated] = generate(base, sizes[-1] + 100, seed=args.seed)
    results: dict[str, Any] = {"url": url.split("@")[-1], "sizes": {}}
    replay = Replay()
    done = ingest_seconds = words = 0.0
    with Workbench.open(Settings(db_url=url)) as bench:
        for size in sizes:
            while done < size:
                chunk = list(islice(corpus, int(min(CHUNK, size - done))))
                spent = ingest(bench, replay, chunk, finish=False)
                done += len(chunk)
                ingest_seconds += spent["seconds"]
                words += spent["words"]
                rate = done / ingest_seconds
                print(f"  {int(done)} documents ({rate:.0f} docs/s)", file=sys.stderr, flush=True)
            row: dict[str, Any] = {
                "documents": bench.documents.summary().total_documents,
                "ingest_docs_per_s": round(done / ingest_seconds, 1),
                "ingest_words_per_s": round(words / ingest_seconds),
            }
            row["resolve_s"] = round(timed(bench.entities.resolve), 1)
            row["corroborate_s"] = round(timed(lambda: bench.claims.clusters(limit=10**9)), 1)
            row["queries"] = queries(bench, rng, args.calls)
            row["stix_export"] = stix_export(url)
            row["disk_mib"] = round(disk_size(url, bench) / 2**20)
            row["peak_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            results["sizes"][str(size)] = row
            print(json.dumps({"backend": results["url"], "size": size, **row}), flush=True)
        added = ingest(bench, replay, list(islice(corpus, 100)), finish=True)
        results["add_100_with_hooks_s"] = round(added["seconds"], 1)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--bbc", type=int, default=2225, help="BBC texts in the analysed base")
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "watchfloor-bench")
    parser.add_argument("--cluster", default="local:2", help="where the base is analysed (once, cached)")
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--out", type=Path, default=Path("bench-scale.json"))
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    base = load_base(args.cache, args.bbc, args.cluster or None)
    print(f"base: {len(base)} analysed texts", file=sys.stderr)
    results: dict[str, Any] = {
        "extraction": "replicated from the analysed base (see scale_corpus.py)",
        "base_texts": len(base),
        "backends": {},
    }
    with tempfile.TemporaryDirectory(prefix="watchfloor-scale-") as scratch:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{Path(scratch) / 'scale.db'}"
            elif os.environ.get("WATCHFLOOR_BENCH_PG_URL"):
                url = os.environ["WATCHFLOOR_BENCH_PG_URL"]
            else:
                print("postgres: WATCHFLOOR_BENCH_PG_URL not set, skipped", file=sys.stderr)
                continue
            results["backends"][backend] = run_backend(url, base, sizes, args)
            args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
