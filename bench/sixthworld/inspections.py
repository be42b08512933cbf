"""Past inspections: this customs office's own targeting, its methods, and what they found.

Targeting: risk points from the office's own rules (controlled code declared, small
parcels and passengers, a young exporter, a sensitive destination, scrap-like or sample
words, a high value per kg) plus a share of purely random checks. The method depends
on the points (documents for most, lab for the riskiest). Whether a check confirms a
fraudulent line depends on the scheme and the method (a scan sees a weight surplus, a
lab sees a disguised metal, nothing at the border sees a front company well). Honest
lines also yield findings unrelated to export control (tariff classification, IPR,
paperwork), which the contract records with the same result words. ``found_value`` of
an undervaluation is in USD whatever the declaration's currency.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import polars as pl

from .catalogue import CONTROLLED, LOOKALIKE, MODES, ORDINARY
from .lines import GOOD_PRICE, Lines
from .parties import START, Cast

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

METHODS = ("document", "scan", "physical", "lab")
# chance that each method confirms a scheme, and the result it records
CONFIRM: dict[str, tuple[tuple[float, float, float, float], str]] = {
    "no_permit": ((0.8, 0.2, 0.6, 0.7), "unlicensed"),
    "phantom_permit": ((0.85, 0.2, 0.6, 0.7), "unlicensed"),
    "stale_permit": ((0.75, 0.1, 0.5, 0.6), "unlicensed"),
    "borrowed_permit": ((0.6, 0.1, 0.4, 0.5), "unlicensed"),
    "overdrawn_permit": ((0.5, 0.05, 0.3, 0.3), "unlicensed"),
    "barred_receiver": ((0.5, 0.05, 0.2, 0.2), "diverted"),
    "blank_end_user": ((0.7, 0.05, 0.4, 0.4), "unlicensed"),
    "cover_code": ((0.15, 0.3, 0.6, 0.9), "misdeclared"),
    "scrap_disguise": ((0.1, 0.25, 0.5, 0.9), "misdeclared"),
    "price_split": ((0.35, 0.05, 0.3, 0.5), "undervalued"),
    "price_padding": ((0.2, 0.05, 0.2, 0.3), "misdeclared"),
    "lowball": ((0.35, 0.05, 0.3, 0.5), "undervalued"),
    "short_weight": ((0.1, 0.5, 0.8, 0.6), "misdeclared"),
    "stowaway": ((0.03, 0.55, 0.75, 0.8), "concealed"),
    "courier_samples": ((0.1, 0.6, 0.7, 0.85), "misdeclared"),
    "split_run": ((0.25, 0.2, 0.5, 0.7), "unlicensed"),
    "relay_front": ((0.2, 0.02, 0.05, 0.05), "diverted"),
    "detour": ((0.3, 0.02, 0.1, 0.1), "diverted"),
}
NOISE_TEXT = (
    "归类错误 tariff classification error",
    "侵犯知识产权 IPR: counterfeit trademark",
    "申报要素不全 paperwork incomplete",
    "少报数量 quantity discrepancy",
    "原产地证书不符 origin certificate",
    "low invoice (ordinary goods)",
)
NOISE_RESULT = (
    "misdeclared",
    "concealed",
    "misdeclared",
    "misdeclared",
    "misdeclared",
    "undervalued",
)
SENSITIVE = ("RU", "KZ", "KG", "AE", "TR", "AM", "GE", "HK", "MY", "VN", "MN")


def risk_points(lines: Lines, cast: Cast, declared_hs: np.ndarray, desc: np.ndarray) -> np.ndarray:
    """The office's own targeting points per line."""
    ctrl_codes = {c.hs for c in CONTROLLED}
    pts = np.ones(lines["decl"].size)
    pts += 6 * np.isin(declared_hs, list(ctrl_codes))
    pts += 3 * np.isin(lines["mode"], [MODES.index(m) for m in ("express", "post", "passenger")])
    since = np.array([(e["since"] - START).days for e in cast.exporters])
    pts += 2 * ((lines["day"] - since[lines["exporter"]]) < 90)
    pts += 1.5 * np.isin(lines["dest"].astype(str), SENSITIVE)
    text = pl.Series(desc.astype(str))
    pts += 2 * text.str.contains("废|渣|scrap|residue|样品|sample|slag").to_numpy()
    good_price = GOOD_PRICE[lines["good"]]
    ordinary = lines["ctrl"] < 0
    per_kg = lines["value_usd"] / np.maximum(lines["declared_kg"], 0.01)
    pts += 2 * (ordinary & (per_kg > 3 * good_price))
    return pts


def inspect(
    rng: np.random.Generator,
    lines: Lines,
    cast: Cast,
    declared_hs: np.ndarray,
    desc: np.ndarray,
    decl_ids: np.ndarray,
    rate: float,
    random_share: float,
    confirm: float,
    confirm_by_scheme: dict[str, float],
    noise: float,
) -> pl.DataFrame:
    """The inspections table: about ``rate`` of lines checked, ``random_share`` of them at
    random; ``confirm`` scales every confirmation chance (per scheme in
    ``confirm_by_scheme``); ``noise`` is the chance an honest line yields a finding."""
    n = lines["decl"].size
    pts = risk_points(lines, cast, declared_hs, desc)
    p = rate * (1 - random_share) * pts / pts.mean() + rate * random_share
    checked = np.flatnonzero(rng.random(n) < np.clip(p, 0, 0.9))
    risk = pts[checked]
    u = rng.random(checked.size)
    method = np.where(
        risk >= 6,
        np.where(u < 0.35, 3, np.where(u < 0.75, 2, 1)),
        np.where(u < 0.6, 0, np.where(u < 0.85, 1, 2)),
    )
    scheme = lines["scheme"][checked]
    result = np.full(checked.size, "clear", dtype=object)
    found_hs = np.full(checked.size, None, dtype=object)
    found_desc = np.full(checked.size, None, dtype=object)
    found_kg = np.full(checked.size, None, dtype=object)
    found_value = np.full(checked.size, None, dtype=object)
    roll = rng.random(checked.size)
    for name, (chances, word) in CONFIRM.items():
        sel = np.flatnonzero(scheme == name)
        if sel.size == 0:
            continue
        chance = np.array(chances)[method[sel]] * confirm * confirm_by_scheme.get(name, 1.0)
        hit = sel[roll[sel] < np.clip(chance, 0, 1)]
        result[hit] = word
        rows = checked[hit]
        item = np.where(lines["ctrl"][rows] >= 0, lines["ctrl"][rows], lines["hidden"][rows])
        found_hs[hit] = [CONTROLLED[i].hs if i >= 0 else None for i in item]
        found_desc[hit] = [CONTROLLED[i].zh if i >= 0 else None for i in item]
        found_kg[hit] = np.round(lines["kg"][rows] + lines.get("hidden_kg", np.zeros(n))[rows], 2)
        if word == "undervalued":
            found_value[hit] = np.round(lines["value_usd"][rows] * 3, 2)
    honest = np.flatnonzero((scheme == "") & (rng.random(checked.size) < noise))
    kind = rng.integers(len(NOISE_TEXT), size=honest.size)
    result[honest] = np.array(NOISE_RESULT, dtype=object)[kind]
    found_desc[honest] = np.array(NOISE_TEXT, dtype=object)[kind]
    goods = ORDINARY + LOOKALIKE
    misclass = honest[kind == 0]
    found_hs[misclass] = [goods[(g + 1) % len(goods)].hs for g in lines["good"][checked[misclass]]]
    whole = (method == 0) & (rng.random(checked.size) < 0.15) & (result == "clear")
    delay = rng.integers(0, 4, checked.size)
    days = lines["day"][checked] + delay
    from .generate import frame

    return frame(
        {
            "declaration_id": decl_ids[checked],
            "line_no": pl.Series(
                np.where(whole, NULL, lines["line_no"][checked]).tolist(), dtype=pl.Int64
            ),
            "inspected_at": [(START + dt.timedelta(days=int(d))).isoformat() for d in days],
            "method": np.array(METHODS, dtype=object)[method],
            "result": result,
            "found_hs_code": found_hs,
            "found_description": found_desc,
            "found_quantity_kg": pl.Series(found_kg.tolist(), dtype=pl.Float64),
            "found_value": pl.Series(found_value.tolist(), dtype=pl.Float64),
        }
    )
