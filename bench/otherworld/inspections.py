"""Past inspections: this world's own targeting policy and what each check could find.

Customs here picks declarations with risk rules of its own (a controlled commodity code,
a young exporter, a parcel of "samples", a transit destination for metals and
chemicals, an intelligence flag on some traders) plus a random share, scaled to the
inspection rate. A check's method decides what it can see: documents catch licence
problems, scans see hidden loads in containers, labs see what a powder really is. Most
finds of honest trade are mundane (a tariff line wrong among ordinary goods, an invoice
too low): real inspection histories are full of them, so the labels are noisy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from .actors import HUBS
from .shipments import Catalogue

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

METHODS = ("document", "scan", "physical", "lab")
METHOD_SHARE = (0.4, 0.3, 0.22, 0.08)
RESULT = {
    "unlicensed": "unlicensed",
    "forged_licence": "unlicensed",
    "stale_licence": "unlicensed",
    "borrowed_licence": "unlicensed",
    "overdrawn_licence": "unlicensed",
    "no_end_user": "diverted",
    "barred_end_user": "diverted",
    "front_transship": "diverted",
    "magpie_consignee": "diverted",
    "false_code": "misdeclared",
    "short_weight": "misdeclared",
    "undervalued": "undervalued",
    "hidden_load": "concealed",
    "courier_samples": "concealed",
    "parcel_ring": "concealed",
}
# Chance a check by each method (document, scan, physical, lab) confirms the scheme.
CONFIRM = {
    "unlicensed": (0.9, 0.3, 0.7, 0.7),
    "forged_licence": (0.85, 0.1, 0.5, 0.5),
    "stale_licence": (0.8, 0.05, 0.4, 0.4),
    "borrowed_licence": (0.6, 0.05, 0.35, 0.35),
    "overdrawn_licence": (0.5, 0.05, 0.2, 0.2),
    "no_end_user": (0.3, 0.0, 0.1, 0.1),
    "barred_end_user": (0.5, 0.0, 0.2, 0.2),
    "front_transship": (0.1, 0.0, 0.05, 0.05),
    "magpie_consignee": (0.15, 0.0, 0.05, 0.05),
    "false_code": (0.1, 0.3, 0.6, 0.95),
    "short_weight": (0.05, 0.4, 0.8, 0.8),
    "undervalued": (0.4, 0.0, 0.2, 0.3),
    "hidden_load": (0.02, 0.6, 0.85, 0.85),
    "courier_samples": (0.05, 0.5, 0.8, 0.9),
    "parcel_ring": (0.05, 0.4, 0.7, 0.9),
}
METAL_CHAPTERS = ("25", "26", "28", "38", "72", "76", "78", "79", "80", "81", "83")


def targeting_points(
    lines: dict[str, np.ndarray],
    cat: Catalogue,
    exp_kind: np.ndarray,
    exp_since: np.ndarray,
    flagged: np.ndarray,
) -> np.ndarray:
    """Risk points of each line under this customs' own rules (declared data only)."""
    declared_controlled = np.isin(lines["hs_code"], cat.hs[cat.controlled])
    parcel = np.isin(lines["mode"], ["express", "post", "passenger"])
    age = (lines["_day"] - exp_since[lines["_exp"]]).astype(int)
    chapter = np.array([h[:2] for h in lines["hs_code"]], dtype=object)
    hub_metal = np.isin(lines["destination_country"], HUBS) & np.isin(chapter, METAL_CHAPTERS)
    return (
        3.0 * declared_controlled
        + 1.5 * parcel
        + 2.0 * (age < 270)
        + 1.5 * hub_metal
        + 3.0 * flagged[lines["_exp"]]
    )


def select(
    rng: np.random.Generator, lines: dict[str, np.ndarray], points: np.ndarray, rate: float
) -> np.ndarray:
    """Declarations chosen for a check: risk-weighted, about ``rate`` of them."""
    ids, inverse = np.unique(lines["declaration_id"], return_inverse=True)
    decl_points = np.zeros(ids.size)
    np.maximum.at(decl_points, inverse, points)
    weight = 1.0 + decl_points
    p = np.clip(rate * weight / weight.mean(), 0, 0.9)
    chosen = rng.random(ids.size) < p
    return chosen[inverse]


def inspect(
    rng: np.random.Generator,
    lines: dict[str, np.ndarray],
    cat: Catalogue,
    exp_kind: np.ndarray,
    exp_since: np.ndarray,
    rate: float,
    confirm: dict[str, float],
) -> pl.DataFrame:
    """The inspections table for ``lines`` (all lines, honest and fraudulent)."""
    n_exp = exp_kind.size
    flagged = np.where(
        np.isin(exp_kind, ["rogue", "sender"]), rng.random(n_exp) < 0.3, rng.random(n_exp) < 0.01
    )
    points = targeting_points(lines, cat, exp_kind, exp_since, flagged)
    checked = select(rng, lines, points, rate)
    _, inverse = np.unique(lines["declaration_id"], return_inverse=True)
    decl_method = rng.choice(METHODS, size=inverse.max() + 1, p=METHOD_SHARE)
    method = decl_method[inverse].astype(object)
    boxed = np.isin(lines["mode"], ["sea", "rail", "road"])
    method = np.where((method == "scan") & ~boxed, "physical", method)
    rows = np.flatnonzero(checked)
    scheme = lines["_scheme"][rows]
    m = method[rows]
    m_index = np.select([m == k for k in METHODS], list(range(4)))
    p_confirm = np.array(
        [
            CONFIRM[s][i] * confirm.get(s, 1.0) if s is not None else 0.0
            for s, i in zip(scheme, m_index, strict=True)
        ]
    )
    found = rng.random(rows.size) < np.clip(p_confirm, 0, 1)
    result = np.array(
        [RESULT[s] if f else "clear" for s, f in zip(scheme, found, strict=True)], dtype=object
    )
    honest = scheme == None  # noqa: E711
    u = rng.random(rows.size)
    noise_mis = honest & (m != "scan") & (u < 0.015)
    noise_low = honest & (m == "document") & (u >= 0.015) & (u < 0.025)
    result = np.where(noise_mis, "misdeclared", np.where(noise_low, "undervalued", result))
    return _table(rng, lines, cat, rows, m, result, found, noise_mis)


def _table(
    rng: np.random.Generator,
    lines: dict[str, np.ndarray],
    cat: Catalogue,
    rows: np.ndarray,
    method: np.ndarray,
    result: np.ndarray,
    found: np.ndarray,
    noise_mis: np.ndarray,
) -> pl.DataFrame:
    """Rows of the inspections table; a clear scan covers its whole declaration."""
    true_prod = lines["_true_prod"][rows]
    hs = lines["hs_code"][rows]
    wrong_line = np.array(
        [
            h[:6] + f"{int(x):04d}"
            for h, x in zip(hs, rng.integers(0, 10000, size=rows.size), strict=True)
        ],
        dtype=object,
    )
    found_hs = np.where(found, cat.hs[true_prod], np.where(noise_mis, wrong_line, NULL))
    found_desc = np.where(found, cat.zh[true_prod], NULL)
    found_kg = np.where(found, np.round(lines["_true_kg"][rows], 2), NULL)
    found_value = np.where(found, np.round(lines["_value_usd"][rows] * lines["_fx"][rows], 2), NULL)
    whole = (method == "scan") & (result == "clear")
    frame = pl.DataFrame(
        {
            "declaration_id": lines["declaration_id"][rows].tolist(),
            "line_no": np.where(whole, NULL, lines["line_no"][rows]).tolist(),
            "inspected_at": (lines["_day"][rows] + rng.integers(0, 5, size=rows.size)).astype(
                "datetime64[D]"
            ),
            "method": method.tolist(),
            "result": result.tolist(),
            "found_hs_code": found_hs.tolist(),
            "found_description": found_desc.tolist(),
            "found_quantity_kg": found_kg.tolist(),
            "found_value": found_value.tolist(),
        },
        schema_overrides={
            "line_no": pl.Int64,
            "found_hs_code": pl.String,
            "found_description": pl.String,
            "found_quantity_kg": pl.Float64,
            "found_value": pl.Float64,
        },
    )
    return frame.unique(["declaration_id", "line_no"], keep="first", maintain_order=True)
