"""Reference lists (FollowTheMoney entities, OFAC XML) with cross-referencing, and the watchlist."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followthemoney.proxy import EntityProxy

from watchfloor.errors import WatchfloorError
from watchfloor.extract.watchlist import load_watchlist_file
from watchfloor.resolve.reference import proxy_names, read_ftm_file, read_reference_file
from watchfloor.resolve.xref import DEFAULT_THRESHOLD, XrefMatch, xref
from watchfloor.service.audit import Audit
from watchfloor.store.base import ReferenceEntity, Store, WatchlistEntry


@dataclass(slots=True)
class FtmImport:
    """What ``import ftm`` stored: the list's name, its entities, and what it left out by schema."""

    dataset: str
    imported: int
    skipped: dict[str, int] = field(default_factory=dict)  # documents, mentions, links, notes…


def reference_entity(dataset: str, proxy: EntityProxy) -> ReferenceEntity:
    """An FtM entity as a reference list keeps it: its own id, schema, caption, names and data."""
    return ReferenceEntity(dataset, str(proxy.id), proxy.schema.name, proxy.caption, proxy_names(proxy),
                           proxy.to_dict())


def dataset_name(path: Path) -> str:
    """A list's default name: the file's name before its first dot (``aleph.ftm.jsonl`` → ``aleph``)."""
    return path.name.split(".", 1)[0] or path.name


class ReferenceService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def import_ftm(self, path: Path, dataset: str | None = None) -> FtmImport:
        """Replace the reference list ``dataset`` (default: the file's name) with the FtM entities of a
        JSON Lines or JSON file (Aleph, OpenSanctions, ``watchfloor export --format ftm``), read as a
        stream. Only entities FtM can match are kept (people, organisations, companies, addresses,
        vessels…); documents, mentions, links and notes are counted as skipped. Nothing is stored on
        error."""
        name = (dataset or dataset_name(path)).strip()
        if not name:
            raise WatchfloorError("import ftm: the dataset name must not be empty")
        skipped: Counter[str] = Counter()

        def matchable() -> Iterator[ReferenceEntity]:
            for proxy in read_ftm_file(path):
                if proxy.schema.matchable:
                    yield reference_entity(name, proxy)
                else:
                    skipped[proxy.schema.name] += 1

        count = self.store.add_reference_entities(name, matchable())
        result = FtmImport(name, count, dict(skipped.most_common()))
        self.audit.record("reference.import", name, after={"file": str(path), "entities": count,
                                                           "skipped": result.skipped})
        return result

    def import_file(self, path: Path, dataset: str) -> int:
        """Replace the reference list ``dataset`` with the file's entities; nothing is stored on error."""
        entities = [reference_entity(dataset, proxy) for proxy in read_reference_file(path)]
        count = self.store.add_reference_entities(dataset, entities)
        self.audit.record("reference.import", dataset, after={"file": str(path), "entities": count})
        return count

    def xref(self, *, threshold: float | None = None, dataset: str | None = None) -> list[XrefMatch]:
        """Workspace entities matching reference entities (score ≥ ``threshold``, default 0.9), best first."""
        return xref(self.store, DEFAULT_THRESHOLD if threshold is None else threshold, dataset)


class WatchlistService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def add(self, name: str, entity_type: str, aliases: Sequence[str] = (), notes: str | None = None) -> bool:
        """Add a watched name, or aliases to an existing one; False when nothing changed.

        Names reach documents stored earlier through ``bench.ingest.reextract(stages=["watchlist"])``.
        """
        if not name.strip() or not entity_type.strip():
            raise WatchfloorError("watchlist add: name and type must not be empty")
        entry = WatchlistEntry(name.strip(), entity_type.strip(), list(aliases), notes=notes)
        written = bool(self.store.add_watchlist_entries([entry]))
        if written:
            self.audit.record("watchlist.add", entry.name, after=entry)
        return written

    def entries(self) -> list[WatchlistEntry]:
        return self.store.watchlist()

    def import_file(self, path: Path) -> tuple[int, int]:
        """Import watched names from YAML or CSV: (entries read, entries added or updated)."""
        entries = load_watchlist_file(path)
        written = self.store.add_watchlist_entries(entries)
        self.audit.record("watchlist.import", str(path), after={"read": len(entries), "written": written})
        return len(entries), written
