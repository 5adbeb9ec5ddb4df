"""The review queue: decisions on machine output are judgements apart from it, used everywhere, kept
through re-extraction, and undone exactly."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from watchfloor.config import Settings
from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.service.claims import TimelineQuery
from watchfloor.service.workbench import Workbench
from watchfloor.store.base import ClaimFilter, StoredClaim


@pytest.fixture
def bench(sample_db: Path, tmp_path: Path) -> Iterator[Workbench]:
    copy = tmp_path / "review.db"
    shutil.copy(sample_db, copy)
    with Workbench.open(Settings(db_url=f"sqlite:///{copy}"), actor="ana") as opened:
        yield opened


def _denial(bench: Workbench) -> StoredClaim:
    """A denial the sample's briefs on Iran rest on."""
    denials = bench.claims.find(ClaimFilter(stance="denies", entity="Iran", limit=500))
    assert denials
    return denials[0]


def test_queue_puts_what_alerts_and_briefs_rest_on_first_and_least_sure_first(bench: Workbench) -> None:
    queue = bench.review.queue(limit=500)
    assert {item.kind for item in queue} >= {"attribution", "mention"}
    priorities = [item.priority for item in queue]
    assert priorities == sorted(priorities, reverse=True)
    first = queue[0]
    assert first.kind == "attribution" and first.reasons and first.confidence < 0.95
    assert first.evidence and first.machine["stance"] in ("asserts", "denies", "no_comment")
    unnamed = [i for i in queue if "no named speaker" in i.reasons]
    named = [i for i in queue if i.kind == "attribution" and "no named speaker" not in i.reasons
             and i.reasons[:1] == unnamed[0].reasons[:1] and "hedged" not in " ".join(i.reasons)]
    if unnamed and named:
        assert unnamed[0].confidence < max(i.confidence for i in named)
    with pytest.raises(WatchfloorError):
        bench.review.queue(kind="everything")


def _claim_notes(bench: Workbench) -> str:
    """The FtM export's claim entities (UnknownLink, Note), their descriptions joined."""
    return "\n".join(
        " ".join(record["properties"].get("description", []))
        for record in bench.export.records("ftm")
        if record["schema"] in ("UnknownLink", "Note")
    )


def test_rejected_claim_leaves_claims_clusters_brief_and_export(bench: Workbench) -> None:
    denial = _denial(bench)
    quoted = f"“{denial.content}”"
    assert quoted in _claim_notes(bench)
    assert any(denial.id in [c.id for c in cluster.claims] for cluster in bench.claims.clusters("Iran"))
    bench.review.reject(f"claim:{denial.key}", why="misread")
    assert denial.id not in [c.id for c in bench.claims.find(ClaimFilter(limit=5000))]
    assert all(denial.id not in [c.id for c in cl.claims] for cl in bench.claims.clusters())
    timeline = bench.claims.timeline(TimelineQuery(limit=5000))
    assert (denial.document_id, denial.content) not in {(e.document_id, e.content) for e in timeline}
    assert quoted not in _claim_notes(bench)
    assert f"claim:{denial.key}" not in [i.id for i in bench.review.queue(limit=5000)]
    assert f"claim:{denial.key}" in [i.id for i in bench.review.queue(limit=5000, reviewed=True)]
    kept = bench.claims.find(ClaimFilter(limit=5000, include_rejected=True))
    assert [c.review for c in kept if c.id == denial.id] == ["rejected"]
    entry = bench.audit.entries(limit=1)[0]
    assert (entry.actor, entry.action, entry.subject) == ("ana", "review.reject", f"claim:{denial.key}")


def test_corrected_time_moves_the_claim_on_the_timeline_and_undo_restores_it(bench: Workbench) -> None:
    claim = _denial(bench)
    result = bench.review.correct(f"claim:{claim.key}", "time", "2019-03")
    assert result.judgement.subject["machine"] == claim.time_value

    def dated() -> list[tuple[str | None, date | None]]:
        entries = bench.claims.timeline(TimelineQuery(limit=5000))
        return [(e.value, e.start) for e in entries
                if (e.document_id, e.cue, e.content) == (claim.document_id, claim.cue, claim.content)]

    assert dated() == [("2019-03", date(2019, 3, 1))]
    moved = next(c for c in bench.claims.find(ClaimFilter(limit=5000)) if c.id == claim.id)
    assert (moved.time_precision, moved.time_end, moved.review, moved.reviewed_by) == (
        "month", date(2019, 3, 31), "corrected", "ana")
    assert claim.id in [c.id for c in bench.claims.find(ClaimFilter(until=date(2019, 12, 31), limit=5000))]
    bench.judgements.undo(result.judgement.id)
    assert dated() == [(claim.time_value, claim.time_start)]
    back = next(c for c in bench.claims.find(ClaimFilter(limit=5000)) if c.id == claim.id)
    assert (back.time_value, back.time_end, back.review) == (claim.time_value, claim.time_end, None)


def test_corrected_stance_is_what_filters_see(bench: Workbench) -> None:
    claim = _denial(bench)
    bench.review.correct(f"claim:{claim.key}", "stance", "asserts", why="it reports, not denies")
    asserting = bench.claims.find(ClaimFilter(stance="asserts", limit=5000))
    assert claim.id in [c.id for c in asserting]
    with pytest.raises(WatchfloorError, match="stance must be one of"):
        bench.review.correct(f"claim:{claim.key}", "stance", "maybe")
    with pytest.raises(WatchfloorError, match="not a time value"):
        bench.review.correct(f"claim:{claim.key}", "time", "last spring")
    with pytest.raises(WatchfloorError, match="can correct"):
        bench.review.correct(f"claim:{claim.key}", "label", "ORG")
    with pytest.raises(NotFoundError):
        bench.review.reject("claim:nosuchdocument:1:2")


def test_reviews_survive_re_extraction(bench: Workbench) -> None:
    claim = _denial(bench)
    other = next(c for c in bench.claims.find(ClaimFilter(document_id=claim.document_id, limit=500))
             if c.id != claim.id)
    bench.review.reject(f"claim:{claim.key}")
    bench.review.correct(f"claim:{other.key}", "time", "2020")
    bench.ingest.reextract(stages=["claims"])
    after = bench.claims.find(ClaimFilter(document_id=claim.document_id, limit=500, include_rejected=True))
    by_key = {c.key: c for c in after}
    assert by_key[claim.key].review == "rejected" and by_key[claim.key].id != claim.id  # new rows
    assert by_key[other.key].time_value == "2020" and by_key[other.key].review == "corrected"
    assert claim.key not in {c.key for c in bench.claims.find(ClaimFilter(limit=5000))}


def test_rejected_mention_leaves_its_entity_and_a_rejected_merge_is_not_same(bench: Workbench) -> None:
    mentions = bench.review.queue(kind="mention", limit=500)
    assert mentions and all(i.machine["entity"] for i in mentions)
    item = mentions[0]
    entity = item.machine["entity"]
    bench.review.reject(item.id)
    assert bench.store.entity(entity) is None  # its only mention is gone from it
    assert item.id not in [i.id for i in bench.review.queue(kind="mention", limit=500)]
    proposals = bench.review.queue(kind="merge", limit=50)
    if proposals:  # names just under the resolver's threshold
        first = proposals[0]
        result = bench.review.reject(first.id, why="different places")
        assert result.judgement.action == "not-same"
        assert first.id not in [i.id for i in bench.review.queue(kind="merge", limit=50)]


def test_documents_page_by_cursor_with_date_and_entity_facets(bench: Workbench) -> None:
    from watchfloor.service.documents import DocumentQuery

    everything = bench.documents.search(DocumentQuery(limit=1000))
    seen: list[str] = []
    cursor = None
    while True:
        page = bench.documents.search(DocumentQuery(limit=3, cursor=cursor))
        seen += [d.id for d in page.documents]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [d.id for d in everything.documents] and len(seen) == everything.total
    assert sum(everything.facets["year"].values()) == everything.total
    assert "Alabuga" in " ".join(everything.facets["entity"])
    year = DocumentQuery(since=date(2023, 1, 1), until=date(2023, 12, 31), limit=1000)
    in_2023 = bench.documents.search(year)
    assert in_2023.total == everything.facets["year"].get("2023")
    assert all(d.published_at and d.published_at.year == 2023 for d in in_2023.documents)
    alabuga = bench.documents.search(DocumentQuery(entity="Alabuga", limit=1000))
    assert 0 < alabuga.total < everything.total
    with pytest.raises(WatchfloorError, match="cursor"):
        bench.documents.search(DocumentQuery(cursor="not-a-cursor"))


def test_entity_view_has_documents_claims_and_judgements(bench: Workbench) -> None:
    iran = bench.entities.get("Iran")
    assert iran.documents and {d.id for d in iran.documents} == set(iran.entity.documents)
    assert iran.claims and all(
        iran.entity.id in (c.speaker_entity_id, c.affiliation_entity_id, *c.entity_ids,
                           *(p.entity_id for p in c.participants)) for c in iran.claims)
    mention = iran.mentions[0]
    bench.review.confirm(f"mention:{mention.key}")
    assert [j.action for j in bench.entities.get("Iran").judgements] == ["confirm"]


def test_entity_view_lists_entities_named_in_the_same_documents(bench: Workbench) -> None:
    alabuga = bench.entities.get("Alabuga")
    shared = {c.name: c.documents for c in alabuga.co_mentioned}
    assert "Yelabuga" in shared and alabuga.entity.name not in shared
    counts = [c.documents for c in alabuga.co_mentioned]
    assert counts == sorted(counts, reverse=True) and max(counts) <= alabuga.entity.document_count


def test_a_document_lists_its_near_duplicate_copies(bench: Workbench) -> None:
    from watchfloor.service.documents import DocumentQuery

    copies = [d for d in bench.documents.search(DocumentQuery(limit=1000)).documents if d.syndicated_from]
    assert copies
    original = bench.documents.get(copies[0].syndicated_from or "")
    assert copies[0].id in [c.id for c in original.copies]
    assert bench.documents.get(copies[0].id).copies == [] or all(
        c.syndicated_from == copies[0].id for c in bench.documents.get(copies[0].id).copies)
