"""The control catalogue's domain model: items, destination rules and the answers built from them.

Frozen dataclasses, so that a loaded catalogue cannot be changed behind an answer that cites it.
Dates are inclusive everywhere (see :func:`in_window`), because announcements name the first and
the last day a measure applies, and a screening run must give the same answer a lawyer would.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

ItemKind = Literal["goods", "technology", "extraterritorial"]
RuleKind = Literal[
    "prohibit", "deny_in_principle", "stricter_review", "anti_diversion", "general_licence"
]
MatchKind = Literal["exact", "catalogue_prefix", "declared_prefix"]
Confidence = Literal["high", "medium", "low"]
Status = Literal["in_force", "not_yet_effective", "expired", "suspended"]

ITEM_KINDS: tuple[ItemKind, ...] = ("goods", "technology", "extraterritorial")
RULE_KINDS: tuple[RuleKind, ...] = (
    "prohibit",
    "deny_in_principle",
    "stricter_review",
    "anti_diversion",
    "general_licence",
)
#: Best first: a full code beats a catalogue tariff line beats a declared code that is too short.
MATCH_KINDS: tuple[MatchKind, ...] = ("exact", "catalogue_prefix", "declared_prefix")
CONFIDENCES: tuple[Confidence, ...] = ("high", "medium", "low")
END_USER_CLASSES: tuple[str, ...] = ("any", "military_user", "military_use", "enhances_military")
#: Rule kinds that stop an export outright, or in effect (licences denied in principle).
BLOCKING_KINDS: frozenset[str] = frozenset({"prohibit", "deny_in_principle"})


def in_window(on: date, start: date | None, end: date | None) -> bool:
    """Inclusive window test; ``None`` is an open bound."""
    return (start is None or start <= on) and (end is None or on <= end)


@dataclass(frozen=True)
class Dated:
    """Validity and suspension dates shared by items and rules (all bounds inclusive)."""

    effective_from: date
    effective_until: date | None
    suspended_from: date | None
    suspended_until: date | None
    suspended_by: str | None
    status_caveat: str | None

    def status(self, on: date) -> Status:
        if on < self.effective_from:
            return "not_yet_effective"
        if self.effective_until is not None and on > self.effective_until:
            return "expired"
        if self.is_suspended(on):
            return "suspended"
        return "in_force"

    def is_suspended(self, on: date) -> bool:
        return self.suspended_from is not None and in_window(
            on, self.suspended_from, self.suspended_until
        )

    def in_force(self, on: date) -> bool:
        return self.status(on) == "in_force"

    def unverified_after_suspension(self, on: date) -> bool:
        """True once the suspension has ended: nobody has checked what happened next."""
        return (
            self.status_caveat is not None
            and self.suspended_until is not None
            and on > self.suspended_until
        )

    def suspension_text(self) -> str:
        until = self.suspended_until.isoformat() if self.suspended_until else "further notice"
        start = self.suspended_from.isoformat() if self.suspended_from else "?"
        return f"suspended {start}..{until} by {self.suspended_by}"


@dataclass(frozen=True)
class ControlItem(Dated):
    """One listed item of an announcement, with the reference commodity codes published for it."""

    id: str
    kind: ItemKind
    element: str
    forms: tuple[str, ...]
    description_en: str
    description_zh: str
    hs_codes: tuple[str, ...]
    announcement: str
    control_code: str | None
    dual_use: bool
    licence_required: bool
    confidence: Confidence
    source: str
    notes: str | None


@dataclass(frozen=True)
class AppliesTo:
    """Which items a rule covers: all dual-use items, or some elements, announcements or ids."""

    all_dual_use: bool = False
    elements: tuple[str, ...] = ()
    announcements: tuple[str, ...] = ()
    items: tuple[str, ...] = ()

    def covers(self, item: ControlItem) -> bool:
        if self.all_dual_use and item.dual_use:
            return True
        return (
            item.element in self.elements
            or item.announcement in self.announcements
            or item.id in self.items
        )

    def describe(self) -> str:
        parts: list[str] = []
        if self.all_dual_use:
            parts.append("all dual-use items")
        if self.elements:
            parts.append(", ".join(self.elements))
        if self.announcements:
            parts.append("items of " + ", ".join(self.announcements))
        if self.items:
            parts.append(", ".join(self.items))
        return "; ".join(parts)


@dataclass(frozen=True)
class DestinationRule(Dated):
    """A destination or end-user rule that attaches to items (a ban, a denial in principle...)."""

    id: str
    kind: RuleKind
    destination: str
    end_users: tuple[str, ...]
    applies_to: AppliesTo
    re_export_to: str | None
    description: str
    announcement: str
    confidence: Confidence
    source: str
    notes: str | None

    def for_destination(self, destination: str) -> bool:
        return self.destination in ("any", destination)

    @property
    def any_end_user(self) -> bool:
        return "any" in self.end_users

    @property
    def military_only(self) -> bool:
        return not self.any_end_user and bool(
            set(self.end_users) & {"military_user", "military_use", "enhances_military"}
        )


@dataclass(frozen=True)
class CatalogueChange:
    """A correction made to the researched catalogue, kept in the data so it travels with it."""

    text: str


@dataclass(frozen=True)
class MatchedItem:
    """An item whose reference code matched the declared code, and how well."""

    id: str
    element: str
    description: str
    match_kind: MatchKind
    matched_code: str
    announcement: str
    status: Status
    confidence: Confidence


@dataclass(frozen=True)
class Citation:
    announcement: str
    source: str


@dataclass(frozen=True)
class RuleApplication:
    """A rule that bears on this export; ``applies`` is None when the end user is unknown."""

    rule_id: str
    kind: RuleKind
    destination: str
    end_users: tuple[str, ...]
    announcement: str
    sentence: str
    applies: bool | None


@dataclass(frozen=True)
class ControlDecision:
    """The answer to "may this code go to that country on that day", with its reasons."""

    hs: str
    destination: str
    on: date
    end_user: str | None
    end_use: str | None
    controlled: bool
    items: tuple[MatchedItem, ...]
    inactive_items: tuple[MatchedItem, ...]
    licence_required: bool
    prohibited: bool
    end_user_restrictions: tuple[str, ...]
    rules: tuple[RuleApplication, ...]
    reasons: tuple[str, ...]
    caveats: tuple[str, ...]
    citations: tuple[Citation, ...] = field(default=())

    @property
    def control_ids(self) -> tuple[str, ...]:
        return tuple(sorted({m.id for m in self.items}))

    @property
    def best_match_kind(self) -> MatchKind | None:
        kinds = [m.match_kind for m in self.items]
        for kind in MATCH_KINDS:
            if kind in kinds:
                return kind
        return None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO strings)."""
        out = asdict(self)
        out["on"] = self.on.isoformat()
        out["control_ids"] = list(self.control_ids)
        out["match_kind"] = self.best_match_kind
        return out
