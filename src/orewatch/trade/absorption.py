"""Imports beyond plausible domestic use.

A country's domestic use of a commodity is what it imported and did not send on.
Without a consumption census, the plausible use after a control is the use before it,
scaled by how the whole market moved (the other countries' imports from the same
source); an analyst who knows a country's real capacity passes it in instead. Imports
above that which the country does not report sending on (imports minus its reported
exports), with a significant difference-in-differences rise of its imports, are
material that has to go somewhere.
"""

from __future__ import annotations

import polars as pl

from orewatch.trade.panel import filled_panel
from orewatch.trade.periods import after_control
from orewatch.trade.surges import did_surges

ABSORPTION_SCHEMA = {
    "country": pl.String(),
    "hs6": pl.String(),
    "grain": pl.String(),
    "imports_after": pl.Float64(),
    "use_after": pl.Float64(),
    "plausible_use": pl.Float64(),
    "excess_usd": pl.Float64(),
    "ratio": pl.Float64(),
    "z": pl.Float64(),
    "p": pl.Float64(),
    "q": pl.Float64(),
}


def excess_absorption(
    inbound: pl.DataFrame,
    onward: pl.DataFrame,
    controls: pl.DataFrame,
    domestic_use: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Per country × hs6 × grain: imports per period after the control against use.

    ``inbound``: :func:`~orewatch.trade.surges.inbound_flows`; ``onward``:
    :func:`~orewatch.trade.surges.onward_totals`; ``controls``
    hs6, control_date; ``domestic_use`` (optional) country, hs6, usd_per_year, a known
    capacity that replaces the estimate. ``use_after`` = imports after minus reported
    onward exports, per period; ``ratio`` = use_after / plausible use;
    ``z``/``p``/``q`` from the difference-in-differences test of the imports.
    """
    if inbound.is_empty():
        return pl.DataFrame(schema=ABSORPTION_SCHEMA)
    onward = onward.rename({"value_usd": "onward"})
    filled = filled_panel(inbound)
    panel = (
        filled.join(onward, on=["country", "hs6", "grain", "start", "end"], how="left")
        .join(controls.select("hs6", "control_date"), on="hs6")
        .with_columns(
            after_control(pl.col("control_date")).alias("post"),
            (pl.col("value_usd") - pl.col("onward").fill_null(0.0)).clip(0.0).alias("use"),
        )
    )
    per = (
        panel.group_by("country", "hs6", "grain")
        .agg(
            pl.col("use").filter(~pl.col("post")).mean().alias("use_before"),
            pl.col("value_usd").filter(~pl.col("post")).mean().alias("imports_before"),
            pl.col("value_usd").filter(pl.col("post")).mean().alias("imports_after"),
            pl.col("use").filter(pl.col("post")).mean().alias("use_after"),
        )
        .drop_nulls(["use_before", "imports_after"])
    )
    market = ["hs6", "grain"]
    # the rest of the market's change (leave this country out)
    others_after = pl.col("imports_after").sum().over(market) - pl.col("imports_after")
    others_before = pl.col("imports_before").sum().over(market) - pl.col("imports_before")
    factor = pl.when(others_before > 0).then(others_after / others_before).otherwise(1.0)
    per = per.with_columns((pl.col("use_before") * factor).alias("plausible_use"))
    if domestic_use is not None and domestic_use.height:
        known = domestic_use.select(
            "country", pl.col("hs6").str.slice(0, 6), pl.col("usd_per_year").alias("_known")
        )
        per = per.join(known, on=["country", "hs6"], how="left").with_columns(
            pl.when(pl.col("_known").is_not_null())
            .then(pl.col("_known") / pl.when(pl.col("grain") == "month").then(12.0).otherwise(1.0))
            .otherwise(pl.col("plausible_use"))
            .alias("plausible_use")
        )
    tests = did_surges(filled, controls, filled=True).select(
        "country", "hs6", "grain", "z", "p", "q"
    )
    return (
        per.join(tests, on=["country", "hs6", "grain"])
        .with_columns(
            (pl.col("use_after") - pl.col("plausible_use")).alias("excess_usd"),
            (pl.col("use_after") / pl.max_horizontal("plausible_use", pl.lit(1.0))).alias("ratio"),
        )
        .select(list(ABSORPTION_SCHEMA))
    )
