"""What every scheme does the same way: rings, variants, exporters abroad and at home,
shipment calendars, truth records and the ring's parties."""

from __future__ import annotations

import datetime as dt
import math
import random
from typing import ClassVar

from nineteenthworld import clock, geo, market
from nineteenthworld.companies import currency_for, header
from nineteenthworld.context import Context
from nineteenthworld.goods import GOODS, Good
from nineteenthworld.ledger import Row, Truth
from nineteenthworld.population import Party, Trader
from nineteenthworld.rand import pick, pick_pairs

#: Where a scheme's goods leave for each country: (port, mode, weight)
ROUTES: dict[str, tuple[tuple[str, str, float], ...]] = {
    "KZ": (("CNHRG", "road", 0.45), ("CNAKS", "rail", 0.35), ("CNHRG", "rail", 0.2)),
    "KG": (("CNKHG", "road", 1.0),),
    "UZ": (("CNHRG", "road", 0.5), ("CNKHG", "road", 0.5)),
    "RU": (("CNNZH", "rail", 0.5), ("CNSFH", "road", 0.25), ("CNSFH", "rail", 0.25)),
    "BY": (("CNNZH", "rail", 0.6), ("CNAKS", "rail", 0.4)),
    "MN": (("CNERL", "road", 0.6), ("CNERL", "rail", 0.4)),
    "VN": (("CNPXG", "road", 0.45), ("CNHKO", "road", 0.35), ("CNDXG", "road", 0.2)),
    "LA": (("CNMHN", "road", 0.6), ("CNMHN", "rail", 0.4)),
    "TH": (("CNMHN", "rail", 1.0),),
    "MM": (("CNRLI", "road", 0.7), ("CNWDG", "road", 0.3)),
}


def log_uniform(rng: random.Random, lo: float, hi: float) -> float:
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


class Scheme:
    """One scheme: rings of loud and faint variants until the line quotas are met."""

    name: ClassVar[str] = ""
    code: ClassVar[str] = ""
    result: ClassVar[str] = "misdeclared"
    #: how well each inspection method finds this scheme (times ``find_rate``)
    efficacy: ClassVar[dict[str, float]] = {}

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.rng = ctx.rng(f"scheme:{self.name}")
        self.pop = ctx.pop
        self.ledger = ctx.ledger

    def run(self, loud: int, faint: int) -> int:
        """Rings until ``loud`` and ``faint`` fraudulent lines exist; returns lines added
        (fraudulent and honest cover lines alike)."""
        before = len(self.ledger.rows)
        k = 0
        for variant, quota in (("loud", loud), ("faint", faint)):
            made = 0
            tries = 0
            while made < quota and tries < 500:
                tries += 1
                k += 1
                ring = f"{self.code}-{k:02d}"
                made += self.ring(variant, ring, quota - made)
        return len(self.ledger.rows) - before

    def ring(self, variant: str, ring: str, quota: int) -> int:  # pragma: no cover
        raise NotImplementedError

    # --- helpers -----------------------------------------------------------------------

    def role(self, party: Party, ring: str, role: str) -> None:
        self.ledger.party_role(party, self.name, ring, role)

    def trader(self, party: Party, declarant: Party | None = None, script: str = "latin") -> Trader:
        return Trader(party, "scheme", [], [], [], [], [], declarant=declarant, buyer_script=script)

    def route(self, country: str) -> tuple[str, str]:
        options = ROUTES[country]
        port, mode, _ = pick(self.rng, options, [o[2] for o in options])
        return port, mode

    def days(self, n: int, lo: int, gap: tuple[int, int]) -> list[dt.date]:
        """``n`` shipment days from index ``lo``, ``gap`` days apart, kept in the period."""
        rng = self.rng
        out = []
        index = max(0, min(lo, clock.DAYS - 1))
        for _ in range(n):
            out.append(clock.day_at(min(index, clock.DAYS - 1)))
            index += rng.randint(*gap)
        return out

    def start_after(self, effective: dt.date, span: int) -> int:
        """A first shipment day at or after ``effective`` leaving ``span`` days of room."""
        lo = max(0, clock.index_of(effective) + 1)
        hi = max(lo + 1, clock.DAYS - span)
        return self.rng.randrange(lo, hi)

    def value_of(self, material: str, kg: float, day: dt.date) -> float:
        return kg * market.export_price(material, day)

    def fraud(
        self,
        row: Row,
        variant: str,
        ring: str,
        true_good: Good,
        true_kg: float,
        true_value_cny: float,
        destination: str | None = None,
    ) -> None:
        assert true_good.material is not None
        row["_truth"] = Truth(
            scheme=self.name,
            variant=variant,
            ring=ring,
            true_hs=true_good.hs,
            true_material=true_good.material,
            true_kg=round(true_kg, 2),
            true_value_cny=round(true_value_cny, 2),
            true_description=true_good.zh,
            result=self.result,
            true_destination=destination,
        )

    def declare(
        self,
        trader: Trader,
        port: str,
        mode: str,
        day: dt.date,
        buyer: Party,
        lines: list[Row],
        currency: str | None = None,
        **extra: object,
    ) -> list[Row]:
        currency = currency or currency_for(self.rng, buyer.country)
        head = header(self.rng, trader, port, mode, day, buyer, currency)
        head.update(extra)
        head["_seg"] = "scheme"
        for line in lines:
            line.setdefault("_traps", [])
        return self.ledger.add(head, lines)

    def currency(self, country: str) -> str:
        return currency_for(self.rng, country)

    def country(self, pairs: tuple[tuple[str, float], ...]) -> str:
        return pick_pairs(self.rng, pairs)

    def recent(self, day: dt.date, lo: int, hi: int) -> dt.date:
        return day - dt.timedelta(days=self.rng.randint(lo, hi))


def good(key: str) -> Good:
    return GOODS[key]


def port_division(port: str) -> str:
    return geo.PORTS[port].division
