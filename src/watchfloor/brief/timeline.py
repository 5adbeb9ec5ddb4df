"""The timeline: dated claims and documents in time order, with precision, stance and sources.

Each claim is placed at the time expression governing its content, else at its document's publication
date (precision ``publication``). Documents that mention the entity but carry no claim (job postings,
for instance) appear as events at their publication date, so every piece of reporting is on the line.
Periods sort by their first day; a coarser period sorts before finer ones that start on the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from watchfloor.brief.statements import reading
from watchfloor.store.base import ClaimFilter, Store, StoredClaim, StoredDocument
from watchfloor.store.timex import timex_bounds

#: How many entity names (all scripts) are searched for documents without claims.
MAX_ENTITY_NAMES = 20
_PRECISION_ORDER = (
    "century",
    "decade",
    "year",
    "half",
    "season",
    "quarter",
    "month",
    "week",
    "day",
    "publication",
)


@dataclass(slots=True)
class TimelineEntry:
    """One dated item: a claim, or a document without claims."""

    kind: str  # "claim" or the document kind
    value: str | None  # TIMEX3 value or ISO date; None when undated
    precision: str
    start: date | None
    end: date | None
    document_id: str
    title: str | None
    publisher: str | None
    published: date | None
    stance: str | None = None
    source: str | None = None
    cue: str | None = None
    content: str | None = None
    hedge: str | None = None
    via: tuple[str, ...] = ()
    names_entity: bool = False  # a claim that itself names the entity asked for
    statement: str | None = None  # the claim in plain words, with its speaker (brief/statements.py)

    def sort_key(self) -> tuple[Any, ...]:
        precision_rank = _PRECISION_ORDER.index(self.precision) if self.precision in _PRECISION_ORDER else 99
        return (
            self.start is None,
            self.start or date.max,
            precision_rank,
            self.published or date.max,
            self.document_id,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "time": self.value,
            "precision": self.precision,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "stance": self.stance,
            "source": self.source,
            "cue": self.cue,
            "content": self.content,
            "hedge": self.hedge,
            "via": list(self.via),
            "names_entity": self.names_entity,
            "document": self.document_id,
            "title": self.title,
            "publisher": self.publisher,
            "published": self.published.isoformat() if self.published else None,
        }


def _day(value: datetime | None) -> date | None:
    return value.date() if value else None


def claim_entry(claim: StoredClaim, linked: bool = True) -> TimelineEntry:
    value, precision = claim.time_value, claim.time_precision or "unknown"
    bounds = timex_bounds(value) if value else None
    start, end = (bounds[1], bounds[2]) if bounds else (None, None)
    source = claim.source or None
    if claim.speaker and claim.speaker != claim.source:
        source = f"{source or '(unnamed)'} = {claim.speaker}"
    return TimelineEntry(
        kind="claim",
        value=value,
        precision=precision,
        start=start,
        end=end,
        document_id=claim.document_id,
        title=claim.document_title,
        publisher=claim.publisher,
        published=_day(claim.published_at),
        stance=claim.stance,
        source=source,
        cue=claim.cue,
        content=claim.content,
        hedge=claim.hedge,
        via=tuple(claim.via),
        names_entity=linked,
        statement=reading(claim).line(),
    )


def document_entry(document: StoredDocument) -> TimelineEntry:
    published = _day(document.published_at)
    return TimelineEntry(
        kind=document.kind,
        value=published.isoformat() if published else None,
        precision="publication" if published else "unknown",
        start=published,
        end=published,
        document_id=document.id,
        title=document.title,
        publisher=document.publisher,
        published=published,
    )


def name_forms(store: Store, entity: str) -> list[str]:
    """The query and every name form of stored entities whose names contain it (any script)."""
    wanted = entity.casefold()
    names = [entity]
    for summary in store.top_entities(limit=10_000):
        forms = [summary.name, *summary.names]
        if any(wanted in form.casefold() for form in forms):
            names.extend(form for form in forms if form not in names)
    return names[:MAX_ENTITY_NAMES]


def build_timeline(
    store: Store, entity: str | None, since: date | None, until: date | None, limit: int,
    keep: set[int] | None = None,
) -> list[TimelineEntry]:
    """Claims between ``since`` and ``until`` in time order.

    For an entity: the claims that name it, the other claims of documents that mention it (a denial
    in an article about the site need not repeat its name), and those documents that carry no claim
    at all (a job posting) at their publication date. ``keep``: only these claims (a brief's).
    """
    claims = store.claims(ClaimFilter(entity=entity, since=since, until=until, limit=limit))
    entries = [claim_entry(claim, linked=True) for claim in claims if keep is None or claim.id in keep]
    if entity:
        included = {claim.id for claim in claims}
        seen: set[str] = set()
        for name in name_forms(store, entity):
            phrase = '"' + name.replace('"', " ") + '"'
            for document in store.documents(search=phrase, limit=limit):
                if document.id in seen:
                    continue
                seen.add(document.id)
                in_window = store.claims(
                    ClaimFilter(document_id=document.id, since=since, until=until, limit=limit)
                )
                entries.extend(claim_entry(c, linked=False) for c in in_window
                               if c.id not in included and (keep is None or c.id in keep))
                included.update(c.id for c in in_window)
                if in_window or store.claims(ClaimFilter(document_id=document.id, limit=1)):
                    continue  # dated by its claims (maybe outside the window)
                entry = document_entry(document)
                if _within(entry, since, until):
                    entries.append(entry)
    return sorted(entries, key=TimelineEntry.sort_key)[:limit]


def _within(entry: TimelineEntry, since: date | None, until: date | None) -> bool:
    if entry.start is None or entry.end is None:
        return since is None and until is None
    return (since is None or entry.end >= since) and (until is None or entry.start <= until)
