"""Incremental entity resolution: mentions join entities as documents arrive.

Each document's mentions are taken longest name first (so ``Дональд Трамп`` founds the entity that
``Трампа`` then joins). For each mention the resolver looks up candidate entities through the blocking
index, scores each by the best matcher opinion over the entity's known name forms, adds small bonuses for
evidence outside the name (the entity already appears in the same document; the entity co-occurs
elsewhere with entities of this document — shared context), and joins the best candidate above the
threshold or founds a new entity. When the mention also clears the threshold for other candidates whose
names match the joined entity's names (``UE`` ~ ``Unia Europejska``, founded apart), those entities are
merged into the older one. Entity ids are readable slugs fixed when the entity is founded; an id merged
away keeps redirecting to the surviving one (:meth:`Resolver.canonical`).

Analyst judgements plug in as constraints re-applied on every run: ``same`` (must-link) puts a mention
in its partner's entity whatever the scores say; ``not_same`` (cannot-link) keeps it out of any entity
holding its partner.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from watchfloor.model.entity_types import type_code
from watchfloor.resolve.blocking import BlockIndex, blocking_keys
from watchfloor.resolve.matchers import DEFAULT_MATCHERS, VETO, Matcher, make_matchers, token_similarity
from watchfloor.resolve.names import NameForm, analyse_name
from watchfloor.text.transliterate import to_latin

#: Types that refer to the same things often enough to be compared (a country as a place or an actor).
_RELATED_TYPES = frozenset({"LOC", "ORG"})
_MAX_FORMS = 40
#: How close a one-word mention must be to a word of a fuller name in the same document to refer to it.
PARTIAL_TOKEN_SIMILARITY = 0.9
_MAX_ID_SLUG = 40


def coarse_label(label: str | None) -> str | None:
    if not label:
        return None
    return type_code(label)


@dataclass(frozen=True, slots=True)
class MentionInput:
    """One mention to resolve, as in the ``watchfloor resolve`` input."""

    id: str
    text: str
    lang: str | None = None
    label: str | None = None
    doc: str | None = None
    context: str | None = None


@dataclass(frozen=True, slots=True)
class Judgement:
    """An analyst's decision about two mentions: ``same`` (must-link) or ``not_same`` (cannot-link)."""

    kind: Literal["same", "not_same"]
    mention_a: str
    mention_b: str


@dataclass(frozen=True, slots=True)
class ResolverSettings:
    threshold: float = 0.87
    related_type_penalty: float = 0.08
    same_document_bonus: float = 0.04
    context_bonus: float = 0.04  # at most, when >= 3 context entities are shared
    evidence_margin: float = 0.06  # bonuses only lift names scoring at least threshold - margin
    max_postings: int = 60
    matchers: tuple[str, ...] = DEFAULT_MATCHERS


@dataclass(slots=True)
class Entity:
    id: str
    order: int  # founding order: the older entity survives a merge
    labels: Counter[str] = field(default_factory=Counter)
    forms: dict[tuple[str, str | None], NameForm] = field(default_factory=dict)
    documents: set[str] = field(default_factory=set)
    neighbours: Counter[str] = field(default_factory=Counter)  # co-occurring entity ids
    members: set[str] = field(default_factory=set)  # mention ids

    def fullest_forms(self) -> list[NameForm]:
        """The forms with the most tokens (``Donald Tusk``, not a bare ``Donald`` that joined it)."""
        most = max((len(f.keys) for f in self.forms.values()), default=0)
        return [f for f in self.forms.values() if len(f.keys) == most]

    @property
    def label(self) -> str | None:
        return self.labels.most_common(1)[0][0] if self.labels else None


class Resolver:
    """Stateful resolver; feed it documents' mentions with :meth:`add_document`."""

    def __init__(
        self,
        settings: ResolverSettings | None = None,
        judgements: Iterable[Judgement] = (),
        matchers: Sequence[Matcher] | None = None,
    ) -> None:
        self.settings = settings or ResolverSettings()
        self.matchers = list(matchers) if matchers is not None else make_matchers(self.settings.matchers)
        self.entities: dict[str, Entity] = {}
        self.assignment: dict[str, str] = {}  # mention id -> entity id
        self.index = BlockIndex(self.settings.max_postings)
        self._document_entities: defaultdict[str, set[str]] = defaultdict(set)
        self._must_link: defaultdict[str, set[str]] = defaultdict(set)
        self._cannot_link: defaultdict[str, set[str]] = defaultdict(set)
        self._redirects: dict[str, str] = {}
        self._known: set[str] = set()  # entities given by seed(): never merged with each other
        for judgement in judgements:
            self.add_judgement(judgement)

    # -- constraints -------------------------------------------------------------------------------

    def add_judgement(self, judgement: Judgement) -> None:
        """Register a constraint; it applies to mentions resolved from now on."""
        links = self._must_link if judgement.kind == "same" else self._cannot_link
        links[judgement.mention_a].add(judgement.mention_b)
        links[judgement.mention_b].add(judgement.mention_a)

    def _forbidden(self, mention_ids: Iterable[str]) -> set[str]:
        return {
            self.canonical(self.assignment[other])
            for mention_id in mention_ids
            for other in self._cannot_link.get(mention_id, ())
            if other in self.assignment
        }

    def _forced(self, mention_id: str) -> str | None:
        partners = [self.assignment[m] for m in self._must_link.get(mention_id, ()) if m in self.assignment]
        return self.canonical(partners[0]) if partners else None

    def canonical(self, entity_id: str) -> str:
        """The surviving id of an entity that may have been merged into another."""
        while entity_id in self._redirects:
            entity_id = self._redirects[entity_id]
        return entity_id

    def entity_of(self, mention_id: str) -> str:
        return self.canonical(self.assignment[mention_id])

    # -- known entities ----------------------------------------------------------------------------

    def seed(
        self,
        entity_id: str,
        names: Iterable[tuple[str, str | None]],
        label: str | None,
        members: Iterable[str] = (),
    ) -> None:
        """Add an entity resolved earlier (incremental resolution): its name forms join the index, the
        ``members`` ids are assigned to it (partners of must-links), and it is never merged with another
        seeded entity, so what was resolved before stays as it was."""
        entity = self.entities.setdefault(entity_id, Entity(entity_id, order=len(self.entities)))
        self._known.add(entity_id)
        code = coarse_label(label)
        if code:
            entity.labels[code] += 1
        for text, lang in names:
            name = analyse_name(text, lang)
            if not name.is_empty and len(entity.forms) < _MAX_FORMS:
                entity.forms.setdefault((name.base, name.lang), name)
                self.index.add(entity_id, blocking_keys(name))
        for member in members:
            self.assignment[member] = entity_id

    # -- resolution --------------------------------------------------------------------------------

    def resolve(self, mentions: Iterable[MentionInput]) -> dict[str, str]:
        """Resolve a stream of mentions grouped by their ``doc``; returns mention id → entity id."""
        by_document: dict[str | None, list[MentionInput]] = {}
        for mention in mentions:
            by_document.setdefault(mention.doc, []).append(mention)
        for document_mentions in by_document.values():
            self.add_document(document_mentions)
        return {mention_id: self.canonical(entity_id) for mention_id, entity_id in self.assignment.items()}

    def add_document(self, mentions: Sequence[MentionInput]) -> list[str]:
        """Resolve one document's mentions (longest names first); returns their entity ids in order."""
        analysed = [(m, analyse_name(m.text, m.lang)) for m in mentions]
        for mention, name in sorted(analysed, key=lambda pair: -len(pair[1].keys)):
            if mention.id not in self.assignment:
                self.assignment[mention.id] = self._place(mention, name)
        return [self.entity_of(m.id) for m in mentions]

    def _place(self, mention: MentionInput, name: NameForm) -> str:
        label = coarse_label(mention.label)
        keys = blocking_keys(name)
        entity_id = self._forced(mention.id)
        also_matching: list[str] = []
        if entity_id is None:
            forbidden = self._forbidden([mention.id])
            scored = []
            for candidate in sorted({self.canonical(c) for c in self.index.candidates(keys)} - forbidden):
                score = self._score(mention, name, label, self.entities[candidate])
                if score >= self.settings.threshold:
                    scored.append((score, candidate))
            if scored:
                scored.sort(key=lambda pair: (-pair[0], pair[1]))
                entity_id = scored[0][1]
                also_matching = [candidate for _, candidate in scored[1:]]
        if entity_id is None:
            entity_id = self._found(name, label)
        self._attach(entity_id, mention, name, label, keys)
        for other in also_matching:
            entity_id = self._merge_if_same(entity_id, other)
        return entity_id

    def _merge_if_same(self, entity_id: str, other_id: str) -> str:
        """Merge two entities if their fullest names match (not only the mention that linked them)."""
        entity, other = self.entities[entity_id], self.entities[other_id]
        if entity_id in self._known and other_id in self._known:
            return entity_id
        if self._label_penalty(entity.label, other.label) is None:
            return entity_id
        if entity_id in self._forbidden(other.members) or other_id in self._forbidden(entity.members):
            return entity_id
        label = entity.label or other.label
        best = 0.0
        for form in entity.fullest_forms():
            for other_form in other.fullest_forms():
                opinions = [m.score(form, other_form, label) for m in self.matchers]
                if VETO in opinions:
                    return entity_id
                best = max([best, *(o for o in opinions if o is not None)])
        if best < self.settings.threshold:
            return entity_id
        survivor, absorbed = (entity, other) if entity.order < other.order else (other, entity)
        self._absorb(survivor, absorbed)
        return survivor.id

    def _absorb(self, survivor: Entity, absorbed: Entity) -> None:
        self._redirects[absorbed.id] = survivor.id
        del self.entities[absorbed.id]
        survivor.labels.update(absorbed.labels)
        survivor.members |= absorbed.members
        for form_key, form in absorbed.forms.items():
            if len(survivor.forms) < _MAX_FORMS:
                survivor.forms.setdefault(form_key, form)
        self.index.add(survivor.id, (k for f in absorbed.forms.values() for k in blocking_keys(f)))
        for doc in absorbed.documents:
            present = self._document_entities[doc]
            present.discard(absorbed.id)
            present.add(survivor.id)
        survivor.documents |= absorbed.documents
        for neighbour, count in absorbed.neighbours.items():
            if neighbour in self.entities and neighbour != survivor.id:
                survivor.neighbours[neighbour] += count
                self.entities[neighbour].neighbours[survivor.id] += count

    def _score(self, mention: MentionInput, name: NameForm, label: str | None, entity: Entity) -> float:
        entity_label = entity.label
        penalty = self._label_penalty(label, entity_label)
        if penalty is None:
            return 0.0
        best = 0.0
        for form in entity.forms.values():
            opinions = [m.score(name, form, label or entity_label) for m in self.matchers]
            if VETO in opinions:
                return 0.0
            best = max([best, *(o for o in opinions if o is not None)])
            if best >= 1.0:
                break
        if mention.doc in entity.documents and self._partial_reference(name, entity):
            best = max(best, self.settings.threshold)
        if best < self.settings.threshold - self.settings.evidence_margin:
            return 0.0
        return best - penalty + self._context_bonus(mention.doc, name, entity)

    @staticmethod
    def _partial_reference(name: NameForm, entity: Entity) -> bool:
        """A one-word mention equal to a word of the entity's fuller name in the same document (``Asia``
        or ``Bibi`` after ``Asia Bibi``): within one text, a partial name refers to the full one."""
        if len(name.keys) != 1:
            return False
        key, skel = name.keys[0], name.skeletons[0]
        return any(
            len(form.keys) > 1 and any(
                token_similarity(key, other, skel, other_skel) >= PARTIAL_TOKEN_SIMILARITY
                for other, other_skel in zip(form.keys, form.skeletons, strict=False)
            )
            for form in entity.fullest_forms()
        )  # fmt: skip

    def _label_penalty(self, label: str | None, other: str | None) -> float | None:
        """0 for compatible labels, a penalty for related ones (LOC/ORG), None when incompatible."""
        if not label or not other or label == other:
            return 0.0
        if {label, other} <= _RELATED_TYPES:
            return self.settings.related_type_penalty
        return None

    def _context_bonus(self, doc: str | None, name: NameForm, entity: Entity) -> float:
        """Evidence beyond the name: the entity is in this document already and this mention is a
        shorter reference to it (``Трампа`` after ``Дональд Трамп``), or the entity co-occurs elsewhere
        with entities of this document."""
        if doc is None:
            return 0.0
        bonus = 0.0
        if doc in entity.documents and len(name.keys) < max(len(f.keys) for f in entity.forms.values()):
            bonus = self.settings.same_document_bonus
        context = self._document_entities.get(doc, set()) - {entity.id}
        if context and doc not in entity.documents:
            shared = sum(1 for other in context if entity.neighbours[other] > 0)
            bonus += self.settings.context_bonus * min(1.0, shared / 3)
        return bonus

    def _found(self, name: NameForm, label: str | None) -> str:
        slug = re.sub(r"[^a-z0-9]+", "-", to_latin(name.base or name.text).lower()).strip("-")
        stem = f"{(label or 'ent').lower()}-{slug[:_MAX_ID_SLUG].strip('-') or 'x'}"
        entity_id, number = stem, 1
        while entity_id in self.entities or entity_id in self._redirects:
            number += 1
            entity_id = f"{stem}-{number}"
        self.entities[entity_id] = Entity(entity_id, order=len(self.entities) + len(self._redirects))
        return entity_id

    def _attach(
        self, entity_id: str, mention: MentionInput, name: NameForm, label: str | None, keys: set[str]
    ) -> None:
        entity = self.entities[entity_id]
        entity.members.add(mention.id)
        if label:
            entity.labels[label] += 1
        form_key = (name.base, name.lang)
        if form_key not in entity.forms and len(entity.forms) < _MAX_FORMS:
            entity.forms[form_key] = name
            self.index.add(entity_id, keys)
        if mention.doc is not None:
            entity.documents.add(mention.doc)
            present = self._document_entities[mention.doc]
            if entity_id not in present:
                for other in present:
                    entity.neighbours[other] += 1
                    self.entities[other].neighbours[entity_id] += 1
                present.add(entity_id)
