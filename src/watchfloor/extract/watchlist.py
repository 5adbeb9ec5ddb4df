"""``watchlist.names``: analyst names and aliases, in any script, matched before statistical NER.

Matching is on a same-length folded copy of the text (lower case, Arabic letter forms mapped to their
Persian equivalents, zero-width joiners treated as spaces), so every match maps back to exact offsets
in the original. Cyrillic aliases also match their common case endings (Елабуга → Елабуге, Елабуги).
Watchlist mentions take precedence: ``ner.*`` components drop statistical entities overlapping them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from watchfloor.errors import InputError
from watchfloor.extract.component import Component
from watchfloor.hookspecs import hookimpl
from watchfloor.model import Analysis, EntityMention
from watchfloor.store.base import WatchlistEntry
from watchfloor.store.entities import entry_key, fold

_CYRILLIC_WORD = re.compile(r"^[а-яё\-]+$")
_RU_ENDINGS = r"(?:ами|ями|ого|его|ому|ему|ой|ей|ою|ею|ом|ем|ам|ям|ах|ях|а|я|ы|и|е|у|ю|о)?"
_RU_STEM = re.compile(r"(?:а|я|ы|и|е|у|ю|о|ь|й)$")


def _alias_pattern(alias: str) -> str:
    words = fold(alias).split()
    if len(words) == 1 and _CYRILLIC_WORD.match(words[0]) and len(words[0]) > 4:
        return re.escape(_RU_STEM.sub("", words[0])) + _RU_ENDINGS
    return r"\s+".join(re.escape(word) for word in words)


class WatchlistMatcher(Component):
    name = "watchlist.names"
    version = "1"
    assigns = ("entities",)

    def __init__(self, entries: Iterable[WatchlistEntry] = (), path: str | None = None) -> None:
        self.entries = list(entries) + (load_watchlist_file(Path(path)) if path else [])
        self._by_alias: dict[str, WatchlistEntry] = {}
        for entry in self.entries:
            for alias in [entry.name, *entry.aliases]:
                if alias.strip():
                    self._by_alias.setdefault(fold(" ".join(alias.split())), entry)
        patterns = sorted({_alias_pattern(a) for a in self._by_alias}, key=len, reverse=True)
        self._regex = (
            re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)") if patterns else None
        )
        self._stems = {_alias_pattern(a): e for a, e in self._by_alias.items()}

    def _entry_for(self, matched: str) -> WatchlistEntry | None:
        key = " ".join(matched.split())
        if key in self._by_alias:
            return self._by_alias[key]
        return next((e for p, e in self._stems.items() if re.fullmatch(p, key)), None)

    def __call__(self, analysis: Analysis) -> None:
        if self._regex is None:
            return
        found = []
        for match in self._regex.finditer(fold(analysis.text)):
            entry = self._entry_for(match.group())
            if entry is None:
                continue
            span = analysis.span(match.start(), match.end())
            found.append(EntityMention(span, entry.type, self.provenance, entity_key=entry_key(entry)))
        analysis.entities.extend(found)


def _entry(record: Any, where: str) -> WatchlistEntry:
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a mapping with name and type")
    name, kind = record.get("name"), record.get("type")
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{where}: missing name")
    if not isinstance(kind, str) or not kind.strip():
        raise ValueError(f"{where}: {name!r} has no type")
    aliases = record.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|")]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ValueError(f"{where}: aliases of {name!r} must be strings")
    notes = record.get("notes")
    return WatchlistEntry(
        name=name.strip(),
        type=kind.strip().upper(),
        aliases=[a.strip() for a in aliases if a.strip()],
        id=str(record["id"]) if record.get("id") else None,
        notes=str(notes) if notes else None,
    )


def load_watchlist_file(path: Path) -> list[WatchlistEntry]:
    """Read a watchlist: YAML (a list of {name, type, aliases, notes}) or CSV (name,type,aliases with |)."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read watchlist: {exc}") from None
    try:
        if path.suffix.lower() == ".csv":
            rows = list(csv.DictReader(raw.splitlines()))
            return [_entry(row, f"row {n}") for n, row in enumerate(rows, start=2)]
        data = yaml.safe_load(raw)
        if data is None:  # an empty file is an empty watchlist
            return []
        if isinstance(data, dict):
            data = data.get("entries")
        if not isinstance(data, list):
            raise ValueError("expected a YAML list of entries")
        return [_entry(record, f"entry {n}") for n, record in enumerate(data, start=1)]
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {str(exc).splitlines()[0]}") from None
    except ValueError as exc:
        raise InputError(path, str(exc)) from None


@hookimpl
def register_components() -> dict[str, type[Component]]:
    return {WatchlistMatcher.name: WatchlistMatcher}
