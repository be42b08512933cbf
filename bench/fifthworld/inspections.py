"""Customs' own targeting and what its checks find: the inspection history of a world.

The policy is strongly biased toward past offenders (an exporter, broker or consignee
with an earlier find), plus a few risk rules of its own (controlled codes to transit
countries, chemical and metal codes by parcel or passenger, first shipments of young
companies) and few random checks. Many records are at the declaration level (no line).
Whether a check confirms a fraudulent line depends on its scheme and on the method: a
document check finds licence problems, rarely hidden goods; a physical check finds the
hidden goods only sometimes; a lab test identifies disguised material.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from fifthworld.parties import TRANSIT

METHODS = ("document", "scan", "physical", "lab")
#: Base chance that a check of each method confirms a line of each scheme.
CONFIRM: dict[str, tuple[float, float, float, float]] = {
    "no_permit": (0.85, 0.8, 0.85, 0.85),
    "phantom_permit": (0.7, 0.6, 0.7, 0.7),
    "stale_permit": (0.75, 0.7, 0.75, 0.75),
    "borrowed_permit": (0.45, 0.4, 0.45, 0.45),
    "overdrawn_permit": (0.3, 0.25, 0.3, 0.3),
    "barred_recipient": (0.4, 0.3, 0.35, 0.35),
    "blank_end_user": (0.8, 0.7, 0.75, 0.75),
    "false_code": (0.08, 0.15, 0.4, 0.9),
    "cheap_invoice": (0.25, 0.2, 0.3, 0.35),
    "light_weight": (0.1, 0.35, 0.6, 0.6),
    "stowaway": (0.02, 0.3, 0.45, 0.5),
    "courier_samples": (0.1, 0.4, 0.55, 0.8),
    "ant_army": (0.1, 0.35, 0.5, 0.75),
    "detour": (0.08, 0.05, 0.08, 0.08),
}
RESULT = {
    "no_permit": "unlicensed",
    "phantom_permit": "unlicensed",
    "stale_permit": "unlicensed",
    "borrowed_permit": "unlicensed",
    "overdrawn_permit": "unlicensed",
    "barred_recipient": "diverted",
    "blank_end_user": "diverted",
    "detour": "diverted",
    "false_code": "misdeclared",
    "cheap_invoice": "undervalued",
    "light_weight": "misdeclared",
    "stowaway": "concealed",
    "courier_samples": "concealed",
    "ant_army": "misdeclared",
}


@dataclass
class Policy:
    """Knobs of the targeting policy and the state it learns from its own finds."""

    rate: float = 1.0
    confirm_scale: float = 1.0
    random_share: float = 0.002
    clerical: float = 0.015
    exporters: set[str] = field(default_factory=set)
    brokers: set[str] = field(default_factory=set)
    consignees: set[str] = field(default_factory=set)

    def chance(self, h: pl.DataFrame) -> np.ndarray:
        """Chance each declaration of ``h`` is checked under the rules."""

        def rule(hit: pl.Series, p: float) -> np.ndarray:
            return np.where(hit.to_numpy(), p, 0.0)

        parts = [
            rule(h["exporter_id"].is_in(list(self.exporters)), 0.5),
            rule(h["declarant_id"].is_in(list(self.brokers)).fill_null(False), 0.06),
            rule(h["consignee_name"].str.to_lowercase().is_in(list(self.consignees)), 0.4),
            rule(h["ctrl_code"] & h["destination_country"].is_in(TRANSIT), 0.12),
            rule(h["ctrl_code"], 0.05),
            rule(h["mode"].is_in(["express", "post", "passenger"]) & h["chem_code"], 0.03),
            rule(h["young"], 0.03),
        ]
        keep = np.ones(h.height)
        for p in parts:
            keep *= 1.0 - np.clip(p * self.rate, 0, 0.95)
        return 1.0 - keep * (1.0 - self.random_share * self.rate)

    def learn(self, found: pl.DataFrame) -> None:
        """Remember who was found (exporter, broker, consignee) for later targeting."""
        self.exporters.update(found["exporter_id"].to_list())
        self.brokers.update(x for x in found["declarant_id"].to_list() if x)
        self.consignees.update(x.lower() for x in found["consignee_name"].to_list())


def inspect_week(
    rng: np.random.Generator, policy: Policy, h: pl.DataFrame, lines: pl.DataFrame
) -> tuple[list[dict[str, object]], pl.DataFrame]:
    """Choose this week's checks and their outcomes; returns records and the found lines
    (``declaration_id``, ``line_no``, ``scheme``)."""
    pick = rng.random(h.height) < policy.chance(h)
    checked = h.filter(pl.Series(pick))
    if checked.height == 0:
        return [], lines.clear().select("declaration_id", "line_no", "scheme")
    method = rng.choice(METHODS, checked.height, p=[0.5, 0.25, 0.18, 0.07])
    method = np.where(
        checked["chem_code"].to_numpy() & (rng.random(checked.height) < 0.3), "lab", method
    )
    checked = checked.with_columns(
        pl.Series("method", method), pl.Series("whole", rng.random(checked.height) < 0.6)
    )
    cl = lines.join(
        checked.select("declaration_id", "method", "whole", "day"), on="declaration_id"
    ).sort("declaration_id", "line_no")
    base = np.zeros(cl.height)
    schemes = cl["scheme"].to_numpy()
    meth = cl["method"].to_numpy()
    for s, probs in CONFIRM.items():
        for m, p in zip(METHODS, probs, strict=True):
            base[(schemes == s) & (meth == m)] = p
    hit = rng.random(cl.height) < np.clip(base * policy.confirm_scale, 0, 0.98)
    clerical = (schemes == None) & (rng.random(cl.height) < policy.clerical / 20)  # noqa: E711
    cl = cl.with_columns(pl.Series("hit", hit), pl.Series("clerical", clerical))
    return _records(rng, checked, cl), cl.filter("hit").select(
        "declaration_id", "line_no", "scheme"
    )


def _records(
    rng: np.random.Generator, checked: pl.DataFrame, cl: pl.DataFrame
) -> list[dict[str, object]]:
    """Declaration-level records (one per declaration) or line-level ones."""
    out: list[dict[str, object]] = []
    finds = cl.filter(pl.col("hit") | pl.col("clerical")).sort("declaration_id", "line_no")
    first = {
        r["declaration_id"]: r
        for r in finds.unique("declaration_id", keep="first", maintain_order=True).iter_rows(
            named=True
        )
    }
    by_decl = finds.partition_by("declaration_id", as_dict=True)
    for row in checked.iter_rows(named=True):
        did, day, method = row["declaration_id"], row["day"], row["method"]
        when = day + int(rng.integers(0, 4))
        if row["whole"]:
            f = first.get(did)
            out.append(_record(did, None, when, method, f))
            continue
        found = by_decl.get((did,))
        rows = found.iter_rows(named=True) if found is not None else []
        listed = 0
        for f in rows:
            out.append(_record(did, f["line_no"], when, method, f))
            listed += 1
        if listed == 0:
            n = int(cl.filter(pl.col("declaration_id") == did).height)
            for ln in rng.choice(np.arange(1, n + 1), min(n, 2), replace=False):
                out.append(_record(did, int(ln), when, method, None))
    return out


def _record(
    did: str, line_no: int | None, day: int, method: str, f: dict[str, object] | None
) -> dict[str, object]:
    rec: dict[str, object] = {
        "declaration_id": did,
        "line_no": line_no,
        "inspected_day": day,
        "method": method,
        "result": "clear",
    }
    if f is None:
        return rec
    if f["clerical"] and not f["hit"]:
        code = str(f["hs_code"])
        return rec | {
            "result": "misdeclared",
            "found_hs_code": code[:6] + "9090",
            "found_description": f["description"],
        }
    rec["result"] = RESULT[str(f["scheme"])]
    rec["found_hs_code"] = f["true_hs"]
    rec["found_description"] = f["true_desc"]
    rec["found_quantity_kg"] = f["true_kg"]
    if rec["result"] == "undervalued":
        rec["found_value"] = round(float(f["value"]) * 3.0, 2)  # type: ignore[arg-type]
    return rec
