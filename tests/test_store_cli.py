"""Workspace commands through the real CLI: documents, show, entities, claims, summary, watchlist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from test_store import ARTICLE, ATTRIBUTION, NER, article, at, russian, watched_yelabuga
from watchfloor.cli import marks
from watchfloor.cli.main import build_app, main
from watchfloor.model import Analysis, Attribution, Document, EntityMention
from watchfloor.store.base import ClaimFilter
from watchfloor.store.sql import open_store

runner = CliRunner()



HOSTILE_TEXT = (
    "Note: [bold]Albatross[/bold] said [link=https://evil.example]click[/link] today.\x1b[2J\x07 Bye."
)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with open_store(f"sqlite:///{path}") as store:
        key = watched_yelabuga(store)
        store.add_document(*article(key))
        store.add_document(*russian(key))
    return path


def run(workspace: Path, *args: str) -> str:
    result = runner.invoke(build_app(), ["--db", str(workspace), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def json_lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_documents(workspace: Path) -> None:
    listed = json_lines(run(workspace, "documents", "--format", "jsonl"))
    assert [d["kind"] for d in listed] == ["social_post", "article"]
    assert "text" not in listed[0] and listed[1]["title"] == "Drone plant expands in Tatarstan"
    searched = json_lines(run(workspace, "documents", "--search", "Farsi", "--format", "jsonl"))
    assert [d["kind"] for d in searched] == ["article"]
    assert json_lines(run(workspace, "documents", "--kind", "statement", "--format", "jsonl")) == []
    table = run(workspace, "documents")
    assert "Drone plant expands" in table and "Коммерсантъ" in table


def test_show_marks_up_a_document(workspace: Path) -> None:
    document_id = json_lines(run(workspace, "documents", "--kind", "article", "--format", "jsonl"))[0]["id"]
    shown = json.loads(run(workspace, "show", str(document_id), "--format", "json"))
    assert shown["text"].startswith("According to Airwars")
    assert [m["text"] for m in shown["mentions"]][:2] == ["Airwars", "Yelabuga"]
    assert [t["value"] for t in shown["times"]] == ["2025"]
    assert [c["cue"] for c in shown["claims"]] == ["According to", "denied", "told"]
    screen = run(workspace, "show", str(document_id))
    assert "legend" in screen and "Breaking Defense" in screen
    assert "Farsi" in screen and "(unnamed)" not in screen and "the Financial Times" in screen


def test_show_marks_every_span_visibly_and_styles_it(workspace: Path) -> None:
    document_id = json_lines(run(workspace, "documents", "--kind", "article", "--format", "jsonl"))[0]["id"]
    screen = run(workspace, "show", str(document_id))  # piped: no colour, the marks must carry it
    assert "‹According to› [Airwars], the factory near [Yelabuga]" in screen
    assert "[Samuel Bendett] ‹told› [the Financial Times]" in screen and "{2025}" in screen
    assert "entity mentions" in screen and "time expressions" in screen
    with open_store(f"sqlite:///{workspace}") as store:
        (document,) = store.documents(kind="article")
        spans = [(m.start, m.end, marks.ENTITY) for m in store.mentions(document.id)]
        spans += [(t.start, t.end, marks.TIME) for t in store.times(document.id)]
        for claim in store.claims(ClaimFilter(document_id=document.id)):
            spans += [(claim.cue_start, claim.cue_end, marks.CUE),
                      (claim.content_start, claim.content_end, marks.CONTENT)]
            if claim.source_start is not None and claim.source_end is not None:
                spans.append((claim.source_start, claim.source_end, marks.SOURCE))
    body = marks.marked(document.text, spans)
    styled = {(str(span.style), body.plain[span.start : span.end]) for span in body.spans}
    assert {
        (marks.STYLE_ENTITY, "Airwars"),
        (marks.STYLE_TIME, "2025"),
        (marks.STYLE_CUE, "told"),
        (marks.STYLE_SOURCE, "A spokesman for "),
        (marks.STYLE_CONTENT, "the company supplies the army"),
    } <= styled
    assert body.plain.replace("[", "").replace("]", "").replace("{", "").replace("}", "").replace(
        "‹", "").replace("›", "") == ARTICLE


def test_show_never_interprets_document_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.db"
    text = HOSTILE_TEXT
    analysis = Analysis(
        text=text,
        entities=[EntityMention(at(text, "Albatross"), "ORG", NER)],
        attributions=[
            Attribution(
                cue=at(text, "said"),
                content=at(text, "[link=https://evil.example]click[/link]"),
                source=at(text, "[bold]Albatross[/bold]"),
                component=ATTRIBUTION,
            )
        ],
    )
    with open_store(f"sqlite:///{path}") as store:
        added = store.add_document(
            Document(text=text, title="[red]Title[/red]", publisher="[i]pub[/i]"), analysis
        )
    screen = run(path, "show", added.document_id)
    for literal in (
        "[bold]Albatross[/bold]",
        "[link=https://evil.example]click[/link]",
        "[red]Title[/red]",
        "[i]pub[/i]",
    ):
        assert literal in screen
    assert "\x1b" not in screen and "\x07" not in screen
    assert "[red]Title[/red]" in run(path, "documents")


def test_show_unknown_document_is_one_error_line(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(workspace), "show", "no-such-id"])
    assert exit_info.value.code == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "no-such-id" in error


def test_entities(workspace: Path) -> None:
    listed = json_lines(run(workspace, "entities", "--format", "jsonl"))
    town = next(e for e in listed if e["name"] == "Yelabuga")
    assert (town["type"], town["mention_count"], town["document_count"]) == ("LOC", 2, 2)
    assert set(town["names"]) == {"Yelabuga", "Елабуге"}  # type: ignore[arg-type]
    assert town["publishers"] == ["Breaking Defense", "Коммерсантъ"]
    people = json_lines(run(workspace, "entities", "--type", "PERSON", "--format", "jsonl"))
    assert [e["name"] for e in people] == ["Samuel Bendett"]
    assert len(json_lines(run(workspace, "entities", "--top", "2", "--format", "jsonl"))) == 2
    assert "Елабуге" in run(workspace, "entities")


def test_claims(workspace: Path) -> None:
    about_town = json_lines(run(workspace, "claims", "--entity", "yelabuga", "--format", "jsonl"))
    assert sorted(str(c["cue"]) for c in about_town) == ["According to", "сообщил"]
    (denial,) = json_lines(run(workspace, "claims", "--stance", "denies", "--format", "jsonl"))
    assert (denial["source"], denial["content"], denial["stance"]) == (
        "A spokesman for Albatross",
        "the company supplies the army",
        "denies",
    )
    (bendett,) = json_lines(run(workspace, "claims", "--speaker", "Bendett", "--format", "jsonl"))
    assert (bendett["via"], bendett["hedge"], bendett["time_value"], bendett["time_precision"]) == (
        ["the Financial Times"],
        "likely",
        "2025",
        "year",
    )
    assert (
        bendett["document_id"]
        == json_lines(run(workspace, "documents", "--kind", "article", "--format", "jsonl"))[0]["id"]
    )
    table = run(workspace, "claims", "--speaker", "Bendett")
    assert "Samuel Bendett" in table and "2025 (year)" in table
    result = runner.invoke(build_app(), ["--db", str(workspace), "claims", "--stance", "maybe"])
    assert result.exit_code != 0


def test_summary(workspace: Path) -> None:
    summary = json.loads(run(workspace, "summary", "--format", "json"))
    assert summary["documents"] == {"article": 1, "social_post": 1} and summary["total_documents"] == 2
    assert summary["entities"][0]["name"] == "Yelabuga" and summary["entities"][0]["mention_count"] == 2
    screen = run(workspace, "summary")
    assert "social_post" in screen and "Yelabuga" in screen and "Коммерсантъ" in screen


def test_watchlist_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "watch.db"
    run(path, "watchlist", "add", "Albatross", "--type", "org", "--alias", "Альбатрос")
    source = tmp_path / "watch.yaml"
    source.write_text(
        "- name: Yelabuga\n  type: LOC\n  aliases: [Elabuga, Елабуга]\n"
        "- name: Albatross\n  type: ORG\n  aliases: [Albatros]\n",
        encoding="utf-8",
    )
    assert "2 entries read, 2 added or updated" in run(path, "watchlist", "import", str(source))
    entries = {e["name"]: e for e in json_lines(run(path, "watchlist", "list", "--format", "jsonl"))}
    assert entries["Albatross"]["aliases"] == ["Альбатрос", "Albatros"]
    assert (entries["Yelabuga"]["type"], entries["Yelabuga"]["aliases"]) == ("LOC", ["Elabuga", "Елабуга"])
    assert "Елабуга" in run(path, "watchlist", "list")

    broken = tmp_path / "broken.yaml"
    broken.write_text("- name: Nameless\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(path), "watchlist", "import", str(broken)])
    assert exit_info.value.code == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1 and "broken.yaml" in error
