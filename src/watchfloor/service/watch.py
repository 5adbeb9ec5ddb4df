"""Watch rules and their alerts; publishers and their Admiralty reliability."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.model import Alert
from watchfloor.service.audit import Audit
from watchfloor.store.base import PublisherInfo, Store
from watchfloor.watch.engine import evaluate_clusters, evaluate_document
from watchfloor.watch.rules import WatchRule, load_rules_file, parse_rule, parse_rules


class WatchService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def add_rules_file(self, path: Path) -> tuple[int, int]:
        """Add or replace the rules of a YAML file, all checked before any is stored: (read, written)."""
        return self._save(load_rules_file(path))

    def add_rules(self, definitions: list[Any]) -> tuple[int, int]:
        """Add or replace rules given as mappings (as in the YAML file), all checked first."""
        try:
            rules = parse_rules(definitions)
        except ValueError as exc:
            raise WatchfloorError(str(exc)) from None
        return self._save(rules)

    def _save(self, rules: list[WatchRule]) -> tuple[int, int]:
        before = dict(self.store.watch_rules())
        written = self.store.save_watch_rules((r.id, r.to_definition()) for r in rules)
        for rule in rules:
            self.audit.record("watch.rule.save", rule.id, before.get(rule.id), rule.to_definition())
        return len(rules), written

    def rules(self) -> list[WatchRule]:
        return [parse_rule(definition, rule_id) for rule_id, definition in self.store.watch_rules()]

    def remove(self, rule_id: str) -> None:
        """Remove a rule (its alerts stay)."""
        before = dict(self.store.watch_rules()).get(rule_id)
        if not self.store.delete_watch_rule(rule_id):
            raise NotFoundError(f"no watch rule {rule_id!r}")
        self.audit.record("watch.rule.remove", rule_id, before=before)

    def run(self) -> int:
        """Evaluate the rules over everything stored; alerts that fired before are not repeated."""
        fired = sum(evaluate_document(self.store, d) for d in self.store.document_links())
        return fired + evaluate_clusters(self.store)

    def alerts(self, *, rule: str | None = None, limit: int = 200, open_only: bool = False) -> list[Alert]:
        """Alerts, newest first (``open_only``: not yet acknowledged)."""
        return self.store.alerts(rule=rule, limit=limit, open_only=open_only)

    def acknowledge(self, alert_id: int) -> bool:
        """Take note of an alert (as the workbench's actor); False if someone already had."""
        done = self.store.acknowledge_alert(alert_id, self.audit.actor)
        if done:
            self.audit.record("alert.acknowledge", str(alert_id), before={"acknowledged": False},
                              after={"acknowledged": True})
        return done


class PublisherService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def all(self) -> list[PublisherInfo]:
        return self.store.publishers()

    def rate(self, name: str, rating: str) -> PublisherInfo:
        """Rate a publisher that documents name (matched case-insensitively) on the Admiralty scale
        (see ``corroborate.credibility.RELIABILITY_LABELS``: A completely reliable … F cannot be judged)."""
        wanted = " ".join(name.split()).casefold()
        found = next((p for p in self.store.publishers() if p.name.casefold() == wanted), None)
        if found is None:
            raise NotFoundError(f"no publisher {name!r} in this workspace (see `watchfloor publishers`)")
        self.store.set_reliability(found.name, rating)
        rated = PublisherInfo(found.name, rating.strip().upper(), found.document_count)
        self.audit.record("publisher.rate", found.name, before=found.reliability, after=rated.reliability)
        return rated
