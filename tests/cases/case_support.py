"""Helpers for the case tests: store URLs per backend, a clean PostgreSQL, factories."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import create_engine, text

from orewatch.cases.bootstrap import ensure_agencies
from orewatch.cases.schemas import AlertIn, CaseIn, SubjectIn
from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore

PASSWORD = "correct horse battery"
BACKENDS = ("sqlite", "postgresql")


def fast_hasher() -> PasswordHasher:
    """argon2id with the cheapest parameters: the tests check logic, not cost."""
    return PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)


#: (username, agency, roles)
USERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ana", "customs", ("analyst",)),
    ("sup", "customs", ("supervisor",)),
    ("aud", "customs", ("auditor", "admin")),
    ("cop", "public_security", ("supervisor",)),
    ("hk", "hk_customs", ("partner",)),
    ("mo", "mo_customs", ("partner",)),
)


def pg_url() -> str:
    """The test PostgreSQL URL, or a skip saying how to get one."""
    url = os.environ.get("OREWATCH_TEST_PG_URL", "")
    if not url:
        pytest.skip("OREWATCH_TEST_PG_URL is not set: no PostgreSQL to run the case tests on")
    return url


def wipe_postgresql(url: str) -> None:
    """Drop everything the test role owns, so each test starts from no schema."""
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as connection:
        connection.execute(text("DROP OWNED BY CURRENT_USER CASCADE"))
    engine.dispose()


def open_store(backend: str, tmp_path: Path) -> CaseStore:
    """A fresh, migrated store on ``backend``."""
    if backend == "sqlite":
        return CaseStore.open(f"sqlite:///{tmp_path / 'cases.sqlite'}")
    url = pg_url()
    wipe_postgresql(url)
    return CaseStore.open(url)


def populate(service: CaseService) -> None:
    """Standard agencies and the test users."""
    ensure_agencies(service)
    for username, agency, roles in USERS:
        service.create_user(username, PASSWORD, agency, roles)


def alert(declaration_id: str = "010120250000000001", line_no: int = 1) -> AlertIn:
    return AlertIn(
        declaration_id=declaration_id,
        line_no=line_no,
        score=0.93,
        channel="red",
        reasons="HS_MISDECLARED;VALUE_LOW",
        explanation="declared as steel, priced like gallium; exporter 张伟 e-mail zw@example.com",
    )


def case_in(title: str = "Gallium as steel", subjects: bool = True) -> CaseIn:
    return CaseIn(
        title=title,
        summary="张伟 of 91350100M000100Y43 shipped gallium declared as steel.",
        alerts=[alert(), alert("010120250000000002", 2)],
        subjects=[
            SubjectIn(party_id="P000001", name="张伟", role="director", personal=True),
            SubjectIn(party_id="91350100M000100Y43", name="厦门某贸易有限公司"),
        ]
        if subjects
        else [],
    )
