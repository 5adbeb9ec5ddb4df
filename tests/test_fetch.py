"""Fetching from a server of ours on 127.0.0.1 (allow-listed for the test): pages and feeds, redirects
re-checked at every hop (to 169.254.169.254 and 10.0.0.1: refused by the guard, nothing sent), the size
cap, the deadline, robots.txt, content types."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from warcio.archiveiterator import ArchiveIterator

from watchfloor.errors import InputError
from watchfloor.ingest.archive import SHA256_HEADER, WarcArchive, read_capture
from watchfloor.ingest.fetch import FetchLimits, fetch, get
from watchfloor.ingest.guard import FetchRefused

ALLOW = ["127.0.0.1"]
PAGE = b"<html><head><title>Plant</title></head><body><p>The Alabuga plant grew in 2023.</p></body></html>"
FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title></channel></rss>"


class Site(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", kind: str = "text/html", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        routes = {
            "/page.html": lambda: self._send(200, PAGE, "text/html; charset=utf-8"),
            "/feed.rss": lambda: self._send(200, FEED, "application/rss+xml"),
            "/robots.txt": lambda: self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
            "/private/page.html": lambda: self._send(200, PAGE),
            "/to-page": lambda: self._send(302, Location="/page.html"),
            "/to-metadata": lambda: self._send(302, Location="http://169.254.169.254/latest/meta-data/"),
            "/to-ten": lambda: self._send(301, Location="http://10.0.0.1/admin"),
            "/loop": lambda: self._send(302, Location="/loop"),
            "/image.png": lambda: self._send(200, b"\x89PNG....", "image/png"),
            "/gone": lambda: self._send(404, b"no", "text/plain"),
            "/declared-big": lambda: self._declared_big(),
            "/big": lambda: self._big(),
            "/slow": lambda: self._slow(),
        }
        routes.get(self.path, lambda: self._send(404, b"", "text/plain"))()

    def _declared_big(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(50 * 1024 * 1024))
        self.end_headers()

    def _big(self) -> None:  # 50 MB without a length: the client must cut it off
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(50):
                self.wfile.write(b"x" * 1024 * 1024)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _slow(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b"a")
                self.wfile.flush()
                time.sleep(0.1)
        except (BrokenPipeError, ConnectionResetError):
            pass


class Recording(httpx.HTTPTransport):
    """The real transport, keeping every request it sends."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(str(request.url))
        return super().handle_request(request)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_page_and_a_feed_are_fetched_with_their_hash(site: str) -> None:
    page = fetch(f"{site}/page.html", allow=ALLOW)
    assert (page.status, page.body, page.suffix, page.address) == (200, PAGE, ".html", "127.0.0.1")
    assert page.sha256 == hashlib.sha256(PAGE).hexdigest()
    assert fetch(f"{site}/feed.rss", allow=ALLOW).suffix == ".rss"


def test_a_redirect_is_followed_only_after_its_target_is_checked(site: str) -> None:
    moved = fetch(f"{site}/to-page", allow=ALLOW)
    assert moved.final_url == f"{site}/page.html" and moved.redirects == [f"{site}/to-page"]
    for path, why in (("/to-metadata", "169.254.169.254 is link-local"), ("/to-ten", "10.0.0.1 is private")):
        recording = Recording()
        with pytest.raises(FetchRefused, match=why):
            get(f"{site}{path}", allow=ALLOW, transport=recording)
        assert recording.sent == [f"{site}{path}"]  # the refused hop was never sent
    with pytest.raises(InputError, match="more than 5 redirects"):
        get(f"{site}/loop", allow=ALLOW)


def test_without_the_allow_list_the_test_server_itself_is_refused(site: str) -> None:
    recording = Recording()
    with pytest.raises(FetchRefused, match="loopback"):
        get(f"{site}/page.html", transport=recording)
    assert recording.sent == []


def test_a_body_over_the_cap_is_cut_off_and_a_slow_one_times_out(site: str) -> None:
    small = FetchLimits(max_bytes=1024 * 1024, seconds=5)
    with pytest.raises(InputError, match="passed the 1048576 byte cap: cut off"):
        get(f"{site}/big", allow=ALLOW, limits=small)
    with pytest.raises(InputError, match="says 52428800 bytes, over the 1048576 byte cap"):
        get(f"{site}/declared-big", allow=ALLOW, limits=small)
    with pytest.raises(InputError, match=r"took longer than 1 s|no answer within 1 s"):
        get(f"{site}/slow", allow=ALLOW, limits=FetchLimits(seconds=1))


def test_robots_txt_content_types_and_errors(site: str) -> None:
    with pytest.raises(InputError, match=r"robots\.txt does not allow"):
        fetch(f"{site}/private/page.html", allow=ALLOW)
    assert fetch(f"{site}/private/page.html", allow=ALLOW, respect_robots=False).body == PAGE
    with pytest.raises(InputError, match="content type image/png is not one watchfloor reads"):
        fetch(f"{site}/image.png", allow=ALLOW)
    with pytest.raises(InputError, match="answered 404"):
        fetch(f"{site}/gone", allow=ALLOW)


def test_each_fetch_is_kept_as_warc_records_that_read_back_with_their_hash(site: str, tmp_path: Path) -> None:
    archive = WarcArchive(tmp_path / "warc")
    page, feed = fetch(f"{site}/page.html", allow=ALLOW), fetch(f"{site}/feed.rss", allow=ALLOW)
    captures = [archive.keep(page), archive.keep(feed)]
    assert captures[0].path == captures[1].path and captures[1].offset > captures[0].offset
    assert read_capture(captures[0]) == ("200 OK", PAGE) and read_capture(captures[1])[1] == FEED
    with open(captures[0].path, "rb") as warc:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                    r.rec_headers.get_header(SHA256_HEADER)) for r in ArchiveIterator(warc)]
    assert records == [("response", f"{site}/page.html", page.sha256), ("request", f"{site}/page.html", None),
                       ("response", f"{site}/feed.rss", feed.sha256), ("request", f"{site}/feed.rss", None)]
    with pytest.raises(InputError, match="does not match its hash"):
        read_capture(replace(captures[0], sha256="0" * 64))
