"""``watchfloor timeline``: claims dated by their governing time expression, documents by publication."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchfloor.cli.main import build_app
from watchfloor.extract.temporal import ClaimTime, TemporalTagger
from watchfloor.model import Analysis, Attribution, Document, DocumentKind, EntityMention, Span
from watchfloor.store.sql import open_store

NER = "ner.spacy@1"
ATTRIBUTION = "attribution.en@1"
POSTING = "Alabuga Polytechnic seeks interpreters with Farsi for technical documents. Apply by email."
ARTICLE = (
    "Satellite photos indicate Albatross began drone production at Alabuga in January. The site is large."
)
DENIAL = "Last month the foreign ministry denied that Iran sent drones. Reporters had asked about Alabuga."


def at(text: str, needle: str) -> Span:
    start = text.index(needle)
    return Span.of(text, start, start + len(needle))


def analysed(text: str, published: date, attributions: list[tuple[str, str, str]]) -> Analysis:
    """Real temporal and claim-time components over a text with given (cue, content, stance) claims."""
    analysis = Analysis(
        text=text, date=published, lang="en", entities=[EntityMention(at(text, "Alabuga"), "ORG", NER)]
    )
    TemporalTagger()(analysis)
    end = text.index(". ") + 1 if ". " in text else len(text)
    analysis.sentences = [Span.of(text, 0, end)]
    analysis.attributions = [
        Attribution(
            cue=at(text, cue),
            content=at(text, content),
            component=ATTRIBUTION,
            stance=stance,  # type: ignore[arg-type]
            sentence=Span.of(text, 0, end),
        )
        for cue, content, stance in attributions
    ]
    ClaimTime()(analysis)
    return analysis


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "timeline.db"
    with open_store(f"sqlite:///{path}") as store:
        store.add_document(
            Document(
                POSTING,
                DocumentKind.JOB_POSTING,
                title="Interpreter (Farsi)",
                publisher="hh.ru",
                published_at=date(2023, 5, 2),
            ),
            analysed(POSTING, date(2023, 5, 2), []),
        )
        store.add_document(
            Document(
                ARTICLE, title="Drone plant", publisher="Breaking Defense", published_at=date(2023, 8, 20)
            ),
            analysed(
                ARTICLE,
                date(2023, 8, 20),
                [("indicate", "Albatross began drone production at Alabuga in January", "asserts")],
            ),
        )
        store.add_document(
            Document(DENIAL, DocumentKind.STATEMENT, publisher="MFA", published_at=date(2023, 9, 4)),
            analysed(DENIAL, date(2023, 9, 4), [("denied", "Iran sent drones", "denies")]),
        )
    return path


def run(workspace: Path, *args: str) -> str:
    result = CliRunner().invoke(build_app(), ["--db", str(workspace), "timeline", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_timeline_orders_claims_and_documents(workspace: Path) -> None:
    listed = run(workspace, "--entity", "Alabuga", "--format", "jsonl")
    rows = [json.loads(line) for line in listed.splitlines()]
    assert [(r["kind"], r["time"], r["precision"], r["stance"]) for r in rows] == [
        ("claim", "2023-01", "month", "asserts"),
        ("job_posting", "2023-05-02", "publication", None),
        ("claim", "2023-08", "month", "denies"),
    ]
    assert rows[0]["publisher"] == "Breaking Defense" and rows[2]["source"] is None
    # the denial does not name the site; it is on the line because its document does
    assert [r["names_entity"] for r in rows] == [True, False, False]


def test_timeline_date_window_and_table(workspace: Path) -> None:
    rows = [
        json.loads(line)
        for line in run(
            workspace, "--entity", "Alabuga", "--from", "2023-06-01", "--format", "jsonl"
        ).splitlines()
    ]
    assert [r["stance"] for r in rows] == ["denies"]
    table = run(workspace, "--entity", "Alabuga", "--to", "2023-05-31")
    assert "2023-01" in table and "Interpreter (Farsi)" in table and "denied" not in table


def test_timeline_rejects_a_bad_date(workspace: Path) -> None:
    result = CliRunner().invoke(build_app(), ["--db", str(workspace), "timeline", "--from", "May"])
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.output
