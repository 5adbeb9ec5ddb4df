"""Shared fixtures. ``store`` runs each store test on SQLite and on PostgreSQL.

PostgreSQL tests need ``WATCHFLOOR_TEST_PG_URL`` (``source .ci/start-postgres.sh``); without it they
are skipped, except under ``CI=true``, where a missing server is an error.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from live_site import live_site  # noqa: F401  (a fixture: a site of ours on 127.0.0.1)
from watchfloor.config import Settings
from watchfloor.service.workbench import Workbench
from watchfloor.store.sql import SqlStore, open_store

PG_URL_VARIABLE = "WATCHFLOOR_TEST_PG_URL"
#: The shared data beside the checkout (gold datasets by others, the seed article); read, never copied.
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def shared_path(relative: str) -> Path:
    """A path in ../shared; when it is missing the test is skipped, except under CI=true, where a missing
    file is an error (CI always has ../shared beside the clone)."""
    path = SHARED / relative
    if not path.exists():
        message = f"{path} is missing (../shared beside the checkout)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path


def _postgres_schema_url() -> Iterator[str]:
    """A URL whose connections use a fresh, private schema (dropped afterwards)."""
    base = os.environ.get(PG_URL_VARIABLE)
    if not base:
        if in_ci():
            pytest.fail(f"{PG_URL_VARIABLE} is not set, but CI=true requires the PostgreSQL tests")
        pytest.skip(f"{PG_URL_VARIABLE} not set (source .ci/start-postgres.sh)")
    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(base)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty workspace URL on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'workspace.db'}"
    else:
        yield from _postgres_schema_url()


@pytest.fixture
def store(store_url: str) -> Iterator[SqlStore]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with the bundled sample corpus ingested, built once per test run: copy it to write."""
    db = tmp_path_factory.mktemp("sample") / "sample.db"
    with Workbench.open(Settings(db_url=f"sqlite:///{db}")) as bench:
        report = bench.ingest.paths([], sample=True)
    assert report.ok, (report.failures, report.stage_errors)
    return db
