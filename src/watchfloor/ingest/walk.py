"""Walking the paths given to ingest: files in sorted order, hidden entries and symlinked folders skipped."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from watchfloor.errors import InputError


def walk(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files under ``paths`` in sorted order, recursively; hidden entries and symlinked folders skipped."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk_directory(path)
        elif path.exists() or path.is_symlink():
            yield path
        else:
            yield InputError(path, "no such file or directory")


def _walk_directory(directory: Path) -> Iterator[Path | InputError]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputError(directory, f"cannot list folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_directory(Path(entry.path))
        elif not entry.is_dir():  # files, and links to files; links to folders are not followed
            yield Path(entry.path)
