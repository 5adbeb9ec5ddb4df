"""Bad input through ``watchfloor ingest``: one clear line per problem, the batch goes on, exit code 1."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from watchfloor.cli.main import main
from watchfloor.errors import InputError
from watchfloor.ingest.readers import FeedReader, JsonlReader, PdfReader, jsonl
from watchfloor.model import Document
from watchfloor.store.sql import open_store

SMALL_PIPELINE = """
[pipeline]
components = ["watchlist"]

[components.watchlist]
factory = "watchlist.names"
"""
GOOD_TEXT = "Officials near Yelabuga said on Monday that {n} new halls had opened at the industrial zone."


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory whose watchfloor.toml names a small pipeline and a workspace database."""
    (tmp_path / "small.toml").write_text(SMALL_PIPELINE, encoding="utf-8")
    (tmp_path / "watchfloor.toml").write_text(
        '[workspace]\ndb = "ws.db"\npipeline = "small.toml"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as caught:
        main(["ingest", *args])
    out, err = capsys.readouterr()
    return int(caught.value.code or 0), out, err


def stored_texts(workspace: Path) -> set[str]:
    with open_store(f"sqlite:///{workspace / 'ws.db'}") as store:
        return {doc.text for doc in store.documents(limit=1000)}


def good_file(workspace: Path, name: str, n: int) -> Path:
    path = workspace / "in" / name
    path.write_text(GOOD_TEXT.format(n=n), encoding="utf-8")
    return path


def writer(name: str, data: bytes) -> Callable[[Path], Path]:
    """A maker of one bad file with this name and content."""

    def write(directory: Path) -> Path:
        path = directory / name
        path.write_bytes(data)
        return path

    return write


KOI8_TEXT = "Завод в Елабуге нанимает переводчиков с фарси для технических документов.".encode("koi8-r")
BROKEN_HTML = b"<html><head><title>x</title></head><body><div><span></div></ta"
TRUNCATED_PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntruncated here"


def missing(directory: Path) -> Path:
    return directory.parent / "elsewhere" / "does-not-exist.txt"


def broken_link(directory: Path) -> Path:
    path = directory / "moved.txt"
    path.symlink_to(directory / "gone.txt")
    return path


@pytest.mark.parametrize(
    ("make_bad", "problem"),
    [
        (missing, "no such file or directory"),
        (broken_link, "broken symbolic link"),
        (writer("garbage.txt", bytes(range(256)) * 8), "binary content, not text"),
        (writer("broken.html", BROKEN_HTML), "no extractable text"),
        (writer("corrupt.pdf", TRUNCATED_PDF), "corrupt or unreadable PDF"),
        (writer("koi8.txt", KOI8_TEXT), "cannot decode as UTF-8 or Windows-1252"),
        (writer("slides.pptx", b"PK\x03\x04 not really a presentation"), "unsupported file type"),
        (writer("[bold red]evil.bin", b"x"), "unsupported file type"),
    ],
)
def test_bad_file_gives_one_line_and_the_batch_goes_on(
    workspace: Path, capsys: pytest.CaptureFixture[str], make_bad: Callable[[Path], Path], problem: str
) -> None:
    earlier = good_file(workspace, "earlier.txt", 1)
    assert run(capsys, str(earlier))[0] == 0
    bad = make_bad(workspace / "in")
    good_file(workspace, "zz-after.txt", 2)  # sorts after the bad file
    paths = [str(workspace / "in")] if bad.parent == workspace / "in" else [str(bad), str(workspace / "in")]
    code, _, err = run(capsys, *paths)
    assert code == 1
    lines = [line for line in err.splitlines() if str(bad) in line]
    assert len(lines) == 1 and lines[0].startswith(f"{bad}: ") and problem in lines[0]
    assert stored_texts(workspace) == {GOOD_TEXT.format(n=1), GOOD_TEXT.format(n=2)}


#: A file that even root may not read: write-only kernel settings refuse reads whatever the caller.
WRITE_ONLY = Path("/proc/sys/vm/drop_caches")


def unreadable_file(directory: Path) -> Path:
    """A file that cannot be read: mode 000 for an ordinary user, a link to a write-only file for root."""
    path = directory / "locked.txt"
    if os.geteuid() != 0:
        path.write_text(GOOD_TEXT.format(n=1), encoding="utf-8")
        path.chmod(0)
    elif WRITE_ONLY.is_file():
        path.symlink_to(WRITE_ONLY)
    else:
        pytest.skip("running as root without a write-only file to stand for an unreadable one")
    try:
        path.open("rb").close()
    except PermissionError:
        return path
    pytest.skip(f"{path} is readable here after all")


def test_unreadable_file(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = unreadable_file(workspace / "in")
    good_file(workspace, "open.txt", 2)
    code, _, err = run(capsys, str(workspace / "in"))
    assert code == 1
    assert f"{locked}: cannot read: Permission denied" in err.splitlines()
    assert stored_texts(workspace) == {GOOD_TEXT.format(n=2)}


def test_oversized_file_is_refused_before_reading(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    small = good_file(workspace, "small.txt", 1)
    big = workspace / "in" / "big.txt"
    big.write_text("A long report about the plant. " * 20, encoding="utf-8")
    limit = small.stat().st_size + 10
    code, _, err = run(capsys, "--max-bytes", str(limit), str(workspace / "in"))
    assert code == 1
    assert f"{big}: file is {big.stat().st_size} bytes, over the {limit} byte limit" in err.splitlines()
    assert stored_texts(workspace) == {GOOD_TEXT.format(n=1)}


def test_invalid_jsonl_lines_are_reported_and_the_others_ingested(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workspace / "in" / "posts.jsonl"
    good = '{"type": "social_post", "platform": "VK", "text": "%s"}'
    path.write_text(
        "\n".join([
            good % "First post about the zone.",
            '{"type": "social_post", "platform": "VK", "text": ',
            '{"type": "social_post", "platform": "VK"}',
            '{"type": "press_release", "text": "x"}',
            '{"type": "job_posting", "employer": "Albatross", "title": "Welder", "text": "Welders wanted.",'
            ' "languages": "fa"}',
            good % "Second post about the zone.",
        ]) + "\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, str(path))
    assert code == 1
    failures = [line for line in err.splitlines() if line.startswith(f"{path}:")]
    assert [line.split(": ", 1)[0] for line in failures] == [f"{path}:{n}" for n in (2, 3, 4, 5)]
    assert "invalid JSON" in failures[0]
    assert "missing field 'text'" in failures[1]
    assert "unknown or missing record type 'press_release'" in failures[2]
    assert "languages must be a list of texts" in failures[3]
    assert stored_texts(workspace) == {"First post about the zone.", "Second post about the zone."}


# -- bad records and files at the reader level ------------------------------------------------------


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt("secret")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="encrypted PDF"):
        list(PdfReader().read(path))


def test_malformed_and_empty_feeds_are_refused(tmp_path: Path) -> None:
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss><channel><title>x</title></chan", encoding="utf-8")
    empty = tmp_path / "empty.atom"
    empty.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>', "utf-8")
    with pytest.raises(InputError, match=r"not a readable feed: unclosed token$"):
        list(FeedReader().read(broken))
    with pytest.raises(InputError, match="feed has no entries"):
        list(FeedReader().read(empty))


def test_feed_entry_without_text_is_reported_and_the_others_read(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(
        "<rss version='2.0'><channel><title>Wire</title>"
        "<item><title>Empty</title></item>"
        "<item><title>Full</title><description>The plant opened a new hall.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    first, second = FeedReader().read(path)
    assert isinstance(first, InputError) and str(first) == f"{path}#1: feed entry has no text"
    assert isinstance(second, Document) and second.text == "The plant opened a new hall."


def test_overlong_and_binary_jsonl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 200)
    path = tmp_path / "posts.jsonl"
    record = '{"type": "social_post", "platform": "X", "text": "%s"}\n'
    path.write_text(record % ("long " * 100) + record % "short", encoding="utf-8")
    too_long, short = JsonlReader().read(path)
    assert isinstance(too_long, InputError) and str(too_long) == f"{path}:1: line longer than 200 bytes"
    assert isinstance(short, Document) and short.text == "short" and short.source_path == f"{path}:2"
    garbage = tmp_path / "garbage.jsonl"
    garbage.write_bytes(bytes(range(256)))
    with pytest.raises(InputError, match="binary content"):
        list(JsonlReader().read(garbage))
