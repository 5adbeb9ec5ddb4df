"""Bytes to text: byte-order marks, strict UTF-8, a clean Windows-1252 fallback, and refusing binary data."""

from __future__ import annotations

import re
from pathlib import Path

from watchfloor.errors import InputError

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: Bytes inspected when deciding whether content is binary.
SNIFF_BYTES = 8192
#: Share of control bytes (other than tab, newline, form feed, carriage return) above which data is binary.
MAX_CONTROL_SHARE = 0.10
#: Share of non-ASCII letters above which a Windows-1252 reading is taken for another encoding (e.g. KOI8-R).
MAX_CP1252_NON_ASCII_LETTERS = 0.30
_TEXT_CONTROLS = frozenset(b"\t\n\x0c\r")
_NEWLINES = re.compile(r"\r\n?")
UNDECODABLE = "cannot decode as UTF-8 or Windows-1252"


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` starts like binary content: a NUL byte, or many control bytes."""
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if (byte < 0x20 and byte not in _TEXT_CONTROLS) or byte == 0x7F)
    return bool(sample) and controls / len(sample) > MAX_CONTROL_SHARE


def _plausible_cp1252(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    non_ascii = sum(1 for ch in letters if not ch.isascii())
    return non_ascii / len(letters) <= MAX_CP1252_NON_ASCII_LETTERS


def decode_text(data: bytes, path: str | Path) -> str:
    """Decode a text file: UTF-16 with a BOM, else UTF-8 (BOM stripped), else Windows-1252 if it fits.

    Newlines are normalised to ``\\n``. Raises InputError for binary or undecodable content.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return _NEWLINES.sub("\n", data.decode("utf-16"))
        except UnicodeDecodeError:
            raise InputError(path, "invalid UTF-16 text") from None
    data = data.removeprefix(UTF8_BOM)
    if looks_binary(data):
        raise InputError(path, "binary content, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(path, UNDECODABLE) from None
        if not _plausible_cp1252(text):
            raise InputError(path, UNDECODABLE) from None
    return _NEWLINES.sub("\n", text)
