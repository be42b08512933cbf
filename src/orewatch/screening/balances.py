"""Facility balances: does opening + received + produced − consumed − shipped = closing?

A first check of each facility-month-material against its own arithmetic, with a
tolerance learned from the population (most balances close within rounding), plus
output per unit of input against the facility's own history. The chain layer will add
counterparty reconciliation and yields from the materials catalogue.
"""

from __future__ import annotations

import polars as pl

#: Relative gaps below this are rounding whatever the population says.
MIN_RELATIVE_GAP = 0.01
#: How many robust spreads from zero a relative gap must be to count.
GAP_SPREADS = 6.0
YIELD_Z = -3.5

FACILITY_SCHEMA = {
    "facility_id": pl.String(),
    "period": pl.String(),
    "material": pl.String(),
    "gap_kg": pl.Float64(),
    "score": pl.Float64(),
    "reasons": pl.String(),
    "evidence": pl.String(),
}


def balance_gaps(production: pl.DataFrame | None) -> pl.DataFrame:
    """Facility-months whose balance does not close, or whose yield fell, ranked."""
    if production is None or production.is_empty():
        return pl.DataFrame(schema=FACILITY_SCHEMA)
    f = (
        production.with_columns(
            [
                pl.col(c).fill_null(0.0)
                for c in (
                    "opening_kg",
                    "received_kg",
                    "produced_kg",
                    "consumed_kg",
                    "shipped_kg",
                    "closing_kg",
                )
            ]
        )
        .with_columns(
            (
                pl.col("opening_kg")
                + pl.col("received_kg")
                + pl.col("produced_kg")
                - pl.col("consumed_kg")
                - pl.col("shipped_kg")
                - pl.col("closing_kg")
            ).alias("gap_kg"),
            pl.max_horizontal(
                pl.col("opening_kg") + pl.col("received_kg") + pl.col("produced_kg"), pl.lit(1.0)
            ).alias("throughput"),
        )
        .with_columns((pl.col("gap_kg") / pl.col("throughput")).alias("rel_gap"))
    )
    spread = (
        f.select(1.4826 * (pl.col("rel_gap") - pl.col("rel_gap").median()).abs().median()).item()
        or 0.0
    )
    threshold = max(MIN_RELATIVE_GAP, GAP_SPREADS * float(spread))
    # Yield: produced against what went in, compared with the facility's own months.
    f = f.with_columns(
        pl.when(pl.col("consumed_kg") > 0)
        .then((pl.col("produced_kg") / pl.col("consumed_kg")).log())
        .alias("log_yield")
    ).with_columns(
        (
            (pl.col("log_yield") - pl.col("log_yield").median().over("facility_id", "material"))
            / pl.max_horizontal(
                1.4826
                * (
                    pl.col("log_yield")
                    - pl.col("log_yield").median().over("facility_id", "material")
                )
                .abs()
                .median()
                .over("facility_id", "material"),
                pl.lit(0.02),
            )
        ).alias("yield_z")
    )
    gap_hit = pl.col("rel_gap").abs() > threshold
    yield_hit = (pl.col("yield_z") < YIELD_Z).fill_null(False)
    flagged = f.filter(gap_hit | yield_hit)
    return flagged.select(
        "facility_id",
        "period",
        "material",
        pl.col("gap_kg").round(3),
        (
            pl.col("rel_gap").abs() / threshold
            + (-pl.col("yield_z").fill_null(0.0)).clip(0, None) / 3.5
        ).alias("score"),
        pl.concat_str(
            [
                pl.when(gap_hit).then(pl.lit("BALANCE_GAP")),
                pl.when(yield_hit).then(pl.lit("YIELD_DROP")),
            ],
            separator=";",
            ignore_nulls=True,
        ).alias("reasons"),
        pl.format(
            "gap {} kg ({}% of throughput; tolerance {}%)",
            pl.col("gap_kg").round(1),
            (pl.col("rel_gap") * 100).round(2),
            round(threshold * 100, 2),
        ).alias("evidence"),
    ).sort("score", descending=True)
