"""Provisional entity grouping: which stored entity a mention belongs to.

Mentions group by coarse type and normalised name; a mention matched from the watchlist joins that
entry's entity, so its aliases in every script share one entity. This is only the grouping a document is
written with: workspace entity resolution (``watchfloor.resolve.workspace``, run after every ingest)
re-resolves all mentions across documents and scripts, and keeps these ids where it can. A watchlist
entry's entity id is its :func:`entry_key`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from watchfloor.model import EntityMention
from watchfloor.model.entity_types import type_name
from watchfloor.store.base import WatchlistEntry

#: Single-character folds that keep offsets: Arabic → Persian letter forms, joiners → space.
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "\u200c": " ", "\u200d": " ", "ـ": " "})
_WHITESPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)


def coarse_type(label: str) -> str:
    """The type entities with this label are grouped by (:mod:`watchfloor.model.entity_types`)."""
    return type_name(label)


def name_key(name: str) -> str:
    """Normalised name: NFKC, case-folded, whitespace collapsed, a leading "the " dropped."""
    key = _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", name).casefold()).strip()
    return key.removeprefix("the ").strip()


def fold(text: str) -> str:
    """Lower-case and fold letter variants without changing the text's length."""
    folded = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return folded.translate(_FOLD)


def entry_key(entry: WatchlistEntry) -> str:
    """Stable key of a watchlist entry: its id, else derived from type and name."""
    if entry.id:
        return entry.id
    digest = hashlib.sha1(f"{entry.type}\x00{fold(entry.name)}".encode()).hexdigest()[:12]
    return f"wl-{digest}"


def script_of(name: str) -> str | None:
    """The Unicode script of the first letter (LATIN, CYRILLIC, ARABIC…), None without letters."""
    for char in name:
        if char.isalpha():
            return unicodedata.name(char, "UNKNOWN").split()[0]
    return None


@dataclass(frozen=True, slots=True)
class EntityRef:
    id: str
    type: str
    name: str  # canonical name: the watchlist name, else the first form seen


class EntityGrouper:
    """Assigns mentions to entities; ids are stable across runs and workspaces."""

    def __init__(self, watchlist: Mapping[str, WatchlistEntry] | None = None) -> None:
        self.watchlist = dict(watchlist or {})

    def __call__(self, mention: EntityMention) -> EntityRef | None:
        if mention.entity_key:
            entry = self.watchlist.get(mention.entity_key)
            if entry is not None:
                return EntityRef(mention.entity_key, coarse_type(entry.type), entry.name)
            return EntityRef(mention.entity_key, coarse_type(mention.label), mention.span.text.strip())
        key = name_key(mention.span.text)
        if not key:
            return None
        kind = coarse_type(mention.label)
        digest = hashlib.sha1(f"{kind}\x00{key}".encode()).hexdigest()[:12]
        name = _LEADING_THE.sub("", " ".join(mention.span.text.split()))
        return EntityRef(f"{kind.lower()}-{digest}", kind, name)
