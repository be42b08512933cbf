"""The FastAPI application: ``create_app()`` mounts every concern's router.

Each concern owns its router module (``APIRouter`` named ``router``) and this file only
lists them, so the OpenAPI document describes the whole system in one place.
"""

from __future__ import annotations

from importlib import import_module

from fastapi import FastAPI

from orewatch import __version__
from orewatch.settings import Settings

#: Router modules, each exposing ``router: fastapi.APIRouter``.
ROUTERS: tuple[str, ...] = ()


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; ``settings`` default to the ``OREWATCH_*`` environment."""
    app = FastAPI(
        title="orewatch",
        version=__version__,
        description="Export-control enforcement for strategic minerals: screening, parties, "
        "chain of custody, trade routes and cases.",
    )
    app.state.settings = settings or Settings.from_env()
    for module in ROUTERS:
        app.include_router(import_module(module).router)
    return app
