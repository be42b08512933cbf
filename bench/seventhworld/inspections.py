"""Past checks: customs' own risk rules plus random checks, and what each method finds.

Targeting (per line, then the whole declaration is opened): a controlled commodity code,
a small parcel to a sensitive destination, an exporter in its first four months, a
transit-country destination, a 'sample' description, a sea line whose gross weight is
far above its net. A checked declaration is examined by one method; a document check
catches licence fraud well and hidden goods hardly at all, a laboratory the reverse.
A few checks of honest lines record clerical misdeclarations (wrong commodity code on
ordinary goods), as real inspection histories do. Three in ten inspections record the
whole declaration (no line number), with the gravest finding among its lines.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from seventhworld.assemble import Lines
from seventhworld.foreign import HUBS
from seventhworld.goods import goods_frame

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

METHODS = np.array(["document", "scan", "physical", "lab"])
RESULT = {
    "lic": "unlicensed",
    "enduse": "diverted",
    "dest": "diverted",
    "front": "diverted",
    "via": "diverted",
    "mis_code": "misdeclared",
    "mis_grade": "misdeclared",
    "mis_weight": "misdeclared",
    "mis_value": "undervalued",
    "hide": "concealed",
}
#: Chance that each method confirms a scheme family (document, scan, physical, lab).
CONFIRM = {
    "lic": (0.85, 0.10, 0.40, 0.30),
    "diverted": (0.35, 0.05, 0.10, 0.05),
    "mis_code": (0.15, 0.30, 0.60, 0.95),
    "mis_grade": (0.10, 0.05, 0.40, 0.95),
    "mis_value": (0.50, 0.05, 0.30, 0.40),
    "mis_weight": (0.10, 0.50, 0.80, 0.60),
    "hide_container": (0.02, 0.60, 0.85, 0.50),
    "hide_sample": (0.10, 0.50, 0.80, 0.90),
    "hide_ant": (0.20, 0.40, 0.60, 0.70),
}
SEVERITY = ["concealed", "unlicensed", "diverted", "misdeclared", "undervalued", "clear"]


def family(scheme: str) -> str:
    if scheme.startswith("lic_"):
        return "lic"
    if scheme in CONFIRM:
        return scheme
    return "diverted"


def result_of(scheme: str) -> str:
    for prefix, result in RESULT.items():
        if scheme.startswith(prefix):
            return result
    raise KeyError(scheme)


def targeted(lines: Lines, first_export_day: np.ndarray) -> np.ndarray:
    """How many of customs' risk rules each line trips (0..6)."""
    c = lines.cols
    controlled_codes = set(goods_frame().filter(pl.col("controlled"))["hs"].to_list())
    small = np.isin(c["mode"], ["express", "post", "passenger"])
    sensitive = np.isin(c["destination_country"], ["US", "RU", "JP", *HUBS])
    young = c["day"] - first_export_day < 120
    desc = pl.Series(c["description"].astype(str))
    sample = desc.str.contains("样品|sample|Sample").to_numpy()
    gross = np.asarray(
        pl.Series(c["gross_weight_kg"], strict=False).fill_null(0).to_numpy(), dtype=float
    )
    net = c["net_weight_kg"].astype(float)
    heavy = (c["mode"] == "sea") & (gross > 1.3 * net)
    return (
        2 * np.isin(c["hs_code"], list(controlled_codes)).astype(int)
        + (small & sensitive)
        + young
        + np.isin(c["destination_country"], list(HUBS))
        + sample
        + heavy
    )


def inspections(
    rng: np.random.Generator,
    lines: Lines,
    first_export_day: np.ndarray,
    rate: float,
    target: float,
    confirm: dict[str, float],
    noise: float,
) -> pl.DataFrame:
    """The inspections table (contract columns) for the world's lines."""
    c = lines.cols
    rules = targeted(lines, first_export_day)
    p = np.clip(target * rules, 0, 0.8)
    line_pick = rng.random(lines.n) < p
    d = c["d"]
    n_decl = int(d.max()) + 1
    decl_pick = (rng.random(n_decl) < rate) | (np.bincount(d[line_pick], minlength=n_decl) > 0)
    rows = np.flatnonzero(decl_pick[d])
    method_of_decl = rng.choice(len(METHODS), n_decl, p=[0.4, 0.25, 0.25, 0.1])
    lab_first = np.bincount(d[rules >= 2], minlength=n_decl) > 0
    method_of_decl = np.where(
        lab_first & (rng.random(n_decl) < 0.5), rng.choice([2, 3], n_decl), method_of_decl
    )
    method = method_of_decl[d[rows]]
    scheme = c["scheme"][rows]
    fraud = scheme != None  # noqa: E711
    chance = np.zeros(len(rows))
    for s in np.unique(scheme[fraud].astype(str)):  # per scheme
        sel = scheme == s
        table = np.array(CONFIRM[family(s)]) * confirm.get(s, confirm.get("*", 1.0))
        chance[sel] = np.clip(table[method[sel]], 0, 1)
    found = fraud & (rng.random(len(rows)) < chance)
    result = np.full(len(rows), "clear", dtype=object)
    result[found] = np.array([result_of(s) for s in scheme[found]], dtype=object)
    clerical = ~fraud & (rng.random(len(rows)) < noise)
    result[clerical] = "misdeclared"
    goods = goods_frame()
    hs_found = np.where(
        found & np.isin(result, ["misdeclared", "concealed"]), c["true_hs"][rows], NULL
    )
    wrong_code = goods["hs"].to_numpy()[rng.integers(0, 31, int(clerical.sum()))]
    hs_found[clerical] = wrong_code
    frame = pl.DataFrame(
        {
            "declaration_id": c["declaration_id"][rows],
            "line_no": c["line_no"][rows],
            "d": d[rows],
            "inspected_at": (
                c["date"][rows] + rng.integers(0, 4, len(rows)).astype("timedelta64[D]")
            ).astype(str),
            "method": METHODS[method],
            "result": result,
            "found_hs_code": hs_found,
            "found_description": np.where(found, c["true_desc"][rows], NULL),
            "found_quantity_kg": np.where(
                found, np.round(c["true_kg"][rows].astype(float), 3), NULL
            ),
            "found_value": np.where(
                found & (result == "undervalued"),
                np.round(c["true_value"][rows].astype(float), 2),
                NULL,
            ),
            "sev": np.array([SEVERITY.index(r) for r in result]),
        },
        strict=False,
    )
    whole = rng.random(n_decl) < 0.3
    per_line = frame.filter(~pl.Series(whole[frame["d"].to_numpy()]))
    per_decl = (
        frame.filter(pl.Series(whole[frame["d"].to_numpy()]))
        .sort("d", "sev")
        .group_by("d", maintain_order=True)
        .first()
        .with_columns(pl.lit(None, pl.Int64).alias("line_no"))
    )
    out = pl.concat([per_line, per_decl.select(per_line.columns)], how="vertical_relaxed")
    return out.sort("inspected_at", "declaration_id").drop("d", "sev")
