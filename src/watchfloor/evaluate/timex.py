"""``watchfloor eval timex``: TempEval-3 style scoring of time expressions on TimeML files.

Each ``.tml`` file gives a document creation time (the ``CREATION_TIME`` TIMEX3 in ``<DCT>``) and a
``<TEXT>`` with inline TIMEX3 annotations. The text is stripped of tags (offsets kept into the plain
text), analysed by the temporal component with the DCT as publication date, and scored: relaxed
(overlap) and strict (exact) span precision / recall / F1, value F1 (overlapping span with the
identical value) and type accuracy over the relaxed matches. Matching is one-to-one.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError
from watchfloor.evaluate.metrics import PRF
from watchfloor.evaluate.spans import align_spans
from watchfloor.model import Analysis

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
_ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')
_MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None


@dataclass(slots=True)
class TimeMLDocument:
    """The plain text of a TimeML ``<TEXT>`` with its gold TIMEX3s and creation date."""

    name: str
    text: str
    creation_date: date | None
    timexes: list[GoldTimex] = field(default_factory=list)


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one TimeML file (tags stripped from ``<TEXT>``; offsets into the plain text)."""
    try:
        if path.stat().st_size > _MAX_FILE_BYTES:
            raise InputError(path, "file too large for a TimeML document")
        markup = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read TimeML file ({exc})") from None
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", markup)
    creation: date | None = None
    if dct:
        value = dict(_ATTRIBUTE.findall(dct.group(1))).get("value", "")
        try:
            creation = date.fromisoformat(value[:10])
        except ValueError:
            creation = None
    body = re.search(r"<TEXT>(.*?)</TEXT>", markup, re.DOTALL)
    if body is None:
        raise InputError(path, "no <TEXT> element")
    text, timexes = _strip_tags(body.group(1), path)
    return TimeMLDocument(path.name, text, creation, timexes)


def _strip_tags(markup: str, path: Path) -> tuple[str, list[GoldTimex]]:
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(markup):
        chunk = html.unescape(markup[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name, attributes = tag.group(1), tag.group(2), tag.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTRIBUTE.findall(attributes)))
        elif open_timex is not None:
            start, attrs = open_timex
            timexes.append(
                GoldTimex(start, length, attrs.get("type", ""), attrs.get("value", ""), attrs.get("mod"))
            )
            open_timex = None
        else:
            raise InputError(path, f"unbalanced </TIMEX3> at character {tag.start()}")
    pieces.append(html.unescape(markup[position:]))
    return "".join(pieces), timexes


@dataclass(slots=True)
class TimexScores:
    relaxed: PRF
    strict: PRF
    value: PRF
    type_correct: int
    errors: list[dict[str, Any]]

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.relaxed.true_positives if self.relaxed.true_positives else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "relaxed": self.relaxed.as_dict(),
            "strict": self.strict.as_dict(),
            "value": self.value.as_dict(),
            "type_accuracy": round(self.type_accuracy, 4),
        }


Predicted = tuple[int, int, str, str]  # start, end, type, value


def score_timexes(pairs: Iterable[tuple[TimeMLDocument, list[Predicted]]]) -> TimexScores:
    """Relaxed, strict and value P/R/F1 and type accuracy over documents and their predictions."""
    gold: list[tuple[str, int, int]] = []
    predicted: list[tuple[str, int, int]] = []
    gold_info: dict[tuple[str, int, int], GoldTimex] = {}
    predicted_info: dict[tuple[str, int, int], Predicted] = {}
    texts: dict[str, str] = {}
    for document, predictions in pairs:
        texts[document.name] = document.text
        for timex in document.timexes:
            key = (document.name, timex.start, timex.end)
            gold.append(key)
            gold_info[key] = timex
        for prediction in predictions:
            key = (document.name, prediction[0], prediction[1])
            predicted.append(key)
            predicted_info[key] = prediction
    relaxed_pairs = align_spans(gold, predicted, "overlap")
    strict_pairs = align_spans(gold, predicted, "exact")
    value_tp = type_tp = 0
    errors: list[dict[str, Any]] = []
    matched_gold: set[Any] = set()
    matched_predicted: set[Any] = set()
    for gold_key, predicted_key in relaxed_pairs:
        g, p = gold_info[gold_key], predicted_info[predicted_key]  # type: ignore[index]
        matched_gold.add(gold_key)
        matched_predicted.add(predicted_key)
        value_tp += g.value == p[3]
        type_tp += g.type == p[2]
        if g.value != p[3] or g.type != p[2]:
            text = texts[str(gold_key[0])]
            errors.append(
                {"doc": gold_key[0], "kind": "value", **_gold_row(g, text), **_predicted_row(p, text)}
            )
    for key in gold:
        if key not in matched_gold:
            errors.append({"doc": key[0], "kind": "missed", **_gold_row(gold_info[key], texts[key[0]])})
    for key in predicted:
        if key not in matched_predicted:
            errors.append(
                {"doc": key[0], "kind": "spurious", **_predicted_row(predicted_info[key], texts[key[0]])}
            )
    return TimexScores(
        relaxed=PRF.counted(len(relaxed_pairs), len(predicted), len(gold)),
        strict=PRF.counted(len(strict_pairs), len(predicted), len(gold)),
        value=PRF.counted(value_tp, len(predicted), len(gold)),
        type_correct=type_tp,
        errors=errors,
    )


def _gold_row(timex: GoldTimex, text: str) -> dict[str, str]:
    return {
        "gold": text[timex.start : timex.end],
        "gold_type": timex.type,
        "gold_value": timex.value,
        "context": _context(text, timex.start, timex.end),
    }


def _predicted_row(prediction: Predicted, text: str) -> dict[str, str]:
    start, end, type_, value = prediction
    return {
        "predicted": text[start:end],
        "type": type_,
        "value": value,
        "context": _context(text, start, end),
    }


def _context(text: str, start: int, end: int) -> str:
    return " ".join(
        (text[max(0, start - 60) : start] + "[" + text[start:end] + "]" + text[end : end + 40]).split()
    )


def timeml_files(directory: Path) -> list[Path]:
    if not directory.is_dir():
        raise InputError(directory, "not a directory of TimeML files")
    files = sorted(directory.glob("*.tml"))
    if not files:
        raise InputError(directory, "no .tml files")
    return files


def tag_documents(
    documents: list[TimeMLDocument], parse: bool = True
) -> Iterator[tuple[TimeMLDocument, list[Predicted]]]:
    """Run the temporal component (after the spaCy parse when available) over TimeML texts."""
    from watchfloor.extract.temporal import TemporalTagger

    analyses = [Analysis(text=d.text, source=d.name, date=d.creation_date, lang="en") for d in documents]
    if parse:
        from watchfloor.extract.spacy_parse import SpacyParse

        analyses = list(SpacyParse().pipe(analyses))
    tagger = TemporalTagger()
    for document, analysis in zip(documents, analyses, strict=True):
        tagger(analysis)
        yield document, [(t.span.start, t.span.end, t.type, t.value) for t in analysis.times]


def evaluate_directory(directory: Path, parse: bool = True) -> TimexScores:
    documents = [read_timeml(path) for path in timeml_files(directory)]
    return score_timexes(tag_documents(documents, parse=parse))
