"""The component framework and the language / parse / watchlist / NER components on real text."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchfloor.errors import InputError
from watchfloor.extract.component import Component
from watchfloor.extract.ner import trim
from watchfloor.extract.pipeline import Pipeline, PipelineConfigError
from watchfloor.extract.watchlist import WatchlistMatcher, load_watchlist_file
from watchfloor.model import Analysis
from watchfloor.store.base import WatchlistEntry


def _pipeline(entries: list[WatchlistEntry] | None = None) -> Pipeline:
    config = {
        "pipeline": {"components": ["language", "parse", "watchlist", "ner"]},
        "components": {"language": {"factory": "language.lingua"}, "parse": {"factory": "parse.spacy"},
                       "watchlist": {"factory": "watchlist.names"}, "ner": {"factory": "ner.spacy"}},
    }
    return Pipeline.from_config(config, overrides={"watchlist": {"entries": entries or []}})


def test_pipeline_rejects_a_component_whose_requirements_come_later() -> None:
    config = {"pipeline": {"components": ["ner", "parse"]},
              "components": {"ner": {"factory": "ner.spacy"}, "parse": {"factory": "parse.spacy"}}}
    with pytest.raises(PipelineConfigError, match="requires"):
        Pipeline.from_config(config)


def test_pipeline_rejects_an_unknown_factory() -> None:
    with pytest.raises(PipelineConfigError, match="no component factory 'nope'"):
        Pipeline.from_config({"pipeline": {"components": ["x"]}, "components": {"x": {"factory": "nope"}}})


def test_language_is_detected_per_text_and_english_components_skip_russian() -> None:
    english, russian = _pipeline().pipe([
        Analysis("The plant in Tatarstan hired interpreters last spring, officials said."),
        Analysis("Завод в Татарстане нанял переводчиков с фарси прошлой весной."),
    ])
    assert (english.lang, russian.lang) == ("en", "ru")
    assert any(e.span.text == "Tatarstan" for e in english.entities)
    assert russian.entities == []  # the English NER never runs on Russian text
    assert all(isinstance(c, Component) for _, c in _pipeline().components)


def test_watchlist_matches_aliases_in_every_script_and_inflected_russian_forms() -> None:
    entry = WatchlistEntry("Yelabuga", "GPE", ["Elabuga", "Елабуга", "یلابوگا"], id="wl-yelabuga")
    matcher = WatchlistMatcher([entry])
    text = "Near ELABUGA and Yelabuga; в Елабуге и под Елабугой; در يلابوگا"  # Arabic yeh in the last word
    analysis = Analysis(text)
    matcher(analysis)
    found = [m.span.text for m in analysis.entities]
    assert found == ["ELABUGA", "Yelabuga", "Елабуге", "Елабугой", "يلابوگا"]
    assert {m.entity_key for m in analysis.entities} == {"wl-yelabuga"}
    assert all(text[m.span.start:m.span.end] == m.span.text for m in analysis.entities)
    # whole words only: no match inside a longer word
    inside = Analysis("Yelabugan products")
    matcher(inside)
    assert inside.entities == []


def test_watchlist_takes_precedence_over_statistical_ner() -> None:
    text = "Albatross, the company operating on the site, has produced drones for the defense ministry."
    entry = WatchlistEntry("Albatross", "ORG", [], id="wl-albatross")
    analysis = _pipeline([entry])(Analysis(text))
    albatross = [m for m in analysis.entities if m.span.text == "Albatross"]
    assert len(albatross) == 1
    assert albatross[0].component == "watchlist.names@1" and albatross[0].label == "ORG"


def test_a_name_recognised_once_is_recognised_elsewhere_in_the_document() -> None:
    text = ("Samuel Bendett, an analyst at the Center for Naval Analyses, spoke to reporters. "
            "Later that day Bendett said more. The Center for Naval Analyses declined to comment.")
    analysis = _pipeline()(Analysis(text))
    spans = {m.span.text for m in analysis.entities}
    assert "Samuel Bendett" in spans
    assert sum(m.span.text == "Center for Naval Analyses" for m in analysis.entities) == 2


@pytest.mark.parametrize(
    ("surface", "expected"),
    [("the Financial Times", "Financial Times"), ("Iran's", "Iran"), ("U.S.", "U.S."), ("The", "The")],
)
def test_trim_drops_articles_and_possessives_but_keeps_abbreviations(surface: str, expected: str) -> None:
    start, end = trim(surface, 0, len(surface))
    assert surface[start:end] == expected


def test_watchlist_files_yaml_csv_and_errors(tmp_path: Path) -> None:
    yml = tmp_path / "w.yaml"
    yml.write_text("- name: Albatross\n  type: org\n  aliases: [Альбатрос]\n", encoding="utf-8")
    assert load_watchlist_file(yml) == [WatchlistEntry("Albatross", "ORG", ["Альбатрос"])]
    csv = tmp_path / "w.csv"
    csv.write_text("name,type,aliases\nYelabuga,GPE,Elabuga|Елабуга\n", encoding="utf-8")
    assert load_watchlist_file(csv)[0].aliases == ["Elabuga", "Елабуга"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: Albatross\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.yaml: entry 1: 'Albatross' has no type"):
        load_watchlist_file(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("- name: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="invalid YAML"):
        load_watchlist_file(broken)


def test_parse_starts_sentences_at_paragraphs_and_ended_lines_but_not_at_hard_wraps() -> None:
    text = ("Carson: Clinton Not Fit To Serve\n\nGOP candidate Ben Carson says Clinton is not fit to serve.\n"
            "“She has put lives at risk,” he said.\nThe plan, officials\nsaid, was working")
    analysis = _pipeline()(Analysis(text=text))
    sentences = [s.text.strip() for s in analysis.sentences]
    assert sentences[0] == "Carson: Clinton Not Fit To Serve"
    assert sentences[1] == "GOP candidate Ben Carson says Clinton is not fit to serve."
    assert sentences[2] == "“She has put lives at risk,” he said."
    assert "The plan, officials\nsaid, was working" in sentences[3]


def test_hope_is_lemmatised_as_hope_and_the_raw_model_is_left_alone() -> None:
    from watchfloor.extract.spacy_parse import load_model, load_raw_model

    text = "She hopes to win, hoped it would hold and is hoping for more."
    assert {t.lemma_ for t in load_model()(text) if t.lower_.startswith("hop")} == {"hope"}
    raw = load_raw_model()
    assert "line_breaks" not in raw.pipe_names and "lemma_fixes" not in raw.pipe_names
    assert load_model() is not raw
