"""The ledger: every declaration line, licence and movement the world writes, and the
ground truth beside them.

Lines are dicts holding the contract's columns plus world-internal keys that start with
an underscore (the day, the value in CNY, the truth of a fraudulent line, the honest
traps of an honest one); the writer keeps only the contract's columns.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from nineteenthworld import geo, goods, market, names
from nineteenthworld.goods import GOODS, Good
from nineteenthworld.population import Party
from nineteenthworld.rand import around

Row = dict[str, Any]

#: Honest clerical irregularities and their weights.
NOISE_KINDS = (
    ("hs_slip", 0.24),
    ("price_outlier", 0.2),
    ("weight_round", 0.15),
    ("missing_optional", 0.2),
    ("name_variant", 0.1),
    ("unit_mismatch", 0.05),
    ("id_typo", 0.06),
)


@dataclass
class Truth:
    """What a fraudulent line really is."""

    scheme: str
    variant: str  # loud or faint
    ring: str
    true_hs: str
    true_material: str
    true_kg: float
    true_value_cny: float
    true_description: str
    result: str  # what an inspection that finds it records
    true_destination: str | None = None


class Ledger:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"nineteenthworld:{seed}:ledger")
        self.rows: list[Row] = []
        self.licences: list[Row] = []
        self.movements: list[Row] = []
        self.seizures: list[Row] = []
        self.ring_parties: list[tuple[str, str, str, str]] = []
        self._serials: set[str] = set()
        self._licence_serials: set[int] = set()
        self._lots = 0

    # --- declarations --------------------------------------------------------------

    def declaration_id(self, port: str, day: dt.date) -> str:
        head = geo.PORTS[port].customs + str(day.year) + "1"
        while True:
            serial = f"{self.rng.randrange(10**9):09d}"
            if head + serial not in self._serials:
                self._serials.add(head + serial)
                return head + serial

    def add(self, header: Row, lines: list[Row]) -> list[Row]:
        """One declaration: ``header`` fields repeated on each of ``lines``, numbered."""
        decl = header.get("declaration_id") or self.declaration_id(header["port"], header["_day"])
        out = []
        for i, line in enumerate(lines, start=1):
            row = {**header, **line, "declaration_id": decl, "line_no": i}
            row.setdefault("_traps", [])
            row.setdefault("_truth", None)
            self.rows.append(row)
            out.append(row)
        return out

    def party_role(self, party: Party, scheme: str, ring: str, role: str) -> None:
        self.ring_parties.append((party.party_id, scheme, ring, role))

    # --- licences and movements ------------------------------------------------------

    def licence(
        self,
        exporter: Party,
        material: str,
        consignee_name: str,
        consignee_country: str,
        quantity_kg: float,
        issued: dt.date,
        valid_days: int = 364,
        end_user: str | None = None,
        end_use: str | None = None,
        status: str | None = None,
        status_since: dt.date | None = None,
    ) -> Row:
        control = goods.CONTROLS[material]
        while True:
            serial = self.rng.randrange(1, 10**6)
            if serial not in self._licence_serials:
                self._licence_serials.add(serial)
                break
        number = f"{issued.year % 100:02d}DU{serial:06d}"
        style = self.rng.random()
        row: Row = {
            "license_no": number,
            "issued_at": issued,
            "valid_until": issued + dt.timedelta(days=valid_days),
            "exporter_id": exporter.registration_id,
            "control_id": control.control_id if style < 0.85 else None,
            "hs_code": control.hs if style > 0.15 else None,
            "quantity_kg": round(quantity_kg, 1),
            "consignee_name": consignee_name,
            "consignee_country": consignee_country,
            "end_user_name": end_user,
            "end_use": end_use,
            "status": status,
            "status_since": status_since,
            "_material": material,
        }
        self.licences.append(row)
        return row

    def movement(self, day: dt.date, src: str, dst: str, material: str, kg: float) -> Row:
        self._lots += 1
        row: Row = {
            "movement_id": f"MV{self._lots:08d}",
            "moved_at": day,
            "from_id": src,
            "to_id": dst,
            "material": material,
            "quantity_kg": round(kg, 1),
            "lot_id": f"L{day.year % 100:02d}{self._lots:07d}" if self.rng.random() < 0.8 else None,
            "document_no": f"INV{self.rng.randrange(10**8):08d}"
            if self.rng.random() < 0.9
            else None,
        }
        self.movements.append(row)
        return row


# --- building lines ----------------------------------------------------------------------


def stamp(rng: random.Random, at: dt.datetime, port: str) -> str:
    """``declared_at`` as the office writes it: most without a zone (Beijing time), some
    Xinjiang offices in Xinjiang time (+06:00), some with a space or an explicit +08:00."""
    r = rng.random()
    if geo.PORTS[port].zone_note == "xinjiang" and r < 0.22:
        return (at - dt.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%S") + "+06:00"
    if r < 0.3:
        return at.strftime("%Y-%m-%d %H:%M:%S")
    if r < 0.36:
        return at.strftime("%Y-%m-%dT%H:%M:%S") + "+08:00"
    return at.strftime("%Y-%m-%dT%H:%M:%S")


def unit_price(rng: random.Random, good: Good, day: dt.date, sigma: float | None = None) -> float:
    """An honest seller's price, CNY per kg."""
    if isinstance(good.price, str):
        if good.material is not None and good.material in goods.CONTROLS:
            base = market.export_price(good.price, day)
        else:
            base = market.domestic(good.price, day) * 1.05
    else:
        base = good.price
    return around(rng, base * good.factor, good.sigma if sigma is None else sigma)


def describe(rng: random.Random, good: Good, country: str, habit: float | None = None) -> str:
    """The goods name as declared: Chinese, Chinese and English, English, or Russian."""
    r = rng.random() if habit is None else habit
    if r < 0.66:
        return good.zh
    if r < 0.88:
        return f"{good.zh} {good.en}"
    if r < 0.96 or country not in ("RU", "KZ", "KG", "BY", "TJ"):
        return good.en
    return good.ru


def to_value(value_cny: float, currency: str, day: dt.date) -> float:
    return round(value_cny / geo.fx(currency, day), geo.currency_digits(currency))


def goods_line(
    rng: random.Random,
    good: Good,
    kg: float,
    price_cny: float,
    day: dt.date,
    currency: str,
    country: str,
    *,
    unit: str | None = None,
    kg_per_unit: float | None = None,
    spec: str | None = None,
    pack: tuple[float, float] | None = None,
) -> Row:
    """A goods line: quantity in the good's unit, weights, value in ``currency``."""
    unit = unit or good.unit
    per = kg_per_unit or good.kg_per_unit
    if unit == "pcs":
        count = max(1, round(kg / per))
        kg = count * per * rng.uniform(0.99, 1.01)
        quantity: float = count
    elif unit == "t":
        quantity = round(kg / 1000, 3)
        kg = quantity * 1000
    else:
        quantity = round(kg, 2 if kg >= 10 else 3)
        kg = quantity
    lo, hi = pack or good.pack
    net = round(kg, 2)
    gross = round(net * rng.uniform(lo, hi), 1)
    value_cny = kg * price_cny
    return {
        "hs_code": good.hs,
        "description": describe(rng, good, country),
        "specification": spec if spec is not None else goods.fill(rng, good.spec),
        "quantity": quantity,
        "unit": unit,
        "net_weight_kg": net,
        "gross_weight_kg": max(gross, net),
        "value": to_value(value_cny, currency, day),
        "_value_cny": value_cny,
        "_good": good.key,
        "_kg": net,
    }


def bar_line(
    rng: random.Random,
    good: Good,
    kg: float,
    price_cny: float,
    day: dt.date,
    currency: str,
    country: str,
    density: float,
) -> Row:
    """Round bars sold by the piece, their dimensions in the specification."""
    d, length = goods.bar_dimensions(rng)
    per = goods.bar_kg(d, length, density)
    spec = f"{goods.fill(rng, good.spec)} Φ{d}×{length}mm"
    return goods_line(
        rng, good, kg, price_cny, day, currency, country, unit="pcs", kg_per_unit=per, spec=spec
    )


def apply_noise(rng: random.Random, row: Row, kind: str) -> bool:
    """Give an honest line a clerical irregularity; False when it does not apply."""
    good = GOODS.get(row.get("_good", ""))
    if kind == "hs_slip":
        if good is None or good.material in goods.CONTROLS:
            return False
        hs = row["hs_code"]
        slip = hs[:8] + ("90" if hs[8:] != "90" else "00")
        if goods.suspended_control(slip):
            return False
        row["hs_code"] = slip
        row["_found"] = {"result": "misdeclared", "found_hs_code": hs}
    elif kind == "price_outlier":
        # A resident's line stays under the daily cap: only a low price slips there.
        low = rng.random() < 0.6 or row.get("_seg") == "resident"
        factor = rng.uniform(0.4, 0.6) if low else rng.uniform(1.8, 2.5)
        row["value"] = round(row["value"] * factor, 2)
        if factor < 1:
            row["_found"] = {
                "result": "undervalued",
                "found_value": round(row["value"] / factor, 2),
            }
    elif kind == "weight_round":
        net = row["net_weight_kg"]
        step = 1000.0 if net > 5000 else 10.0
        rounded = max(step, round(net / step) * step)
        if rounded == net:
            return False
        row["net_weight_kg"] = rounded
        row["gross_weight_kg"] = rounded
        row["_found"] = {"result": "misdeclared", "found_quantity_kg": net}
    elif kind == "missing_optional":
        for key in ("specification", "gross_weight_kg", "transport_doc", "origin_region"):
            row[key] = None
    elif kind == "name_variant":
        names_ = row.get("_exporter_scripts") or {}
        if not names_.get("en"):
            return False
        row["exporter_name"] = names_["en"]
    elif kind == "unit_mismatch":
        if row["unit"] == "t":
            row["unit"] = "kg"
        elif row["unit"] == "kg" and row["quantity"] >= 1000:
            row["unit"] = "t"
        else:
            return False
    elif kind == "id_typo":
        regid = row["exporter_id"]
        if len(regid) != 18 or not regid[:2].isdigit() or regid[:2] not in ("91", "92", "93"):
            return False
        row["exporter_id"] = names.broken_check(regid)
    row["_traps"].append(f"noise:{kind}")
    return True
