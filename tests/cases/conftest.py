"""Fixtures for the case tests: every store test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from case_support import BACKENDS, fast_hasher, open_store, populate

from orewatch.cases.auth import Principal
from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore


@pytest.fixture(params=BACKENDS)
def case_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[CaseStore]:
    store = open_store(request.param, tmp_path)
    yield store
    store.close()


@pytest.fixture
def service(case_store: CaseStore) -> CaseService:
    service = CaseService(case_store, fast_hasher())
    populate(service)
    return service


@pytest.fixture
def people(service: CaseService) -> dict[str, Principal]:
    """The test users' principals by username."""
    return {name: service.principal(name) for name in ("ana", "sup", "aud", "cop", "hk", "mo")}
