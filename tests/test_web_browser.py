"""The workbench in a real browser (Debian's Chromium through Playwright): a user's paths, hostile text
that never runs, and no serious accessibility violation on any page."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from browser import AXE, CHROMIUM, CHROMIUM_ARGS, need_chromium, served
from watchfloor.config import Settings
from watchfloor.service.workbench import Workbench

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    need_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def workbench(sample_db: Path, tmp_path: Path) -> Iterator[tuple[str, str, Path]]:
    """The sample workspace served; the base URL, an analyst's token, and the workspace file."""
    db = tmp_path / "web.db"
    shutil.copy(sample_db, db)
    with Workbench.open(Settings(db_url=f"sqlite:///{db}")) as bench:
        _, token = bench.accounts.add("ana", "analyst")
    with served(db) as base:
        yield base, token, db


def signed_in(browser: Browser, base: str, token: str) -> Page:
    page = browser.new_page(base_url=base)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/signin\?next=/$"))
    page.get_by_label("API token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Watch floor")).to_be_visible()
    return page


def test_sign_in_search_farsi_and_open_the_job_posting(browser: Browser, workbench: tuple[str, str, Path]
                                                       ) -> None:
    base, token, _ = workbench
    page = signed_in(browser, base, token)
    page.get_by_label("Search documents").fill("Farsi")
    page.get_by_role("button", name="Search").click()
    results = page.get_by_role("region", name="Results")
    expect(results.locator("mark").first).to_be_visible()
    page.get_by_role("link", name="job_posting").first.click()  # the kind facet
    expect(page).to_have_url(re.compile(r"kind=job_posting"))
    results.locator("ol.results a").first.click()
    expect(page.locator(".provenance")).to_contain_text("job_posting")
    expect(page.locator("article.text .entity").first).to_be_visible()


def test_yelabuga_has_its_names_in_every_script(browser: Browser, workbench: tuple[str, str, Path]) -> None:
    base, token, _ = workbench
    page = signed_in(browser, base, token)
    page.goto("/entities/Yelabuga")
    names = page.locator("dl.names")
    for name in ("Yelabuga", "Elabuga", "Елабуга", "یلابوگا"):
        expect(names).to_contain_text(name)
    page.goto("/entities/Alabuga")
    expect(page.locator("dl.names")).to_contain_text("Алабуга")


def test_the_denial_is_kanaanis_and_rejecting_it_takes_it_out_of_the_brief(
    browser: Browser, workbench: tuple[str, str, Path]
) -> None:
    base, token, _ = workbench
    page = signed_in(browser, base, token)
    page.goto("/clusters?entity=Iran")
    page.locator("ol.clusters li", has=page.locator(".stance-denies")).first.locator("a").first.click()
    denials = page.locator("section:has(h2:text-matches('^Denials')) li.stance-denies")
    denial = denials.filter(has_text="Kanaani").first
    expect(denial.locator(".source")).to_contain_text("Kanaani")
    expect(denial.locator(".badge")).to_have_text("denies")
    quoted = denial.locator("blockquote").inner_text()
    page.goto("/briefs/Iran")
    before = page.locator("main").inner_text().count("Kanaani")
    page.goto("/review?kind=attribution")
    item = page.locator("li.item", has=page.locator("blockquote", has_text=quoted)).first
    decided = item.get_attribute("data-item")
    item.get_by_role("button", name="Reject").click()
    expect(page.locator(".note")).to_contain_text(f"reject recorded for {decided}")
    expect(page.locator(f'li.item[data-item="{decided}"]')).to_have_count(0)
    page.goto("/briefs/Iran")
    assert page.locator("main").inner_text().count("Kanaani") < before


def test_review_keyboard_confirms_the_current_item(browser: Browser, workbench: tuple[str, str, Path]
                                                   ) -> None:
    base, token, _ = workbench
    page = signed_in(browser, base, token)
    page.goto("/review?kind=attribution")
    first = page.locator("li.item").first.get_attribute("data-item")
    page.keyboard.press("j")
    expect(page.locator("li.item").nth(1)).to_have_class(re.compile("current"))
    page.keyboard.press("k")
    page.keyboard.press("c")
    expect(page.locator(".note")).to_contain_text(f"confirm recorded for {first}")


def test_merge_two_entities_and_undo_it(browser: Browser, workbench: tuple[str, str, Path]) -> None:
    base, token, db = workbench
    with Workbench.open(Settings(db_url=f"sqlite:///{db}")) as bench:
        alabuga, yelabuga = bench.entities.get("Alabuga").entity.id, bench.entities.get("Yelabuga").entity.id
    page = signed_in(browser, base, token)
    page.goto(f"/entities/{alabuga}")
    page.get_by_label("Same thing as (entity id)").fill(yelabuga)
    page.get_by_label("Why", exact=True).first.fill("test merge")
    page.get_by_role("button", name="Merge").click()
    expect(page.locator(".note")).to_contain_text("merged")
    expect(page.locator("dl.names")).to_contain_text("Елабуга")
    expect(page.locator("main")).to_contain_text("test merge")
    page.get_by_role("button", name="Undo").first.click()
    expect(page.locator(".note")).to_contain_text("undone")
    expect(page.locator("dl.names")).not_to_contain_text("Елабуга")
    page.goto(f"/entities/{yelabuga}")
    expect(page.locator("dl.names")).to_contain_text("Елабуга")


def test_upload_several_files_shows_each_result(browser: Browser, workbench: tuple[str, str, Path],
                                                tmp_path: Path) -> None:
    base, token, _ = workbench
    page = signed_in(browser, base, token)
    fresh = tmp_path / "note.txt"
    fresh.write_text("Tatarstan officials said on 3 May 2024 that the Alabuga zone would expand.\n")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"%PDF-1.4 not really")
    page.goto("/upload")
    page.get_by_label(re.compile("^Files")).set_input_files([fresh, empty, fresh])
    page.get_by_role("button", name="Upload").click()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("new")
    expect(rows.nth(1).locator(".problem")).to_be_visible()
    expect(rows.nth(2)).to_contain_text("duplicate")


def test_viewers_see_no_write_buttons(browser: Browser, workbench: tuple[str, str, Path]) -> None:
    base, _, db = workbench
    with Workbench.open(Settings(db_url=f"sqlite:///{db}")) as bench:
        _, viewer = bench.accounts.add("vic", "viewer")
    page = signed_in(browser, base, viewer)
    page.goto("/review")
    expect(page.get_by_role("button", name="Reject")).to_have_count(0)
    expect(page.get_by_role("link", name="Upload")).to_have_count(0)
    page.goto("/upload")
    expect(page.locator("h1")).to_have_text("403")


PAGES = ["/", "/search?q=Alabuga", "/review", "/alerts", "/clusters", "/timeline", "/graph",
         "/entities/Alabuga", "/briefs/Alabuga", "/upload"]


def test_no_serious_accessibility_violation(browser: Browser, workbench: tuple[str, str, Path]) -> None:
    assert AXE.exists(), "axe-core comes from npm (make install)"
    base, token, _ = workbench
    context = browser.new_context(base_url=base, bypass_csp=True)  # axe is injected as a script
    page = context.new_page()
    page.goto("/signin")
    page.get_by_label("API token").fill(token)
    page.get_by_role("button", name="Sign in").click()
    page.goto("/search?q=Alabuga")
    first_document = page.locator("ol.results a").first.get_attribute("href")
    page.goto("/clusters")
    first_cluster = page.locator("ol.clusters a").first.get_attribute("href")
    found: dict[str, list[str]] = {}
    for path in [*PAGES, "/signin", str(first_document), str(first_cluster)]:
        page.goto(path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate("async () => (await axe.run(document)).violations.map("
                                   "v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))")
        bad = [f"{v['id']} ({v['impact']}, {v['nodes']})" for v in violations
               if v["impact"] in ("serious", "critical")]
        if bad:
            found[path] = bad
    context.close()
    assert not found, found


def test_screenshots_of_the_document_and_claim_pages(browser: Browser, workbench: tuple[str, str, Path],
                                                    tmp_path: Path) -> None:
    """Screenshots for the README (``docs/``, rewritten when WATCHFLOOR_SCREENSHOTS=1)."""
    import os

    base, token, _ = workbench
    page = signed_in(browser, base, token)
    page.set_viewport_size({"width": 1280, "height": 900})
    target = DOCS if os.environ.get("WATCHFLOOR_SCREENSHOTS") == "1" else tmp_path
    page.goto("/search?q=Kanaani")
    page.locator("ol.results a").first.click()
    page.screenshot(path=str(target / "workbench-document.png"))
    page.goto("/clusters?entity=Alabuga")
    page.locator("ol.clusters a").first.click()
    page.screenshot(path=str(target / "workbench-claim.png"))
    assert (target / "workbench-document.png").stat().st_size > 10_000


def test_graph_draws_and_alerts_are_acknowledged(browser: Browser, workbench: tuple[str, str, Path]) -> None:
    base, token, _ = workbench
    page = signed_in(browser, base, token)
    page.goto("/graph?entity=Alabuga")
    expect(page.locator("#graph canvas").first).to_be_attached()
    data = page.evaluate("async () => (await fetch('/graph.json?entity=Alabuga')).json()")
    kinds = {node["kind"].split()[0] for node in data["nodes"]}
    assert kinds == {"entity", "claim", "document"} and data["edges"]
    assert all(node["href"].startswith(("/entities/", "/documents/")) for node in data["nodes"])
    page.goto("/alerts")
    rows = page.locator("tbody tr", has=page.get_by_role("button", name="Acknowledge"))
    before = rows.count()
    assert before > 0
    rows.first.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".note")).to_contain_text("acknowledged")
    expect(rows).to_have_count(before - 1)
