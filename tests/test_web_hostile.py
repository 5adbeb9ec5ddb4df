"""Hostile text in the workbench: documents of ours carrying 34 payloads (script tags, event handlers,
javascript: and data: URLs, SVG and MathML vectors, broken-out attributes and textareas, template
syntax, bidi and zero-width tricks) are ingested, and every page that shows them is visited in
Chromium: no dialog, no script of theirs runs, no request leaves 127.0.0.1, no markup of theirs
reaches the page (the Content-Security-Policy never has to refuse anything)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import ConsoleMessage, Dialog, Request, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, need_chromium, served
from watchfloor.config import Settings
from watchfloor.service.ingest import IngestOptions
from watchfloor.service.workbench import Workbench
from watchfloor.store.base import ClaimFilter

#: Each sets window.__pwned (or calls out to evil.example) if it ever runs or loads.
PAYLOADS = [
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=2">',
    "<svg onload=window.__pwned=3>",
    "<svg><script>window.__pwned=4</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=5>",
    '"><script>window.__pwned=6</script>',
    "'><img src=x onerror=window.__pwned=7>",
    "</textarea><script>window.__pwned=8</script>",
    "</title><script>window.__pwned=9</script>",
    "javascript:window.__pwned=10",
    "data:text/html,<script>window.__pwned=11</script>",
    '<a href="javascript:window.__pwned=12">click me</a>',
    '<iframe src="javascript:window.__pwned=13"></iframe>',
    "<body onload=window.__pwned=14>",
    "<details open ontoggle=window.__pwned=15>",
    "<input autofocus onfocus=window.__pwned=16>",
    "<video><source onerror=window.__pwned=17></video>",
    '<object data="data:text/html,<script>window.__pwned=18</script>"></object>',
    "<link rel=stylesheet href=http://evil.example/x.css>",
    '<img src="http://evil.example/track.png">',
    "<style>@import 'http://evil.example/a.css';</style>",
    '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
    '<base href="http://evil.example/">',
    "{{ 7*7 }} {% for x in range(3) %}{{ x }}{% endfor %}",
    "${window.__pwned=25}",
    "Ivan\u202eovich Petrov",
    "Nasser Ka\u200bnaani",
    "<form action=http://evil.example/><button>go</button></form>",
    '<noscript><p title="</noscript><img src=x onerror=window.__pwned=29>">',
    "<xss id=x tabindex=1 onfocus=window.__pwned=30></xss>",
    "`\"'><svg/onload=window.__pwned=31>",
    '<!--<img src="--><img src=x onerror=window.__pwned=32//">',
    "&lt;script&gt;window.__pwned=33&lt;/script&gt;",
    "\u2066<script>window.__pwned=34</script>\u2069",
]
URLS = ["javascript:window.__pwned=90", "data:text/html,<script>window.__pwned=91</script>",
        "http://evil.example/\"><script>window.__pwned=92</script>"]


def _document(number: int, payload: str) -> str:
    url = URLS[number % len(URLS)]
    front = {"title": f"Report {number} {payload}", "publisher": f"Outlet {payload}", "author": payload,
             "url": url, "published": f"2024-03-{number % 28 + 1:02d}", "lang": "en"}
    header = "\n".join(f"{key}: {json.dumps(value)}" for key, value in front.items())
    return (f"---\n{header}\n---\n"
            f"Viktor Sokolov {payload}, a spokesman for the Kazan Drone Works {payload}, said on 2 March "
            f"2024 that the plant near Yelabuga had not received parts from Iran {payload}.\n"
            f"The ministry denied that {payload} had visited the Alabuga zone, according to Reuters.\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Workbench]]:
    need_chromium()
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    settings = Settings(db_url=f"sqlite:///{db}")
    with Workbench.open(settings) as bench:
        for number, payload in enumerate(PAYLOADS, start=1):
            report = bench.ingest.upload(f"hostile-{number}.md", _document(number, payload).encode(),
                                         IngestOptions())
            assert report.outcomes and not report.failures, (number, report.outcomes)
        _, token = bench.accounts.add("ana", "analyst")
        with served(db) as base:
            yield base, token, bench


def _pages(bench: Workbench) -> list[str]:
    documents = bench.documents.search()
    entities = bench.entities.top(limit=60)
    clusters = bench.claims.clusters(limit=20)
    return ["/", "/search?q=spokesman", "/search?q=" + "%3Cscript%3E", "/review", "/review?kind=mention",
            "/review?kind=merge", "/alerts", "/clusters", "/timeline", "/graph", "/graph?entity=Sokolov",
            "/upload", *(f"/documents/{d.id}" for d in documents.documents),
            *(f"/entities/{e.id}" for e in entities), *(f"/clusters/{c.id}" for c in clusters),
            "/briefs/Yelabuga", "/search?kind=article&" + "publisher=Outlet%20%3Cscript%3E"]


def test_no_payload_runs_loads_or_breaks_out(hostile: tuple[str, str, Workbench]) -> None:
    base, token, bench = hostile
    assert len(PAYLOADS) >= 30
    assert bench.claims.find(ClaimFilter(limit=500)), "the hostile documents carry claims"
    dialogs: list[str] = []
    outside: list[str] = []
    refused: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(base_url=base)

        def on_dialog(dialog: Dialog) -> None:
            dialogs.append(f"{page.url}: {dialog.message}")
            dialog.dismiss()

        def on_request(request: Request) -> None:
            if not request.url.startswith((base, "data:", "about:")):
                outside.append(f"{page.url} → {request.url}")

        def on_console(message: ConsoleMessage) -> None:
            if "Content Security Policy" in message.text or "Refused to" in message.text:
                refused.append(f"{page.url}: {message.text}")

        page.on("dialog", on_dialog)
        page.on("request", on_request)
        page.on("console", on_console)
        page.route(re.compile(r"^(?!http://127\.0\.0\.1).*"), lambda route: route.abort())
        page.goto("/signin")
        page.get_by_label("API token").fill(token)
        page.get_by_role("button", name="Sign in").click()
        pwned: dict[str, object] = {}
        visited = _pages(bench)
        for path in visited:
            response = page.goto(path)
            assert response is not None and response.status < 500, (path, response and response.status)
            page.wait_for_load_state("networkidle")
            value = page.evaluate("() => window.__pwned")
            if value is not None:
                pwned[path] = value
            for link in page.locator("a[href]").all():
                href = (link.get_attribute("href") or "").strip().lower()
                assert not href.startswith(("javascript:", "data:", "vbscript:")), (path, href)
                if link.get_attribute("target") == "_blank":
                    assert "noopener" in (link.get_attribute("rel") or ""), (path, href)
        scripted = next(d for d in bench.documents.search().documents if PAYLOADS[0] in d.text)
        page.goto(f"/documents/{scripted.id}")
        shown = page.locator("article.text").inner_text()
        hidden = next(d for d in bench.documents.search().documents if PAYLOADS[26] in d.text)
        page.goto(f"/documents/{hidden.id}")
        unmasked = page.locator("article.text").inner_text()
        browser.close()
    assert len(visited) > 60
    assert not pwned, pwned
    assert not dialogs, dialogs
    assert not outside, outside
    assert not refused, refused
    assert PAYLOADS[0] in shown  # the payloads are shown as text, not run
    assert "Ka⟨U+200B⟩naani" in unmasked  # a zero-width character is shown, not hidden
