"""What every part of the world shares while it is being made."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from nineteenthworld import clock
from nineteenthworld.knobs import Knobs
from nineteenthworld.ledger import Ledger
from nineteenthworld.population import Facility, Party, Population
from nineteenthworld.rand import stream


@dataclass
class Context:
    seed: int
    knobs: Knobs
    lines: int
    pop: Population
    ledger: Ledger
    company: clock.Profile = field(default_factory=clock.company_profile)
    residents: clock.Profile = field(default_factory=clock.resident_profile)
    #: producer facilities by material they make
    producers: dict[str, list[Facility]] = field(default_factory=dict)
    #: each exporter's export warehouse, by party id
    warehouses: dict[str, Facility] = field(default_factory=dict)
    #: material that left a producer with no movement and no shipment on its books
    hidden: list[tuple[str, str, dt.date, float]] = field(default_factory=list)

    def rng(self, name: str) -> random.Random:
        return stream(self.seed, name)

    def warehouse(self, party: Party, region: str, materials: list[str]) -> Facility:
        fac = self.warehouses.get(party.party_id)
        if fac is None:
            fac = self.pop.facility(party, "warehouse", region, 0.0, list(materials))
            self.warehouses[party.party_id] = fac
        else:
            for m in materials:
                if m not in fac.materials:
                    fac.materials.append(m)
        return fac
