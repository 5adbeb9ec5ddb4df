"""Schemathesis against the API's own OpenAPI schema, in-process with an admin token: for generated
requests to every operation, no 5xx, and every response (status, content type, body) conforms."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from watchfloor.api.app import create_app
from watchfloor.config import Settings
from watchfloor.service.workbench import Workbench

#: No 5xx, and status, content type, headers and body as documented. (Schemathesis's positive-data check
#: is left out: the API refuses, with 4xx problem JSON, values the schema cannot express as wrong — a
#: cursor it did not issue, a search of only excluded words.)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
#: Generated requests per operation (enough to reach every parameter; the suite stays quick).
EXAMPLES = 12


@pytest.fixture(scope="module")
def served(sample_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FastAPI, str]]:
    copy = tmp_path_factory.mktemp("schema") / "api.db"
    shutil.copy(sample_db, copy)
    workspace = Settings(db_url=f"sqlite:///{copy}")
    with Workbench.open(workspace) as bench:
        _, token = bench.accounts.add("fuzzer", "admin")
    app = create_app(workspace)
    with TestClient(app):  # runs the lifespan: the store stays open while schemathesis calls the app
        yield app, token


def test_every_operation_conforms_to_its_schema(served: tuple[FastAPI, str]) -> None:
    app, token = served
    schema = schemathesis.openapi.from_asgi("/api/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 25
    failures: dict[str, str] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck),
                  database=None)
        def conforms(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {token}"}, checks=CHECKS)

        try:
            conforms()
        except (Exception, BaseExceptionGroup) as exc:  # every operation's failures, reported together
            failures[operation.label] = str(exc)[:2000]
    assert not failures, "\n\n".join(f"{label}:\n{why}" for label, why in failures.items())
