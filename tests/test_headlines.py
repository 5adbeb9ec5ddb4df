"""Title-case headlines are parsed in sentence case, with the original characters kept."""

from __future__ import annotations

import pytest

from watchfloor.extract.headlines import VerbForms, sentence_case, transfer, verb_forms
from watchfloor.extract.spacy_parse import SpacyParse, load_model
from watchfloor.model import Analysis

BODY = "Donald Trump said on Sunday that President Obama should step down, and Mr. Trump repeated it."


@pytest.fixture(scope="module")
def verbs() -> VerbForms:
    found = verb_forms(load_model())
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Trump Calls On Obama To Resign", "Trump calls on Obama to resign"),
        ("Activist Morton Blackwell Endorses Ted Cruz", "Activist Morton Blackwell endorses Ted Cruz"),
        ("IRAN DENIES SENDING DRONES TO RUSSIA", "Iran denies sending drones to Russia"),
        ("GOP Senators Push FBI On Clinton Emails", "GOP Senators push FBI on Clinton emails"),
    ],
)
def test_title_case_lines_are_put_in_sentence_case(verbs: VerbForms, headline: str, expected: str) -> None:
    recased = sentence_case(f"{headline}\n\n{BODY}", verbs)
    assert recased.split("\n")[0] == expected
    assert recased.endswith(BODY) and len(recased) == len(headline) + 2 + len(BODY)


def test_prose_lines_are_left_alone(verbs: VerbForms) -> None:
    text = f"Clinton blasts Trump over deportation idea\n\n{BODY}"
    assert sentence_case(text, verbs) == text


def test_the_parse_of_the_recased_text_lands_on_the_original_words() -> None:
    text = f"Obama Endorses Clinton For President\n\n{BODY}"
    analysis = Analysis(text=text, lang="en")
    SpacyParse()(analysis)
    doc = analysis.extras["spacy_doc"]
    assert doc.text == text and doc[1].text == "Endorses"
    assert (doc[1].pos_, doc[1].lemma_, doc[1].dep_) == ("VERB", "endorse", "ROOT")
    assert [t.text for t in doc[1].children if t.dep_ in ("nsubj", "dobj")] == ["Obama", "Clinton"]
    assert "Donald Trump" in {e.text for e in doc.ents if e.label_ == "PERSON"}


def test_transfer_refuses_texts_of_another_length() -> None:
    nlp = load_model()
    with pytest.raises(ValueError, match="length"):
        transfer(nlp("Calls on Obama"), "Calls on Obama!")
