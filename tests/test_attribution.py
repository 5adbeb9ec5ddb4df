"""``attribution.en`` on real parses: cues, sources, contents, via chains, stance, hedges, speakers."""

from __future__ import annotations

from functools import cache

import pytest

from conftest import shared_path
from watchfloor.extract.attribution import EnglishAttribution, _drop_nested_in_content
from watchfloor.extract.attribution.patterns import Found
from watchfloor.extract.attribution.quotes import QuoteIndex
from watchfloor.extract.component import registered_factories
from watchfloor.extract.pipeline import Pipeline
from watchfloor.extract.spacy_parse import load_model
from watchfloor.model import Analysis, Attribution

SEED_FILE = "seed/000_aa53ffcfbbfed12b.txt"


@cache
def _pipeline() -> Pipeline:
    config = {
        "pipeline": {"components": ["language", "parse", "ner", "attribution"]},
        "components": {"language": {"factory": "language.lingua"}, "parse": {"factory": "parse.spacy"},
                       "ner": {"factory": "ner.spacy"}, "attribution": {"factory": "attribution.en"}},
    }
    return Pipeline.from_config(config)


def analyse(text: str) -> list[Attribution]:
    analysis = _pipeline()(Analysis(text=text, lang="en"))
    for attribution in analysis.attributions:  # every span is a real slice of the text
        for span in (attribution.cue, attribution.content, attribution.source, attribution.speaker,
                     attribution.sentence, *attribution.via):
            if span is not None:
                assert text[span.start:span.end] == span.text
    return analysis.attributions


def source_of(attribution: Attribution) -> str:
    """The source's text, or "" for an unnamed source."""
    return attribution.source.text if attribution.source is not None else ""


def by_cue(attributions: list[Attribution], cue: str) -> Attribution:
    matches = [a for a in attributions if a.cue.text == cue]
    assert matches, f"no attribution with cue {cue!r} in {[a.cue.text for a in attributions]}"
    return matches[0]


def test_component_is_registered_with_its_contract() -> None:
    component = registered_factories()["attribution.en"]()
    assert isinstance(component, EnglishAttribution)
    assert component.requires == ("extras.spacy_doc", "entities")
    assert component.assigns == ("attributions",)
    assert component.accepts(Analysis(text="x", lang="en"))
    assert not component.accepts(Analysis(text="x", lang="ru"))


def test_component_refuses_an_analysis_without_a_parse() -> None:
    with pytest.raises(ValueError, match="spacy_doc"):
        EnglishAttribution()(Analysis(text="Officials said so.", lang="en"))


def test_unnamed_source_and_indirect_speech() -> None:
    found = analyse("Officials said the convoy left the depot on Monday.")
    said = by_cue(found, "said")
    assert source_of(said) == "Officials"
    assert said.content.text == "the convoy left the depot on Monday"
    assert said.stance == "asserts" and said.hedge is None and said.via == []


def test_quote_before_the_cue_spans_several_sentences() -> None:
    text = "“The plant is ready. Production starts in May,” the director said on Friday."
    said = by_cue(analyse(text), "said")
    assert source_of(said) == "the director"
    assert said.content.text.startswith("“The plant is ready.")
    assert "Production starts in May" in said.content.text


def test_quote_after_a_colon_runs_across_paragraphs() -> None:
    text = ("The governor said: “The bridge is safe.\n\n“Inspectors checked every cable twice.”\n\n"
            "Traffic resumed.")
    said = by_cue(analyse(text), "said")
    assert "The bridge is safe." in said.content.text
    assert said.content.text.endswith("Inspectors checked every cable twice.”")


def test_attributions_nested_in_a_quotation_are_not_separate() -> None:
    found = analyse("“I think the repairs will take a year,” she said.")
    assert [a.cue.text for a in found] == ["said"]


def test_according_to_a_report_citing_a_source_goes_through_the_outlet() -> None:
    text = ("According to a report in the Northern Ledger citing two port officials, the harbour "
            "was closed to tankers.")
    according = by_cue(analyse(text), "According to")
    assert source_of(according) == "two port officials"
    assert [v.text for v in according.via] == ["the Northern Ledger"]
    assert according.content.text == "the harbour was closed to tankers"


def test_told_an_outlet_is_a_via_and_statement_medium_joins_the_cue() -> None:
    told = by_cue(analyse("Maria Lindqvist told the Baltic Times that the ferry would sail."), "told")
    assert source_of(told) == "Maria Lindqvist"
    assert [v.text for v in told.via] == ["the Baltic Times"]
    asked = _pairs("“Is the port safe?” the reporter asked the minister.")  # the one asked is not the content
    assert asked == [("asked", "the reporter", "“Is the port safe?”")]
    assert _pairs("Ruiz told reporters about the cranes.") == [("told", "Ruiz", "the cranes")]
    said = by_cue(analyse("The company said in a statement that output may fall."), "said in a statement")
    assert said.content.text == "that output may fall"
    assert said.hedge == "roughly even chance"


def test_denials_and_impersonal_hedges() -> None:
    denied = by_cue(analyse("The ministry denied that it had sent troops across the border."), "denied")
    assert denied.stance == "denies"
    believed = by_cue(analyse("The facility is believed to assemble drones."), "believed")
    assert believed.source is None
    assert believed.hedge == "likely"
    assert "assemble drones" in believed.content.text
    rumours = by_cue(analyse("Officials denied the rumours of a deal."), "denied")  # the topic hedges nothing
    assert (rumours.stance, rumours.hedge) == ("denies", None)
    no_secret = by_cue(analyse("The minister made no secret of her doubts about the deal."),
                       "made no secret of")
    assert (no_secret.content.text, no_secret.hedge) == ("her doubts about the deal", None)


def test_pronoun_source_is_linked_to_the_named_speaker() -> None:
    text = ("Daniel Okafor, the harbour master, said the cranes were idle. "
            "“We have not received any cargo since March,” he said.")
    found = analyse(text)
    second = [a for a in found if source_of(a) == "he"]
    assert second and second[0].speaker is not None
    assert second[0].speaker.text == "Daniel Okafor"
    assert second[0].stance == "denies"


def test_quote_index_pairs_marks_and_continued_paragraphs() -> None:
    text = 'He said "yes." Then: “one\n\n“two” and ``three\'\' end'
    regions = [text[s:e] for s, e in QuoteIndex.of(text).regions]
    assert regions == ['"yes."', "“one\n\n“two”", "``three''"]
    nested = 'Ruiz wrote:\n\n"The port is not a “dry dock” any more. It works." Then “a coda” followed.'
    regions = [nested[s:e] for s, e in QuoteIndex.of(nested).regions]
    assert regions == ['"The port is not a “dry dock” any more. It works."', "“a coda”"]


@pytest.fixture(scope="module")
def seed() -> tuple[str, list[Attribution]]:
    text = shared_path(SEED_FILE).read_text(encoding="utf-8")
    return text, analyse(text)


def _with_content(found: list[Attribution], words: str) -> Attribution:
    matches = [a for a in found if words in a.content.text]
    assert matches, f"no attribution whose content has {words!r}"
    return matches[0]


def test_seed_outlet_research_and_expert_sources(seed: tuple[str, list[Attribution]]) -> None:
    _, found = seed
    importing = _with_content(found, "Russia is importing Iranian expertise")
    assert source_of(importing) == "Iran International"
    farsi = _with_content(found, "seeking Farsi speakers")
    assert farsi.cue.text == "based on research by"
    assert source_of(farsi).startswith("Airwars")
    assert [v.text for v in farsi.via] == ["the Financial Times"]
    bendett = _with_content(found, "advantageous location")
    assert "Samuel Bendett" in source_of(bendett)
    assert [v.text for v in bendett.via] == ["the Financial Times"]


def test_seed_intelligence_evidence_and_self_description(seed: tuple[str, list[Attribution]]) -> None:
    _, found = seed
    drones = _with_content(found, "procured hundreds of suicide drones")
    assert source_of(drones) == "US intelligence"
    production = _with_content(found, "commenced some drone production")
    assert production.cue.text == "indicate"
    assert source_of(production).startswith("Photos and videos")
    assert production.hedge == "likely"
    itself = by_cue(found, "described")
    assert source_of(itself) == "Albatross"
    assert "maker of commercial drones" in itself.content.text


def test_seed_confirmation_and_denials(seed: tuple[str, list[Attribution]]) -> None:
    _, found = seed
    maduro = by_cue(found, "confirmed")
    assert "Nicolas Maduro" in source_of(maduro)
    assert "bought drone manufacturing technology" in maduro.content.text
    kanaani = _with_content(found, "had not provided any sides")
    assert "Nasser Kanaani" in source_of(kanaani)
    assert kanaani.stance == "denies"
    allegations = _with_content(found, "politically motivated")
    assert allegations.cue.text == "called" and allegations.stance == "denies"
    he = _with_content(found, "have not shown any evidence")
    assert source_of(he) == "he"
    assert he.speaker is not None and he.speaker.text == "Nasser Kanaani"
    assert he.stance == "denies"


def test_headline_and_signature_patterns() -> None:
    found = analyse("Mayor Ortiz Slams Port Closure Plan\n\nThe harbour stayed shut on Tuesday.")
    slams = by_cue(found, "Slams")
    assert source_of(slams) == "Mayor Ortiz" and slams.content.text == "Port Closure Plan"
    colon = by_cue(analyse("Ortiz: Port Will Reopen in May\n\nCrews worked overnight."), ":")
    assert source_of(colon) == "Ortiz" and colon.content.text == "Port Will Reopen in May"
    dash = by_cue(analyse("“We will rebuild the pier before winter.” ― Ana Ruiz"), "―")
    assert source_of(dash) == "Ana Ruiz" and dash.content.text == "“We will rebuild the pier before winter.”"
    # a sentence-case first line whose verb the tagger read as a plural noun ("rejects", like "reports")
    rejects = analyse("Kremlin rejects report on drone factory\n\nThe ministry spoke on Monday.")
    assert [(a.cue.text, source_of(a), a.content.text, a.stance) for a in rejects] == [
        ("rejects", "Kremlin", "report on drone factory", "denies")]


def test_cues_inside_a_reported_clause_belong_to_its_content() -> None:
    text = "Senator Maria Lopez said the governor had criticized the budget and accused the council of waste."
    attributions = analyse(text)
    assert [a.cue.text for a in attributions] == ["said", "accused"]
    said = by_cue(attributions, "said")
    assert said.content.text == "the governor had criticized the budget"
    assert source_of(by_cue(attributions, "accused")) == "Senator Maria Lopez"
    planned = _pairs("The mayor said she was unsure about the new rule but planned to follow it.")
    assert planned == [("said", "The mayor", "she was unsure about the new rule but planned to follow it")]
    declined = analyse("The governor declined to say whether she would sign the bill.")
    assert [a.cue.text for a in declined] == ["declined"]  # one statement, not "declined" and "say"


def test_as_reported_clause_and_passive_with_agent() -> None:
    text = "As the Daily Courier reported, the mayor raised two million dollars from developers."
    reported = by_cue(analyse(text), "reported")
    assert source_of(reported) == "the Daily Courier"
    assert reported.content.text == "the mayor raised two million dollars from developers"
    praised = by_cue(analyse("The plan was praised by the union."), "praised")
    assert (source_of(praised), praised.content.text) == ("the union", "The plan")


def test_interview_and_editorial_labels_are_not_speakers() -> None:
    text = ("Q: Will you run again?\nA: I have not decided yet.\n"
            "Editor's note: This interview was edited for length.")
    assert analyse(text) == []
    pence = by_cue(analyse("PENCE: Well, look, we will win."), ":")  # a speaker label is kept
    assert source_of(pence) == "PENCE"


def test_attitudes_beliefs_and_naming_participles() -> None:
    confident = by_cue(analyse("Maria Lopez is confident that the bill will pass."), "confident")
    assert (source_of(confident), confident.content.text) == ("Maria Lopez", "that the bill will pass")
    believes = by_cue(analyse("Senator Maria Lopez believes the deal will hold."), "believes")
    assert believes.content.text == "the deal will hold"
    clear = by_cue(analyse("Maria Lopez made it clear that she would not resign."), "made")
    assert clear.content.text.endswith("that she would not resign")
    named = analyse("The rebels backed a group called the Free Alliance.")
    assert "called" not in [a.cue.text for a in named]  # naming, not a statement


def _pairs(text: str) -> list[tuple[str, str, str]]:
    """(cue, source, content) of every attribution found in ``text``."""
    return [(a.cue.text, source_of(a), a.content.text) for a in analyse(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Governor Ana Ruiz made the case that the port needs new cranes.",
     ("made the case", "Governor Ana Ruiz", "that the port needs new cranes")),
    ("The senator took aim at the budget office on Monday.",
     ("took aim at", "The senator", "the budget office")),
    ("The harbour will close for a month, as one engineer put it.",
     ("put it", "one engineer", "The harbour will close for a month")),
    ("The union continued to say that the cranes were unsafe.",
     ("continued to say", "The union", "that the cranes were unsafe")),
    ("The mayor called for the minister to resign.",
     ("called for", "The mayor", "for the minister to resign")),
    ("Okafor laid out a plan for the harbour.", ("laid out", "Okafor", "a plan for the harbour")),
    ("Okafor would like to rebuild the pier.", ("like", "Okafor", "to rebuild the pier")),
    ("Ruiz would not say when the port would reopen.", ("say", "Ruiz", "when the port would reopen")),
    ("The letter continues: “We ask the council to act now.”",
     ("continues", "The letter", "“We ask the council to act now.”")),
])
def test_statement_patterns(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _pairs(text)


def test_asides_are_statements_of_their_own_and_end_the_outer_content() -> None:
    """Speech asides do; a stance participle inside the reported clause is part of it."""
    adding = _pairs("Ruiz said the port would reopen, adding that crews had worked overnight.")
    assert adding == [("said", "Ruiz", "the port would reopen"),
                      ("adding", "Ruiz", "that crews had worked overnight")]
    opposes = _pairs("The mayor said the council, which opposes the port plan, would vote on Friday.")
    assert opposes == [("said", "The mayor",
                        "the council, which opposes the port plan, would vote on Friday")]
    who = _pairs("The mayor praised Okafor, who has called the plan reckless.")
    assert ("called", "who", "the plan reckless") in who
    according = _pairs("Ruiz said the port would reopen on Friday, according to the harbour office.")
    assert ("according to", "the harbour office", "Ruiz said the port would reopen on Friday") in according


def test_a_cue_inside_another_content_is_part_of_that_content() -> None:
    """Univocal: the inner cue goes even when it is the content's own root, not below it in the parse."""
    text = "The paper reported the senator slammed the plan."
    doc = load_model()(text)
    reported, slammed = doc[2], doc[5]

    def chars(first: int, last: int) -> tuple[int, int]:
        return doc[first].idx, doc[last].idx + len(doc[last])

    outer = Found("verb", chars(2, 2), chars(3, 7), chars(0, 1), reported, slammed)
    inner = Found("verb", chars(5, 5), chars(6, 7), chars(3, 4), slammed, doc[7])
    headline = Found("colon", chars(0, 0), chars(2, 7), None, doc[0], None)  # no content root at all
    assert _drop_nested_in_content([inner, outer]) == [outer]
    assert _drop_nested_in_content([inner, headline]) == [headline]


def test_a_quotation_before_its_speaker_whatever_the_parser_attached() -> None:
    # the parser takes "people" inside the quotation for a subject of "said"
    subject_inside = _pairs('"The more people who visit the harbour, the better they like it and the plans '
                            'that we are making," Ruiz said.')
    assert [(cue, source) for cue, source, _ in subject_inside] == [("said", "Ruiz")]
    # "said" hangs as a clause below "understand", inside the quotation, with the quote marks
    below_quoted_verb = _pairs("“The port is busy. The crews are tired. They are worried about the winter "
                               "and the cranes. We all understand that,” Ruiz said.")
    assert [(cue, source) for cue, source, _ in below_quoted_verb] == [("said", "Ruiz")]
    assert below_quoted_verb[0][2].startswith("“The port is busy.")


def test_who_holds_the_view_and_who_does_not() -> None:
    assert _pairs("The port, many think, will never reopen.") == [
        ("think", "many", "The port, many think, will never reopen")]
    quoted = _pairs("“Anyone who doubts the dockers will be surprised,” said Ana Ruiz.")
    assert [(cue, source) for cue, source, _ in quoted] == [("said", "Ana Ruiz")]  # not "Anyone"
    inverted = _pairs("The cranes are unsafe, said Ana Ruiz, head of the dockers' union.")
    assert inverted == [("said", "Ana Ruiz, head of the dockers' union", "The cranes are unsafe")]
    assert _pairs("The debate focused on the port. Okafor focused on the cranes.") == [
        ("focused", "Okafor", "the cranes")]  # only a personal subject focuses a statement
    assert _pairs("Do you support the new port plan?") == []
    assert _pairs("Ruiz: 2,316.\nOkafor: 1,501.") == []  # a tally, not statements


def test_appearance_judges_the_clause_and_passives_name_their_agent() -> None:
    assert _pairs("The port seemed ready to reopen.") == [("seemed", "", "The port seemed ready to reopen")]
    assert _pairs("The plan, opposed by the dock workers, was shelved.") == [
        ("opposed", "the dock workers", "The plan")]
    assert ("dismissed", "the ministry", "The report") in _pairs("The report was dismissed by the ministry.")
    assert _pairs("The stances that Okafor has since disavowed still haunt him.") == [
        ("disavowed", "Okafor", "The stances")]
