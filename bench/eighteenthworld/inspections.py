"""The inspection history: what a legacy targeting system chose to check, how, and what
the inspectors found or missed.

The legacy system is biased in ways of its own: it over-inspects Shenzhen, the
Xinjiang and Yunnan land ports, new exporters, and chapters 25/26/28/81 (ores,
inorganic chemicals, minor metals), judging a declaration by its *first* line only, and
under-inspects Yiwu market procurement, Hangzhou e-commerce, post and express, and
chapters 69/85/90 (ceramics, electronics, optics). Tip-offs make declarations that carry
fraud likelier to be chosen and to get a physical or laboratory check.

What a check can see depends on its method: documents show a missing or exhausted
licence, an implausible value or a declared element that gives the game away, never
goods hidden in a box; a scan shows density anomalies; a physical examination opens
only some lines of a long declaration; a laboratory names the element. Inspectors miss
things (``find_rate``). Diversion is invisible at the border and surfaces, if at all,
in a post-clearance investigation months later. Ordinary customs housekeeping (a sibling
code, a low invoice on ordinary goods) is part of the history too.

Most checks of a multi-line declaration are recorded for the whole declaration
(``line_no`` empty), as the contract allows.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from eighteenthworld import market
from eighteenthworld.calendar import END, START
from eighteenthworld.goods import CONTROLLED
from eighteenthworld.model import Declaration, Inspection, Line
from eighteenthworld.state import World

PORT_EFFECT = {
    "CNSZX": 0.6,
    "CNCAN": 0.3,
    "CNPVG": 0.4,
    "CNSHA": 0.0,
    "CNNGB": -0.3,
    "CNYIW": -1.0,
    "CNTAO": -0.4,
    "CNTSN": 0.1,
    "CNXMN": -0.2,
    "CNDLC": 0.0,
    "CNURC": 0.5,
    "CNKMG": 0.4,
    "CNHGH": -0.6,
    "CNNNG": 0.3,
}
CHAPTER_EFFECT = {
    "26": 0.9,
    "28": 0.6,
    "81": 0.8,
    "25": 0.4,
    "38": 0.3,
    "71": 0.5,
    "72": 0.2,
    "78": 0.3,
    "80": 0.2,
    "69": -0.6,
    "85": -0.5,
    "90": -0.7,
    "95": -0.4,
    "94": -0.3,
    "61": -0.2,
    "62": -0.2,
    "64": -0.2,
    "76": 0.1,
    "74": 0.1,
}
MODE_EFFECT = {"express": -0.7, "post": -1.1, "air": 0.2, "road": 0.4, "rail": 0.0, "sea": 0.0}

METHODS = ("document", "scan", "physical", "lab")
#: scheme -> (loud, faint) effectiveness of each method (document, scan, physical, lab)
DETECT: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "structuring": ((0.8, 0.1, 0.6, 0.9), (0.05, 0.05, 0.35, 0.9)),
    "scrap_cover": ((0.25, 0.2, 0.7, 0.95), (0.02, 0.1, 0.4, 0.9)),
    "alloy_cover": ((0.4, 0.05, 0.3, 0.95), (0.02, 0.02, 0.15, 0.9)),
    "device_cover": ((0.2, 0.3, 0.6, 0.9), (0.02, 0.05, 0.2, 0.85)),
    "ree_mislabel": ((0.3, 0.0, 0.2, 0.95), (0.02, 0.0, 0.1, 0.9)),
    "licence_overdraw": ((0.85, 0.3, 0.4, 0.4), (0.5, 0.1, 0.2, 0.2)),
    "licence_borrowed": ((0.8, 0.3, 0.4, 0.4), (0.35, 0.1, 0.15, 0.15)),
    "undervaluation": ((0.6, 0.05, 0.3, 0.3), (0.2, 0.0, 0.1, 0.1)),
    "hub_reexport": ((0.15, 0.0, 0.0, 0.0), (0.02, 0.0, 0.0, 0.0)),
    "false_end_user": ((0.15, 0.0, 0.0, 0.0), (0.02, 0.0, 0.0, 0.0)),
    "shell_consignee": ((0.15, 0.0, 0.0, 0.0), (0.02, 0.0, 0.0, 0.0)),
    "concealment": ((0.0, 0.6, 0.8, 0.5), (0.0, 0.2, 0.5, 0.3)),
    "market_bundle": ((0.15, 0.4, 0.8, 0.8), (0.02, 0.15, 0.55, 0.6)),
}
#: scheme -> (loud result, faint result)
RESULT: dict[str, tuple[str, str]] = {
    "structuring": ("unlicensed", "misdeclared"),
    "scrap_cover": ("misdeclared", "misdeclared"),
    "alloy_cover": ("misdeclared", "misdeclared"),
    "device_cover": ("misdeclared", "misdeclared"),
    "ree_mislabel": ("misdeclared", "misdeclared"),
    "licence_overdraw": ("unlicensed", "unlicensed"),
    "licence_borrowed": ("unlicensed", "unlicensed"),
    "undervaluation": ("undervalued", "undervalued"),
    "hub_reexport": ("diverted", "diverted"),
    "false_end_user": ("diverted", "diverted"),
    "shell_consignee": ("diverted", "diverted"),
    "concealment": ("concealed", "concealed"),
    "market_bundle": ("misdeclared", "misdeclared"),
}
DIVERSION = frozenset({"hub_reexport", "false_end_user", "shell_consignee"})
HOUSE = {"class": (0.3, 0.05, 0.6, 0.7), "value": (0.5, 0.0, 0.3, 0.2)}
SEVERITY = {"concealed": 5, "unlicensed": 4, "misdeclared": 3, "diverted": 2, "undervalued": 1}
BASE_FIND = 0.7


class Inspector:
    """Decides and records checks, one declaration at a time, as declarations arrive."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.rng = world.rng("inspections")
        knobs = world.knobs
        self.rate = knobs.inspection_rate
        self.bias = knobs.inspection_bias
        self.skew = knobs.legacy_skew
        self.find = knobs.find_rate
        weights = [self.legacy(d) for d in world.decls]
        self.mean = sum(weights) / max(1, len(weights))

    # --- choosing ---------------------------------------------------------------------

    def legacy(self, decl: Declaration) -> float:
        first = decl.lines[0]
        exporter = decl.exporter
        new = (
            exporter.party.incorporated is not None
            and exporter.party.incorporated >= START - timedelta(days=180)
            and decl.day <= exporter.active_from + timedelta(days=180)
        )
        score = (
            PORT_EFFECT.get(decl.port, 0.0)
            + CHAPTER_EFFECT.get(first.hs[:2], 0.0)
            + MODE_EFFECT.get(decl.mode, 0.0)
            + (1.0 if new else 0.0)
            + 0.15 * math.log(len(decl.lines))
            + (0.2 if first.licence else 0.0)
        )
        return math.exp(self.skew * score)

    def probability(self, decl: Declaration) -> float:
        p = min(0.9, self.rate * self.legacy(decl) / self.mean)
        if decl.carries_fraud and p > 0:
            odds = p / (1 - p) * self.bias
            p = odds / (1 + odds)
        return min(p, 0.95)

    def _method(self, decl: Declaration, tipped: bool) -> str:
        rng = self.rng
        if tipped:
            weights = (0.25, 0.2, 0.35, 0.2)
        elif decl.mode in ("express", "post"):
            weights = (0.5, 0.4, 0.1, 0.0)
        elif len(decl.lines) > 5:
            weights = (0.45, 0.3, 0.2, 0.05)
        elif decl.lines[0].hs[:2] in ("25", "26", "28", "81"):
            weights = (0.35, 0.15, 0.3, 0.2)
        else:
            weights = (0.55, 0.2, 0.2, 0.05)
        return rng.choices(METHODS, weights=weights)[0]

    def _chance(self, effectiveness: float) -> float:
        if self.find <= 0 or effectiveness <= 0:
            return 0.0
        return 1 - (1 - effectiveness) ** (self.find / BASE_FIND)

    # --- deciding ---------------------------------------------------------------------

    def decide(self, decl: Declaration) -> list[Line]:
        """Inspect ``decl`` or not; record it; return the fraudulent lines found."""
        if decl.decided:
            return []
        decl.decided = True
        decl.number()
        rng = self.rng
        if rng.random() >= self.probability(decl):
            return []
        tipped = decl.carries_fraud and rng.random() < max(0.0, 1 - 1 / max(self.bias, 1e-9))
        method = self._method(decl, tipped)
        m = METHODS.index(method)
        examined = decl.lines
        if method in ("physical", "lab") and len(decl.lines) > 6:
            examined = rng.sample(decl.lines, 6)
            if tipped:  # the tip names the goods
                examined = list(
                    {id(x): x for x in examined + [x for x in decl.lines if x.scheme]}.values()
                )
        found: list[tuple[Line, str]] = []
        for line in examined:
            if line.scheme:
                loud, faint = DETECT[line.scheme]
                eff = (loud if line.variant == "loud" else faint)[m]
                if rng.random() < self._chance(eff):
                    found.append((line, RESULT[line.scheme][line.variant == "faint"]))
            elif line.house and rng.random() < self._chance(HOUSE[line.house][m]):
                found.append((line, "misdeclared" if line.house == "class" else "undervalued"))
        day = min(decl.day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3))), END)
        self._record(decl, day, method, found, examined)
        return [line for line, _ in found if line.scheme]

    def _record(
        self,
        decl: Declaration,
        day: date,
        method: str,
        found: list[tuple[Line, str]],
        examined: list[Line],
    ) -> None:
        rng = self.rng
        out = self.world.inspections
        single = len(decl.lines) == 1
        if not found:
            if single:
                out.append(
                    Inspection(decl.id, 1 if rng.random() < 0.75 else None, day, method, "clear")
                )
            elif rng.random() < 0.85:
                out.append(Inspection(decl.id, None, day, method, "clear"))
            else:
                for line in rng.sample(examined, min(3, len(examined))):
                    out.append(Inspection(decl.id, line.line_no, day, method, "clear"))
            return
        if single or rng.random() < 0.5:
            for line, result in found:
                line_no = line.line_no if not single or rng.random() < 0.75 else None
                out.append(self._finding(decl, line, line_no, day, method, result))
            return
        line, result = max(found, key=lambda f: (bool(f[0].scheme), SEVERITY[f[1]]))
        out.append(self._finding(decl, line, None, day, method, result))

    def _finding(
        self,
        decl: Declaration,
        line: Line,
        line_no: int | None,
        day: date,
        method: str,
        result: str,
    ) -> Inspection:
        currency_value = None
        if line.scheme:
            value = market.to_currency(line.true_usd, decl.currency, decl.day)
            if result in ("unlicensed", "diverted"):
                return Inspection(
                    decl.id,
                    line_no,
                    day,
                    method,
                    result,
                    line.true_hs or line.hs,
                    line.true_desc,
                    round(line.net_kg, 2),
                    None,
                )
            if result == "undervalued":
                return Inspection(
                    decl.id, line_no, day, method, result, "", line.true_desc, None, round(value, 2)
                )
            currency_value = round(value, 2)
            return Inspection(
                decl.id,
                line_no,
                day,
                method,
                result,
                line.true_hs,
                line.true_desc,
                round(line.true_kg, 2),
                currency_value,
            )
        if line.house == "class":
            return Inspection(decl.id, line_no, day, method, result, line.house_hs, line.house_desc)
        return Inspection(
            decl.id, line_no, day, method, result, "", line.house_desc, None, line.house_value
        )

    def post_audit(self, decl: Declaration, line: Line) -> date | None:
        """A post-clearance investigation that proves a diversion, months later."""
        if line.scheme not in DIVERSION:
            return None
        share = self.world.knobs.post_audit * (1.25 if line.variant == "loud" else 0.75)
        if self.rng.random() >= min(1.0, share) * min(1.0, self.find / BASE_FIND):
            return None
        day = decl.day + timedelta(days=self.rng.randint(45, 300))
        if day > END + timedelta(days=120):
            return None
        decl.number()
        line_no = line.line_no if self.rng.random() < 0.6 or len(decl.lines) == 1 else None
        self.world.inspections.append(
            Inspection(
                decl.id,
                line_no,
                day,
                "document",
                "diverted",
                line.true_hs or line.hs,
                line.true_desc,
                round(line.net_kg, 2),
            )
        )
        return day

    def finish(self) -> None:
        """Checks of every declaration not decided yet, and honest post-clearance audits."""
        for decl in sorted(self.world.decls, key=lambda d: (d.at, d.id)):
            if not decl.decided:
                self.decide(decl)
        share = 0.02 * self.world.knobs.post_audit / 0.2
        for decl in self.world.decls:
            if decl.carries_fraud or not any(
                line.good in CONTROLLED and line.licence for line in decl.lines
            ):
                continue
            if self.rng.random() < share:
                day = decl.day + timedelta(days=self.rng.randint(45, 300))
                if day <= END + timedelta(days=120):
                    self.world.inspections.append(
                        Inspection(decl.id, None, day, "document", "clear")
                    )
