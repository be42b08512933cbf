"""Getting the workbench ready to serve on embedded defaults.

If the data folder holds no screening outputs, a small demo world is generated,
ingested and screened into it (:func:`orewatch.demo.run_demo`); the case store is
opened and migrated; the agencies are created; on an empty store the demo users are
created with the given password (printed once by ``orewatch serve``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from argon2 import PasswordHasher

from orewatch.cases.bootstrap import DEMO_USERS, ensure_demo_users
from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore
from orewatch.web.context import Workbench, WorkbenchConfig, build


@dataclass(frozen=True)
class Launch:
    """A ready workbench and whether the demo users were created just now."""

    workbench: Workbench
    users_created: bool
    demo_generated: bool


def ensure_demo_data(config: WorkbenchConfig, lines: int, step: Callable[[str], None]) -> bool:
    """Generate and screen a demo world into the data folder unless outputs exist."""
    if (config.screen_dir / "alerts.csv").exists():
        return False
    from orewatch.demo import run_demo

    run_demo(config.data_dir, lines=lines, step=step)
    return True


def prepare(
    config: WorkbenchConfig,
    password: str,
    lines: int = 20_000,
    step: Callable[[str], None] | None = None,
    password_hasher: PasswordHasher | None = None,
) -> Launch:
    """Demo data if missing, case store migrated, agencies and demo users present."""
    generated = ensure_demo_data(config, lines, step or (lambda _s: None))
    service = CaseService(CaseStore.open(config.cases_url), password_hasher)
    bench = build(config, service)
    created = ensure_demo_users(service, password)
    return Launch(bench, created, generated)


def demo_logins() -> list[tuple[str, str, str]]:
    """(username, agency, roles) of the demo users, for the start-up message."""
    return [(u, a, " ".join(r)) for u, a, r, _ in DEMO_USERS]
