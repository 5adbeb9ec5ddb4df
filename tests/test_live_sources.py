"""Live sources end to end against a site of ours on 127.0.0.1 (allow-listed): fetch, archive, ingest;
re-fetching stores nothing; the guard's and robots.txt's refusals; polling a feed twice; a poller
stopped midway finishing its work without doubling any; alerts delivered, retried and given up."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from live_site import ALLOW, LiveSite
from watchfloor.config import FetchSettings, Settings
from watchfloor.errors import WatchfloorError
from watchfloor.ingest.archive import SHA256_HEADER
from watchfloor.service.sources import FetchOptions
from watchfloor.service.workbench import Workbench
from watchfloor.store.base import SourceSpec

ARTICLES = {
    1: ("New hangars at Alabuga", "Satellite pictures taken in May 2024 show two new hangars at the Alabuga "
        "special economic zone in Tatarstan. The plant's operator did not answer questions about them."),
    2: ("Dormitories for students", "A regional newspaper reported on 3 June 2024 that the college beside "
        "the Alabuga zone is building dormitories for another thousand students."),
    3: ("Exports through the Caspian", "Customs records seen by reporters list shipments of machine tools "
        "from a trading firm in Kazan to a port on the Caspian Sea during the spring of 2024."),
    4: ("A denial from the ministry", "The ministry of industry of Tatarstan denied on 20 June 2024 that any "
        "foreign workers were employed at the Alabuga plant."),
}


def article_html(number: int) -> str:
    title, text = ARTICLES[number]
    return (f"<html><head><title>{title}</title><meta name='date' content='2024-06-0{number}'></head><body>"
            f"<article><h1>{title}</h1><p>{text}</p><p>{text.split('.')[0]} (our own account).</p></article>"
            "</body></html>")


def feed_xml(site: LiveSite, numbers: list[int]) -> str:
    items = "".join(f"<item><title>{ARTICLES[n][0]}</title><link>{site.url(f'/articles/{n}.html')}</link>"
                    f"<description>{ARTICLES[n][1][:60]}</description><guid>article-{n}</guid></item>"
                    for n in numbers)
    return f"<?xml version='1.0'?><rss version='2.0'><channel><title>Kama Wire</title>{items}</channel></rss>"


def publish(site: LiveSite, numbers: list[int]) -> str:
    """Put the articles and a feed listing them (its ETag changes with its entries)."""
    for number in numbers:
        site.put(f"/articles/{number}.html", article_html(number))
    return site.put("/feed.rss", feed_xml(site, numbers), "application/rss+xml",
                    etag=f'"feed-{"-".join(map(str, numbers))}"')


def settings_for(tmp_path: Path) -> Settings:
    return Settings(db_url=f"sqlite:///{tmp_path / 'live.db'}",
                    fetch=FetchSettings(allow=ALLOW, politeness_seconds=0.0, seconds=5.0))


@pytest.fixture
def bench(tmp_path: Path) -> Iterator[Workbench]:
    with Workbench.open(settings_for(tmp_path)) as opened:
        yield opened


def warc_bytes(settings: Settings) -> int:
    return sum(p.stat().st_size for p in settings.archive_dir.glob("*.warc.gz"))


def test_a_fetched_page_is_archived_ingested_and_linked_to_its_capture(
    bench: Workbench, live_site: LiveSite
) -> None:
    url = live_site.put("/articles/1.html", article_html(1), etag='"a1"')
    run = bench.sources.fetch([url], FetchOptions(publisher="Kama Wire"))
    outcome = run.outcomes[0]
    assert run.ok and outcome.status == "new" and len(outcome.stored_ids()) == 1
    document = bench.documents.get(outcome.stored_ids()[0])
    assert (document.document.url, document.document.publisher) == (url, "Kama Wire")
    assert document.capture is not None and document.capture.id == outcome.capture_id
    assert document.document.retrieved_at == document.capture.fetched_at
    original = bench.documents.original(document.document.id)
    assert original.body == article_html(1).encode() and original.status_line == "200 OK"
    assert original.capture.sha256 == hashlib.sha256(original.body).hexdigest()
    with open(original.capture.warc_path, "rb") as warc:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"),
                    r.rec_headers.get_header(SHA256_HEADER)) for r in ArchiveIterator(warc)]
    assert records == [("response", url, original.capture.sha256), ("request", url, None)]

    archived = warc_bytes(bench.settings)
    again = bench.sources.fetch([url]).outcomes[0]
    assert (again.status, again.capture_id, again.stored_ids()) == ("unchanged", outcome.capture_id, [])
    assert live_site.asked("/articles/1.html")[-1].headers["If-None-Match"] == '"a1"'
    assert warc_bytes(bench.settings) == archived  # nothing new written to the archive


def test_an_unchanged_body_without_validators_is_recognised_by_its_hash(
    bench: Workbench, live_site: LiveSite
) -> None:
    url = live_site.put("/articles/2.html", article_html(2))
    first = bench.sources.fetch([url]).outcomes[0]
    archived = warc_bytes(bench.settings)
    second = bench.sources.fetch([url]).outcomes[0]
    assert (second.status, second.capture_id) == ("unchanged", first.capture_id)
    assert warc_bytes(bench.settings) == archived
    live_site.put("/articles/2.html", article_html(3))  # the page changed: a new capture and document
    third = bench.sources.fetch([url]).outcomes[0]
    assert third.status == "new" and third.capture_id != first.capture_id and len(third.stored_ids()) == 1


def test_refusals_are_one_clear_line_each_and_store_nothing(bench: Workbench, live_site: LiveSite) -> None:
    live_site.put("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    live_site.put("/private/memo.html", article_html(1))
    urls = [live_site.url("/private/memo.html"), "http://169.254.169.254/latest/meta-data/",
            "http://10.0.0.1/admin", "file:///etc/passwd", live_site.url("/missing.html"),
            live_site.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/"),
            live_site.redirect("/to-router", "http://10.0.0.1/admin")]
    run = bench.sources.fetch(urls)
    problems = [o.problem or "" for o in run.outcomes]
    assert [o.status for o in run.outcomes] == ["failed"] * 7 and not run.ok
    assert "robots.txt does not allow" in problems[0]
    assert "169.254.169.254 is link-local" in problems[1] and "10.0.0.1 is private" in problems[2]
    assert "only http and https are fetched, not file" in problems[3]
    assert "answered 404" in problems[4]
    assert "169.254.169.254 is link-local" in problems[5] and "10.0.0.1 is private" in problems[6]
    assert bench.documents.summary().total_documents == 0 and not bench.settings.archive_dir.exists()
    assert live_site.asked("/private/memo.html") == []  # refused before asking
    allowed = bench.sources.fetch([urls[0]], FetchOptions(ignore_robots=True)).outcomes[0]
    assert allowed.status == "new" and allowed.stored_ids()


def test_a_source_url_is_checked_by_the_guard_and_its_period_bounded(bench: Workbench) -> None:
    with pytest.raises(WatchfloorError, match=r"169\.254\.169\.254 is link-local"):
        bench.sources.add(SourceSpec("http://169.254.169.254/feed", "feed", 3600))
    with pytest.raises(WatchfloorError, match="unknown source kind 'blog'"):
        bench.sources.add(SourceSpec("http://127.0.0.1/feed", "blog", 3600))
    from watchfloor.service.sources import parse_every

    assert (parse_every("15m"), parse_every("1h"), parse_every("2d")) == (900, 3600, 172800)
    for wrong in ("5s", "soon", "31d"):
        with pytest.raises(WatchfloorError):
            parse_every(wrong)


def _watch_alabuga(bench: Workbench, out: Path) -> None:
    bench.watch.add_rules([{"id": "alabuga", "on": "document", "when": {"keywords": ["Alabuga"]},
                            "deliver": [{"jsonl": str(out)}]}])


def test_polling_a_feed_twice_stores_and_alerts_nothing_the_second_time(
    bench: Workbench, live_site: LiveSite, tmp_path: Path
) -> None:
    out = tmp_path / "alerts.jsonl"
    _watch_alabuga(bench, out)
    feed = publish(live_site, [1, 2, 3])
    bench.sources.add(SourceSpec(feed, "feed", 3600, publisher="Kama Wire", follow=True))
    poller = bench.sources.poller()
    first = poller.cycle()
    assert len(first.stored_ids) == 3 and first.alerts == 2 and not first.problems
    assert first.delivery.sent == 2 and len(out.read_text(encoding="utf-8").splitlines()) == 2
    stored = {d.url for d in bench.documents.search().documents}
    assert stored == {live_site.url(f"/articles/{n}.html") for n in (1, 2, 3)}

    second = poller.cycle(every_source=True)
    assert (second.stored_ids, second.alerts, second.delivery.sent) == ([], 0, 0)
    assert [o.status for _, o in second.polled] == ["unchanged"]
    assert live_site.asked("/feed.rss")[-1].headers["If-None-Match"] == '"feed-1-2-3"'
    assert all(len(live_site.asked(f"/articles/{n}.html")) == 1 for n in (1, 2, 3))
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2

    publish(live_site, [1, 2, 3, 4])
    third = poller.cycle(every_source=True)
    assert len(third.stored_ids) == 1 and third.alerts == 1
    assert all(len(live_site.asked(f"/articles/{n}.html")) == 1 for n in (1, 2, 3, 4))
    (listed,) = bench.sources.list()
    assert (listed.failures, listed.documents, listed.last_error) == (0, 4, None)


def test_a_failing_source_backs_off_and_shows_its_error(bench: Workbench, live_site: LiveSite) -> None:
    bench.sources.add(SourceSpec(live_site.url("/gone.rss"), "feed", 3600))
    report = bench.sources.poller().cycle()
    (source,) = bench.sources.list()
    assert source.failures == 1 and "answered 404" in (source.last_error or "") and report.problems
    assert source.next_due_at - source.last_polled_at == timedelta(hours=2)  # type: ignore[operator]


def test_documents_stored_but_never_watched_are_caught_up_once(
    bench: Workbench, live_site: LiveSite, tmp_path: Path
) -> None:
    out = tmp_path / "alerts.jsonl"
    url = live_site.put("/articles/1.html", article_html(1))
    bench.sources.fetch([url])  # no rules yet: nothing fires
    _watch_alabuga(bench, out)
    database = bench.settings.db_url.removeprefix("sqlite:///")
    with sqlite3.connect(database) as connection:  # as if the run had stopped before the rules ran
        connection.execute("UPDATE document SET watched_at = NULL")
    assert bench.sources.poller().cycle().alerts == 1
    assert bench.sources.poller().cycle().alerts == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1


def test_a_second_poller_is_refused_while_the_first_runs(bench: Workbench) -> None:
    first, second = bench.sources.poller(), bench.sources.poller()
    second.holder = "elsewhere:1"
    first.hold()
    with pytest.raises(WatchfloorError, match=rf"another poller \({re.escape(first.holder)}\) is running"):
        second.hold()
    first.release()
    second.hold()
    second.release()


def test_a_failing_sink_never_blocks_ingest_and_is_retried_then_given_up(
    bench: Workbench, live_site: LiveSite
) -> None:
    hook = live_site.url("/hook")
    bench.watch.add_rules([{"id": "alabuga", "on": "document", "when": {"keywords": ["Alabuga"]},
                            "deliver": [{"webhook": hook}]}])
    live_site.post_statuses[:] = [500]
    run = bench.sources.fetch([live_site.put("/articles/1.html", article_html(1))])
    assert run.outcomes[0].stored_ids() and run.delivery.retrying == 1 and "500" in run.delivery.problems[0]
    (pending,) = bench.delivery.deliveries()
    assert (pending.status, pending.attempts) == ("pending", 1)
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert bench.delivery.deliver_due(at=later).sent == 1
    (sent,) = bench.delivery.deliveries()
    assert (sent.status, sent.attempts) == ("sent", 2)
    body = json.loads(live_site.asked("/hook", "POST")[-1].body)
    assert body["alert"]["rule"] == "alabuga" and body["delivery"] == str(sent.id)


def test_the_pacer_keeps_the_politeness_delay_per_host_only() -> None:
    from watchfloor.service.capturing import HostPacer

    slept: list[float] = []
    pacer = HostPacer(5.0, sleep=slept.append)
    pacer.wait("https://news.example.org/a")
    pacer.wait("https://other.example.org/a")
    assert slept == []
    pacer.wait("https://NEWS.example.org/b")
    assert len(slept) == 1 and 4.5 < slept[0] <= 5.0
