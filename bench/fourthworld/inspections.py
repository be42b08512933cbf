"""Past checks: this world's own customs targeting, mostly document checks, recorded in
the coarse result categories only.

Targeting: random checks, plus risk rules a customs office might run (controlled code
without a licence, controlled code to a transit country, parcels with odd value per
kilogram or "sample" descriptions, exporters in their first two months, two commodity
codes known to be abused). The rates are scaled so that the share of lines inspected is
the ``inspection_rate`` knob. Whether a check finds a fraud depends on the scheme and the
method: a document check rarely finds material hidden in cargo; a lab test nearly always
finds a swapped code. Honest lines are sometimes found misdeclared or undervalued for
ordinary tariff reasons (not strategic-mineral fraud, so not in truth).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

METHODS = ("document", "scan", "physical", "lab")

#: Per scheme: result category and chance to confirm by document, scan, physical, lab.
CONFIRM: dict[str, tuple[str, tuple[float, float, float, float]]] = {
    "no_permit": ("unlicensed", (0.9, 0.6, 0.9, 0.95)),
    "ghost_permit": ("unlicensed", (0.45, 0.2, 0.5, 0.5)),
    "lapsed_permit": ("unlicensed", (0.8, 0.5, 0.8, 0.8)),
    "borrowed_permit": ("unlicensed", (0.55, 0.3, 0.6, 0.6)),
    "overdrawn_permit": ("unlicensed", (0.3, 0.2, 0.35, 0.35)),
    "banned_receiver": ("diverted", (0.5, 0.2, 0.5, 0.5)),
    "silent_end_user": ("diverted", (0.3, 0.1, 0.3, 0.3)),
    "code_swap": ("misdeclared", (0.12, 0.15, 0.55, 0.95)),
    "value_shaved": ("undervalued", (0.4, 0.1, 0.45, 0.5)),
    "weight_shaved": ("misdeclared", (0.1, 0.35, 0.8, 0.85)),
    "buried_in_cargo": ("concealed", (0.02, 0.4, 0.7, 0.8)),
    "pocket_samples": ("concealed", (0.05, 0.5, 0.8, 0.9)),
    "ant_parcels": ("concealed", (0.05, 0.3, 0.6, 0.8)),
    "third_country_relay": ("diverted", (0.08, 0.05, 0.1, 0.1)),
}

WATCHED_CODES = ("2846101000", "8505111000")


def targeting(frame: pl.DataFrame, rate: float) -> np.ndarray:
    """Chance that each line was inspected: random plus rule bumps, scaled to ``rate``."""
    raw = (
        frame.select(
            (
                pl.lit(1.0)
                + 25 * (pl.col("_controlled") & pl.col("license_no").is_null())
                + 8 * (pl.col("_controlled") & pl.col("_transit"))
                + 5
                * pl.col("_parcel")
                * (
                    (pl.col("value") / pl.col("net_weight_kg") < 2)
                    | pl.col("description").str.contains("样品|sample")
                )
                + 4 * pl.col("_new_exporter")
                + 3 * pl.col("hs_code").is_in(WATCHED_CODES)
            ).alias("raw")
        )["raw"]
        .to_numpy()
        .astype(float)
    )
    scale = rate / raw.mean()
    for _ in range(20):
        p = np.minimum(1.0, raw * scale)
        scale *= rate / max(p.mean(), 1e-9)
    return np.minimum(1.0, raw * scale)


def inspect(
    rng: np.random.Generator, frame: pl.DataFrame, rate: float, confirm: dict[str, float]
) -> pl.DataFrame:
    """The inspections table for ``frame`` (declarations with the helper columns
    ``_controlled``, ``_transit``, ``_parcel``, ``_new_exporter``, ``_scheme``,
    ``_true_hs``, ``_day_date``)."""
    chance = targeting(frame, rate)
    hit = np.flatnonzero(rng.random(frame.height) < chance)
    sub = frame[hit]
    parcel = sub["_parcel"].to_numpy()
    u = rng.random(hit.size)
    method_idx = np.where(u < 0.72, 0, np.where(u < 0.86, 1, np.where(u < 0.97, 2, 3)))
    method_idx = np.where(parcel & (u < 0.5), 1, method_idx)
    scheme = sub["_scheme"].to_numpy()
    p_find = np.zeros(hit.size)
    result = np.full(hit.size, "clear", dtype=object)
    for name, (category, by_method) in CONFIRM.items():
        at = scheme == name
        p_find[at] = np.minimum(1.0, np.array(by_method)[method_idx[at]] * confirm.get(name, 1.0))
        result[at & (rng.random(hit.size) < p_find)] = category
    honest = scheme == ""
    noise = honest & (rng.random(hit.size) < 0.012)
    result[noise] = np.where(rng.random(hit.size) < 0.5, "misdeclared", "undervalued")[noise]
    found_hs = np.where(
        (result == "misdeclared")
        & (scheme == "code_swap")
        & (method_idx >= 2)
        & (rng.random(hit.size) < 0.15),
        sub["_true_hs"].to_numpy(),
        NULL,
    )
    lines = pl.DataFrame(
        {
            "declaration_id": sub["declaration_id"],
            "line_no": sub["line_no"],
            "inspected_at": sub["_day_date"].to_numpy()
            + rng.integers(0, 6, hit.size).astype("timedelta64[D]"),
            "method": np.array(METHODS, dtype=object)[method_idx],
            "result": result,
            "found_hs_code": found_hs,
        },
        schema_overrides={"found_hs_code": pl.String},
    )
    return whole_declarations(rng, lines)


def whole_declarations(rng: np.random.Generator, lines: pl.DataFrame) -> pl.DataFrame:
    """A fifth of inspected declarations are recorded once, without a line number, with
    the worst result found on any of their lines."""
    ids = lines["declaration_id"].unique().sort()
    whole = ids.filter(pl.Series(rng.random(ids.len()) < 0.2))
    severity = pl.when(pl.col("result") == "clear").then(0).otherwise(1)
    collapsed = (
        lines.filter(pl.col("declaration_id").is_in(whole.implode()))
        .sort(severity, descending=True)
        .group_by("declaration_id", maintain_order=True)
        .agg(
            pl.col("inspected_at").min(),
            pl.col("method").first(),
            pl.col("result").first(),
            pl.col("found_hs_code").first(),
        )
        .with_columns(pl.lit(None, pl.Int64).alias("line_no"))
    )
    kept = lines.filter(~pl.col("declaration_id").is_in(whole.implode()))
    return pl.concat([kept, collapsed.select(kept.columns)], how="vertical_relaxed").sort(
        "inspected_at", "declaration_id"
    )
