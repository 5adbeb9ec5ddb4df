"""``ner.natasha`` on Russian text we wrote, and FactRuEval scoring on the shared dev set."""

from __future__ import annotations

import pytest

from conftest import shared_path
from watchfloor.evaluate.factrueval import FactRuDocument, GoldObject, read_factrueval, score_factrueval
from watchfloor.extract.pipeline import Pipeline
from watchfloor.extract.russian import NatashaNER, name_parts, natasha_models
from watchfloor.model import Analysis, EntityMention

TEXT = (
    "В январе в Елабуге начали выпуск беспилотников. Как сообщил Юрий Лужков, завод «Альбатрос» "
    "работает в особой экономической зоне. Комитет защиты журналистов (КЗЖ) просил Министерство обороны "
    "России ответить."
)
FACTRUEVAL = "datasets/factrueval-2016/devset"


def _entities(analysis: Analysis) -> dict[str, EntityMention]:
    return {e.span.text: e for e in analysis.entities}


def test_natasha_finds_people_places_and_organisations_with_base_forms() -> None:
    analysis = Analysis(TEXT, lang="ru")
    NatashaNER()(analysis)
    found = _entities(analysis)
    assert found["Елабуге"].label == "LOC" and found["Елабуге"].base == "Елабуга"
    assert found["Юрий Лужков"].label == "PERSON"
    assert found["Альбатрос"].label == "ORG"  # the guillemets are not part of the name
    assert {"Комитет защиты журналистов", "КЗЖ"} <= set(found)  # a name and its gloss, separately
    assert all(e.component == "ner.natasha@1" for e in analysis.entities)
    for mention in analysis.entities:
        assert TEXT[mention.span.start : mention.span.end] == mention.span.text
    assert [s.text[:8] for s in analysis.sentences] == ["В январе", "Как сооб", "Комитет "]


def test_inflected_person_names_get_nominative_base_forms() -> None:
    analysis = Analysis("Журналисты встретились с Юрием Лужковым и Терезой Мэй.", lang="ru")
    NatashaNER()(analysis)
    bases = {e.base for e in analysis.entities if e.label == "PERSON"}
    assert {"Юрий Лужков", "Тереза Мэй"} <= bases


def test_watchlist_matches_take_precedence_and_other_languages_are_skipped() -> None:
    analysis = Analysis(TEXT, lang="ru")
    start = TEXT.index("Альбатрос")
    watched = EntityMention(analysis.span(start, start + len("Альбатрос")), "PRODUCT", "watchlist.names@1")
    analysis.entities.append(watched)
    NatashaNER()(analysis)
    overlapping = [e for e in analysis.entities if e.span.overlaps(watched.span)]
    assert overlapping == [watched]
    assert not NatashaNER().accepts(Analysis("Elabuga", lang="en"))


def test_models_load_once_per_process() -> None:
    assert natasha_models() is natasha_models()


def test_name_parts_trim_unpaired_punctuation_and_keep_paired_quotes() -> None:
    def parts(text: str) -> list[str]:
        return [text[s:e] for s, e in name_parts(text, 0, len(text))]

    assert parts("«Альбатрос»") == ["Альбатрос"]
    assert parts("ГУП «Водоканал»") == ["ГУП «Водоканал»"]
    assert parts("«Альбатрос") == ["Альбатрос"]
    assert parts("Ши Тао (Shi Tao)") == ["Ши Тао", "Shi Tao"]


def test_factrueval_gold_scores_names_and_ignores_descriptions() -> None:
    text = "мэрии Москвы и банк Китая"
    document = FactRuDocument("book_x", text, [
        GoldObject("Org", (("org_descr", 0, 5), ("loc_name", 6, 12))),  # unnamed organisation
        GoldObject("LocOrg", (("loc_name", 6, 12),)),
        GoldObject("Org", (("org_name", 15, 25),)),
        GoldObject("LocOrg", (("loc_name", 20, 25),)),  # inside the bank's name
    ])  # fmt: skip
    scored, ignored = document.gold_mentions()
    assert scored == {(6, 12, "LOC"), (15, 25, "ORG")}
    assert {(0, 12, "ORG"), (20, 25, "LOC")} <= ignored


@pytest.mark.slow
def test_factrueval_dev_micro_f1() -> None:
    factrueval = shared_path(FACTRUEVAL)
    documents = list(read_factrueval(factrueval))
    assert len(documents) > 100
    config = {
        "pipeline": {"components": ["language", "ner_ru"]},
        "components": {"language": {"factory": "language.lingua"}, "ner_ru": {"factory": "ner.natasha"}},
    }
    result = score_factrueval(factrueval, Pipeline.from_config(config))
    assert result["documents"] == len(documents)
    assert result["micro"]["f1"] >= 0.85
    assert result["PER"]["f1"] > result["ORG"]["f1"]  # organisations are the hard part
