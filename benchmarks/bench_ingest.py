"""Ingest throughput and peak memory on the BBC News corpus (2,225 articles), then a second run.

Runs ``watchfloor ingest`` in a child process on a fresh SQLite workspace and reports documents per
second, wall time and the child's peak resident memory; the second run must store nothing new.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "bbc-news" / "bbc"


def run(db: Path, data: Path) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "watchfloor", "--db", str(db), "ingest", str(data)],
        capture_output=True, text=True, check=False,
    )
    if result.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({result.returncode}): {result.stderr[-2000:]}")
    return time.perf_counter() - started, result.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    if not args.data.is_dir():
        raise SystemExit(f"{args.data}: no such folder (the shared BBC corpus)")
    files = sum(1 for p in args.data.rglob("*") if p.is_file() and not p.name.startswith("."))
    with tempfile.TemporaryDirectory() as scratch:
        db = Path(scratch) / "bbc.db"
        first, report = run(db, args.data)
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(report)
        rate = files / first
        print(f"first run: {files} files in {first:.1f} s = {rate:.1f} files/s; peak RSS {peak_mib:.0f} MiB")
        second, report = run(db, args.data)
        print(report)
        print(f"second run: {second:.1f} s")


if __name__ == "__main__":
    main()
