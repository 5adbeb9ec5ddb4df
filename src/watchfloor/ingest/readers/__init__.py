"""Built-in readers, one per input format, contributed through the ``register_readers`` hook."""

from __future__ import annotations

from watchfloor.hookspecs import hookimpl
from watchfloor.ingest.reader import Reader
from watchfloor.ingest.readers.feed import FeedReader
from watchfloor.ingest.readers.html import HtmlReader
from watchfloor.ingest.readers.jsonl import JsonlReader
from watchfloor.ingest.readers.pdf import PdfReader
from watchfloor.ingest.readers.text import TextReader

__all__ = ["FeedReader", "HtmlReader", "JsonlReader", "PdfReader", "TextReader", "register_readers"]


@hookimpl
def register_readers() -> list[type[Reader]]:
    return [TextReader, HtmlReader, PdfReader, FeedReader, JsonlReader]
