from __future__ import annotations

import polars as pl
import pytest
from party_factories import tables


@pytest.fixture(scope="module")
def ring_tables() -> dict[str, pl.DataFrame]:
    """The hand-made dataset of ``party_factories`` (one ring, one chain, one trap)."""
    return tables()
