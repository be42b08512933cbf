"""The inspection history: which lines officers checked, when, how, and what they found.

Owns the ``inspections`` rows and the officers' notion of risk. Officers see only what
was declared (a controlled code, a re-export hub, a parcel, a unit value far from the
market's, a heavy gross weight) and aim ``inspection_rate`` of their checks at it with
strength ``inspection_bias``; an inspection of a fraudulent line finds it with
probability ``find_rate``. Honest lines are inspected too (clear, or now and then a
clerical misclassification). Checks happen the same day, days later, or as
post-clearance audits months later; a ring learns it was caught on that day.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fourteenthworld.actors import HUBS
from fourteenthworld.goods import DAYS, GOODS, fx_per_usd
from fourteenthworld.knobs import Knobs

Rng = np.random.Generator

_HS_INDEX = {g.hs: i for i, g in enumerate(GOODS)}
_CONTROLLED_HS = sorted(g.hs for g in GOODS if g.controlled)


def usd_values(frame: pl.DataFrame) -> np.ndarray:
    """Declared values in USD (at the world's exchange rates)."""
    value = frame["value"].to_numpy()
    day = frame["_day"].to_numpy()
    currency = frame["currency"].to_numpy()
    fx = np.ones(frame.height)
    for code in ("CNY", "EUR", "JPY", "HKD", "KRW"):
        where = currency == code
        fx[where] = fx_per_usd(code, day[where])
    return np.asarray(value / fx, dtype=np.float64)


def select(rng: Rng, frame: pl.DataFrame, fair: np.ndarray, knobs: Knobs) -> pl.DataFrame:
    """``_row, _insp_day, _found, _method_u`` for the lines inspected."""
    n = frame.height
    declared = np.array([_HS_INDEX[h] for h in frame["hs_code"].to_list()])
    day = frame["_day"].to_numpy()
    net = np.maximum(frame["net_weight_kg"].to_numpy(), 1e-3)
    usd_kg = usd_values(frame) / net
    ratio = usd_kg / fair[declared, day]
    gross = frame["gross_weight_kg"].cast(pl.Float64, strict=False).to_numpy()
    pack = np.array([g.pack for g in GOODS])[declared]
    heavy = np.nan_to_num(gross / net, nan=1.0) > pack * 1.04
    risk = (
        0.8 * frame["hs_code"].is_in(_CONTROLLED_HS).to_numpy()
        + 0.5 * frame["destination_country"].is_in(list(HUBS)).to_numpy()
        + 0.6 * frame["mode"].is_in(["express", "post", "passenger"]).to_numpy()
        + 0.6 * (ratio < 0.6)
        + 0.3 * (ratio > 2.5)
        + 0.5 * heavy
        + rng.normal(0.0, 0.5, size=n)
    )
    weight = np.exp(knobs.inspection_bias * (risk - risk.max()))
    p = np.minimum(0.95, knobs.inspection_rate * n * weight / weight.sum())
    inspected = rng.random(n) < p
    fraud = (frame["_scheme"] != "").to_numpy()
    found = inspected & fraud & (rng.random(n) < knobs.find_rate)
    u = rng.random(n)
    lag = np.where(
        u < 0.55, 0, np.where(u < 0.9, rng.integers(1, 4, size=n), rng.integers(20, 181, size=n))
    )
    rows = np.flatnonzero(inspected)
    return pl.DataFrame(
        {
            "_row": frame["_row"].to_numpy()[rows],
            "_insp_day": np.minimum(day[rows] + lag[rows], DAYS - 1),
            "_found": found[rows],
            "_audit": lag[rows] >= 20,
            "_u": rng.random(rows.size),
        }
    )


_METHOD = {
    "misdeclared": ("lab", "physical"),
    "concealed": ("scan", "physical"),
    "undervalued": ("document", "document"),
    "unlicensed": ("document", "document"),
    "diverted": ("document", "document"),
    "clear": ("document", "scan"),
}


def table(rng: Rng, frame: pl.DataFrame, chosen: pl.DataFrame, honest_noise: float) -> pl.DataFrame:
    """The ``inspections`` rows for the chosen lines of the finished ``frame``."""
    from fourteenthworld.goods import date_of

    lines = chosen.join(frame, on="_row", how="left").sort("_row")
    multi = lines["_lines"].to_numpy() > 1
    out: dict[str, list[object]] = {
        "declaration_id": [],
        "line_no": [],
        "inspected_at": [],
        "method": [],
        "result": [],
        "found_hs_code": [],
        "found_description": [],
        "found_quantity_kg": [],
        "found_value": [],
    }
    clerical_p = min(0.1, honest_noise * 0.1)
    for k, r in enumerate(lines.iter_rows(named=True)):
        found = bool(r["_found"])
        result = r["_result"] if found else "clear"
        hs = desc = qty = value = None
        if found:
            g = GOODS[int(r["_good"])]
            if result in ("misdeclared", "concealed"):
                hs, desc, qty = g.hs, g.zh, round(float(r["_true_kg"]), 3)
            fx = float(fx_per_usd(str(r["currency"]), np.array([int(r["_day"])]))[0])
            if result in ("undervalued", "misdeclared"):
                value = round(float(r["_fair_usd"]) * fx, 2)
        elif r["_scheme"] == "" and r["_u"] < clerical_p:
            result = "misdeclared"
            code = str(r["hs_code"])
            hs = code[:8] + ("90" if code[8:] != "90" else "00")
        method = _METHOD[result][int(r["_u"] * 2) % 2]
        if r["_audit"]:
            method = "document"
        whole = result == "clear" and multi[k] and r["line_no"] == 1 and rng.random() < 0.5
        out["declaration_id"].append(r["declaration_id"])
        out["line_no"].append(None if whole else r["line_no"])
        out["inspected_at"].append(date_of(int(r["_insp_day"])).isoformat())
        out["method"].append(method)
        out["result"].append(result)
        out["found_hs_code"].append(hs)
        out["found_description"].append(desc)
        out["found_quantity_kg"].append(qty)
        out["found_value"].append(value)
    return pl.DataFrame(
        out,
        schema={
            "declaration_id": pl.String,
            "line_no": pl.Int64,
            "inspected_at": pl.String,
            "method": pl.String,
            "result": pl.String,
            "found_hs_code": pl.String,
            "found_description": pl.String,
            "found_quantity_kg": pl.Float64,
            "found_value": pl.Float64,
        },
    )
