"""Live sources over HTTP (FastAPI's TestClient against a site of ours on 127.0.0.1): fetch, sources,
a fetched document's capture and archived original (a download no browser renders), the web page."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from live_site import ALLOW, LiveSite
from test_live_sources import article_html
from watchfloor.api.app import create_app
from watchfloor.config import FetchSettings, Settings
from watchfloor.service.workbench import Workbench

Client = tuple[TestClient, dict[str, dict[str, str]], dict[str, str]]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'api.db'}",
                        fetch=FetchSettings(allow=ALLOW, politeness_seconds=0.0, seconds=5.0))
    with Workbench.open(settings) as bench:
        tokens = {role: bench.accounts.add(role, role)[1] for role in ("viewer", "analyst")}
    headers = {role: {"Authorization": f"Bearer {token}"} for role, token in tokens.items()}
    with TestClient(create_app(settings), follow_redirects=False) as opened:
        yield opened, headers, tokens


def test_fetch_then_the_capture_and_the_original_as_a_download(client: Client, live_site: LiveSite) -> None:
    api, headers, tokens = client
    url = live_site.put("/articles/1.html", article_html(1))
    body = {"urls": [url, "http://10.0.0.1/admin"], "publisher": "Kama Wire"}
    answer = api.post("/api/v1/fetch", json=body, headers=headers["analyst"])
    assert answer.status_code == 200, answer.text
    fetched, refused = answer.json()["outcomes"]
    assert fetched["status"] == "new" and len(fetched["documents"]) == 1
    assert refused["status"] == "failed" and "10.0.0.1 is private" in refused["problem"]
    document_id = fetched["documents"][0]
    capture = api.get(f"/api/v1/documents/{document_id}/capture", headers=headers["viewer"]).json()
    assert capture["final_url"] == url and capture["status"] == 200 and capture["address"] == "127.0.0.1"
    original = api.get(f"/api/v1/documents/{document_id}/original", headers=headers["viewer"])
    assert original.content == article_html(1).encode()
    assert hashlib.sha256(original.content).hexdigest() == capture["sha256"]
    assert original.headers["content-type"] == "application/octet-stream"
    assert original.headers["content-disposition"].startswith("attachment")
    assert original.headers["x-content-type-options"] == "nosniff"
    assert original.headers["content-security-policy"].startswith("sandbox")
    assert api.get(f"/api/v1/documents/{document_id}", headers=headers["viewer"]).json()["capture"]["id"] == (
        capture["id"])

    api.post("/signin", data={"token": tokens["viewer"], "next": "/"})
    page = api.get(f"/documents/{document_id}").text
    assert "Archived copy" in page and capture["sha256"] in page
    assert f'href="/documents/{document_id}/original"' in page
    download = api.get(f"/documents/{document_id}/original")
    assert download.content == original.content and download.headers["x-content-type-options"] == "nosniff"


def test_a_document_that_was_not_fetched_has_no_original(client: Client, tmp_path: Path) -> None:
    api, headers, _ = client
    upload = tmp_path / "note.txt"
    upload.write_text("The Alabuga plant was visited by a delegation in May 2024.", encoding="utf-8")
    stored = api.post("/api/v1/documents", files={"file": ("note.txt", upload.read_bytes())},
                      headers=headers["analyst"]).json()
    document_id = stored["outcomes"][0]["document_id"]
    missing = api.get(f"/api/v1/documents/{document_id}/original", headers=headers["viewer"])
    assert missing.status_code == 404 and "was not fetched" in missing.json()["detail"]


def test_sources_are_added_listed_and_removed_by_analysts(client: Client, live_site: LiveSite) -> None:
    api, headers, _ = client
    feed = live_site.url("/feed.rss")
    body = {"url": feed, "kind": "feed", "every": "30m", "follow": True}
    assert api.post("/api/v1/sources", json=body, headers=headers["viewer"]).status_code == 403
    added = api.post("/api/v1/sources", json=body, headers=headers["analyst"])
    assert added.status_code == 201 and added.json()["every_seconds"] == 1800
    again = api.post("/api/v1/sources", json=body, headers=headers["analyst"])
    assert again.status_code == 400 and "already a source" in again.json()["detail"]
    guarded = api.post("/api/v1/sources", json={**body, "url": "http://169.254.169.254/feed"},
                       headers=headers["analyst"])
    assert guarded.status_code == 400 and "link-local" in guarded.json()["detail"]
    too_often = api.post("/api/v1/sources", json={**body, "url": feed + "?x", "every": "10s"},
                         headers=headers["analyst"])
    assert too_often.status_code == 400
    listed = api.get("/api/v1/sources", headers=headers["viewer"]).json()
    assert [(s["url"], s["kind"], s["follow"]) for s in listed] == [(feed, "feed", True)]
    source_id = listed[0]["id"]
    assert api.delete(f"/api/v1/sources/{source_id}", headers=headers["analyst"]).status_code == 204
    assert api.delete(f"/api/v1/sources/{source_id}", headers=headers["analyst"]).status_code == 404
    assert api.get("/api/v1/deliveries", headers=headers["viewer"]).json() == []
