"""The control regime as of a date, read from the control catalogue.

Legality depends on the day and the destination: an item needs a licence only from its
``effective_from`` and not while suspended; the US ban on gallium, germanium and antimony
(2024 No.46 art.2) holds from 2024-12-03 until its suspension on 2025-11-09; military end
users in the US (from 2024-12-03) and Japan (from 2026-01-06) are always prohibited.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

import orewatch.controls

CATALOGUE = Path(orewatch.controls.__file__).parent / "data" / "china-export-controls.yaml"
FAR = np.datetime64("2100-01-01")


def _day(text: str | None, default: np.datetime64) -> np.datetime64:
    return default if text is None else np.datetime64(str(text))


@dataclass(frozen=True)
class Window:
    """When a catalogue entry is in force: from..until, minus one suspension."""

    start: np.datetime64
    until: np.datetime64
    pause_from: np.datetime64
    pause_until: np.datetime64

    def active(self, days: np.ndarray) -> np.ndarray:
        """Whether the entry holds on each day (vectorised over ``days``)."""
        on = (days >= self.start) & (days <= self.until)
        return on & ~((days >= self.pause_from) & (days <= self.pause_until))


def _window(entry: dict) -> Window:
    return Window(
        _day(entry.get("effective_from"), FAR),
        _day(entry.get("effective_until"), FAR),
        _day(entry.get("suspended_from"), FAR),
        _day(entry.get("suspended_until"), FAR),
    )


@dataclass(frozen=True)
class Regime:
    """The catalogue's items and rules as windows, by id."""

    items: dict[str, Window]
    codes: dict[str, list[str]]
    rules: dict[str, Window]
    denied_elements: frozenset[str]

    def licence_needed(self, item_ids: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Per line: whether its controlled item needs a licence on its day."""
        out = np.zeros(len(days), dtype=bool)
        for item in np.unique(item_ids[item_ids != ""]):
            rows = item_ids == item
            out[rows] = self.items[item].active(days[rows])
        return out

    def us_denied(self, elements: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Per line: whether its element may not go to the US on its day (art.2)."""
        return np.isin(elements, list(self.denied_elements)) & self.rules[
            "CN-2024-46-ART2-DENY"
        ].active(days)

    def military_banned(self, countries: np.ndarray, days: np.ndarray) -> np.ndarray:
        """Per line: whether a military end user in its country is prohibited that day."""
        us = (countries == "US") & self.rules["CN-2024-46-ART1"].active(days)
        return us | ((countries == "JP") & self.rules["CN-2026-1-JP"].active(days))


def load_regime(path: Path = CATALOGUE) -> Regime:
    """Read the catalogue's items, codes and rules."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = {it["id"]: _window(it) for it in data["items"]}
    codes = {it["id"]: [str(c) for c in it.get("hs_codes") or []] for it in data["items"]}
    rules = {r["id"]: _window(r) for r in data["rules"]}
    deny = next(r for r in data["rules"] if r["id"] == "CN-2024-46-ART2-DENY")
    return Regime(items, codes, rules, frozenset(deny["applies_to"]["elements"]))
