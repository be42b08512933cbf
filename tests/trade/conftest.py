"""Small trade-statistics panels with known answers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import polars as pl
import pytest

Row = tuple[str, str, str, str, str, float]


def _frame(rows: list[Row]) -> pl.DataFrame:
    return pl.DataFrame(
        rows,
        schema={
            "reporter": pl.String,
            "partner": pl.String,
            "flow": pl.String,
            "hs_code": pl.String,
            "period": pl.String,
            "value_usd": pl.Float64,
        },
        orient="row",
    ).with_columns(pl.col("value_usd").alias("quantity_kg"))


@pytest.fixture
def trade_frame() -> Callable[[list[Row]], pl.DataFrame]:
    """Build a trade_stats frame from (reporter, partner, flow, hs, period, usd) rows."""
    return _frame


MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]


@pytest.fixture
def months() -> list[str]:
    """2023-01 .. 2024-12; the control in these panels takes effect on 2024-01-01."""
    return MONTHS


@pytest.fixture
def controls() -> pl.DataFrame:
    return pl.DataFrame(
        {"hs6": ["811292"], "control_date": [date(2024, 1, 1)], "elements": ["gallium"]}
    )


@pytest.fixture
def diversion_panel() -> pl.DataFrame:
    """China ships 811292 to TH, MY, SG and US; after the control (2024-01) China's
    direct exports to the US fall from 100k to 20k a month and TH's exports to the US
    jump from ~5k to ~60k (with a wobble), while MY and SG re-export steadily."""
    rows: list[Row] = []
    for i, period in enumerate(MONTHS):
        after = period >= "2024-01"
        wobble = 1.0 + 0.1 * ((i % 3) - 1)
        rows += [
            ("CN", "US", "export", "811292", period, 20_000.0 if after else 100_000.0),
            ("CN", "TH", "export", "811292", period, 80_000.0 if after else 10_000.0),
            ("CN", "MY", "export", "811292", period, 10_000.0),
            ("CN", "SG", "export", "811292", period, 40_000.0),
            ("TH", "US", "export", "811292", period, (60_000.0 if after else 5_000.0) * wobble),
            ("MY", "US", "export", "811292", period, 2_000.0 * wobble),
            ("SG", "US", "re_export", "811292", period, 10_000.0 * wobble),
        ]
    return _frame(rows)
