"""The ingest service against a real SQLite store: walking, duplicates, near-duplicates, partial failure."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.extract.component import Component
from watchfloor.extract.pipeline import Pipeline
from watchfloor.extract.watchlist import WatchlistMatcher, load_watchlist_file
from watchfloor.ingest.dedup import NearDuplicateIndex, StoredCopyInfo, serialise, shingles, signature
from watchfloor.ingest.walk import walk
from watchfloor.model import Analysis, DocumentKind
from watchfloor.service.audit import Audit
from watchfloor.service.ingest import IngestService
from watchfloor.service.ingestion import Ingestor
from watchfloor.store.base import Store, WatchlistEntry
from watchfloor.store.sql import open_store

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ALABUGA = WatchlistEntry(name="Alabuga", type="LOC", aliases=["Алабуга"])
ARTICLE = (
    "Satellite images taken in early August show that the drone assembly plant in the Alabuga special "
    "economic zone has added three large production halls since the spring, according to researchers at "
    "an independent monitoring group. The group said that the new halls are connected to the existing "
    "plant by a covered walkway and that a dormitory for several hundred workers was finished in July. "
    "Job advertisements published by the operator over the same period sought welders, technical "
    "interpreters and quality inspectors, and several of them asked for knowledge of Farsi. Regional "
    "officials did not respond to questions about the expansion, and the operator has previously described "
    "the site as a civilian manufacturing facility for agricultural equipment and light aircraft."
)


class FailOn(Component):
    """A test component that fails on texts containing a marker word."""

    name = "test.fail_on"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __call__(self, analysis: Analysis) -> None:
        if self.marker in analysis.text:
            raise RuntimeError("component exploded")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(f"sqlite:///{tmp_path / 'ws.db'}") as opened:
        yield opened


def ingestor(store: Store, *extra: tuple[str, Component], **options: object) -> Ingestor:
    pipeline = Pipeline([("watchlist", WatchlistMatcher(entries=[ALABUGA])), *extra], batch_size=4)
    return Ingestor(store, pipeline, Settings(db_url="sqlite://"), **options)  # type: ignore[arg-type]


def article(path: Path, published: str, text: str, title: str = "Plant expands") -> Path:
    path.write_text(f"---\ntitle: {title}\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    return path


def test_fixture_folder_is_ingested_and_reingest_writes_nothing(store: Store) -> None:
    first = ingestor(store).ingest([FIXTURES])
    assert first.counts() == {"new": 8, "duplicate": 0, "near_duplicate": 0, "failed": 0}
    assert store.counts_by_kind() == {"article": 5, "statement": 1, "job_posting": 1, "social_post": 1}
    second = ingestor(store).ingest([FIXTURES])
    assert second.counts() == {"new": 0, "duplicate": 8, "near_duplicate": 0, "failed": 0}
    assert {o.related_id for o in second.outcomes} == {o.document_id for o in first.outcomes}
    assert sum(store.counts_by_kind().values()) == 8


def test_documents_are_analysed_and_stored_with_their_minhash(store: Store) -> None:
    report = ingestor(store).ingest([FIXTURES / "records.jsonl"])
    ids = {o.source: o.document_id for o in report.outcomes}
    job = store.document(ids[f"{FIXTURES / 'records.jsonl'}:1"] or "")
    assert job is not None and job.metadata["languages"] == ["ru", "fa"] and job.kind == "job_posting"
    assert set(dict(store.minhash_signatures())) == set(ids.values())
    page = ingestor(store).ingest([FIXTURES / "page.html"]).outcomes[0]
    assert page.document_id is not None
    assert [m.text for m in store.mentions(page.document_id)] == ["Alabuga"]


def test_exact_duplicates_within_one_batch_are_skipped(store: Store, tmp_path: Path) -> None:
    one = article(tmp_path / "one.md", "2023-08-01", ARTICLE)
    two = article(tmp_path / "two.md", "2023-08-02", ARTICLE.replace("  ", " ").upper(), title="Copy")
    report = ingestor(store).ingest([one, two])
    assert [o.status for o in report.outcomes] == ["new", "duplicate"]
    assert report.outcomes[1].related_id == report.outcomes[0].document_id


def test_near_duplicate_links_to_the_earliest_copy(store: Store, tmp_path: Path) -> None:
    edited = ARTICLE.replace("three large production halls", "three big production halls")
    later = article(tmp_path / "a-later.md", "2023-08-20", "Kama Observer. " + ARTICLE)
    earlier = article(tmp_path / "b-earlier.md", "2023-08-18", edited)
    unrelated = article(tmp_path / "c-other.md", "2023-08-19", "Officials denied the report on Tuesday.")
    report = ingestor(store).ingest([tmp_path])
    by_file = {Path(o.source).name: o for o in report.outcomes}
    assert by_file["b-earlier.md"].status == "new" and by_file["c-other.md"].status == "new"
    assert by_file["a-later.md"].status == "near_duplicate"
    assert by_file["a-later.md"].related_id == by_file["b-earlier.md"].document_id
    later_id = by_file["a-later.md"].document_id
    assert later_id is not None
    stored = store.document(later_id)
    assert stored is not None and stored.syndicated_from == by_file["b-earlier.md"].document_id
    assert later.exists() and earlier.exists() and unrelated.exists()

    # A copy ingested in a later run links to the same root, found through the stored signatures.
    third = article(tmp_path / "third.md", "2023-09-01", ARTICLE + " Updated on 1 September.")
    [outcome] = ingestor(store).ingest([third]).outcomes
    assert outcome.status == "near_duplicate" and outcome.related_id == by_file["b-earlier.md"].document_id


def test_index_prefers_the_earliest_published_copy_over_the_first_stored() -> None:
    stored = {
        "late": StoredCopyInfo(published_at=None, ingested_at=None, syndicated_from=None),
    }
    index = NearDuplicateIndex(stored.get)
    index.load([("late", serialise(signature(ARTICLE)))])
    assert index.add("k1", signature(ARTICLE + " One more sentence."), None) == "late"
    assert index.add("k2", signature("A different text altogether about something else."), None) is None
    assert shingles("Two words") == {b"two words"}


def test_walk_is_sorted_skips_hidden_files_and_symlinked_folders(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("x")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("x")
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    found = [p.relative_to(tmp_path).as_posix() for p in walk([tmp_path]) if isinstance(p, Path)]
    assert found == ["a.txt", "b/2.txt"]


def test_a_failing_document_does_not_lose_the_batch(store: Store, tmp_path: Path) -> None:
    good = article(tmp_path / "1.md", "2023-08-01", "The plant near Alabuga hired welders.")
    bad = article(tmp_path / "2.md", "2023-08-02", "This text contains KABOOM and fails analysis.")
    also_good = article(tmp_path / "3.md", "2023-08-03", "Officials denied the report on Tuesday.")
    report = ingestor(store, ("fail", FailOn("KABOOM"))).ingest([good, bad, also_good])
    statuses = {Path(o.source).name: (o.status, o.problem) for o in report.outcomes}
    assert statuses["1.md"] == ("new", None) and statuses["3.md"] == ("new", None)
    assert statuses["2.md"] == ("failed", "analysis failed (RuntimeError: component exploded)")
    assert sum(store.counts_by_kind().values()) == 2


def test_kind_and_publisher_defaults_apply_only_where_the_file_says_nothing(store: Store) -> None:
    report = ingestor(store, kind=DocumentKind.REPORT, publisher="Analyst upload").ingest(
        [FIXTURES / "plain.txt", FIXTURES / "statement.md", FIXTURES / "records.jsonl"]
    )
    docs = {Path(o.source).name: store.document(o.document_id or "") for o in report.outcomes}
    plain, statement = docs["plain.txt"], docs["statement.md"]
    assert plain is not None and (plain.kind, plain.publisher) == ("report", "Analyst upload")
    assert statement is not None and statement.kind == "statement"
    assert statement.publisher == "Ministry of Foreign Affairs (example)"
    job = docs["records.jsonl:1"]
    assert job is not None and (job.kind, job.publisher) == ("job_posting", "Albatross LLC")


def test_bundled_sample_ingests_cleanly_with_its_watchlist(store: Store) -> None:
    with resources.as_file(resources.files("watchfloor.data") / "sample") as sample_dir:
        service = IngestService(store, Settings(db_url="sqlite://"), Audit(store, "test"))
        paths = [service.load_sample(sample_dir)]
        entries = store.watchlist()
        pipeline = Pipeline([("watchlist", WatchlistMatcher(entries=entries))])
        report = Ingestor(store, pipeline, Settings(db_url="sqlite://")).ingest(paths)
    assert report.failures == []
    expected = load_watchlist_file(sample_dir / "watchlist.yaml")
    assert entries and sorted(e.name for e in entries) == sorted(e.name for e in expected)
    suffixes = {Path(o.source.split(":")[0].split("#")[0]).suffix for o in report.outcomes}
    assert {".md", ".html", ".pdf", ".rss", ".jsonl"} <= suffixes
    by_name = {Path(o.source).name: o for o in report.outcomes}
    copy = by_name["2023-08-21-gulf-security-wire-drone-factory.md"]
    assert copy.status == "near_duplicate"
    assert copy.related_id == by_name["2023-08-20-defense-dispatch-drone-factory.md"].document_id
