"""Evidence lines, claim clusters and credibility on hand-built claims."""

from __future__ import annotations

from watchfloor.corroborate.clusters import cluster_claims
from watchfloor.corroborate.credibility import best_reliability, grade
from watchfloor.corroborate.evidence import Evidence, evidence_lines, name_key, root_document

CLAIM = "Russia is building Iranian-designed attack drones at a plant in Tatarstan"


def _evidence(claim_id: int, document: str, publisher: str, source: str | None = None,
              stance: str = "asserts", text: str = CLAIM) -> Evidence:
    return Evidence(claim_id, document, publisher, stance, text, source=source,
                    entity_ids=frozenset({"russia", "iran", "tatarstan"}))


def test_wire_copies_ngo_citations_and_a_statement_are_three_lines_and_a_denial() -> None:
    syndicated = {"wire": None, "copy-1": "wire", "copy-2": "wire", "copy-3": "copy-2"}
    publishers = {"wire": "Wire Service", "copy-1": "Paper A", "copy-2": "Paper B", "copy-3": "Paper C",
                  "ngo": "Airwars", "cite-1": "Financial Times", "cite-2": "The Daily", "gov": "White House",
                  "mfa": "Iran foreign ministry"}
    claims = [
        _evidence(1, "wire", "Wire Service", source="officials in Kazan"),
        _evidence(2, "copy-1", "Paper A"),
        _evidence(3, "copy-2", "Paper B"),
        _evidence(4, "copy-3", "Paper C"),
        _evidence(5, "ngo", "Airwars"),  # the NGO's own report
        _evidence(6, "cite-1", "Financial Times", source="Airwars"),
        _evidence(7, "cite-2", "The Daily", source="research by Airwars"),
        _evidence(8, "gov", "White House", source="the White House"),
        _evidence(9, "mfa", "Iran foreign ministry", stance="denies",
                  text="Iran denied that Russia is building Iranian drones in Tatarstan"),
    ]
    (cluster,) = cluster_claims(claims)
    assert sorted(cluster) == list(range(9))
    known = publishers.values()
    asserting = evidence_lines([c for c in claims if c.stance != "denies"], publishers.get, syndicated, known)
    assert {k: sorted(e.claim_id for e in v) for k, v in asserting.items()} == {
        "source:wire service": [1, 2, 3, 4],
        "source:airwars": [5, 6, 7],
        "source:white house": [8],
    }
    denying = evidence_lines([c for c in claims if c.stance == "denies"], publishers.get, syndicated, known)
    assert len(denying) == 1


def test_paraphrases_join_and_unrelated_claims_stay_apart() -> None:
    claims = [
        Evidence(1, "a", "P", "asserts", "The plant recruited Farsi interpreters since April"),
        Evidence(2, "b", "Q", "asserts", "The plant has recruited Farsi-speaking interpreters since April"),
        Evidence(3, "c", "R", "asserts", "Venezuela bought drone technology from Iran in 2012"),
        Evidence(4, "a", "P", "asserts", "The plant recruited Farsi interpreters since April, it said"),
    ]
    assert sorted(sorted(c) for c in cluster_claims(claims)) == [[0, 1, 3], [2]]


def test_helpers() -> None:
    assert name_key("The Financial Times's") == "financial times"
    assert root_document("c", {"c": "b", "b": "a", "a": "c"}) in {"a", "b", "c"}  # cycle-safe
    assert best_reliability(["F", "C", None, "B"]) == "B"


def test_grades_follow_independent_lines_reliability_denials_and_hedges() -> None:
    assert grade(3, 0).grade == 1
    assert grade(3, 1).grade == 2
    assert grade(2, 0).grade == 2
    assert grade(1, 0, "B").grade == 2
    assert grade(1, 0, "C").grade == 3
    assert grade(1, 0).grade == 6
    assert grade(1, 0, "B", ["unlikely"]).grade == 4
    assert grade(1, 2).grade == 5
    assert grade(0, 1).grade == 5
    explained = grade(3, 1, "A").explanation()
    assert explained.startswith("2 (probably true): 3 independent lines of evidence assert it")
    assert "denied by 1 independent line" in explained
