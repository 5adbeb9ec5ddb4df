"""``watchfloor run`` as a process, killed (SIGKILL) midway and started again: nothing lost, nothing
doubled; and ``fetch``, ``sources``, ``show --original`` and ``deliveries`` from the command line."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from live_site import LiveSite
from test_cli_newcomer import call
from test_live_sources import article_html, publish
from watchfloor.config import load_settings
from watchfloor.service.workbench import Workbench

CONFIG = """[workspace]
db = "live.db"
[fetch]
allow = ["127.0.0.1"]
politeness_seconds = 0
seconds = 10
"""
RULES = """- id: alabuga
  on: document
  when: {keywords: [Alabuga]}
  deliver: [{jsonl: alerts.jsonl}]
"""


def watchfloor(folder: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "watchfloor", *args], cwd=folder, capture_output=True,
                          text=True, timeout=timeout)


def test_a_poller_killed_midway_and_started_again_loses_and_doubles_nothing(
    live_site: LiveSite, tmp_path: Path
) -> None:
    (tmp_path / "watchfloor.toml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "rules.yaml").write_text(RULES, encoding="utf-8")
    feed = publish(live_site, [1, 2, 3])
    assert watchfloor(tmp_path, "watch", "add", "rules.yaml").returncode == 0
    added = watchfloor(tmp_path, "sources", "add", feed, "--kind", "feed", "--follow", "--every", "1h")
    assert added.returncode == 0, added.stderr
    release = live_site.hold("/articles/2.html")
    poller = subprocess.Popen([sys.executable, "-m", "watchfloor", "run"], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert live_site.arrived["/articles/2.html"].wait(240), "the poller never reached the second article"
    finally:
        poller.kill()  # SIGKILL: no clean-up, the lease stays behind
        poller.wait(30)
    release.set()

    settings = load_settings(str(tmp_path / "live.db"), tmp_path)
    with Workbench.open(settings) as bench:
        assert [d.url for d in bench.documents.search().documents] == [live_site.url("/articles/1.html")]
        assert bench.store.unprocessed_captures()  # the feed's capture, its entries half followed

    restarted = watchfloor(tmp_path, "run", "--once")
    assert restarted.returncode == 0, restarted.stderr
    again = watchfloor(tmp_path, "run", "--once", "--all")
    assert again.returncode == 0, again.stderr

    with Workbench.open(settings) as bench:
        urls = sorted(d.url or "" for d in bench.documents.search().documents)
        assert urls == [live_site.url(f"/articles/{n}.html") for n in (1, 2, 3)]
        alerts = bench.watch.alerts()
        assert len(alerts) == len({a.subject for a in alerts}) == 2  # articles 1 and 2 name Alabuga
        assert {d.status for d in bench.delivery.deliveries()} == {"sent"}
        assert bench.store.unprocessed_captures() == []
        for document in bench.documents.search().documents:
            original = bench.documents.original(document.id)
            assert hashlib.sha256(original.body).hexdigest() == original.capture.sha256
            assert original.body == article_html(int(Path(document.url or "").stem)).encode()
    lines = (tmp_path / "alerts.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["subject"] for line in lines) == sorted(a.subject for a in alerts)
    assert len(live_site.asked("/articles/1.html")) == 1  # captured before the kill: never fetched again
    assert len(live_site.asked("/articles/3.html")) == 1
    feed_requests = live_site.asked("/feed.rss")
    assert len(feed_requests) == 3 and all("If-None-Match" in r.headers for r in feed_requests[1:])


def test_fetch_sources_show_original_and_deliveries_from_the_command_line(
    live_site: LiveSite, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "watchfloor.toml").write_text(CONFIG, encoding="utf-8")
    url = live_site.put("/articles/1.html", article_html(1))
    code, out, err = call(capsys, "fetch", url, "--publisher", "Kama Wire")
    assert code == 0, err
    assert "new" in out
    code, out, _ = call(capsys, "documents", "--format", "json")
    (document,) = json.loads(out)
    code, out, _ = call(capsys, "show", document["id"])
    assert code == 0 and "captured" in out and "sha-256" in out
    saved = tmp_path / "original.html"
    code, _, err = call(capsys, "show", document["id"], "--original", str(saved))
    assert code == 0 and saved.read_bytes() == article_html(1).encode() and "SHA-256" in err

    code, _, err = call(capsys, "fetch", "http://10.0.0.1/admin")
    assert code == 1 and "http://10.0.0.1/admin: " in err and "10.0.0.1 is private" in err
    code, _, err = call(capsys, "sources", "add", "http://127.0.0.1:9/feed", "--every", "5s")
    assert code == 1 and "at most every minute" in err
    code, out, err = call(capsys, "sources", "add", live_site.url("/feed.rss"), "--kind", "feed")
    assert code == 0 and "source 1" in out, err
    code, out, _ = call(capsys, "sources", "list", "--format", "json")
    assert [s["url"] for s in json.loads(out)] == [live_site.url("/feed.rss")]
    code, out, _ = call(capsys, "sources", "remove", "1")
    assert code == 0 and "removed source 1" in out
    code, _, err = call(capsys, "sources", "remove", "1")
    assert code == 1 and "no source 1" in err
    code, out, _ = call(capsys, "deliveries", "--format", "json")
    assert code == 0 and json.loads(out) == []
