"""The CoNLL reader and the NER scorer, on small files written here."""

from __future__ import annotations

from pathlib import Path

from watchfloor.evaluate.ner import GoldDocument, coarse, read_conll, score_documents

CONLL = """EU NNP I-NP I-ORG
rejects VBZ I-VP O
German JJ I-NP I-MISC
call NN I-NP O
. . O O

Peter NNP I-NP I-PER
Blackburn NNP I-NP I-PER
B-PER NNP I-NP B-PER
-DOCSTART- -X- O O

BRUSSELS NNP I-NP I-LOC
"""


def test_read_conll_rebuilds_text_and_iob1_spans(tmp_path: Path) -> None:
    path = tmp_path / "mini.conll"
    path.write_text(CONLL.replace("B-PER NNP I-NP B-PER", "Smith NNP I-NP B-PER"), encoding="utf-8")
    first, second = read_conll(path)
    assert first.text == "EU rejects German call .\nPeter Blackburn Smith"
    spans = sorted((first.text[s:e], label) for s, e, label in first.entities)
    assert spans == [("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER"), ("Smith", "PER")]
    assert [(second.text[s:e], label) for s, e, label in second.entities] == [("BRUSSELS", "LOC")]


def test_scores_need_exact_span_and_coarse_label() -> None:
    gold = [GoldDocument("x", {(0, 2, "ORG"), (11, 17, "MISC"), (25, 40, "PER")})]
    predicted = [[(0, 2, "ORG"), (11, 17, "NORP"), (25, 35, "PERSON"), (50, 55, "GPE")]]
    scores = score_documents(gold, predicted)
    assert (scores["micro"].tp, scores["micro"].fp, scores["micro"].fn) == (2, 2, 1)
    assert round(scores["micro"].f1, 4) == round(2 * (2 / 4) * (2 / 3) / (2 / 4 + 2 / 3), 4)
    assert coarse("FAC") == "LOC" and coarse("PRODUCT") == "MISC" and coarse("PERSON") == "PER"
