"""Rendering pages: the template environment (everything escaped), document text with its spans marked,
search snippets, and links that can only go to http(s) pages.

Ingested text is hostile. Templates autoescape every value; marked text and snippets are built here
from escaped pieces and fixed markup only, so no document's characters can open a tag or an attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from watchfloor.web.session import Visitor

TEMPLATES = Path(__file__).parent / "templates"
#: Characters of context either side of a search hit in a snippet.
SNIPPET_CONTEXT = 110
#: Unicode controls that reorder or hide text (bidi overrides and isolates, zero-width characters).
_HIDDEN = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


@dataclass(frozen=True, slots=True)
class Mark:
    """A span of a document's text to mark: its class (``entity person``, ``time``, ``cue``…), an
    optional link and an optional note shown on hover and focus."""

    start: int
    end: int
    css: str
    href: str | None = None
    note: str | None = None


def visible(value: object) -> str:
    """A value with bidi overrides and zero-width characters shown as ``⟨U+202E⟩``, so a name cannot
    masquerade as another."""
    return _HIDDEN.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", "" if value is None else str(value))


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) address (never ``javascript:``, ``data:`` or a relative trick)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def marked_text(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as HTML with every mark a ``<span>`` (or ``<a>``) around its characters; overlapping
    marks are split at each other's edges so the markup always nests."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    ordered = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)), key=lambda m: (m.start, -m.end))
    pieces: list[str] = []
    for start, end in pairwise(cuts):
        active = [m for m in ordered if m.start <= start and end <= m.end]
        piece = str(escape(visible(text[start:end])))
        linked = False
        for mark in reversed(active):  # innermost first
            attrs = f' class="{escape(mark.css)}"'
            if mark.note:
                attrs += f' title="{escape(visible(mark.note))}" tabindex="0"'
            if mark.href and not linked:
                piece = f'<a href="{escape(mark.href)}"{attrs}>{piece}</a>'
                linked = True
            else:
                piece = f"<span{attrs}>{piece}</span>"
        pieces.append(piece)
    return Markup("".join(pieces))


def snippet(text: str, words: Iterable[str]) -> Markup:
    """A stretch of the text around the first of ``words`` found, each occurrence marked."""
    wanted = sorted({w for w in words if len(w) > 1}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in wanted), re.IGNORECASE) if wanted else None
    found = pattern.search(text) if pattern else None
    start = max(0, found.start() - SNIPPET_CONTEXT) if found else 0
    end = min(len(text), (found.end() if found else 0) + SNIPPET_CONTEXT * 2)
    window = text[start:end]
    pieces: list[str] = ["…" if start else ""]
    at = 0
    for hit in pattern.finditer(window) if pattern else ():
        pieces += [str(escape(visible(window[at:hit.start()]))),
                   f"<mark>{escape(visible(hit.group()))}</mark>"]
        at = hit.end()
    pieces += [str(escape(visible(window[at:]))), "…" if end < len(text) else ""]
    return Markup("".join(pieces))


def query_words(search: str | None) -> list[str]:
    """The words of a search to highlight (not excluded ones)."""
    return [w.strip('"') for w in (search or "").split() if w and not w.startswith("-")]


def _day(value: date | datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "—"


def _url_path(value: object) -> str:
    return quote(str(value), safe="")


environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(default=True),
                          trim_blocks=True, lstrip_blocks=True)
environment.filters.update(day=_day, visible=visible, path=_url_path, safe_url=safe_url)


def page(request: Request, who: Visitor | None, template: str, status_code: int = 200,
         **context: Any) -> HTMLResponse:
    """A page of the workbench, with who is signed in and what their role allows."""
    html = environment.get_template(template).render(
        request=request, who=who, path=request.url.path,
        analyst=bool(who and who.may("analyst")), admin=bool(who and who.may("admin")), **context)
    return HTMLResponse(html, status_code=status_code)


def original_response(archived: Any) -> Response:
    """A fetched document's archived body (``ArchivedOriginal``) as a download that no browser renders,
    sniffs or runs: an attachment of an opaque type, ``nosniff``, and a sandbox with nothing allowed."""
    return Response(archived.body, media_type="application/octet-stream", headers={
        "Content-Disposition": f'attachment; filename="capture-{archived.capture.id}"',
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "sandbox; default-src 'none'",
        "X-Watchfloor-Original-Content-Type": archived.capture.content_type or "",
        "X-Watchfloor-SHA256": archived.capture.sha256,
    })
