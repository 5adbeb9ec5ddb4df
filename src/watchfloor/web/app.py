"""The workbench on the API's app: its pages and forms, its static files (ours and the npm libraries
``make`` installs), security headers on every response, and errors shown as pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from watchfloor.web import actions, lists, pages
from watchfloor.web.render import page
from watchfloor.web.session import SignInRequired, sign_in_url

STATIC = Path(__file__).parent / "static"
#: No inline script or style, nothing from another origin, no framing, forms only to us.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'self'; frame-ancestors 'self'; "
    "form-action 'self'"
)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def is_page(request: Request) -> bool:
    """Whether a request is for the workbench (an HTML page), not the JSON API."""
    return not request.url.path.startswith("/api")


def error_page(request: Request, status: int, detail: str) -> Response:
    return page(request, None, "error.html.j2", status_code=status, status=status, detail=detail)


def install(app: FastAPI) -> None:
    """Add the workbench's routes, static files and headers to the app."""
    app.include_router(pages.router)
    app.include_router(lists.router)
    app.include_router(actions.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(SignInRequired)
    async def sign_in_first(request: Request, exc: SignInRequired) -> Response:
        return RedirectResponse(sign_in_url(exc.next_path), status_code=303)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]
                               ) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        for header, value in SECURITY_HEADERS.items():
            response.headers.setdefault(header, value)
        return response
