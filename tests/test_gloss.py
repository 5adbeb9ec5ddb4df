"""Word-by-word English glosses of Russian and Persian from the bundled glossary."""

from __future__ import annotations

from watchfloor.extract.gloss import coverage, gloss, gloss_text


def test_russian_words_are_glossed_by_their_dictionary_form_phrases_first() -> None:
    text = "По данным милиции, компания поставила контроллеры в Россию."
    english = gloss_text(text, "ru")
    assert "police" in english and "company" in english and "controller" in english
    tokens = gloss(text, "ru")
    assert all(text[t.start : t.end] == t.text for t in tokens)  # every gloss keeps its span
    assert tokens[0].text == "По данным"  # a two-word phrase before its words


def test_persian_words_lose_their_affixes_and_unknown_words_keep_their_form() -> None:
    english = gloss_text("پلیس می‌گوید کارخانه‌ها پهپاد تولید می‌کنند و Shafarud", "fa")
    assert "police" in english and "factory" in english and "Shafarud" in english
    known, total = coverage("پلیس کارخانه زرقوم", "fa")
    assert total == 3 and known == 2


def test_other_languages_pass_through() -> None:
    assert gloss_text("Iran sent drones", "en") == "Iran sent drones"
