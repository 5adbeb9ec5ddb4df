"""Evaluate the workspace's watch rules on new documents, their claims and claim clusters.

Runs through the ``document_stored`` and ``ingest_finished`` hooks, like any plugin would. Each alert is
stored once per (rule, subject), so re-ingesting never repeats one, together with one pending delivery
per target of its rule; sending is left to :mod:`watchfloor.service.delivery`, so a slow or failing sink
never holds up ingest. A document is marked watched once its rules have run: a run stopped in between
leaves it unwatched, and the next ``watchfloor run`` catches up. After an ingest, cluster rules see the
clusters its documents' claims belong to (``clusters_touching``); ``watch run`` sees every cluster.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from watchfloor.hookspecs import hookimpl
from watchfloor.model import Alert
from watchfloor.store.base import ClaimFilter, NewDelivery, Store, StoredClaim, StoredDocument
from watchfloor.watch.rules import Subject, WatchRule, parse_rule
from watchfloor.watch.sinks import parse_target

if TYPE_CHECKING:
    from watchfloor.corroborate.service import ClaimCluster

TITLE_CHARS = 120


def workspace_rules(store: Store, on: str | None = None) -> list[WatchRule]:
    """The stored rules (optionally of one subject kind), bound to the workspace watchlist."""
    rules = [parse_rule(definition, f"stored rule {rule_id}") for rule_id, definition in store.watch_rules()]
    rules = [r for r in rules if on is None or r.on == on]
    if rules:
        watchlist = store.watchlist()
        for rule in rules:
            rule.bind_watchlist(watchlist)
    return rules


def _short(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= TITLE_CHARS else line[: TITLE_CHARS - 1] + "…"


def _metadata_text(metadata: dict[str, object]) -> list[str]:
    values: list[str] = []
    for value in metadata.values():
        values.extend(str(v) for v in (value if isinstance(value, list) else [value]) if v is not None)
    return values


def document_subject(document: StoredDocument) -> Subject:
    """A document as rules see it: title, text and metadata values (employer, location, …)."""
    return Subject(
        "document",
        f"document:{document.id}",
        "\n".join(filter(None, [document.title, document.text, *_metadata_text(document.metadata)])),
        lang=document.lang,
        doc_kind=document.kind,
        publisher=document.publisher,
        fields=document.metadata,
    )


def claim_subject(claim: StoredClaim, document: StoredDocument) -> Subject:
    return Subject(
        "claim",
        f"claim:{claim.id}",
        claim.content,
        lang=document.lang,
        doc_kind=document.kind,
        publisher=claim.publisher,
        stance=claim.stance,
        speaker=" / ".join(filter(None, [claim.source, claim.speaker])),
    )


def cluster_subject(cluster: ClaimCluster) -> Subject:
    """A claim cluster as rules see it: its claim and entity names, stance and credibility."""
    stances = {c.stance for c in cluster.claims}
    return Subject(
        "cluster",
        f"cluster:{cluster.id}",
        "\n".join([cluster.text, *cluster.entity_names]),
        stance="denies" if stances == {"denies"} else "asserts",
        credibility=cluster.credibility.grade,
    )


def fire(store: Store, rule: WatchRule, subject: Subject, title: str, payload: dict[str, object]) -> bool:
    """Store an alert with its pending deliveries, unless this rule already fired on this subject."""
    alert = Alert(rule.id, subject.key, datetime.now(UTC), title, dict(payload))
    deliveries = [NewDelivery(*parse_target(spec)[:2], spec=spec) for spec in rule.deliver]
    return store.add_alert(alert, deliveries)


def evaluate_document(store: Store, document_id: str) -> int:
    """Run document and claim rules on one stored document; returns how many alerts fired."""
    rules = [r for r in workspace_rules(store) if r.on in {"document", "claim"}]
    document = store.document(document_id) if rules else None
    if document is None:
        return 0
    fired = 0
    subject = document_subject(document)
    for rule in (r for r in rules if r.on == "document"):
        if rule.matches(subject):
            title = _short(document.title or document.text)
            fired += fire(store, rule, subject, title, {"document": document.id, "kind": document.kind})
    claim_rules = [r for r in rules if r.on == "claim"]
    if claim_rules:
        for claim in store.claims(ClaimFilter(document_id=document_id, limit=10_000)):
            subject = claim_subject(claim, document)
            for rule in claim_rules:
                if rule.matches(subject):
                    payload = {"document": document.id, "claim": claim.id, "stance": claim.stance,
                               "evidence": [claim.content_start, claim.content_end]}
                    fired += fire(store, rule, subject, _short(claim.content), payload)
    return fired


def evaluate_clusters(store: Store, document_ids: Collection[str] | None = None) -> int:
    """Run cluster rules (e.g. a claim reaching a credibility level) over the whole workspace, or over
    the clusters holding a claim of ``document_ids`` (after an ingest)."""
    rules = workspace_rules(store, on="cluster")
    if not rules:
        return 0
    from watchfloor.corroborate.workspace import clusters_touching, workspace_clusters

    clusters = workspace_clusters(store) if document_ids is None else clusters_touching(store, document_ids)
    fired = 0
    for cluster in clusters:
        subject = cluster_subject(cluster)
        for rule in rules:
            if rule.matches(subject):
                payload = {"cluster": cluster.id, "credibility": cluster.credibility.grade,
                           "independent_origins": cluster.independent_origins}
                fired += fire(store, rule, subject, _short(cluster.text), payload)
    return fired


def catch_up(store: Store) -> list[str]:
    """Run the rules on documents stored but never watched (a run stopped midway); their ids."""
    caught: list[str] = []
    while unwatched := store.unwatched_documents():
        for document_id in unwatched:
            watch_document(store, document_id)
        caught += unwatched
    return caught


def watch_document(store: Store, document_id: str) -> int:
    """Run the document and claim rules on a document, then mark it watched; alerts fired."""
    fired = evaluate_document(store, document_id)
    store.mark_watched(document_id, datetime.now(UTC))
    return fired


@hookimpl
def document_stored(store: Store, document_id: str) -> None:
    watch_document(store, document_id)


@hookimpl
def ingest_finished(store: Store, document_ids: list[str]) -> None:
    if document_ids:
        evaluate_clusters(store, document_ids)
