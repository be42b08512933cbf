"""Read and validate the catalogue YAML into the domain model.

Validation is strict and names the entry and field at fault, because a wrong date or code in
this file silently changes every screening answer that follows.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, cast

import yaml

from orewatch.controls.model import (
    CONFIDENCES,
    END_USER_CLASSES,
    ITEM_KINDS,
    RULE_KINDS,
    AppliesTo,
    CatalogueChange,
    Confidence,
    ControlItem,
    DestinationRule,
    ItemKind,
    RuleKind,
)

_HS = re.compile(r"\d{8}|\d{10}")
_COUNTRY = re.compile(r"[A-Z]{2}")
_ID = re.compile(r"CN-[0-9A-Z]+(-[0-9A-Za-z]+)+")


class CatalogueError(ValueError):
    """A catalogue entry is malformed; the message names the entry id and the field."""


@dataclass(frozen=True)
class CatalogueData:
    version: str
    meta: Mapping[str, Any]
    changes: tuple[CatalogueChange, ...]
    items: tuple[ControlItem, ...]
    rules: tuple[DestinationRule, ...]


def read_yaml(path: Path) -> Mapping[str, Any]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CatalogueError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise CatalogueError(f"{path}: top level must be a mapping")
    return cast(Mapping[str, Any], raw)


class _Entry:
    """Typed access to one YAML mapping, with errors that name the entry."""

    def __init__(self, where: str, raw: Any) -> None:
        if not isinstance(raw, Mapping):
            raise CatalogueError(f"{where}: must be a mapping")
        self.raw: Mapping[str, Any] = raw
        self.where = where

    def fail(self, name: str, why: str) -> CatalogueError:
        return CatalogueError(f"{self.where} field {name!r}: {why}")

    def str_(self, name: str) -> str:
        value = self.raw.get(name)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(name, "required non-empty text")
        return value

    def opt_str(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(name, f"must be text, got {value!r}")
        return value

    def bool_(self, name: str, default: bool | None = None) -> bool:
        value = self.raw.get(name, default)
        if not isinstance(value, bool):
            raise self.fail(name, f"must be true or false, got {value!r}")
        return value

    def date_(self, name: str) -> date:
        value = self.opt_date(name)
        if value is None:
            raise self.fail(name, "required date (YYYY-MM-DD)")
        return value

    def opt_date(self, name: str) -> date | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value)
            except ValueError:
                pass
        raise self.fail(name, f"must be an ISO date YYYY-MM-DD, got {value!r}")

    def str_list(self, name: str, required: bool = True) -> tuple[str, ...]:
        value = self.raw.get(name)
        if value is None and not required:
            return ()
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise self.fail(name, f"must be a list, got {value!r}")
        out = []
        for v in value:
            if not isinstance(v, str):
                raise self.fail(name, f"entries must be text (quote codes), got {v!r}")
            out.append(v)
        return tuple(out)

    def choice(self, name: str, allowed: Sequence[str]) -> str:
        value = self.str_(name)
        if value not in allowed:
            raise self.fail(name, f"{value!r} is not one of {', '.join(allowed)}")
        return value


def _dated(e: _Entry) -> dict[str, Any]:
    out: dict[str, Any] = {
        "effective_from": e.date_("effective_from"),
        "effective_until": e.opt_date("effective_until"),
        "suspended_from": e.opt_date("suspended_from"),
        "suspended_until": e.opt_date("suspended_until"),
        "suspended_by": e.opt_str("suspended_by"),
        "status_caveat": e.opt_str("status_caveat"),
    }
    if out["effective_until"] and out["effective_until"] < out["effective_from"]:
        raise e.fail("effective_until", "is before effective_from")
    susp = (out["suspended_from"], out["suspended_until"], out["suspended_by"])
    if any(v is not None for v in susp) and out["suspended_from"] is None:
        raise e.fail("suspended_from", "required when suspended_until or suspended_by is given")
    if out["suspended_from"] is not None and out["suspended_by"] is None:
        raise e.fail("suspended_by", "a suspension must name the announcement that made it")
    if (
        out["suspended_from"] is not None
        and out["suspended_until"] is not None
        and out["suspended_until"] < out["suspended_from"]
    ):
        raise e.fail("suspended_until", "is before suspended_from")
    return out


def parse_item(raw: Any, index: int) -> ControlItem:
    e = _Entry(f"items[{index}]", raw)
    item_id = e.str_("id")
    e.where = f"item {item_id}"
    if not _ID.fullmatch(item_id):
        raise e.fail("id", f"{item_id!r} does not look like CN-YYYY-NN-XX-NN")
    kind = cast(ItemKind, e.choice("kind", ITEM_KINDS))
    codes = e.str_list("hs_codes")
    for code in codes:
        if not _HS.fullmatch(code):
            raise e.fail("hs_codes", f"{code!r} must be 8 or 10 digits")
    if len(set(codes)) != len(codes):
        raise e.fail("hs_codes", "duplicate code")
    if kind == "technology" and codes:
        raise e.fail("hs_codes", "technology items have no commodity code")
    forms = e.str_list("forms")
    if not forms:
        raise e.fail("forms", "at least one form")
    return ControlItem(
        **_dated(e),
        id=item_id,
        kind=kind,
        element=e.str_("element"),
        forms=forms,
        description_en=e.str_("description_en"),
        description_zh=e.str_("description_zh"),
        hs_codes=codes,
        announcement=e.str_("announcement"),
        control_code=e.opt_str("control_code"),
        dual_use=e.bool_("dual_use", True),
        licence_required=e.bool_("licence_required"),
        confidence=cast(Confidence, e.choice("confidence", CONFIDENCES)),
        source=e.str_("source"),
        notes=e.opt_str("notes"),
    )


def parse_rule(raw: Any, index: int) -> DestinationRule:
    e = _Entry(f"rules[{index}]", raw)
    rule_id = e.str_("id")
    e.where = f"rule {rule_id}"
    destination = e.str_("destination")
    if destination != "any" and not _COUNTRY.fullmatch(destination):
        raise e.fail("destination", f"{destination!r} must be ISO alpha-2 (upper case) or 'any'")
    end_users = e.str_list("end_users")
    bad = [u for u in end_users if u not in END_USER_CLASSES]
    if bad or not end_users:
        raise e.fail("end_users", f"{bad or end_users} not in {', '.join(END_USER_CLASSES)}")
    scope = _Entry(f"rule {rule_id} field 'applies_to'", raw.get("applies_to"))
    applies = AppliesTo(
        all_dual_use=scope.bool_("all_dual_use", False),
        elements=scope.str_list("elements", required=False),
        announcements=scope.str_list("announcements", required=False),
        items=scope.str_list("items", required=False),
    )
    if not (applies.all_dual_use or applies.elements or applies.announcements or applies.items):
        raise e.fail("applies_to", "covers nothing")
    re_export_to = e.opt_str("re_export_to")
    if re_export_to is not None and not _COUNTRY.fullmatch(re_export_to):
        raise e.fail("re_export_to", f"{re_export_to!r} must be ISO alpha-2")
    return DestinationRule(
        **_dated(e),
        id=rule_id,
        kind=cast(RuleKind, e.choice("kind", RULE_KINDS)),
        destination=destination,
        end_users=end_users,
        applies_to=applies,
        re_export_to=re_export_to,
        description=e.str_("description"),
        announcement=e.str_("announcement"),
        confidence=cast(Confidence, e.choice("confidence", CONFIDENCES)),
        source=e.str_("source"),
        notes=e.opt_str("notes"),
    )


def _check_references(items: tuple[ControlItem, ...], rules: tuple[DestinationRule, ...]) -> None:
    ids = [i.id for i in items] + [r.id for r in rules]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise CatalogueError(f"duplicate ids: {', '.join(dupes)}")
    elements = {i.element for i in items}
    announcements = {i.announcement for i in items}
    item_ids = {i.id for i in items}
    for rule in rules:
        a = rule.applies_to
        for name, wanted, known in (
            ("elements", a.elements, elements),
            ("announcements", a.announcements, announcements),
            ("items", a.items, item_ids),
        ):
            unknown = sorted(set(wanted) - known)
            if unknown:
                raise CatalogueError(
                    f"rule {rule.id} field 'applies_to.{name}': unknown {', '.join(unknown)}"
                )


def parse_catalogue(raw: Mapping[str, Any], where: str = "catalogue") -> CatalogueData:
    version = raw.get("version")
    if not isinstance(version, str | int | float) or not str(version).strip():
        raise CatalogueError(f"{where}: field 'version' is required")
    for name in ("items", "rules"):
        if not isinstance(raw.get(name), list):
            raise CatalogueError(f"{where}: field {name!r} must be a list")
    changes_raw = raw.get("changes") or []
    if not isinstance(changes_raw, list) or not all(isinstance(c, str) for c in changes_raw):
        raise CatalogueError(f"{where}: field 'changes' must be a list of text")
    items = tuple(parse_item(r, i) for i, r in enumerate(raw["items"]))
    rules = tuple(parse_rule(r, i) for i, r in enumerate(raw["rules"]))
    _check_references(items, rules)
    meta = raw.get("meta") or {}
    if not isinstance(meta, Mapping):
        raise CatalogueError(f"{where}: field 'meta' must be a mapping")
    return CatalogueData(
        version=str(version),
        meta=meta,
        changes=tuple(CatalogueChange(c) for c in changes_raw),
        items=items,
        rules=rules,
    )
