"""Which claim a denial denies, and whose silence a "no comment" records.

A denial attaches to the cluster whose participants it denies: the denier (the speaker, their
organisation, or the agent of the denied statement: "we have never carried cargo for them") acts in
what the cluster's claims report (not merely speaks them), the events are compatible and the times
do not conflict. A denial of "the allegations" or "the reports" names no event of its own: it
attaches to clusters whose claims name its speaker, best those reported in the same document. A
denial also attaches where its denied proposition, read as if asserted, is as close to a claim as a
paraphrase (when its party acts in no cluster), and to the claims the article reporting it carries.
When several clusters qualify, the best-matching ones take it. A no comment attaches where its party acts.
"""

from __future__ import annotations

from collections.abc import Sequence

from watchfloor.corroborate.evidence import Evidence
from watchfloor.corroborate.similarity import (
    ClusterSettings,
    conflict,
    embedding_similarity,
    similarity,
    stems,
)
from watchfloor.extract.claims.lexicon import compatible_events

#: How far below the best match another cluster may be and still take the denial.
TIE_MARGIN = 0.05


def _deniers(denial: Evidence) -> frozenset[str]:
    own = {e for e in (denial.speaker_entity_id, denial.affiliation_entity_id) if e}
    return denial.agents | frozenset(own)


def _match(denial: Evidence, claim: Evidence, settings: ClusterSettings) -> float:
    """How well a denial fits one asserted claim, 0 when it does not: the denier acts in what the
    claim reports, or the denied proposition is the claim's (a denial negates the same words)."""
    return _party_match(denial, claim, settings) if _comparable(denial, claim, settings) else 0.0


def _comparable(denial: Evidence, claim: Evidence, settings: ClusterSettings) -> bool:
    """No conflict of instance or time, and events that can be one."""
    if conflict(denial, claim, settings):
        return False
    return not (denial.event and claim.event and not compatible_events(denial.event, claim.event))


def _party_match(denial: Evidence, claim: Evidence, settings: ClusterSettings) -> float:
    deniers = _deniers(denial)
    involved = claim.actors | claim.agents | (claim.entity_ids if denial.allegation else frozenset())
    if not deniers & involved:
        return 0.0
    score = 0.5
    if denial.document_id == claim.document_id:
        score += 0.2  # a denial reported beside the claim answers it
    if denial.allegation:
        return score
    named = (denial.actors | denial.places) - deniers
    others = (claim.actors | claim.agents | claim.places) - deniers
    score += 0.2 * min(len(named & others), 2) - 0.15 * min(len(named - others), 2)
    if denial.event and claim.event:
        score += 0.1
    words = stems(denial.text) & stems(claim.text)
    return max(score + 0.05 * min(len(words), 4) + 0.3 * embedding_similarity(denial, claim, settings), 0.01)


def _context_match(denial: Evidence, members: Sequence[Evidence]) -> float:
    """A denial reported in an article answers the claims the article reports ("…, the people said.
    Astervo denied that…"): the more of the cluster's claims its document carries, the better; the
    denying party's own assertions do not count."""
    deniers = _deniers(denial)
    beside = [
        m
        for m in members
        if m.document_id == denial.document_id
        and m.stance == "asserts"
        and not {m.speaker_entity_id, m.affiliation_entity_id} & deniers
        and compatible_events(denial.event, m.event)
    ]
    if not beside:
        return 0.0
    return 0.5 + 0.05 * min(len(beside), 4)


def _topic(denial: Evidence, claim: Evidence, settings: ClusterSettings) -> float:
    return _topic_match(denial, claim, settings) if _comparable(denial, claim, settings) else 0.0


def _topic_match(denial: Evidence, claim: Evidence, settings: ClusterSettings) -> float:
    """The denied proposition read as if asserted: as similar to the claim as a paraphrase would be
    ("that any workers had walked out" and "about 900 workers walked out")."""
    if denial.allegation:
        return 0.0
    value = similarity(denial, claim, stems(denial.text), stems(claim.text), settings)
    return value if value >= settings.threshold else 0.0


def _cluster_index(
    clusters: Sequence[Sequence[int]], evidences: Sequence[Evidence]
) -> tuple[dict[tuple[str, bool], set[int]], dict[str, set[int]]]:
    """Cluster positions by the parties acting in their claims (with the entities they name, for
    denials of an allegation: the key's flag) and by their claims' documents: a denial can match
    only a cluster in which one of its deniers acts or one reported in its own document."""
    by_party: dict[tuple[str, bool], set[int]] = {}
    by_document: dict[str, set[int]] = {}
    for position, members in enumerate(clusters):
        for member in members:
            claim = evidences[member]
            by_document.setdefault(claim.document_id, set()).add(position)
            acting = claim.actors | claim.agents
            for party in acting:
                by_party.setdefault((party, False), set()).add(position)
            for party in acting | claim.entity_ids:
                by_party.setdefault((party, True), set()).add(position)
    return by_party, by_document


def attach(
    clusters: Sequence[Sequence[int]],
    evidences: Sequence[Evidence],
    candidates: Sequence[int],
    settings: ClusterSettings,
) -> dict[int, list[int]]:
    """For each candidate (a denial or no comment, by index into ``evidences``), the clusters (by
    position in ``clusters``) it attaches to; candidates that fit none are left out."""
    attached: dict[int, list[int]] = {}
    by_party, by_document = _cluster_index(clusters, evidences)
    for candidate in candidates:
        denial = evidences[candidate]
        scores = [0.0] * len(clusters)
        reach = set(by_document.get(denial.document_id, ()))  # only these can score above 0
        for party in _deniers(denial):
            reach.update(by_party.get((party, denial.allegation), ()))
        for position in reach:
            members = clusters[position]
            scores[position] = max(
                [
                    _context_match(denial, [evidences[m] for m in members]),
                    *(_match(denial, evidences[m], settings) for m in members),
                ]
            )
        if not any(scores):  # no cluster its party acts in: the claims its words deny
            scores = [
                max((_topic(denial, evidences[m], settings) for m in members), default=0.0)
                for members in clusters
            ]
        best = max(scores, default=0.0)
        if best <= 0.0:
            continue
        attached[candidate] = [
            i for i, value in enumerate(scores) if value > 0 and value >= best - TIE_MARGIN
        ]
    return attached
