"""Render a brief as Markdown or HTML (Jinja2). Stored text is untrusted and always escaped."""

from __future__ import annotations

import base64
import re
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from watchfloor.brief.build import Brief

FORMATS = ("md", "html")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~])")


def markdown_escape(value: object) -> str:
    """Untrusted text as inert Markdown: one line, every special character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(value or "").split()))


def safe_url(value: str | None) -> str | None:
    """Only plain http(s) URLs become links."""
    if value and urlsplit(value).scheme in {"http", "https"} and not any(c in value for c in "\"'<> "):
        return value
    return None


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("watchfloor.brief", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default=False),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["md"] = markdown_escape
    environment.filters["safe_url"] = safe_url
    return environment


def render(brief: Brief, output: str, plot_png: bytes | None, plot_file: str | None = None) -> str:
    """The brief in ``output`` format; HTML embeds the plot, Markdown links ``plot_file``."""
    if output not in FORMATS:
        raise ValueError(f"unknown brief format {output!r} (known: {', '.join(FORMATS)})")
    plot_uri = f"data:image/png;base64,{base64.b64encode(plot_png).decode()}" if plot_png else None
    template = _environment().get_template(f"brief.{output}.j2")
    return template.render(brief=brief, plot_uri=plot_uri, plot_file=plot_file if plot_png else None)
