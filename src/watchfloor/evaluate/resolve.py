"""Resolution quality on BSNLP SlavNER topics: ``watchfloor eval resolve --bsnlp DIR...``.

Each annotated line of a BSNLP ``.out`` file is one mention (a distinct form per document) with its
category; its cross-lingual ID is the truth and is never shown to the resolver, nor is the gold base form.
The context given to the resolver is the raw text around the mention's first occurrence. Each topic is
scored on its own with B-cubed and pairwise precision/recall/F1, beside the baseline that groups mentions
by their exact lowercased string.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from watchfloor.errors import InputError
from watchfloor.resolve.resolver import MentionInput, Resolver

_CONTEXT_CHARS = 120
_MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class GoldMention:
    mention: MentionInput
    entity: str  # the gold cross-lingual ID


def _read_text(path: Path) -> str:
    if path.stat().st_size > _MAX_FILE_BYTES:
        raise InputError(path, f"file larger than {_MAX_FILE_BYTES} bytes")
    try:
        return path.read_text("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from None


def _first_line(text: str) -> str:
    return text.split("\n", 1)[0].strip()


def read_bsnlp_topic(topic_dir: Path) -> tuple[list[GoldMention], int]:
    """Mentions of one topic (``annotated/<lang>/*`` paired with ``raw/<lang>/*`` by document id) and
    the number of malformed annotation lines skipped."""
    annotated = topic_dir / "annotated"
    if not annotated.is_dir():
        raise InputError(topic_dir, "not a BSNLP topic directory (no annotated/ folder)")
    mentions: list[GoldMention] = []
    skipped = 0
    for lang_dir in sorted(p for p in annotated.iterdir() if p.is_dir()):
        lang = lang_dir.name
        raw_texts: dict[str, str] = {}
        raw_dir = topic_dir / "raw" / lang
        if raw_dir.is_dir():
            for raw_path in sorted(raw_dir.iterdir()):
                raw = _read_text(raw_path)
                raw_texts[_first_line(raw)] = raw
        for out_path in sorted(p for p in lang_dir.iterdir() if p.is_file()):
            lines = _read_text(out_path).splitlines()
            if not lines:
                continue
            doc_id = lines[0].strip()
            body = raw_texts.get(doc_id, "")
            body_folded = body.casefold()
            doc = f"{lang}/{doc_id}"
            for number, line in enumerate(lines[1:], start=1):
                fields = line.split("\t")
                if len(fields) < 4 or not fields[0].strip():
                    skipped += int(bool(line.strip()))
                    continue
                form, category, gold_id = fields[0].strip(), fields[2].strip(), fields[3].strip()
                at = body_folded.find(form.casefold())
                context = None
                if at >= 0:
                    context = body[max(0, at - _CONTEXT_CHARS) : at + len(form) + _CONTEXT_CHARS]
                mention = MentionInput(f"{doc}#{number}", form, lang, category, doc, context)
                mentions.append(GoldMention(mention, gold_id))
    return mentions, skipped


@dataclass(frozen=True, slots=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def to_json(self) -> dict[str, float]:
        return {k: round(getattr(self, k), 4) for k in ("precision", "recall", "f1")}


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def b_cubed(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """B-cubed precision/recall/F1 of a clustering (one cluster label per mention) against gold."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold label lists differ in length")
    if not gold:
        return Scores(0.0, 0.0, 0.0)
    cells = Counter(zip(predicted, gold, strict=True))
    predicted_sizes, gold_sizes = Counter(predicted), Counter(gold)
    precision = sum(n * n / predicted_sizes[p] for (p, _), n in cells.items()) / len(gold)
    recall = sum(n * n / gold_sizes[g] for (_, g), n in cells.items()) / len(gold)
    return Scores(precision, recall, _f1(precision, recall))


def pairwise(predicted: Sequence[Hashable], gold: Sequence[Hashable]) -> Scores:
    """Precision/recall/F1 over the pairs of mentions put in one cluster."""
    if len(predicted) != len(gold):
        raise ValueError("predicted and gold label lists differ in length")

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter(zip(predicted, gold, strict=True)))
    predicted_pairs, gold_pairs = pairs(Counter(predicted)), pairs(Counter(gold))
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return Scores(precision, recall, _f1(precision, recall))


def evaluate_topic(topic_dir: Path, resolver: Resolver | None = None) -> dict[str, Any]:
    """Resolve one topic's mentions and score them, with the exact-lowercased-string baseline beside."""
    gold_mentions, skipped = read_bsnlp_topic(topic_dir)
    resolver = resolver or Resolver()
    started = time.perf_counter()
    assignment = resolver.resolve(g.mention for g in gold_mentions)
    elapsed = time.perf_counter() - started
    gold = [g.entity for g in gold_mentions]
    predicted = [assignment[g.mention.id] for g in gold_mentions]
    baseline = [g.mention.text.casefold() for g in gold_mentions]
    return {
        "topic": topic_dir.name,
        "mentions": len(gold),
        "gold_entities": len(set(gold)),
        "predicted_entities": len(set(predicted)),
        "skipped_lines": skipped,
        "b_cubed": b_cubed(predicted, gold).to_json(),
        "pairwise": pairwise(predicted, gold).to_json(),
        "baseline_b_cubed": b_cubed(baseline, gold).to_json(),
        "baseline_pairwise": pairwise(baseline, gold).to_json(),
        "candidate_pairs": resolver.index.pairs_considered,
        "seconds": round(elapsed, 3),
        "mentions_per_second": round(len(gold) / elapsed, 1) if elapsed else None,
    }


def topic_directories(paths: Sequence[Path]) -> list[Path]:
    """Each path is a topic (has ``annotated/``) or a folder of topics."""
    topics: list[Path] = []
    for path in paths:
        if not path.is_dir():
            raise InputError(path, "not a directory")
        if (path / "annotated").is_dir():
            topics.append(path)
            continue
        found = sorted(p for p in path.iterdir() if (p / "annotated").is_dir())
        if not found:
            raise InputError(path, "no BSNLP topic (a folder with annotated/ and raw/) found")
        topics.extend(found)
    return topics
