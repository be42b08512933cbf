"""Mirror gaps: what China reports exporting to a country against what it reports
importing from China, by commodity and period.

Imports are valued CIF and exports FOB, and goods shipped at the end of one month
arrive in the next; so both sides are summed over windows (calendar quarters for
monthly data, years for annual) and the usual ratio between the two sides is learned
from all pairs (median and robust spread of the log ratio), not assumed. A gap is a
window whose ratio is far outside that spread *and* beyond the CIF/FOB band.
"""

from __future__ import annotations

import polars as pl

from orewatch.trade.surges import SOURCE

#: Imports (CIF) may exceed exports (FOB) by freight and insurance up to this factor.
CIF_BAND = 1.20
#: Robust z of the log ratio above which a window is a gap.
GAP_Z = 3.0
#: Smallest robust spread of the log ratio (5%): exact agreement is not infinitely sure.
MIN_SPREAD = 0.05
#: Months summed per window for monthly data.
WINDOW = "3mo"


def _windowed(frame: pl.DataFrame) -> pl.Expr:
    return (
        pl.when(pl.col("grain") == "month")
        .then(pl.col("start").dt.truncate(WINDOW))
        .otherwise(pl.col("start"))
        .alias("window")
    )


def mirror_pairs(trade: pl.DataFrame) -> pl.DataFrame:
    """Both sides per country × hs6 × grain × window, for value and quantity.

    Returns country, hs6, grain, window, measure (``value_usd``/``quantity_kg``),
    exported (source's report), imported (partner's report).
    """
    keys = ["country", "hs6", "grain", "window"]
    sides = []
    for where, country, name in (
        ((pl.col("reporter") == SOURCE) & (pl.col("flow") == "export"), "partner", "exported"),
        ((pl.col("partner") == SOURCE) & (pl.col("flow") == "import"), "reporter", "imported"),
    ):
        side = (
            trade.filter(where)
            .with_columns(pl.col(country).alias("country"), _windowed(trade))
            .group_by(keys)
            .agg(pl.col("value_usd").sum(), pl.col("quantity_kg").sum())
            .unpivot(index=keys, variable_name="measure", value_name=name)
        )
        sides.append(side)
    return (
        sides[0]
        .join(sides[1], on=[*keys, "measure"], how="full", coalesce=True)
        .with_columns(pl.col("exported").fill_null(0.0), pl.col("imported").fill_null(0.0))
    )


def mirror_gaps(trade: pl.DataFrame) -> pl.DataFrame:
    """Windows where the partner reports importing much more than China reports sending.

    ``trade`` carries :func:`~orewatch.trade.periods.with_bounds` columns. Returns the
    flagged windows: country, hs6, grain, window, measure, exported, imported, ratio,
    z, excess (imported beyond the usual ratio, in the measure's unit).
    """
    pairs = mirror_pairs(trade).filter((pl.col("exported") > 0) & (pl.col("imported") > 0))
    log_ratio = (pl.col("imported") / pl.col("exported")).log()
    centre = log_ratio.median().over("measure", "grain")
    spread = pl.max_horizontal(
        1.4826 * (log_ratio - centre).abs().median().over("measure", "grain"),
        pl.lit(MIN_SPREAD),
    )
    return (
        pairs.with_columns(
            (pl.col("imported") / pl.col("exported")).alias("ratio"),
            ((log_ratio - centre) / spread).alias("z"),
            (pl.col("imported") - pl.col("exported") * centre.exp()).alias("excess"),
        )
        .filter((pl.col("z") > GAP_Z) & (pl.col("ratio") > CIF_BAND))
        .sort("z", descending=True)
    )


def unmatched_imports(trade: pl.DataFrame) -> pl.DataFrame:
    """Windows where the partner reports imports from China and China reports none.

    A controlled commodity arriving that was never declared under its code is the
    clearest mirror trace of misdeclaration; its ratio is infinite, so it is listed
    apart. Returns country, hs6, grain, window, measure, imported.
    """
    return (
        mirror_pairs(trade)
        .filter((pl.col("exported") == 0) & (pl.col("imported") > 0))
        .select("country", "hs6", "grain", "window", "measure", "imported")
    )
