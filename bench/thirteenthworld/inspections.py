"""The inspection history: who was checked, how, and what was found (imperfectly).

Which lines were inspected is decided the way a customs office decides: each exit
office's appetite, the exporter's reputation (a flag that sits on some crooked and some
honest exporters alike), whether the declared code is a controlled one, parcels and land
crossings, the 2025 anti-smuggling campaign, and a dose of real intelligence. The
``inspection_bias`` knob is the exponent on those habits (0 = uniform). What is found
depends on the method: a document check sees licence problems but rarely a false
description, a lab sees the substance, a scan sees the extra mass in a container. A
tenth of inspections cover a whole declaration (no line number). Honest lines are
occasionally written up too, for small classification slips.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .actors import Actors
from .catalogue import EFFECTIVE_DAY, PRODUCTS
from .honest import Lines
from .knobs import Knobs
from .places import PORT_INSPECT, PORTS, day_of, iso_days
from .schemes import RESULT, SCHEMES, Hidden

METHODS = np.array(["document", "scan", "physical", "lab"])
#: Chance that each method finds each scheme (columns follow METHODS).
FIND = {
    "neighbour_heading": (0.2, 0.1, 0.45, 0.9),
    "alloy_cloak": (0.15, 0.05, 0.35, 0.9),
    "slag_label": (0.25, 0.15, 0.6, 0.9),
    "price_trim": (0.45, 0.05, 0.3, 0.4),
    "netweight_trim": (0.2, 0.5, 0.85, 0.6),
    "bulk_stowaway": (0.05, 0.55, 0.6, 0.3),
    "parcel_sample": (0.35, 0.4, 0.75, 0.85),
    "ghost_permit": (0.85, 0.3, 0.5, 0.5),
    "stale_permit": (0.7, 0.2, 0.4, 0.4),
    "relay_consignee": (0.3, 0.05, 0.1, 0.1),
    "ant_moving": (0.3, 0.3, 0.7, 0.8),
}
HS_BY_KEY = {p.key: p.hs for p in PRODUCTS}
CAMPAIGN = (day_of("2025-05-01"), day_of("2025-10-31"))


def _chance(rng: np.random.Generator, a: Actors, L: Lines, k: Knobs) -> np.ndarray:
    n = L["prod"].size
    b = k.inspection_bias
    exporters = len(a.exp_id)
    crooked = np.array(a.exp_crooked)
    flagged = np.where(crooked, rng.random(exporters) < 0.4, rng.random(exporters) < 0.12)
    controlled_code = np.isin(L["hs"], [p.hs for p in PRODUCTS if p.controlled])
    declared_force = controlled_code & (L["day"] >= EFFECTIVE_DAY[L["true_prod"]])
    campaign = (L["day"] >= CAMPAIGN[0]) & (L["day"] <= CAMPAIGN[1])
    habit = PORT_INSPECT[L["port"]] * np.where(flagged[L["exporter"]], 3.0, 1.0)
    habit = habit * np.where(declared_force, 2.5, 1.0) * np.where(campaign, 1.8, 1.0)
    habit = habit * np.select(
        [np.isin(L["mode"], ("express", "post")), L["mode"] == "road"], [1.5, 1.3], 1.0
    )
    w = habit**b * np.where(L["scheme"] != "", 2.0, 1.0)
    return np.minimum(0.9, k.inspection_rate * n * w / w.sum())


def history(
    rng: np.random.Generator, a: Actors, L: Lines, hidden: Hidden, k: Knobs, decl_ids: np.ndarray
) -> pl.DataFrame:
    n = L["prod"].size
    checked = np.nonzero(rng.random(n) < _chance(rng, a, L, k))[0]
    port = L["port"][checked]
    probs = np.array([PORTS[p].method for p in port])
    cum = probs.cumsum(axis=1)
    method = (rng.random(checked.size)[:, None] > cum).sum(axis=1)
    method = np.minimum(method, 3)
    scheme = L["scheme"][checked]
    found = np.zeros(checked.size, dtype=bool)
    for s in SCHEMES:
        at = scheme == s
        found[at] = rng.random(int(at.sum())) < np.minimum(
            0.98, np.array(FIND[s])[method[at]] * k.find_rate
        )
    slip = (scheme == "") & (rng.random(checked.size) < 0.012)
    result = np.where(found, np.array([RESULT.get(s, "clear") for s in scheme]), "clear").astype(
        object
    )
    result = np.where(slip, "misdeclared", result)
    true = L["true_prod"][checked]
    f_hs = np.where(found, np.array([PRODUCTS[p].hs for p in true], dtype=object), "")
    f_desc = np.where(found, np.array([PRODUCTS[p].zh[0] for p in true], dtype=object), "")
    f_kg = np.where(found, np.round(L["true_net"][checked], 1), np.nan)
    f_val = np.where(found, np.round(L["true_usd"][checked], 2), np.nan)
    f_hs = np.where(
        slip,
        np.array([h[:8] + "90" if h[8:] != "90" else h[:8] + "99" for h in L["hs"][checked]]),
        f_hs,
    )
    pos = {int(v): j for j, v in enumerate(checked)}
    for line, prod, kg, usd in zip(hidden.line, hidden.prod, hidden.kg, hidden.usd, strict=True):
        j = pos.get(int(line))
        if j is not None and found[j]:
            f_hs[j], f_desc[j], f_kg[j], f_val[j] = (
                PRODUCTS[prod].hs,
                PRODUCTS[prod].zh[0],
                kg,
                round(float(usd), 2),
            )
    whole = rng.random(checked.size) < 0.1
    line_no = np.where(whole, -1, L["line_no"][checked])
    frame = pl.DataFrame(
        {
            "declaration_id": decl_ids[L["decl"][checked]],
            "line_no": line_no,
            "inspected_at": iso_days(L["day"][checked] + rng.integers(0, 7, checked.size)),
            "method": METHODS[method],
            "result": result.astype(str),
            "found_hs_code": f_hs.astype(str),
            "found_description": f_desc.astype(str),
            "found_quantity_kg": f_kg,
            "found_value": f_val,
        }
    )
    frame = frame.with_columns(
        pl.when(pl.col("line_no") < 0).then(None).otherwise(pl.col("line_no")).alias("line_no")
    )
    # a whole-declaration inspection is one row per declaration
    return frame.unique(subset=["declaration_id", "line_no"], keep="first", maintain_order=True)
