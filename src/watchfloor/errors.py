"""Errors that reach the user as one line naming the file and the problem."""

from __future__ import annotations

from pathlib import Path


class WatchfloorError(Exception):
    """Base class for errors shown to the user without a traceback."""


class InputError(WatchfloorError):
    """Bad input: a file that cannot be read, parsed or accepted."""

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem


class NotFoundError(WatchfloorError):
    """Something asked for by id or name is not in the workspace."""
