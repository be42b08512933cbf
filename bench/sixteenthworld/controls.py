"""The control catalogue as this world's exporters and officers experience it.

The world takes its controlled items, codes, effective dates and suspensions from the
project's catalogue (``orewatch.controls.catalogue.load_catalogue``), so that a change
of the researched dates moves the world with it. This module only answers the questions
the simulation asks: is this item in force on that day, are licences to the US denied
for this element, and which codes does the catalogue name at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from orewatch.controls.catalogue import Catalogue, load_catalogue
from orewatch.controls.model import ControlItem, DestinationRule

DENY_US_RULE = "CN-2024-46-ART2-DENY"
GENERAL_LICENCE_RULE = "CN-2025-GENERAL-LICENCE"


@dataclass(frozen=True)
class Controls:
    """The catalogue, with the look-ups the world needs."""

    catalogue: Catalogue
    _items: dict[str, ControlItem] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Controls:
        cat = load_catalogue()
        return cls(cat, {item.id: item for item in cat.items})

    def item(self, item_id: str) -> ControlItem:
        return self._items[item_id]

    def rule(self, rule_id: str) -> DestinationRule:
        return self.catalogue.rule(rule_id)

    def in_force(self, item_id: str, day: dt.date) -> bool:
        return self._items[item_id].in_force(day)

    def effective(self, item_id: str) -> dt.date:
        return self._items[item_id].effective_from

    def us_denied(self, item_id: str, day: dt.date) -> bool:
        """Licences to the US denied in principle for this item on this day."""
        rule = self.rule(DENY_US_RULE)
        return rule.applies_to.covers(self._items[item_id]) and rule.in_force(day)

    def general_licence_from(self) -> dt.date:
        return self.rule(GENERAL_LICENCE_RULE).effective_from

    def matching(self, hs: str) -> list[ControlItem]:
        """Items whose reference code is the declared code or a tariff line above it."""
        return [
            item
            for item in self.catalogue.items
            if any(hs == code or hs.startswith(code) for code in item.hs_codes)
        ]

    def controlled_on(self, hs: str, day: dt.date) -> bool:
        """Whether a line declared under ``hs`` on ``day`` needs a licence."""
        return any(item.in_force(day) and item.licence_required for item in self.matching(hs))
