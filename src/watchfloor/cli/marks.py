"""A document's text with what the machine found marked, readable in colour and without.

Entities are bracketed ``[…]``, time expressions braced ``{…}`` and attribution cues angled ``‹…›``;
on a terminal each also has a colour, claim sources and contents a style. Marks are inserted
characters, so a saved or piped view still shows them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rich.text import Text

from watchfloor.cli.output import safe_text

#: Characters of a document ``show`` prints; longer texts are cut with a note.
MAX_SHOW_CHARS = 100_000

STYLE_ENTITY = "bold cyan"
STYLE_TIME = "bold yellow"
STYLE_CUE = "bold magenta"
STYLE_SOURCE = "bold green"
STYLE_CONTENT = "underline"


@dataclass(frozen=True, slots=True)
class Mark:
    """How one kind of span looks: its brackets (empty: style only) and its style."""

    name: str
    opening: str
    closing: str
    style: str


ENTITY = Mark("entity", "[", "]", STYLE_ENTITY)
TIME = Mark("time", "{", "}", STYLE_TIME)
CUE = Mark("cue", "‹", "›", STYLE_CUE)
SOURCE = Mark("source", "", "", STYLE_SOURCE)
CONTENT = Mark("content", "", "", STYLE_CONTENT)
MARKS = (ENTITY, TIME, CUE, SOURCE, CONTENT)


def legend() -> Text:
    parts = [Text(f"{m.opening}{m.name}{m.closing}", m.style) for m in MARKS]
    return Text.assemble("legend: ", Text("  ").join(parts))


def marked(text: str, spans: list[tuple[int, int, Mark]]) -> Text:
    """``text`` (cut at MAX_SHOW_CHARS) with each ``(start, end, mark)`` bracketed and styled.

    Longer spans open first and close last, so nested marks stay balanced.
    """
    text = text[:MAX_SHOW_CHARS]
    limit = len(text)
    kept = [(max(0, s), min(e, limit), m) for s, e, m in spans if 0 <= s < e and s < limit]
    opening: dict[int, list[tuple[int, Mark]]] = defaultdict(list)
    closing: dict[int, list[tuple[int, Mark]]] = defaultdict(list)
    for start, end, mark in kept:
        opening[start].append((end - start, mark))
        closing[end].append((end - start, mark))
    cuts = sorted({0, limit, *opening, *closing})
    result = Text()
    for position, following in zip(cuts, [*cuts[1:], limit], strict=True):
        for _, mark in sorted(closing.get(position, []), key=lambda item: item[0]):
            result.append(mark.closing, mark.style)
        for _, mark in sorted(opening.get(position, []), key=lambda item: -item[0]):
            result.append(mark.opening, mark.style)
        if following > position:
            styles = [m.style for s, e, m in kept if s <= position and following <= e]
            piece = safe_text(text[position:following])
            for style in styles:
                piece.stylize(style)
            result.append_text(piece)
    return result
