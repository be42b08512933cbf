"""Selection: turn scores into red / yellow / green within an inspection capacity.

Capacity is either a share of all lines or a number of checks per port per day (what a
port's inspection teams can actually do: a quiet port's riskiest lines are then not
crowded out by a busy one's). A small random share of lines goes red at random, so that
future learning from inspection results is not biased toward what we already suspect.
Capacity is a ceiling: a line is checked on risk only if it raised a reason, so no team is
sent to check a line nobody can say anything against (the random picks apart).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

#: Why a line that raised nothing stays green whatever its rank.
NO_REASON = "no risk indicator raised"
#: Why a line that raised only context (codes this dataset's inspections found worth
#: nothing, see ``Screener.score``) stays green whatever its rank.
ONLY_NOTED = "no risk indicator raised; what was noted has not been worth a check on this data"


@dataclass(frozen=True)
class Capacity:
    """Shares of all lines: physical inspection (red), document check (yellow), random."""

    red: float = 0.05
    yellow: float = 0.10
    random: float = 0.005
    seed: int = 0
    #: Physical inspections and document checks per port per day; when given, they
    #: replace the ``red`` and ``yellow`` shares (``random`` stays a share of lines).
    red_per_port_day: int | None = None
    yellow_per_port_day: int | None = None

    def __post_init__(self) -> None:
        if (
            not 0 <= self.random <= self.red <= 1
            or not 0 <= self.yellow <= 1
            or self.red + self.yellow > 1
        ):
            raise ValueError(f"capacity shares do not fit: {self}")
        per_day = (self.red_per_port_day, self.yellow_per_port_day)
        if (per_day[0] is None) != (per_day[1] is None) or any(
            n is not None and n < 0 for n in per_day
        ):
            raise ValueError(f"give both red and yellow checks per port per day, >= 0: {self}")

    @property
    def per_port_day(self) -> bool:
        return self.red_per_port_day is not None


def has_reason(columns: list[str]) -> pl.Expr:
    """Whether a line raised a reason code (every line does when the frame lists none)."""
    if "reasons" not in columns:
        return pl.lit(True)
    return pl.col("reasons").fill_null("") != ""


def why_unchecked(columns: list[str]) -> pl.Expr:
    """Why a line without a reason stays green: nothing raised, or only context noted."""
    if "noted" not in columns:
        return pl.lit(NO_REASON)
    return (
        pl.when(pl.col("noted").fill_null("") != "")
        .then(pl.lit(ONLY_NOTED))
        .otherwise(pl.lit(NO_REASON))
    )


def assign_channels(scored: pl.DataFrame, capacity: Capacity) -> pl.DataFrame:
    """Add ``channel`` and ``channel_reason`` to a frame with ``_idx`` and ``score``.

    With a per-port-day capacity the frame also needs ``port`` and ``declared_at``; with
    ``reasons``, only lines that raised one are checked on risk.
    """
    if capacity.per_port_day:
        return _assign_per_port_day(scored, capacity)
    n = scored.height
    n_red_ranked = int(np.floor(n * (capacity.red - capacity.random)))
    n_random = int(np.floor(n * capacity.random))
    n_yellow = int(np.floor(n * capacity.yellow))
    # Only lines that may be checked on risk are ranked, so the rest take no one's place.
    positive = (pl.col("score") > 0) & has_reason(scored.columns)
    ranked = scored.with_columns(
        pl.when(positive).then(pl.col("score")).rank("ordinal", descending=True).alias("_rank")
    )
    red_ranked = (pl.col("_rank") <= n_red_ranked) & positive
    is_random = _random_picks(ranked.filter(~red_ranked.fill_null(False)), n_random, capacity.seed)
    red = ranked.with_columns(
        red_ranked.fill_null(False).alias("_red_ranked"), is_random.alias("_random")
    ).with_columns((pl.col("_red_ranked") | pl.col("_random")).alias("_red"))
    # Yellow takes the best of what red left, so random picks never shrink it.
    rest_rank = (
        pl.when(~pl.col("_red") & positive).then(pl.col("score")).rank("ordinal", descending=True)
    )
    yellow = (rest_rank <= n_yellow) & positive & ~pl.col("_red")
    return red.with_columns(
        *_channel_columns(
            yellow,
            scored.columns,
            pl.format("risk rank {} within red capacity {}", pl.col("_rank"), pl.lit(n_red_ranked)),
            pl.format("risk rank {} within document-check capacity", pl.col("_rank")),
        )
    ).drop("_rank", "_red_ranked", "_random", "_red")


def _channel_columns(
    yellow: pl.Expr, columns: list[str], red_reason: pl.Expr, yellow_reason: pl.Expr
) -> list[pl.Expr]:
    """``channel`` and ``channel_reason`` from the ``_red_ranked`` and ``_random`` flags
    (``columns``: the scored frame's, which say whether lines carry reasons)."""
    return [
        pl.when(pl.col("_red_ranked") | pl.col("_random"))
        .then(pl.lit("red"))
        .when(yellow)
        .then(pl.lit("yellow"))
        .otherwise(pl.lit("green"))
        .alias("channel"),
        pl.when(pl.col("_red_ranked"))
        .then(red_reason)
        .when(pl.col("_random"))
        .then(pl.lit("random control sample"))
        .when(yellow)
        .then(yellow_reason)
        .when(~has_reason(columns))
        .then(why_unchecked(columns))
        .otherwise(pl.lit("below capacity"))
        .alias("channel_reason"),
    ]


def _random_picks(pool_lines: pl.DataFrame, n_random: int, seed: int) -> pl.Expr:
    """``n_random`` of ``pool_lines`` picked at random, as a boolean over ``_idx``."""
    pool = pool_lines["_idx"].to_numpy()
    rng = np.random.default_rng(seed)
    chosen = rng.choice(pool, size=min(n_random, pool.size), replace=False) if pool.size else pool
    return pl.col("_idx").is_in(pl.Series(chosen, dtype=pl.UInt32).implode())


def _assign_per_port_day(scored: pl.DataFrame, capacity: Capacity) -> pl.DataFrame:
    """Channels within each port's day: its riskiest lines, as many as its teams can check.

    The random picks come first and count against their port-day's red capacity, so a
    team is never asked for more than it can do (unless the random share alone is more).
    """
    n_red = capacity.red_per_port_day or 0
    n_yellow = capacity.yellow_per_port_day or 0
    day = pl.col("declared_at").cast(pl.Date).alias("_day")
    group = ["port", "_day"]
    positive = (pl.col("score") > 0) & has_reason(scored.columns)
    n_random = int(np.floor(scored.height * capacity.random))
    picks = _random_picks(scored, n_random, capacity.seed)
    ranked = scored.with_columns(day, picks.alias("_random"))
    risk_rank = (
        pl.when(~pl.col("_random") & positive)
        .then(pl.col("score"))
        .rank("ordinal", descending=True)
        .over(group)
    )
    room = (pl.lit(n_red) - pl.col("_random").sum().over(group)).clip(lower_bound=0)
    ranked = ranked.with_columns(
        risk_rank.alias("_rank"), pl.len().over(group).alias("_lines")
    ).with_columns(
        (pl.col("_rank") <= room).fill_null(False).alias("_red_ranked"),
    )
    rest_rank = (
        pl.when(~pl.col("_red_ranked") & ~pl.col("_random") & positive)
        .then(pl.col("score"))
        .rank("ordinal", descending=True)
        .over(group)
    )
    yellow = (rest_rank <= n_yellow).fill_null(False)
    where = pl.format(
        "{} of {} lines at {} on {}",
        pl.col("_rank"),
        pl.col("_lines"),
        pl.col("port"),
        pl.col("_day"),
    )
    return ranked.with_columns(
        *_channel_columns(
            yellow,
            scored.columns,
            pl.format("risk rank {} within red capacity {} per port per day", where, pl.lit(n_red)),
            pl.format(
                "risk rank {} within document-check capacity {} per port per day",
                where,
                pl.lit(n_yellow),
            ),
        )
    ).drop("_day", "_rank", "_lines", "_red_ranked", "_random")
