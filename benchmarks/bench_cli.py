"""How long the CLI takes to answer before any work: ``watchfloor --help`` and one command's help.

Each is run in a fresh child process (as a user types it), several times; the median and the best
wall times are printed. The target is under 0.5 s on this machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

WATCHFLOOR = Path(sys.executable).with_name("watchfloor")
COMMANDS = (["--help"], ["--version"], ["documents", "--help"], ["eval", "claims", "--help"])


def wall_time(arguments: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([str(WATCHFLOOR), *arguments], capture_output=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    rounds = parser.parse_args().rounds
    wall_time(["--help"])  # warm the file cache once
    for arguments in COMMANDS:
        times = [wall_time(arguments) for _ in range(rounds)]
        print(f"watchfloor {' '.join(arguments):24} median {statistics.median(times):.3f} s, "
              f"best {min(times):.3f} s ({rounds} runs)")


if __name__ == "__main__":
    main()
