"""HTML pages saved to disk, through trafilatura's main-text and metadata extraction (no fetching)."""

from __future__ import annotations

from collections.abc import Iterator
from configparser import ConfigParser
from datetime import date
from pathlib import Path

import trafilatura
from trafilatura.settings import Document as ExtractedPage
from trafilatura.settings import use_config

from watchfloor.errors import InputError
from watchfloor.ingest.reader import Reader
from watchfloor.ingest.readers.decoding import looks_binary
from watchfloor.ingest.readers.values import lang_value
from watchfloor.model import Document

#: Dates come from the page's markup and metadata only, not guessed from its running text.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: Pages with more elements than this are discarded by trafilatura (reported as no extractable text).
MAX_TREE_SIZE = 200_000


def _extraction_config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


EXTRACTION_CONFIG = _extraction_config()


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


class HtmlReader(Reader):
    """``.html``/``.htm``: main text, title, author, date, site name and canonical URL of a saved page."""

    name = "html"
    suffixes = (".html", ".htm", ".xhtml")

    def read(self, path: Path) -> Iterator[Document | InputError]:
        data = path.read_bytes()
        if looks_binary(data):
            raise InputError(path, "binary content, not HTML")
        try:
            result = trafilatura.bare_extraction(
                data,
                with_metadata=True,
                include_comments=False,
                date_extraction_params=DATE_PARAMS,
                config=EXTRACTION_CONFIG,
            )
        except (ValueError, TypeError, RecursionError) as exc:
            raise InputError(path, f"malformed HTML ({type(exc).__name__})") from None
        text = (result.text or "").strip() if isinstance(result, ExtractedPage) else ""
        if not isinstance(result, ExtractedPage) or not text:
            raise InputError(path, "malformed or empty HTML: no extractable text")
        try:
            lang = lang_value(result.language)
        except ValueError:
            lang = None
        yield Document(
            text=text,
            title=result.title or None,
            url=result.url or None,
            publisher=result.sitename or None,
            author=result.author or None,
            published_at=_date(result.date),
            lang=lang,
            source_path=str(path),
        )
