"""Entity resolution over a workspace: stored mentions → entities, with analyst judgements re-applied.

:func:`resolve_workspace` runs on demand (``watchfloor entities resolve``), after analyst judgements and
reviews, and after an ingest that :mod:`watchfloor.resolve.incremental` cannot handle alone. It is a full
re-resolution with blocking (the resolver compares a mention only with entities sharing a blocking key), so
its cost grows about linearly with the number of mentions:

1. Watchlist matches stay with their watchlist entry: each entry used in the workspace is seeded first as
   an entity of its own (seeds of different entries may never merge), and its matches are must-linked to
   the seed. Other mentions join it on their names (``Elabuga`` from NER joins the ``Yelabuga`` entry).
2. Documents are fed to :class:`~watchfloor.resolve.resolver.Resolver` in ingestion order.
3. Active analyst judgements (``merge``, ``split``, ``not-same``) are applied to the result, oldest first,
   so the latest judgement about the same mentions wins. They are also given to the resolver as
   cannot-links, so scoring does not bridge what the analyst kept apart.
4. Entity ids are kept stable: each previous id goes to the new entity holding most of its mentions, and an
   entity that wins several (a merge) keeps the oldest (watchlist ids first); only entities that win none
   get a new readable id.

Everything is written in one transaction (:meth:`Store.replace_entities`), claims' entity links included.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from watchfloor.resolve.blocking import blocking_keys
from watchfloor.resolve.names import analyse_name
from watchfloor.resolve.resolver import Judgement, MentionInput, Resolver, ResolverSettings
from watchfloor.store.base import (
    JUDGEMENT_ACTIONS,
    ResolvedEntity,
    Store,
    StoredJudgement,
    StoredMention,
    WatchlistEntry,
)
from watchfloor.store.entities import coarse_type, name_key
from watchfloor.text.transliterate import to_latin

WATCHLIST_SEED = "watchlist:"
_MAX_SLUG = 40


@dataclass(frozen=True, slots=True)
class ResolutionReport:
    """What one workspace resolution did (shown by ``watchfloor entities resolve``)."""

    mentions: int
    entities: int
    judgements: int
    pairs_considered: int
    seconds: float
    incremental: bool = False  # only the mentions of some documents were resolved


def display_form(text: str) -> str:
    return " ".join(text.split())


# -- judgement subjects ----------------------------------------------------------------------------------


def mentions_of(mentions: Iterable[StoredMention], entity_id: str) -> list[StoredMention]:
    return [m for m in mentions if m.entity_id == entity_id]


def pair_subject(mentions: Sequence[StoredMention], entity_a: str, entity_b: str) -> dict[str, Any]:
    """Subject of a ``merge`` or ``not-same`` judgement: both entities and their mentions now."""
    if entity_a == entity_b:
        raise ValueError(f"{entity_a} and {entity_b} are the same entity")
    first, second = mentions_of(mentions, entity_a), mentions_of(mentions, entity_b)
    for entity_id, found in ((entity_a, first), (entity_b, second)):
        if not found:
            raise ValueError(f"no entity {entity_id} with mentions in this workspace")
    return {
        "entities": [entity_a, entity_b],
        "mentions": [m.key for m in first],
        "others": [m.key for m in second],
    }


def split_subject(mentions: Sequence[StoredMention], entity_id: str, names: Sequence[str]) -> dict[str, Any]:
    """Subject of a ``split``: the entity's mentions named by one of ``names`` versus the rest."""
    members = mentions_of(mentions, entity_id)
    if not members:
        raise ValueError(f"no entity {entity_id} with mentions in this workspace")
    keys = {name_key(n) for n in names}
    part = [m.key for m in members if name_key(m.text) in keys]
    rest = [m.key for m in members if name_key(m.text) not in keys]
    known = sorted({display_form(m.text) for m in members})
    if not part:
        raise ValueError(
            f"no mention of {entity_id} is named {' / '.join(names)}; its names: {', '.join(known)}"
        )
    if not rest:
        raise ValueError(f"every mention of {entity_id} has one of these names: nothing would remain")
    return {"entity": entity_id, "names": list(names), "mentions": part, "others": rest}


def _subject_groups(judgement: StoredJudgement) -> tuple[list[int], list[int]]:
    """The judgement's two groups of mentions as current row ids (see :func:`_current_ids`)."""
    subject = judgement.subject
    return [int(m) for m in subject.get("mentions", [])], [int(m) for m in subject.get("others", [])]


def _current_ids(
    judgements: Iterable[StoredJudgement], mentions: Sequence[StoredMention]
) -> list[StoredJudgement]:
    """Judgements with their subjects' mention keys (``document:start:end:label``, stable across
    re-extraction) turned into the current row ids; a mention no longer extracted drops out. Row ids
    recorded by judgements made before keys existed pass through."""
    id_of = {m.key: m.id for m in mentions}

    def ids(values: Iterable[Any]) -> list[int]:
        found = (id_of.get(v) if isinstance(v, str) else int(v) for v in values)
        return [i for i in found if i is not None]

    current = []
    for judgement in judgements:
        subject = dict(judgement.subject)
        for group in ("mentions", "others"):
            subject[group] = ids(subject.get(group, []))
        current.append(dataclasses.replace(judgement, subject=subject))
    return current


# -- clustering --------------------------------------------------------------------------------------


class _Clusters:
    """Mention id → cluster label, with the moves judgements make."""

    def __init__(self, assignment: Mapping[int, str]) -> None:
        self.label = dict(assignment)
        self.members: defaultdict[str, set[int]] = defaultdict(set)
        for mention_id, label in self.label.items():
            self.members[label].add(mention_id)

    def move(self, mention_ids: Iterable[int], label: str) -> None:
        for mention_id in mention_ids:
            old = self.label[mention_id]
            self.members[old].discard(mention_id)
            if not self.members[old]:
                del self.members[old]
            self.label[mention_id] = label
            self.members[label].add(mention_id)

    def labels_of(self, mention_ids: Iterable[int]) -> list[str]:
        return sorted({self.label[m] for m in mention_ids if m in self.label})

    def apply(self, judgement: StoredJudgement, text_of: Mapping[int, str]) -> None:
        part, rest = _subject_groups(judgement)
        if judgement.action == "merge":
            labels = self.labels_of(part) or self.labels_of(rest)
            for label in self.labels_of([*part, *rest]):
                if label != labels[0]:
                    self.move(list(self.members[label]), labels[0])
        elif judgement.action == "not-same":
            others = set(rest)
            for label in self.labels_of(part):
                together = self.members[label] & others
                if together:
                    self.move(together, f"{label}~{judgement.id}")
        elif judgement.action == "split":
            keys = {name_key(n) for n in judgement.subject.get("names", [])}
            named = set(part)
            for label in self.labels_of([*part, *rest]):
                members = self.members[label]
                split_off = {m for m in members if m in named or name_key(text_of[m]) in keys}
                if split_off and split_off != members:
                    self.move(split_off, f"{label}~{judgement.id}")


def _constraints(judgements: Iterable[StoredJudgement]) -> list[Judgement]:
    """Cannot-links for the resolver from ``split`` and ``not-same``: each mention of one side against the
    first mention of the other (linear, and enough to keep scoring from joining the two sides)."""
    links: list[Judgement] = []
    for judgement in judgements:
        if judgement.action not in ("split", "not-same"):
            continue
        part, rest = _subject_groups(judgement)
        if part and rest:
            links += [Judgement("not_same", str(m), str(rest[0])) for m in part]
            links += [Judgement("not_same", str(m), str(part[0])) for m in rest]
    return links


def _machine_assignment(
    mentions: Sequence[StoredMention],
    watchlist: Mapping[str, WatchlistEntry],
    resolver: Resolver,
) -> dict[int, str]:
    """Resolver clusters of every mention (watchlist matches pinned to their entry's seed)."""
    keys = sorted({m.watchlist_key for m in mentions if m.watchlist_key})
    for first, second in combinations(keys, 2):
        resolver.add_judgement(Judgement("not_same", WATCHLIST_SEED + first, WATCHLIST_SEED + second))
    for key in keys:
        entry = watchlist.get(key)
        if entry is not None:
            resolver.add_document([MentionInput(WATCHLIST_SEED + key, entry.name, None, entry.type)])
    add_mentions(resolver, mentions)
    return {m.id: resolver.entity_of(str(m.id)) for m in mentions}


def add_mentions(resolver: Resolver, mentions: Sequence[StoredMention]) -> None:
    """Give the resolver the stored mentions document by document, watchlist matches tied to the
    entry's seed (``watchlist:KEY``)."""
    by_document: dict[str, list[MentionInput]] = {}
    for mention in mentions:
        if mention.watchlist_key:
            resolver.add_judgement(Judgement("same", str(mention.id), WATCHLIST_SEED + mention.watchlist_key))
        by_document.setdefault(mention.document_id, []).append(
            MentionInput(str(mention.id), mention.text, mention.lang, mention.label, mention.document_id)
        )
    for document_mentions in by_document.values():
        resolver.add_document(document_mentions)


# -- naming --------------------------------------------------------------------------------------------


def _slug(label: str, taken: set[str]) -> str:
    stem = (
        re.sub(r"[^a-z0-9]+", "-", to_latin(label.split("~")[0]).lower()).strip("-")[:_MAX_SLUG] or "entity"
    )
    candidate, number = stem, 1
    while candidate in taken:
        number += 1
        candidate = f"{stem}-{number}"
    return candidate


def _judged_ids(judgements: Iterable[StoredJudgement]) -> Iterator[tuple[str, list[int]]]:
    """(entity id, its mentions then) recorded by judgements, undone ones included: the ids an undo brings
    back (``merge A B`` retires B's id; undoing it gives B's mentions their id again)."""
    for judgement in judgements:
        part, rest = _subject_groups(judgement)
        subject = judgement.subject
        if judgement.action == "split":
            yield str(subject.get("entity")), rest
        elif len(subject.get("entities", [])) == 2:
            first, second = subject["entities"]
            yield str(first), part
            yield str(second), rest


def _stable_ids(
    clusters: _Clusters, mentions: Sequence[StoredMention], judged: Iterable[tuple[str, list[int]]] = ()
) -> dict[str, str]:
    """Cluster label → entity id: previous ids (watchlist keys first, then the oldest, then ids recorded by
    judgements) go to the cluster holding most of their mentions; a cluster winning none gets a new id."""
    order = {m.id: position for position, m in enumerate(mentions)}
    holders: defaultdict[str, Counter[str]] = defaultdict(Counter)
    first_seen: dict[str, int] = {}

    def hold(claim: str, mention_id: int) -> None:
        holders[claim][clusters.label[mention_id]] += 1
        first_seen.setdefault(claim, order[mention_id])

    for mention in mentions:
        if mention.watchlist_key:
            hold(f"0\x00{mention.watchlist_key}", mention.id)
        if mention.entity_id:
            hold(f"1\x00{mention.entity_id}", mention.id)
    for entity_id, mention_ids in judged:
        for mention_id in mention_ids:
            if mention_id in order:
                hold(f"2\x00{entity_id}", mention_id)
    earliest = {label: min(order[m] for m in members) for label, members in clusters.members.items()}
    winners = [
        (claim, max(counts, key=lambda label: (counts[label], -earliest[label])))
        for claim, counts in holders.items()
    ]
    ids: dict[str, str] = {}
    used: set[str] = set()
    for claim, label in sorted(winners, key=lambda pair: (pair[0][0], first_seen[pair[0]])):
        entity_id = claim.split("\x00", 1)[1]
        if label not in ids and entity_id not in used:
            ids[label] = entity_id
            used.add(entity_id)
    taken = used | {claim.split("\x00", 1)[1] for claim in holders}
    for label in sorted(clusters.members):
        if label not in ids:
            ids[label] = _slug(label, taken)
            taken.add(ids[label])
    return ids


def resolved_entity(
    entity_id: str, members: Sequence[StoredMention], watchlist: Mapping[str, WatchlistEntry]
) -> ResolvedEntity:
    entry = watchlist.get(entity_id)
    forms = Counter(display_form(m.text) for m in members)
    if entry is not None:
        kind, name = coarse_type(entry.type), entry.name
    else:
        kind = Counter(coarse_type(m.label) for m in members).most_common(1)[0][0]
        name = max(forms, key=lambda f: (forms[f], len(f.split())))
    lang_of: dict[str, str | None] = {}
    for mention in members:
        lang_of.setdefault(display_form(mention.text), mention.lang)
    names = [(name, lang_of.get(name)), *((f, lang_of[f]) for f in lang_of if f != name)]
    return ResolvedEntity(entity_id, kind, name, sorted(m.id for m in members), names, name_blocks(names))


def name_blocks(names: Iterable[tuple[str, str | None]]) -> set[str]:
    """The blocking keys of an entity's name forms, as stored for incremental resolution."""
    return {key for text, lang in names for key in blocking_keys(analyse_name(text, lang))}


def _on_entities(judgements: Iterable[StoredJudgement]) -> list[StoredJudgement]:
    """Judgements on entities (merge, split, not-same), not reviews of machine output."""
    return [j for j in judgements if j.action in JUDGEMENT_ACTIONS]


# -- entry points ------------------------------------------------------------------------------------


def resolve_workspace(store: Store, settings: ResolverSettings | None = None) -> ResolutionReport:
    """Re-resolve every stored mention, apply the active judgements and write the entities."""
    started = time.perf_counter()
    mentions = store.workspace_mentions()
    watchlist = {entry.id: entry for entry in store.watchlist() if entry.id}
    judgements = _current_ids(_on_entities(store.judgements(active_only=True)), mentions)
    resolver = Resolver(settings, judgements=_constraints(judgements))
    clusters = _Clusters(_machine_assignment(mentions, watchlist, resolver))
    text_of = {m.id: m.text for m in mentions}
    for judgement in judgements:
        clusters.apply(judgement, text_of)
    every = _current_ids(_on_entities(store.judgements()), mentions)
    ids = _stable_ids(clusters, mentions, _judged_ids(every))
    by_id = {m.id: m for m in mentions}
    entities = [
        resolved_entity(ids[label], [by_id[m] for m in sorted(members)], watchlist)
        for label, members in clusters.members.items()
    ]
    store.replace_entities(entities)
    return ResolutionReport(
        mentions=len(mentions),
        entities=len(entities),
        judgements=len(judgements),
        pairs_considered=resolver.index.pairs_considered,
        seconds=round(time.perf_counter() - started, 3),
    )
