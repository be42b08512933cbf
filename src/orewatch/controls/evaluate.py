"""One export, one date: which items match, which rules bite, and the sentences that say why.

This is the explaining path (CLI, API, a licensing officer's question). Screening uses
:mod:`orewatch.controls.frame`, which must give the same booleans; a property test holds the two
together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from orewatch.controls.matching import match_kind, match_rank, normalise_hs
from orewatch.controls.model import (
    BLOCKING_KINDS,
    Citation,
    ControlDecision,
    ControlItem,
    DestinationRule,
    MatchedItem,
    MatchKind,
    RuleApplication,
)

_MILITARY = re.compile(
    r"military|army|navy|naval|air force|armed forces|defen[cs]e|missile|weapon|munition|"
    r"self[- ]defense|自卫队|军|国防|武器|导弹",
    re.IGNORECASE,
)

_KIND_PHRASE = {
    "prohibit": "export banned",
    "deny_in_principle": "licences denied in principle (prohibited in effect)",
    "stricter_review": "stricter end-user and end-use review",
    "anti_diversion": "re-transfer liability",
    "general_licence": "general licence available to some exporters",
}

_END_USER_PHRASE = {
    "military_user": "military users",
    "military_use": "military uses",
    "enhances_military": "end users/uses enhancing military strength",
    "any": "all end users",
}


def classify_end_user(end_user: str | None, end_use: str | None) -> frozenset[str] | None:
    """Map free text to the rule vocabulary; None means nothing is known about the end user.

    Keyword matching is deliberately broad: a false "military" only adds a restriction to read,
    a missed one lets a banned export through.
    """
    if not (end_user or end_use):
        return None
    classes: set[str] = set()
    if end_user and _MILITARY.search(end_user):
        classes |= {"military_user", "enhances_military"}
    if end_use and _MILITARY.search(end_use):
        classes |= {"military_use", "enhances_military"}
    return frozenset(classes)


def best_match(declared: str, item: ControlItem) -> tuple[MatchKind, str] | None:
    found: list[tuple[int, MatchKind, str]] = []
    for code in item.hs_codes:
        kind = match_kind(declared, code)
        if kind is not None:
            found.append((match_rank(kind), kind, code))
    if not found:
        return None
    _, kind, code = min(found)
    return kind, code


def _end_users_text(rule: DestinationRule) -> str:
    return ", ".join(_END_USER_PHRASE[u] for u in rule.end_users)


def _item_label(item: ControlItem) -> str:
    text = item.description_en
    return text[0].upper() + text[1:]


def decide(
    items: Sequence[ControlItem],
    rules: Sequence[DestinationRule],
    hs: str,
    destination: str,
    on: date,
    end_user: str | None = None,
    end_use: str | None = None,
) -> ControlDecision:
    declared = normalise_hs(hs)
    dest = destination.strip().upper()
    active: list[tuple[ControlItem, MatchedItem]] = []
    inactive: list[MatchedItem] = []
    reasons: list[str] = []
    caveats: list[str] = []
    citations: dict[tuple[str, str], Citation] = {}

    for item in items:
        found = best_match(declared, item)
        if found is None:
            continue
        kind, code = found
        status = item.status(on)
        matched = MatchedItem(
            id=item.id,
            element=item.element,
            description=item.description_en,
            match_kind=kind,
            matched_code=code,
            announcement=item.announcement,
            status=status,
            confidence=item.confidence,
        )
        if status != "in_force":
            inactive.append(matched)
            if status == "suspended":
                caveats.append(
                    f"{_item_label(item)} ({item.id}) {item.suspension_text()}: "
                    "not in force on this date"
                )
            elif status == "not_yet_effective":
                caveats.append(
                    f"{_item_label(item)} ({item.id}) takes effect on "
                    f"{item.effective_from.isoformat()} under {item.announcement}"
                )
            continue
        active.append((item, matched))
        licence = "export licence required" if item.licence_required else "listed"
        how = {
            "exact": "",
            "catalogue_prefix": f" (declared code falls under catalogue line {code})",
            "declared_prefix": (
                f" (declared code {declared} is a prefix of {code}: it MAY be this item)"
            ),
        }[kind]
        reasons.append(
            f"{_item_label(item)} ({item.id}) is controlled since "
            f"{item.effective_from.isoformat()} under {item.announcement}: {licence}{how}"
        )
        citations[(item.announcement, item.source)] = Citation(item.announcement, item.source)
        if item.confidence == "low":
            caveats.append(f"{item.id}: low confidence ({item.notes or 'secondary source only'})")
        if item.unverified_after_suspension(on):
            caveats.append(f"{item.id}: {item.status_caveat}")
        if kind == "declared_prefix":
            caveats.append(
                f"declared code {declared} is shorter than catalogue code {code}: "
                f"the goods may or may not be {item.id}"
            )

    classes = classify_end_user(end_user, end_use)
    applications: list[RuleApplication] = []
    restrictions: list[str] = []
    prohibited = False
    active_items = [i for i, _ in active]
    for rule in rules:
        covered = [i for i in active_items if rule.applies_to.covers(i)]
        if not covered or not rule.for_destination(dest):
            continue
        if rule.re_export_to == dest:
            continue  # the direct rule for that country already answers it
        status = rule.status(on)
        if status == "suspended":
            caveats.append(
                f"{rule.announcement} ({rule.id}, {_KIND_PHRASE[rule.kind]}) "
                f"{rule.suspension_text()}: not in force on this date"
            )
            continue
        if status != "in_force":
            continue
        if rule.any_end_user:
            applies: bool | None = True
        elif classes is None:
            applies = None
        else:
            applies = bool(classes & set(rule.end_users))
        elements = ", ".join(sorted({i.element for i in covered}))
        where = (
            f"re-export to {rule.re_export_to}"
            if rule.re_export_to
            else f"export to {rule.destination}"
        )
        sentence = (
            f"{rule.announcement} ({rule.id}), in force since {rule.effective_from.isoformat()}: "
            f"{_KIND_PHRASE[rule.kind]} ({where}; {_end_users_text(rule)}; covers {elements})"
        )
        applications.append(
            RuleApplication(
                rule_id=rule.id,
                kind=rule.kind,
                destination=rule.destination,
                end_users=rule.end_users,
                announcement=rule.announcement,
                sentence=sentence,
                applies=applies,
            )
        )
        citations[(rule.announcement, rule.source)] = Citation(rule.announcement, rule.source)
        if rule.kind == "prohibit" and rule.military_only:
            restrictions.append(
                f"{_end_users_text(rule)} banned for {rule.destination} "
                f"({rule.announcement}, since {rule.effective_from.isoformat()})"
            )
        if rule.kind in BLOCKING_KINDS and applies:
            prohibited = True
            reasons.append(f"Prohibited: {sentence}")
        elif rule.kind in BLOCKING_KINDS and applies is None:
            reasons.append(f"End user not known; if military: {sentence}")
        else:
            reasons.append(sentence[0].upper() + sentence[1:])
        if rule.unverified_after_suspension(on):
            caveats.append(f"{rule.id}: {rule.status_caveat}")
        if rule.confidence == "low":
            caveats.append(f"{rule.id}: low confidence")

    if not active:
        reasons.append(
            f"No catalogue item with code {declared or '(empty)'} is in force on {on.isoformat()}"
        )
    ordered = sorted(active, key=lambda pair: (match_rank(pair[1].match_kind), pair[1].id))
    return ControlDecision(
        hs=declared,
        destination=dest,
        on=on,
        end_user=end_user,
        end_use=end_use,
        controlled=bool(active),
        items=tuple(m for _, m in ordered),
        inactive_items=tuple(inactive),
        licence_required=any(i.licence_required for i in active_items),
        prohibited=prohibited,
        end_user_restrictions=tuple(dict.fromkeys(restrictions)),
        rules=tuple(applications),
        reasons=tuple(dict.fromkeys(reasons)),
        caveats=tuple(dict.fromkeys(caveats)),
        citations=tuple(citations.values()),
    )
