"""The links a live source points to: a feed's entry pages, a sitemap's URLs (or, for a sitemap index,
its sitemaps). Read from the fetched bytes only — nothing here fetches, resolves entities or reads DTDs.
"""

from __future__ import annotations

import io
from urllib.parse import urljoin, urlsplit

import feedparser
from lxml import etree

from watchfloor.errors import InputError

#: Links taken from one feed or sitemap at most (the rest wait for the next poll).
MAX_LINKS = 500


def _http_links(base: str, links: list[str]) -> list[str]:
    """Absolute http(s) links, in order, without repeats or fragments, at most :data:`MAX_LINKS`."""
    found: dict[str, None] = {}
    for link in links:
        absolute = urljoin(base, link.strip()).split("#", 1)[0]
        if urlsplit(absolute).scheme in {"http", "https"}:
            found.setdefault(absolute)
        if len(found) >= MAX_LINKS:
            break
    return list(found)


def feed_links(base: str, body: bytes) -> list[str]:
    """The page each entry of an RSS or Atom feed links to."""
    parsed = feedparser.parse(io.BytesIO(body), resolve_relative_uris=False)
    if not parsed.get("entries") and parsed.get("bozo"):
        raise InputError(base, "not a readable feed")
    return _http_links(base, [entry.get("link", "") for entry in parsed.get("entries", [])])


def sitemap_links(base: str, body: bytes) -> tuple[list[str], bool]:
    """The URLs a sitemap lists, and whether it is a sitemap index (whose URLs are sitemaps)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(base, f"not a readable sitemap: {exc}") from None
    if root is None or etree.QName(root).localname not in {"urlset", "sitemapindex"}:
        raise InputError(base, "not a sitemap (its root is neither <urlset> nor <sitemapindex>)")
    locations = [element.text or "" for element in root.iter("{*}loc")]
    return _http_links(base, locations), etree.QName(root).localname == "sitemapindex"
