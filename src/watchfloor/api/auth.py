"""Who calls: a bearer token names an account; each route needs a role (viewer < analyst < admin).

No token is 401, a role too low is 403. The workbench a route gets writes its audit entries as the
account that called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from watchfloor.config import Settings
from watchfloor.service.accounts import may
from watchfloor.service.workbench import Workbench
from watchfloor.store.base import Account, Store

bearer = HTTPBearer(auto_error=False, description="An API token from `watchfloor users add`.")


def bench_of(request: Request, actor: str | None = None) -> Workbench:
    """A workbench on the app's store (opened once, at start-up) acting as ``actor``."""
    store: Store = request.app.state.store
    settings: Settings = request.app.state.settings
    return Workbench(store, settings, actor=actor)


def caller(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Account:
    """The account whose token came with the request (401 without a valid one)."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "a bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})
    account = bench_of(request).accounts.authenticate(credentials.credentials)
    if account is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "unknown or revoked token",
                            headers={"WWW-Authenticate": "Bearer"})
    return account


def workbench_for(role: str) -> Callable[..., Workbench]:
    """A dependency: the workspace for a caller holding at least ``role`` (403 otherwise)."""

    def dependency(request: Request, account: Annotated[Account, Depends(caller)]) -> Workbench:
        if not may(account.role, role):
            raise HTTPException(status.HTTP_403_FORBIDDEN, f"this needs the {role} role; {account.name} is "
                                f"{account.role}")
        return bench_of(request, actor=account.name)

    return dependency


Viewer = Annotated[Workbench, Depends(workbench_for("viewer"))]
Analyst = Annotated[Workbench, Depends(workbench_for("analyst"))]
Admin = Annotated[Workbench, Depends(workbench_for("admin"))]
