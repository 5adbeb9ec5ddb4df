"""API accounts and the audit log in the SQL store. Tokens are never stored, only their SHA-256."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from watchfloor.errors import NotFoundError, WatchfloorError
from watchfloor.store.base import ROLES, Account, AuditEntry
from watchfloor.store.engine import SqlSessions
from watchfloor.store.rows import from_row, now
from watchfloor.store.tables import AccountRow, AuditRow


class AccountsMixin(SqlSessions):
    """Adding, finding and revoking accounts; writing and reading the audit log."""

    def add_account(self, name: str, role: str, token_hash: str) -> Account:
        if role not in ROLES:
            raise WatchfloorError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        try:
            with self._write.begin() as session:
                row = AccountRow(name=name, role=role, token_hash=token_hash, created_at=now())
                session.add(row)
                session.flush()
                return from_row(Account, row)
        except IntegrityError:
            raise WatchfloorError(f"an account named {name!r} exists already") from None

    def accounts(self) -> list[Account]:
        with self._read() as session:
            rows = session.scalars(select(AccountRow).order_by(AccountRow.id))
            return [from_row(Account, row) for row in rows]

    def account_by_token_hash(self, token_hash: str) -> Account | None:
        active = (AccountRow.token_hash == token_hash, AccountRow.revoked_at.is_(None))
        statement = select(AccountRow).where(*active)
        with self._read() as session:
            row = session.scalar(statement)
            return from_row(Account, row) if row is not None else None

    def revoke_account(self, name: str) -> Account:
        with self._write.begin() as session:
            row = session.scalar(select(AccountRow).where(AccountRow.name == name))
            if row is None:
                raise NotFoundError(f"no account named {name!r}")
            if row.revoked_at is None:
                row.revoked_at = now()
            session.flush()
            return from_row(Account, row)

    def add_audit(self, actor: str, action: str, subject: str, before: Any = None, after: Any = None) -> None:
        with self._write.begin() as session:
            session.add(
                AuditRow(at=now(), actor=actor, action=action, subject=subject, before=before, after=after)
            )

    def audit(self, *, limit: int = 200, actor: str | None = None) -> list[AuditEntry]:
        statement = select(AuditRow).order_by(AuditRow.at.desc(), AuditRow.id.desc()).limit(max(limit, 0))
        if actor:
            statement = statement.where(AuditRow.actor == actor)
        with self._read() as session:
            return [from_row(AuditEntry, row) for row in session.scalars(statement)]
