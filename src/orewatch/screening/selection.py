"""Selection: turn scores into red / yellow / green within an inspection capacity.

A small random share of the red capacity goes to lines chosen at random, so that
future learning from inspection results is not biased toward what we already suspect.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl


@dataclass(frozen=True)
class Capacity:
    """Shares of all lines: physical inspection (red), document check (yellow), random."""

    red: float = 0.05
    yellow: float = 0.10
    random: float = 0.005
    seed: int = 0

    def __post_init__(self) -> None:
        if (
            not 0 <= self.random <= self.red <= 1
            or not 0 <= self.yellow <= 1
            or self.red + self.yellow > 1
        ):
            raise ValueError(f"capacity shares do not fit: {self}")


def assign_channels(scored: pl.DataFrame, capacity: Capacity) -> pl.DataFrame:
    """Add ``channel`` and ``channel_reason`` to a frame with ``_idx`` and ``score``."""
    n = scored.height
    n_red_ranked = int(np.floor(n * (capacity.red - capacity.random)))
    n_random = int(np.floor(n * capacity.random))
    n_yellow = int(np.floor(n * capacity.yellow))
    ranked = scored.with_columns(pl.col("score").rank("ordinal", descending=True).alias("_rank"))
    positive = pl.col("score") > 0
    red_ranked = (pl.col("_rank") <= n_red_ranked) & positive
    rng = np.random.default_rng(capacity.seed)
    pool = ranked.filter(~red_ranked.fill_null(False))["_idx"].to_numpy()
    chosen = rng.choice(pool, size=min(n_random, pool.size), replace=False) if pool.size else pool
    is_random = pl.col("_idx").is_in(pl.Series(chosen, dtype=pl.UInt32).implode())
    red = ranked.with_columns(
        red_ranked.fill_null(False).alias("_red_ranked"), is_random.alias("_random")
    ).with_columns((pl.col("_red_ranked") | pl.col("_random")).alias("_red"))
    # Yellow takes the best of what red left, so random picks never shrink it.
    rest_rank = pl.when(~pl.col("_red")).then(pl.col("score")).rank("ordinal", descending=True)
    yellow = (rest_rank <= n_yellow) & positive & ~pl.col("_red")
    return red.with_columns(
        pl.when(pl.col("_red"))
        .then(pl.lit("red"))
        .when(yellow)
        .then(pl.lit("yellow"))
        .otherwise(pl.lit("green"))
        .alias("channel"),
        pl.when(pl.col("_red_ranked"))
        .then(
            pl.format("risk rank {} within red capacity {}", pl.col("_rank"), pl.lit(n_red_ranked))
        )
        .when(pl.col("_random"))
        .then(pl.lit("random control sample"))
        .when(yellow)
        .then(pl.format("risk rank {} within document-check capacity", pl.col("_rank")))
        .otherwise(pl.lit("below capacity"))
        .alias("channel_reason"),
    ).drop("_rank", "_red_ranked", "_random", "_red")
