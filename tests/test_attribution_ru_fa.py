"""``attribution.ru`` and ``attribution.fa`` on sentences written for these tests, and the gold scorer."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from watchfloor.cli.main import build_app
from watchfloor.evaluate.attribution_gold import GoldPassage, extract_passages, read_gold, score_gold
from watchfloor.extract.attribution.persian import PersianAttribution
from watchfloor.extract.attribution.russian import RussianAttribution
from watchfloor.extract.russian import NatashaNER
from watchfloor.model import Analysis, Attribution, EntityMention


def _ru(text: str) -> list[Attribution]:
    analysis = Analysis(text, lang="ru")
    NatashaNER()(analysis)
    RussianAttribution()(analysis)
    return analysis.attributions


def _fa(text: str, names: dict[str, str] | None = None) -> list[Attribution]:
    analysis = Analysis(text, lang="fa")
    for name, label in (names or {}).items():
        start = text.index(name)
        analysis.entities.append(EntityMention(analysis.span(start, start + len(name)), label, "test"))
    PersianAttribution()(analysis)
    return analysis.attributions


def _exact(text: str, found: list[Attribution]) -> None:
    for attribution in found:
        spans = [attribution.cue, attribution.content, attribution.source, attribution.speaker,
                 *attribution.via]
        for span in (s for s in spans if s is not None):
            assert text[span.start:span.end] == span.text


def test_russian_speech_verb_with_citation_chain_and_frame() -> None:
    text = ("Агентство Интерфакс со ссылкой на источник в Минобороны сообщило, "
            "что испытания ракеты перенесены.")
    [found] = _ru(text)
    assert (found.cue.text, found.source and found.source.text) == ("сообщило", "источник в Минобороны")
    assert found.content.text == "испытания ракеты перенесены"
    assert [v.text for v in found.via] == ["Агентство Интерфакс"]
    assert found.speaker is None and found.speaker_status == "unnamed"  # an unnamed source stays unnamed
    assert found.component == "attribution.ru@1" and found.act == "statement"
    _exact(text, [found])


def test_russian_chain_of_two_outlets_nearest_source_first() -> None:
    text = ("Bloomberg со ссылкой на Reuters, которое ссылается на собеседника в ОПЕК, пишет, "
            "что добыча вырастет.")
    [found] = _ru(text)
    assert found.source is not None and found.source.text == "собеседника в ОПЕК"
    assert [v.text for v in found.via] == ["Reuters", "Bloomberg"]


def test_russian_quotation_denial_and_named_speaker_with_affiliation() -> None:
    text = "«Мы ничего не продавали в Иран», — заявил директор компании «Вектор-Т» Пётр Козлов."
    [found] = _ru(text)
    assert found.content.text == "Мы ничего не продавали в Иран"
    assert found.stance == "denies" and found.polarity == "negative"  # a negated statement of the past
    assert found.source is not None and found.source.text == "директор компании «Вектор-Т» Пётр Козлов"
    assert found.speaker is not None and found.speaker.text == "Пётр Козлов"
    assert found.speaker_status == "named"
    assert found.frame is not None and found.frame.event == "transfer"


def test_russian_prepositional_cue_evidence_and_hedge() -> None:
    [found] = _ru("По данным спутниковых снимков, у ангара предположительно построены два новых цеха.")
    assert (found.cue.text, found.source and found.source.text) == ("По данным", "спутниковых снимков")
    assert found.basis == "satellite imagery" and found.speaker is None
    assert found.hedge == "roughly even chance"
    assert found.content.text == "у ангара предположительно построены два новых цеха"


def test_russian_frame_folded_into_the_statement_and_refusal() -> None:
    text = ("Как пишет газета «Северный вестник», собеседник издания в мэрии рассказал, "
            "что мост закроют в мае. "
            "В пресс-службе мэрии от комментариев отказались.")
    statement, refusal = _ru(text)
    assert statement.cue.text == "рассказал"
    assert [v.text for v in statement.via] == ["газета «Северный вестник»"]
    assert refusal.act == "no_comment" and refusal.stance == "asserts"
    assert refusal.cue.text == "от комментариев отказались"
    assert refusal.source is not None and refusal.source.text == "пресс-службе мэрии"


def test_russian_characterisation_and_denial_of_reports() -> None:
    [found] = _ru("Министр назвал сообщения о продаже порта «грубой ложью».")
    assert found.cue.text == "назвал" and found.stance == "denies"
    assert found.content.text == "сообщения о продаже порта"
    assert found.characterisation is not None and found.characterisation.text == "грубой ложью"


def test_russian_present_negation_and_concession_stay_asserted() -> None:
    first, second = _ru("Мэр признал, что ремонт не закончили вовремя. Глава района говорит, что воды нет.")
    assert first.stance == "asserts" and first.polarity == "negative"
    assert second.stance == "asserts"


def test_persian_report_frame_with_citation_gives_via_nearest_first() -> None:
    text = "به گزارش ایسنا به نقل از بی‌بی‌سی، یک منبع امنیتی گفت که دو کشتی در بندر توقیف شده‌اند."
    [found] = _fa(text)
    assert found.cue.text == "گفت" and found.source is not None and found.source.text == "یک منبع امنیتی"
    assert [v.text for v in found.via] == ["بی‌بی‌سی", "ایسنا"]
    assert found.content.text == "دو کشتی در بندر توقیف شده‌اند"
    assert found.frame is not None and found.frame.event == "detain"
    _exact(text, [found])


def test_persian_object_denial_and_characterisation_share_the_subject() -> None:
    text = "کاوه نیک‌نام، سخنگوی شرکت، فروش قطعات به روسیه را رد کرد و این ادعاها را ساختگی خواند."
    denial, called = _fa(text, {"کاوه نیک‌نام": "PERSON"})
    assert denial.cue.text == "رد کرد" and denial.stance == "denies"
    assert denial.content.text == "فروش قطعات به روسیه"
    assert denial.source is not None and denial.source.text == "کاوه نیک‌نام، سخنگوی شرکت"
    assert denial.speaker is not None and denial.speaker.text == "کاوه نیک‌نام"
    assert called.cue.text == "ساختگی خواند" and called.stance == "denies"
    assert called.content.text == "این ادعاها" and called.source == denial.source
    assert called.characterisation is not None and called.characterisation.text == "ساختگی"


def test_persian_negated_perfect_denies_and_outlet_told_goes_to_via() -> None:
    [found] = _fa("دو مقام نظامی به خبرگزاری مهر گفتند که ایران هرگز پهپاد به روسیه نفروخته است.")
    assert found.stance == "denies" and found.polarity == "negative"
    assert [v.text for v in found.via] == ["خبرگزاری مهر"]
    assert found.source is not None and found.source.text == "دو مقام نظامی"


def test_persian_evidence_basis_refusal_and_hedge() -> None:
    text = ("بر اساس تصاویر ماهواره‌ای، ساخت دو سوله تازه احتمالاً آغاز شده است. "
            "مدیر کارخانه درباره این تصاویر از اظهار نظر خودداری کرد.")
    evidence, refusal = _fa(text)
    assert evidence.basis == "satellite imagery" and evidence.hedge == "likely"
    assert evidence.source is not None and evidence.source.text == "تصاویر ماهواره‌ای"
    assert refusal.act == "no_comment" and refusal.content.text == "این تصاویر"
    assert refusal.source is not None and refusal.source.text == "مدیر کارخانه"


def test_persian_pronoun_resolves_to_the_last_person() -> None:
    text = "کاوه نیک‌نام به اینجا آمد. او گفت: «کارخانه تا پاییز تعطیل است»."
    [found] = _fa(text, {"کاوه نیک‌نام": "PERSON"})
    assert found.source is not None and found.source.text == "او"
    assert found.speaker is not None and found.speaker.text == "کاوه نیک‌نام"
    assert found.speaker_status == "resolved"
    assert found.content.text == "کارخانه تا پاییز تعطیل است"


def _gold_file(name: str) -> Path:
    return Path(str(resources.files("watchfloor.data") / "gold" / "attribution" / name))


def test_gold_reader_and_scorer_on_a_few_dev_lines() -> None:
    passages = [p for p in read_gold(_gold_file("fa-dev.jsonl"))[:12]]
    passages += read_gold(_gold_file("ru-dev.jsonl"))[:6]
    assert all(isinstance(p, GoldPassage) for p in passages)
    scores = score_gold(passages, extract_passages(passages))
    result = scores.as_dict()
    assert result["cue_overlap"]["gold"] == sum(len(p.records) for p in passages)
    assert result["cue_overlap"]["f1"] > 0.8 and result["stance_accuracy"] > 0.8


def test_gold_occurrence_and_cli(tmp_path: Path) -> None:
    text = "وی در گفت‌وگو با ایسنا گفت که طرح متوقف شده است."
    row = {"id": "t-1", "lang": "fa", "text": text, "attributions": [
        {"cue": {"text": "گفت", "occurrence": 2}, "source": "وی", "content": "طرح متوقف شده است",
         "stance": "asserts", "hedge": None, "via": ["ایسنا"]}]}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    [passage] = read_gold(gold)
    assert passage.records[0].spans.cue == (text.index("گفت که"), text.index("گفت که") + 3)
    result = CliRunner().invoke(build_app(), ["eval", "attribution", "--gold", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["cue_exact"]["f1"] == 1.0 and scores["via_accuracy"] == 1.0


def test_gold_reader_rejects_a_span_not_in_the_text(tmp_path: Path) -> None:
    from watchfloor.errors import InputError

    gold = tmp_path / "bad.jsonl"
    gold.write_text(json.dumps({"id": "x", "lang": "ru", "text": "Он сказал.", "attributions": [
        {"cue": "заявил", "source": None, "content": "Он", "stance": "asserts"}]}) + "\n", encoding="utf-8")
    with pytest.raises(InputError):
        read_gold(gold)
