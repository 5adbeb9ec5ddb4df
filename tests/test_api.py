"""The REST API in-process (FastAPI's TestClient; nothing binds a port): tokens and roles, problem JSON
errors, and the same answers as the service layer."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from watchfloor.api.app import create_app
from watchfloor.config import Settings
from watchfloor.service.workbench import Workbench

#: The test client and each role's authorisation header.
Api = tuple[TestClient, dict[str, dict[str, str]]]
WRITES = [
    ("post", "/api/v1/documents", None, "analyst"),
    ("post", "/api/v1/watch/rules", [], "analyst"),
    ("post", "/api/v1/alerts/1/acknowledge", None, "analyst"),
    ("delete", "/api/v1/watch/rules/new-denial", None, "analyst"),
    ("put", "/api/v1/publishers/Airwars/rating", {"rating": "B"}, "admin"),
    ("post", "/api/v1/judgements/merge", {"entity_a": "a", "entity_b": "b"}, "analyst"),
    ("post", "/api/v1/judgements/not-same", {"entity_a": "a", "entity_b": "b"}, "analyst"),
    ("post", "/api/v1/judgements/split", {"entity": "a", "names": ["x"]}, "analyst"),
    ("post", "/api/v1/judgements/1/undo", None, "analyst"),
    ("post", "/api/v1/review/confirm", {"item": "claim:x:1:2"}, "analyst"),
    ("post", "/api/v1/review/reject", {"item": "claim:x:1:2"}, "analyst"),
    ("post", "/api/v1/review/correct", {"item": "claim:x:1:2", "field": "time", "value": "2024"}, "analyst"),
    ("post", "/api/v1/fetch", {"urls": ["http://127.0.0.1:9/"]}, "analyst"),
    ("post", "/api/v1/sources", {"url": "http://127.0.0.1:9/feed"}, "analyst"),
    ("delete", "/api/v1/sources/1", None, "analyst"),
]


@pytest.fixture
def api(sample_db: Path, tmp_path: Path) -> Iterator[Api]:
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    settings = Settings(db_url=f"sqlite:///{copy}")
    with Workbench.open(settings) as bench:
        tokens = {role: bench.accounts.add(role, role)[1] for role in ("viewer", "analyst", "admin")}
    headers = {role: {"Authorization": f"Bearer {token}"} for role, token in tokens.items()}
    with TestClient(create_app(settings)) as client:
        yield client, headers


def test_health_needs_no_token_and_the_schema_is_served(api: Api) -> None:
    client, _ = api
    assert client.get("/api/v1/health").json()["status"] == "ok"
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.1") and "/api/v1/documents" in schema["paths"]


def test_no_token_is_401_and_a_bad_token_too(api: Api) -> None:
    client, _ = api
    for headers in ({}, {"Authorization": "Bearer wf_not-a-token"}, {"Authorization": "Basic eDp5"}):
        response = client.get("/api/v1/documents", headers=headers)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["status"] == 401


def test_every_write_route_of_the_schema_is_in_the_role_table(api: Api) -> None:
    client, _ = api
    paths = client.get("/api/openapi.json").json()["paths"]
    writes = {(method, path) for path, methods in paths.items() for method in methods if method != "get"}
    covered = {(method, path) for method, path, _, _ in WRITES}
    templated = {(m, p) for m, p in writes if "{" in p}
    assert writes - templated <= covered
    for method, template in templated:  # a write with a path parameter is covered by a concrete path
        prefix, _, suffix = template.partition("{")
        tail = suffix.partition("}")[2]
        assert any(m == method and p.startswith(prefix) and p.endswith(tail) for m, p in covered), template


@pytest.mark.parametrize(("method", "path", "body", "needed"), WRITES, ids=[w[1] for w in WRITES])
def test_each_write_refuses_lower_roles(
    api: Api, method: str, path: str, body: object, needed: str
) -> None:
    client, headers = api
    roles = ["viewer", "analyst", "admin"]
    for role in roles[: roles.index(needed)]:
        response = client.request(method.upper(), path, json=body, headers=headers[role])
        assert response.status_code == 403, (role, response.text)
        assert needed in response.json()["detail"]
    assert client.request(method.upper(), path, json=body).status_code == 401


def test_documents_search_facets_and_one_document(api: Api) -> None:
    client, headers = api
    page = client.get("/api/v1/documents", params={"search": "Алабуге", "limit": 100},
                      headers=headers["viewer"]).json()
    assert page["total"] == len(page["documents"]) > 0 and {"en", "ru"} <= set(page["facets"]["lang"])
    document_id = page["documents"][0]["id"]
    shown = client.get(f"/api/v1/documents/{document_id}", headers=headers["viewer"]).json()
    text = shown["text"]
    assert all(text[m["start"] : m["end"]] == m["text"] for m in shown["mentions"])
    missing = client.get("/api/v1/documents/nope", headers=headers["viewer"])
    assert missing.status_code == 404 and missing.headers["content-type"] == "application/problem+json"
    empty = client.get("/api/v1/documents", params={"search": "-x"}, headers=headers["viewer"])
    assert empty.status_code == 422 and "no word to search for" in empty.json()["detail"]


def test_entities_claims_clusters_timeline_brief(api: Api) -> None:
    client, headers = api
    viewer = headers["viewer"]
    town = client.get("/api/v1/entities/Елабуга", headers=viewer).json()
    assert town["name"] == "Yelabuga" and town["mentions"]
    denials = client.get("/api/v1/claims", params={"stance": "denies"}, headers=viewer).json()
    assert denials and {c["stance"] for c in denials} == {"denies"}
    clusters = client.get("/api/v1/clusters", params={"entity": "Alabuga"}, headers=viewer).json()
    assert clusters and "explanation" in clusters[0]
    timeline = client.get("/api/v1/timeline", params={"entity": "Alabuga", "from": "2023-06-01"},
                          headers=viewer).json()
    assert timeline and all((e["end"] or "9999") >= "2023-06-01" for e in timeline)
    brief = client.get("/api/v1/briefs/Alabuga", headers=viewer)
    assert brief.status_code == 200 and brief.text.lower().startswith("<!doctype html>")
    assert client.get("/api/v1/briefs/Atlantis", headers=viewer).status_code == 404


def test_writes_by_their_role_are_audited_as_the_caller(api: Api) -> None:
    client, headers = api
    rated = client.put("/api/v1/publishers/airwars/rating", json={"rating": "B"}, headers=headers["admin"])
    assert rated.status_code == 200 and rated.json()["reliability"] == "B"
    bad = client.put("/api/v1/publishers/airwars/rating", json={"rating": "Z"}, headers=headers["admin"])
    assert bad.status_code == 422
    site = client.get("/api/v1/entities/Alabuga", headers=headers["viewer"]).json()["id"]
    town = client.get("/api/v1/entities/Yelabuga", headers=headers["viewer"]).json()["id"]
    merged = client.post("/api/v1/judgements/merge", json={"entity_a": site, "entity_b": town, "why": "test"},
                         headers=headers["analyst"])
    assert merged.status_code == 201 and merged.json()["judgement"]["author"] == "analyst"
    judgement = merged.json()["judgement"]["id"]
    undone = client.post(f"/api/v1/judgements/{judgement}/undo", headers=headers["analyst"])
    assert undone.status_code == 200 and undone.json()["judgement"]["undone_at"]
    log = client.get("/api/v1/audit", headers=headers["admin"]).json()
    assert [(e["actor"], e["action"]) for e in log[:3]] == [
        ("analyst", "judgement.undo"), ("analyst", "judgement.merge"), ("admin", "publisher.rate")]
    assert client.get("/api/v1/audit", headers=headers["analyst"]).status_code == 403


def test_serve_warns_only_off_loopback() -> None:
    from watchfloor.cli.serve import _loopback

    assert _loopback("127.0.0.1") and _loopback("::1") and _loopback("localhost")
    assert not _loopback("0.0.0.0") and not _loopback("192.168.1.5") and not _loopback("example.org")


def test_upload_ingests_a_file_refuses_a_big_one_and_an_unreadable_one(api: Api) -> None:
    client, headers = api
    text = "---\ntitle: Upload\npublished: 2024-02-01\n---\nAirwars said the Alabuga plant had grown.\n"
    done = client.post("/api/v1/documents", files={"file": ("note.md", text.encode(), "text/markdown")},
                       data={"publisher": "Test Desk"}, headers=headers["analyst"])
    assert done.status_code == 201, done.text
    (outcome,) = done.json()["outcomes"]
    assert outcome["status"] == "new" and outcome["source"] == "note.md"
    stored = client.get(f"/api/v1/documents/{outcome['document_id']}", headers=headers["viewer"]).json()
    assert (stored["title"], stored["publisher"]) == ("Upload", "Test Desk")
    big = b"x" * (50 * 1024 * 1024 + 1)
    refused = client.post("/api/v1/documents", files={"file": ("big.txt", big, "text/plain")},
                          headers=headers["analyst"])
    assert refused.status_code == 413 and refused.headers["content-type"] == "application/problem+json"
    odd = client.post("/api/v1/documents", files={"file": ("x.unknownext", b"\x00\x01", "application/x")},
                      headers=headers["analyst"])
    assert odd.status_code == 422 and "x.unknownext" in odd.json()["detail"]
    log = client.get("/api/v1/audit", headers=headers["admin"]).json()
    assert ("analyst", "ingest.upload", "note.md") in {(e["actor"], e["action"], e["subject"]) for e in log}


def test_watch_rules_are_edited_and_the_export_streams(api: Api) -> None:
    client, headers = api
    rule = {"id": "farsi", "on": "document", "when": {"keywords": ["Farsi"]}}
    saved = client.post("/api/v1/watch/rules", json=[rule], headers=headers["analyst"])
    assert saved.status_code == 201 and saved.json() == {"read": 1, "written": 1}
    assert "farsi" in {r["id"] for r in client.get("/api/v1/watch/rules", headers=headers["viewer"]).json()}
    by_pigeon = [{**rule, "deliver": ["pigeon"]}]
    wrong = client.post("/api/v1/watch/rules", json=by_pigeon, headers=headers["analyst"])
    assert wrong.status_code == 400 and "pigeon" in wrong.json()["detail"]
    assert client.delete("/api/v1/watch/rules/farsi", headers=headers["analyst"]).status_code == 204
    assert client.delete("/api/v1/watch/rules/farsi", headers=headers["analyst"]).status_code == 404
    exported = client.get("/api/v1/export", headers=headers["viewer"])
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("application/x-ndjson")
    schemata = {json.loads(line)["schema"] for line in exported.text.splitlines()}
    assert {"Article", "Mention", "UnknownLink"} <= schemata


def test_alerts_are_acknowledged_once_and_leave_the_open_list(api: Api) -> None:
    client, headers = api
    open_alerts = client.get("/api/v1/alerts", params={"open": "true"}, headers=headers["viewer"]).json()
    assert open_alerts and all(a["acknowledged_at"] is None for a in open_alerts)
    first = open_alerts[0]["id"]
    done = client.post(f"/api/v1/alerts/{first}/acknowledge", headers=headers["analyst"]).json()
    assert done == {"alert": first, "acknowledged": True}
    again = client.post(f"/api/v1/alerts/{first}/acknowledge", headers=headers["analyst"]).json()
    assert again["acknowledged"] is False
    still_open = client.get("/api/v1/alerts", params={"open": "true"}, headers=headers["viewer"]).json()
    assert first not in {a["id"] for a in still_open} and len(still_open) == len(open_alerts) - 1
    everything = {a["id"]: a for a in client.get("/api/v1/alerts", headers=headers["viewer"]).json()}
    assert everything[first]["acknowledged_by"] == "analyst"
    assert client.post("/api/v1/alerts/999999/acknowledge", headers=headers["analyst"]).status_code == 404
