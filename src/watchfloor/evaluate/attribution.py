"""Attribution quality on PolNeAR (brat standoff): cues, sources and contents, by overlap and exact match.

Scoring (the evaluation interface's): predicted and gold attributions are paired one-to-one through
overlapping cues; cue P/R/F1 counts those pairs. A source (content) counts as found when the paired
gold and predicted attributions both have one and they match; its precision is over predicted
attributions with a source (content), its recall over gold attributions with one. Discontinuous gold
spans are scored by their hull (first to last character). PolNeAR articles annotated several times
are scored against one annotator, the first by annotator id, so nothing counts twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError
from watchfloor.evaluate.metrics import PRF, strided
from watchfloor.evaluate.spans import KeyedSpan, MatchMode, align_spans, spans_match
from watchfloor.model import Analysis, Attribution

#: Largest .ann or .txt file read (bytes); PolNeAR's largest is far below.
MAX_FILE_BYTES = 5_000_000
_ANN_NAME = re.compile(r"^(?P<article>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_SPAN_FIELD = re.compile(r"^(?P<label>\S+) (?P<ranges>\d+ \d+(?:;\d+ \d+)*)$")

CharSpan = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    """One annotated attribution relation; spans are hulls of possibly discontinuous annotations."""

    cue: CharSpan
    source: CharSpan | None
    content: CharSpan | None


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _read_text(path: Path) -> str:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InputError(path, f"file larger than {MAX_FILE_BYTES} bytes")
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def parse_brat(path: Path, text_length: int) -> list[GoldAttribution]:
    """The attribution relations (``E`` lines) of one brat standoff file."""
    spans: dict[str, CharSpan] = {}
    relations: list[dict[str, str]] = []
    for number, line in enumerate(_read_text(path).splitlines(), 1):
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            match = _SPAN_FIELD.match(fields[1])
            if match is None:
                raise InputError(path, f"line {number}: malformed text-bound annotation")
            bounds = [int(n) for n in re.split(r"[ ;]", match["ranges"])]
            start, end = min(bounds), max(bounds)
            if end > text_length:
                raise InputError(path, f"line {number}: span {start}:{end} beyond the text")
            spans[fields[0]] = (start, end)
        elif line.startswith("E") and len(fields) >= 2:
            roles = dict(part.split(":", 1) for part in fields[1].split() if ":" in part)
            relations.append(roles)
    found: list[GoldAttribution] = []
    for roles in relations:
        cue = spans.get(roles.get("Cue", ""))
        if cue is None:
            continue
        found.append(GoldAttribution(cue, spans.get(roles.get("Source", "")),
                                     spans.get(roles.get("Content", ""))))
    return found


def read_polnear(directory: Path) -> Iterator[GoldArticle]:
    """Articles of a PolNeAR split directory (``text/`` and ``attributions/``), one annotator each."""
    text_dir, ann_dir = directory / "text", directory / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(directory, "not a PolNeAR split (expected text/ and attributions/ folders)")
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        match = _ANN_NAME.match(ann.name)
        if match is not None:
            chosen.setdefault(match["article"], ann)  # sorted: the first annotator id wins
    if not chosen:
        raise InputError(ann_dir, "no brat .ann files")
    for article, ann in sorted(chosen.items()):
        text_path = text_dir / f"{article}.txt"
        text = _read_text(text_path)
        yield GoldArticle(article, text, tuple(parse_brat(ann, len(text))))


@dataclass(frozen=True, slots=True)
class AttributionScores:
    cue_overlap: PRF
    cue_exact: PRF
    source_overlap: PRF
    source_exact: PRF
    content_overlap: PRF
    content_exact: PRF

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {name: getattr(self, name).as_dict() for name in self.__slots__}


def score_attributions(
    gold: Mapping[str, Iterable[GoldAttribution]], predicted: Mapping[str, Iterable[Attribution]]
) -> AttributionScores:
    """Score predictions against gold, both keyed by article name."""
    gold_rows: dict[KeyedSpan, GoldAttribution] = {}
    pred_rows: dict[KeyedSpan, Attribution] = {}
    for name, items in gold.items():
        for g in items:
            gold_rows.setdefault((name, *g.cue), g)
    for name, attributions in predicted.items():
        for a in attributions:
            pred_rows.setdefault((name, a.cue.start, a.cue.end), a)
    cue_pairs = align_spans(gold_rows, pred_rows, "overlap")
    cue_exact = sum(1 for g, p in cue_pairs if g[1:] == p[1:])

    def role(mode: MatchMode, gold_of: Any, pred_of: Any) -> PRF:
        hits = 0
        for g_key, p_key in cue_pairs:
            g, p = gold_of(gold_rows[g_key]), pred_of(pred_rows[p_key])
            if g is not None and p is not None and spans_match(g, p, mode):
                hits += 1
        n_pred = sum(1 for a in pred_rows.values() if pred_of(a) is not None)
        n_gold = sum(1 for a in gold_rows.values() if gold_of(a) is not None)
        return PRF.counted(hits, n_pred, n_gold)

    def pred_source(a: Attribution) -> CharSpan | None:
        return (a.source.start, a.source.end) if a.source else None

    def pred_content(a: Attribution) -> CharSpan:
        return (a.content.start, a.content.end)

    return AttributionScores(
        cue_overlap=PRF.counted(len(cue_pairs), len(pred_rows), len(gold_rows)),
        cue_exact=PRF.counted(cue_exact, len(pred_rows), len(gold_rows)),
        source_overlap=role("overlap", lambda g: g.source, pred_source),
        source_exact=role("exact", lambda g: g.source, pred_source),
        content_overlap=role("overlap", lambda g: g.content, pred_content),
        content_exact=role("exact", lambda g: g.content, pred_content),
    )


def extract_attributions(texts: list[str]) -> list[list[Attribution]]:
    """Run the extraction pipeline (parse, NER, attribution) over English texts."""
    from watchfloor.extract.component import make_component
    from watchfloor.extract.pipeline import Pipeline

    pipeline = Pipeline([(key, make_component(factory)) for key, factory in
                         (("language", "language.lingua"), ("parse", "parse.spacy"), ("ner", "ner.spacy"),
                          ("attribution", "attribution.en"))])
    analyses = [Analysis(text=text, lang="en") for text in texts]
    return [a.attributions for a in pipeline.pipe(analyses)]


def evaluate_polnear(directory: Path, limit: int | None = None, part: str | None = None) -> AttributionScores:
    """Extract and score the articles of a PolNeAR split (of ``part`` "K/N" of them by name, see
    :func:`~watchfloor.evaluate.metrics.strided`; the first ``limit`` of those, if given)."""
    articles = strided(list(read_polnear(directory)), part)[:limit]
    predictions = extract_attributions([a.text for a in articles])
    return score_attributions({a.name: a.attributions for a in articles},
                              {a.name: p for a, p in zip(articles, predictions, strict=True)})
