"""Inspections: what officers chose to check, how, and what they found.

Officers do not inspect at random. They look at what seems risky to them: a
controlled code, a controlled code without a licence, metal sent by courier, a
destination known for re-routing, a new exporter or buyer, a price far from the
market, and tips from earlier cases (stronger for the careless, "loud", variant of a
scheme). A line's chance of being chosen is ``c * exp(bias * risk)``, with ``c`` set so
that the chosen share of honest lines matches the inspection rate; a sixth of all
inspections are drawn at random to keep the labels honest.

Checks are imperfect: the method suits some frauds (a lab assay finds a purity game, a
scan finds a dense block in a crate, documents find a licence problem) and not others,
and faint variants are found less often. A fraud that is missed is recorded as
``clear``. Honest lines with a neighbouring commodity code are sometimes recorded as
``misdeclared``: a real finding, but not smuggling.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import numpy as np

from sixteenthworld import market
from sixteenthworld.controls import Controls
from sixteenthworld.geography import HOP_COUNTRIES
from sixteenthworld.goods import BY_KEY
from sixteenthworld.knobs import Knobs
from sixteenthworld.model import Line

RANDOM_SHARE = 1.0 / 6.0
METHODS = ("document", "scan", "physical", "lab")
#: How well each method finds each family of fraud (1: as well as find_rate allows).
SUITS: dict[str, tuple[float, float, float, float]] = {
    "misdeclaration": (0.25, 0.3, 0.8, 1.0),
    "undervaluation": (0.5, 0.6, 0.9, 0.3),
    "concealment": (0.1, 0.85, 0.95, 0.4),
    "licensing": (1.0, 0.15, 0.35, 0.15),
    "transshipment": (0.6, 0.05, 0.15, 0.05),
}


@dataclass
class Inspection:
    line: Line
    whole: bool
    day_offset: int
    method: str
    result: str
    found_hs: str | None = None
    found_description: str | None = None
    found_kg: float | None = None
    found_value: float | None = None


def perceived_risk(line: Line, controls: Controls, rnd: random.Random) -> float:
    """How risky a line looks to an officer (observable features, tips and hunch)."""
    good = BY_KEY[line.good]
    risk = 0.0
    controlled = good.item is not None and controls.in_force(good.item, line.day)
    if controlled:
        risk += 0.9
        if line.licence < 0 and line.licence_text is None:
            risk += 1.3
    if line.mode in ("express", "post", "passenger") and (good.element or good.price > 50):
        risk += 0.5
    if line.destination_country in HOP_COUNTRIES:
        risk += 0.3
    if line.new_party:
        risk += 0.4
    expected = good.price * market.domestic(good.element, line.day)
    per_kg = line.value_usd / max(line.net_weight_kg, 1e-6)
    if per_kg > 3.0 * expected or per_kg < expected / 3.0:
        risk += 0.5
    return risk + line.intel + rnd.gauss(0.0, 0.8)


@dataclass
class Selector:
    knobs: Knobs
    c: float

    @classmethod
    def calibrate(cls, knobs: Knobs, risks: list[float]) -> Selector:
        """Find ``c`` so that the chosen share of these (honest) lines is the target."""
        target = (1.0 - RANDOM_SHARE) * knobs.inspection_rate * len(risks)
        if target <= 0 or not risks:
            return cls(knobs, 0.0)
        scaled = knobs.inspection_bias * np.asarray(risks, dtype=float)
        low, high = -60.0, 10.0 - float(scaled.max())
        for _ in range(80):
            mid = (low + high) / 2
            total = float(np.minimum(0.95, np.exp(mid + scaled)).sum())
            if total < target:
                low = mid
            else:
                high = mid
        return cls(knobs, math.exp((low + high) / 2))

    def chosen(self, risk: float, rnd: random.Random) -> bool:
        p = min(0.95, self.c * math.exp(self.knobs.inspection_bias * risk))
        p = p + (1.0 - p) * RANDOM_SHARE * self.knobs.inspection_rate
        return rnd.random() < p


def method_for(line: Line, rnd: random.Random) -> str:
    good = BY_KEY[line.good]
    if line.mode in ("express", "post", "passenger"):
        weights = (0.1, 0.55, 0.3, 0.05)
    elif good.item is not None:
        weights = (0.45, 0.15, 0.25, 0.15)
    elif good.element or good.material:
        weights = (0.2, 0.3, 0.35, 0.15)
    else:
        weights = (0.25, 0.45, 0.28, 0.02)
    return rnd.choices(METHODS, weights)[0]


def inspect(
    line: Line, rnd: random.Random, knobs: Knobs, family: str, result: str, whole_ok: bool
) -> Inspection:
    """Inspect one line; ``family``/``result`` are the fraud's ("" for honest lines)."""
    method = method_for(line, rnd)
    offset = rnd.choices((0, 1, 2, 3), (0.5, 0.3, 0.15, 0.05))[0]
    if not family:
        if line.quirk == "code" and line.hs_code != BY_KEY[line.good].hs and rnd.random() < 0.5:
            good = BY_KEY[line.good]
            return Inspection(line, False, offset, method, "misdeclared", good.hs, good.zh)
        return Inspection(line, whole_ok and rnd.random() < 0.1, offset, method, "clear")
    suit = SUITS[family][METHODS.index(method)]
    p = knobs.find_rate * (0.35 + 0.65 * suit) * (1.0 if line.variant == "loud" else 0.6) * 1.15
    if rnd.random() >= min(p, 0.97):
        return Inspection(line, False, offset, method, "clear")
    true = BY_KEY[line.true_good]
    rate = market.fx(line.currency, line.day)
    found = Inspection(line, False, offset, method, result)
    if result in ("misdeclared", "concealed", "undervalued"):
        found.found_hs = true.hs
        found.found_description = true.zh
        found.found_kg = round(line.true_kg, 2)
        found.found_value = round(line.true_value_usd * rate, 2)
    elif result == "unlicensed":
        found.found_hs = line.hs_code
    return found
