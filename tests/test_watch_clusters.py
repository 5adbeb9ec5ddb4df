"""Cluster rules after an ingest: only the clusters of the new documents, weighed as a full clustering
weighs them."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from test_resolve_workspace import ingest
from watchfloor.corroborate.workspace import clusters_touching, workspace_clusters
from watchfloor.store.base import ClaimFilter, StoredClaim
from watchfloor.store.sql import SqlStore, open_store
from watchfloor.watch.engine import cluster_subject, workspace_rules

HELD_BACK = "2023-08-21-gulf-security-wire-drone-factory.md"  # a wire copy of an earlier report
RULE = {"id": "alabuga", "on": "cluster", "when": {"entity": "Alabuga"}}


def test_cluster_rules_after_an_ingest_see_the_clusters_of_its_documents(tmp_path: Path) -> None:
    db = tmp_path / "workspace.db"
    with as_file(files("watchfloor.data") / "sample" / "documents") as documents:
        ingest(db, *[str(p) for p in sorted(Path(documents).iterdir()) if p.name != HELD_BACK])
        with open_store(f"sqlite:///{db}") as store:
            store.save_watch_rules([(RULE["id"], RULE)])
            before = set(store.document_links())
        ingest(db, str(Path(documents) / HELD_BACK))
    with open_store(f"sqlite:///{db}") as store:
        (held,) = set(store.document_links()) - before
        fired = {a.subject: a.payload["independent_origins"] for a in store.alerts()}
        (rule,) = workspace_rules(store, on="cluster")
        full = workspace_clusters(store)
        expected = {
            f"cluster:{c.id}": c.independent_origins
            for c in full
            if rule.matches(cluster_subject(c)) and any(claim.document_id == held for claim in c.claims)
        }
        assert expected and fired == expected
        assert len(expected) < sum(rule.matches(cluster_subject(c)) for c in full)  # not every cluster
        scoped = {c.id for c in clusters_touching(store, [held])}
        assert scoped <= {c.id for c in full} and all(
            any(claim.document_id == held for claim in c.claims) for c in clusters_touching(store, [held])
        )
        assert clusters_touching(store, ["no-such-document"]) == []
        # the blocks it reads: claims of the documents mentioning an entity, claims of an event class
        entity = next(m.entity_id for m in store.document_mentions([held]) if m.entity_id)
        around = store.claims(ClaimFilter(about_entity_id=entity, limit=500))
        mentioning = {m.document_id for m in store.workspace_mentions() if m.entity_id == entity}
        claims = full_claims(store)
        assert around and {c.document_id for c in around} == mentioning & {c.document_id for c in claims}
        event = next(c.event for c in claims if c.event)
        assert {c.event for c in store.claims(ClaimFilter(event=event, limit=500))} == {event}


def full_claims(store: SqlStore) -> list[StoredClaim]:
    return store.claims(ClaimFilter(limit=10_000))
