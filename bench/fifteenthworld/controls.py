"""What the control catalogue says, read from the catalogue itself.

The world's controlled goods name a catalogue item and one of its real commodity codes;
their effective dates, suspensions and the destination rules that stop honest trade
(the 2024 No.46 denial for the United States) come from the YAML file, so that the
world follows the catalogue rather than a copy of it. Announcement dates are not in the
catalogue; they only shape how early honest exporters front-load, so they live here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

CATALOGUE = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "orewatch"
    / "controls"
    / "data"
    / "china-export-controls.yaml"
)

#: When each announcement was published (the day exporters learnt of it).
ANNOUNCED: dict[str, dt.date] = {
    "MOFCOM/GAC 2023 No.23": dt.date(2023, 7, 3),
    "MOFCOM/GAC 2023 No.39": dt.date(2023, 10, 20),
    "MOFCOM/GAC 2024 No.33": dt.date(2024, 8, 15),
    "MOFCOM/GAC 2025 No.10": dt.date(2025, 2, 4),
    "MOFCOM/GAC 2025 No.18": dt.date(2025, 4, 4),
}


@dataclass(frozen=True)
class Item:
    """One goods item of the catalogue, as far as the world needs it."""

    id: str
    element: str
    codes: tuple[str, ...]
    effective: dt.date
    suspended_from: dt.date | None
    suspended_until: dt.date | None
    announcement: str

    def in_force(self, day: dt.date) -> bool:
        if day < self.effective:
            return False
        return not (
            self.suspended_from is not None
            and self.suspended_until is not None
            and self.suspended_from <= day <= self.suspended_until
        )

    @property
    def announced(self) -> dt.date:
        for name, day in ANNOUNCED.items():
            if name.split()[-2:] == self.announcement.split()[-2:]:
                return min(day, self.effective)
        return self.effective


@dataclass(frozen=True)
class Denial:
    """A destination to which licences are not granted for some elements."""

    destination: str
    elements: tuple[str, ...]
    start: dt.date
    suspended_from: dt.date | None

    def denies(self, element: str, country: str, day: dt.date) -> bool:
        if country != self.destination or element not in self.elements or day < self.start:
            return False
        return self.suspended_from is None or day < self.suspended_from


def _date(value: object) -> dt.date | None:
    if value is None:
        return None
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


@dataclass(frozen=True)
class Catalogue:
    items: dict[str, Item]
    denials: tuple[Denial, ...]
    all_codes: frozenset[str]

    def item(self, item_id: str) -> Item:
        return self.items[item_id]

    def denied(self, element: str, country: str, day: dt.date) -> bool:
        return any(d.denies(element, country, day) for d in self.denials)


@cache
def catalogue() -> Catalogue:
    """The catalogue's goods items and its licence-denial rules."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(CATALOGUE.read_text(encoding="utf-8"), Loader=loader)
    items: dict[str, Item] = {}
    codes: set[str] = set()
    for raw in data["items"]:
        codes.update(str(c) for c in raw.get("hs_codes") or [])
        if raw.get("kind") != "goods":
            continue
        effective = _date(raw["effective_from"])
        assert effective is not None
        items[raw["id"]] = Item(
            id=raw["id"],
            element=raw["element"],
            codes=tuple(str(c) for c in raw.get("hs_codes") or []),
            effective=effective,
            suspended_from=_date(raw.get("suspended_from")),
            suspended_until=_date(raw.get("suspended_until")),
            announcement=str(raw.get("announcement") or ""),
        )
    denials = []
    for rule in data.get("rules") or []:
        elements = (rule.get("applies_to") or {}).get("elements")
        if rule.get("kind") in {"deny_in_principle", "prohibit"} and elements:
            if "any" not in (rule.get("end_users") or []):
                continue
            start = _date(rule["effective_from"])
            assert start is not None
            denials.append(
                Denial(
                    destination=str(rule["destination"]),
                    elements=tuple(elements),
                    start=start,
                    suspended_from=_date(rule.get("suspended_from")),
                )
            )
    return Catalogue(items, tuple(denials), frozenset(codes))
