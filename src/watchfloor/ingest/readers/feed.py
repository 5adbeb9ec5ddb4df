"""RSS and Atom feed files through feedparser: one document per entry (the file's bytes only, no fetching)."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

import feedparser
import trafilatura

from watchfloor.errors import InputError
from watchfloor.ingest.reader import Reader
from watchfloor.ingest.readers.decoding import SNIFF_BYTES
from watchfloor.ingest.readers.values import lang_value
from watchfloor.model import Document

#: Feeds with more entries than this are refused.
MAX_ENTRIES = 10_000
_FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf")


def html_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment (entry content or summary); plain text passes through."""
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    return trafilatura.html2txt(f"<html><body>{fragment}</body></html>").strip()


def _reason(exc: object) -> str:
    """The parser's complaint, e.g. ``unclosed token`` (feedparser may shift line numbers, so none)."""
    if isinstance(exc, SAXParseException):
        return exc.getMessage()
    return " ".join(str(exc or "").split()) or "malformed XML"


def _moment(entry: Any) -> datetime | None:
    parsed: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return datetime(*parsed[:6], tzinfo=UTC) if parsed else None


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    body = next((c.get("value", "") for c in contents if c.get("value")), "") or entry.get("summary", "")
    return html_to_text(body)


class FeedReader(Reader):
    """``.rss``/``.atom`` files, and ``.xml`` files whose root is ``<rss>``, ``<feed>`` or ``<rdf:RDF>``."""

    name = "feed"
    suffixes = (".rss", ".atom")

    def accepts(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() == ".xml":
            sample = head[:SNIFF_BYTES].lower()
            return any(root in sample for root in _FEED_ROOTS)
        return super().accepts(path, head)

    def read(self, path: Path) -> Iterator[Document | InputError]:
        # A stream, never a string: feedparser fetches strings that look like URLs.
        parsed = feedparser.parse(io.BytesIO(path.read_bytes()), resolve_relative_uris=False)
        entries = parsed.get("entries") or []
        if not entries:
            if parsed.get("bozo"):
                raise InputError(path, f"not a readable feed: {_reason(parsed.get('bozo_exception'))}")
            raise InputError(path, "feed has no entries")
        if len(entries) > MAX_ENTRIES:
            raise InputError(path, f"feed has {len(entries)} entries (limit {MAX_ENTRIES})")
        feed = parsed.get("feed", {})
        publisher = html_to_text(feed.get("title", "")) or None
        try:
            lang = lang_value(feed.get("language"))
        except ValueError:
            lang = None
        for number, entry in enumerate(entries, start=1):
            where = f"{path}#{number}"
            text = _entry_text(entry)
            if not text:
                yield InputError(where, "feed entry has no text")
                continue
            yield Document(
                text=text,
                title=html_to_text(entry.get("title", "")) or None,
                url=entry.get("link") or None,
                publisher=publisher,
                author=entry.get("author") or None,
                published_at=_moment(entry),
                lang=lang,
                source_path=where,
                metadata={"feed_entry": number, **({"guid": entry["id"]} if entry.get("id") else {})},
            )
