"""Alembic environment of watchfloor workspaces.

watchfloor runs migrations itself when it opens a workspace (``watchfloor.store.sql.upgrade_schema``),
passing its connection in ``config.attributes["connection"]``. For developing new revisions, the
``alembic`` command works too with ``-x url=sqlite:///scratch.db`` (or ``sqlalchemy.url`` set).
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from watchfloor.store.tables import Base, is_modelled


def _migrate(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        include_object=is_modelled,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def _run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option(
        "sqlalchemy.url"
    )
    if not url:
        raise SystemExit("watchfloor migrations: pass -x url=DATABASE_URL")
    engine = create_engine(url)
    with engine.begin() as own_connection:
        _migrate(own_connection)
    engine.dispose()


_run()
