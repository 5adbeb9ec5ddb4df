"""Readers on well-formed inputs of every format, and their decoding rules."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import matplotlib
import pytest

from conftest import shared_path
from watchfloor.errors import InputError
from watchfloor.ingest.reader import registered_readers
from watchfloor.ingest.readers import FeedReader, HtmlReader, JsonlReader, PdfReader, TextReader
from watchfloor.ingest.readers.decoding import decode_text
from watchfloor.model import Document, DocumentKind

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BBC_SPORT_199 = "datasets/bbc-news/bbc/sport/199.txt"


def documents(reader: object, path: Path) -> list[Document]:
    items = list(reader.read(path))  # type: ignore[attr-defined]
    assert all(isinstance(item, Document) for item in items), items
    return items


def write_pdf(path: Path, pages: list[str], title: str, author: str, created: datetime) -> None:
    """A real PDF with extractable text, made with matplotlib's PDF backend."""
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(
        path, metadata={"Title": title, "Author": author, "CreationDate": created}
    ) as pdf:
        for text in pages:
            figure = plt.figure(figsize=(8.5, 11))
            figure.text(0.1, 0.9, text)
            pdf.savefig(figure)
            plt.close(figure)


def test_every_format_has_one_registered_reader() -> None:
    readers = registered_readers()
    names = [reader.name for reader in readers]
    assert sorted(names) == ["feed", "html", "jsonl", "pdf", "text"]
    suffixes = [suffix for reader in readers for suffix in reader.suffixes]
    assert len(suffixes) == len(set(suffixes))


def test_markdown_front_matter_fills_the_document() -> None:
    [doc] = documents(TextReader(), FIXTURES / "statement.md")
    assert doc.kind is DocumentKind.STATEMENT
    assert doc.title == "Ministry rejects reports about interpreters at the Yelabuga plant"
    assert doc.url == "https://ministry.example/briefings/2023-08-22"
    assert doc.publisher == "Ministry of Foreign Affairs (example)"
    assert doc.author == "Press office"
    assert doc.published_at == date(2023, 8, 22)
    assert doc.retrieved_at == datetime(2023, 8, 23, 9, 30, tzinfo=UTC)
    assert doc.lang == "en"
    assert doc.metadata == {"region": "Tatarstan"}
    assert doc.text.startswith("The ministry's spokesperson on Tuesday")
    assert "---" not in doc.text and "publisher:" not in doc.text


def test_plain_text_takes_its_first_line_as_title() -> None:
    [doc] = documents(TextReader(), FIXTURES / "plain.txt")
    assert doc.kind is DocumentKind.ARTICLE
    assert doc.title == "Factory expands near Yelabuga"
    assert doc.text.startswith("Factory expands near Yelabuga\n\nSatellite images")
    assert doc.published_at is None and doc.source_path == str(FIXTURES / "plain.txt")


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("kind: rumour\n", "unknown document kind 'rumour'"),
        ("title: [unclosed\n", "invalid YAML front matter"),
        ("published: last tuesday\n", "published must be a date"),
        ("- just\n- a list\n", "front matter must be a mapping"),
        ("lang: English language\n", "lang must be a language code"),
    ],
)
def test_invalid_front_matter_is_refused(tmp_path: Path, front: str, problem: str) -> None:
    path = tmp_path / "bad.md"
    path.write_text(f"---\n{front}---\nSome body text.\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        list(TextReader().read(path))
    assert caught.value.path == str(path)
    assert problem in caught.value.problem


def test_unclosed_front_matter_and_empty_text_are_refused(tmp_path: Path) -> None:
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: x\nBody without a closing fence\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("---\ntitle: only metadata\n---\n \n", encoding="utf-8")
    with pytest.raises(InputError, match="never closed"):
        list(TextReader().read(unclosed))
    with pytest.raises(InputError, match="empty document"):
        list(TextReader().read(empty))


def test_decoding_strips_bom_and_falls_back_to_windows_1252() -> None:
    assert decode_text("\ufeffCost: £5\r\nnext".encode(), "x.txt") == "Cost: £5\nnext"
    assert decode_text("Cost: £5 — “quoted”".encode("cp1252"), "x.txt") == "Cost: £5 — “quoted”"
    assert decode_text("Привет".encode("utf-16"), "x.txt") == "Привет"


def test_text_in_another_single_byte_encoding_is_refused() -> None:
    russian = "Завод в Елабуге нанимает переводчиков с фарси для работы с технической документацией."
    with pytest.raises(InputError, match="cannot decode as UTF-8 or Windows-1252"):
        decode_text(russian.encode("cp1251"), "ru.txt")
    with pytest.raises(InputError, match="cannot decode as UTF-8 or Windows-1252"):
        decode_text(b"abc \x81\x8d\x8f\x90 def", "odd.txt")  # bytes Windows-1252 does not define


def test_bbc_file_with_a_raw_pound_byte_is_ingested() -> None:
    [doc] = documents(TextReader(), shared_path(BBC_SPORT_199))
    assert "£" in doc.text and "\ufffd" not in doc.text


def test_html_main_text_and_metadata() -> None:
    [doc] = documents(HtmlReader(), FIXTURES / "page.html")
    assert doc.title == "Drone plant recruits Farsi interpreters"
    assert doc.url == "https://kama-observer.example/2023/08/drone-plant-interpreters"
    assert doc.author == "Irina Volkova"
    assert doc.publisher == "Kama Observer"
    assert doc.published_at == date(2023, 8, 19)
    assert "advertised several positions for" in doc.text and "interpreters who speak Farsi" in doc.text
    assert "tracking" not in doc.text and "All rights reserved" not in doc.text


def test_pdf_text_of_every_page_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    created = datetime(2023, 5, 4, 12, 0, tzinfo=UTC)
    write_pdf(path, ["The plant hired interpreters.", "Officials denied it on Tuesday."], "Plant report",
              "Analyst One", created)
    [doc] = documents(PdfReader(), path)
    assert doc.text == "The plant hired interpreters.\n\nOfficials denied it on Tuesday."
    assert (doc.title, doc.author, doc.published_at) == ("Plant report", "Analyst One", created)


def test_rss_entries_become_documents_with_html_stripped() -> None:
    path = FIXTURES / "wire.rss"
    first, second = documents(FeedReader(), path)
    assert first.text == "Three new assembly halls were completed at the zone, the operator said."
    assert first.title == "New halls at the Alabuga zone"
    assert first.url == "https://volga-wire.example/industry/2023/06/01/alabuga-halls"
    assert first.published_at == datetime(2023, 6, 1, 10, 15, tzinfo=UTC)
    assert first.publisher == second.publisher == "Volga Wire: Industry"
    assert first.lang == "en" and first.source_path == f"{path}#1"
    assert second.text == "The operator posted vacancies for translators of technical documentation."


def test_atom_feed_in_an_xml_file_is_sniffed() -> None:
    path = FIXTURES / "updates.xml"
    reader = FeedReader()
    assert reader.accepts(path, path.read_bytes()[:4096])
    assert not reader.accepts(Path("config.xml"), b"<?xml version='1.0'?><config/>")
    [doc] = documents(reader, path)
    assert doc.title == "Officials deny expansion of the plant"
    assert doc.author == "Monitor staff" and doc.publisher == "Regional Monitor"
    assert "denied on Sunday" in doc.text and "speculation" in doc.text and "<p>" not in doc.text
    assert doc.url == "https://regional-monitor.example/2023/07/02/deny"


def test_jsonl_records_keep_structured_fields() -> None:
    path = FIXTURES / "records.jsonl"
    job, post = documents(JsonlReader(), path)
    assert job.kind is DocumentKind.JOB_POSTING
    assert job.title == "Technical interpreter (Farsi)" and job.publisher == "Albatross LLC"
    assert job.metadata == {
        "employer": "Albatross LLC", "location": "Yelabuga, Tatarstan", "languages": ["ru", "fa"]
    }
    assert job.published_at == date(2023, 4, 12) and job.lang == "en" and job.source_path == f"{path}:1"
    assert post.kind is DocumentKind.SOCIAL_POST
    assert (post.author, post.publisher, post.metadata) == ("elabuga_today", "VK", {"platform": "VK"})
    assert post.published_at is not None and post.published_at.isoformat() == "2023-01-27T18:40:00+03:00"
    assert post.source_path == f"{path}:2"
