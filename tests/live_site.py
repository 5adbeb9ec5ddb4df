"""A web site of ours on 127.0.0.1 for live-source tests: pages a test can change, ETag and
Last-Modified honoured with 304, every request recorded, a path that can be held until the test lets it
answer, and POSTs (webhooks) recorded with their headers and answered with statuses the test queues."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ALLOW = ("127.0.0.1",)


@dataclass
class Page:
    body: bytes
    kind: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    status: int = 200
    location: str | None = None


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes = b""


@dataclass
class LiveSite:
    base: str = ""
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    held: dict[str, threading.Event] = field(default_factory=dict)  # path → released when set
    arrived: dict[str, threading.Event] = field(default_factory=dict)  # path → set when asked for
    post_statuses: list[int] = field(default_factory=list)  # answers to POSTs, in turn (then 200)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def put(self, path: str, body: bytes | str, kind: str = "text/html; charset=utf-8", *,
            etag: str | None = None, last_modified: str | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.pages[path] = Page(data, kind, etag, last_modified)
        return self.url(path)

    def redirect(self, path: str, location: str) -> str:
        self.pages[path] = Page(b"", "text/plain", status=302, location=location)
        return self.url(path)

    def hold(self, path: str) -> threading.Event:
        """Make ``path`` wait until the returned event is set; ``arrived[path]`` is set on its request."""
        self.arrived[path] = threading.Event()
        self.held[path] = threading.Event()
        return self.held[path]

    def asked(self, path: str, method: str = "GET") -> list[Request]:
        return [r for r in self.requests if r.path == path and r.method == method]


def _handler(site: LiveSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def _answer(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            site.requests.append(Request("GET", self.path, dict(self.headers.items())))
            if self.path in site.held:
                site.arrived[self.path].set()
                site.held[self.path].wait(60)
            page = site.pages.get(self.path)
            if page is None:
                self._answer(404, b"not here", {"Content-Type": "text/plain"})
                return
            validators = {"ETag": page.etag, "Last-Modified": page.last_modified}
            validators = {k: v for k, v in validators.items() if v}
            if (page.etag and self.headers.get("If-None-Match") == page.etag) or (
                    page.last_modified and self.headers.get("If-Modified-Since") == page.last_modified):
                self._answer(304, b"", validators)
                return
            moved = {"Location": page.location} if page.location else {}
            self._answer(page.status, page.body, {"Content-Type": page.kind, **validators, **moved})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = self.rfile.read(length)
            site.requests.append(Request("POST", self.path, dict(self.headers.items()), body))
            status = site.post_statuses.pop(0) if site.post_statuses else 200
            self._answer(status, b"{}", {"Content-Type": "application/json"})

    return Handler


@pytest.fixture
def live_site() -> Iterator[LiveSite]:
    site = LiveSite()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        for event in site.held.values():
            event.set()
        server.shutdown()
        server.server_close()
