"""Past inspections under customs' old targeting: its risk profile looked at chemicals
and base metals (chapters 28 and 81) going by sea or air, plus a thin layer of random
checks everywhere. Express, post and passenger goods were never profiled, and document
checks cannot see what only a lab or an opened container shows, so most finds are of a
few schemes and some schemes were never found at all.
"""

from __future__ import annotations

import numpy as np
import polars as pl

METHODS = np.array(["document", "scan", "physical", "lab"])
METHOD_W = {"sea": [0.25, 0.4, 0.3, 0.05], "air": [0.5, 0.0, 0.4, 0.1]}
OTHER_W = [0.6, 0.1, 0.3, 0.0]
# how well each method can see each kind of fraud
SEES = {
    "paper": {"document": 1.0, "scan": 0.2, "physical": 0.6, "lab": 0.6},
    "goods": {"document": 0.1, "scan": 0.5, "physical": 0.9, "lab": 1.0},
    "party": {"document": 0.5, "scan": 0.0, "physical": 0.1, "lab": 0.1},
}
KIND = {
    "unpermitted": ("paper", "unlicensed"),
    "ghost_permit": ("paper", "unlicensed"),
    "lapsed_permit": ("paper", "unlicensed"),
    "borrowed_permit": ("paper", "unlicensed"),
    "overdrawn_quota": ("paper", "unlicensed"),
    "ban_edge": ("paper", "unlicensed"),
    "listed_end_user": ("party", "diverted"),
    "blank_end_user": ("paper", "unlicensed"),
    "code_swap": ("goods", "misdeclared"),
    "lowball_invoice": ("goods", "undervalued"),
    "short_weight": ("goods", "misdeclared"),
    "stowaway": ("goods", "concealed"),
    "sample_parcel": ("goods", "misdeclared"),
    "ant_moving": ("goods", "misdeclared"),
    "detour_front": ("party", "diverted"),
    "grab_bag_buyer": ("party", "diverted"),
}
CONFIRM = {
    "unpermitted": 0.9,
    "ghost_permit": 0.7,
    "lapsed_permit": 0.6,
    "borrowed_permit": 0.3,
    "overdrawn_quota": 0.15,
    "ban_edge": 0.5,
    "listed_end_user": 0.3,
    "blank_end_user": 0.4,
    "code_swap": 0.85,
    "lowball_invoice": 0.5,
    "short_weight": 0.8,
    "stowaway": 0.7,
    "sample_parcel": 0.8,
    "ant_moving": 0.2,
    "detour_front": 0.0,
    "grab_bag_buyer": 0.0,
}


def inspect(
    rng: np.random.Generator,
    lines: pl.DataFrame,
    scheme: np.ndarray,
    true_hs: np.ndarray,
    true_kg: np.ndarray,
    true_value: np.ndarray,
    target_rate: float,
    random_rate: float,
    confirm: dict[str, float],
) -> pl.DataFrame:
    """The inspections table: who was checked, how, and what was found."""
    n = lines.height
    mode = lines["mode"].to_numpy()
    chapter = lines["hs_code"].str.slice(0, 2).to_numpy()
    profiled = np.isin(chapter, ["28", "81"]) & np.isin(mode, ["sea", "air"])
    chance = np.where(profiled, target_rate, 0.0) + random_rate
    picked = np.flatnonzero(rng.random(n) < chance)
    method = np.empty(len(picked), dtype=object)
    for m in np.unique(mode[picked]):
        rows = mode[picked] == m
        method[rows] = rng.choice(METHODS, rows.sum(), p=METHOD_W.get(str(m), OTHER_W))
    s = scheme[picked]
    base = np.array([confirm.get(str(x), 0.0) for x in s])
    sees = np.array(
        [SEES[KIND[str(x)][0]][str(mm)] if x else 0.0 for x, mm in zip(s, method, strict=True)]
    )
    found = (s != "") & (rng.random(len(picked)) < base * sees)
    result = np.array([KIND[str(x)][1] if x else "clear" for x in s], dtype=object)
    result[~found] = "clear"
    goods_find = found & np.isin(result, ["misdeclared", "concealed", "undervalued"])
    sub = lines[picked]
    day = sub["declared_at"].str.slice(0, 10).str.to_date().to_numpy()
    return (
        pl.DataFrame(
            {
                "declaration_id": sub["declaration_id"],
                "line_no": sub["line_no"],
                "inspected_at": (
                    day + rng.integers(0, 4, len(picked)).astype("timedelta64[D]")
                ).astype("datetime64[D]"),
                "method": method,
                "result": result,
                "found_hs_code": pl.Series(true_hs[picked].astype(str)),
                "found_quantity_kg": np.where(goods_find, np.round(true_kg[picked], 1), np.nan),
                "found_value": np.where(
                    found & (result == "undervalued"), np.round(true_value[picked], 2), np.nan
                ),
                "_goods": goods_find,
            }
        )
        .with_columns(
            pl.col("found_quantity_kg", "found_value").fill_nan(None),
            pl.when(pl.col("_goods")).then(pl.col("found_hs_code")).alias("found_hs_code"),
        )
        .drop("_goods")
    )
