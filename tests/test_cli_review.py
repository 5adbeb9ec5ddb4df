"""``watchfloor review`` on the command line: the queue, a decision, its history and undo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_cli_newcomer import call


@pytest.fixture
def workspace(sample_db: Path, tmp_path: Path) -> str:
    copy = tmp_path / "cli-review.db"
    shutil.copy(sample_db, copy)
    return str(copy)


def test_review_queue_decide_history_undo(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = call(capsys, "--db", workspace, "review", "--kind", "attribution", "--limit", "5",
                          "--format", "json")
    assert code == 0, err
    queue = json.loads(out)
    assert len(queue) == 5 and all(item["id"].startswith("claim:") for item in queue)
    denial = next(item for item in queue if item["machine"]["stance"] == "denies")
    code, out, err = call(capsys, "--db", workspace, "review", "reject", denial["id"], "--why", "misread")
    assert code == 0 and f"reject {denial['id']}" in out, err
    judgement_id = out.split()[1].rstrip(":")
    code, out, _ = call(capsys, "--db", workspace, "claims", "--stance", "denies", "--format", "json")
    assert denial["machine"]["content"] not in [c["content"] for c in json.loads(out)
                                                if c["document_id"] == denial["document_id"]]
    code, out, _ = call(capsys, "--db", workspace, "review", "history", "--format", "csv")
    assert code == 0 and denial["id"] in out and "misread" in out
    code, out, err = call(capsys, "--db", workspace, "review", "undo", judgement_id)
    assert code == 0 and "undone" in out, err
    code, out, _ = call(capsys, "--db", workspace, "review", "--kind", "attribution", "--limit", "5",
                        "--format", "json")
    assert denial["id"] in [item["id"] for item in json.loads(out)]


def test_review_correct_takes_exactly_one_field(workspace: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = call(capsys, "--db", workspace, "review", "correct", "claim:x:1:2")
    assert code == 1 and "exactly one of --stance, --time, --label" in err and len(err.splitlines()) == 1
    code, _, err = call(capsys, "--db", workspace, "review", "correct", "claim:x:1:2", "--time", "2024")
    assert code == 1 and "no claim x:1:2" in err
