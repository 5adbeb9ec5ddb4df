"""NER scoring: exact span and coarse label, micro F1 (the evaluation interface's rule).

``watchfloor eval ner --conll FILE`` scores our pipeline and, on the same text in the same run, the
raw spaCy model, so the two figures are always comparable. ``--factrueval DIR`` scores Russian NER.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError
from watchfloor.evaluate.metrics import PRF, compare_sets, strided
from watchfloor.model.entity_types import type_code

#: The types CoNLL-2003 and FactRuEval score; everything else counts as MISC.
SCORED_CODES = frozenset({"PER", "ORG", "LOC"})
#: Entity types CoNLL does not annotate; the raw baseline is also shown without them.
NUMERIC = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

Triple = tuple[int, int, str]


def coarse(label: str) -> str:
    """PERSON→PER; ORG→ORG; GPE, LOC, FAC→LOC; everything else→MISC."""
    code = type_code(label)
    return code if code in SCORED_CODES else "MISC"


@dataclass(slots=True)
class GoldDocument:
    text: str
    entities: set[Triple] = field(default_factory=set)


def read_conll(path: Path) -> Iterator[GoldDocument]:
    """Documents of a CoNLL-2003 file (IOB1 or IOB2), tokens joined by spaces, sentences by newlines."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read CoNLL file: {exc}") from None
    text: list[str] = []
    entities: set[Triple] = set()
    offset = 0
    current: list[Any] | None = None  # [start, end, label]

    def close() -> None:
        nonlocal current
        if current is not None:
            entities.add((current[0], current[1], current[2]))
            current = None

    def flush() -> Iterator[GoldDocument]:
        nonlocal text, entities, offset
        close()
        if text:
            yield GoldDocument("".join(text).rstrip(), entities)
        text, entities, offset = [], set(), 0

    for lineno, line in enumerate(lines, start=1):
        if line.startswith("-DOCSTART-"):
            yield from flush()
            continue
        if not line.strip():
            close()
            if text and not text[-1].endswith("\n"):
                text[-1] = text[-1].rstrip(" ") + "\n"
                offset = sum(len(t) for t in text)
            continue
        columns = line.split()
        if len(columns) < 2:
            raise InputError(path, f"line {lineno}: expected token and tag columns")
        token, tag = columns[0], columns[-1]
        start = offset
        text.append(token + " ")
        offset += len(token) + 1
        end = start + len(token)
        if tag == "O":
            close()
            continue
        prefix, _, label = tag.partition("-")
        if current is not None and prefix == "I" and current[2] == label:
            current[1] = end
        else:
            close()
            current = [start, end, label]
    yield from flush()


def score_documents(
    gold: list[GoldDocument], predicted: Iterable[Iterable[tuple[int, int, str]]]
) -> dict[str, PRF]:
    """Micro and per-type counts; predicted labels are mapped to coarse types first."""
    scores: dict[str, PRF] = {"micro": PRF()}
    for doc, spans in zip(gold, predicted, strict=True):
        mapped = {(s, e, coarse(label)) for s, e, label in spans}
        for kind in {t for *_, t in doc.entities} | {t for *_, t in mapped}:
            of_kind = [{x for x in spans if x[2] == kind} for spans in (doc.entities, mapped)]
            scores.setdefault(kind, PRF()).add(compare_sets(*of_kind))
        scores["micro"].add(compare_sets(doc.entities, mapped))
    return scores


def evaluate_conll(path: Path, part: str | None = None) -> dict[str, dict[str, PRF]]:
    """Score our pipeline and the raw spaCy model on the same CoNLL text (of ``part`` "K/N" of its
    documents, see :func:`~watchfloor.evaluate.metrics.strided`)."""
    from watchfloor.extract.pipeline import Pipeline
    from watchfloor.extract.spacy_parse import SpacyParse, load_raw_model
    from watchfloor.model import Analysis

    documents = strided(list(read_conll(path)), part)
    pipeline = Pipeline.from_config(disable=["ner_ru", "temporal", "attribution", "claim_time"])
    ours = [
        [(e.span.start, e.span.end, e.label) for e in a.entities]
        for a in pipeline.pipe(Analysis(d.text, lang="en") for d in documents)
    ]
    parse = pipeline.get("parse")
    if not isinstance(parse, SpacyParse):
        raise RuntimeError("the pipeline has no spaCy parse component to compare against")
    raw_docs = list(load_raw_model(parse.model).pipe(d.text for d in documents))
    raw_all = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in raw_docs]
    raw_named = [[t for t in spans if t[2] not in NUMERIC] for spans in raw_all]
    return {
        "watchfloor": score_documents(documents, ours),
        "raw spaCy (named types)": score_documents(documents, raw_named),
        "raw spaCy (all types)": score_documents(documents, raw_all),
    }
