"""The watchlist in the SQL store: analyst entries keyed by :func:`~watchfloor.store.entities.entry_key`.

Adding an entry again merges it: new aliases are appended, notes replaced, and an explicit id may rename.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from watchfloor.store.base import WatchlistEntry
from watchfloor.store.engine import SqlSessions
from watchfloor.store.entities import entry_key
from watchfloor.store.rows import now
from watchfloor.store.tables import WatchlistAliasRow, WatchlistEntryRow


def _normalised_entry(entry: WatchlistEntry) -> WatchlistEntry:
    aliases = list(dict.fromkeys(" ".join(a.split()) for a in entry.aliases))
    name = " ".join(entry.name.split())
    return WatchlistEntry(
        name=name,
        type=entry.type.strip().upper(),
        aliases=[a for a in aliases if a and a != name],
        id=entry.id,
        notes=entry.notes,
    )


class WatchlistMixin(SqlSessions):
    """Adding (merging) watchlist entries and listing the watchlist."""

    def add_watchlist_entries(self, entries: Iterable[WatchlistEntry]) -> int:
        written = 0
        with self._write.begin() as session:
            for entry in map(_normalised_entry, entries):
                entry_id = entry_key(entry)
                row = session.get(WatchlistEntryRow, entry_id)
                changed = row is None
                if row is None:
                    row = WatchlistEntryRow(
                        id=entry_id,
                        name=entry.name,
                        type=entry.type,
                        notes=entry.notes,
                        created_at=now(),
                        updated_at=now(),
                    )
                    session.add(row)
                    session.flush()  # the entry before its aliases
                    known: set[str] = set()
                else:  # same id: an explicit id may rename; a derived id means the same name and type
                    renamed = bool(entry.id) and (row.name, row.type) != (entry.name, entry.type)
                    changed = renamed or bool(entry.notes and entry.notes != row.notes)
                    if renamed:
                        row.name, row.type = entry.name, entry.type
                    row.notes = entry.notes or row.notes
                    known = set(
                        session.scalars(
                            select(WatchlistAliasRow.alias).where(WatchlistAliasRow.entry_id == entry_id)
                        )
                    )
                new_aliases = [a for a in entry.aliases if a not in known]
                session.add_all(WatchlistAliasRow(entry_id=entry_id, alias=a) for a in new_aliases)
                if changed or new_aliases:
                    row.updated_at = now()
                    written += 1
                session.flush()
        return written

    def watchlist(self) -> list[WatchlistEntry]:
        with self._read() as session:
            entries = {
                row.id: WatchlistEntry(name=row.name, type=row.type, id=row.id, notes=row.notes)
                for row in session.scalars(
                    select(WatchlistEntryRow).order_by(WatchlistEntryRow.type, WatchlistEntryRow.name)
                )
            }
            aliases = select(WatchlistAliasRow.entry_id, WatchlistAliasRow.alias).order_by(
                WatchlistAliasRow.id
            )
            for entry_id, alias in session.execute(aliases):
                entries[entry_id].aliases.append(alias)
        return list(entries.values())
