"""Fixtures for the world tests: one small generated world shared by the session."""

from __future__ import annotations

import time

import pytest
from world_support import SMALL_LINES, World

from orewatch.world import generate_world


@pytest.fixture(scope="session")
def world(tmp_path_factory: pytest.TempPathFactory) -> World:
    out = tmp_path_factory.mktemp("world") / "w"
    t0 = time.perf_counter()
    summary = generate_world(out, seed=11, lines=SMALL_LINES)
    return World(out, summary, time.perf_counter() - t0)
