"""Diversion routes from trade statistics: re-export surges and mirror gaps.

A first statistical view (a Welch test on monthly values before and after each
control date); the trade layer will bring change-point and difference-in-differences
tests. Output rows are ``country, hs_code (6 digits), score, reasons, evidence``.
"""

from __future__ import annotations

from datetime import date

import polars as pl

#: Markets that the controls close (licences denied in principle, military users banned).
RESTRICTED_MARKETS: tuple[str, ...] = ("US",)
#: A surge needs at least this many monthly observations on each side of the control.
MIN_MONTHS = 3
#: Welch t-statistic above which a rise is treated as real rather than noise.
SURGE_T = 2.5
#: Partner-reported imports above China-reported exports by this factor (after a CIF
#: allowance) make a mirror gap.
MIRROR_FACTOR = 1.5
CIF_ALLOWANCE = 1.10
#: Robust z of the log mirror ratio above which a gap is an outlier among all pairs.
MIRROR_Z = 3.0

ROUTE_SCHEMA = {
    "country": pl.String(),
    "hs_code": pl.String(),
    "score": pl.Float64(),
    "reasons": pl.String(),
    "evidence": pl.String(),
}


def empty_routes() -> pl.DataFrame:
    return pl.DataFrame(schema=ROUTE_SCHEMA)


def control_dates(items: pl.DataFrame) -> pl.DataFrame:
    """Earliest control date per 6-digit heading, from the catalogue's items frame."""
    return (
        items.filter(pl.col("hs_code").is_not_null() & (pl.col("hs_code").str.len_chars() >= 6))
        .select(
            pl.col("hs_code").str.slice(0, 6).alias("hs6"), pl.col("effective_from").cast(pl.Date)
        )
        .group_by("hs6")
        .agg(pl.col("effective_from").min().alias("control_date"))
    )


def _monthly(trade: pl.DataFrame) -> pl.DataFrame:
    return trade.filter(pl.col("period").str.len_chars() == 7).with_columns(
        pl.col("hs_code").str.slice(0, 6).alias("hs6"),
        (pl.col("period") + "-01").str.to_date().alias("month"),
    )


def _full_grid(series: pl.DataFrame) -> pl.DataFrame:
    """Every (country, hs6) over every month of the data; missing months are zero trade.

    Statistics offices publish only the months with trade, so a sparse series must be
    filled before before/after means are compared.
    """
    first, last = series.select(
        pl.col("month").min().alias("a"), pl.col("month").max().alias("b")
    ).row(0)
    months = pl.date_range(first, last, "1mo", eager=True)
    grid = (
        series.select("country", "hs6").unique().join(pl.DataFrame({"month": months}), how="cross")
    )
    totals = series.group_by("country", "hs6", "month").agg(pl.col("value_usd").sum())
    return grid.join(totals, on=["country", "hs6", "month"], how="left").with_columns(
        pl.col("value_usd").fill_null(0.0)
    )


def surges(series: pl.DataFrame, controls: pl.DataFrame) -> pl.DataFrame:
    """Welch t of log monthly value after vs before each heading's control date.

    ``series``: country, hs6, month, value_usd. Returns country, hs6, t, mean_before,
    mean_after (USD/month) for the series with enough months on both sides.
    """
    if series.is_empty():
        return pl.DataFrame(
            schema={
                "country": pl.String,
                "hs6": pl.String,
                "t": pl.Float64,
                "before": pl.Float64,
                "after": pl.Float64,
            }
        )
    grid = (
        _full_grid(series)
        .join(controls, on="hs6")
        .with_columns(
            (pl.col("month") >= pl.col("control_date")).alias("post"),
            pl.col("value_usd").log1p().alias("lv"),
        )
    )
    aggs = []
    for post, suffix in ((False, "before"), (True, "after")):
        lv, usd = (
            pl.col("lv").filter(pl.col("post") == post),
            pl.col("value_usd").filter(pl.col("post") == post),
        )
        aggs += [
            lv.mean().alias(f"m_{suffix}"),
            lv.var().alias(f"v_{suffix}"),
            lv.count().alias(f"n_{suffix}"),
            usd.mean().alias(f"usd_{suffix}"),
        ]
    side = grid.group_by("country", "hs6").agg(aggs)
    return side.filter(
        (pl.col("n_before") >= MIN_MONTHS) & (pl.col("n_after") >= MIN_MONTHS)
    ).select(
        "country",
        "hs6",
        (
            (pl.col("m_after") - pl.col("m_before"))
            / (
                pl.col("v_after") / pl.col("n_after")
                + pl.col("v_before") / pl.col("n_before")
                + 1e-9
            ).sqrt()
        ).alias("t"),
        pl.col("usd_before").alias("before"),
        pl.col("usd_after").alias("after"),
    )


def reexport_surges(trade: pl.DataFrame, controls: pl.DataFrame) -> pl.DataFrame:
    """Routes whose exports to restricted markets, or China's exports to them, rose.

    Two views of one diversion: the transit country's (re-)exports to the restricted
    market, and China's exports to the transit country. The first is direct evidence,
    the second weaker (legitimate demand grows too), so it counts half.
    """
    monthly = _monthly(trade).filter(pl.col("value_usd").is_not_null())
    onward = monthly.filter(
        pl.col("flow").is_in(["export", "re_export"])
        & (pl.col("reporter") != "CN")
        & pl.col("partner").is_in(list(RESTRICTED_MARKETS))
    ).select(pl.col("reporter").alias("country"), "hs6", "month", "value_usd")
    inbound = monthly.filter(
        (pl.col("reporter") == "CN")
        & (pl.col("flow") == "export")
        & ~pl.col("partner").is_in([*RESTRICTED_MARKETS, "CN"])
    ).select(pl.col("partner").alias("country"), "hs6", "month", "value_usd")
    controlled = controls.select("hs6")
    parts = []
    for series, weight, words in (
        (onward, 1.0, "exports to " + "/".join(RESTRICTED_MARKETS)),
        (inbound, 0.5, "China's exports to it"),
    ):
        found = surges(series.join(controlled, on="hs6"), controls).filter(pl.col("t") > SURGE_T)
        parts.append(
            found.select(
                "country",
                pl.col("hs6").alias("hs_code"),
                (weight * pl.col("t")).alias("score"),
                pl.lit("REEXPORT_SURGE").alias("reasons"),
                pl.format(
                    "{} rose from {} to {} USD/month after the control (t={})",
                    pl.lit(words),
                    pl.col("before").round(0),
                    pl.col("after").round(0),
                    pl.col("t").round(1),
                ).alias("evidence"),
            )
        )
    return pl.concat(parts) if parts else empty_routes()


def mirror_gaps(trade: pl.DataFrame) -> pl.DataFrame:
    """(country, hs6, year) where the partner reports much more than China shipped."""
    yearly = trade.with_columns(
        pl.col("hs_code").str.slice(0, 6).alias("hs6"),
        pl.col("period").str.slice(0, 4).alias("year"),
    )
    china = (
        yearly.filter((pl.col("reporter") == "CN") & (pl.col("flow") == "export"))
        .group_by(pl.col("partner").alias("country"), "hs6", "year")
        .agg(pl.col("value_usd").sum().alias("cn_export"))
    )
    partner = (
        yearly.filter((pl.col("partner") == "CN") & (pl.col("flow") == "import"))
        .group_by(pl.col("reporter").alias("country"), "hs6", "year")
        .agg(pl.col("value_usd").sum().alias("partner_import"))
    )
    both = china.join(partner, on=["country", "hs6", "year"]).filter(
        (pl.col("cn_export") > 0) & (pl.col("partner_import") > 0)
    )
    # How far apart the two sides usually are is learned from all pairs: only gaps far
    # outside that spread (robust z) count, whatever the data's own noise level.
    ratio = (pl.col("partner_import") / (pl.col("cn_export") * CIF_ALLOWANCE)).log()
    median = ratio.median()
    spread = pl.max_horizontal(1.4826 * (ratio - median).abs().median(), pl.lit(0.05))
    gaps = both.with_columns(
        ratio.alias("log_ratio"), ((ratio - median) / spread).alias("z")
    ).filter((pl.col("z") > MIRROR_Z) & (pl.col("log_ratio") > pl.lit(MIRROR_FACTOR).log()))
    return (
        gaps.sort("z", descending=True)
        .group_by("country", "hs6")
        .agg(pl.all().first())
        .select(
            "country",
            pl.col("hs6").alias("hs_code"),
            (pl.col("z").clip(0, 12) / 4).alias("score"),
            pl.lit("MIRROR_GAP").alias("reasons"),
            pl.format(
                "{}: partner reports {} USD imported, China {} USD exported (z={})",
                pl.col("year"),
                pl.col("partner_import").round(0),
                pl.col("cn_export").round(0),
                pl.col("z").round(1),
            ).alias("evidence"),
        )
    )


def diversion_routes(
    trade: pl.DataFrame | None, items: pl.DataFrame, as_of: date | None = None
) -> pl.DataFrame:
    """Ranked routes (country × 6-digit heading) with their reasons."""
    if trade is None or trade.is_empty():
        return empty_routes()
    controls = control_dates(items)
    # Routes are about controlled commodities: other headings are left to the trade layer.
    trade = trade.filter(pl.col("hs_code").str.slice(0, 6).is_in(controls["hs6"].implode()))
    parts = [reexport_surges(trade, controls), mirror_gaps(trade)]
    combined = pl.concat([p.cast(ROUTE_SCHEMA) for p in parts])  # type: ignore[arg-type]
    if combined.is_empty():
        return empty_routes()
    return (
        combined.group_by("country", "hs_code")
        .agg(
            pl.col("score").sum(),
            pl.col("reasons").unique().sort().str.join(";"),
            pl.col("evidence").str.join(" | "),
        )
        .sort("score", descending=True)
    )
