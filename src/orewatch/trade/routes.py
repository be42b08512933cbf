"""Diversion routes: country × commodity, ranked, with reasons and evidence.

Each method speaks for itself (a re-export surge, imports beyond use, a mirror gap, the
direct route replaced by the indirect one); a route's score adds their strengths, so a
route that several independent statistics point at ranks first. Strengths are in the
statistics' own units (t-values, robust z) and capped, so no single huge number decides.
"""

from __future__ import annotations

import polars as pl

#: Significance (Benjamini-Hochberg q) at which a rise counts as a surge.
ALPHA = 0.05
#: Largest t or z any one method contributes.
CAP = 10.0
#: Imports at least this many times plausible use (and significant) raise the reason.
ABSORPTION_RATIO = 1.5
#: A substitution ratio of at least this much raises the reason.
SUBSTITUTION_RATIO = 0.25
#: Relative weight of each method in the score: the onward surge is the direct trace
#: of diversion, the others corroborate it.
WEIGHTS = {"surge": 1.0, "absorption": 0.3, "mirror": 0.1, "substitution": 0.3}

RATE_WEIGHT = 1.5
MATERIALITY = 1.0
ROUTE_COLUMNS = ("country", "hs_code", "score", "reasons", "evidence")
ROUTE_SCHEMA = {
    "country": pl.String(),
    "hs_code": pl.String(),
    "score": pl.Float64(),
    "reasons": pl.String(),
    "evidence": pl.String(),
}
_PART = {
    "country": pl.String(),
    "hs6": pl.String(),
    "part": pl.Float64(),
    "code": pl.String(),
    "words": pl.String(),
}


def empty_routes() -> pl.DataFrame:
    return pl.DataFrame(schema=ROUTE_SCHEMA)


def _usd(col: str) -> pl.Expr:
    return pl.col(col).round(0).cast(pl.Int64)


def surge_parts(surges: pl.DataFrame) -> pl.DataFrame:
    """Rises of onward trade: REEXPORT_SURGE when significant, REEXPORT_RISE otherwise."""
    market = ("hs6", "grain")
    typical = pl.col("after_usd").filter(pl.col("after_usd") > 0).median().over(market)
    growth = ((pl.col("after_usd") + typical) / (pl.col("before_usd") + typical)).log()
    best = (
        surges.with_columns(
            (growth - growth.median().over(market)).alias("rate_effect"),
            (pl.col("after_usd") / (pl.col("after_usd") + typical)).fill_nan(0.0).alias("material"),
        )
        .filter((pl.col("effect") > 0) | (pl.col("rate_effect") > 0))
        .sort("t", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    significant = pl.col("q") < ALPHA
    return best.select(
        "country",
        "hs6",
        (
            WEIGHTS["surge"]
            * (pl.col("t").clip(0.0, CAP) + RATE_WEIGHT * pl.col("rate_effect").clip(0.0, CAP))
        ).alias("part"),
        pl.when(significant)
        .then(pl.lit("REEXPORT_SURGE"))
        .otherwise(pl.lit("REEXPORT_RISE"))
        .alias("code"),
        pl.format(
            "exports to third markets {} USD/{} before the control, {} after "
            "({} log points above other countries' change, t={}, q={})",
            _usd("before_usd"),
            pl.col("grain"),
            _usd("after_usd"),
            pl.col("effect").round(2),
            pl.col("t").round(1),
            pl.col("q").round(3),
        ).alias("words"),
    ).filter(pl.col("part") > 0)


def absorption_parts(absorption: pl.DataFrame) -> pl.DataFrame:
    """Significant import rises beyond plausible use: IMPORTS_EXCEED_USE."""
    found = (
        absorption.filter(
            (pl.col("q") < ALPHA)
            & (pl.col("ratio") >= ABSORPTION_RATIO)
            & (pl.col("excess_usd") > 0)
        )
        .sort("t", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    return found.select(
        "country",
        "hs6",
        (WEIGHTS["absorption"] * pl.col("t").clip(0.0, CAP)).alias("part"),
        pl.lit("IMPORTS_EXCEED_USE").alias("code"),
        pl.format(
            "imports from China {} USD/{} after the control, {} of it not sent on, against "
            "a plausible domestic use of {} (t={}, q={})",
            _usd("imports_after"),
            pl.col("grain"),
            _usd("use_after"),
            _usd("plausible_use"),
            pl.col("t").round(1),
            pl.col("q").round(3),
        ).alias("words"),
    )


def mirror_parts(gaps: pl.DataFrame) -> pl.DataFrame:
    """Mirror gaps per route: the strongest window and how many windows: MIRROR_GAP."""
    per = (
        gaps.sort("z", descending=True)
        .group_by("country", "hs6")
        .agg(pl.all().first(), pl.len().alias("windows"))
    )
    return per.select(
        "country",
        "hs6",
        (WEIGHTS["mirror"] * (pl.col("z") / 3.0).clip(0.0, CAP / 3.0)).alias("part"),
        pl.lit("MIRROR_GAP").alias("code"),
        pl.format(
            "partner reports importing {} {} from China in the period from {}, China reports "
            "exporting {} (z={}; {} window(s) flagged)",
            pl.col("imported").round(0),
            pl.col("measure").str.replace("value_usd", "USD").str.replace("quantity_kg", "kg"),
            pl.col("window"),
            pl.col("exported").round(0),
            pl.col("z").round(1),
            pl.col("windows"),
        ).alias("words"),
    )


def substitution_parts(subst: pl.DataFrame) -> pl.DataFrame:
    """The indirect route's rise replaced a share of the direct route's fall."""
    found = (
        subst.filter(pl.col("ratio") >= SUBSTITUTION_RATIO)
        .sort("ratio", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    return found.select(
        "country",
        "hs6",
        (WEIGHTS["substitution"] * pl.col("ratio").clip(0.0, 2.0)).alias("part"),
        pl.lit("DIRECT_SUBSTITUTED").alias("code"),
        pl.format(
            "its exports to {} rose {} USD/{} while China's direct exports there fell {} "
            "(substitution ratio {})",
            pl.col("markets"),
            _usd("rise_usd"),
            pl.col("grain"),
            _usd("fall_usd"),
            pl.col("ratio").round(2),
        ).alias("words"),
    )


def rank_routes(
    surges: pl.DataFrame,
    absorption: pl.DataFrame,
    gaps: pl.DataFrame,
    subst: pl.DataFrame,
) -> pl.DataFrame:
    """Combine the methods' findings into ranked routes (``ROUTE_COLUMNS``)."""
    parts = [
        p.cast(_PART)  # type: ignore[arg-type]
        for p in (
            surge_parts(surges),
            absorption_parts(absorption),
            mirror_parts(gaps),
            substitution_parts(subst),
        )
    ]
    every = pl.concat(parts)
    if every.is_empty():
        return empty_routes()
    return (
        every.sort("part", descending=True)
        .group_by("country", "hs6")
        .agg(
            pl.col("part").sum().alias("score"),
            pl.col("code").str.join(";").alias("reasons"),
            pl.format("{}: {}", "code", "words").str.join("; ").alias("evidence"),
        )
        .sort(["score", "country", "hs6"], descending=[True, False, False])
        .select(
            "country",
            pl.col("hs6").alias("hs_code"),
            pl.col("score").round(3),
            "reasons",
            "evidence",
        )
    )
