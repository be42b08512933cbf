"""The FastAPI application: ``create_app()`` mounts every concern's router.

Each concern owns its router module (``APIRouter`` named ``router``) and this file only
lists them, so the OpenAPI document describes the whole system in one place.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import import_module

from fastapi import Depends, FastAPI

from orewatch import __version__
from orewatch.api.security import api_analyst
from orewatch.api.state import fit_from_warehouse
from orewatch.screening.screener import Screener
from orewatch.settings import Settings

#: Router modules, each exposing ``router: fastapi.APIRouter``.
ROUTERS: tuple[str, ...] = (
    "orewatch.api.screen",
    "orewatch.chain.api",
    "orewatch.parties.api",
    "orewatch.web.api",
    "orewatch.web.pages",
)

#: Routers whose every route checks its own session or token and permission.
SELF_AUTHORISED: frozenset[str] = frozenset({"orewatch.web.api", "orewatch.web.pages"})


def create_app(settings: Settings | None = None, screener: Screener | None = None) -> FastAPI:
    """Build the app; ``settings`` default to the ``OREWATCH_*`` environment.

    The screener is the one given, or fitted at start-up on the warehouse
    (``settings.db``); without one, ``/v1/screen`` answers 503 and says why.
    """
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.screener is None:
            app.state.screener = fit_from_warehouse(settings.db)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="orewatch",
        version=__version__,
        description="Export-control enforcement for strategic minerals: screening, parties, "
        "chain of custody, trade routes and cases.",
    )
    app.state.settings = settings
    app.state.screener = screener
    for module in ROUTERS:
        # Deny by default: the workbench routers authorise each route themselves (pages by
        # session, /api/v1 by token and permission); every other router needs an analyst.
        guard = [] if module in SELF_AUTHORISED else [Depends(api_analyst)]
        app.include_router(import_module(module).router, dependencies=guard)
    return app
