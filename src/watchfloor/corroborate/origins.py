"""Independent origins: evidence lines collapsed until what remains does not depend on anything else.

Claims start in the line of their origin (``evidence.origin_of``): a speaker, the evidence they rest
on, or the outlet's own reporting (syndicated copies with their original). Lines of the outlet's own
reporting then collapse when the outlets are one owner's, when one author wrote for both, or when one
claim's sentence is copied from another's report. Each independent origin weighs by how firmly its
first report puts the claim: a report that photos "suggest" something is worth half of one that
states it. Every collapse is recorded in plain words for the credibility explanation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import pairwise

from watchfloor.corroborate.evidence import (
    DocumentFacts,
    Evidence,
    Start,
    name_key,
    name_words,
    origin_of,
    root_document,
)
from watchfloor.corroborate.similarity import shared_names
from watchfloor.extract.claims.lexicon import evidence_family
from watchfloor.extract.gloss import gloss_text

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
#: Word 3-gram overlap (Jaccard) of two claims' sentences at which one is taken to copy the other.
COPIED_SENTENCE = 0.6
_WORD = re.compile(r"\w+")
_EARLIEST = datetime.max.replace(tzinfo=UTC)


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
        return min(self.claims, key=_order)


def _order(evidence: Evidence) -> tuple[datetime, int]:
    return (evidence.published or _EARLIEST, evidence.claim_id)


def _shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold())
    return frozenset(" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1)))


class _Groups:
    """Union-find over line keys, remembering why lines were joined."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}
        self.reasons: dict[str, list[str]] = {key: [] for key in self.parent}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, first: str, second: str, reason: str) -> None:
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        self.parent[b] = a
        self.reasons[a] += [*self.reasons.pop(b), reason]


def independent_origins(
    evidences: Sequence[Evidence], documents: Mapping[str, DocumentFacts], publishers: Iterable[str] = ()
) -> list[Origin]:
    """The independent origins of a set of claims (all asserting, or all denying), earliest first."""
    known = list(publishers)
    starts: dict[int, Start] = {e.claim_id: origin_of(e, documents, known) for e in evidences}
    lines: dict[str, list[Evidence]] = {}
    for evidence in sorted(evidences, key=_order):
        lines.setdefault(starts[evidence.claim_id].key, []).append(evidence)
    groups = _Groups(lines)
    _join_outlets(groups, lines, starts, documents)
    _join_own_evidence(groups, lines, starts)
    _join_broad_evidence(groups, lines, starts)
    _join_speakers(groups, lines, starts)
    _join_institutions(groups, lines, starts)
    _join_media(groups, lines, starts)
    _join_continuations(groups, evidences, starts)
    _join_copies(groups, sorted(evidences, key=_order), starts, documents)
    origins: dict[str, Origin] = {}
    for key, claims in lines.items():
        root = groups.find(key)
        origin = origins.get(root)
        if origin is None:
            first = starts[claims[0].claim_id]
            origin = origins[root] = Origin(root, first.label, first.how, [], collapsed=groups.reasons[root])
        origin.claims.extend(claims)
    for origin in origins.values():
        origin.claims.sort(key=_order)
        origin.weight = HEDGE_WEIGHTS.get(origin.first.hedge, 1.0)
        origin.collapsed = [*_carried(origin, starts, documents), *origin.collapsed]
    return sorted(origins.values(), key=lambda o: _order(o.first))


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
    merged.claims.sort(key=_order)
    merged.label = name
    merged.collapsed = [f"{len(theirs)} denials by the party the claim is about ({name}) are one line"]
    return [o for o in denials if all(o is not other for other, _ in theirs[1:])]


def _same_name(first: str, second: str) -> bool:
    """Whether two names are one: one inside the other, or their words alike across scripts."""
    a, b = name_key(first), name_key(second)
    if a and b and (f"{a} " in f"{b} " or f"{b} " in f"{a} "):
        return True
    spelled, spelled_other = name_words(first, consonants=2), name_words(second, consonants=2)
    return bool(spelled and spelled_other) and shared_names(spelled, spelled_other) >= min(
        len(spelled), len(spelled_other)
    )


def _join_outlets(
    groups: _Groups,
    lines: Mapping[str, list[Evidence]],
    starts: Mapping[int, Start],
    documents: Mapping[str, DocumentFacts],
) -> None:
    """Outlet lines of one owner, or whose reports one author wrote, are one line."""
    by_owner: dict[str, str] = {}
    by_author: dict[str, str] = {}
    for key, claims in lines.items():
        if starts[claims[0].claim_id].how != "outlet":
            continue
        for evidence in claims:
            facts = documents.get(evidence.document_id)
            if facts is None:
                continue
            if facts.owner:
                earlier = by_owner.setdefault(facts.owner.casefold(), key)
                groups.join(
                    earlier,
                    key,
                    f"{_outlet(lines[earlier])} and {facts.publisher} have one owner ({facts.owner})",
                )
            if _personal_author(facts):
                assert facts.author is not None
                earlier = by_author.setdefault(facts.author.casefold(), key)
                groups.join(
                    earlier,
                    key,
                    f"one author ({facts.author}) wrote for {_outlet(lines[earlier])} and {facts.publisher}",
                )


def _join_own_evidence(
    groups: _Groups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
) -> None:
    """Evidence a document reports in its own voice is that document's reporting: the evidence line
    joins the outlet's line (so outlets resting on the same photos or records become one origin)."""
    outlet_of: dict[str, str] = {}
    for key, claims in lines.items():
        for evidence in claims:
            if starts[evidence.claim_id].how == "outlet":
                outlet_of.setdefault(evidence.document_id, key)
    for key, claims in lines.items():
        for evidence in claims:
            own = outlet_of.get(evidence.document_id)
            if starts[evidence.claim_id].how == "evidence" and own is not None:
                groups.join(
                    own,
                    key,
                    f"{evidence.publisher or evidence.document_id} reports the "
                    f"{starts[evidence.claim_id].label} itself",
                )


def _join_broad_evidence(
    groups: _Groups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
) -> None:
    """Evidence named broadly ("the records") where the claim's reports name one narrower kind of it
    ("leaked customs records") is that evidence: the broad line joins the narrow one."""
    kinds = {
        key: starts[claims[0].claim_id].label
        for key, claims in lines.items()
        if starts[claims[0].claim_id].how == "evidence"
    }
    for key, kind in kinds.items():
        if evidence_family(kind) != kind:
            continue
        narrow = [other for other, k in kinds.items() if k != kind and evidence_family(k) == kind]
        if len(narrow) == 1:
            groups.join(narrow[0], key, f"the {kind} are the {kinds[narrow[0]]} reported")


def _join_speakers(groups: _Groups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]) -> None:
    """Speakers whose names say they are one body ("Ukraine's sanctions monitors" and the "National
    Sanctions Monitoring Service"; "Osh" police and the "Osh City Police Directorate") are one origin:
    two content words of their names in common, or every word of one name in the other."""
    named = [
        (key, _name_words(claims), name_words(starts[claims[0].claim_id].label, consonants=2))
        for key, claims in lines.items()
        if starts[claims[0].claim_id].how in ("speaker", "outlet")
    ]
    for index, (key, words, spelled) in enumerate(named):
        for other, theirs, spelled_other in named[index + 1 :]:
            small, large = sorted((words, theirs), key=len)
            scripts = min(len(spelled), len(spelled_other))
            # «اوپن هال مانیتور» is Open Hull Monitor: its words match across scripts
            one_name = scripts >= 2 and shared_names(spelled, spelled_other) >= max(2, scripts - 1)
            if one_name or len(words & theirs) >= 2 or (small and small < large):  # one name inside the other
                groups.join(
                    key,
                    other,
                    f"{starts[lines[key][0].claim_id].label} and "
                    f"{starts[lines[other][0].claim_id].label} name one body",
                )


#: Institutions a report may name by their kind alone ("the police", «милиция», «پلیس»).
INSTITUTION_WORDS = frozenset(
    "police militia ministry customs army military navy government prosecutor prosecutors court "
    "embassy company firm union party council commission agency".split()
)
_LEADING = re.compile(r"^(?:the|a|an|local|city|state)\s+", re.IGNORECASE)


def _join_institutions(
    groups: _Groups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
) -> None:
    """A report that names its source by kind only ("по данным милиции", "the police said") where
    the other reports of the claim name exactly one such body ("Osh City Police Directorate"): that
    body is its source, and the outlet's line joins the body's."""
    bodies: dict[str, list[str]] = {}
    for key, claims in lines.items():
        start = starts[claims[0].claim_id]
        if start.how == "speaker":
            for word in re.findall(r"\w+", start.label.casefold()):
                if word in INSTITUTION_WORDS:
                    bodies.setdefault(word, []).append(key)
    for key, claims in lines.items():
        if starts[claims[0].claim_id].how != "outlet":
            continue
        for evidence in claims:
            phrase = _LEADING.sub("", (evidence.source_phrase or "").strip())
            if not phrase or " " in phrase:
                continue
            kind = gloss_text(phrase, evidence.lang).split(" ", 1)[0].casefold()
            named = sorted(set(bodies.get(kind, ())))
            if len(named) == 1:
                groups.join(named[0], key, f"“{phrase}” is the {starts[lines[named[0]][0].claim_id].label}")
                break


#: Sources that are other reporting, unnamed ("Western media", «СМИ», «رسانه‌ها»).
_MEDIA = re.compile(
    r"\b(?:media|press reports|news reports|reports)\b|(?<!\w)(?:сми|прессы|пресса)(?!\w)|رسانه",
    re.IGNORECASE,
)


def _join_media(groups: _Groups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]) -> None:
    """A report that rests on "Western media" or «СМИ» without naming them adds no origin of its own
    when the claim has other reporting: it repeats what those reports say."""
    media = [
        key
        for key, claims in lines.items()
        if all(_MEDIA.search(e.source_phrase or "") for e in claims)
    ]
    others = sorted((k for k in lines if k not in media), key=lambda k: _order(lines[k][0]))
    if not others:
        return
    for key in media:
        groups.join(others[0], key, f"“{lines[key][0].source_phrase}” repeats earlier reporting")


#: Source phrases that refer back to the source named before them, in English, Russian and Persian.
_REFERRING_BACK = re.compile(
    r"^(?:the|this|these|those|they|it|its|he|she|his|her|этот|эта|это|эти|они|он|она|его|её|их|группа|"
    r"организация|компания)\b|^(?:این|آن|او|ایشان|آن‌ها|اینها|این‌ها)(?![\w\u200c])",
    re.IGNORECASE,
)


def _join_continuations(groups: _Groups, evidences: Sequence[Evidence], starts: Mapping[int, Start]) -> None:
    """A source that refers back to the one named just before it in the same document ("…, Open Hull
    Monitor said. The group also found…", "«…» … این گروه …") continues that source's line."""
    by_document: dict[str, list[Evidence]] = {}
    for evidence in evidences:
        by_document.setdefault(evidence.document_id, []).append(evidence)
    for claims in by_document.values():
        claims.sort(key=lambda e: e.position or 0)
        for earlier, later in pairwise(claims):
            start, first = starts[later.claim_id], starts[earlier.claim_id]
            phrase = (later.source_phrase or "").strip()
            if start.how == "outlet" and first.how == "speaker" and _REFERRING_BACK.match(phrase):
                groups.join(
                    first.key,
                    start.key,
                    f"“{phrase}” in {later.publisher or later.document_id} is {first.label} again",
                )


def _name_words(claims: Sequence[Evidence]) -> frozenset[str]:
    """Content-word stems of the names a line's speakers go by."""
    words: set[str] = set()
    for evidence in claims:
        for name in (evidence.source, evidence.source_phrase, evidence.source_entity):
            words |= {w.casefold()[:6] for w in _WORD.findall(name or "") if len(w) > 3}
    return frozenset(words - _GENERIC_NAME_WORDS)


#: Words of speakers' names too common to say two names are one body.
_GENERIC_NAME_WORDS = frozenset(
    "offici minist govern agency spokes office depart nation nationa state "
    "intern press public report group compan servic inform source".split()
)


def _personal_author(facts: DocumentFacts) -> bool:
    """A byline naming a person (two words or more, not the outlet itself, not a desk)."""
    author = (facts.author or "").strip()
    if len(author.split()) < 2 or author.casefold() == (facts.publisher or "").casefold():
        return False
    return not (set(author.casefold().split()) & _DESKS)


_DESKS = frozenset(
    "staff desk press office newsroom editors editorial board team agency service bureau reporters "
    "correspondent correspondents lab institute".split()
)


def _outlet(claims: Sequence[Evidence]) -> str:
    return claims[0].publisher or claims[0].document_id


def _join_copies(
    groups: _Groups,
    ordered: Sequence[Evidence],
    starts: Mapping[int, Start],
    documents: Mapping[str, DocumentFacts],
) -> None:
    """A claim whose sentence copies an earlier report's is part of that report's line."""
    seen: list[tuple[Evidence, frozenset[str]]] = []
    for evidence in ordered:
        if not evidence.sentence:
            continue
        mine = _shingles(evidence.sentence)
        for earlier, theirs in seen:
            if earlier.document_id == evidence.document_id or not mine or not theirs:
                continue
            if len(mine & theirs) / len(mine | theirs) >= COPIED_SENTENCE:
                groups.join(
                    starts[earlier.claim_id].key,
                    starts[evidence.claim_id].key,
                    f"{evidence.publisher or evidence.document_id} repeats the words of "
                    f"{earlier.publisher or earlier.document_id}",
                )
                break
        seen.append((evidence, mine))


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
