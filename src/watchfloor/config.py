"""Workspace settings: ``--db`` beats ``WATCHFLOOR_DB`` beats ``watchfloor.toml`` beats the default.

    # watchfloor.toml (in the working directory)
    [workspace]
    db = "osint.db"                 # a path (SQLite) or a SQLAlchemy URL (postgresql+psycopg://…)
    [ingest]
    max_bytes = 52428800            # files larger than this are refused
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DEFAULT_DB = "watchfloor.db"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CONFIG_FILE = "watchfloor.toml"


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    max_bytes: int = DEFAULT_MAX_BYTES
    pipeline_config: Path | None = None


def database_url(value: str) -> str:
    """A SQLAlchemy URL for ``value``: URLs pass through, anything else is a SQLite file path."""
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _file_settings(directory: Path) -> dict[str, Any]:
    path = directory / CONFIG_FILE
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        return tomllib.load(fh)


def load_settings(db: str | None = None, directory: Path | None = None) -> Settings:
    file_settings = _file_settings(directory or Path.cwd())
    workspace = file_settings.get("workspace", {})
    ingest = file_settings.get("ingest", {})
    chosen = db or os.environ.get("WATCHFLOOR_DB") or workspace.get("db") or DEFAULT_DB
    pipeline = workspace.get("pipeline")
    return Settings(
        db_url=database_url(str(chosen)),
        max_bytes=int(ingest.get("max_bytes", DEFAULT_MAX_BYTES)),
        pipeline_config=Path(pipeline) if pipeline else None,
    )
