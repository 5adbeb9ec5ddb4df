"""Claim clusters: claims in different documents (and languages) that state the same thing.

Leader clustering, in the order claims were published: each claim joins the most similar existing
cluster, compared with that cluster's first claim (its leader), or starts a new one. Comparing with
leaders rather than with any member stops chains of loosely related claims from merging. Candidate
clusters come from blocking on shared entities and content-word stems, so the work grows with block
sizes, never with all pairs.

Similarity is the Dice overlap of content-word stems; resolved entities shared by both claims add to
it (they carry across languages, where words do not).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from watchfloor.corroborate.evidence import Evidence

_WORD = re.compile(r"\w{3,}")
#: Function words that say nothing about what a claim states.
STOPWORDS = frozenset(
    "the and for that this with from have has had was were are been will would could should into onto "
    "over under about after before than then them they their there these those which while who whom "
    "whose what when where why how its also said says say not but any all some such more most other "
    "only very can may might must shall our out own per via his her him she you your".split()
)
STEM_CHARS = 6
#: Blocks larger than this are too common to say anything (e.g. every claim naming "Russia").
MAX_BLOCK = 500


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    threshold: float = 0.5  # similarity at which a claim joins a cluster
    entity_weight: float = 0.5  # share of the score given to entity overlap when ≥ 2 entities are shared
    min_words: int = 3  # claims with fewer content words only cluster through entities


def stems(text: str) -> frozenset[str]:
    """Content-word stems: lower case, function words dropped, cut to a few characters."""
    words = (match.casefold() for match in _WORD.findall(text))
    return frozenset(word[:STEM_CHARS] for word in words if word not in STOPWORDS)


def similarity(a: Evidence, b: Evidence, a_stems: frozenset[str], b_stems: frozenset[str],
               settings: ClusterSettings) -> float:
    """How strongly two claims state the same thing, 0..1."""
    words = 0.0
    if len(a_stems) >= settings.min_words and len(b_stems) >= settings.min_words:
        words = 2 * len(a_stems & b_stems) / (len(a_stems) + len(b_stems))
    shared = len(a.entity_ids & b.entity_ids)
    if shared < 2:
        return words
    entities = shared / len(a.entity_ids | b.entity_ids)
    return max(words, (1 - settings.entity_weight) * words + settings.entity_weight * entities)


def cluster_claims(evidences: Sequence[Evidence], settings: ClusterSettings | None = None) -> list[list[int]]:
    """Indices of ``evidences`` (in publication order) grouped into clusters, largest first."""
    settings = settings or ClusterSettings()
    all_stems = [stems(e.text) for e in evidences]
    cluster_of: list[int] = []  # claim index → cluster number
    leaders: list[int] = []  # cluster number → index of its first claim
    members: list[list[int]] = []
    blocks: dict[str, list[int]] = {}
    for index, evidence in enumerate(evidences):
        keys = ["e:" + e for e in evidence.entity_ids] + ["w:" + s for s in all_stems[index]]
        candidates = {cluster_of[j] for key in keys for j in blocks.get(key, ())[:MAX_BLOCK]}
        best, best_score = -1, settings.threshold
        for cluster in sorted(candidates):
            leader = leaders[cluster]
            score = similarity(evidences[leader], evidence, all_stems[leader], all_stems[index], settings)
            if score >= best_score:
                best, best_score = cluster, score
        if best < 0:
            best = len(leaders)
            leaders.append(index)
            members.append([])
        cluster_of.append(best)
        members[best].append(index)
        for key in keys:
            blocks.setdefault(key, []).append(index)
    return sorted(members, key=len, reverse=True)
