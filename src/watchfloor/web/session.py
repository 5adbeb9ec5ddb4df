"""Signing in to the workbench: an API token becomes a session cookie; every form carries a CSRF token.

The cookie holds the account's token (HttpOnly, SameSite=Strict, Path=/; Secure behind HTTPS), so
revoking the account ends its sessions at once and nothing else is kept on the server. A form's CSRF
token is an HMAC of the session token: a page of another origin can neither read it nor, with
SameSite=Strict, send the cookie; writes check both the token and, when the browser sends one, the
Origin header.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from fastapi import HTTPException, Request, status

from watchfloor.service.accounts import may
from watchfloor.service.workbench import Workbench
from watchfloor.store.base import Account

COOKIE = "watchfloor_session"
#: Longest token looked at (real ones are ~46 characters).
MAX_TOKEN = 200


@dataclass(slots=True)
class Visitor:
    """Who is looking at a page: their account, a workbench acting as them, and the form token."""

    account: Account
    bench: Workbench
    csrf: str

    def may(self, role: str) -> bool:
        return may(self.account.role, role)


def csrf_token(session_token: str) -> str:
    return hmac.new(session_token.encode(), b"watchfloor csrf", hashlib.sha256).hexdigest()[:40]


def _bench(request: Request, actor: str | None = None) -> Workbench:
    return Workbench(request.app.state.store, request.app.state.settings, actor=actor)


def account_for(request: Request, token: str) -> Account | None:
    """The account a token names (None for an unknown, revoked or oversized one)."""
    if not token or len(token) > MAX_TOKEN:
        return None
    return _bench(request).accounts.authenticate(token)


class SignInRequired(Exception):
    """Raised by a page for a visitor without a session; answered with a redirect to the sign-in page."""

    def __init__(self, next_path: str) -> None:
        self.next_path = next_path


def sign_in_url(next_path: str) -> str:
    return "/signin?next=" + quote(safe_next(next_path), safe="/")


def safe_next(path: str | None) -> str:
    """Where to go after signing in: a path on this site, never another origin."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    parts = urlsplit(path)
    return "/" if parts.scheme or parts.netloc else path


def visitor(request: Request, role: str = "viewer") -> Visitor:
    """The signed-in visitor, holding at least ``role`` (403 otherwise); SignInRequired without one."""
    token = request.cookies.get(COOKIE, "")
    account = account_for(request, token)
    if account is None:
        raise SignInRequired(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
    if not may(account.role, role):
        raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role} role; {account.name} is "
                            f"{account.role}")
    return Visitor(account, _bench(request, actor=account.name), csrf_token(token))


def checked_form(request: Request, form_csrf: str | None, role: str = "analyst") -> Visitor:
    """The visitor of a form post, after its CSRF token and origin are checked (403 if either is wrong)."""
    who = visitor(request, role)
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.url.netloc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "a form from another site was refused")
    if not form_csrf or not hmac.compare_digest(form_csrf, who.csrf):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the form's security token is missing or stale; "
                            "reload the page and try again")
    return who
