"""Leakage: every facility-month judged on all the chain's evidence, and ranked.

Each check gives a ratio in multiples of its own honest-noise threshold (above 1 counts):
the balance gap and the stock carried over, a yield drop while input held, booked
receipts and shipments against the movements, movements no counterparty can have booked,
negative stock, and throughput beyond capacity. A facility-month's score is its strongest
ratio plus a quarter of the others, so several weak traces add up without one strong one
being drowned; every month gets a score (so "the top 5% of facility-months" is defined),
and the reasons are the checks above 1.
"""

from __future__ import annotations

import polars as pl

from orewatch.chain.yields import yield_ratio

#: Ratios are capped so one absurd figure cannot dominate the ranking.
RATIO_CAP = 50.0
#: Weight of the non-strongest ratios in the score.
SUPPORT_WEIGHT = 0.25

#: reason code -> ratio column
CHECKS: dict[str, str] = {
    "BALANCE_GAP": "gap_missing",
    "BALANCE_SURPLUS": "gap_surplus",
    "STOCK_DISCONTINUITY": "continuity_ratio",
    "NEGATIVE_STOCK": "negative_ratio",
    "YIELD_DROP": "yield_drop",
    "RECEIPT_MISMATCH": "receipt_ratio",
    "SHIPMENT_MISMATCH": "shipment_ratio",
    "ONE_SIDED_MOVEMENT": "one_sided_ratio",
    "OVER_CAPACITY": "capacity_ratio",
}


def capacity_rounding(facilities: pl.DataFrame) -> float:
    """The rounding unit of the registry's capacities (the largest of 1000, 100, 10, 1 kg
    that divides every stated capacity): a capacity of 0 may mean "under half a unit"."""
    caps = facilities["capacity_kg_per_year"].drop_nulls()
    caps = caps.filter(caps > 0)
    for unit in (1000.0, 100.0, 10.0):
        if caps.len() and bool(((caps / unit) - (caps / unit).round(0)).abs().max() < 1e-9):  # type: ignore[operator]
            return unit
    return 1.0


def capacity_use(rows: pl.DataFrame, facilities: pl.DataFrame | None) -> pl.DataFrame:
    """``facility_id, month, throughput_12m_kg, capacity_kg, capacity_ratio``: the trailing
    twelve months' largest flow (produced or received) against stated yearly capacity plus
    half its rounding unit. Facilities without a stated capacity are not judged."""
    schema = {
        "facility_id": pl.String(),
        "month": pl.Int32(),
        "throughput_12m_kg": pl.Float64(),
        "capacity_kg": pl.Float64(),
        "capacity_ratio": pl.Float64(),
    }
    if facilities is None or facilities.is_empty():
        return pl.DataFrame(schema=schema)
    half = capacity_rounding(facilities) / 2
    caps = facilities.select("facility_id", "capacity_kg_per_year").filter(
        pl.col("capacity_kg_per_year").is_not_null()
    )
    monthly = (
        rows.group_by("facility_id", "month")
        .agg(pl.max_horizontal("produced_kg", "received_kg").max().alias("flow"))
        .sort("facility_id", "month")
        .with_columns(
            pl.col("flow")
            .rolling_sum_by("month", window_size="12i")
            .over("facility_id")
            .alias("throughput_12m_kg")
        )
    )
    return (
        monthly.join(caps, on="facility_id", how="inner")
        .with_columns((pl.col("capacity_kg_per_year") + half).alias("capacity_kg"))
        .with_columns((pl.col("throughput_12m_kg") / pl.col("capacity_kg")).alias("capacity_ratio"))
        .select(list(schema))
        .cast(schema)  # type: ignore[arg-type]
    )


def _one_sided_per_month(one_sided: pl.DataFrame) -> pl.DataFrame:
    """One-sided kilograms on the books of the side that did report the movement."""
    reporter = (
        pl.when(pl.col("side") == "receiver").then(pl.col("from_id")).otherwise(pl.col("to_id"))
    )
    return (
        one_sided.with_columns(reporter.alias("facility_id"))
        .group_by("facility_id", "material", "month")
        .agg(
            pl.col("quantity_kg").sum().alias("one_sided_kg"),
            pl.col("problem").unique().sort().str.join(",").alias("one_sided_problems"),
        )
    )


def r1(column: str) -> pl.Expr:
    """A kilogram column rounded for reading."""
    return pl.col(column).round(1)


def _evidence() -> pl.Expr:
    def part(check: str, text: pl.Expr) -> pl.Expr:
        return pl.when(pl.col(CHECKS[check]) > 1).then(text)

    return pl.concat_str(
        [
            part(
                "BALANCE_GAP",
                pl.format(
                    "{} kg unaccounted for (tolerance {} kg)",
                    r1("balance_gap_kg"),
                    r1("allowed_kg"),
                ),
            ),
            part(
                "BALANCE_SURPLUS",
                pl.format(
                    "{} kg more out or in stock than came in (tolerance {} kg)",
                    r1("balance_gap_kg").abs(),
                    r1("allowed_kg"),
                ),
            ),
            part(
                "STOCK_DISCONTINUITY",
                pl.format("opening differs from last closing by {} kg", r1("continuity_kg")),
            ),
            part("NEGATIVE_STOCK", pl.format("closing stock {} kg", r1("closing_kg"))),
            part(
                "YIELD_DROP",
                pl.format(
                    "yield {} vs {} expected ({}; robust z {}) with input at {}% of usual",
                    pl.col("yield").round(4),
                    pl.col("expected_yield").round(4),
                    pl.col("yield_basis"),
                    pl.col("yield_z").round(1),
                    (pl.col("input_ratio") * 100).round(0),
                ),
            ),
            part(
                "RECEIPT_MISMATCH",
                pl.format(
                    "booked received {} kg vs {} kg moved in",
                    r1("received_kg"),
                    r1("moved_in_kg"),
                ),
            ),
            part(
                "SHIPMENT_MISMATCH",
                pl.format(
                    "booked shipped {} kg vs {} kg moved out", r1("shipped_kg"), r1("moved_out_kg")
                ),
            ),
            part(
                "ONE_SIDED_MOVEMENT",
                pl.format(
                    "{} kg moved with parties that cannot book it ({})",
                    r1("one_sided_kg"),
                    pl.col("one_sided_problems"),
                ),
            ),
            part(
                "OVER_CAPACITY",
                pl.format(
                    "12-month throughput {} kg vs capacity {} kg",
                    pl.col("throughput_12m_kg").round(0),
                    pl.col("capacity_kg").round(0),
                ),
            ),
        ],
        separator="; ",
        ignore_nulls=True,
    )


def rank_facility_months(
    rows: pl.DataFrame,
    yields: pl.DataFrame,
    booked: pl.DataFrame,
    one_sided: pl.DataFrame,
    capacity: pl.DataFrame,
) -> pl.DataFrame:
    """All reported facility-months, every check's ratio, score, reasons and evidence,
    best first. ``gap_kg`` is the best estimate of material gone missing: the balance gap
    or, for a yield drop, the output the input should have given and did not."""
    keys = ["facility_id", "material", "month"]
    y = yields.rename({"output_material": "material"}).drop("input_material")
    judged = (
        rows.rename({"gap_kg": "balance_gap_kg"})
        .join(y, on=keys, how="left")
        .join(booked, on=keys, how="left")
        .join(_one_sided_per_month(one_sided), on=keys, how="left")
        .join(capacity, on=["facility_id", "month"], how="left")
    )
    cap = (0.0, RATIO_CAP)
    judged = judged.with_columns(
        (pl.col("gap_ratio")).clip(*cap).alias("gap_missing"),
        (-pl.col("gap_ratio")).clip(*cap).alias("gap_surplus"),
        pl.col("continuity_ratio").clip(*cap),
        (-pl.col("closing_kg") / pl.col("allowed_kg")).clip(*cap).alias("negative_ratio"),
        yield_ratio().clip(*cap).alias("yield_drop"),
        (pl.col("receipt_mismatch_kg").fill_null(0.0) / pl.col("allowed_kg"))
        .clip(*cap)
        .alias("receipt_ratio"),
        (pl.col("shipment_mismatch_kg").fill_null(0.0) / pl.col("allowed_kg"))
        .clip(*cap)
        .alias("shipment_ratio"),
        (pl.col("one_sided_kg").fill_null(0.0) / pl.col("allowed_kg"))
        .clip(*cap)
        .alias("one_sided_ratio"),
        pl.col("capacity_ratio").fill_null(0.0).clip(*cap),
    )
    ratios = [pl.col(c) for c in CHECKS.values()]
    strongest = pl.max_horizontal(ratios)
    shortfall = (
        (pl.col("input_kg") * pl.col("expected_yield") - pl.col("output_kg"))
        * pl.col("produced_kg")
        / pl.col("output_kg")
    )
    return (
        judged.rechunk()
        .with_columns(
            (strongest + SUPPORT_WEIGHT * (pl.sum_horizontal(ratios) - strongest)).alias("score"),
            pl.concat_str(
                [pl.when(pl.col(c) > 1).then(pl.lit(code)) for code, c in CHECKS.items()],
                separator=";",
                ignore_nulls=True,
            ).alias("reasons"),
            pl.when(pl.col("yield_drop") > 1)
            .then(pl.max_horizontal(pl.col("balance_gap_kg"), shortfall))
            .otherwise(pl.col("balance_gap_kg"))
            .alias("gap_kg"),
        )
        .with_columns(_evidence().alias("evidence"))
        .sort("score", "facility_id", "month", descending=[True, False, False])
    )
