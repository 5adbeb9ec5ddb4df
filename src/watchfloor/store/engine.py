"""The SQL workspace's engine: connecting (SQLite or PostgreSQL), migrating, and the read and write sessions.

:class:`SqlSessions` is the base every part of :class:`~watchfloor.store.sql.SqlStore` builds on: it opens
the engine, brings the schema to the newest migration, and keeps one session factory for reads and one for
writes (``BEGIN IMMEDIATE`` on SQLite, so writers queue instead of failing on a lock upgrade).
"""

from __future__ import annotations

from functools import cache
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import StaticPool

from watchfloor.errors import InputError, WatchfloorError

#: Key of the PostgreSQL advisory lock that serialises migrations of one database.
_MIGRATION_LOCK = 0x77466C72
_BEGIN_OPTION = "watchfloor_begin"


def _sqlite_engine(url: str) -> Engine:
    database = make_url(url).database
    in_memory = database in (None, "", ":memory:")
    if not in_memory and not Path(str(database)).parent.is_dir():
        raise InputError(str(database), "cannot create workspace: directory does not exist")
    engine = create_engine(url, poolclass=StaticPool) if in_memory else create_engine(url)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # transactions are begun explicitly below
        cursor = dbapi_connection.cursor()
        for pragma in ("foreign_keys=ON", "busy_timeout=30000", "journal_mode=WAL", "synchronous=NORMAL"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get(_BEGIN_OPTION, "BEGIN"))

    return engine


def _create_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


@cache
def _head_revision() -> str | None:
    with as_file(files("watchfloor.store") / "migrations") as location:
        return ScriptDirectory.from_config(_alembic_config(location)).get_current_head()


def _alembic_config(location: Path, connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(location))
    config.attributes["connection"] = connection
    return config


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def upgrade_schema(engine: Engine) -> None:
    """Bring the schema to the newest migration; a workspace already there costs one query."""
    head = _head_revision()
    with engine.connect() as connection:
        if _current_revision(connection) == head:
            return
    with engine.connect() as connection:
        connection.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            if _current_revision(connection) == head:  # another process migrated meanwhile
                return
            with as_file(files("watchfloor.store") / "migrations") as location:
                try:
                    command.upgrade(_alembic_config(location, connection), "head")
                except CommandError as exc:
                    raise WatchfloorError(
                        f"{engine.url.render_as_string(hide_password=True)}: cannot migrate workspace "
                        f"(made by a newer watchfloor?): {exc}"
                    ) from None


class SqlSessions:
    """An open, migrated workspace database with its read and write session factories."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = _create_engine(url)
        self.dialect = self.engine.dialect.name
        try:
            upgrade_schema(self.engine)
        except Exception:
            self.engine.dispose()
            raise
        self._read = sessionmaker(self.engine, expire_on_commit=False)
        writer = self.engine.execution_options(**{_BEGIN_OPTION: "BEGIN IMMEDIATE"})
        self._write = sessionmaker(writer, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()
