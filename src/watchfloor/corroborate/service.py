"""Claim clusters from stored claims: independent origins, denials, no comments and credibility."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from watchfloor.corroborate.accounts import Voices, counter_accounts, denier_account
from watchfloor.corroborate.clusters import cluster_claims
from watchfloor.corroborate.credibility import Credibility, best_reliability, grade
from watchfloor.corroborate.denials import attach
from watchfloor.corroborate.evidence import ACTOR_ROLES, DocumentFacts, Evidence, name_words
from watchfloor.corroborate.origins import Origin, independent_origins, one_accused
from watchfloor.corroborate.similarity import ClusterSettings, similarity, stems
from watchfloor.extract.claims.embed import from_bytes
from watchfloor.store.base import StoredClaim


@dataclass(slots=True)
class ClaimCluster:
    """Claims in different documents that state the same thing, weighed by independent origins."""

    id: str
    text: str
    claims: list[StoredClaim]  # asserting claims and the denials attached to them
    origins: list[list[str]]  # asserting evidence lines, each a list of document ids
    denials: list[StoredClaim]
    credibility: Credibility
    entity_names: list[str] = field(default_factory=list)
    origin_details: list[Origin] = field(default_factory=list)
    denial_origins: list[Origin] = field(default_factory=list)
    no_comments: list[StoredClaim] = field(default_factory=list)
    accounts: list[StoredClaim] = field(default_factory=list)  # what the denying party itself asserts
    centre: int | None = None  # the id of the claim that states the cluster (most like the others)

    @property
    def independent_origins(self) -> int:
        return len(self.origins)

    @property
    def contradicted(self) -> bool:
        return bool(self.denials) and bool(self.origins)

    @property
    def asserting(self) -> list[StoredClaim]:
        return [c for c in self.claims if c.stance == "asserts"]

    @property
    def time(self) -> str | None:
        dated = sorted(c.time_value for c in self.asserting or self.claims if c.time_value)
        return dated[0] if dated else None

    @property
    def documents(self) -> list[str]:
        return sorted({c.document_id for c in self.claims})

    def involves(self, entity_ids: set[str]) -> bool:
        """Whether one of the entities takes part in a claim of the cluster (or speaks it)."""
        return any(entity_ids & claim_parties(c) for c in self.claims)

    def to_json(self) -> dict[str, Any]:
        """The ``watchfloor claims --format jsonl`` record (docs/corroboration.md)."""
        stances = {"asserts": 0, "denies": 0}
        for claim in self.claims:
            stances[claim.stance] = stances.get(claim.stance, 0) + 1
        return {
            "id": self.id,
            "text": self.text,
            "entities": self.entity_names,
            "time": self.time,
            "stance_counts": stances,
            "documents": self.documents,
            "independent_origins": self.independent_origins,
            "origins": self.origins,
            "origin_details": [_origin_json(o) for o in self.origin_details],
            "denials": [_party_json(c) for c in self.denials],
            "no_comments": [_party_json(c) for c in self.no_comments],
            "accounts": [_party_json(c) for c in self.accounts],
            "contradicted": self.contradicted,
            "credibility": self.credibility.grade,
            "credibility_label": self.credibility.label,
            "explanation": self.credibility.explanation(),
            "claims": [c.id for c in self.claims],
        }


def claim_parties(claim: StoredClaim) -> set[str]:
    """The entities that speak a claim or take part in what it reports."""
    own = {e for e in (claim.speaker_entity_id, claim.affiliation_entity_id) if e}
    return own | {p.entity_id for p in claim.participants if p.entity_id}


def _origin_json(origin: Origin) -> dict[str, Any]:
    return {
        "origin": origin.label,
        "kind": origin.how,
        "weight": origin.weight,
        "documents": origin.documents,
        "collapsed": origin.collapsed,
    }


def _party_json(claim: StoredClaim) -> dict[str, Any]:
    speaker = claim.speaker or claim.source
    return {"claim": claim.id, "document": claim.document_id, "speaker": speaker, "text": claim.claimed}


def evidence_of(claim: StoredClaim, entity_names: Mapping[str, str]) -> Evidence:
    """A stored claim as corroboration sees it."""
    roles: dict[str, set[str]] = {}
    for participant in claim.participants:
        if participant.entity_id:
            roles.setdefault(participant.role, set()).add(participant.entity_id)
    actors = {e for role, ids in roles.items() if role in ACTOR_ROLES | {"other"} for e in ids}
    core = {e for role, ids in roles.items() if role in ACTOR_ROLES for e in ids}
    return Evidence(
        claim_id=claim.id,
        document_id=claim.document_id,
        publisher=claim.publisher,
        stance=claim.stance,
        text=claim.claimed,
        source=claim.speaker or claim.source,
        source_phrase=claim.source,
        source_entity=entity_names.get(claim.speaker_entity_id) if claim.speaker_entity_id else None,
        via=tuple(claim.via),
        hedge=claim.hedge,
        entity_ids=frozenset(claim.entity_ids),
        time_value=claim.time_value,
        speaker_entity_id=claim.speaker_entity_id,
        affiliation_entity_id=claim.affiliation_entity_id,
        affiliation=(entity_names.get(claim.affiliation_entity_id) if claim.affiliation_entity_id else None)
        or claim.affiliation,
        speaker_status=claim.speaker_status,
        basis=claim.basis
        or (
            "job postings" if claim.document_kind == "job_posting" and not claim.speaker else None
        ),  # a posting's own words are the postings themselves
        event=claim.event,
        agents=frozenset(roles.get("agent", ())),
        actors=frozenset(actors),
        core_actors=frozenset(core),
        places=frozenset(roles.get("location", ())),
        objects=_object_words(claim.frame),
        distinctive=frozenset(
            p.entity_id for p in claim.participants if p.entity_id and p.label not in _COUNTRY_LABELS
        ),
        other_instance=bool(_OTHER_INSTANCE.search(claim.claimed)),
        numbers=figures(claim.claimed),
        names=name_words(claim.claimed),
        allegation=bool(claim.frame and claim.frame.get("allegation")),
        time_start=claim.time_start,
        time_end=claim.time_end,
        time_precision=claim.time_precision,
        time_of_event=bool(claim.frame and claim.frame.get("time")),
        embedding=from_bytes(claim.embedding) if claim.embedding else None,
        sentence=claim.sentence,
        position=claim.sentence_start,
        published=claim.published_at,
        lang=claim.document_lang,
    )


_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_FIGURE = re.compile(r"\d[\d,.\u00a0\u202f\u066c ]*\d|\d")
_YEAR = re.compile(r"(?:19|20)\d\d")


def figures(text: str) -> frozenset[str]:
    """Figures of two digits or more in a text, in any script ("1,300", "1 300", "۱۳۰۰" → "1300"):
    the same in every language, so reports in different languages can meet on them."""
    found = set()
    for match in _FIGURE.finditer(text.translate(_DIGITS)):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) >= 2 and not _YEAR.fullmatch(digits):  # years are the claim's time, not a figure
            found.add(digits.lstrip("0") or "0")
    return frozenset(found)


def _object_words(frame: dict[str, Any] | None) -> frozenset[str]:
    """Stems of the nouns in a frame's object ("one-way attack drones" → attack, drone)."""
    found = (frame or {}).get("object") or {}
    words = stems(found.get("text", "")) if isinstance(found, dict) else frozenset()
    return frozenset(w.rstrip("s") for w in words if w not in _VAGUE)


#: Participant labels too broad to tie two claims together on their own.
_COUNTRY_LABELS = frozenset({"GPE", "NORP", None})
#: "another Astervo vessel", "a different factory", "другой завод": a claim about another instance.
_OTHER_INSTANCE = re.compile(
    r"\b(?:another|a different|a separate|an unrelated|другой|другая|другое|другого|"
    r"другим|иной|иная)\b|(?<!\w)دیگری(?!\w)",
    re.IGNORECASE,
)
#: Object words too vague to tell two objects apart.
_VAGUE = frozenset("some any other such hundre thousa dozens number variou severa".split())


#: Clusters larger than this count every member as core (the pairwise pass would be too slow).
CORE_LIMIT = 300


def core_claims(evidences: Sequence[Evidence], settings: ClusterSettings) -> tuple[int | None, set[int]]:
    """The id of the cluster's most central claim (the one most like the others) and the ids of the
    claims that state the cluster's claim itself: the centre and those linked to it directly. Claims
    that joined only through a chain of related claims ("Helmbrecht stopped deliveries", the
    background to a story) are shown with the cluster but do not count as origins of it."""
    if not evidences:
        return None, set()
    if len(evidences) <= 2 or len(evidences) > CORE_LIMIT:
        return evidences[0].claim_id, {e.claim_id for e in evidences}
    words = [stems(e.text) for e in evidences]
    scores = [
        [
            0.0 if i == j else max(similarity(a, b, words[i], words[j], settings), 0.0)
            for j, b in enumerate(evidences)
        ]
        for i, a in enumerate(evidences)
    ]
    centre = max(range(len(evidences)), key=lambda i: (sum(scores[i]), -i))
    floor = settings.threshold * settings.core
    core = {e.claim_id for j, e in enumerate(evidences) if j == centre or scores[centre][j] >= floor}
    return evidences[centre].claim_id, core


def build_clusters(
    claims: Sequence[StoredClaim],
    documents: Mapping[str, DocumentFacts],
    reliability: Mapping[str, str],
    entity_names: Mapping[str, str] | None = None,
    settings: ClusterSettings | None = None,
    publishers: Collection[str] | None = None,
) -> list[ClaimCluster]:
    """Cluster claims, attach denials and no comments, and weigh each cluster by independent origins.

    ``documents`` must cover the claims' documents and the originals of syndicated copies;
    ``reliability`` maps publisher → A–F; ``publishers`` are the publishers a cited source is
    recognised as (by default those of ``documents``).
    """
    settings = settings or ClusterSettings()
    entity_names = entity_names or {}
    evidences = [evidence_of(c, entity_names) for c in claims]
    asserting = [i for i, c in enumerate(claims) if c.stance == "asserts"]
    denying = [i for i, c in enumerate(claims) if c.stance == "denies"]
    silent = [i for i, c in enumerate(claims) if c.stance == "no_comment"]
    groups = [[asserting[i] for i in g] for g in cluster_claims([evidences[i] for i in asserting], settings)]
    denials = attach(groups, evidences, denying, settings)
    alone = [i for i in denying if i not in denials]
    groups += [[alone[i] for i in g] for g in cluster_claims([evidences[i] for i in alone], settings)]
    silences = attach(groups, evidences, silent, settings)
    if publishers is None:
        publishers = [f.publisher for f in documents.values() if f.publisher]
    known = set(publishers) | {c.publisher for c in claims if c.publisher}
    claim_words = {i: stems(claims[i].claimed) for i in asserting}
    voices = Voices(claims, asserting)
    clusters: list[ClaimCluster] = []
    for position, members in enumerate(groups):
        attached = sorted(i for i, where in denials.items() if position in where)
        denied = [i for i in members if claims[i].stance == "denies"] + attached
        denials_here = [claims[j] for j in denied]
        accounts = [
            i for i in members if claims[i].stance == "asserts" and denier_account(claims[i], denials_here)
        ]
        accounts += counter_accounts(claims, claim_words, set(members), denials_here, settings, voices)
        said = [i for i in members if claims[i].stance == "asserts" and i not in accounts]
        if not said and not denied:  # the party's own statements, with nothing to deny
            said, accounts = accounts, []
        lines = independent_origins([evidences[i] for i in said], documents, known)
        centre, central = core_claims([evidences[i] for i in said], settings)
        origins = [o for o in lines if any(e.claim_id in central for e in o.claims)]
        against = independent_origins([evidences[i] for i in denied], documents, known)
        against = one_accused([evidences[i] for i in said], against, entity_names)
        carriers = {p for i in said if (p := claims[i].publisher)}
        credibility = grade(
            len(origins),
            len(against),
            best_reliability(reliability.get(p) for p in carriers),
            [evidences[i].hedge for i in said],
            support=sum(o.weight for o in origins),
            collapsed=[note for o in (*origins, *against) for note in o.collapsed],
        )
        group = sorted((claims[i] for i in {*said, *denied}), key=lambda c: c.id)
        first = next((c.claimed for c in claims if c.id == centre), None) or (
            origins[0].first.text if origins else evidences[denied[0]].text
        )  # the claim most like the others states the cluster
        clusters.append(
            ClaimCluster(
                id=f"cl-{group[0].id}",
                text=first,
                claims=group,
                origins=[o.documents for o in origins],
                denials=[claims[i] for i in sorted(denied, key=lambda i: claims[i].id)],
                credibility=credibility,
                entity_names=sorted({entity_names.get(e, e) for c in group for e in c.entity_ids}),
                origin_details=origins,
                denial_origins=against,
                no_comments=[claims[i] for i, where in sorted(silences.items()) if position in where],
                accounts=[claims[i] for i in sorted(accounts)],
                centre=centre,
            )
        )
    return sorted(clusters, key=lambda c: (-c.independent_origins, c.id))
