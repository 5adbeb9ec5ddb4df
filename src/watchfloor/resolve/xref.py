"""Cross-reference workspace entities against reference lists (sanctions, PEPs…) by name, any script.

Reference names are analysed and indexed with the resolver's own name analysis and blocking keys, so
only candidates sharing a selective key are scored; the registered matchers score each pair, and
entity types must be compatible (a person never matches a company).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from watchfloor.model.entity_types import schema_type, type_code
from watchfloor.resolve.blocking import BlockIndex, blocking_keys
from watchfloor.resolve.matchers import VETO, make_matchers
from watchfloor.resolve.names import NameForm, analyse_name
from watchfloor.store.base import ReferenceEntity, Store

DEFAULT_THRESHOLD = 0.9
#: Entity types whose names the matchers score with their type in mind (others are matched type-blind).
_TYPED = frozenset({"PERSON", "ORG", "LOC"})
#: Names this short (in characters of their base form) match only when their fingerprints are equal:
#: acronyms and short words are too ambiguous for fuzzy screening ("СМИ", the media, is not SMIC).
SHORT_NAME = 4


@dataclass(slots=True)
class XrefMatch:
    entity_id: str
    entity_name: str
    entity_type: str
    mentions: int
    reference: ReferenceEntity
    score: float
    our_name: str
    their_name: str

    def to_json(self) -> dict[str, Any]:
        return {
            "entity": self.entity_id,
            "name": self.entity_name,
            "type": self.entity_type,
            "mentions": self.mentions,
            "dataset": self.reference.dataset,
            "reference": self.reference.id,
            "caption": self.reference.caption,
            "schema": self.reference.schema,
            "score": round(self.score, 4),
            "matched": [self.our_name, self.their_name],
        }


def xref(store: Store, threshold: float = DEFAULT_THRESHOLD, dataset: str | None = None) -> list[XrefMatch]:
    """Best match per (workspace entity, reference entity) scoring at least ``threshold``."""
    index = BlockIndex()
    references: dict[str, ReferenceEntity] = {}
    forms: dict[str, list[NameForm]] = defaultdict(list)
    for reference in store.reference_entities(dataset):
        key = f"{reference.dataset}\x00{reference.id}"
        references[key] = reference
        for name in reference.names:
            form = analyse_name(name)
            if not form.is_empty:
                forms[key].append(form)
                index.add(key, blocking_keys(form))
    if not references:
        return []
    matchers = make_matchers()
    best: dict[tuple[str, str], XrefMatch] = {}
    for summary in store.top_entities(limit=1_000_000):
        label = type_code(summary.type) if summary.type in _TYPED else None
        for our_name in dict.fromkeys([summary.name, *summary.names]):
            ours = analyse_name(our_name)
            if ours.is_empty:
                continue
            for key in index.candidates(blocking_keys(ours)):
                reference = references[key]
                if (schema_type(reference.schema) or summary.type) != summary.type:
                    continue
                for theirs in forms[key]:
                    if min(len(ours.base), len(theirs.base)) <= SHORT_NAME and (
                        ours.fingerprint != theirs.fingerprint
                    ):
                        continue
                    opinions = [m.score(ours, theirs, label) for m in matchers]
                    if VETO in opinions:
                        continue
                    score = max((o for o in opinions if o is not None), default=0.0)
                    pair = (summary.id, key)
                    if score >= threshold and (pair not in best or score > best[pair].score):
                        best[pair] = XrefMatch(summary.id, summary.name, summary.type, summary.mention_count,
                                               reference, score, our_name, theirs.text)
    return sorted(best.values(), key=lambda m: (-m.score, -m.mentions, m.entity_name))
