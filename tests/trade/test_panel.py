from datetime import date

import polars as pl
import pytest

from orewatch.trade.panel import dispersion, filled_panel

CONTROLS = pl.DataFrame({"hs6": ["811292"], "control_date": [date(2024, 1, 1)]})
MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]


def _series(rows: list[tuple[str, str, float]]) -> pl.DataFrame:
    """country, YYYY-MM, USD -> a monthly 811292 series with period bounds."""
    return (
        pl.DataFrame(rows, schema=["country", "period", "value_usd"], orient="row")
        .with_columns(
            pl.lit("811292").alias("hs6"),
            pl.lit("month").alias("grain"),
            (pl.col("period") + "-01").str.to_date().alias("start"),
        )
        .with_columns(pl.col("start").dt.month_end().alias("end"))
        .drop("period")
    )


def test_missing_months_are_filled_with_zero() -> None:
    rows = [("TH", p, 5.0) for p in MONTHS[:3]] + [("MY", MONTHS[5], 7.0)]
    panel = filled_panel(_series(rows))
    assert panel.height == 2 * 4  # both countries x the 4 months anyone traded
    assert panel.filter(pl.col("country") == "MY")["value_usd"].sum() == 7.0


def test_large_flows_swinging_in_proportion_give_kappa() -> None:
    """Six small routes of 10k consignments (0, 1 or 2 a month) and five large ones
    swinging ±30% a month: phi is the consignment's variance-to-mean (8,000 here),
    kappa the large flows' squared coefficient of variation (0.09 x 12/11)."""
    rows = [(f"S{j}", p, 10_000.0 * ((i + j) % 3)) for j in range(6) for i, p in enumerate(MONTHS)]
    rows += [
        (f"L{j}", p, 1e7 * (1.3 if i % 2 else 0.7)) for j in range(5) for i, p in enumerate(MONTHS)
    ]
    got = dispersion(_series(rows), CONTROLS).row(0, named=True)
    assert got["phi"] == pytest.approx(1e8 * 8 / 11 / 1e4, rel=1e-6)
    assert got["kappa"] == pytest.approx(0.09 * 12 / 11 - got["phi"] / 1e7, rel=1e-6)


def test_only_lumpy_routes_give_no_kappa() -> None:
    rows = [(f"S{j}", p, 10_000.0 * ((i + j) % 3)) for j in range(6) for i, p in enumerate(MONTHS)]
    assert dispersion(_series(rows), CONTROLS)["kappa"][0] == 0.0
