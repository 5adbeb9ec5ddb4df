"""The FastAPI application: routes under ``/api/v1/``, OpenAPI at ``/api/openapi.json``, errors as
RFC 9457 problem JSON (``type``, ``title``, ``status``, ``detail``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from watchfloor import __version__
from watchfloor.api import review, sources
from watchfloor.api.problems import PROBLEM_RESPONSES, problem
from watchfloor.api.routes import router
from watchfloor.config import Settings
from watchfloor.errors import InputError, NotFoundError, WatchfloorError
from watchfloor.service.workbench import Workbench
from watchfloor.web import app as web


def create_app(settings: Settings) -> FastAPI:
    """The API over the workspace ``settings`` names (its store is opened once, at start-up)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        with Workbench.open(settings) as opened:  # one store (and engine) for every request
            app.state.store = opened.store
            yield

    app = FastAPI(title="watchfloor", version=__version__, openapi_url="/api/openapi.json",
                  docs_url=None, redoc_url=None, lifespan=lifespan)  # Swagger UI would load from a CDN
    app.state.settings = settings

    def answer(request: Request, status: int, detail: str, headers: dict[str, str] | None = None
               ) -> Response:
        """Problem JSON for the API; an error page for the workbench."""
        if web.is_page(request):
            return web.error_page(request, status, detail)
        return problem(status, detail, headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return answer(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        return answer(request, 422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(WatchfloorError)
    async def refused(request: Request, exc: WatchfloorError) -> Response:
        status = 404 if isinstance(exc, NotFoundError) else 422 if isinstance(exc, InputError) else 400
        return answer(request, status, str(exc))

    app.include_router(router, prefix="/api/v1", responses=PROBLEM_RESPONSES)
    app.include_router(review.router, prefix="/api/v1", responses=PROBLEM_RESPONSES)
    app.include_router(sources.router, prefix="/api/v1", responses=PROBLEM_RESPONSES)
    web.install(app)
    return app
