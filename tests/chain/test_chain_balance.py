"""Mass balance: gaps beyond learned tolerances, late reports and rounding never flagged."""

from __future__ import annotations

import polars as pl
from chain_factories import ChainSpec, chain_tables
from hypothesis import given, settings
from hypothesis import strategies as st

from orewatch.chain.balance import MIN_RELATIVE, ROUNDING_UNITS, reconcile


def _flagged(production: pl.DataFrame) -> pl.DataFrame:
    rows, _ = reconcile(production)
    return rows.filter(pl.col("gap_ratio").abs() > 1)


def test_honest_chain_closes() -> None:
    rows, tol = reconcile(chain_tables()["production"])
    assert rows.height == 48
    assert rows["gap_ratio"].abs().max() < 1  # type: ignore[operator]
    assert tol.units == ROUNDING_UNITS
    assert tol.relative == MIN_RELATIVE


def test_missing_output_is_a_gap_of_the_missing_kg() -> None:
    flagged = _flagged(chain_tables(ChainSpec(gap_month=6))["production"])
    assert flagged.select("facility_id", "period", "material").rows() == [
        ("FR", "2025-07", "gallium:metal")
    ]
    assert abs(flagged["gap_kg"][0] - 22.8) < 0.2


def test_late_report_closes_and_keeps_continuity() -> None:
    rows, _ = reconcile(chain_tables(ChainSpec(late_month=4))["production"])
    assert rows.height == 47
    assert rows["gap_ratio"].abs().max() < 1  # type: ignore[operator]
    assert rows["continuity_ratio"].max() < 1  # type: ignore[operator]


def test_rounding_unit_is_detected_per_balance() -> None:
    production = pl.DataFrame(
        {
            "facility_id": ["A", "A", "B"],
            "period": ["2025-01", "2025-02", "2025-01"],
            "material": ["x", "x", "y"],
            "opening_kg": [0.0, 10.0, 1.5],
            "received_kg": [100.0, 90.0, 2.2],
            "produced_kg": [0.0, 0.0, 0.0],
            "consumed_kg": [0.0, 0.0, 0.0],
            "shipped_kg": [90.0, 100.0, 1.0],
            "closing_kg": [10.0, 0.0, 2.7],
        }
    )
    rows, _ = reconcile(production)
    assert dict(zip(rows["facility_id"], rows["unit"], strict=True)) == {"A": 1.0, "B": 0.1}


def test_noisy_population_widens_the_tolerance() -> None:
    base = chain_tables()["production"]
    sign = (pl.int_range(pl.len()) % 2) * 2 - 1
    noisy = base.with_columns(
        (pl.col("closing_kg") + sign * 0.01 * (pl.col("received_kg") + pl.col("produced_kg")))
        .round(1)
        .alias("closing_kg")
    )
    rows, tol = reconcile(noisy)
    assert tol.relative > MIN_RELATIVE
    assert rows["gap_ratio"].abs().max() < 1  # type: ignore[operator]


@settings(max_examples=40, deadline=None)
@given(
    flows=st.lists(
        st.tuples(*[st.floats(0, 1e6, allow_nan=False) for _ in range(4)]), min_size=1, max_size=30
    ),
    decimals=st.sampled_from([0, 1]),
)
def test_rounded_honest_balances_are_never_flagged(
    flows: list[tuple[float, float, float, float]], decimals: int
) -> None:
    rows = []
    opening = 0.0
    for m, (rec, prod, cons, ship) in enumerate(flows):
        cons = min(cons, opening + rec + prod)
        ship = min(ship, opening + rec + prod - cons)
        closing = opening + rec + prod - cons - ship
        rows.append(
            [round(v, decimals) for v in (opening, rec, prod, cons, ship, closing)]
            + [f"{2020 + m // 12}-{m % 12 + 1:02d}"]
        )
        opening = closing
    frame = pl.DataFrame(
        rows,
        schema=[
            "opening_kg",
            "received_kg",
            "produced_kg",
            "consumed_kg",
            "shipped_kg",
            "closing_kg",
            "period",
        ],
        orient="row",
    ).with_columns(pl.lit("F").alias("facility_id"), pl.lit("m").alias("material"))
    assert _flagged(frame).is_empty()
