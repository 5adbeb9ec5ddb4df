"""The workbench over HTTP without a browser: sign-in and its cookie, CSRF and roles on every form,
redirects that stay on the site, security headers, and errors as pages."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from watchfloor.api.app import create_app
from watchfloor.config import Settings
from watchfloor.service.workbench import Workbench
from watchfloor.web.render import Mark, marked_text, safe_url, snippet
from watchfloor.web.session import COOKIE, safe_next

#: Every form of the workbench with a body that would otherwise be accepted.
FORMS = [
    ("/review/decide", {"item": "claim:x:1:2", "action": "reject"}),
    ("/judgements/merge", {"entity": "a", "other": "b"}),
    ("/judgements/split", {"entity": "a", "names": "x"}),
    ("/judgements/1/undo", {}),
    ("/alerts/1/acknowledge", {}),
    ("/watch/save-search", {"rule_id": "saved", "q": "drones"}),
]


@pytest.fixture
def site(sample_db: Path, tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    db = tmp_path / "site.db"
    shutil.copy(sample_db, db)
    settings = Settings(db_url=f"sqlite:///{db}")
    with Workbench.open(settings) as bench:
        tokens = {role: bench.accounts.add(role, role)[1] for role in ("viewer", "analyst")}
    with TestClient(create_app(settings), follow_redirects=False) as client:
        yield client, tokens


def _csrf(client: TestClient, path: str = "/") -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get(path).text)
    assert found
    return found.group(1)


def test_sign_in_sets_a_strict_http_only_cookie_and_refuses_a_bad_token(site: tuple[TestClient, dict]
                                                                         ) -> None:
    client, tokens = site
    assert client.get("/review").headers["location"] == "/signin?next=/review"
    refused = client.post("/signin", data={"token": "wf_wrong", "next": "/"})
    assert refused.status_code == 401 and "unknown or revoked" in refused.text
    done = client.post("/signin", data={"token": tokens["analyst"], "next": "//evil.example/x"})
    assert done.status_code == 303 and done.headers["location"] == "/"
    cookie = done.headers["set-cookie"]
    assert f"{COOKIE}=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/" in cookie
    page = client.get("/")
    assert page.status_code == 200 and "analyst (analyst)" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "object-src 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(("path", "body"), FORMS, ids=[f[0] for f in FORMS])
def test_every_form_needs_its_token_the_site_and_the_role(site: tuple[TestClient, dict], path: str,
                                                           body: dict[str, str]) -> None:
    client, tokens = site
    client.cookies.set(COOKIE, tokens["analyst"])
    assert client.post(path, data=body).status_code == 403  # no CSRF token
    assert client.post(path, data={**body, "csrf": "0" * 40}).status_code == 403
    token = _csrf(client)
    other_site = client.post(path, data={**body, "csrf": token}, headers={"Origin": "http://evil.example"})
    assert other_site.status_code == 403 and "another site" in other_site.text
    accepted = client.post(path, data={**body, "csrf": token})
    assert accepted.status_code in (303, 400, 404), accepted.text  # past the checks: the service answers
    client.cookies.set(COOKIE, tokens["viewer"])
    viewer = client.post(path, data={**body, "csrf": _csrf(client)})
    assert viewer.status_code == 403 and "needs the analyst role" in viewer.text
    client.cookies.clear()
    assert client.post(path, data=body).headers["location"].startswith("/signin")


def test_a_review_decision_from_the_queue_is_recorded_and_shown(site: tuple[TestClient, dict]) -> None:
    client, tokens = site
    client.cookies.set(COOKIE, tokens["analyst"])
    queue = client.get("/review?kind=attribution").text
    item = re.search(r'data-item="(claim:[^"]+)"', queue)
    assert item
    done = client.post("/review/decide", data={"item": item.group(1), "action": "correct", "field": "time",
                                               "value": "2022-11", "csrf": _csrf(client)})
    assert done.status_code == 303 and "correct+recorded" in done.headers["location"]
    assert item.group(1) in client.get("/review?reviewed=true").text
    unknown = client.get("/documents/nosuch")
    assert unknown.status_code == 404 and "<h1>404</h1>" in unknown.text


def test_marked_text_nests_escapes_and_shows_hidden_characters() -> None:
    text = "Ivan <b> said\u202e it"
    html = marked_text(text, [Mark(0, 8, "entity person", href="/entities/x", note='a"b'),
                              Mark(5, 13, "cue")])
    assert "<b>" not in html and "&lt;b&gt;" in html and "⟨U+202E⟩" in html and 'title="a&#34;b"' in html
    assert html.count("<a ") == html.count("</a>") == html.count('href="/entities/x"') >= 1
    assert html.count("</span>") == html.count("<span")
    assert "<mark>drone</mark>" in snippet("A drone <i>plant</i>", ["drone"]) and "<i>" not in snippet(
        "A drone <i>plant</i>", ["drone"])
    assert [safe_url(u) for u in ("javascript:alert(1)", "data:x", "//evil", "https://ok.example/a")] == [
        None, None, None, "https://ok.example/a"]
    assert [safe_next(p) for p in ("/review?kind=merge", "//evil", "https://evil", "/\\evil", None)] == [
        "/review?kind=merge", "/", "/", "/", "/"]
