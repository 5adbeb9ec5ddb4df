"""API accounts (a token shown once, only its hash kept; roles; revocation) and the audit log of writes."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from watchfloor.cli.main import build_app
from watchfloor.config import Settings
from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.model import Analysis, Document
from watchfloor.service.accounts import may
from watchfloor.service.workbench import Workbench
from watchfloor.store.sql import SqlStore


@pytest.fixture
def bench(store: SqlStore) -> Iterator[Workbench]:
    yield Workbench(store, Settings(db_url="sqlite://"), actor="ana")


def test_a_token_is_shown_once_and_only_its_hash_is_kept(bench: Workbench, store_url: str) -> None:
    account, token = bench.accounts.add("ana", "analyst")
    assert (account.name, account.role, account.revoked_at) == ("ana", "analyst", None)
    assert token.startswith("wf_") and len(token) > 40
    engine = create_engine(store_url)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT token_hash FROM account WHERE name = 'ana'")).scalar_one()
    engine.dispose()
    assert stored == hashlib.sha256(token.encode()).hexdigest() and token not in stored
    assert bench.accounts.authenticate(token) == account
    assert bench.accounts.authenticate(token + "x") is None and bench.accounts.authenticate("nope") is None


def test_names_roles_and_revocation(bench: Workbench) -> None:
    _, token = bench.accounts.add("ops", "admin")
    with pytest.raises(WatchfloorError, match="exists already"):
        bench.accounts.add("ops", "viewer")
    with pytest.raises(WatchfloorError, match="role must be one of"):
        bench.accounts.add("eve", "root")
    with pytest.raises(WatchfloorError, match="account name"):
        bench.accounts.add("a b", "viewer")
    revoked = bench.accounts.revoke("ops")
    assert revoked.revoked_at is not None and bench.accounts.authenticate(token) is None
    with pytest.raises(NotFoundError):
        bench.accounts.revoke("nobody")
    assert [a.name for a in bench.accounts.all()] == ["ops"]


def test_roles_are_ordered() -> None:
    assert may("admin", "analyst") and may("analyst", "viewer") and may("viewer", "viewer")
    assert not may("viewer", "analyst") and not may("analyst", "admin")


def test_every_write_is_audited_with_who_before_and_after(bench: Workbench, tmp_path: Path) -> None:
    text_ = "Airwars said the plant grew."
    bench.store.add_document(Document(text=text_, publisher="Airwars"), Analysis(text_))
    bench.publishers.rate("airwars", "B")
    bench.publishers.rate("Airwars", "C")
    bench.watchlist.add("Alabuga", "FAC", ["Алабуга"])
    rules = tmp_path / "rules.yaml"
    rules.write_text("- id: denials\n  on: claim\n  when: {stance: denies}\n", encoding="utf-8")
    bench.watch.add_rules_file(rules)
    bench.watch.remove("denials")
    bench.accounts.add("viv", "viewer")
    entries = list(reversed(bench.audit.entries()))
    assert [e.action for e in entries] == [
        "publisher.rate", "publisher.rate", "watchlist.add", "watch.rule.save", "watch.rule.remove",
        "account.add",
    ]
    assert all(e.actor == "ana" for e in entries)
    assert (entries[0].before, entries[0].after) == ("F", "B")
    assert (entries[1].before, entries[1].after) == ("B", "C")
    assert entries[3].before is None and entries[3].after["when"] == {"stance": "denies"}
    assert entries[4].before == entries[3].after and entries[4].after is None
    assert "token" not in str(entries[5].after)
    assert bench.audit.entries(actor="someone else") == []


def test_users_and_audit_on_the_cli(tmp_path: Path) -> None:
    db = ["--db", str(tmp_path / "w.db")]
    runner = CliRunner()
    added = runner.invoke(build_app(), [*db, "users", "add", "ana", "--role", "analyst"])
    assert added.exit_code == 0, added.output
    token = added.stdout.strip().splitlines()[-1]
    assert token.startswith("wf_")
    listed = runner.invoke(build_app(), [*db, "users", "list"]).stdout
    assert "ana" in listed and "analyst" in listed and token not in listed
    assert runner.invoke(build_app(), [*db, "users", "add", "x", "--role", "root"]).exit_code == 2
    assert runner.invoke(build_app(), [*db, "users", "revoke", "ana"]).exit_code == 0
    audit = runner.invoke(build_app(), [*db, "audit", "--format", "jsonl"]).stdout
    assert '"account.add"' in audit and '"account.revoke"' in audit and '"cli:' in audit
