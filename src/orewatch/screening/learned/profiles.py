"""Risk profiles: smoothed hit rates of past inspections per key, computed out of fold.

A line's profile for a key (its exporter, its exporter × commodity, ...) is the share of
inspected lines with the same key value where fraud was found, pulled towards the overall
rate by ``smoothing`` pseudo-inspections (an m-estimate), plus how many inspections that
rate rests on. A labelled line's own label must never reach its own profile, or the
model learns to trust a profile that merely echoes the answer: so labelled lines get
rates computed without their whole fold (:func:`out_of_fold`), and other lines get rates
from every label (:func:`apply_profiles`).
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from orewatch.screening.learned.config import Key

SEPARATOR = "\x1f"
MISSING = "\x00"


def key_columns(key: Key) -> tuple[str, ...]:
    return (key,) if isinstance(key, str) else key


def key_name(key: Key) -> str:
    """``exporter_id`` or ``exporter_id×hs4`` for a cross."""
    return "×".join(key_columns(key))


def rate_name(key: Key) -> str:
    return f"hit_rate:{key_name(key)}"


def count_name(key: Key) -> str:
    return f"inspections:{key_name(key)}"


def present_keys(columns: Iterable[str], keys: Iterable[Key]) -> tuple[Key, ...]:
    """The keys whose every column exists."""
    have = set(columns)
    return tuple(k for k in keys if all(c in have for c in key_columns(k)))


def key_value(key: Key) -> pl.Expr:
    """One line's value of ``key``: its columns as text, joined (null parts kept distinct)."""
    return pl.concat_str(
        [pl.col(c).cast(pl.String).fill_null(MISSING) for c in key_columns(key)],
        separator=SEPARATOR,
    )


def key_frame(lines: pl.DataFrame, keys: Iterable[Key]) -> pl.DataFrame:
    """``_idx`` plus one string column per key (:func:`key_value`, named by ``key_name``)."""
    return lines.select("_idx", *(key_value(k).alias(key_name(k)) for k in keys))


def _smoothed(pos: pl.Expr, n: pl.Expr, prior: pl.Expr, smoothing: float) -> pl.Expr:
    return (pos + smoothing * prior) / (n + smoothing)


def out_of_fold(train: pl.DataFrame, keys: Iterable[Key], smoothing: float) -> pl.DataFrame:
    """Profiles of labelled lines, each from the labels of the OTHER folds only.

    ``train`` has ``_idx``, ``_fold``, ``label`` and the key columns of :func:`key_frame`.
    A key value seen only in a line's own fold falls back to the other folds' overall rate.
    One lazy query for all keys: per-operation overhead dominates on small frames.
    """
    lazy = train.lazy()
    total_pos, total_n = pl.col("label").sum().over(pl.lit(1)), pl.len().over(pl.lit(1))
    out = lazy.select(
        "_idx",
        (
            (total_pos - pl.col("label").sum().over("_fold"))
            / pl.max_horizontal(total_n - pl.len().over("_fold"), 1)
        ).alias("_prior"),
    )
    for key in keys:
        name = key_name(key)
        kp = pl.col("label").sum().over(name) - pl.col("label").sum().over([name, "_fold"])
        kn = (pl.len().over(name) - pl.len().over([name, "_fold"])).cast(pl.Float64)
        rows = lazy.select("_idx", kp.cast(pl.Float64).alias("_kp"), kn.alias(count_name(key)))
        out = (
            out.join(rows, on="_idx", how="left", maintain_order="left")
            .with_columns(
                _smoothed(
                    pl.col("_kp"), pl.col(count_name(key)), pl.col("_prior"), smoothing
                ).alias(rate_name(key))
            )
            .drop("_kp")
        )
    names = [n for k in keys for n in (rate_name(k), count_name(k))]
    return out.select("_idx", *names).sort("_idx").collect()


def apply_profiles(
    train: pl.DataFrame, target: pl.DataFrame, keys: Iterable[Key], smoothing: float
) -> pl.DataFrame:
    """Profiles of ``target`` lines from every label in ``train`` (lines not in ``train``)."""
    prior = float(train["label"].mean()) if train.height else 0.0  # type: ignore[arg-type]
    out = target.lazy().select("_idx", *[key_name(k) for k in keys])
    for key in keys:
        name = key_name(key)
        stats = (
            train.lazy()
            .group_by(name)
            .agg(
                pl.col("label").sum().cast(pl.Float64).alias("_p"),
                pl.len().cast(pl.Float64).alias("_n"),
            )
        )
        out = (
            out.join(stats, on=name, how="left", maintain_order="left")
            .with_columns(
                _smoothed(
                    pl.col("_p").fill_null(0.0),
                    pl.col("_n").fill_null(0.0),
                    pl.lit(prior),
                    smoothing,
                ).alias(rate_name(key)),
                pl.col("_n").fill_null(0.0).alias(count_name(key)),
            )
            .drop("_p", "_n")
        )
    names = [n for k in keys for n in (rate_name(k), count_name(k))]
    return out.select("_idx", *names).sort("_idx").collect()


def volumes(keyed: pl.DataFrame, keys: Iterable[Key]) -> pl.DataFrame:
    """How many lines (inspected or not) share each key: activity, which needs no label."""
    return keyed.select(
        "_idx",
        *[pl.len().over(key_name(k)).cast(pl.Float64).alias(f"lines:{key_name(k)}") for k in keys],
    )
