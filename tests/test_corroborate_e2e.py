"""Issue 6 acceptance on real ingest and extraction: independent origins, denials, alerts, briefs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from watchfloor.cli.main import main
from watchfloor.corroborate.service import ClaimCluster
from watchfloor.corroborate.workspace import workspace_clusters
from watchfloor.store.sql import SqlStore, open_store

CORPUS = Path(__file__).parent / "fixtures" / "corroboration"
STATEMENT = "Iran is helping Russia build a factory for attack drones in Tatarstan"


def run(*args: str) -> int:
    try:
        main(list(args))
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("corroboration") / "c.db")
    assert run("--db", db, "ingest", str(CORPUS)) == 0
    return db


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("sample") / "s.db")
    assert run("--db", db, "ingest", "--sample") == 0
    return db


def _cluster_stating(store: SqlStore, words: str) -> ClaimCluster:
    found = [c for c in workspace_clusters(store) if any(words in claim.content for claim in c.claims)]
    assert len(found) == 1, [c.text for c in found]
    return found[0]


def test_wire_copies_ngo_citations_and_a_statement_are_three_independent_origins(corpus_db: str) -> None:
    with open_store(f"sqlite:///{corpus_db}") as store:
        cluster = _cluster_stating(store, STATEMENT)
        publishers = {d: link.publisher for d, link in store.document_links().items()}
    lines = sorted(sorted(publishers[d] or "" for d in origin) for origin in cluster.origins)
    assert lines == [
        ["Conflict Watch", "Harbour Times", "Valley Post"],
        ["Daily Courier", "Evening Ledger", "Morning Gazette", "Northern Wire"],
        ["Foreign Office of Freedonia"],
    ]
    assert cluster.independent_origins == 3
    assert [publishers[c.document_id] for c in cluster.denials] == ["Ministry of Foreign Affairs of Iran"]
    assert cluster.contradicted
    assert cluster.credibility.grade == 2  # three lines, but denied
    assert "3 independent lines of evidence assert it" in cluster.credibility.explanation()


def test_clusters_format_jsonl_prints_one_cluster_per_line(
    corpus_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("--db", corpus_db, "clusters", "--format", "jsonl") == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    (record,) = [r for r in records if STATEMENT in r["text"]]
    assert record["independent_origins"] == len(record["origins"]) == 3
    assert len(record["denials"]) == 1 and record["stance_counts"] == {"asserts": 8, "denies": 1}
    assert {"id", "text", "entities", "time", "documents", "credibility", "explanation"} <= set(record)


def test_ft_and_airwars_job_posting_research_is_one_evidence_line(sample_db: str) -> None:
    with open_store(f"sqlite:///{sample_db}") as store:
        (cluster,) = [c for c in workspace_clusters(store, "Alabuga")
                      if any("earliest listing that asks for Farsi" in claim.content for claim in c.claims)]
        publishers = {d: link.publisher for d, link in store.document_links().items()}
    (airwars,) = [o for o in cluster.origin_details if o.label == "Airwars"]
    carriers = {publishers[d] for d in airwars.documents}
    # the NGO's report and every article and post citing its research, in three languages, are one line
    assert {"Airwars", "Eurasia Brief", "Caspian Monitor", "Khabar-e Azad", "Telegram", "X",
            "Kama Region Monitor: Alabuga"} <= carriers
    assert not any(carriers & {publishers[d] for d in other.documents}
                   for other in cluster.origin_details if other is not airwars)
    assert any("one origin" in note for note in airwars.collapsed)


def test_farsi_job_posting_rule_fires_once_and_not_on_reingest(
    sample_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(f"sqlite:///{sample_db}") as store:
        first = store.alerts(rule="alabuga-farsi-job-postings")
        kinds = {store.document(a.payload["document"]).kind for a in first}  # type: ignore[union-attr]
    assert first and kinds == {"job_posting"}
    assert len({a.subject for a in first}) == len(first)
    assert run("--db", sample_db, "ingest", "--sample") == 0
    with open_store(f"sqlite:///{sample_db}") as store:
        again = store.alerts(rule="alabuga-farsi-job-postings")
    assert [a.id for a in again] == [a.id for a in first]
    assert "ALERT [alabuga-farsi-job-postings]" not in capsys.readouterr().out


def test_brief_renders_md_and_html_with_plot_and_evidence(sample_db: str, tmp_path: Path) -> None:
    md, html = tmp_path / "alabuga.md", tmp_path / "alabuga.html"
    assert run("--db", sample_db, "brief", "Alabuga", "--format", "md", "-o", str(md)) == 0
    assert run("--db", sample_db, "brief", "Alabuga", "--format", "html", "-o", str(html)) == 0
    markdown = md.read_text(encoding="utf-8")
    assert (tmp_path / "alabuga-timeline.png").read_bytes().startswith(b"\x89PNG")
    assert "![Timeline of Alabuga](alabuga-timeline.png)" in markdown
    page = html.read_text(encoding="utf-8")
    assert '<img alt="Timeline of Alabuga" src="data:image/png;base64,' in page
    # every key claim and denial links to evidence anchors that exist
    links = {part.split(")")[0] for part in markdown.split("](#")[1:]}
    assert links and all(f'<a id="{anchor}"></a>' in markdown for anchor in links)
    assert "## Denials" in markdown and "denies:" in markdown
