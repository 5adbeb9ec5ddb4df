"""Resolution after an ingest: only the new documents' mentions are resolved, against the entities that
share a blocking key with them, so its cost follows the size of the ingest, not of the workspace.

The resolver is seeded with those entities (:meth:`~watchfloor.resolve.resolver.Resolver.seed`): each new
mention joins one of them or founds a new entity, as in a full resolution, but entities resolved earlier
are never merged with each other here (a new mention that would bridge two of them joins the better one).
What a full resolution would also see and this one does not: co-occurrence context of the existing
entities, and merges among them that new evidence suggests; ``watchfloor entities resolve`` re-resolves
the whole workspace, and judgements and reviews do so every time.

A full resolution runs instead when the workspace has no stored blocking keys yet (first ingest, or a
workspace from before they existed) or when an active judgement concerns one of the documents (their
mentions were re-extracted).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from watchfloor.hookspecs import hookimpl
from watchfloor.resolve.blocking import blocking_keys
from watchfloor.resolve.names import analyse_name
from watchfloor.resolve.resolver import Resolver, ResolverSettings
from watchfloor.resolve.workspace import (
    WATCHLIST_SEED,
    ResolutionReport,
    add_mentions,
    display_form,
    name_blocks,
    resolve_workspace,
    resolved_entity,
)
from watchfloor.store.base import JUDGEMENT_ACTIONS, ResolvedEntity, Store, StoredMention, WatchlistEntry


def resolve_documents(
    store: Store, document_ids: Collection[str], settings: ResolverSettings | None = None
) -> ResolutionReport:
    """Resolve the mentions of ``document_ids`` against the stored entities and write the result."""
    started = time.perf_counter()
    if _needs_full_resolution(store, set(document_ids)):
        return resolve_workspace(store, settings)
    settings = settings or ResolverSettings()
    mentions = store.document_mentions(document_ids)
    keys = {k for m in mentions for k in blocking_keys(analyse_name(m.text, m.lang))}
    known = {e.id: e for e in store.known_entities(keys, settings.max_postings)}
    watchlist = {entry.id: entry for entry in store.watchlist() if entry.id}
    resolver = Resolver(settings)
    seeded = _seed(resolver, known, watchlist, {m.watchlist_key for m in mentions if m.watchlist_key})
    add_mentions(resolver, mentions)
    clusters: defaultdict[str, list[StoredMention]] = defaultdict(list)
    for mention in mentions:
        clusters[resolver.entity_of(str(mention.id))].append(mention)
    ids = _free_ids(store, [label for label in clusters if label not in seeded])
    entities = [
        _grown(known[label], members)
        if label in known
        else resolved_entity(ids.get(label, label), members, watchlist)
        for label, members in clusters.items()
    ]
    store.update_entities(entities, document_ids)
    return ResolutionReport(
        mentions=len(mentions),
        entities=len(entities),
        judgements=0,
        pairs_considered=resolver.index.pairs_considered,
        seconds=round(time.perf_counter() - started, 3),
        incremental=True,
    )


def _needs_full_resolution(store: Store, documents: set[str]) -> bool:
    if not store.has_entity_blocks():
        return True
    for judgement in store.judgements(active_only=True):
        if judgement.action not in JUDGEMENT_ACTIONS:
            continue
        subject = judgement.subject
        for key in [*subject.get("mentions", []), *subject.get("others", [])]:
            if not isinstance(key, str) or key.rsplit(":", 3)[0] in documents:
                return True  # a row id (judgements before keys existed) cannot be placed: be safe
    return False


def _seed(
    resolver: Resolver,
    known: Mapping[str, ResolvedEntity],
    watchlist: Mapping[str, WatchlistEntry],
    watched: set[str],
) -> set[str]:
    """Seed the known entities first (older than anything founded now), then the watchlist entries
    matched in the new documents (an entry's id is its entity's id, as in a full resolution); returns
    the ids seeded."""
    seeded = set(known)
    for entity in known.values():
        members = [WATCHLIST_SEED + entity.id] if entity.id in watched else []
        resolver.seed(entity.id, entity.names, entity.type, members)
    for key in sorted(watched - known.keys()):
        entry = watchlist.get(key)
        if entry is not None:
            resolver.seed(key, [(entry.name, None)], entry.type, [WATCHLIST_SEED + key])
            seeded.add(key)
    return seeded


def _grown(entity: ResolvedEntity, members: Sequence[StoredMention]) -> ResolvedEntity:
    """A stored entity with new mentions: its name and type stay, new name forms are added."""
    seen = {display_form(name) for name, _ in entity.names}
    names: dict[str, str | None] = {}
    for mention in members:
        form = display_form(mention.text)
        if form not in seen:
            names.setdefault(form, mention.lang)
    new_names = list(names.items())
    return ResolvedEntity(
        entity.id, entity.type, entity.name, [m.id for m in members], new_names, name_blocks(new_names)
    )


def _free_ids(store: Store, labels: Sequence[str]) -> dict[str, str]:
    """Resolver label → an entity id no stored entity has (``-2``, ``-3``… appended where taken)."""
    ids: dict[str, str] = {}
    pending = {label: label for label in labels}
    number = 1
    while pending:
        taken = set(store.entity_names(pending.values())) | set(ids.values())
        for label, candidate in list(pending.items()):
            if candidate not in taken:
                ids[label] = candidate
                del pending[label]
        number += 1
        pending = {label: f"{label}-{number}" for label in pending}
    return ids


@hookimpl(tryfirst=True)
def ingest_finished(store: Store, document_ids: list[str]) -> None:
    """Resolve what an ingest stored (before watch rules look at entities)."""
    if document_ids:
        resolve_documents(store, document_ids)
