"""The world being generated: its random streams, identifiers, catalogue and records.

Every concern draws from its own named random stream (derived from the seed and the
stream's name), so that a change in one concern does not reshuffle every other: the
honest trade of seed 3 stays the same world when a scheme is retuned.
"""

from __future__ import annotations

import hashlib
import random
from datetime import date

from eighteenthworld.goods import CONTROLLED
from eighteenthworld.ids import Ids
from eighteenthworld.knobs import Knobs
from eighteenthworld.model import (
    Broker,
    Consignee,
    Declaration,
    Exporter,
    Inspection,
    Licence,
    Party,
)
from eighteenthworld.names import Namer
from orewatch.controls import Catalogue, ControlItem

BLOCKING = ("prohibit", "deny_in_principle")


class World:
    def __init__(self, lines: int, seed: int, knobs: Knobs, catalogue: Catalogue) -> None:
        self.lines = lines
        self.seed = seed
        self.knobs = knobs
        self.catalogue = catalogue
        self.scale = (lines / 100_000) ** 0.6
        self._rngs: dict[str, random.Random] = {}
        self.ids = Ids(self.rng("ids"))
        self.namer = Namer(self.rng("names"))
        self.items: dict[str, ControlItem] = {i.id: i for i in catalogue.items}
        self.parties: list[Party] = []
        self.relations: list[dict[str, object]] = []
        self.exporters: dict[str, list[Exporter]] = {}
        self.consignees: dict[str, list[Consignee]] = {}
        self.brokers: list[Broker] = []
        self.persons: list[Party] = []
        self.listed: list[Party] = []
        self.watchlist: list[dict[str, object]] = []
        self.decls: list[Declaration] = []
        self.licences: list[Licence] = []
        self.facilities: list[dict[str, object]] = []
        self.movements: list[dict[str, object]] = []
        self.production: list[dict[str, object]] = []
        self.inspections: list[Inspection] = []
        self.truth_parties: list[dict[str, object]] = []
        self.truth_facilities: list[dict[str, object]] = []
        self.shared_cn: dict[str, list[str]] = {}
        self.shared_foreign: dict[str, str] = {}
        self.legacy_mean = 1.0
        self.shared_boxes: dict[str, list[str]] = {}
        self.trade_stats: list[dict[str, object]] = []

    def rng(self, name: str) -> random.Random:
        """The random stream of one concern, stable for a seed."""
        if name not in self._rngs:
            digest = hashlib.sha256(f"eighteenth:{self.seed}:{name}".encode()).digest()
            self._rngs[name] = random.Random(int.from_bytes(digest[:8], "big"))
        return self._rngs[name]

    def count(self, base: float, minimum: int) -> int:
        return max(minimum, round(base * self.scale))

    # --- controls as of a day -------------------------------------------------------

    def item_of(self, good: str) -> ControlItem:
        return self.items[CONTROLLED[good].item]

    def licence_needed(self, good: str, on: date) -> bool:
        return self.item_of(good).in_force(on)

    def blocked(self, good: str, country: str, on: date) -> bool:
        """Would a civil export of ``good`` to ``country`` be refused on ``on``?"""
        item = self.item_of(good)
        for rule in self.catalogue.rules:
            if (
                rule.kind in BLOCKING
                and rule.for_destination(country)
                and rule.any_end_user
                and rule.applies_to.covers(item)
                and rule.in_force(on)
            ):
                return True
        return False

    def add_party(self, party: Party) -> Party:
        self.parties.append(party)
        return party

    def relate(
        self,
        src: str,
        dst: str,
        relation: str,
        since: date | None = None,
        share: float | None = None,
    ) -> None:
        self.relations.append(
            {
                "src_party_id": src,
                "dst_party_id": dst,
                "relation": relation,
                "share": share,
                "since": since,
            }
        )

    def all_exporters(self) -> list[Exporter]:
        return [e for family in sorted(self.exporters) for e in self.exporters[family]]
