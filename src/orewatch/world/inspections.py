"""Past inspections: who was checked (with selection bias) and what the check found.

Officers inspected what looked risky (controlled codes, parcels, young exporters,
transit destinations, odd weights) plus a small random share; a check finds a scheme
with a probability that depends on the method (documents miss concealment; a lab finds
disguised material). Missed frauds are recorded as 'clear'; a few honest lines carry a
wrong finding. These are the labels a model learns from, biased as real ones are.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from orewatch.contract.schema import INSPECTIONS
from orewatch.world.declarations import (
    G_CONTROLLED,
    M_EXPRESS,
    M_PASSENGER,
    M_POST,
    Decls,
    Lines,
)
from orewatch.world.geo import TRANSIT_COUNTRIES
from orewatch.world.goods import GOODS
from orewatch.world.parties import COUNTRY_INDEX, PartyBook
from orewatch.world.truth import FINDING

METHODS: tuple[str, ...] = ("document", "scan", "physical", "lab")
#: Probability that a check by each method finds the scheme.
#: Share of checks of a line with no fraud that still record a finding (a wrong one).
WRONG_FINDING = 0.003

DETECT: dict[str, tuple[float, float, float, float]] = {
    "disguised": (0.15, 0.45, 0.8, 0.95),
    "undervalued": (0.35, 0.1, 0.3, 0.3),
    "understated_quantity": (0.1, 0.5, 0.85, 0.85),
    "licence_forged": (0.85, 0.85, 0.85, 0.85),
    "licence_expired": (0.9, 0.9, 0.9, 0.9),
    "licence_other_exporter": (0.7, 0.7, 0.7, 0.7),
    "licence_overdrawn": (0.4, 0.4, 0.4, 0.4),
    "licence_wrong_consignee": (0.6, 0.6, 0.6, 0.6),
    "licence_missing": (0.95, 0.95, 0.95, 0.95),
    "concealment": (0.03, 0.55, 0.75, 0.75),
    "small_parcels": (0.2, 0.6, 0.85, 0.9),
    "transshipment": (0.08, 0.08, 0.08, 0.1),
    "broker_network": (0.2, 0.4, 0.6, 0.7),
}


def inspections_frame(
    rng: np.random.Generator,
    book: PartyBook,
    decls: Decls,
    lines: Lines,
    specs_base: int,
    decl_ids: pl.Series,
    rate: float,
) -> pl.DataFrame:
    n = len(lines)
    d = lines.decl
    day = decls.day[d]
    mode = decls.mode[d]
    inc = np.array([(e.incorporated - date(1970, 1, 1)).days for e in book.exporters])[
        decls.exporter[d]
    ]
    score = 1.8 * G_CONTROLLED[lines.good_decl]
    score += 0.9 * np.isin(mode, (M_POST, M_EXPRESS, M_PASSENGER))
    score += 0.8 * np.isin(decls.dest[d], [COUNTRY_INDEX[c] for c in TRANSIT_COUNTRIES])
    score += 1.2 * ((day - inc) < 365)
    score += 1.0 * (lines.gross > 1.25 * np.maximum(lines.kg_decl, 0.01))
    score += 0.6 * (lines.spec >= specs_base)
    weight = np.exp(score)
    p = np.minimum(0.9, rate * 0.85 * weight / weight.mean()) + rate * 0.15
    chosen = np.flatnonzero(rng.random(n) < p)
    k = len(chosen)
    risky = score[chosen] > 2.0
    mp = np.where(risky[:, None], [0.3, 0.3, 0.3, 0.1], [0.55, 0.3, 0.13, 0.02])
    method = (rng.random(k)[:, None] > np.cumsum(mp, axis=1)).sum(axis=1)
    method = np.minimum(method, 3)
    # what the check found
    result = np.full(k, "clear", dtype=object)
    found = np.full(k, "", dtype=object)
    pos = {int(i): j for j, i in enumerate(chosen)}
    for idx, scheme in lines.labels:
        probs = np.array(DETECT[scheme])
        for i in idx:
            j = pos.get(int(i))
            if j is None or result[j] != "clear":
                continue
            if rng.random() < probs[method[j]]:
                result[j] = FINDING[scheme]
                found[j] = scheme
    honest = result == "clear"
    wrong = honest & (rng.random(k) < WRONG_FINDING)
    result[wrong] = "misdeclared"
    hs = np.full(k, None, dtype=object)
    desc = np.full(k, None, dtype=object)
    qty = np.full(k, np.nan)
    val = np.full(k, np.nan)
    for jj in np.flatnonzero(result != "clear"):
        j = int(jj)
        i = int(chosen[j])
        scheme = str(found[j])
        g = int(lines.good_true[i])
        if scheme == "concealment" and lines.hidden_good[i] >= 0:
            g = int(lines.hidden_good[i])
            qty[j] = float(lines.hidden_kg[i])
        else:
            qty[j] = float(lines.kg_true[i])
        hs[j] = GOODS[g].hs_code
        desc[j] = GOODS[g].desc_zh
        val[j] = round(float(lines.usd_true[i]), 2)
    inspected = (day[chosen] + rng.integers(0, 4, k)).astype("datetime64[D]")
    frame = pl.DataFrame(
        {
            "declaration_id": decl_ids.gather(pl.Series(d[chosen], dtype=pl.Int64)),
            "line_no": lines.line_no[chosen],
            "inspected_at": inspected,
            "method": np.array(METHODS)[method],
            "result": result.tolist(),
            "found_hs_code": pl.Series(hs.tolist(), dtype=pl.String),
            "found_description": pl.Series(desc.tolist(), dtype=pl.String),
            "found_quantity_kg": pl.Series(np.round(qty, 2)).fill_nan(None),
            "found_value": pl.Series(val).fill_nan(None),
        }
    ).with_columns(pl.col("inspected_at").cast(pl.Date))
    return frame.select(INSPECTIONS.names)
