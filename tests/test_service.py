"""The service layer called directly, as the REST API and web UI will call it: every operation on the
sample corpus, typed values back, errors as WatchfloorError subclasses (no CLI runner here)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.errors import InputError, NotFoundError, WatchfloorError
from watchfloor.model import Analysis
from watchfloor.resolve.resolver import MentionInput
from watchfloor.service.claims import TimelineQuery
from watchfloor.service.documents import DocumentQuery
from watchfloor.service.offline import extract_records, resolve_lines
from watchfloor.service.workbench import Workbench
from watchfloor.store.base import ClaimFilter

REFERENCE = Path(__file__).parent / "fixtures" / "reference" / "example-list.ftm.jsonl"


def settings(db: Path) -> Settings:
    return Settings(db_url=f"sqlite:///{db}")


@pytest.fixture(scope="module")
def shared(sample_db: Path) -> Iterator[Workbench]:
    """The sample workspace, for tests that only read."""
    with Workbench.open(settings(sample_db)) as bench:
        yield bench


@pytest.fixture
def bench(sample_db: Path, tmp_path: Path) -> Iterator[Workbench]:
    """A private copy of the sample workspace, for tests that change it."""
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    with Workbench.open(settings(copy)) as opened:
        yield opened


def test_ingest_reports_outcomes_and_stores_absolute_sources(shared: Workbench) -> None:
    page = shared.documents.search(DocumentQuery(limit=100))
    assert page.total == len(page.documents) >= 20
    assert all(Path(d.source_path or "").is_absolute() for d in page.documents)


def test_upload_ingests_bytes_under_their_name(bench: Workbench) -> None:
    text = b"---\ntitle: Upload test\npublisher: Test Desk\npublished: 2024-01-05\n---\nAlabuga grew.\n"
    report = bench.ingest.upload("notes/upload-test.md", text)
    assert report.ok and report.counts()["new"] == 1
    (outcome,) = report.outcomes
    assert outcome.source == "notes/upload-test.md"
    stored = bench.documents.get(outcome.document_id or "").document
    assert (stored.title, stored.publisher, stored.source_path) == ("Upload test", "Test Desk",
                                                                    "notes/upload-test.md")
    refused = bench.ingest.upload("big.txt", b"x" * (bench.settings.max_bytes + 1))
    assert not refused.ok and "byte limit" in (refused.failures[0].problem or "")


def test_search_with_facets_stems_and_crosses_scripts(shared: Workbench) -> None:
    latin = shared.documents.search(DocumentQuery(search="Alabuga", limit=100))
    langs = {d.lang for d in latin.documents}
    assert {"en", "ru"} <= langs, langs  # "Alabuga" finds the Cyrillic documents
    assert latin.facets["lang"]["ru"] >= 1 and sum(latin.facets["kind"].values()) == latin.total
    inflected = shared.documents.search(DocumentQuery(search="Алабуге", limit=100))
    assert {d.id for d in inflected.documents} & {d.id for d in latin.documents}
    plural = shared.documents.search(DocumentQuery(search="drones", limit=100))
    singular = shared.documents.search(DocumentQuery(search="drone", limit=100))
    assert plural.total == singular.total > 0
    russian = shared.documents.search(DocumentQuery(search="Alabuga", lang="ru", limit=100))
    assert russian.total == latin.facets["lang"]["ru"] and {d.lang for d in russian.documents} == {"ru"}
    with pytest.raises(InputError, match="no word to search for"):
        shared.documents.search(DocumentQuery(search="-Alabuga"))


def test_document_with_every_span(shared: Workbench) -> None:
    (posting,) = shared.documents.search(DocumentQuery(search="переводчика фарси", kind="job_posting",
                                                       limit=1)).documents
    view = shared.documents.get(posting.id)
    text = view.document.text
    assert view.mentions and all(text[m.start : m.end] == m.text for m in view.mentions)
    assert all(text[t.start : t.end] == t.text for t in view.times)
    with pytest.raises(NotFoundError):
        shared.documents.get("no-such-document")


def test_entities_by_id_and_by_any_name_in_any_script(shared: Workbench) -> None:
    top = shared.entities.top(limit=5)
    assert top and top[0].mention_count >= top[-1].mention_count
    town = shared.entities.get("Елабуга")
    assert town.entity.name == "Yelabuga" and "CYRILLIC" in town.entity.names_by_script
    assert shared.entities.get(town.entity.id).entity.id == town.entity.id
    assert {m.entity_id for m in town.mentions} == {town.entity.id}
    assert {m.document_id for m in town.mentions} == set(town.entity.documents)
    with pytest.raises(NotFoundError):
        shared.entities.get("Atlantis")


def test_claims_clusters_with_evidence_and_origins(shared: Workbench) -> None:
    denials = shared.claims.find(ClaimFilter(stance="denies"))
    assert denials and all(c.stance == "denies" for c in denials)
    for claim in denials:
        text = shared.documents.get(claim.document_id).document.text
        assert text[claim.content_start : claim.content_end] == claim.content  # the evidence span
    clusters = shared.claims.clusters("Alabuga")
    assert clusters and all(c.claims for c in clusters)
    assert any(c.independent_origins >= 2 for c in clusters)
    assert all(c.credibility.grade in range(1, 7) for c in clusters)


def test_timeline_in_time_order(shared: Workbench) -> None:
    entries = shared.claims.timeline(TimelineQuery(entity="Alabuga"))
    starts = [e.start for e in entries if e.start]
    assert starts and starts == sorted(starts)
    assert any(e.kind == "job_posting" for e in entries)


def test_brief_rendered_and_unknown_entity_refused(shared: Workbench) -> None:
    brief = shared.claims.brief("Alabuga", "html")
    assert brief.brief.key_claims and brief.text.lower().startswith("<!doctype html>") and brief.plot_png
    markdown = shared.claims.brief("Alabuga", "md", plot_file="b-timeline.png")
    assert "b-timeline.png" in markdown.text
    with pytest.raises(NotFoundError):
        shared.claims.brief("Nonexistent Corp")
    with pytest.raises(WatchfloorError):
        shared.claims.brief("Alabuga", "pdf")


def test_watch_rules_and_alerts(bench: Workbench, tmp_path: Path) -> None:
    assert {r.id for r in bench.watch.rules()} >= {"new-denial", "alabuga-farsi-job-postings"}
    assert bench.watch.alerts(rule="new-denial")  # fired during the sample ingest
    assert bench.watch.run() == 0  # nothing fires twice
    bench.watch.remove("new-denial")
    assert "new-denial" not in {r.id for r in bench.watch.rules()}
    with pytest.raises(NotFoundError):
        bench.watch.remove("new-denial")
    rules = tmp_path / "rules.yaml"
    rules.write_text("- id: by-mail\n  when: {kind: article}\n  deliver: [pigeon]\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown delivery sink 'pigeon'"):
        bench.watch.add_rules_file(rules)
    assert "by-mail" not in {r.id for r in bench.watch.rules()}


def test_publisher_rating_matches_case_and_refuses_phantoms(bench: Workbench) -> None:
    before = {p.name for p in bench.publishers.all()}
    rated = bench.publishers.rate("airwars", "b")
    assert (rated.name, rated.reliability) == ("Airwars", "B")
    assert {p.name: p.reliability for p in bench.publishers.all()}["Airwars"] == "B"
    with pytest.raises(NotFoundError):
        bench.publishers.rate("No Such Pub", "A")
    assert {p.name for p in bench.publishers.all()} == before


def test_judgements_merge_split_undo_with_who_and_why(bench: Workbench) -> None:
    site = bench.entities.get("Alabuga Special Economic Zone").entity
    town = bench.entities.get("Yelabuga").entity
    merged = bench.judgements.merge(site.id, town.id, by="ana", why="test: same place")
    assert (merged.judgement.author, merged.judgement.reason) == ("ana", "test: same place")
    assert bench.entities.get("Елабуга").entity.id == bench.entities.get("Alabuga").entity.id
    bench.judgements.undo(merged.judgement.id)
    assert bench.entities.get("Елабуга").entity.id != bench.entities.get("Alabuga").entity.id
    split = bench.judgements.split(town.id, ["Елабуга"], by="ana", why="test")
    assert bench.entities.get("Елабуга").entity.id != bench.entities.get("Yelabuga").entity.id
    history = bench.judgements.history()
    assert [j.action for j in history] == ["merge", "split"] and history[0].undone_at is not None
    assert split.entities >= merged.entities
    with pytest.raises(WatchfloorError, match="no entity"):
        bench.judgements.merge(site.id, "no-such-entity")


def test_judgements_survive_reextraction(bench: Workbench) -> None:
    town = bench.entities.get("Yelabuga").entity
    bench.judgements.split(town.id, ["Елабуга"], by="ana", why="kept across re-extraction")
    split_off = bench.entities.get("Елабуга").entity.id
    report = bench.ingest.reextract(stages=["entities"])
    assert report.ok and report.documents >= 20
    assert bench.entities.get("Елабуга").entity.id == split_off != bench.entities.get("Yelabuga").entity.id


def test_watchlist_name_added_later_reaches_stored_documents(bench: Workbench) -> None:
    words = "business park"  # "a business park outside the town of Yelabuga"
    assert bench.watchlist.add("Yelabuga Business Park", "FAC", [words])
    assert "Yelabuga Business Park" in {e.name for e in bench.watchlist.entries()}
    with pytest.raises(NotFoundError):
        bench.entities.get("Yelabuga Business Park")
    report = bench.ingest.reextract(stages=["entities"])
    assert report.ok
    found = bench.entities.get("Yelabuga Business Park")
    assert found.mentions and all(m.text.casefold() == words for m in found.mentions)
    with pytest.raises(WatchfloorError, match="unknown stage"):
        bench.ingest.reextract(stages=["everything"])


def test_reference_import_and_xref(bench: Workbench) -> None:
    assert bench.reference.import_file(REFERENCE, "example") == 3
    matches = bench.reference.xref(dataset="example")
    assert "ex-albatross" in {m.reference.id for m in matches}
    assert all(m.score >= 0.9 for m in matches)
    with pytest.raises(InputError):
        bench.reference.import_file(REFERENCE.with_name("missing.json"), "example")


def test_offline_extract_and_resolve_in_the_evaluation_interface() -> None:
    (record,) = extract_records([Analysis("Officials in Yelabuga denied the report on Monday.", lang="en")])
    assert {"entities", "times", "attributions"} <= set(record)
    rows = resolve_lines([("a", MentionInput("a", "Елабуга", "ru", "LOC", "d1")),
                          ("b", MentionInput("b", "Yelabuga", "en", "LOC", "d2"))])
    assert rows[0]["entity"] == rows[1]["entity"]


def test_export_as_followthemoney_with_evidence(shared: Workbench) -> None:
    from followthemoney import model

    records = list(shared.export.records("ftm"))
    proxies = [model.get_proxy(record) for record in records]  # each one valid FtM
    by_id = {p.id: p for p in proxies}
    schemata = {p.schema.name for p in proxies}
    assert {"Article", "Person", "Organization", "Address", "Mention", "UnknownLink", "Note"} <= schemata
    for mention in (p for p in proxies if p.schema.name == "Mention"):
        assert mention.first("document") in by_id and mention.first("resolved") in by_id
    def plain(text: str) -> str:  # FtM drops zero-width joiners (Persian ZWNJ) when it cleans text
        return text.replace("\u200c", "").replace("\u200d", "")

    claims = {plain(c.content) for c in shared.claims.find(ClaimFilter(limit=10_000))}
    notes = [p for p in proxies if p.schema.name in {"Note", "UnknownLink"}]
    assert len(notes) == len(shared.claims.find(ClaimFilter(limit=10_000)))
    for noted in notes:
        assert by_id[noted.first("proof")].schema.name == "Article"
        assert any(f"“{content}”" in plain(noted.first("description") or "") for content in claims)
        assert "evidence: characters" in (noted.first("summary") or "")
    for link in (p for p in proxies if p.schema.name == "UnknownLink"):
        assert link.first("role") in {"asserts", "denies", "no_comment"}
        assert {link.first("subject"), link.first("object")} <= set(by_id)
    town = next(p for p in proxies if p.schema.name == "Address" and "Yelabuga" in p.get("name"))
    assert "Елабуга" in town.get("alias")
    with pytest.raises(WatchfloorError):
        list(shared.export.records("xml"))
