"""PDF files through pypdf: the text of every page and the document information (title, author, date)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from pypdf import PdfReader as PypdfReader
from pypdf.errors import PyPdfError

from watchfloor.errors import InputError
from watchfloor.ingest.reader import Reader
from watchfloor.model import Document

#: PDFs with more pages than this are refused.
MAX_PAGES = 2000
#: Longest reason quoted from pypdf in an error line.
MAX_REASON_CHARS = 120


def _short(exc: BaseException) -> str:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return reason if len(reason) <= MAX_REASON_CHARS else reason[: MAX_REASON_CHARS - 1] + "…"


def _info(reader: PypdfReader) -> tuple[str | None, str | None, datetime | None]:
    """(title, author, creation date) from the document information; broken entries are ignored."""
    try:
        info = reader.metadata
        if info is None:
            return None, None, None
        title = str(info.title).strip() if info.title else None
        author = str(info.author).strip() if info.author else None
    except (PyPdfError, ValueError, TypeError, KeyError):
        return None, None, None
    try:
        created = info.creation_date
    except (PyPdfError, ValueError, TypeError, KeyError):
        created = None
    return title or None, author or None, created


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
        title, author, created = _info(reader)
        yield Document(
            text=text, title=title, author=author, published_at=created, source_path=str(path)
        )
