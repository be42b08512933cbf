"""Trade periods as date intervals, so monthly and annual statistics can be compared.

A ``trade_stats`` period is ``YYYY`` or ``YYYY-MM``. Each row gets its grain (``month``
or ``year``) and the first and last day it covers; analyses never add a month to a
year, they work within one grain and compare the results.
"""

from __future__ import annotations

import polars as pl


def with_bounds(trade: pl.DataFrame) -> pl.DataFrame:
    """Add ``hs6``, ``grain``, ``start`` and ``end`` (dates) to a ``trade_stats`` frame.

    Periods repeat on millions of rows; each distinct one is parsed once and joined.
    """
    periods = trade.select(pl.col("period").unique())
    monthly = pl.col("period").str.len_chars() == 7
    start = (
        pl.when(monthly)
        .then(pl.col("period") + "-01")
        .otherwise(pl.col("period") + "-01-01")
        .str.to_date("%Y-%m-%d")
    )
    bounds = periods.with_columns(
        pl.when(monthly).then(pl.lit("month")).otherwise(pl.lit("year")).alias("grain"),
        start.alias("start"),
    ).with_columns(
        pl.when(pl.col("grain") == "month")
        .then(pl.col("start").dt.month_end())
        .otherwise(pl.col("start").dt.offset_by("1y").dt.offset_by("-1d"))
        .alias("end")
    )
    return trade.with_columns(pl.col("hs_code").str.slice(0, 6).alias("hs6")).join(
        bounds, on="period", how="left", maintain_order="left"
    )


def after_control(control: pl.Expr) -> pl.Expr:
    """A period is "after" the control when the control was in force on any day of it.

    So the month a control takes effect counts as after, and so does the year: annual
    statistics then still show a control announced mid-year (exporters front-load
    before it and diversion starts with it).
    """
    return pl.col("end") >= control
