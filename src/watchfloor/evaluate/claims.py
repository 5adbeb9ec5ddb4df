"""``watchfloor eval claims``: claim clusters, independent origins, denials and stance on scenarios of ours.

Each scenario (``data/scenarios/<id>/``: ``documents/`` and ``gold.yaml``, see its README) is ingested
into a fresh embedded workspace with the full pipeline, then scored:

- **cluster B³** precision, recall and F1 over the gold asserting claims (a gold claim the system did
  not find counts as a cluster of its own);
- **origin counts**: for each gold cluster, whether the system's cluster holding most of its claims
  has exactly the gold number of independent origins;
- **denial links**: whether each gold denial is attached to the system's cluster for what it denies;
- **stance** accuracy over every gold claim, denial and no comment found, **speaker** agreement, and
  **no comments** found.

A gold item is found when a stored claim of its document holds the quote in its proposition
(else in its content, else in its sentence).
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from watchfloor.errors import InputError

#: Largest gold file read.
MAX_GOLD_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class GoldItem:
    doc: str
    quote: str
    kind: str  # claim, denial, no_comment
    cluster: str  # the gold cluster it states (claims) or denies (denials); "" for no comments
    stance: str
    speaker: str | None = None


@dataclass(slots=True)
class Scenario:
    id: str
    domain: str
    held_out: bool
    path: Path
    origins: dict[str, int] = field(default_factory=dict)  # gold cluster → independent origins
    items: list[GoldItem] = field(default_factory=list)


def read_scenario(path: Path) -> Scenario:
    """A scenario folder's gold (raises InputError naming the file and the problem)."""
    gold_path = path / "gold.yaml"
    if not gold_path.is_file() or gold_path.stat().st_size > MAX_GOLD_BYTES:
        raise InputError(gold_path, "missing, or larger than the gold size limit")
    try:
        gold = yaml.safe_load(gold_path.read_text("utf-8"))
        scenario = Scenario(
            str(gold["scenario"]), str(gold.get("domain", "")), bool(gold.get("held_out")), path
        )
        for cluster in gold["clusters"]:
            scenario.origins[cluster["id"]] = int(cluster["origins"])
            scenario.items += [
                GoldItem(
                    c["doc"], c["quote"], "claim", cluster["id"], c.get("stance", "asserts"), c.get("speaker")
                )
                for c in cluster["claims"]
            ]
        scenario.items += [
            GoldItem(d["doc"], d["quote"], "denial", d["denies"], "denies", d.get("speaker"))
            for d in gold.get("denials") or []
        ]
        scenario.items += [
            GoldItem(n["doc"], n["quote"], "no_comment", "", "no_comment", n.get("party"))
            for n in gold.get("no_comments") or []
        ]
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise InputError(gold_path, f"not a scenario gold file ({type(exc).__name__}: {exc})") from None
    return scenario


def scenario_folders(paths: Iterable[Path]) -> Iterator[Path]:
    """Scenario folders: each given folder that has a gold.yaml, or its sub-folders that do."""
    for path in paths:
        if (path / "gold.yaml").is_file():
            yield path
        else:
            yield from sorted(p for p in path.iterdir() if (p / "gold.yaml").is_file())


@dataclass(slots=True)
class ScenarioScore:
    scenario: str
    domain: str
    held_out: bool
    b3_precision: float = 0.0
    b3_recall: float = 0.0
    found: int = 0
    items: int = 0
    origins_exact: int = 0
    clusters: int = 0
    origin_counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # cluster → (gold, system)
    denials_linked: int = 0
    denials: int = 0
    stance_right: int = 0
    stance_seen: int = 0
    speaker_right: int = 0
    speaker_seen: int = 0
    no_comments_found: int = 0
    no_comments: int = 0

    @property
    def b3_f1(self) -> float:
        p, r = self.b3_precision, self.b3_recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario,
            "domain": self.domain,
            "held_out": self.held_out,
            "b3": {
                "precision": round(self.b3_precision, 4),
                "recall": round(self.b3_recall, 4),
                "f1": round(self.b3_f1, 4),
            },
            "claims_found": [self.found, self.items],
            "origins_exact": [self.origins_exact, self.clusters],
            "origin_counts": {k: {"gold": g, "system": s} for k, (g, s) in self.origin_counts.items()},
            "denials_linked": [self.denials_linked, self.denials],
            "stance_accuracy": [self.stance_right, self.stance_seen],
            "speaker_agreement": [self.speaker_right, self.speaker_seen],
            "no_comments_found": [self.no_comments_found, self.no_comments],
        }


def b_cubed(gold: dict[int, str], system: dict[int, str]) -> tuple[float, float]:
    """B-cubed precision and recall of a clustering of items (item → label in each)."""
    if not gold:
        return 0.0, 0.0
    by_gold: dict[str, set[int]] = {}
    by_system: dict[str, set[int]] = {}
    for item, label in gold.items():
        by_gold.setdefault(label, set()).add(item)
        by_system.setdefault(system[item], set()).add(item)
    precision = recall = 0.0
    for item in gold:
        mine, theirs = by_system[system[item]], by_gold[gold[item]]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    return precision / len(gold), recall / len(gold)


def _speaker_agrees(gold: str, claim: Any) -> bool:
    said = " ".join(x for x in (claim.speaker, claim.source, claim.affiliation) if x).casefold()
    want = gold.casefold()
    if want in ("we", "us", "our", "the report", "the group") or claim.speaker_status == "document":
        return bool(said) or claim.speaker_status == "document"
    return bool(said) and (want in said or any(part in said for part in want.split() if len(part) > 3))


def score_scenario(scenario: Scenario, store: Any, clusters: list[Any]) -> ScenarioScore:
    """Score one ingested scenario (``store``: its workspace; ``clusters``: its claim clusters)."""
    from watchfloor.store.base import ClaimFilter

    documents = {Path(d.source_path or "").name: d for d in store.documents(limit=10_000)}
    claims = store.claims(ClaimFilter(limit=100_000))
    by_document: dict[str, list[Any]] = {}
    for claim in claims:
        by_document.setdefault(claim.document_id, []).append(claim)
    cluster_of = {c.id: cluster.id for cluster in clusters for c in cluster.claims if c.stance == "asserts"}
    attached = {cluster.id: {c.id for c in (*cluster.claims, *cluster.accounts)} for cluster in clusters}
    accounts = {c.id for cluster in clusters for c in cluster.accounts}
    origins = {cluster.id: cluster.independent_origins for cluster in clusters}
    score = ScenarioScore(scenario.id, scenario.domain, scenario.held_out, items=len(scenario.items))
    found: dict[int, Any] = {}
    for index, item in enumerate(scenario.items):
        document = documents.get(item.doc)
        if document is None:
            raise InputError(scenario.path / "documents" / item.doc, "gold document was not stored")
        claim = _claim_for(item, document.text, by_document.get(document.id, []))
        if claim is not None:
            found[index] = claim
    score.found = len(found)
    gold_labels = {i: item.cluster for i, item in enumerate(scenario.items) if item.kind == "claim"}
    system_labels = {
        i: cluster_of.get(found[i].id, f"unclustered-{i}") if i in found else f"missed-{i}"
        for i in gold_labels
    }
    score.b3_precision, score.b3_recall = b_cubed(gold_labels, system_labels)
    system_cluster: dict[str, str | None] = {}
    for cluster_id, want in scenario.origins.items():
        labels = Counter(system_labels[i] for i, label in gold_labels.items() if label == cluster_id)
        best = labels.most_common(1)[0][0] if labels else None
        system_cluster[cluster_id] = best if best in origins else None
        got = origins.get(best, 0) if best else 0
        score.origin_counts[cluster_id] = (want, got)
        score.clusters += 1
        score.origins_exact += int(want == got)
    for index, item in enumerate(scenario.items):
        claim = found.get(index)
        if item.kind == "denial":
            score.denials += 1
            target = system_cluster.get(item.cluster)
            score.denials_linked += int(
                claim is not None and target is not None and claim.id in attached[target]
            )
        if item.kind == "no_comment":
            score.no_comments += 1
            score.no_comments_found += int(claim is not None and claim.stance == "no_comment")
        if claim is not None:
            score.stance_seen += 1
            stance = "denies" if claim.id in accounts and claim.stance == "asserts" else claim.stance
            score.stance_right += int(stance == item.stance)  # a denier's own account contradicts
            if item.speaker and item.kind != "no_comment":
                score.speaker_seen += 1
                score.speaker_right += int(_speaker_agrees(item.speaker, claim))
    return score


def _claim_for(item: GoldItem, text: str, claims: list[Any]) -> Any | None:
    """The stored claim of a document that holds a gold item's quote."""
    start = text.find(item.quote)
    if start < 0:
        return None
    end = start + len(item.quote)
    wanted = [c for c in claims if (c.stance == "no_comment") == (item.kind == "no_comment")]

    def holds(first: int | None, last: int | None) -> bool:
        return first is not None and last is not None and first < end and start < last

    for span in ("proposition", "content", "sentence", "cue"):
        holding = [c for c in wanted if holds(getattr(c, f"{span}_start"), getattr(c, f"{span}_end"))]
        if holding:
            return min(holding, key=lambda c: (c.content_end - c.content_start, c.id))
    return None


def evaluate_scenarios(paths: Iterable[Path], held_out: bool = False) -> list[ScenarioScore]:
    """Ingest and score each scenario (held-out ones only when ``held_out``)."""
    from watchfloor.config import Settings, database_url
    from watchfloor.corroborate.workspace import workspace_clusters
    from watchfloor.extract.pipeline import Pipeline
    from watchfloor.service.ingestion import Ingestor
    from watchfloor.store.sql import open_store

    pipeline = Pipeline.from_config()
    scores: list[ScenarioScore] = []
    for folder in scenario_folders(paths):
        scenario = read_scenario(folder)
        if scenario.held_out and not held_out:
            continue
        with tempfile.TemporaryDirectory(prefix="watchfloor-eval-") as scratch:
            settings = Settings(db_url=database_url(str(Path(scratch) / "scenario.db")))
            with open_store(settings.db_url) as store:
                report = Ingestor(store, pipeline, settings).ingest([folder / "documents"])
                if report.failures:
                    failure = report.failures[0]
                    raise InputError(failure.source, failure.problem or "could not be ingested")
                scores.append(score_scenario(scenario, store, workspace_clusters(store)))
    return scores


def scenarios_folder() -> Path:
    """The bundled scenarios (``watchfloor/data/scenarios``)."""
    from importlib import resources

    return Path(str(resources.files("watchfloor.data").joinpath("scenarios")))


def summary(scores: list[ScenarioScore]) -> dict[str, Any]:
    """Totals over scenarios: mean B³ F1, and counts of exact origins, linked denials, right stances."""
    if not scores:
        return {}
    return {
        "scenarios": len(scores),
        "b3_f1_mean": round(sum(s.b3_f1 for s in scores) / len(scores), 4),
        "scenarios_with_exact_origins": sum(s.origins_exact == s.clusters for s in scores),
        "main_origins_exact": sum(
            next(iter(s.origin_counts.values()), (0, -1))[0]
            == next(iter(s.origin_counts.values()), (0, -1))[1]
            for s in scores
        ),
        "denials_linked": [sum(s.denials_linked for s in scores), sum(s.denials for s in scores)],
        "stance_accuracy": _ratio(sum(s.stance_right for s in scores), sum(s.stance_seen for s in scores)),
        "speaker_agreement": _ratio(
            sum(s.speaker_right for s in scores), sum(s.speaker_seen for s in scores)
        ),
        "no_comments_found": [sum(s.no_comments_found for s in scores), sum(s.no_comments for s in scores)],
        "claims_found": [sum(s.found for s in scores), sum(s.items for s in scores)],
    }


def _ratio(right: int, seen: int) -> float:
    return round(right / seen, 4) if seen else 0.0
