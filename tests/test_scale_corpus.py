"""The scale corpus generator: renamed, re-dated, joined and republished texts keep every span true."""

from __future__ import annotations

import dataclasses
import random
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from scale_corpus import Base, generate, joined, republished, vary

from watchfloor.model import Analysis, Attribution, Document, EntityMention, TimeExpression
from watchfloor.model.spans import Span

FIRST = "Yelabuga officials said on 3 May 2023 that Timur Aliev of Albatross had hired 900 students."
SECOND = "Kanaani denied the report. Tehran has said that Iran sent no drones to Russia in 2022."


def base(text: str, names: list[tuple[str, str]], times: list[tuple[str, str]], cue: str, said: str) -> Base:
    def span(part: str) -> Span:
        start = text.index(part)
        return Span(start, start + len(part), part)

    analysis = Analysis(
        text=text, lang="en", date=datetime(2023, 6, 1).date(),
        entities=[EntityMention(span(n), label, "test") for n, label in names],
        times=[TimeExpression(span(t), "DATE", value, "test") for t, value in times],
        attributions=[Attribution(span(cue), span(said), "test", source=span(names[0][0]),
                                  sentence=span(text.split(". ")[0]))],
        sentences=[span(text.split(". ")[0])],
    )
    document = Document(text=text, title="t", published_at=datetime(2023, 6, 1, tzinfo=UTC))
    return Base(document, analysis)


def spans_of(value: Any) -> list[Span]:
    if isinstance(value, Span):
        return [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [s for f in dataclasses.fields(value) for s in spans_of(getattr(value, f.name))]
    if isinstance(value, list | tuple):
        return [s for v in value for s in spans_of(v)]
    return []


def assert_spans_true(analysis: Analysis) -> None:
    found = spans_of(analysis)
    assert found
    for span in found:
        assert analysis.text[span.start:span.end] == span.text


FIRST_BASE = base(FIRST, [("Yelabuga", "GPE"), ("Timur Aliev", "PERSON"), ("Albatross", "ORG")],
                  [("3 May 2023", "2023-05-03")], "said", "Timur Aliev of Albatross had hired 900 students")
SECOND_BASE = base(SECOND, [("Kanaani", "PERSON"), ("Tehran", "GPE"), ("Iran", "GPE"), ("Russia", "GPE")],
                   [("2022", "2022")], "has said", "Iran sent no drones to Russia in 2022")


def test_a_varied_text_renames_people_and_moves_every_span_and_year() -> None:
    made = vary(FIRST_BASE, random.Random(3), respell_rate=1.0)
    assert_spans_true(made.analysis)
    assert "Timur Aliev" not in made.document.text and "Elabuga" in made.document.text
    assert made.document.text == made.analysis.text
    person = next(m for m in made.analysis.entities if m.label == "PERSON")
    assert person.span.text in made.analysis.attributions[0].content.text  # the claim names the new person
    [when] = made.analysis.times
    year = made.analysis.date.year if made.analysis.date else 0
    assert when.value == f"{year}-05-03" and when.span.text == f"3 May {2023}"


def test_joined_texts_keep_both_analyses_and_republished_copies_change_no_span() -> None:
    both = joined(FIRST_BASE, SECOND_BASE)
    assert both.analysis.text == f"{FIRST}\n\n{SECOND}" and len(both.analysis.attributions) == 2
    assert_spans_true(both.analysis)
    made = vary(both, random.Random(5), respell_rate=0.5)
    copy = republished(made, random.Random(5))
    assert copy.document.text.startswith(made.document.text)
    assert copy.document.publisher != made.document.publisher
    assert_spans_true(copy.analysis)


def test_the_same_seed_gives_the_same_corpus_and_copies_come_at_about_the_rate() -> None:
    bases = [FIRST_BASE, SECOND_BASE]
    first = [g.document.text for g in generate(bases, 400, seed=11, syndication=0.1)]
    again = [g.document.text for g in generate(bases, 400, seed=11, syndication=0.1)]
    assert first == again
    copies = sum(1 for g in generate(bases, 400, seed=11, syndication=0.1) if g.syndicated)
    assert 20 <= copies <= 60
