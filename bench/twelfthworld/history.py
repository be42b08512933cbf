"""The inspection history: this customs service's own targeting, random checks, an
enforcement campaign, and what each method can see.

Targeting scores lines on risk rules of its own (controlled code, small-parcel modes, hub
destinations, young exporters, a broker under suspicion from mid-2025, a low unit value
against the goods' median, a heavy gross weight), adds random checks, and multiplies the
rate in the southern ports during a 2025 campaign. A document check confirms only
paperwork schemes; scans and physical checks miss part of what is there and record it as
clear; a lab assay sees the material. Offices that keep their own records (some ports)
are absent from the history. Caught phoenix identities have their catching find recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from twelfthworld import vocab
from twelfthworld.lines import GOOD_HS, N_ORD, Cols
from twelfthworld.population import day_of

PAPER = [
    "unlicensed_controlled",
    "ghost_permit",
    "lapsed_permit",
    "lent_permit",
    "permit_overdraw",
    "listed_end_user",
    "blank_end_user",
]
PHYSICAL = ["cover_code", "light_weight", "container_stash", "dense_samples", "parcel_swarm"]
METHODS = np.array(["document", "scan", "physical", "lab"])
# chance that a method confirms a scheme that is there
CONFIRM: dict[str, tuple[float, float, float, float]] = {
    **{s: (0.85, 0.2, 0.6, 0.6) for s in PAPER},
    **{s: (0.0, 0.35, 0.55, 0.9) for s in PHYSICAL},
    "cheap_invoice": (0.3, 0.0, 0.2, 0.5),
    "hub_front": (0.15, 0.0, 0.05, 0.05),
    "mixed_basket_buyer": (0.15, 0.0, 0.05, 0.05),
}
RESULT = {
    **{
        s: "unlicensed"
        for s in [
            "unlicensed_controlled",
            "ghost_permit",
            "lapsed_permit",
            "lent_permit",
            "permit_overdraw",
        ]
    },
    "listed_end_user": "diverted",
    "blank_end_user": "unlicensed",
    "cover_code": "misdeclared",
    "light_weight": "misdeclared",
    "container_stash": "concealed",
    "dense_samples": "concealed",
    "parcel_swarm": "misdeclared",
    "cheap_invoice": "undervalued",
    "hub_front": "diverted",
    "mixed_basket_buyer": "diverted",
}


@dataclass(frozen=True)
class Policy:
    """Knobs of the inspection history."""

    random_rate: float = 0.004  # share of lines checked at random
    target_rate: float = 0.012  # share of lines checked on the risk rules
    campaign: float = 4.0  # rate multiple in the southern ports, 2025-03..2025-08
    confirm: dict[str, float] = field(default_factory=dict)  # scheme -> multiple on CONFIRM
    confirm_scale: float = 1.0
    false_find: float = 0.004  # honest lines recorded as misdeclared (classification disputes)


def risk(lines: Cols, first_day: np.ndarray, suspect_broker: int) -> np.ndarray:
    """The service's own rule score per line."""
    good = lines["good"]
    per_kg = lines["value_usd"] / np.maximum(lines["net_kg"], 1e-6)
    frame = pl.DataFrame({"good": good, "per_kg": per_kg})
    median = frame.group_by("good").agg(pl.col("per_kg").median().alias("m"))
    med = frame.join(median, on="good", how="left")["m"].to_numpy()
    score = 2.0 * (good >= N_ORD)
    score += 1.0 * np.isin(lines["mode"], ["express", "post", "passenger"])
    hubs = [c[0] for c in vocab.COUNTRIES if c[3]]
    score += 1.0 * np.isin(lines["destination"], hubs)
    score += 1.5 * ((lines["day"] - first_day[lines["exporter"]]) < 180)
    score += 2.0 * ((lines["broker"] == suspect_broker) & (lines["day"] >= day_of("2025-07-01")))
    score += 1.5 * (per_kg < 0.5 * med)
    score += 1.0 * (lines["gross_kg"] > 1.5 * lines["net_kg"])
    return score


def inspect(
    rng: np.random.Generator,
    lines: Cols,
    first_day: np.ndarray,
    suspect_broker: int,
    caught: list[tuple[int, int]],
    policy: Policy,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows inspected, the method used, and whether a find was recorded (row indices)."""
    n = lines["day"].size
    weight = 2.0 ** risk(lines, first_day, suspect_broker)
    p = policy.random_rate + policy.target_rate * weight / weight.mean()
    south = np.array([row[4] for row in vocab.PORTS])[lines["port"]]
    in_campaign = (
        south & (lines["day"] >= day_of("2025-03-01")) & (lines["day"] <= day_of("2025-08-31"))
    )
    p = np.where(in_campaign, p * policy.campaign, p)
    chosen = rng.random(n) < np.clip(p, 0, 0.9)
    forced = _catches(lines, caught)
    chosen[forced] = True
    recorded = np.array([row[3] for row in vocab.PORTS])[lines["port"]]
    chosen &= recorded | np.isin(np.arange(n), forced)
    rows = np.flatnonzero(chosen)
    method = _methods(rng, lines, rows)
    scheme = lines["scheme"][rows]
    chance = np.zeros(rows.size)
    for name, probs in CONFIRM.items():
        at = scheme == name
        scale = policy.confirm.get(name, 1.0) * policy.confirm_scale
        chance[at] = np.clip(np.array(probs)[method[at]] * scale, 0, 1)
    found = rng.random(rows.size) < chance
    is_forced = np.isin(rows, forced)
    found[is_forced] = True
    method[is_forced] = 2
    honest_find = (scheme == "") & (rng.random(rows.size) < policy.false_find)
    return rows, method, found | honest_find


def _catches(lines: Cols, caught: list[tuple[int, int]]) -> np.ndarray:
    """The last smuggling line of each caught identity on or before the day it stopped."""
    rows = []
    fraud = lines["scheme"] != ""
    for exporter, cut in caught:
        mine = np.flatnonzero(fraud & (lines["exporter"] == exporter) & (lines["day"] <= cut))
        if mine.size:
            rows.append(mine[np.argmax(lines["day"][mine])])
    return np.array(rows, dtype=np.int64)


def _methods(rng: np.random.Generator, lines: Cols, rows: np.ndarray) -> np.ndarray:
    """Method index by mode: parcels are scanned or opened, sea cargo mostly papers."""
    mode = lines["mode"][rows]
    u = rng.random(rows.size)
    parcel = np.isin(mode, ["express", "post", "passenger"])
    sea = mode == "sea"
    m = np.where(u < 0.55, 0, np.where(u < 0.75, 1, np.where(u < 0.95, 2, 3)))
    m = np.where(sea, np.where(u < 0.5, 0, np.where(u < 0.8, 1, np.where(u < 0.95, 2, 3))), m)
    m = np.where(parcel, np.where(u < 0.1, 0, np.where(u < 0.6, 1, np.where(u < 0.97, 2, 3))), m)
    ctrl = lines["good"][rows] >= N_ORD
    return np.where(ctrl & (rng.random(rows.size) < 0.15), 3, m)


def table(
    rng: np.random.Generator,
    lines: Cols,
    rows: np.ndarray,
    method: np.ndarray,
    found: np.ndarray,
    keys: tuple[np.ndarray, np.ndarray],
    value_factor: np.ndarray,
) -> pl.DataFrame:
    """The inspections table of the contract."""
    scheme = lines["scheme"][rows]
    result = np.where(
        found, np.array([RESULT.get(s, "misdeclared") for s in scheme], dtype=object), "clear"
    )
    item = lines["item"][rows]
    seen = found & np.isin(result, ["misdeclared", "concealed"])
    true_hs = np.where(
        item >= 0, GOOD_HS[N_ORD + np.clip(item, 0, None)], GOOD_HS[lines["good"][rows]]
    )
    names = np.array([c.names[2] for c in vocab.CONTROLLED], dtype=object)
    true_desc = np.where(item >= 0, names[np.clip(item, 0, None)], "")
    honest = seen & (scheme == "")
    true_hs = np.where(honest, GOOD_HS[(lines["good"][rows] + 1) % N_ORD], true_hs)
    day = lines["day"][rows] + rng.integers(0, 4, rows.size)
    return pl.DataFrame(
        {
            "declaration_id": keys[0][rows].astype(str),
            "line_no": keys[1][rows],
            "inspected_at": (np.datetime64("2022-01-01") + day.astype("timedelta64[D]")).astype(
                str
            ),
            "method": METHODS[method],
            "result": result.astype(str),
            "found_hs_code": np.where(seen, true_hs, "").astype(str),
            "found_description": np.where(seen, true_desc, "").astype(str),
            "found_quantity_kg": np.where(seen, np.round(lines["true_net"][rows], 2), np.nan),
            "found_value": np.where(
                found & (result == "undervalued"),
                np.round(lines["true_value"][rows] * value_factor[rows], 2),
                np.nan,
            ),
        }
    ).with_columns(pl.col("found_quantity_kg").fill_nan(None), pl.col("found_value").fill_nan(None))
