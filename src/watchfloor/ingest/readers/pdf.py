"""PDF files through pypdf: the text of every page and the document information (title, author, date)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from pypdf import PdfReader as PypdfReader
from pypdf.errors import PyPdfError

from watchfloor.errors import InputError
from watchfloor.ingest.reader import Reader
from watchfloor.ingest.readers.values import lang_value
from watchfloor.model import Document, DocumentKind

_Value = TypeVar("_Value")
#: PDFs with more pages than this are refused.
MAX_PAGES = 2000
#: Longest reason quoted from pypdf in an error line.
MAX_REASON_CHARS = 120


def _short(exc: BaseException) -> str:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return reason if len(reason) <= MAX_REASON_CHARS else reason[: MAX_REASON_CHARS - 1] + "…"


@dataclass(frozen=True, slots=True)
class _Info:
    title: str | None = None
    author: str | None = None
    created: datetime | None = None
    keywords: dict[str, str] = field(default_factory=dict)


def keyword_fields(keywords: str) -> dict[str, str]:
    """``key=value`` pairs of a Keywords entry ("kind=report; lang=en; publisher=Northbridge")."""
    pairs = (part.split("=", 1) for part in keywords.split(";") if "=" in part)
    return {key.strip().lower(): value.strip() for key, value in pairs if key.strip() and value.strip()}


def _info(reader: PypdfReader) -> _Info:
    """Title, author, creation date and keyword fields of the document information; broken entries
    are ignored."""
    try:
        info = reader.metadata
        if info is None:
            return _Info()
        title = str(info.title).strip() if info.title else None
        author = str(info.author).strip() if info.author else None
        keywords = keyword_fields(str(info.get("/Keywords") or ""))
    except (PyPdfError, ValueError, TypeError, KeyError):
        return _Info()
    try:
        created = info.creation_date
    except (PyPdfError, ValueError, TypeError, KeyError):
        created = None
    return _Info(title or None, author or None, created, keywords)


class PdfReader(Reader):
    """``.pdf``: all pages' text; encrypted or corrupt files are refused with pypdf's reason."""

    name = "pdf"
    suffixes = (".pdf",)

    def read(self, path: Path) -> Iterator[Document | InputError]:
        logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about sloppy files are noise here
        try:
            reader = PypdfReader(path)
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError(path, "encrypted PDF (needs a password)")
            count = len(reader.pages)
            if count > MAX_PAGES:
                raise InputError(path, f"PDF has {count} pages (limit {MAX_PAGES})")
            pages = [(page.extract_text() or "").strip() for page in reader.pages]
        except InputError:
            raise
        except Exception as exc:  # pypdf raises many types on hostile files; all mean "unreadable"
            raise InputError(path, f"corrupt or unreadable PDF: {_short(exc)}") from None
        text = "\n\n".join(page for page in pages if page)
        if not text:
            raise InputError(path, "PDF has no extractable text (scanned images need OCR first)")
        info = _info(reader)
        yield Document(
            text=text,
            title=info.title,
            author=info.author,
            published_at=info.created,
            source_path=str(path),
            publisher=info.keywords.get("publisher"),
            kind=_lenient(DocumentKind.parse, info.keywords.get("kind")) or DocumentKind.ARTICLE,
            lang=_lenient(lang_value, info.keywords.get("lang")),
        )


def _lenient(parse: Callable[[str], _Value], value: str | None) -> _Value | None:
    """A keyword field's value, or None when it is missing or not valid (a PDF's keywords are
    free text)."""
    if value is None:
        return None
    try:
        return parse(value)
    except ValueError:
        return None
