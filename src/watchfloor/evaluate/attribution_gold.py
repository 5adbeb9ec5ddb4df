"""Attribution quality on watchfloor's own gold (``data/gold/attribution/*.jsonl``, any language).

The format is described in ``data/gold/attribution/README.md``: one passage a line with its
attributions, each span given as a substring of the passage (``{"text", "occurrence"}`` when it occurs
more than once). Scoring follows the PolNeAR scorer (``evaluate/attribution.py``): attributions pair
one-to-one through overlapping cues, and source and content are scored by overlap and exact match
over the pairs. Beside the spans it counts, over the paired attributions:

- stance accuracy: ``asserts`` / ``denies`` / ``no_comment`` (a prediction whose act is ``no_comment``
  counts as ``no_comment``, whatever its interface stance);
- via accuracy: the chains agree item by item (each pair of items overlapping), in order;
- hedge agreement: both hedged or both unhedged (the gold hedge is a word, ours an ICD 203 level);
- no-comment recall: gold refusals whose cue is paired with a prediction read as a no comment.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError
from watchfloor.evaluate.attribution import (
    MAX_FILE_BYTES,
    AttributionScores,
    CharSpan,
    GoldAttribution,
    score_attributions,
)
from watchfloor.evaluate.metrics import PRF
from watchfloor.evaluate.spans import KeyedSpan, align_spans, spans_match
from watchfloor.model import Analysis, Attribution

#: The components run per language before scoring (language known from the gold line).
PIPELINES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("parse", "parse.spacy"), ("ner", "ner.spacy"), ("attribution", "attribution.en"),
           ("claims", "claims.en")),
    "ru": (("ner_ru", "ner.natasha"), ("attribution_ru", "attribution.ru")),
    "fa": (("watchlist", "watchlist.names"), ("attribution_fa", "attribution.fa")),
}


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """One gold attribution with the fields beyond the spans."""

    spans: GoldAttribution
    stance: str
    hedge: str | None
    via: tuple[CharSpan, ...]


@dataclass(frozen=True, slots=True)
class GoldPassage:
    id: str
    lang: str
    text: str
    records: tuple[GoldRecord, ...]


def _locate(text: str, value: Any, where: str) -> CharSpan:
    """The span of a gold value: a unique substring, or the n-th occurrence of ``{"text", "occurrence"}``."""
    if isinstance(value, dict):
        needle, occurrence = str(value.get("text", "")), int(value.get("occurrence", 1))
    elif isinstance(value, str):
        needle, occurrence = value, 1
    else:
        raise ValueError(f"{where}: expected a string or {{text, occurrence}}, got {value!r}")
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(needle, start + 1)
        if start < 0 or not needle:
            raise ValueError(f"{where}: {needle!r} (occurrence {occurrence}) is not in the text")
    return start, start + len(needle)


def read_gold(path: Path) -> list[GoldPassage]:
    """The passages of one gold JSON Lines file."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(path, f"file larger than {MAX_FILE_BYTES} bytes")
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None
    passages: list[GoldPassage] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = row["text"]
            records = []
            for index, item in enumerate(row.get("attributions", []), 1):
                where = f"line {number}, attribution {index}"
                source = item.get("source")
                spans = GoldAttribution(_locate(text, item["cue"], where),
                                        _locate(text, source, where) if source is not None else None,
                                        _locate(text, item["content"], where))
                via = tuple(_locate(text, v, where) for v in item.get("via", []))
                records.append(GoldRecord(spans, str(item.get("stance", "asserts")), item.get("hedge"), via))
            passages.append(GoldPassage(str(row.get("id", number)), str(row.get("lang", "en")), text,
                                        tuple(records)))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(path, f"line {number}: {exc}") from None
    return passages


@dataclass(frozen=True, slots=True)
class GoldScores:
    spans: AttributionScores
    paired: int
    stance_correct: int
    via_correct: int
    hedge_correct: int
    no_comment: PRF  # tp = gold refusals paired with a predicted refusal

    def as_dict(self) -> dict[str, Any]:
        def share(count: int) -> float:
            return round(count / self.paired, 4) if self.paired else 0.0

        return {**self.spans.as_dict(), "paired": self.paired,
                "stance_accuracy": share(self.stance_correct), "via_accuracy": share(self.via_correct),
                "hedge_agreement": share(self.hedge_correct), "no_comment": self.no_comment.as_dict()}


def predicted_stance(attribution: Attribution) -> str:
    return "no_comment" if attribution.act == "no_comment" else attribution.stance


def _same_chain(gold: tuple[CharSpan, ...], predicted: list[CharSpan]) -> bool:
    return len(gold) == len(predicted) and all(spans_match(g, p, "overlap") for g, p in zip(gold, predicted,
                                                                                          strict=True))


def score_gold(passages: list[GoldPassage], predicted: dict[str, list[Attribution]]) -> GoldScores:
    """Score predictions (keyed by passage id) against the gold passages."""
    spans = score_attributions({p.id: [r.spans for r in p.records] for p in passages}, predicted)
    gold_rows: dict[KeyedSpan, GoldRecord] = {}
    pred_rows: dict[KeyedSpan, Attribution] = {}
    for passage in passages:
        for record in passage.records:
            gold_rows.setdefault((passage.id, *record.spans.cue), record)
        for attribution in predicted.get(passage.id, []):
            pred_rows.setdefault((passage.id, attribution.cue.start, attribution.cue.end), attribution)
    pairs = align_spans(gold_rows, pred_rows, "overlap")
    stance = via = hedge = refusals_found = 0
    for g_key, p_key in pairs:
        gold, guess = gold_rows[g_key], pred_rows[p_key]
        stance += gold.stance == predicted_stance(guess)
        via += _same_chain(gold.via, [(v.start, v.end) for v in guess.via])
        hedge += (gold.hedge is None) == (guess.hedge is None)
        refusals_found += gold.stance == "no_comment" and guess.act == "no_comment"
    refusals = PRF.counted(refusals_found, sum(a.act == "no_comment" for a in pred_rows.values()),
                   sum(r.stance == "no_comment" for r in gold_rows.values()))
    return GoldScores(spans, len(pairs), stance, via, hedge, refusals)


def extract_passages(passages: Iterable[GoldPassage]) -> dict[str, list[Attribution]]:
    """Run each language's pipeline over its passages; attributions keyed by passage id."""
    from watchfloor.extract.component import make_component
    from watchfloor.extract.pipeline import Pipeline

    by_lang: dict[str, list[GoldPassage]] = {}
    for passage in passages:
        by_lang.setdefault(passage.lang, []).append(passage)
    found: dict[str, list[Attribution]] = {}
    for lang, group in by_lang.items():
        steps = PIPELINES.get(lang)
        if steps is None:
            raise InputError(Path(lang), f"no attribution pipeline for language {lang!r}")
        # the language is the gold line's: "language" keeps a given one and satisfies `requires`
        pipeline = Pipeline([(key, make_component(factory)) for key, factory in
                             (("language", "language.lingua"), *steps)])
        analyses = [Analysis(text=p.text, source=p.id, lang=lang) for p in group]
        for passage, analysis in zip(group, pipeline.pipe(analyses), strict=True):
            found[passage.id] = analysis.attributions
    return found


def evaluate_gold(path: Path, limit: int | None = None) -> GoldScores:
    passages = read_gold(path)[:limit]
    return score_gold(passages, extract_passages(passages))
