"""Russian NER scored on FactRuEval-2016 (``book_<id>.txt`` / ``.spans`` / ``.objects``).

Gold mentions are the annotated objects (layer 2), scored as names, in the spirit of the official
track-1 scorer:

- a mention's extent is that of the spans naming an object of its type (a person's first name, surname,
  patronymic, nickname; an organisation's name; a place's name). Descriptors (``мэрии``, ``движения``,
  job titles) are not part of the name, and an object with no such span ("unnamed": ``мэрии Москвы`` is
  an organisation described through a place) is not scored — the place name inside it still is;
- a name lying inside another scored name (``Китая`` in ``Промышленный и коммерческий банк Китая``)
  is not scored on its own; like unnamed objects, a prediction exactly matching it is neither a hit nor a
  false alarm (the official scorer ignores such pairs too);
- ``LocOrg`` (a country or city acting as an organisation) counts as a location — the official
  scorer's option for systems without a LocOrg class, and how our extractors label such names.

Scores are exact span + coarse label (PER, ORG, LOC) micro precision/recall/F1 and per type, as
everywhere in watchfloor.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError
from watchfloor.evaluate.metrics import PRF, compare_sets
from watchfloor.evaluate.ner import coarse
from watchfloor.model import Analysis
from watchfloor.model.entity_types import type_code

#: FactRuEval object types → coarse labels (Project and Facility are not scored).
OBJECT_LABELS: dict[str, str] = {name: type_code(name) for name in ("Person", "Org", "Location", "LocOrg")}
#: Span types that name an object of each type (descriptors such as org_descr, job, loc_descr do not).
NAME_SPAN_TYPES: dict[str, frozenset[str]] = {
    "Person": frozenset({"name", "surname", "patronymic", "nickname"}),
    "Org": frozenset({"org_name"}),
    "Location": frozenset({"loc_name"}),
    "LocOrg": frozenset({"loc_name"}),
}

Triple = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class GoldObject:
    label: str  # FactRuEval object type
    spans: tuple[tuple[str, int, int], ...]  # (span type, start, end)

    @property
    def name_extent(self) -> tuple[int, int] | None:
        """Start and end of the spans naming the object; None for an unnamed object."""
        kinds = NAME_SPAN_TYPES.get(self.label, frozenset())
        named = [(s, e) for kind, s, e in self.spans if kind in kinds]
        if not named:
            return None
        return min(s for s, _ in named), max(e for _, e in named)

    @property
    def extent(self) -> tuple[int, int]:
        return min(s for _, s, _ in self.spans), max(e for *_, e in self.spans)


@dataclass(slots=True)
class FactRuDocument:
    name: str
    text: str
    objects: list[GoldObject] = field(default_factory=list)

    def gold_mentions(self) -> tuple[set[Triple], set[Triple]]:
        """Scored gold triples (start, end, coarse label) and the ignored ones (unnamed or embedded
        objects), per the rules in the module docstring."""
        named: set[Triple] = set()
        ignored: set[Triple] = set()
        for obj in self.objects:
            if obj.label not in OBJECT_LABELS:
                continue
            label = OBJECT_LABELS[obj.label]
            extent = obj.name_extent
            if extent is None:
                ignored.add((*obj.extent, label))
            else:
                named.add((*extent, label))
        scored = {
            (start, end, label) for start, end, label in named
            if not any(s <= start and end <= e and (s, e) != (start, end) for s, e, _ in named)
        }  # fmt: skip
        return scored, ignored | (named - scored)


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def read_document(txt_path: Path) -> FactRuDocument:
    """One ``book_<id>`` document with its objects resolved to character spans."""
    text = _lines_text(txt_path)
    spans: dict[str, tuple[str, int, int]] = {}
    spans_path = txt_path.with_suffix(".spans")
    for number, line in enumerate(_lines(spans_path), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) < 4 or not (fields[2].isdigit() and fields[3].isdigit()):
            raise InputError(spans_path, f"line {number}: expected 'id type start length …'")
        start = int(fields[2])
        spans[fields[0]] = (fields[1], start, start + int(fields[3]))
    document = FactRuDocument(txt_path.stem, text)
    objects_path = txt_path.with_suffix(".objects")
    for number, line in enumerate(_lines(objects_path), start=1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        missing = [s for s in fields[2:] if s not in spans]
        if len(fields) < 3 or missing:
            raise InputError(objects_path, f"line {number}: object without known spans")
        document.objects.append(GoldObject(fields[1], tuple(spans[s] for s in fields[2:])))
    return document


def _lines_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read: {exc}") from None


def read_factrueval(directory: Path) -> Iterator[FactRuDocument]:
    """Documents of a FactRuEval split folder (``devset``/``testset``), in name order."""
    paths = sorted(directory.glob("book_*.txt"))
    if not paths:
        raise InputError(directory, "no FactRuEval book_*.txt documents found")
    for path in paths:
        yield read_document(path)


def factrueval_scores(directory: Path, pipeline: Any) -> tuple[dict[str, PRF], int]:
    """Run ``pipeline`` (an extraction :class:`~watchfloor.extract.pipeline.Pipeline`) over the
    documents as Russian and score its PERSON/ORG/LOC mentions: (micro and per-type counts, documents)."""
    documents = list(read_factrueval(directory))
    analyses = pipeline.pipe(Analysis(d.text, source=d.name, lang="ru") for d in documents)
    scores: dict[str, PRF] = {"micro": PRF(), **{label: PRF() for label in ("PER", "ORG", "LOC")}}
    for document, analysis in zip(documents, analyses, strict=True):
        gold, ignored = document.gold_mentions()
        predicted = {(e.span.start, e.span.end, coarse(e.label)) for e in analysis.entities}
        predicted = {p for p in predicted if p[2] in scores and p not in ignored}
        for label in ("PER", "ORG", "LOC"):
            of_label = ({g for g in gold if g[2] == label}, {p for p in predicted if p[2] == label})
            scores[label].add(compare_sets(*of_label))
        scores["micro"].add(compare_sets(gold, predicted))
    return scores, len(documents)


def score_factrueval(directory: Path, pipeline: Any) -> dict[str, Any]:
    """:func:`factrueval_scores` as JSON."""
    scores, documents = factrueval_scores(directory, pipeline)
    return {"documents": documents, **{k: v.to_json() for k, v in scores.items()}}


def evaluate_factrueval(directory: Path) -> tuple[dict[str, PRF], int]:
    """Score the configured pipeline's Russian entity components (no parse, time or attribution)."""
    from watchfloor.extract.pipeline import Pipeline

    pipeline = Pipeline.from_config(disable=["parse", "ner", "temporal", "attribution", "claim_time"])
    return factrueval_scores(directory, pipeline)
