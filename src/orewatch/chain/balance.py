"""Mass balance of every facility-month-material, with tolerances learned from the data.

opening + received + produced - consumed - shipped = closing must hold for each
reported month, and each month's opening must be the previous report's closing. Honest
reports miss by rounding (each of six figures rounded to the report's unit) and by
measurement noise proportional to throughput; both allowances are measured on the
population, so a dataset with noisier scales gets wider tolerances instead of a flood of
alerts. A late report (a missing month whose flows arrive with the next month) closes on
its own and is never a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.chain.periods import month_number

FLOWS = ("opening_kg", "received_kg", "produced_kg", "consumed_kg", "shipped_kg", "closing_kg")
KEY = ("facility_id", "material")
#: Six rounded figures each off by at most half a unit.
ROUNDING_UNITS = 3.0
#: A relative gap below this is measurement whatever the population says.
MIN_RELATIVE = 0.005
#: How many robust spreads of the population's relative gaps a gap must exceed.
SPREADS = 6.0


@dataclass(frozen=True)
class Tolerance:
    """What an honest balance may miss by: ``units`` rounding units or ``relative`` x
    throughput, whichever is larger."""

    units: float
    relative: float


def _row_unit() -> pl.Expr:
    """The coarsest rounding unit (1, 0.1 or 0.01 kg) consistent with every figure."""

    def all_multiples(scale: float) -> pl.Expr:
        return pl.all_horizontal(
            [((pl.col(c) * scale) - (pl.col(c) * scale).round(0)).abs() < 1e-6 for c in FLOWS]
        )

    return pl.when(all_multiples(1.0)).then(1.0).when(all_multiples(10.0)).then(0.1).otherwise(0.01)


def balance_rows(production: pl.DataFrame) -> pl.DataFrame:
    """One row per reported facility-month-material with its gap and continuity break.

    ``gap_kg`` > 0: material that arrived or was made and is neither consumed, shipped nor
    in stock; < 0: more left or stayed than came in. ``continuity_kg``: opening minus the
    previous report's closing (null for a first report).
    """
    inflow = pl.col("opening_kg") + pl.col("received_kg") + pl.col("produced_kg")
    return (
        production.select("facility_id", "period", "material", *FLOWS)
        .with_columns([pl.col(c).fill_null(0.0) for c in FLOWS])
        .with_columns(month_number(pl.col("period")).alias("month"), _row_unit().alias("row_unit"))
        .with_columns(pl.col("row_unit").min().over(KEY).alias("unit"))
        .sort(*KEY, "month")
        .with_columns(
            (inflow - pl.col("consumed_kg") - pl.col("shipped_kg") - pl.col("closing_kg"))
            .round(6)
            .alias("gap_kg"),
            pl.max_horizontal(inflow, pl.col("consumed_kg") + pl.col("shipped_kg")).alias(
                "throughput"
            ),
            (pl.col("opening_kg") - pl.col("closing_kg").shift(1).over(KEY))
            .round(6)
            .alias("continuity_kg"),
        )
        .drop("row_unit")
    )


def learn_tolerance(rows: pl.DataFrame) -> Tolerance:
    """Measure honest noise on the population: rounding beyond ``ROUNDING_UNITS`` units is
    allowed where the data shows it, and the relative allowance is ``SPREADS`` robust
    spreads of the relative gaps (the median of their absolute values, scaled)."""
    if rows.is_empty():
        return Tolerance(ROUNDING_UNITS, MIN_RELATIVE)
    stats = rows.select(
        (pl.col("gap_kg").abs() / pl.col("unit")).quantile(0.5).alias("units"),
        (pl.col("gap_kg").abs() / pl.max_horizontal(pl.col("throughput"), pl.lit(1e-9)))
        .median()
        .alias("rel"),
    ).row(0, named=True)
    units = max(ROUNDING_UNITS, SPREADS * 1.4826 * float(stats["units"] or 0.0))
    relative = max(MIN_RELATIVE, SPREADS * 1.4826 * float(stats["rel"] or 0.0))
    return Tolerance(units, relative)


def judge_balances(rows: pl.DataFrame, tolerance: Tolerance) -> pl.DataFrame:
    """Add ``allowed_kg`` and the gap and continuity breaks in multiples of it
    (``gap_ratio`` signed, ``continuity_ratio`` absolute; above 1 is beyond honest noise)."""
    allowed = pl.max_horizontal(
        tolerance.units * pl.col("unit"), tolerance.relative * pl.col("throughput")
    )
    return rows.with_columns(allowed.alias("allowed_kg")).with_columns(
        (pl.col("gap_kg") / pl.col("allowed_kg")).alias("gap_ratio"),
        (pl.col("continuity_kg").abs() / pl.col("allowed_kg"))
        .fill_null(0.0)
        .alias("continuity_ratio"),
    )


def reconcile(production: pl.DataFrame) -> tuple[pl.DataFrame, Tolerance]:
    """Balance rows judged against the tolerance learned from the same population."""
    rows = balance_rows(production)
    tolerance = learn_tolerance(rows)
    return judge_balances(rows, tolerance), tolerance
