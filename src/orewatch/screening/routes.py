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


def reexport_surges(trade: pl.DataFrame, controls: pl.DataFrame) -> pl.DataFrame:
    """(country, hs6) whose exports to restricted markets rose significantly after the control."""
    monthly = _monthly(trade).filter(
        pl.col("flow").is_in(["export", "re_export"])
        & (pl.col("reporter") != "CN")
        & pl.col("partner").is_in(list(RESTRICTED_MARKETS))
    )
    if monthly.is_empty():
        return empty_routes()
    series = (
        monthly.group_by("reporter", "hs6", "month")
        .agg(pl.col("value_usd").sum())
        .join(controls, on="hs6")
        .with_columns(
            (pl.col("month") >= pl.col("control_date")).alias("after"),
            pl.col("value_usd").fill_null(0.0).log1p().alias("lv"),
        )
    )
    stats = (
        series.group_by("reporter", "hs6", "after")
        .agg(
            pl.col("lv").mean().alias("m"),
            pl.col("lv").var().alias("v"),
            pl.len().alias("n"),
            pl.col("value_usd").mean().alias("mean_usd"),
        )
        .pivot(on="after", index=["reporter", "hs6"], values=["m", "v", "n", "mean_usd"])
    )
    needed = {"m_true", "m_false", "v_true", "v_false", "n_true", "n_false"}
    if not needed <= set(stats.columns):
        return empty_routes()
    stats = stats.filter(
        (pl.col("n_true") >= MIN_MONTHS) & (pl.col("n_false") >= MIN_MONTHS)
    ).with_columns(
        (
            (pl.col("m_true") - pl.col("m_false"))
            / (
                pl.col("v_true") / pl.col("n_true") + pl.col("v_false") / pl.col("n_false") + 1e-9
            ).sqrt()
        ).alias("t")
    )
    surges = stats.filter(pl.col("t") > SURGE_T)
    return surges.select(
        pl.col("reporter").alias("country"),
        pl.col("hs6").alias("hs_code"),
        (pl.col("t") * (pl.col("m_true") - pl.col("m_false"))).alias("score"),
        pl.lit("REEXPORT_SURGE").alias("reasons"),
        pl.format(
            "exports to {} rose from {} to {} USD/month after the control (t={})",
            pl.lit("/".join(RESTRICTED_MARKETS)),
            pl.col("mean_usd_false").round(0),
            pl.col("mean_usd_true").round(0),
            pl.col("t").round(1),
        ).alias("evidence"),
    )


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
    both = china.join(partner, on=["country", "hs6", "year"])
    gaps = both.with_columns(
        (pl.col("partner_import") / (pl.col("cn_export") * CIF_ALLOWANCE)).alias("ratio")
    ).filter(pl.col("ratio") > MIRROR_FACTOR)
    return (
        gaps.sort("ratio", descending=True)
        .group_by("country", "hs6")
        .agg(pl.all().first())
        .select(
            "country",
            pl.col("hs6").alias("hs_code"),
            pl.col("ratio").log().alias("score"),
            pl.lit("MIRROR_GAP").alias("reasons"),
            pl.format(
                "{}: partner reports {} USD imported, China {} USD exported",
                pl.col("year"),
                pl.col("partner_import").round(0),
                pl.col("cn_export").round(0),
            ).alias("evidence"),
        )
    )


def diversion_routes(
    trade: pl.DataFrame | None, items: pl.DataFrame, as_of: date | None = None
) -> pl.DataFrame:
    """Ranked routes (country × 6-digit heading) with their reasons."""
    if trade is None or trade.is_empty():
        return empty_routes()
    parts = [reexport_surges(trade, control_dates(items)), mirror_gaps(trade)]
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
