"""Structural facts about the bundled sample corpus that every later stage relies on."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import feedparser
import pypdf
import pytest
import trafilatura
import yaml
from datasketch import MinHash

from watchfloor.model import DocumentKind

SUPPORTED_SUFFIXES = {".md", ".jsonl", ".rss", ".html", ".pdf"}
FRONT_MATTER_KEYS = ("title", "url", "publisher", "published", "kind", "author", "lang")
LANGUAGES = {"en", "ru", "fa"}
ENTITY_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT"}
RECORD_FIELDS = {
    "job_posting": (
        "employer",
        "title",
        "location",
        "posted",
        "languages",
        "text",
        "url",
        "lang",
        "publisher",
    ),
    "social_post": ("platform", "author", "posted", "text", "url", "lang"),
}
ORIGINAL = "2023-08-20-defense-dispatch-drone-factory.md"
SYNDICATED_COPY = "2023-08-21-gulf-security-wire-drone-factory.md"
UNRELATED = "2023-07-17-iran-mfa-kanaani-denial.md"


@pytest.fixture(scope="module")
def sample_dir() -> Iterator[Path]:
    with resources.as_file(resources.files("watchfloor.data") / "sample") as path:
        yield path


@pytest.fixture(scope="module")
def documents_dir(sample_dir: Path) -> Path:
    return sample_dir / "documents"


def document_files(documents_dir: Path, suffix: str) -> list[Path]:
    return sorted(p for p in documents_dir.rglob(f"*{suffix}") if p.is_file())


def split_front_matter(path: Path) -> tuple[dict[str, Any], str]:
    """Return (front matter, body) of a Markdown document; fail the test if the layout is wrong."""
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n(.*)", text, flags=re.DOTALL)
    assert match, f"{path.name}: no YAML front matter delimited by --- lines"
    meta = yaml.safe_load(match.group(1))
    assert isinstance(meta, dict), f"{path.name}: front matter is not a mapping"
    return meta, match.group(2)


def as_iso_date(value: object) -> date:
    """Accept a YAML date or a YYYY-MM-DD string, as readers must."""
    if isinstance(value, date):
        return value
    assert isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), f"not an ISO date: {value!r}"
    return date.fromisoformat(value)


def jsonl_records(documents_dir: Path) -> list[dict[str, Any]]:
    records = []
    for path in document_files(documents_dir, ".jsonl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            assert isinstance(record, dict), f"{path.name}:{number} is not a JSON object"
            records.append(record)
    return records


def word_shingles(text: str, size: int = 3) -> set[str]:
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str) -> MinHash:
    signature = MinHash(num_perm=256, seed=7)
    for shingle in word_shingles(text):
        signature.update(shingle.encode("utf-8"))
    return signature


def test_folder_holds_documents_watchlist_and_readme(sample_dir: Path, documents_dir: Path) -> None:
    assert {p.name for p in sample_dir.iterdir()} >= {"documents", "watchlist.yaml", "README.md"}
    files = [p for p in documents_dir.rglob("*") if p.is_file()]
    unsupported = [p.name for p in files if p.suffix.lower() not in SUPPORTED_SUFFIXES]
    assert unsupported == []
    assert {p.suffix for p in files} == SUPPORTED_SUFFIXES


def test_markdown_front_matter(documents_dir: Path) -> None:
    markdown = document_files(documents_dir, ".md")
    assert len(markdown) >= 8
    for path in markdown:
        meta, body = split_front_matter(path)
        missing = [key for key in FRONT_MATTER_KEYS if not meta.get(key)]
        assert missing == [], f"{path.name}: missing {missing}"
        DocumentKind.parse(meta["kind"])
        assert as_iso_date(meta["published"]) <= date(2023, 12, 31)
        assert meta["lang"] in LANGUAGES
        assert 100 <= len(body.split()) <= 350, f"{path.name}: body is not short (100-350 words)"
    kinds = {split_front_matter(p)[0]["kind"] for p in markdown}
    assert {"article", "report", "statement"} <= kinds
    assert {split_front_matter(p)[0]["lang"] for p in markdown} == LANGUAGES


def test_jsonl_records_have_required_fields(documents_dir: Path) -> None:
    records = jsonl_records(documents_dir)
    for record in records:
        fields = RECORD_FIELDS[record["type"]]
        missing = [name for name in fields if name not in record or record[name] in (None, "", [])]
        assert missing == [], f"{record.get('url')}: missing {missing}"
        as_iso_date(record["posted"])
        assert record["lang"] in LANGUAGES
    assert {record["type"] for record in records} == set(RECORD_FIELDS)


def test_job_postings_ask_for_farsi_in_yelabuga(documents_dir: Path) -> None:
    postings = [r for r in jsonl_records(documents_dir) if r["type"] == "job_posting"]
    farsi = [p for p in postings if "fa" in p["languages"]]
    assert len(postings) >= 3
    assert len(farsi) >= 2
    assert len(postings) > len(farsi)
    assert all(re.search(r"фарси|персидск", p["text"]) for p in farsi)
    assert all(p["lang"] == "ru" and all(isinstance(x, str) for x in p["languages"]) for p in postings)
    assert min(as_iso_date(p["posted"]) for p in farsi) >= date(2023, 4, 1)
    joined = " ".join(p["text"] + " " + p["location"] for p in postings)
    for form in ("Елабуга", "Елабуге", "Алабуга"):
        assert form in joined


def test_social_posts_spell_the_town_differently(documents_dir: Path) -> None:
    posts = [r for r in jsonl_records(documents_dir) if r["type"] == "social_post"]
    assert any("Elabuga" in p["text"] for p in posts)
    assert any(p["lang"] == "ru" for p in posts)


def test_persian_document_uses_persian_script(documents_dir: Path) -> None:
    persian = [p for p in document_files(documents_dir, ".md") if split_front_matter(p)[0]["lang"] == "fa"]
    assert persian
    body = split_front_matter(persian[0])[1]
    assert "الابوگا" in body
    assert "یلابوگا" in body


def test_watchlist_entries(sample_dir: Path) -> None:
    entries = yaml.safe_load((sample_dir / "watchlist.yaml").read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    for entry in entries:
        assert isinstance(entry["name"], str) and entry["name"]
        assert entry["type"] in ENTITY_TYPES
        assert all(isinstance(alias, str) and alias for alias in entry["aliases"])
        assert isinstance(entry.get("notes", ""), str)
    by_name = {entry["name"]: entry for entry in entries}
    assert by_name["Alabuga Special Economic Zone"]["type"] == "FAC"
    assert {"Елабуга", "Елабуге", "Елабуги", "Elabuga", "یلابوگا"} <= set(by_name["Yelabuga"]["aliases"])
    assert "Герань-2" in by_name["Shahed-136"]["aliases"]
    assert "Альбатрос" in by_name["Albatross"]["aliases"]
    assert {"Airwars", "Iran International"} <= set(by_name)


def test_pdf_text_is_extractable(documents_dir: Path) -> None:
    (pdf,) = document_files(documents_dir, ".pdf")
    reader = pypdf.PdfReader(pdf)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Alabuga Special Economic Zone near Yelabuga" in text
    assert "Nasser Kanaani" in text
    assert reader.metadata is not None and reader.metadata.title


def test_rss_has_three_dated_entries(documents_dir: Path) -> None:
    (rss,) = document_files(documents_dir, ".rss")
    feed = feedparser.parse(rss.read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == 3
    assert all(entry.get("published_parsed") and entry.get("link") for entry in feed.entries)


def test_html_page_separates_article_from_boilerplate(documents_dir: Path) -> None:
    (html,) = document_files(documents_dir, ".html")
    extracted = trafilatura.bare_extraction(html.read_text(encoding="utf-8"), with_metadata=True)
    assert extracted is not None and not isinstance(extracted, dict)
    assert extracted.text is not None
    assert extracted.date == "2023-08-22"
    assert extracted.sitename == "Caspian Monitor"
    assert "Alabuga Special Economic Zone" in extracted.text
    assert "Accept all" not in extracted.text


def test_syndicated_copy_is_a_near_duplicate(documents_dir: Path) -> None:
    original, copy, unrelated = (
        split_front_matter(documents_dir / name)[1] for name in (ORIGINAL, SYNDICATED_COPY, UNRELATED)
    )
    assert original != copy
    assert minhash(original).jaccard(minhash(copy)) >= 0.8
    assert minhash(original).jaccard(minhash(unrelated)) < 0.5


def test_readme_describes_every_document(sample_dir: Path, documents_dir: Path) -> None:
    readme = (sample_dir / "README.md").read_text(encoding="utf-8")
    undocumented = [p.name for p in documents_dir.rglob("*") if p.is_file() and p.name not in readme]
    assert undocumented == []
