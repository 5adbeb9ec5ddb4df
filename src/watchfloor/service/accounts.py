"""API accounts: a role and a token shown once; only the token's SHA-256 is kept."""

from __future__ import annotations

import hashlib
import re
import secrets

from watchfloor.errors import WatchfloorError
from watchfloor.service.audit import Audit
from watchfloor.store.base import ROLES, Account, Store

#: Prefix of every token, so that a leaked one is recognisable.
TOKEN_PREFIX = "wf_"
_NAME = re.compile(r"^[\w.@-]{1,100}$")


def token_hash(token: str) -> str:
    """SHA-256 of a token (tokens are 256 random bits, so no slow hash is needed)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def may(role: str, needed: str) -> bool:
    """Whether ``role`` is allowed what ``needed`` is (viewer < analyst < admin)."""
    return ROLES.index(role) >= ROLES.index(needed)


class AccountService:
    def __init__(self, store: Store, audit: Audit) -> None:
        self.store = store
        self.audit = audit

    def add(self, name: str, role: str) -> tuple[Account, str]:
        """A new account and its token; the token is returned this once and never stored."""
        if not _NAME.match(name):
            raise WatchfloorError(f"account name {name!r}: use 1–100 letters, digits, '.', '_', '@' or '-'")
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        account = self.store.add_account(name, role, token_hash(token))
        self.audit.record("account.add", name, after={"role": role})
        return account, token

    def all(self) -> list[Account]:
        return self.store.accounts()

    def revoke(self, name: str) -> Account:
        account = self.store.revoke_account(name)
        self.audit.record("account.revoke", name, before={"role": account.role}, after={"revoked": True})
        return account

    def authenticate(self, token: str) -> Account | None:
        """The active account holding ``token``, or None."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        return self.store.account_by_token_hash(token_hash(token))
