"""The risk-targeting history: which declarations customs inspected, how, and what it
found.

Its biases are designed, not learned: the Yunnan and Guangxi road ports are searched
most (drugs and smuggling), Xinjiang's road ports somewhat more than its rail port,
China-Europe container trains least (they run on a fast lane); residents' trade is
rarely checked except on sweep days, when a port checks a large share of the day's
residents; declared controlled codes get a document check; new exporters and exporters
with an earlier finding are targeted. Whether a fraudulent line is found depends on the
method (a scan sees dense cargo, only a lab tells antimony from lead alloy) and on the
variant (faint lines are found less often). Honest lines with clerical slips yield
housekeeping finds; a few findings are recorded for the whole declaration only.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from nineteenthworld import clock, geo, goods
from nineteenthworld.context import Context
from nineteenthworld.ledger import Row, Truth
from nineteenthworld.rand import pick_pairs
from nineteenthworld.schemes import BY_NAME

PROVINCE_FACTOR = {
    "Yunnan": 1.8,
    "Guangxi": 1.5,
    "Xinjiang": 1.2,
    "Inner Mongolia": 1.0,
    "Heilongjiang": 1.0,
    "inland": 0.5,
}
PORT_FACTOR = {"CNAKS": 0.8, "CNNZH": 0.9, "CNURC": 1.5, "CNFAN": 1.0}
METHODS = {
    "container": (("scan", 0.55), ("physical", 0.3), ("document", 0.15)),
    "rail": (("lab", 0.35), ("physical", 0.3), ("document", 0.35)),
    "road": (("physical", 0.5), ("scan", 0.3), ("document", 0.2)),
    "passenger": (("physical", 0.85), ("document", 0.15)),
    "air": (("scan", 0.5), ("physical", 0.3), ("document", 0.2)),
    "sea": (("physical", 0.4), ("scan", 0.3), ("document", 0.3)),
}
FAINT_FACTOR = 0.55
#: Residents' trade is checked in campaign weeks: a few a year at each market.
SWEEP_WEEKS = 3
SWEEP_FACTOR = 30.0
#: No declaration is certain to be inspected.
CAP = 0.9
HOUSEKEEPING = {"misdeclared": 0.55, "undervalued": 0.35}
CONTROLLED_CODES = frozenset(c.hs for c in goods.CONTROLS.values())


@dataclass
class Declaration:
    decl_id: str
    day: dt.date
    port: str
    mode: str
    exporter: str
    rows: list[Row] = field(default_factory=list)

    @property
    def kind(self) -> str:
        if self.mode == "rail" and any(r.get("container_ids") for r in self.rows):
            return "container"
        return self.mode

    @property
    def resident(self) -> bool:
        regid = self.exporter or ""
        return len(regid) == 18 and regid[:2] not in ("91", "92", "93")

    @property
    def controlled(self) -> bool:
        return any(r["hs_code"] in CONTROLLED_CODES for r in self.rows)


def declarations(rows: list[Row]) -> list[Declaration]:
    by_id: dict[str, Declaration] = {}
    for row in rows:
        decl = by_id.get(row["declaration_id"])
        if decl is None:
            decl = Declaration(
                row["declaration_id"], row["_day"], row["port"], row["mode"], row["exporter_id"]
            )
            by_id[row["declaration_id"]] = decl
        decl.rows.append(row)
    return sorted(by_id.values(), key=lambda d: (d.day, d.decl_id))


def static_weight(decl: Declaration, sweeps: set[tuple[str, dt.date]]) -> float:
    info = geo.PORTS[decl.port]
    w = PORT_FACTOR.get(decl.port, PROVINCE_FACTOR.get(info.province, 1.0))
    w *= {"container": 0.5, "rail": 0.9, "road": 1.2, "passenger": 0.5, "air": 1.5, "sea": 1.0}.get(
        decl.kind, 1.0
    )
    if decl.resident:
        w *= SWEEP_FACTOR if (decl.port, decl.day) in sweeps else 0.3
    if decl.controlled:
        w *= 2.0
    return w


def inspect(ctx: Context) -> list[Row]:
    """Inspection records; marks ``_inspected`` and ``_hit`` on the lines it covers."""
    rng = ctx.rng("inspections")
    knobs = ctx.knobs
    decls = declarations(ctx.ledger.rows)
    sweeps: set[tuple[str, dt.date]] = set()
    for port in geo.RESIDENT_PORTS:
        for _ in range(SWEEP_WEEKS):
            start = rng.randrange(clock.DAYS - 7)
            start -= clock.day_at(start).weekday()  # campaigns run Monday to Sunday
            sweeps.update((port, clock.day_at(start + k)) for k in range(7))
    forced = {id(s["row"]): s for s in ctx.ledger.seizures}
    first_seen: dict[str, dt.date] = {}
    weights = []
    for decl in decls:
        seen = first_seen.setdefault(decl.exporter, decl.day)
        new = (decl.day - seen).days < 60
        weights.append(static_weight(decl, sweeps) * (1.6 if new else 1.0))
    # An earlier finding triples an exporter's odds; the target leaves room for it.
    scale = _scale(weights, knobs.inspection_rate * len(decls) / 1.1)
    flagged: set[str] = set()
    records: list[Row] = []
    for decl, w in zip(decls, weights, strict=True):
        seizure = next((forced[id(r)] for r in decl.rows if id(r) in forced), None)
        p = scale * w
        if decl.exporter in flagged:
            p *= 3.0
        if seizure is None and rng.random() >= min(p, CAP):
            continue
        if seizure is not None:
            method = str(seizure["method"])
            day = seizure["day"]
        else:
            method = pick_pairs(rng, METHODS[decl.kind])
            if decl.controlled and rng.random() < 0.5:
                method = "document"
            day = decl.day + dt.timedelta(days=rng.randint(0, 2))
        outcomes = [
            _outcome(rng, row, method, knobs.find_rate, row is (seizure or {}).get("row"))
            for row in decl.rows
        ]
        if any(o["result"] != "clear" for o in outcomes):
            flagged.add(decl.exporter)
        whole = rng.random() < (0.3 if len(decl.rows) > 1 else 0.08)
        if whole:
            chosen = next(
                (o for o in outcomes if o.get("_fraud") and o["result"] != "clear"),
                next((o for o in outcomes if o["result"] != "clear"), outcomes[0]),
            )
            record = {**chosen, "line_no": None}
            records.append(_clean(record, decl, day, method))
        else:
            for row, outcome in zip(decl.rows, outcomes, strict=True):
                records.append(_clean({**outcome, "line_no": row["line_no"]}, decl, day, method))
        for row, outcome in zip(decl.rows, outcomes, strict=True):
            row["_inspected"] = True
            row["_hit"] = outcome["result"] != "clear"
    return records


def _scale(weights: list[float], target: float) -> float:
    """The factor that makes the capped probabilities add up to ``target`` inspections."""
    w = np.asarray(weights, dtype=np.float64)
    lo, hi = 0.0, 1.0
    while np.minimum(hi * w, CAP).sum() < target and hi < 1e9:
        hi *= 2
    for _ in range(40):
        mid = (lo + hi) / 2
        if np.minimum(mid * w, CAP).sum() < target:
            lo = mid
        else:
            hi = mid
    return hi


def _outcome(rng, row: Row, method: str, find_rate: float, forced: bool) -> Row:
    truth: Truth | None = row["_truth"]
    if truth is not None:
        scheme = BY_NAME[truth.scheme]
        p = find_rate * scheme.efficacy.get(method, 0.1)
        if truth.variant == "faint":
            p *= FAINT_FACTOR
        if forced or rng.random() < min(p, 0.98):
            out: Row = {"result": truth.result, "_fraud": True}
            if truth.result in ("misdeclared", "concealed"):
                out["found_hs_code"] = truth.true_hs
                out["found_description"] = truth.true_description
                out["found_quantity_kg"] = truth.true_kg
            if truth.result == "undervalued":
                out["found_value"] = round(truth.true_value_cny / _fx(row), 2)
            if truth.result == "diverted":
                out["found_description"] = "最终用户与申报不符 end user not as declared"
            return out
        return {"result": "clear"}
    found = row.get("_found")
    if found and rng.random() < HOUSEKEEPING.get(found["result"], 0.5):
        return dict(found)
    if rng.random() < 0.01:
        row["_traps"].append("housekeeping_find")
        return {
            "result": "misdeclared",
            "found_quantity_kg": round(row["net_weight_kg"] * rng.uniform(0.92, 0.97), 1),
        }
    return {"result": "clear"}


def _fx(row: Row) -> float:
    return geo.fx(row["currency"], row["_day"]) or 1.0


def _clean(record: Row, decl: Declaration, day: dt.date, method: str) -> Row:
    return {
        "declaration_id": decl.decl_id,
        "line_no": record.get("line_no"),
        "inspected_at": day,
        "method": method,
        "result": record["result"],
        "found_hs_code": record.get("found_hs_code"),
        "found_description": record.get("found_description"),
        "found_quantity_kg": record.get("found_quantity_kg"),
        "found_value": record.get("found_value"),
    }


def rates_by(rows: list[Row], key: str) -> dict[str, float]:
    """Share of declarations inspected, by a declaration field (for tests and reports)."""
    seen: dict[str, set[str]] = defaultdict(set)
    hit: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        seen[row[key]].add(row["declaration_id"])
        if row.get("_inspected"):
            hit[row[key]].add(row["declaration_id"])
    return {k: len(hit[k]) / len(v) for k, v in seen.items()}
