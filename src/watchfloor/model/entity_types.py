"""Entity types, defined once: what entities are grouped by, the labels that name each type, its short
code in gold formats (CoNLL, BSNLP, FactRuEval) and the FollowTheMoney schemata it matches.

NER components (spaCy, natasha), watchlists, gold data and reference lists all label entities in their
own words; every stage maps those labels through this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class EntityType:
    name: str  # what entities are grouped by: PERSON, ORG, LOC…
    code: str  # short code of gold formats: PER, ORG, LOC, EVT, PRO…
    labels: frozenset[str]  # upper-case labels that mean this type
    schemata: frozenset[str] = frozenset()  # FollowTheMoney schemata of this type


ENTITY_TYPES: tuple[EntityType, ...] = (
    EntityType("PERSON", "PER", frozenset({"PERSON", "PER"}), frozenset({"Person"})),
    EntityType("ORG", "ORG", frozenset({"ORG", "ORGANIZATION", "ORGANISATION"}),
               frozenset({"Organization", "Company", "PublicBody", "LegalEntity"})),
    EntityType("LOC", "LOC", frozenset({"LOC", "GPE", "FAC", "LOCATION", "FACILITY", "LOCORG"}),
               frozenset({"Address"})),
    EntityType("EVENT", "EVT", frozenset({"EVENT", "EVT"})),
    EntityType("PRODUCT", "PRO", frozenset({"PRODUCT", "PRO"})),
    EntityType("NORP", "NORP", frozenset({"NORP"})),
    EntityType("MISC", "MISC", frozenset({"MISC"})),
)
_BY_LABEL = {label: t for t in ENTITY_TYPES for label in t.labels}
_BY_SCHEMA = {schema: t for t in ENTITY_TYPES for schema in t.schemata}


@cache
def entity_type(label: str) -> EntityType | None:
    """The type a label names (case-insensitive), or None for a label of no type (DATE, MONEY…)."""
    return _BY_LABEL.get(label.strip().upper())


@cache
def type_name(label: str) -> str:
    """The type entities with this label are grouped by; an unknown label, upper-cased, is its own."""
    found = entity_type(label)
    return found.name if found else label.strip().upper()


@cache
def type_code(label: str) -> str:
    """The gold-format code of a label's type (``GPE`` → ``LOC``); an unknown label, upper-cased."""
    found = entity_type(label)
    return found.code if found else label.strip().upper()


def schema_type(schema: str) -> str | None:
    """The type a FollowTheMoney schema's entities have (``Company`` → ``ORG``), None if none."""
    found = _BY_SCHEMA.get(schema)
    return found.name if found else None
