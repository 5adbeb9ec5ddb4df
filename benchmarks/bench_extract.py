"""End-to-end extraction throughput against the raw spaCy pipeline, on BBC News articles.

Both runs use the same installed spaCy model, the same texts and the same process: the bare
``nlp.pipe`` of the model as spaCy loads it (tagger, parser, NER…), and watchfloor's default extraction
pipeline (language, parse, watchlist, NER, time, attribution…), in interleaved rounds so that a busy
spell of a shared machine slows both; the best round of each counts. Words are whitespace-separated
tokens. Reads the articles from ``../shared/datasets/bbc-news/bbc`` beside the checkout.

    .venv/bin/python benchmarks/bench_extract.py [--limit 600] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from watchfloor.extract.pipeline import Pipeline
from watchfloor.extract.spacy_parse import DEFAULT_MODEL, load_raw_model
from watchfloor.model import Analysis

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared/datasets/bbc-news/bbc"


def read_articles(folder: Path, limit: int) -> list[str]:
    paths = sorted(folder.glob("*/*.txt"))[:limit]
    if not paths:
        sys.exit(f"{folder}: no BBC News articles (*/*.txt) found")
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def run_raw(texts: list[str]) -> None:
    for _ in load_raw_model(DEFAULT_MODEL).pipe(texts, batch_size=32):
        pass


def run_watchfloor(texts: list[str]) -> None:
    pipeline = Pipeline.from_config()
    for _ in pipeline.pipe(Analysis(text=t) for t in texts):
        pass


def timed(run: Callable[[list[str]], None], texts: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run."""
    wall, cpu = time.perf_counter(), time.process_time()
    run(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=600, help="articles to read (sorted by path)")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds per side; the best counts")
    args = parser.parse_args()
    texts = read_articles(args.data, args.limit)
    words = sum(len(t.split()) for t in texts)
    run_raw(texts[:20])  # warm up: model load, lexeme caches
    run_watchfloor(texts[:20])
    raw: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    for _ in range(args.rounds):  # interleaved, so that a busy spell of the machine hits both sides
        raw.append(timed(run_raw, texts))
        ours.append(timed(run_watchfloor, texts))
    raw_wall, ours_wall = min(w for w, _ in raw), min(w for w, _ in ours)
    raw_cpu, ours_cpu = min(c for _, c in raw), min(c for _, c in ours)
    print(f"articles {len(texts)}, words {words}, best of {args.rounds} interleaved rounds")
    for label, wall, cpu in ((f"raw spaCy ({DEFAULT_MODEL}):", raw_wall, raw_cpu),
                             ("watchfloor extract:", ours_wall, ours_cpu)):
        print(f"{label:29}{words / wall:10.0f} words/s  ({wall:.2f} s, cpu {cpu:.2f} s)")
    print(f"ratio watchfloor / raw:      {raw_wall / ours_wall:10.2f}  (cpu time: {raw_cpu / ours_cpu:.2f})")


if __name__ == "__main__":
    main()
