"""Watch rules: declarative conditions (YAML) over new documents, claims and claim clusters.

    - id: alabuga-farsi-job-postings
      description: Job postings at Alabuga that ask for Farsi
      on: document                 # document | claim | cluster
      when:
        kind: job_posting          # a value or a list of values
        entity: Alabuga            # any name or watchlist alias, in any script and inflection
        lang: ru
        keywords: [interpreter, переводчик]        # any of them, case-insensitive
        fields: {languages: [Farsi, фарси, персидский]}   # document metadata contains any
      deliver: [stdout, {jsonl: alerts.jsonl}, {webhook: "http://127.0.0.1:8080/hook"}]

Claim rules may test ``stance`` and ``speaker``; cluster rules ``credibility_at_most`` (1–6).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from watchfloor.errors import InputError, WatchfloorError
from watchfloor.extract.watchlist import WatchlistMatcher, fold
from watchfloor.model import Analysis
from watchfloor.store.base import WatchlistEntry
from watchfloor.watch.sinks import parse_target

SUBJECTS = ("document", "claim", "cluster")
CONDITIONS: dict[str, frozenset[str]] = {
    "document": frozenset({"kind", "entity", "lang", "keywords", "fields", "publisher"}),
    "claim": frozenset({"kind", "entity", "lang", "keywords", "stance", "speaker", "publisher"}),
    "cluster": frozenset({"entity", "keywords", "credibility_at_most", "stance"}),
}
_ID = re.compile(r"^[A-Za-z0-9][\w.\-]{0,79}$")


def _as_list(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    if not all(isinstance(v, (str, int)) for v in values):
        raise ValueError("expected a string or a list of strings")
    return [str(v) for v in values]


@dataclass(frozen=True, slots=True)
class Subject:
    """What a rule is tested against: a document, a claim or a claim cluster, flattened."""

    kind: str
    key: str  # stable identity, e.g. "document:abc123"
    text: str
    lang: str | None = None
    doc_kind: str | None = None
    publisher: str | None = None
    stance: str | None = None
    speaker: str | None = None
    credibility: int | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class WatchRule:
    id: str
    on: str
    when: dict[str, Any]
    description: str = ""
    deliver: list[Any] = field(default_factory=lambda: ["stdout"])
    _entity: WatchlistMatcher | None = field(default=None, init=False, repr=False)

    def to_definition(self) -> dict[str, Any]:
        """The rule as stored (the mapping ``parse_rule`` reads)."""
        return {"id": self.id, "on": self.on, "when": self.when, "description": self.description,
                "deliver": self.deliver}

    def bind_watchlist(self, watchlist: Sequence[WatchlistEntry]) -> None:
        """Expand the rule's ``entity`` term through the watchlist: every alias of a matching entry counts."""
        term = self.when.get("entity")
        if term is None:
            return
        wanted = {fold(t) for t in _as_list(term)}
        entries = [e for e in watchlist if wanted & {fold(n) for n in [e.name, *e.aliases]}]
        entries.append(WatchlistEntry(name=str(term), type="ANY", aliases=_as_list(term)))
        self._entity = WatchlistMatcher(entries)

    def matches(self, subject: Subject) -> bool:
        if subject.kind != self.on:
            return False
        when = self.when
        folded = fold(subject.text)
        checks = [
            ("kind", lambda v: subject.doc_kind in _as_list(v)),
            ("lang", lambda v: subject.lang in _as_list(v)),
            ("stance", lambda v: subject.stance in _as_list(v)),
            ("publisher", lambda v: fold(subject.publisher or "") in {fold(p) for p in _as_list(v)}),
            ("speaker", lambda v: any(fold(s) in fold(subject.speaker or "") for s in _as_list(v))),
            ("keywords", lambda v: any(fold(k) in folded for k in _as_list(v))),
            ("credibility_at_most", lambda v: (subject.credibility or 7) <= int(v)),
            ("fields", lambda v: all(_field_matches(subject.fields.get(k), w) for k, w in v.items())),
            ("entity", lambda v: self._mentions_entity(subject.text)),
        ]
        return all(test(when[name]) for name, test in checks if name in when)

    def _mentions_entity(self, text: str) -> bool:
        if self._entity is None:
            self.bind_watchlist(())
        assert self._entity is not None
        probe = Analysis(text)
        self._entity(probe)
        return bool(probe.entities)


def _field_matches(value: Any, wanted: Any) -> bool:
    terms = {fold(w) for w in _as_list(wanted)}
    values = value if isinstance(value, list) else [value]
    return any(term in fold(str(v)) for v in values if v is not None for term in terms)


def parse_rule(record: Any, where: str) -> WatchRule:
    """Validate one rule mapping; ValueError names the problem."""
    if not isinstance(record, dict):
        raise ValueError(f"{where}: expected a mapping")
    rule_id = record.get("id")
    if not isinstance(rule_id, str) or not _ID.match(rule_id):
        raise ValueError(f"{where}: 'id' must be a short name of letters, digits, '.', '_' or '-'")
    on = record.get("on", record.get(True, "document"))  # YAML 1.1 reads a bare `on:` key as True
    if on not in SUBJECTS:
        raise ValueError(f"{where}: 'on' must be one of {', '.join(SUBJECTS)}")
    when = record.get("when") or {}
    if not isinstance(when, dict) or not when:
        raise ValueError(f"{where}: rule {rule_id!r} needs a non-empty 'when' mapping")
    unknown = sorted(set(when) - CONDITIONS[on])
    if unknown:
        raise ValueError(f"{where}: condition {unknown[0]!r} does not apply to {on} rules")
    if "fields" in when and not isinstance(when["fields"], dict):
        raise ValueError(f"{where}: 'fields' must map field names to values")
    for name, value in when.items():
        if name != "fields":
            try:
                _as_list(value)
            except ValueError as exc:
                raise ValueError(f"{where}: {name}: {exc}") from None
    deliver = record.get("deliver", ["stdout"])
    if not isinstance(deliver, list):
        raise ValueError(f"{where}: 'deliver' must be a list")
    for target in deliver:
        try:
            parse_target(target)
        except WatchfloorError as exc:
            raise ValueError(f"{where}: deliver: {exc}") from None
    return WatchRule(rule_id, on, when, str(record.get("description", "")), deliver)


def load_rules_file(path: Path) -> list[WatchRule]:
    """Read a YAML list of rules; InputError names the file and the first problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read rules: {exc}") from None
    except yaml.YAMLError as exc:
        raise InputError(path, f"invalid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, list):
        raise InputError(path, "expected a YAML list of rules")
    try:
        return parse_rules(data)
    except ValueError as exc:
        raise InputError(path, str(exc)) from None


def parse_rules(records: list[Any]) -> list[WatchRule]:
    """Validate a list of rule mappings (as a rules file holds them); ValueError names the first problem."""
    rules = [parse_rule(record, f"rule {n}") for n, record in enumerate(records, start=1)]
    ids = [r.id for r in rules]
    if duplicate := next((i for i in ids if ids.count(i) > 1), None):
        raise ValueError(f"rule id {duplicate!r} is used twice")
    return rules


def matching(rules: Iterable[WatchRule], subject: Subject) -> list[WatchRule]:
    return [rule for rule in rules if rule.matches(subject)]
