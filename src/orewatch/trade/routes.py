"""Diversion routes: country × commodity, ranked, with reasons and evidence.

Each method speaks for itself (a re-export surge, a rise in the share of imports sent
on, imports beyond use, a mirror gap, the direct route replaced by the indirect one) as
a z-score: a test's one-sided score statistic, or a robust z against all routes. A
route's score is their weighted Stouffer combination, sum(w z) / sqrt(sum w^2) over
every method (a method that found nothing adds 0), so under no diversion it is about
standard normal whatever the data's scale, and a route that several independent
statistics point at ranks first. Each z is capped, so no single huge number decides.
"""

from __future__ import annotations

import math

import polars as pl
from scipy import stats

#: Significance (Benjamini-Hochberg q) at which a rise counts as a surge.
ALPHA = 0.05
#: Largest z any one method contributes (|z| = 5 is p < 3e-7: beyond it the test's own
#: assumptions, not the data, decide).
CAP = 5.0
#: Imports at least this many times plausible use (and significant) raise the reason.
ABSORPTION_RATIO = 1.5
#: A substitution ratio of at least this much raises the reason.
SUBSTITUTION_RATIO = 0.25
#: Weight of each method in the Stouffer combination: onward trade rising and the
#: share of imports sent on rising are the direct traces of diversion; imports beyond
#: use, mirror gaps and substitution corroborate them; the country's pass-through on
#: its other controlled headings is indirect evidence, half a direct trace.
WEIGHTS = {
    "surge": 1.0,
    "pass": 1.0,
    "country": 0.5,
    "absorption": 0.3,
    "mirror": 0.2,
    "substitution": 0.3,
}
#: One-sided p at which a pass-through rise is reported as a reason of its own.
PASS_P = 0.05
PASS_Z = float(stats.norm.isf(PASS_P))
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
    "method": pl.String(),
    "z": pl.Float64(),
    "raw": pl.Float64(),
    "code": pl.String(),
    "words": pl.String(),
}


def empty_routes() -> pl.DataFrame:
    return pl.DataFrame(schema=ROUTE_SCHEMA)


def _usd(col: str) -> pl.Expr:
    return pl.col(col).round(0).cast(pl.Int64)


def _part(
    found: pl.DataFrame, method: str, code: pl.Expr, words: pl.Expr, raw: pl.Expr | None = None
) -> pl.DataFrame:
    """One method's findings per route in the shape they are combined in.

    ``z`` is capped at ±CAP (what the score adds); ``raw``, uncapped by default, breaks
    the ties of routes whose methods reached the cap.
    """
    return found.select(
        "country",
        "hs6",
        pl.lit(method).alias("method"),
        pl.col("z").clip(-CAP, CAP),
        (pl.col("z") if raw is None else raw).alias("raw"),
        code.alias("code"),
        words.alias("words"),
    )


def surge_parts(surges: pl.DataFrame) -> pl.DataFrame:
    """Rises of onward trade: REEXPORT_SURGE when significant, REEXPORT_RISE otherwise.

    The z is the quasi-Poisson DiD score test's; only rises (z > 0) are named.
    """
    best = (
        surges.filter(pl.col("z") > 0)
        .sort("z", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    significant = pl.col("q") < ALPHA
    return _part(
        best,
        "surge",
        pl.when(significant).then(pl.lit("REEXPORT_SURGE")).otherwise(pl.lit("REEXPORT_RISE")),
        pl.format(
            "exports to third markets {} USD/{} before the control, {} after "
            "({} log points above what other countries' change predicts, z={}, q={})",
            _usd("before_usd"),
            pl.col("grain"),
            _usd("after_usd"),
            pl.col("effect").round(2),
            pl.col("z").round(1),
            pl.col("q").round(3),
        ),
    )


def pass_parts(shares: pl.DataFrame) -> pl.DataFrame:
    """Share of imports sent on above its pooled baseline: PASS_THROUGH_ROSE when the
    score test is significant one-sided, otherwise it only adds its z to the score."""
    best = (
        shares.filter(pl.col("share_after").is_not_null())
        .sort("z", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    found = (pl.col("z") >= PASS_Z) & (pl.col("excess") > 0)
    return _part(
        best,
        "pass",
        pl.when(found).then(pl.lit("PASS_THROUGH_ROSE")),
        pl.format(
            "sent on an estimated {}% of its imports from China after the control "
            "({} of {} USD{}), against a usual share of {}% (z={})",
            (100 * pl.col("share_after")).round(0),
            _usd("onward_after"),
            _usd("inbound_after"),
            pl.when(pl.col("inbound_after") < pl.col("consignment"))
            .then(pl.lit(", under one typical consignment: little to judge by"))
            .otherwise(pl.lit("")),
            (100 * pl.col("baseline")).round(0),
            pl.col("z").round(1),
        ),
    )


def country_parts(passes: pl.DataFrame) -> pl.DataFrame:
    """The country's pass-through on its *other* controlled headings: COUNTRY_CONDUIT.

    A conduit is a country's traders, not one heading: the firms that send on one
    controlled metal send on its neighbours too. Per route, the Stouffer sum of the
    country's pass-through z on every other heading (leave-one-out, so the route's own
    figures do not count twice), over the square root of their number; the reason is
    named when it is significant one-sided.
    """
    others = pl.len().over("country") - 1
    rest = pl.col("z").sum().over("country") - pl.col("z")
    rest_raw = pl.col("raw").sum().over("country") - pl.col("raw")
    found = pl.col("z") >= PASS_Z
    pooled = passes.filter(others > 0).with_columns(
        (rest / others.sqrt()).alias("z"),
        (rest_raw / others.sqrt()).alias("raw"),
        (found.sum().over("country") - found.cast(pl.UInt32)).alias("_raised"),
        others.alias("_others"),
    )
    return _part(
        pooled,
        "country",
        pl.when(found).then(pl.lit("COUNTRY_CONDUIT")),
        pl.format(
            "on its other {} controlled headings it sent on more of its imports from "
            "China than usual after the control (combined z={}; {} significant)",
            "_others",
            pl.col("z").clip(-CAP, CAP).round(1),
            "_raised",
        ),
        raw=pl.col("raw"),
    )


def absorption_parts(absorption: pl.DataFrame) -> pl.DataFrame:
    """Significant import rises beyond plausible use: IMPORTS_EXCEED_USE."""
    found = (
        absorption.filter(
            (pl.col("q") < ALPHA)
            & (pl.col("ratio") >= ABSORPTION_RATIO)
            & (pl.col("excess_usd") > 0)
        )
        .sort("z", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    return _part(
        found,
        "absorption",
        pl.lit("IMPORTS_EXCEED_USE"),
        pl.format(
            "imports from China {} USD/{} after the control, {} of it not sent on, against "
            "a plausible domestic use of {} (z={}, q={})",
            _usd("imports_after"),
            pl.col("grain"),
            _usd("use_after"),
            _usd("plausible_use"),
            pl.col("z").round(1),
            pl.col("q").round(3),
        ),
    )


def mirror_parts(gaps: pl.DataFrame) -> pl.DataFrame:
    """Mirror gaps per route: the strongest window and how many windows: MIRROR_GAP."""
    per = (
        gaps.sort("z", descending=True)
        .group_by("country", "hs6")
        .agg(pl.all().first(), pl.len().alias("windows"))
    )
    return _part(
        per,
        "mirror",
        pl.lit("MIRROR_GAP"),
        pl.format(
            "partner reports importing {} {} from China in the period from {}, China reports "
            "exporting {} (z={}; {} window(s) flagged)",
            pl.col("imported").round(0),
            pl.col("measure").str.replace("value_usd", "USD").str.replace("quantity_kg", "kg"),
            pl.col("window"),
            pl.col("exported").round(0),
            pl.col("z").round(1),
            pl.col("windows"),
        ),
    )


def substitution_parts(subst: pl.DataFrame) -> pl.DataFrame:
    """The indirect route's rise replaced a share of the direct route's fall.

    A ratio has no test of its own; its z is the robust z of its log against every
    route where the indirect route rose while the direct one fell.
    """
    log_ratio = pl.col("ratio").log()
    centre = log_ratio.median()
    spread = pl.max_horizontal(1.4826 * (log_ratio - centre).abs().median(), pl.lit(0.1))
    found = (
        subst.filter(pl.col("ratio") > 0)
        .with_columns(((log_ratio - centre) / spread).alias("z"))
        .filter(pl.col("ratio") >= SUBSTITUTION_RATIO)
        .sort("ratio", descending=True)
        .unique(["country", "hs6"], keep="first")
    )
    return _part(
        found,
        "substitution",
        pl.lit("DIRECT_SUBSTITUTED"),
        pl.format(
            "its exports to {} rose {} USD/{} while China's direct exports there fell {} "
            "(substitution ratio {})",
            pl.col("markets"),
            _usd("rise_usd"),
            pl.col("grain"),
            _usd("fall_usd"),
            pl.col("ratio").round(2),
        ),
    )


def stouffer(column: str = "z") -> pl.Expr:
    """Weighted Stouffer sum of ``column`` over every method (absent ones count 0),
    per group."""
    norm = math.sqrt(sum(w * w for w in WEIGHTS.values()))
    weight = pl.col("method").replace_strict(WEIGHTS, return_dtype=pl.Float64)
    return (weight * pl.col(column)).sum() / norm


def rank_routes(
    surges: pl.DataFrame,
    absorption: pl.DataFrame,
    gaps: pl.DataFrame,
    subst: pl.DataFrame,
    shares: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Combine the methods' findings into ranked routes (``ROUTE_COLUMNS``).

    Every route some method names (a reason) is listed, ranked by the combined z;
    routes whose combined z is equal (typically because their methods reached the cap)
    are ordered by the same combination of the uncapped z, so a route with a far
    stronger test outranks one that just reached the cap, without any one test
    deciding the score.
    """
    passes = pass_parts(shares) if shares is not None else pl.DataFrame(schema=_PART)
    parts = [
        p.cast(_PART)  # type: ignore[arg-type]
        for p in (
            surge_parts(surges),
            passes,
            country_parts(passes),
            absorption_parts(absorption),
            mirror_parts(gaps),
            substitution_parts(subst),
        )
    ]
    every = pl.concat(parts)
    if every.is_empty():
        return empty_routes()
    named = pl.col("code").is_not_null()
    return (
        every.sort("z", descending=True)
        .group_by("country", "hs6")
        .agg(
            stouffer().alias("score"),
            stouffer("raw").alias("_evidence"),
            pl.col("code").filter(named).str.join(";").alias("reasons"),
            pl.format("{}: {}", "code", "words").filter(named).str.join("; ").alias("evidence"),
        )
        .filter(pl.col("reasons") != "")
        .sort(["score", "_evidence", "country", "hs6"], descending=[True, True, False, False])
        .select(
            "country",
            pl.col("hs6").alias("hs_code"),
            pl.col("score").round(3),
            "reasons",
            "evidence",
        )
    )
