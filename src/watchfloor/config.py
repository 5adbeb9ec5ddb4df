"""Workspace settings: ``--db`` beats ``WATCHFLOOR_DB`` beats ``watchfloor.toml`` beats the default.

    # watchfloor.toml (in the working directory)
    [workspace]
    db = "osint.db"                 # a path (SQLite) or a SQLAlchemy URL (postgresql+psycopg://…)
    [ingest]
    max_bytes = 52428800            # files larger than this are refused
    [fetch]
    allow = []                      # addresses the fetch guard lets through (e.g. ["127.0.0.1"] in tests)
    max_bytes = 20971520            # a response body larger than this is cut off and refused
    seconds = 30                    # for a whole response, body included
    politeness_seconds = 5          # between two requests to the same host while polling
    archive = "watchfloor-archive"  # folder of the WARC captures (default: beside a SQLite workspace)
    [smtp]                          # e-mail delivery of alerts
    host = "smtp.example.org"
    port = 587
    starttls = true
    username = "watchfloor"
    password_env = "WATCHFLOOR_SMTP_PASSWORD"   # the password is read from this variable, never the file
    sender = "watchfloor@example.org"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.errors import WatchfloorError

DEFAULT_DB = "watchfloor.db"
DEFAULT_ARCHIVE = "watchfloor-archive"
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
CONFIG_FILE = "watchfloor.toml"


class ConfigError(WatchfloorError):
    """A setting in ``watchfloor.toml`` that cannot be used."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How live sources are fetched (see :mod:`watchfloor.ingest.fetch`)."""

    allow: tuple[str, ...] = ()  # hosts, addresses or networks the guard lets through
    max_bytes: int = 20 * 1024 * 1024
    seconds: float = 30.0
    politeness_seconds: float = 5.0
    archive: Path | None = None  # WARC folder; None: beside a SQLite workspace, else ./watchfloor-archive


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    """The mail server alerts are sent through."""

    host: str
    sender: str
    port: int = 587
    starttls: bool = True
    username: str | None = None
    password_env: str | None = None  # the variable holding the password (never the file itself)
    timeout: float = 10.0


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str
    max_bytes: int = DEFAULT_MAX_BYTES
    pipeline_config: Path | None = None
    fetch: FetchSettings = FetchSettings()
    smtp: SmtpSettings | None = None

    @property
    def archive_dir(self) -> Path:
        """Where WARC captures go: as configured, else beside a SQLite workspace file
        (``osint.db`` → ``osint.warc/``), else ``./watchfloor-archive``."""
        if self.fetch.archive is not None:
            return self.fetch.archive
        if self.db_url.startswith("sqlite:///") and len(self.db_url) > len("sqlite:///"):
            return Path(self.db_url.removeprefix("sqlite:///")).with_suffix(".warc")
        return Path(DEFAULT_ARCHIVE).resolve()


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
        fetch=fetch_settings(file_settings.get("fetch", {})),
        smtp=smtp_settings(file_settings.get("smtp")),
    )


def fetch_settings(table: dict[str, Any]) -> FetchSettings:
    """The ``[fetch]`` table (ConfigError for a value of the wrong kind)."""
    defaults = FetchSettings()
    allow = table.get("allow", [])
    if not isinstance(allow, list) or not all(isinstance(item, str) for item in allow):
        raise ConfigError(f"{CONFIG_FILE}: [fetch] allow must be a list of strings")
    archive = table.get("archive")
    return FetchSettings(
        allow=tuple(allow),
        max_bytes=int(table.get("max_bytes", defaults.max_bytes)),
        seconds=float(table.get("seconds", defaults.seconds)),
        politeness_seconds=float(table.get("politeness_seconds", defaults.politeness_seconds)),
        archive=Path(archive).expanduser().resolve() if archive else None,
    )


def smtp_settings(table: dict[str, Any] | None) -> SmtpSettings | None:
    """The ``[smtp]`` table, or None when there is none."""
    if not table:
        return None
    if not table.get("host") or not table.get("sender"):
        raise ConfigError(f"{CONFIG_FILE}: [smtp] needs host and sender")
    return SmtpSettings(
        host=str(table["host"]), sender=str(table["sender"]), port=int(table.get("port", 587)),
        starttls=bool(table.get("starttls", True)), username=table.get("username"),
        password_env=table.get("password_env"), timeout=float(table.get("timeout", 10.0)),
    )
