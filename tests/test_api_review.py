"""The seed article through the API: uploaded, its denial by Iran's foreign ministry is a claim that
denies; rejected in the review queue, it leaves the brief and the STIX export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import shared_path
from watchfloor.api.app import create_app
from watchfloor.config import Settings
from watchfloor.service.workbench import Workbench

SEED = "seed/000_aa53ffcfbbfed12b.txt"


@pytest.fixture
def analyst(tmp_path: Path) -> Iterator[tuple[TestClient, dict[str, str]]]:
    settings = Settings(db_url=f"sqlite:///{tmp_path / 'seed.db'}")
    with Workbench.open(settings) as bench:
        _, token = bench.accounts.add("reviewer", "analyst")
    with TestClient(create_app(settings)) as client:
        yield client, {"Authorization": f"Bearer {token}"}


def test_seed_denial_is_rejected_in_review_and_leaves_brief_and_stix(
    analyst: tuple[TestClient, dict[str, str]],
) -> None:
    client, auth = analyst
    seed = shared_path(SEED)
    form = {"kind": "article", "published": "2023-08-15"}
    uploaded = client.post("/api/v1/documents", headers=auth, data=form,
                           files={"file": (seed.name, seed.read_bytes(), "text/plain")})
    assert uploaded.status_code == 201, uploaded.text
    asked = {"speaker": "Kanaani", "stance": "denies"}
    denials = client.get("/api/v1/claims", headers=auth, params=asked).json()
    weapons = [c for c in denials if "had not provided any sides" in c["content"]]
    assert len(weapons) == 1 and "foreign ministry" in (weapons[0]["source"] or "")
    denial = weapons[0]
    queue = client.get("/api/v1/review", headers=auth, params={"kind": "attribution", "limit": 500}).json()
    item = next(i for i in queue if i["id"] == f"claim:{denial['key']}")
    assert item["machine"]["stance"] == "denies" and item["evidence"]

    def brief() -> str:
        response = client.get("/api/v1/briefs/Iran", headers=auth, params={"format": "md"})
        assert response.status_code == 200, response.text
        return response.text

    def stix() -> str:
        response = client.get("/api/v1/export", headers=auth, params={"format": "stix"})
        assert response.status_code == 200, response.text
        return response.text

    # the claim's own evidence: its span in the brief's evidence list, its key on the STIX note
    cited = f"characters {denial['content_start']}–{denial['content_end']}"
    noted = f'"claim_key": "{denial["key"]}"'
    assert cited in brief() and noted in stix()
    rejected = client.post("/api/v1/review/reject", headers=auth, json={"item": item["id"], "why": "test"})
    assert rejected.status_code == 201, rejected.text
    assert rejected.json()["judgement"]["author"] == "reviewer"
    assert cited not in brief() and noted not in stix()
    remaining = client.get("/api/v1/claims", headers=auth, params={"speaker": "Kanaani"}).json()
    assert denial["key"] not in [c["key"] for c in remaining] and remaining  # the other denials stay
    undone = client.post(f"/api/v1/judgements/{rejected.json()['judgement']['id']}/undo", headers=auth)
    assert undone.status_code == 200 and cited in brief() and noted in stix()
