"""Past inspections: this world's own customs targeting, and what each method finds.

Customs here target declarations with rules of their own (a controlled code declared, a
transit-hub destination, an exporter under a year old, a cheap heavy parcel, an exporter
caught before) plus a random share, at a low rate. A check confirms a scheme with a
probability that depends on its method: papers catch licence fraud, scans and opening
the box catch hidden mass, only a laboratory reliably tells one grey powder from another.
About a third of inspections are recorded for the whole declaration (no ``line_no``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import polars as pl

from thirdworld.actors import day
from thirdworld.goods import CNY_PER, HUBS
from thirdworld.lines import Lines, as_date

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

METHODS = ("document", "scan", "physical", "lab")
#: P(confirm | scheme, method): the chance a check of that kind finds the scheme.
CONFIRM: dict[str, tuple[float, float, float, float]] = {
    "permit_missing": (0.85, 0.2, 0.6, 0.6),
    "permit_forged": (0.8, 0.1, 0.5, 0.5),
    "permit_lapsed": (0.8, 0.1, 0.5, 0.5),
    "permit_lent": (0.6, 0.05, 0.3, 0.3),
    "permit_mismatch": (0.6, 0.05, 0.35, 0.35),
    "permit_overdrawn": (0.5, 0.05, 0.2, 0.2),
    "listed_party": (0.5, 0.05, 0.2, 0.2),
    "banned_end_use": (0.7, 0.05, 0.3, 0.3),
    "blank_end_user": (0.7, 0.05, 0.3, 0.3),
    "false_code": (0.15, 0.3, 0.6, 0.95),
    "low_value": (0.4, 0.05, 0.3, 0.5),
    "short_weight": (0.2, 0.5, 0.8, 0.6),
    "hidden_in_cargo": (0.05, 0.55, 0.75, 0.5),
    "sample_parcel": (0.05, 0.35, 0.7, 0.9),
    "parcel_swarm": (0.05, 0.3, 0.6, 0.85),
    "hub_relay": (0.15, 0.02, 0.05, 0.05),
    "odd_buyer": (0.2, 0.02, 0.05, 0.05),
}
RESULT: dict[str, str] = {
    "permit_missing": "unlicensed",
    "permit_forged": "unlicensed",
    "permit_lapsed": "unlicensed",
    "permit_lent": "unlicensed",
    "permit_mismatch": "unlicensed",
    "permit_overdrawn": "unlicensed",
    "blank_end_user": "unlicensed",
    "listed_party": "diverted",
    "banned_end_use": "diverted",
    "hub_relay": "diverted",
    "odd_buyer": "diverted",
    "false_code": "misdeclared",
    "short_weight": "misdeclared",
    "low_value": "undervalued",
    "hidden_in_cargo": "concealed",
    "sample_parcel": "concealed",
    "parcel_swarm": "concealed",
}


def risk_points(
    lines: Lines, decl: pl.DataFrame, controlled_hs: set[str], incorporated: np.ndarray
) -> np.ndarray:
    """Customs' own targeting points per declaration (first line's context, any line's code)."""
    first = decl["first"].to_numpy()
    any_ctrl = decl["ctrl"].to_numpy()
    hub = np.isin(lines["destination_country"][first], HUBS)
    young = lines["day"][first] - incorporated[first] < 365
    parcel = np.isin(lines["mode"][first], ["express", "post", "passenger"])
    rate = np.array([CNY_PER[c] for c in lines["currency"][first]])
    cheap = parcel & (
        lines["value"][first] * rate / np.maximum(lines["net_weight_kg"][first], 0.01) < 40
    )
    del controlled_hs
    return 1.2 * any_ctrl + 0.8 * hub + 0.6 * young + 0.7 * cheap


def inspect(
    rng: np.random.Generator,
    lines: Lines,
    goods: pl.DataFrame,
    incorporated: np.ndarray,
    rate: float,
    confirm_scale: dict[str, float],
) -> pl.DataFrame:
    """The inspections table for a share ``rate`` of declarations."""
    n = len(lines["g"])
    controlled = goods.filter(pl.col("controlled"))["hs"].to_list()
    row = pl.DataFrame(
        {
            "d": lines["declaration_id"],
            "row": np.arange(n),
            "ctrl": np.isin(lines["hs_code"], controlled),
        }
    )
    decl = row.group_by("d", maintain_order=True).agg(
        pl.col("row").first().alias("first"), pl.col("ctrl").any(), pl.len().alias("n")
    )
    points = risk_points(lines, decl, set(controlled), incorporated)
    m = decl.height
    budget = max(1, round(m * rate))
    # exporters caught in the first year are targeted harder afterwards (two passes)
    exp_first = lines["exp"][decl["first"].to_numpy()]
    days = lines["day"][decl["first"].to_numpy()]
    split = day(dt.date(2025, 6, 1))
    chosen = select(rng, points, budget // 2, days < split)
    found_exp = exporters_caught(rng, lines, decl, chosen)
    points = points + 1.5 * np.isin(exp_first, found_exp)
    chosen = np.concatenate([chosen, select(rng, points, budget - chosen.size, days >= split)])
    return records(rng, lines, goods, decl, chosen, confirm_scale)


def select(rng: np.random.Generator, points: np.ndarray, k: int, within: np.ndarray) -> np.ndarray:
    """70 % of ``k`` by risk points (softmax), 30 % at random, among ``within``."""
    pool = np.flatnonzero(within)
    if pool.size == 0 or k <= 0:
        return pool[:0]
    k = min(k, pool.size)
    w = np.exp(1.5 * points[pool])
    targeted = rng.choice(pool, int(k * 0.7), replace=False, p=w / w.sum())
    rest = np.setdiff1d(pool, targeted)
    random = rng.choice(rest, min(k - targeted.size, rest.size), replace=False)
    return np.concatenate([targeted, random])


def exporters_caught(
    rng: np.random.Generator, lines: Lines, decl: pl.DataFrame, chosen: np.ndarray
) -> np.ndarray:
    """Exporters with a fraudulent line among the chosen declarations (roughly, caught)."""
    ids = set(decl["d"].to_numpy()[chosen])
    hit = np.isin(lines["declaration_id"], list(ids)) & (lines["scheme"] != "")
    caught = np.unique(lines["exp"][hit])
    return caught[rng.random(caught.size) < 0.6]


def method_for(rng: np.random.Generator, mode: np.ndarray, ctrl: np.ndarray) -> np.ndarray:
    """The check used: parcels are scanned, sea cargo mostly checked on paper."""
    parcel = np.isin(mode, ["express", "post", "passenger"])
    u = rng.random(len(mode))
    sea_like = np.select([u < 0.45, u < 0.75, u < 0.93], [0, 1, 2], 3)
    small = np.select([u < 0.1, u < 0.65, u < 0.92], [0, 1, 2], 3)
    method = np.where(parcel, small, sea_like)
    method = np.where(ctrl & (rng.random(len(mode)) < 0.25), 3, method)
    return np.array(METHODS, dtype=object)[method]


def records(
    rng: np.random.Generator,
    lines: Lines,
    goods: pl.DataFrame,
    decl: pl.DataFrame,
    chosen: np.ndarray,
    confirm_scale: dict[str, float],
) -> pl.DataFrame:
    """One row per inspected line, or one per declaration where recorded as a whole."""
    did = decl["d"].to_numpy()[chosen]
    first = decl["first"].to_numpy()[chosen]
    method = method_for(rng, lines["mode"][first], decl["ctrl"].to_numpy()[chosen])
    whole = rng.random(chosen.size) < 0.35
    at = lines["day"][first] + rng.integers(0, 4, chosen.size)
    per_decl = pl.DataFrame({"declaration_id": did, "method": method, "whole": whole, "at": at})
    rows = pl.DataFrame(
        {
            "declaration_id": lines["declaration_id"],
            "row": np.arange(len(lines["g"])),
            "line_no": lines["line_no"],
        }
    ).join(per_decl, on="declaration_id", maintain_order="left")
    # big declarations: a check looks at six lines, not all
    rows = rows.with_columns(
        pl.int_range(pl.len())
        .shuffle(seed=int(rng.integers(1 << 31)))
        .over("declaration_id")
        .alias("k")
    )
    rows = rows.filter(pl.col("k") < 6)
    r = rows["row"].to_numpy()
    scheme = lines["scheme"][r]
    m_idx = np.array([METHODS.index(x) for x in rows["method"].to_list()])
    p = np.array(
        [
            CONFIRM.get(s, (0, 0, 0, 0))[i] * confirm_scale.get(s, 1.0) if s else 0.0
            for s, i in zip(scheme, m_idx, strict=True)
        ]
    )
    found = rng.random(r.size) < p
    result = np.where(
        found, np.array([RESULT.get(s, "clear") for s in scheme], dtype=object), "clear"
    )
    slip = ~found & (rng.random(r.size) < 0.012)
    result = np.where(slip, rng.choice(["misdeclared", "undervalued"], r.size), result)
    hs = goods["hs"].to_numpy()[lines["true_g"][r]]
    rate = np.array([CNY_PER[c] for c in lines["currency"][r]])
    shows_goods = np.isin(result, ["misdeclared", "concealed"]) & found
    out = rows.with_columns(
        pl.Series("result", result.astype(str)),
        pl.Series("found_hs_code", np.where(shows_goods, hs, NULL).tolist(), dtype=pl.String),
        pl.Series(
            "found_description",
            np.where(shows_goods, goods["en"].to_numpy()[lines["true_g"][r]], NULL).tolist(),
            dtype=pl.String,
        ),
        pl.Series(
            "found_quantity_kg", np.where(shows_goods, np.round(lines["true_kg"][r], 1), np.nan)
        ),
        pl.Series(
            "found_value",
            np.where(
                found & (result == "undervalued"),
                np.round(lines["true_value_cny"][r] / rate, 2),
                np.nan,
            ),
        ),
        pl.Series("severity", np.where(result == "clear", 0, 1)),
    )
    line_level = out.filter(~pl.col("whole"))
    whole_level = (
        out.filter(pl.col("whole"))
        .sort("severity", descending=True, maintain_order=True)
        .group_by("declaration_id", maintain_order=True)
        .first()
        .with_columns(
            pl.lit(None, pl.Int64).alias("line_no"),
            pl.lit(None, pl.String).alias("found_hs_code"),
            pl.lit(None, pl.String).alias("found_description"),
            pl.lit(None, pl.Float64).alias("found_quantity_kg"),
        )
    )
    cols = [
        "declaration_id",
        "line_no",
        "inspected_at",
        "method",
        "result",
        "found_hs_code",
        "found_description",
        "found_quantity_kg",
        "found_value",
    ]
    both = pl.concat([line_level, whole_level.select(line_level.columns)])
    return (
        both.with_columns(pl.Series("inspected_at", as_date(both["at"].to_numpy())))
        .select(cols)
        .with_columns(
            pl.col("found_quantity_kg").fill_nan(None), pl.col("found_value").fill_nan(None)
        )
    )
