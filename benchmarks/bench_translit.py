"""Transliteration benchmark on the Merhav–Ash English→Russian Wikidata name-token pairs.

For each sampled pair, the Russian token is compared (with the resolver's token similarity) to its
English token and to ``--distractors`` other English tokens drawn at random; it counts as a hit when
the right English token scores strictly highest (ties count as misses). Reads the data from
``../shared/datasets/name-variants/wikidata-translit-merhav-ash/wd_russian_80`` beside the checkout.

    .venv/bin/python benchmarks/bench_translit.py [--sample 2000] [--distractors 1000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from watchfloor.resolve.matchers import token_similarity
from watchfloor.resolve.names import skeleton, stem_key

DEFAULT_DATA = (
    Path(__file__).resolve().parents[1].parent
    / "shared/datasets/name-variants/wikidata-translit-merhav-ash/wd_russian_80"
)


def read_pairs(path: Path) -> list[tuple[str, str]]:
    """(English token, Russian token) pairs; the Russian side is stored as space-separated letters."""
    pairs: list[tuple[str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2:
                sys.exit(f"{path}:{number}: expected at least 2 tab-separated fields")
            pairs.append((fields[0], fields[1].replace(" ", "")))
    return pairs


def top1_rate(pairs: list[tuple[str, str]], sample: int, distractors: int, seed: int) -> tuple[float, int]:
    rng = random.Random(seed)
    english = sorted({en for en, _ in pairs})
    chosen = rng.sample(pairs, min(sample, len(pairs)))
    hits = 0
    for right, russian in chosen:
        ru_key, ru_skeleton = stem_key(russian), skeleton(russian)

        def score(candidate: str, ru_key: str = ru_key, ru_skeleton: str = ru_skeleton) -> float:
            return token_similarity(ru_key, stem_key(candidate), ru_skeleton, skeleton(candidate))

        others = [e for e in rng.sample(english, distractors + 1) if e != right][:distractors]
        right_score = score(right)
        if all(score(other) < right_score for other in others):
            hits += 1
    return hits / len(chosen), len(chosen)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=2000)
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.data.is_file():
        sys.exit(f"{args.data}: data file not found")
    started = time.perf_counter()
    rate, count = top1_rate(read_pairs(args.data), args.sample, args.distractors, args.seed)
    elapsed = time.perf_counter() - started
    print(f"Merhav–Ash wd_russian_80: top-1 among 1+{args.distractors}: {rate:.3f} "
          f"over {count} sampled pairs ({elapsed:.1f}s)")


if __name__ == "__main__":
    main()
