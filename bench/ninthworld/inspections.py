"""This world's customs: its own risk rules, random checks and tip-offs, and how likely
each inspection method is to confirm each scheme.

Rules (probabilities a line is checked, combined, all scaled by ``rate``): a controlled
code declared; an exporter in its first 120 days; a business line to a known transit or
sanctioned-trade destination; a unit value far from the code's median; random checks
(business lines more than parcels); and tip-offs that reach a share of fraudulent lines
whatever they look like. A check confirms fraud with a probability that depends on the
method (documents find licence faults, labs find wrong materials, scans find hidden
mass) times ``confirm[scheme]``; honest lines are cleared but for a few clerical errors.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import polars as pl

from . import vocab
from .actors import START
from .text import text_series

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

METHODS = ("document", "scan", "physical", "lab")
PERMIT = (0.85, 0.3, 0.5, 0.5)
#: Chance that each method confirms each scheme, and the result it records.
CONFIRM: dict[str, tuple[tuple[float, float, float, float], str]] = {
    "no_permit": (PERMIT, "unlicensed"),
    "phantom_permit": (PERMIT, "unlicensed"),
    "stale_permit": (PERMIT, "unlicensed"),
    "borrowed_permit": ((0.6, 0.2, 0.3, 0.3), "unlicensed"),
    "permit_mismatch": ((0.7, 0.2, 0.4, 0.4), "unlicensed"),
    "overdrawn_permit": ((0.5, 0.1, 0.2, 0.2), "unlicensed"),
    "listed_end_user": ((0.6, 0.1, 0.2, 0.2), "diverted"),
    "military_end_use": ((0.8, 0.1, 0.3, 0.3), "diverted"),
    "blank_end_user": ((0.7, 0.1, 0.2, 0.2), "unlicensed"),
    "code_swap": ((0.15, 0.35, 0.6, 0.95), "misdeclared"),
    "lowball_value": ((0.5, 0.05, 0.2, 0.3), "undervalued"),
    "short_weight": ((0.1, 0.5, 0.8, 0.6), "misdeclared"),
    "buried_in_container": ((0.02, 0.55, 0.7, 0.4), "concealed"),
    "sample_parcels": ((0.05, 0.5, 0.7, 0.9), "concealed"),
    "split_parcels": ((0.05, 0.3, 0.6, 0.9), "misdeclared"),
    "relay_route": ((0.02, 0.1, 0.3, 0.8), "misdeclared"),
    "fresh_front": ((0.3, 0.1, 0.3, 0.5), "diverted"),
    "omnivore_consignee": ((0.1, 0.05, 0.1, 0.1), "diverted"),
}
RISKY_DESTINATIONS = ("RU", "KZ", "KG", "AE", "TR", "HK")


def chance(lines: pl.DataFrame, rate: float) -> pl.Expr:
    """Probability that this customs checks each line under its own rules."""
    unit = pl.col("usd") / pl.col("kg").clip(1e-6)
    median = unit.median().over("good")
    rules = [
        pl.when(pl.col("good_controlled")).then(0.10).otherwise(0.0),
        pl.when(pl.col("new_exporter")).then(0.03).otherwise(0.0),
        pl.when(~pl.col("b2c") & pl.col("country").is_in(RISKY_DESTINATIONS))
        .then(0.02)
        .otherwise(0.0),
        pl.when((unit < 0.4 * median) | (unit > 3 * median)).then(0.08).otherwise(0.0),
        pl.when(pl.col("b2c")).then(0.002).otherwise(0.01),
        pl.when(pl.col("scheme") != "").then(0.03).otherwise(0.0),
    ]
    keep = pl.lit(1.0)
    for p in rules:
        keep = keep * (1 - (p * rate).clip(0, 1))
    return 1 - keep


def method_for(rng: np.random.Generator, mode: np.ndarray) -> np.ndarray:
    """Containers get scanned, parcels opened, air freight papers read."""
    n = mode.size
    box = rng.choice(METHODS, n, p=[0.35, 0.35, 0.2, 0.1])
    parcel = rng.choice(METHODS, n, p=[0.2, 0.4, 0.35, 0.05])
    air = rng.choice(METHODS, n, p=[0.4, 0.2, 0.3, 0.1])
    return np.where(
        np.isin(mode, ["sea", "road", "rail"]),
        box,
        np.where(np.isin(mode, ["express", "post", "passenger"]), parcel, air),
    )


def inspect(
    rng: np.random.Generator, lines: pl.DataFrame, rate: float, confirm: dict[str, float]
) -> pl.DataFrame:
    """The inspections table for the lines this customs chose to check."""
    ctrl = [i for i, g in enumerate(vocab.GOODS) if g.item]
    first_day = pl.col("day").min().over("exporter")
    frame = lines.with_columns(
        pl.col("good").is_in(ctrl).alias("good_controlled"),
        ((pl.col("day") - first_day) < 120).alias("new_exporter"),
    ).with_columns(chance(lines, rate).alias("_p"))
    checked = frame.filter(pl.Series(rng.random(frame.height)) < pl.col("_p"))
    n = checked.height
    method = method_for(rng, checked["mode"].to_numpy())
    position = {name: k for k, name in enumerate(METHODS)}
    m = np.array([position[x] for x in method], dtype=np.int64)
    scheme = checked["scheme"].to_numpy()
    p_find = np.array(
        [
            CONFIRM[s][0][k] * confirm.get(s, 1.0) if s else 0.0
            for s, k in zip(scheme, m, strict=True)
        ]
    )
    found = rng.random(n) < p_find
    result = np.array([CONFIRM[s][1] if f else "clear" for s, f in zip(scheme, found, strict=True)])
    clerical = (scheme == "") & (rng.random(n) < 0.005)
    result = np.where(clerical, "misdeclared", result)
    hidden = (
        checked["hidden_good"].fill_null(-1).to_numpy()
        if "hidden_good" in checked.columns
        else np.full(n, -1)
    )
    real = np.where(hidden >= 0, hidden, checked["true_good"].to_numpy())
    true_hs = np.array([vocab.GOODS[g].hs for g in real])
    true_name = np.array([vocab.GOODS[g].names[0] for g in real])
    hit = result != "clear"
    days = checked["day"].to_numpy() + rng.integers(0, 4, n)
    hit_s = pl.Series(hit)
    qty = (checked["true_kg"] + checked["hidden_kg"]).round(2)
    value = (checked["true_usd"] * checked["value"] / checked["usd"].clip(1e-9)).round(2)
    return pl.DataFrame(
        {
            "declaration_id": checked["declaration_id"],
            "line_no": checked["line"],
            "inspected_at": pl.Series(
                [START + dt.timedelta(days=int(d)) for d in days], dtype=pl.Date
            ),
            "method": method,
            "result": result,
            "found_hs_code": text_series("found_hs_code", np.where(hit, true_hs, NULL)),
            "found_description": text_series("found_description", np.where(hit, true_name, NULL)),
        }
    ).with_columns(
        pl.when(hit_s).then(qty).alias("found_quantity_kg"),
        pl.when(hit_s).then(value).alias("found_value"),
    )
