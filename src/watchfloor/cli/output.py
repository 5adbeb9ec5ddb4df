"""How the CLI presents results: tables for people; JSON, JSON Lines and CSV for machines.

Stored text is untrusted: it is only ever rendered as :class:`rich.text.Text` (never parsed as markup),
with terminal control characters replaced. Piped tables are not wrapped to 80 columns.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from watchfloor.service.values import plain

#: Width of tables written to a pipe or a file (a terminal's own width is used on a terminal).
PIPED_WIDTH = 10_000


def _console(stderr: bool = False) -> Console:
    stream = sys.stderr if stderr else sys.stdout
    piped = not stream.isatty() and "COLUMNS" not in os.environ
    return Console(stderr=stderr, width=PIPED_WIDTH if piped else None)


console = _console()
err_console = _console(stderr=True)


class Format(StrEnum):
    """Output of a listing: a table, a JSON array, one JSON object per line, or CSV with a header."""

    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"


class ObjectFormat(StrEnum):
    """Output of one object: tables and text, or JSON."""

    TABLE = "table"
    JSON = "json"


# Control characters (other than newline and tab) could drive the terminal: each becomes one
# replacement character, so span offsets still line up.
_CONTROL = {code: "\ufffd" for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)] if code not in (9, 10)}
_CONTROL[0x0D] = " "

#: Columns holding ids, which people copy: never wrapped or cut.
ID_COLUMNS = frozenset({"id", "document", "document ids"})


def safe_text(value: object, style: str = "") -> Text:
    """Untrusted value as rich Text: no markup parsing, no terminal control characters."""
    return Text("" if value is None else str(value).translate(_CONTROL), style=style)


def table(title: str | None, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> Table:
    result = Table(title=title, title_justify="left")
    for column in columns:
        is_id = column in ID_COLUMNS
        result.add_column(column, no_wrap=is_id, min_width=16 if is_id else None)
    for row in rows:
        result.add_row(*(safe_text(value) for value in row))
    return result


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(plain(value), ensure_ascii=False, indent=2) + "\n")


def emit(
    items: Sequence[Any],
    output: Format,
    *,
    title: str,
    columns: Sequence[str],
    row: Callable[[Any], Sequence[object]],
    record: Callable[[Any], Any] = plain,
) -> None:
    """Print a listing: ``row`` gives an item's table and CSV cells, ``record`` its JSON."""
    if output is Format.JSON:
        print_json([record(item) for item in items])
    elif output is Format.JSONL:
        for item in items:
            sys.stdout.write(json.dumps(plain(record(item)), ensure_ascii=False) + "\n")
    elif output is Format.CSV:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if cell is None else str(cell) for cell in row(item)] for item in items])
    else:
        console.print(table(title, columns, [row(item) for item in items]))


def day(value: datetime | date | None) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value.isoformat() if value else ""
