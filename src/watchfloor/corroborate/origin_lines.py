"""Evidence lines and the rules that join those that are not independent, each join with its reason.

A claim's line is where it starts (``evidence.origin_of``); lines join when the outlets have one owner
or one author, when a document reports the evidence itself, when evidence named broadly is the one
narrower kind reported, when speakers' names say they are one body, when a source named by its kind
("the police") is the one such body named, when unnamed media repeat other reporting, when a source
refers back to the one named before it, and when a sentence copies an earlier report's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime
from itertools import pairwise

from watchfloor.corroborate.evidence import DocumentFacts, Evidence, Start, name_words
from watchfloor.corroborate.similarity import shared_names
from watchfloor.extract.claims.lexicon import evidence_family
from watchfloor.extract.gloss import gloss_text

#: Word 3-gram overlap (Jaccard) of two claims' sentences at which one is taken to copy the other.
COPIED_SENTENCE = 0.6
_WORD = re.compile(r"\w+")
_EARLIEST = datetime.max.replace(tzinfo=UTC)


def report_order(evidence: Evidence) -> tuple[datetime, int]:
    """Sort key of a report: earliest published first (undated last), then by claim id."""
    return (evidence.published or _EARLIEST, evidence.claim_id)


def _shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold())
    return frozenset(" ".join(words[i : i + 3]) for i in range(max(len(words) - 2, 1)))


class LineGroups:
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


def join_dependent_lines(
    groups: LineGroups,
    lines: Mapping[str, list[Evidence]],
    evidences: Sequence[Evidence],
    starts: Mapping[int, Start],
    documents: Mapping[str, DocumentFacts],
) -> None:
    """Join the lines of ``groups`` that are not independent, rule by rule in this order."""
    _join_outlets(groups, lines, starts, documents)
    _join_own_evidence(groups, lines, starts)
    _join_broad_evidence(groups, lines, starts)
    _join_speakers(groups, lines, starts)
    _join_institutions(groups, lines, starts)
    _join_media(groups, lines, starts)
    _join_continuations(groups, evidences, starts)
    _join_copies(groups, sorted(evidences, key=report_order), starts, documents)


def _join_outlets(
    groups: LineGroups,
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
    groups: LineGroups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
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
    groups: LineGroups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
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


def _join_speakers(
    groups: LineGroups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
) -> None:
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
    groups: LineGroups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
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


def _join_media(
    groups: LineGroups, lines: Mapping[str, list[Evidence]], starts: Mapping[int, Start]
) -> None:
    """A report that rests on "Western media" or «СМИ» without naming them adds no origin of its own
    when the claim has other reporting: it repeats what those reports say."""
    media = [
        key
        for key, claims in lines.items()
        if all(_MEDIA.search(e.source_phrase or "") for e in claims)
    ]
    others = sorted((k for k in lines if k not in media), key=lambda k: report_order(lines[k][0]))
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


def _join_continuations(
    groups: LineGroups, evidences: Sequence[Evidence], starts: Mapping[int, Start]
) -> None:
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
    groups: LineGroups,
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
