"""Officers' inspections: aimed at what looks risky to them, finding what is there.

An officer sees only the declaration and the customs price references, never the truth.
What looks risky to officers here is the ordinary lore of a risk unit: a controlled code,
all the more without a licence; parcels, post and passengers; hub destinations; a new
exporter; a unit value far from the reference; a gross weight heavy for the packaging;
an exporter already caught. Each line is inspected with a probability proportional to
``exp(bias * perceived risk)``, scaled so that about ``inspection_rate`` of all lines are
inspected, a fifth of them at random. An inspected fraudulent line is found with
probability ``find_rate``; what is found is written as the contract's result (and, for
a finding, the code, goods, quantity and value really found). A few honest lines are
found with small misclassifications, as in real inspection records.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass
from typing import Any

import numpy as np

from fifteenthworld.goods import export_price
from fifteenthworld.knobs import Knobs
from fifteenthworld.places import HUBS

RANDOM_SHARE = 0.2

#: Contract result for a found scheme.
RESULT = {
    "code_swap": "misdeclared",
    "grade_shave": "misdeclared",
    "alloy_wash": "misdeclared",
    "thin_invoice": "undervalued",
    "ballast_blend": "concealed",
    "pocket_courier": "concealed",
    "odd_line_out": "concealed",
    "paper_gap": "unlicensed",
    "forged_permit": "unlicensed",
    "stale_permit": "unlicensed",
    "permit_overdraw": "unlicensed",
    "consignee_swap": "diverted",
    "hub_relay": "diverted",
    "shadow_buyer": "diverted",
}

#: What officers use to look, by the kind of goods declared.
POWDERS = {"chemical", "rare_earth", "tungsten", "molybdenum", "tellurium", "indium"}


@dataclass
class Inspection:
    declaration: int
    line: dict[str, Any] | None  # None: the whole declaration
    inspected_at: dt.date
    method: str
    result: str
    found: dict[str, Any] | None = None


class Officers:
    """Chooses lines to inspect and writes down what the inspections found."""

    def __init__(self, rng: random.Random, knobs: Knobs) -> None:
        self.rng = rng
        self.knobs = knobs
        self.mean_weight = 1.0
        self.caught_exporters: dict[str, dt.date] = {}
        self.records: list[Inspection] = []

    def perceived(self, line: dict[str, Any]) -> float:
        """How risky the line looks to an officer (no access to the truth)."""
        day: dt.date = line["_day"]
        good = line["_declared_good"]
        risk = 0.0
        if good.in_force(day):
            risk += 0.6
            if not line["license_no"] and line["_licence"] is None:
                risk += 1.3
        mode = line["mode"]
        if mode in {"express", "post", "passenger"}:
            risk += 0.35
        if line["destination_country"] in HUBS:
            risk += 0.3
        exporter = line["_exporter"]
        incorporated = exporter.party.incorporated_at
        if incorporated is None or (day - incorporated).days < 200:
            risk += 0.45
        net = max(line["net_weight_kg"], 1e-6)
        reference = export_price(good, day) * net
        if line["_usd"] > 0 and reference > 0:
            deviation = abs(math.log(line["_usd"] / reference))
            risk += min(1.2, max(0.0, deviation - 0.3) * 1.1)
        gross = line["gross_weight_kg"]
        if gross and gross > net * good.pack[1] * 1.03:
            risk += min(1.0, (gross / (net * good.pack[1]) - 1.0) * 4)
        caught = self.caught_exporters.get(line["exporter_id"])
        if caught is not None and caught <= day:
            risk += 1.0
        return risk

    def calibrate(self, lines: list[dict[str, Any]]) -> None:
        """Scale the selection so that about ``inspection_rate`` of lines are inspected
        (solved numerically: with a steep bias the riskiest lines hit the 95% ceiling)."""
        bias = self.knobs.inspection_bias
        rate = self.knobs.inspection_rate
        weights = np.exp(bias * np.minimum([self.perceived(x) for x in lines], 4.0))
        if not len(weights) or rate <= 0:
            return
        low, high = 1e-9, 1e12
        for _ in range(80):
            mid = math.sqrt(low * high)
            p = np.minimum(0.95, rate * (RANDOM_SHARE + (1 - RANDOM_SHARE) * weights / mid))
            low, high = (low, mid) if p.mean() < rate else (mid, high)
        self.mean_weight = math.sqrt(low * high)

    def _p(self, relative: float) -> float:
        rate = self.knobs.inspection_rate
        return min(0.95, rate * (RANDOM_SHARE + (1 - RANDOM_SHARE) * relative))

    def chance(self, line: dict[str, Any]) -> float:
        bias = self.knobs.inspection_bias
        aimed = math.exp(bias * min(self.perceived(line), 4.0) + self.rng.gauss(0, 0.3))
        return self._p(aimed / self.mean_weight)

    def method(self, line: dict[str, Any]) -> str:
        good = line["_declared_good"]
        if line["mode"] in {"express", "post", "passenger"}:
            weights = (15, 50, 30, 5)
        elif good.family in POWDERS:
            weights = (35, 15, 25, 25)
        else:
            weights = (35, 30, 27, 8)
        return self.rng.choices(("document", "scan", "physical", "lab"), weights=weights)[0]

    def consider(self, line: dict[str, Any]) -> Inspection | None:
        """Maybe inspect ``line``; return the inspection if there was one."""
        rng = self.rng
        if rng.random() >= self.chance(line):
            return None
        method = self.method(line)
        day: dt.date = line["_day"]
        delay = {"document": (0, 1), "scan": (0, 1), "physical": (0, 3), "lab": (4, 14)}[method]
        inspected_at = day + dt.timedelta(days=rng.randint(*delay))
        scheme = line["_scheme"]
        record = Inspection(line["_decl"], line, inspected_at, method, "clear")
        if scheme is not None and rng.random() < self.knobs.find_rate:
            record.result = RESULT[scheme]
            record.found = found_facts(line)
            self.caught_exporters.setdefault(line["exporter_id"], inspected_at)
        elif scheme is None and rng.random() < self.knobs.honest_noise * 0.1:
            record.result = "misdeclared"  # a small misclassification, honestly made
            record.found = {
                "found_hs_code": line["hs_code"][:8]
                + ("90" if line["hs_code"][8:] != "90" else "10"),
                "found_description": line["description"],
                "found_quantity_kg": line["net_weight_kg"],
                "found_value": None,
            }
        line["_inspection"] = record
        self.records.append(record)
        return record

    def whole_declaration(self, lines: list[dict[str, Any]]) -> None:
        """Some consolidations are checked as a whole, without naming a line."""
        rng = self.rng
        first = lines[0]
        method = rng.choice(("document", "scan"))
        day = first["_day"] + dt.timedelta(days=rng.randint(0, 1))
        fraud = [x for x in lines if x["_scheme"] is not None]
        result, found = "clear", None
        if fraud and rng.random() < self.knobs.find_rate:
            result = RESULT[fraud[0]["_scheme"]]
            found = found_facts(fraud[0])
        self.records.append(Inspection(first["_decl"], None, day, method, result, found))

    def rows(self, ids: dict[int, str]) -> list[dict[str, Any]]:
        out = []
        for r in sorted(self.records, key=lambda r: (r.inspected_at, ids[r.declaration])):
            found = r.found or {}
            out.append(
                {
                    "declaration_id": ids[r.declaration],
                    "line_no": r.line["line_no"] if r.line is not None else None,
                    "inspected_at": r.inspected_at.isoformat(),
                    "method": r.method,
                    "result": r.result,
                    "found_hs_code": found.get("found_hs_code"),
                    "found_description": found.get("found_description"),
                    "found_quantity_kg": found.get("found_quantity_kg"),
                    "found_value": found.get("found_value"),
                }
            )
        return out


def found_facts(line: dict[str, Any]) -> dict[str, Any]:
    """What an inspection that finds the fraud writes down (value in the line's currency)."""
    good = line["_good"]
    rate = line["value"] / line["_usd"] if line["_usd"] else 1.0
    return {
        "found_hs_code": good.hs,
        "found_description": line.get("_found_description") or good.zh[0] + " " + good.en[0],
        "found_quantity_kg": round(line["_true_kg"], 2),
        "found_value": round(line["_true_usd"] * rate, 2),
    }
