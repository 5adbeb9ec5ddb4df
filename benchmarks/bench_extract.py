"""End-to-end extraction throughput against the raw spaCy pipeline, on BBC News articles.

Both runs use the same installed spaCy model, the same texts and the same process: first the bare
``nlp.pipe`` (tagger, parser, NER…), then watchfloor's default extraction pipeline (language, parse,
watchlist, NER, attribution…). Words are whitespace-separated tokens. Reads the articles from
``../shared/datasets/bbc-news/bbc`` beside the checkout.

    .venv/bin/python benchmarks/bench_extract.py [--limit 600] [--rounds 2]
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


def best_seconds(run: Callable[[list[str]], None], texts: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        run(texts)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=600, help="articles to read (sorted by path)")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds per side; the best counts")
    args = parser.parse_args()
    texts = read_articles(args.data, args.limit)
    words = sum(len(t.split()) for t in texts)
    run_raw(texts[:20])  # warm up: model load, lexeme caches
    run_watchfloor(texts[:20])
    raw = best_seconds(run_raw, texts, args.rounds)
    ours = best_seconds(run_watchfloor, texts, args.rounds)
    print(f"articles {len(texts)}, words {words}")
    print(f"raw spaCy ({DEFAULT_MODEL}): {words / raw:10.0f} words/s  ({raw:.2f} s)")
    print(f"watchfloor extract:          {words / ours:10.0f} words/s  ({ours:.2f} s)")
    print(f"ratio watchfloor / raw:      {raw / ours:10.2f}")


if __name__ == "__main__":
    main()
