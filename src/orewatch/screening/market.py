"""Controlled goods declared far below what their material costs on the market.

A price norm learned from the dataset's own lines is blind where the undervalued lines
are most of a commodity's lines: a network that ships most of a rare tariff line sets
that line's median. The ``prices`` table is an anchor from outside the declarations.
Declared prices do not equal market quotes (FOB against spot, grades, forms), so the
dataset teaches how its controlled lines usually price against the market: the median and
spread of log(declared USD/kg / market USD/kg) over all of them. A line far under that
usual ratio is undervalued, whichever commodity it is. Only lines whose code (or words)
says which item they are count; a shorter code that may be the item compares its goods
with a material they may not be.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.screening.named_items import NAMED_IN_WORDS, pinned_elements
from orewatch.screening.signals import Lines

#: Matches that say a line is the item (a shorter declared code only may be).
SPECIFIC_MATCHES: tuple[str, ...] = ("exact", "catalogue_prefix", NAMED_IN_WORDS)
#: Fewer priced lines than this teach no usual ratio.
MIN_PRICED_LINES = 30
#: The spread's floor (log units): a dataset whose lines all sit at one ratio would
#: otherwise call a few per cent under it far.
SPREAD_FLOOR = 0.15


#: Only USD lines are compared when the dataset implies no rate for other currencies.
USD_ONLY = pl.DataFrame({"currency": ["USD"], "shift": [0.0]})


@dataclass(frozen=True)
class MarketNorm:
    """How a dataset's controlled lines price against the market: the median and robust
    spread (1.4826 x MAD, floored) of their log ratio of declared to market USD/kg."""

    centre: float
    spread: float

    def z(self, log_ratio: pl.Expr) -> pl.Expr:
        return (log_ratio - self.centre) / self.spread


def usd_shifts(offsets: pl.DataFrame | None) -> pl.DataFrame:
    """``currency, shift``: what to take from a log unit value to have it in USD.

    The quotes are in USD; lines invoiced in CNY, EUR or JPY are put in USD at the rates
    the dataset's own prices imply (:func:`orewatch.screening.features.currency_offsets`:
    the same goods in the same quarter, priced in both). Without a rate for USD itself,
    only USD lines can be compared."""
    if offsets is None or "USD" not in offsets["currency"].to_list():
        return USD_ONLY
    usd = offsets.filter(pl.col("currency") == "USD")["offset"][0]
    return offsets.select("currency", (pl.col("offset") - usd).alias("shift"))


def in_usd(lines: pl.LazyFrame, to_usd: pl.DataFrame) -> pl.LazyFrame:
    """The lines invoiced in a currency ``to_usd`` converts (:func:`usd_shifts`), their
    ``log_unit_value`` put in USD; lines in other currencies are left out."""
    return (
        lines.join(to_usd.lazy(), on="currency")
        .with_columns(pl.col("log_unit_value") - pl.col("shift"))
        .drop("shift")
    )


def market_ratios(
    lines: Lines, prices: pl.DataFrame, items: pl.DataFrame, to_usd: pl.DataFrame = USD_ONLY
) -> pl.LazyFrame:
    """Per controlled line in a currency ``to_usd`` converts: its log ratio to the cheapest
    market price among its items' materials in its month (``_idx, log_ratio, material,
    usd_per_kg, currency``).
    Where a code holds several elements' items (3824.99.99.22: every listed rare earth's
    mixtures) and the words name some of them, only those elements' materials count.

    ``prices``: :func:`orewatch.screening.fit.controlled_prices` (month, material,
    usd_per_kg). A material names an element and maybe a form (``gallium:metal``); a
    quote for a form the item does not take is not its price. The cheapest candidate
    is the one compared, so a line is only called cheap against every material it may
    be. ``items``: the catalogue's items frame (control_id, element, forms).
    """
    quotes = prices.lazy().with_columns(
        pl.col("material").str.split(":").list.get(0).alias("element"),
        pl.col("material").str.split(":").list.get(1, null_on_oob=True).alias("form"),
    )
    kinds = items.lazy().select("control_id", "element", "forms").unique("control_id")
    return (
        lines.lazy()
        .filter(
            pl.col("controlled")
            & pl.col("match_kind").is_in(SPECIFIC_MATCHES)
            & pl.col("log_unit_value").is_finite()
        )
        .pipe(in_usd, to_usd)
        .select(
            "_idx",
            "month",
            "currency",
            "log_unit_value",
            pl.col("control_ids").alias("control_id"),
            pinned_elements().alias("_pinned"),
        )
        .explode("control_id")
        .join(kinds, on="control_id")
        .filter(pl.col("_pinned").is_null() | pl.col("_pinned").list.contains(pl.col("element")))
        .join(quotes, on=["month", "element"])
        .filter(pl.col("form").is_null() | pl.col("forms").list.contains(pl.col("form")))
        .with_columns((pl.col("log_unit_value") - pl.col("usd_per_kg").log()).alias("log_ratio"))
        .sort("_idx", pl.col("log_ratio"), "material", descending=[False, True, False])
        .unique("_idx", keep="first", maintain_order=True)
        .select("_idx", "log_ratio", "material", "usd_per_kg", "currency")
    )


def fit_market_norm(
    lines: pl.DataFrame,
    prices: pl.DataFrame | None,
    items: pl.DataFrame,
    to_usd: pl.DataFrame = USD_ONLY,
) -> MarketNorm | None:
    """The dataset's usual ratio of declared to market price (None: no prices, or too
    few priced lines to say). ``to_usd``: :func:`usd_shifts`, for lines not in USD."""
    if prices is None or prices.is_empty():
        return None
    ratios = market_ratios(lines, prices, items, to_usd).collect()["log_ratio"]
    if ratios.len() < MIN_PRICED_LINES:
        return None
    centre = float(ratios.median())  # type: ignore[arg-type]
    mad = float((ratios - centre).abs().median())  # type: ignore[arg-type]
    return MarketNorm(centre, max(1.4826 * mad, SPREAD_FLOOR))
