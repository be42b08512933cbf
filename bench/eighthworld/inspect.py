"""Past checks: this world's customs targeting, its random checks, and what each method
finds.

Targeting is a points system of its own (metal and chemical chapters, small metal parcels,
an exporter's first declarations, relay destinations, a gross weight far above the net, a
low value per kg for the code). A declaration is checked with a chance that grows with its
points, scaled so that about ``rate`` of declarations are checked, and each port checks at
most ``quota`` declarations a day; ``random_share`` of checks are drawn at random. Every
line of a checked declaration is recorded. A check finds a fraudulent line with a chance
that depends on the scheme and the method (documents find licence fraud, scans find
concealed weight, labs find wrong materials and grades), times ``confirm_scale``.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]

METHODS = np.array(["document", "scan", "physical", "lab"])
#: scheme -> (chance of finding it by document, scan, physical, lab) and the result recorded
CONFIRM: dict[str, tuple[tuple[float, float, float, float], str]] = {
    "lic_none": ((0.85, 0.3, 0.6, 0.7), "unlicensed"),
    "lic_phantom": ((0.7, 0.2, 0.4, 0.4), "unlicensed"),
    "lic_stale": ((0.6, 0.1, 0.3, 0.3), "unlicensed"),
    "lic_borrowed": ((0.45, 0.1, 0.3, 0.3), "unlicensed"),
    "lic_overdraw": ((0.3, 0.05, 0.15, 0.15), "unlicensed"),
    "enduse_listed": ((0.4, 0.05, 0.1, 0.1), "diverted"),
    "enduse_blank": ((0.5, 0.05, 0.2, 0.2), "unlicensed"),
    "code_swap": ((0.1, 0.25, 0.55, 0.9), "misdeclared"),
    "downstream_guise": ((0.1, 0.1, 0.35, 0.85), "misdeclared"),
    "grade_shave": ((0.05, 0.05, 0.2, 0.9), "misdeclared"),
    "undervalue": ((0.45, 0.05, 0.3, 0.3), "undervalued"),
    "short_weight": ((0.05, 0.55, 0.8, 0.6), "misdeclared"),
    "hidden_in_box": ((0.02, 0.7, 0.75, 0.5), "concealed"),
    "dense_sample": ((0.05, 0.5, 0.8, 0.9), "concealed"),
    "ant_swarm": ((0.3, 0.3, 0.6, 0.7), "unlicensed"),
    "relay_front": ((0.05, 0.0, 0.02, 0.02), "diverted"),
    "relay_mixed": ((0.05, 0.0, 0.02, 0.02), "diverted"),
    "chain_excess": ((0.02, 0.0, 0.02, 0.02), "unlicensed"),
}
RISKY_CHAPTERS = ("28", "81", "38", "26", "25", "71", "85")
RELAY = ("KZ", "KG", "AE", "TR", "AM", "GE", "RS")


def points(cols: Cols) -> np.ndarray:
    """Targeting points of each line (as lodged: the officer sees what is declared)."""
    hs = cols["hs_code"].astype(str)
    chapter = np.array([h[:2] for h in hs])
    small = np.isin(cols["mode"], ["express", "post", "passenger"])
    metalish = np.isin(chapter, ["73", "76", "80", "81", "28"])
    net = cols["net_weight_kg"].astype(float)
    ratio = cols["gross_weight_kg"].astype(float) / np.maximum(net, 1e-6)
    frame = pl.DataFrame({"hs": hs, "v": cols["value"].astype(float) / np.maximum(net, 1e-6)})
    med = frame.group_by("hs", maintain_order=True).agg(pl.col("v").median().alias("m"))
    density = frame.join(med, on="hs", how="left")["m"].to_numpy()
    cheap = frame["v"].to_numpy() < 0.4 * density
    first = _first_declarations(cols)
    return (
        2.0 * np.isin(chapter, RISKY_CHAPTERS)
        + 2.0 * (small & metalish)
        + 1.5 * first
        + 1.5 * np.isin(cols["destination_country"], RELAY)
        + 1.0 * (ratio > 1.15)
        + 1.0 * cheap
    )


def _first_declarations(cols: Cols) -> np.ndarray:
    """Lines of an exporter's first three declarations in the data."""
    frame = pl.DataFrame(
        {"e": cols["exporter_id"].astype(str), "d": cols["decl"], "day": cols["day"]}
    )
    firsts = (
        frame.unique("d", maintain_order=True)
        .sort("day")
        .with_columns(pl.int_range(pl.len()).over("e").alias("k"))
    )
    return frame.join(firsts.select("d", "k"), on="d", how="left")["k"].to_numpy() < 3


def choose(rng: Rng, cols: Cols, rate: float, quota: int, random_share: float) -> np.ndarray:
    """Which declarations are checked (a boolean per line)."""
    n_decl = int(cols["decl"].max()) + 1
    pts = np.zeros(n_decl)
    np.maximum.at(pts, cols["decl"], points(cols))
    weight = np.exp(0.8 * pts)
    p = np.minimum(rate * (1 - random_share) * weight / weight.mean(), 0.9)
    chosen = rng.random(n_decl) < p
    port = np.zeros(n_decl, dtype=object)
    day = np.zeros(n_decl, dtype=np.int64)
    port[cols["decl"]] = cols["port"]
    day[cols["decl"]] = cols["day"]
    order = pl.DataFrame(
        {
            "i": np.arange(n_decl),
            "port": port.astype(str),
            "day": day,
            "pts": pts + rng.random(n_decl),
            "c": chosen,
        }
    )
    ranked = order.filter(pl.col("c")).with_columns(
        pl.col("pts").rank("ordinal", descending=True).over("port", "day").alias("r")
    )
    kept = ranked.filter(pl.col("r") <= quota)["i"].to_numpy()
    chosen = np.zeros(n_decl, dtype=bool)
    chosen[kept] = True
    chosen |= rng.random(n_decl) < rate * random_share
    return chosen[cols["decl"]]


def methods(rng: Rng, cols: Cols) -> np.ndarray:
    """Method by what is checked: labs for chemicals and metals, scans for containers."""
    n = cols["decl"].size
    chapter = np.array([h[:2] for h in cols["hs_code"].astype(str)])
    u = rng.random(n)
    out = np.where(u < 0.45, "document", np.where(u < 0.8, "physical", "scan"))
    out = np.where(np.isin(cols["mode"], ["sea", "rail"]) & (u > 0.55), "scan", out)
    out = np.where(np.isin(chapter, ["28", "81", "26", "38"]) & (rng.random(n) < 0.3), "lab", out)
    return out


def table(
    rng: Rng,
    cols: Cols,
    scheme_of: np.ndarray,
    rate: float,
    quota: int,
    random_share: float,
    confirm_scale: float,
    confirm: dict[str, float],
) -> pl.DataFrame:
    """The inspections table: one row per line of each checked declaration."""
    checked = choose(rng, cols, rate, quota, random_share)
    method = methods(rng, cols)
    result = np.full(scheme_of.size, "clear", dtype=object)
    found = np.zeros(scheme_of.size, dtype=bool)
    for scheme, (chances, outcome) in CONFIRM.items():
        sel = checked & (scheme_of == scheme)
        if not sel.any():
            continue
        chance = np.array(chances)[_method_index(method[sel])]
        hit = rng.random(int(sel.sum())) < np.minimum(
            chance * confirm_scale * confirm.get(scheme, 1.0), 1.0
        )
        idx = np.flatnonzero(sel)[hit]
        result[idx] = outcome
        found[idx] = True
    rows = np.flatnonzero(checked)
    true_hs = cols["_true_hs"].astype(object)
    fhs = np.where(found & (result == "misdeclared") & (true_hs != cols["hs_code"]), true_hs, "")
    fqty = np.where(
        found & (np.abs(cols["_true_kg"] - cols["net_weight_kg"].astype(float)) > 0.01),
        cols["_true_kg"],
        np.nan,
    )
    fqty = np.where(found & (cols["_hidden_kg"] > 0), cols["_hidden_kg"], fqty)
    fval = np.where(found & (result == "undervalued"), cols["_true_value"], np.nan)
    at = (places.START + cols["day"] + rng.integers(0, 4, scheme_of.size)).astype("datetime64[D]")
    return pl.DataFrame(
        {
            "declaration_id": cols["declaration_id"][rows].astype(str),
            "line_no": cols["line_no"][rows],
            "inspected_at": at[rows],
            "method": method[rows],
            "result": result[rows].astype(str),
            "found_hs_code": fhs[rows].astype(str),
            "found_description": np.where(found[rows], cols["_true_desc"][rows], "").astype(str),
            "found_quantity_kg": pl.Series(np.round(fqty[rows], 2)).fill_nan(None),
            "found_value": pl.Series(np.round(fval[rows].astype(float), 2)).fill_nan(None),
        }
    )


def _method_index(method: np.ndarray) -> np.ndarray:
    """Position of each method in ``METHODS``."""
    lookup = {m: i for i, m in enumerate(METHODS)}
    return np.array([lookup[m] for m in method], dtype=np.int64)
