"""Fetching a URL the safe way: every hop through the guard, connected to the checked address, within a
size cap and a deadline, of a content type a reader takes, and allowed by the site's robots.txt.

:func:`fetch` follows redirects itself — each ``Location`` is checked like the first URL before any
connection — and connects to the address the guard approved (the ``Host`` header and TLS server name
stay the URL's), so a DNS answer cannot change between check and connect. A body over the cap is cut
off and refused, never stored; a body that trickles past the deadline is refused too.
"""

from __future__ import annotations

import hashlib
import time
import urllib.robotparser
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

import httpx

from watchfloor import __version__
from watchfloor.errors import InputError
from watchfloor.ingest.guard import FetchRefused, Resolver, Target, check_url, system_resolver

USER_AGENT = f"watchfloor/{__version__} (OSINT workbench; +https://github.com/watchfloor)"
#: Content types a reader takes, and the file suffix that picks the reader.
CONTENT_TYPES = {
    "text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt", "text/markdown": ".md",
    "application/pdf": ".pdf", "application/rss+xml": ".rss", "application/atom+xml": ".atom",
    "application/xml": ".xml", "text/xml": ".xml", "application/x-ndjson": ".jsonl",
}
ROBOTS_BYTES = 512 * 1024
#: A site's robots.txt as read: everything allowed (True), nothing (False), or its rules.
RobotsRules = bool | urllib.robotparser.RobotFileParser


@dataclass(frozen=True, slots=True)
class FetchLimits:
    max_bytes: int = 20 * 1024 * 1024
    seconds: float = 30.0  # for the whole response, body included
    connect_seconds: float = 10.0
    max_redirects: int = 5
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Fetched:
    """A response as fetched: where it finally came from, its status, headers and body, when, its hash."""

    url: str
    final_url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    sha256: str
    address: str
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        value = next((v for k, v in self.headers if k.lower() == "content-type"), "")
        return value.split(";", 1)[0].strip().lower()

    @property
    def suffix(self) -> str:
        """The file suffix whose reader takes this body (``.html``, ``.pdf``, ``.rss``…)."""
        return CONTENT_TYPES.get(self.content_type, "")


def _pinned(client: httpx.Client, method: str, target: Target, headers: dict[str, str],
            body: bytes | None = None) -> httpx.Request:
    """A request to the checked address, naming the URL's host in ``Host`` and, over TLS, as server name."""
    url = httpx.URL(target.url)
    default = 443 if target.scheme == "https" else 80
    host_header = target.host if target.port == default else f"{target.host}:{target.port}"
    request = client.build_request(method, url.copy_with(host=target.address), content=body,
                                   headers={**headers, "Host": host_header})
    if target.scheme == "https":
        request.extensions["sni_hostname"] = target.host
    return request


def _body(response: httpx.Response, url: str, limits: FetchLimits, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise InputError(url, f"the response says {declared} bytes, over the {limits.max_bytes} byte cap: "
                         "not fetched")
    chunks: list[bytes] = []
    total = 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > limits.max_bytes:
            raise InputError(url, f"the body passed the {limits.max_bytes} byte cap: cut off, nothing stored")
        if time.monotonic() > deadline:
            raise InputError(url, f"the body took longer than {limits.seconds:g} s: cut off, nothing stored")
        chunks.append(chunk)
    return b"".join(chunks)


def _request(method: str, url: str, *, allow: Iterable[str], limits: FetchLimits | None,
             resolve: Resolver, headers: dict[str, str] | None, body: bytes | None, follow: bool,
             transport: httpx.BaseTransport | None) -> Fetched:
    """One guarded request (redirects followed, each hop checked first, when ``follow``)."""
    limits = limits or FetchLimits()
    allowed = list(allow)
    sent = {"User-Agent": limits.user_agent, "Accept-Encoding": "identity", **(headers or {})}
    deadline = time.monotonic() + limits.seconds
    timeout = httpx.Timeout(limits.seconds, connect=limits.connect_seconds)
    redirects: list[str] = []
    current = url
    with httpx.Client(timeout=timeout, follow_redirects=False, transport=transport,
                      trust_env=False) as client:
        for _ in range(limits.max_redirects + 1):
            target = check_url(current, allowed, resolve)
            try:
                response = client.send(_pinned(client, method, target, sent, body), stream=True)
                try:
                    location = response.headers.get("location")
                    if follow and response.is_redirect and location:
                        redirects.append(current)
                        current = urljoin(current, location)
                        continue
                    content = _body(response, current, limits, deadline)
                finally:
                    response.close()
                return Fetched(url, current, response.status_code, response.reason_phrase,
                               list(response.headers.multi_items()), content, datetime.now(UTC),
                               hashlib.sha256(content).hexdigest(), target.address, redirects)
            except httpx.TimeoutException:
                raise InputError(current, f"no answer within {limits.seconds:g} s") from None
            except httpx.HTTPError as exc:
                raise InputError(current, f"cannot fetch: {exc}") from None
    raise InputError(url, f"more than {limits.max_redirects} redirects")


def get(url: str, *, allow: Iterable[str] = (), limits: FetchLimits | None = None,
        resolve: Resolver = system_resolver, headers: dict[str, str] | None = None,
        transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET ``url`` with every hop guarded (FetchRefused) and the limits kept (InputError)."""
    return _request("GET", url, allow=allow, limits=limits, resolve=resolve, headers=headers, body=None,
                    follow=True, transport=transport)


def post(url: str, body: bytes, *, allow: Iterable[str] = (), limits: FetchLimits | None = None,
         resolve: Resolver = system_resolver, headers: dict[str, str] | None = None,
         transport: httpx.BaseTransport | None = None) -> Fetched:
    """POST ``body`` to ``url``, guarded and within the limits like :func:`get`; a redirect is answered,
    never followed (a webhook that moved is a failed delivery)."""
    return _request("POST", url, allow=allow, limits=limits, resolve=resolve, headers=headers, body=body,
                    follow=False, transport=transport)


def robots_rules(url: str, *, allow: Iterable[str] = (), limits: FetchLimits | None = None,
                 resolve: Resolver = system_resolver, transport: httpx.BaseTransport | None = None
                 ) -> RobotsRules:
    """The rules of the robots.txt of ``url``'s site (RFC 9309): True (everything allowed) when the file
    is missing, False (nothing) on a server error or when it cannot be fetched, else the parsed file."""
    limits = limits or FetchLimits()
    parts = urlsplit(url)
    robots = f"{parts.scheme}://{parts.netloc}/robots.txt"
    small = FetchLimits(ROBOTS_BYTES, limits.seconds, limits.connect_seconds, limits.max_redirects,
                        limits.user_agent)
    try:
        answer = get(robots, allow=allow, limits=small, resolve=resolve, transport=transport)
    except (InputError, FetchRefused):
        return False
    if 400 <= answer.status < 500:
        return True
    if answer.status >= 300:
        return False
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(answer.body.decode("utf-8", "replace").splitlines())
    return parser


def robots_permit(rules: RobotsRules, url: str, limits: FetchLimits | None = None) -> bool:
    """Whether ``rules`` let our user agent fetch ``url``."""
    if isinstance(rules, bool):
        return rules
    return rules.can_fetch((limits or FetchLimits()).user_agent.split("/", 1)[0], url)


def robots_allow(url: str, *, allow: Iterable[str] = (), limits: FetchLimits | None = None,
                 resolve: Resolver = system_resolver, transport: httpx.BaseTransport | None = None) -> bool:
    """Whether the site's robots.txt lets our user agent fetch ``url``."""
    rules = robots_rules(url, allow=allow, limits=limits, resolve=resolve, transport=transport)
    return robots_permit(rules, url, limits)


def fetch(url: str, *, allow: Iterable[str] = (), limits: FetchLimits | None = None,
          resolve: Resolver = system_resolver, respect_robots: bool = True,
          headers: dict[str, str] | None = None, transport: httpx.BaseTransport | None = None) -> Fetched:
    """A page or feed to ingest: guarded, within limits, allowed by robots.txt (unless the user has the
    right to ignore it), and of a content type a reader takes."""
    allowed = list(allow)
    if respect_robots and not robots_allow(url, allow=allowed, limits=limits, resolve=resolve,
                                           transport=transport):
        raise InputError(url, "the site's robots.txt does not allow fetching it (--ignore-robots if you "
                         "have the right to)")
    fetched = get(url, allow=allowed, limits=limits, resolve=resolve, headers=headers, transport=transport)
    if fetched.status == 304:
        return fetched
    if fetched.status >= 400:
        raise InputError(url, f"the server answered {fetched.status} {fetched.reason}")
    if not fetched.suffix:
        raise InputError(url, f"content type {fetched.content_type or '(none)'} is not one watchfloor reads")
    return fetched
