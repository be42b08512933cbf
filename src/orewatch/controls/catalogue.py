"""The control catalogue as one object: load it, ask it about one export, or screen a frame.

Callers hold a :class:`Catalogue` and pass it on; there is no module-level cached catalogue, so a
test or a what-if run can load another version side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any

import polars as pl

from orewatch.controls import frame as _frame
from orewatch.controls.evaluate import decide
from orewatch.controls.loader import CatalogueData, CatalogueError, parse_catalogue, read_yaml
from orewatch.controls.model import CatalogueChange, ControlDecision, ControlItem, DestinationRule

PACKAGED_CATALOGUE = "china-export-controls.yaml"


def packaged_path(name: str = PACKAGED_CATALOGUE) -> Path:
    """Path of a data file shipped inside the package."""
    return Path(str(resources.files("orewatch.controls") / "data" / name))


@dataclass(frozen=True)
class Catalogue:
    """A validated, versioned control catalogue, evaluated as of a date."""

    version: str
    meta: Mapping[str, Any]
    changes: tuple[CatalogueChange, ...]
    items: tuple[ControlItem, ...]
    rules: tuple[DestinationRule, ...]
    path: Path | None = None

    @classmethod
    def from_data(cls, data: CatalogueData, path: Path | None = None) -> Catalogue:
        return cls(data.version, data.meta, data.changes, data.items, data.rules, path)

    def item(self, item_id: str) -> ControlItem:
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    def rule(self, rule_id: str) -> DestinationRule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def in_force(self, on: date, element: str | None = None) -> tuple[ControlItem, ...]:
        return tuple(
            i for i in self.items if i.in_force(on) and (element is None or i.element == element)
        )

    def rules_for(self, item: ControlItem) -> tuple[DestinationRule, ...]:
        """The rules whose scope covers ``item`` (whatever their dates)."""
        return tuple(r for r in self.rules if r.applies_to.covers(item))

    def check(
        self,
        hs: str,
        destination: str,
        on: date,
        end_user: str | None = None,
        end_use: str | None = None,
    ) -> ControlDecision:
        """Is this code controlled for that destination on that day, and why."""
        return decide(self.items, self.rules, hs, destination, on, end_user, end_use)

    def evaluate_frame(
        self,
        frame: pl.DataFrame,
        hs: str = "hs_code",
        on: str = "declared_at",
        destination: str = "destination_country",
        collect: Callable[[pl.LazyFrame], pl.DataFrame] | None = None,
    ) -> pl.DataFrame:
        """Add control_ids, control_elements, controlled, licence_required,
        prohibited_destination (and the prohibited items' ``prohibited_elements``),
        military_end_user_banned and match_kind to every row.

        One query (:func:`orewatch.controls.frame.evaluate_query`), run by ``collect``
        (default: every optimisation on the in-memory engine; a service screening a few
        lines passes its own)."""
        for name in (hs, on, destination):
            if name not in frame.columns:
                raise KeyError(f"evaluate_frame: column {name!r} not in frame")
        query = _frame.evaluate_query(
            frame, self.items, self.rules, hs, on, destination, self._prepared
        )
        return collect(query) if collect is not None else query.collect(engine="in-memory")

    def evaluate_query(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """:meth:`evaluate_frame` of the usual columns as a query (the door builds its
        feature query once, see ``Screener.features``)."""
        return _frame.evaluate_query(frame, self.items, self.rules, prepared=self._prepared)

    def bans_for_country(self, lines: pl.LazyFrame, countries: Sequence[str]) -> pl.LazyFrame:
        """The controlled lines whose ``countries`` (the trading counterparty's, the
        consignee's) their items may not go to, though their destination may
        (:func:`orewatch.controls.frame.bans_for_country`)."""
        return _frame.bans_for_country(lines, self._prepared, countries)

    @cached_property
    def _prepared(self) -> _frame.PreparedFrames:
        # Built on first use and kept: the catalogue is immutable, its frames too.
        return _frame.PreparedFrames.of(self.items, self.rules)

    def items_frame(self) -> pl.DataFrame:
        return self._prepared.items

    def rules_frame(self) -> pl.DataFrame:
        return self._prepared.rules


def load_catalogue(path: Path | None = None) -> Catalogue:
    """Load and validate a catalogue; the packaged one when ``path`` is None."""
    target = Path(path) if path is not None else packaged_path()
    try:
        data = parse_catalogue(read_yaml(target), where=str(target))
    except CatalogueError as exc:
        raise CatalogueError(f"{target}: {exc}") from exc
    return Catalogue.from_data(data, target)
