"""The workbench's state, held on ``app.state`` (never module-level).

:class:`Workbench` bundles the case service, the loaded screening outputs and the
templates. It is built once per app: either handed in (tests, ``orewatch serve``) or
built on first request from the app's :class:`~orewatch.settings.Settings`.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, select_autoescape

from orewatch.cases.bootstrap import ensure_agencies
from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore, cases_url
from orewatch.settings import Settings
from orewatch.web.outputs import Outputs


@dataclass(frozen=True)
class WorkbenchConfig:
    """Where the workbench's data is: the case store URL and the demo/screen folders.

    ``OREWATCH_CASES_URL`` (default ``home/cases.sqlite``), ``OREWATCH_WORKBENCH_DATA``
    (a folder holding ``screen/`` and ``world/``, default ``home/demo``).
    """

    cases_url: str
    data_dir: Path

    @classmethod
    def from_env(cls, settings: Settings, env: Mapping[str, str] | None = None) -> WorkbenchConfig:
        env = os.environ if env is None else env
        data = env.get("OREWATCH_WORKBENCH_DATA")
        return cls(
            cases_url=cases_url(settings, env),
            data_dir=Path(data).expanduser() if data else settings.home / "demo",
        )

    @property
    def screen_dir(self) -> Path:
        return self.data_dir / "screen"

    @property
    def world_dir(self) -> Path:
        return self.data_dir / "world"


@dataclass(frozen=True)
class Workbench:
    """Everything a view needs."""

    service: CaseService
    outputs: Outputs
    templates: Jinja2Templates
    secure_cookies: bool = False


def templates() -> Jinja2Templates:
    """The page templates (autoescaped, from the package)."""
    env = Environment(
        loader=PackageLoader("orewatch.web", "templates"),
        autoescape=select_autoescape(["html"]),
    )
    return Jinja2Templates(env=env)


def build(config: WorkbenchConfig, service: CaseService | None = None) -> Workbench:
    """Open the case store, make sure the agencies exist, load the outputs."""
    service = service or CaseService(CaseStore.open(config.cases_url))
    ensure_agencies(service)
    outputs = Outputs.load(config.screen_dir, config.world_dir)
    return Workbench(service=service, outputs=outputs, templates=templates())


async def workbench(request: Request) -> Workbench:
    """The app's workbench, built on first use (on the event loop, so only once)."""
    state = request.app.state
    existing: Workbench | None = getattr(state, "workbench", None)
    if existing is not None:
        return existing
    lock: asyncio.Lock | None = getattr(state, "workbench_lock", None)
    if lock is None:
        lock = asyncio.Lock()
        state.workbench_lock = lock
    async with lock:
        existing = getattr(state, "workbench", None)
        if existing is None:
            settings: Settings = getattr(state, "settings", None) or Settings.from_env()
            config = WorkbenchConfig.from_env(settings)
            existing = await asyncio.to_thread(build, config)
            state.workbench = existing
    return existing
