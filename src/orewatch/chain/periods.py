"""Periods as month numbers, so that lags and windows are integer arithmetic."""

from __future__ import annotations

import polars as pl


def month_number(period: pl.Expr) -> pl.Expr:
    """``YYYY-MM`` -> months since year 0 (consecutive months differ by 1)."""
    return period.str.slice(0, 4).cast(pl.Int32) * 12 + period.str.slice(5, 2).cast(pl.Int32) - 1


def date_month_number(day: pl.Expr) -> pl.Expr:
    """A date -> the same month number as :func:`month_number` of its ``YYYY-MM``."""
    return day.dt.year().cast(pl.Int32) * 12 + day.dt.month().cast(pl.Int32) - 1


def period_of(month: pl.Expr) -> pl.Expr:
    """Month number -> ``YYYY-MM``."""
    return pl.format(
        "{}-{}",
        (month // 12).cast(pl.String).str.zfill(4),
        (month % 12 + 1).cast(pl.String).str.zfill(2),
    )
