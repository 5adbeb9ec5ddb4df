"""Independent origins: evidence lines collapsed until what remains does not depend on anything else.

Claims start in the line of their origin (``evidence.origin_of``): a speaker, the evidence they rest
on, or the outlet's own reporting (syndicated copies with their original). Lines of the outlet's own
reporting then collapse when the outlets are one owner's, when one author wrote for both, or when one
claim's sentence is copied from another's report. Each independent origin weighs by how firmly its
first report puts the claim: a report that photos "suggest" something is worth half of one that
states it. Every collapse is recorded in plain words for the credibility explanation.
The rules that join lines are in ``origin_lines``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from watchfloor.corroborate.evidence import (
    DocumentFacts,
    Evidence,
    Start,
    name_words,
    origin_of,
    root_document,
    source_key,
)
from watchfloor.corroborate.origin_lines import LineGroups, join_dependent_lines, report_order
from watchfloor.corroborate.similarity import shared_names

#: How much an origin weighs by the hedge of its first report (ICD 203 levels; unhedged is 1).
HEDGE_WEIGHTS: dict[str | None, float] = {
    None: 1.0,
    "almost certain": 1.0,
    "very likely": 1.0,
    "likely": 0.75,
    "roughly even chance": 0.5,
    "unlikely": 0.25,
    "very unlikely": 0.1,
    "almost no chance": 0.0,
}


@dataclass(slots=True)
class Origin:
    """One independent origin of a claim: its claims, what it is, its weight, and what was collapsed."""

    key: str
    label: str
    how: str  # "evidence", "speaker" or "outlet" (of the first line)
    claims: list[Evidence]
    weight: float = 1.0
    collapsed: list[str] = field(default_factory=list)

    @property
    def documents(self) -> list[str]:
        return sorted({e.document_id for e in self.claims})

    @property
    def first(self) -> Evidence:
        return min(self.claims, key=report_order)


def independent_origins(
    evidences: Sequence[Evidence], documents: Mapping[str, DocumentFacts], publishers: Iterable[str] = ()
) -> list[Origin]:
    """The independent origins of a set of claims (all asserting, or all denying), earliest first."""
    known = list(publishers)
    starts: dict[int, Start] = {e.claim_id: origin_of(e, documents, known) for e in evidences}
    lines: dict[str, list[Evidence]] = {}
    for evidence in sorted(evidences, key=report_order):
        lines.setdefault(starts[evidence.claim_id].key, []).append(evidence)
    groups = LineGroups(lines)
    join_dependent_lines(groups, lines, evidences, starts, documents)
    origins: dict[str, Origin] = {}
    for key, claims in lines.items():
        root = groups.find(key)
        origin = origins.get(root)
        if origin is None:
            first = starts[claims[0].claim_id]
            origin = origins[root] = Origin(root, first.label, first.how, [], collapsed=groups.reasons[root])
        origin.claims.extend(claims)
    for origin in origins.values():
        origin.claims.sort(key=report_order)
        origin.weight = HEDGE_WEIGHTS.get(origin.first.hedge, 1.0)
        origin.collapsed = [*_carried(origin, starts, documents), *origin.collapsed]
    return sorted(origins.values(), key=lambda o: report_order(o.first))


def one_accused(
    asserted: Sequence[Evidence], denials: list[Origin], names: Mapping[str, str]
) -> list[Origin]:
    """The denials of a party the claim is about, however many outlets carry them, however many of its
    people speak, in whatever script, are one line: the accused party denies ("Astervo Shipping", its
    director, its statement, «شرکت آستروو»). Denials by anyone else stay lines of their own."""
    accused = {names.get(e, e) for claim in asserted for e in claim.agents | claim.core_actors}

    def party(origin: Origin) -> str | None:
        for denial in origin.claims:
            spoken = [
                n for n in (denial.source_entity, denial.source, denial.affiliation, denial.publisher) if n
            ]
            spoken += [names.get(e, e) for e in denial.agents]
            for name in accused:
                if any(_same_name(name, said) for said in spoken):
                    return name
        return None

    parties = [(o, party(o)) for o in denials]
    theirs = [(o, name) for o, name in parties if name is not None]
    if len(theirs) < 2:
        return denials
    merged, name = theirs[0]
    for other, _ in theirs[1:]:
        merged.claims.extend(other.claims)
    merged.claims.sort(key=report_order)
    merged.label = name
    merged.collapsed = [f"{len(theirs)} denials by the party the claim is about ({name}) are one line"]
    return [o for o in denials if all(o is not other for other, _ in theirs[1:])]


def _same_name(first: str, second: str) -> bool:
    """Whether two names are one: one inside the other, or their words alike across scripts."""
    a, b = source_key(first), source_key(second)
    if a and b and (f"{a} " in f"{b} " or f"{b} " in f"{a} "):
        return True
    spelled, spelled_other = name_words(first, consonants=2), name_words(second, consonants=2)
    return bool(spelled and spelled_other) and shared_names(spelled, spelled_other) >= min(
        len(spelled), len(spelled_other)
    )


def _carried(
    origin: Origin, starts: Mapping[int, Start], documents: Mapping[str, DocumentFacts]
) -> list[str]:
    """Plain words for what an origin's own line already holds: copies, citations, shared evidence."""
    syndicated = {d: f.syndicated_from for d, f in documents.items()}
    notes: list[str] = []
    copies = sorted(
        {
            documents[e.document_id].publisher or e.document_id
            for e in origin.claims
            if e.document_id in documents and root_document(e.document_id, syndicated) != e.document_id
        }
    )
    if copies:
        notes.append(f"syndicated copies ({', '.join(copies)}) count with their original")
    resting = [e for e in origin.claims if starts[e.claim_id].how == "evidence"]
    evidence = sorted({starts[e.claim_id].label for e in resting})
    resting_outlets = sorted({e.publisher or e.document_id for e in resting})
    if len(resting_outlets) > 1:
        notes.append(
            f"{len(resting)} reports ({', '.join(resting_outlets)}) rest on the same evidence "
            f"({', '.join(evidence)}): one origin"
        )
    citing = sorted(
        {e.publisher or e.document_id for e in origin.claims if starts[e.claim_id].how == "speaker"}
        | ({origin.first.publisher or origin.first.document_id} if origin.how != "speaker" else set())
    )
    if len(citing) > 1:
        notes.append(f"{', '.join(citing)} all report {origin.label}: one origin, not {len(citing)}")
    hedge = origin.first.hedge
    if hedge is not None and HEDGE_WEIGHTS.get(hedge, 1.0) < 1.0:
        notes.append(f"its first report is hedged ({hedge}): it weighs {HEDGE_WEIGHTS[hedge]:g}")
    return notes
