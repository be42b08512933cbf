"""The schemes of the land frontier, and how the fraudulent lines are shared among them."""

from __future__ import annotations

from nineteenthworld.context import Context
from nineteenthworld.rand import spread_variants
from nineteenthworld.schemes.common import Scheme
from nineteenthworld.schemes.conceal import DenseCargo, GermaniumInZinc, ResidentStructuring
from nineteenthworld.schemes.diversion import BondedLaundering, LicenceOverdraw, Transit
from nineteenthworld.schemes.misdeclare import (
    AntimonyAsLead,
    GraphiteMules,
    ReeAsPigment,
    TungstenAsSteel,
)
from nineteenthworld.schemes.rings import PortHopping
from nineteenthworld.schemes.value import RailValueShaving

#: Each scheme and its share of the fraudulent lines.
REGISTRY: tuple[tuple[type[Scheme], float], ...] = (
    (Transit, 0.08),
    (ResidentStructuring, 0.16),
    (AntimonyAsLead, 0.08),
    (GermaniumInZinc, 0.07),
    (ReeAsPigment, 0.08),
    (TungstenAsSteel, 0.08),
    (LicenceOverdraw, 0.09),
    (RailValueShaving, 0.08),
    (PortHopping, 0.07),
    (BondedLaundering, 0.07),
    (DenseCargo, 0.07),
    (GraphiteMules, 0.07),
)
SCHEMES: tuple[str, ...] = tuple(cls.name for cls, _ in REGISTRY)
BY_NAME: dict[str, type[Scheme]] = {cls.name: cls for cls, _ in REGISTRY}
MIN_LINES = 3


def quotas(fraud_lines: int) -> dict[str, int]:
    """Fraudulent lines per scheme: by share, at least ``MIN_LINES`` each when any."""
    if fraud_lines <= 0:
        return dict.fromkeys(SCHEMES, 0)
    return {cls.name: max(MIN_LINES, round(fraud_lines * share)) for cls, share in REGISTRY}


def run_all(ctx: Context, fraud_lines: int) -> int:
    """Every scheme's rings; returns the lines they added (fraudulent and cover)."""
    added = 0
    for cls, _ in REGISTRY:
        quota = quotas(fraud_lines)[cls.name]
        if quota <= 0:
            continue
        loud, faint = spread_variants(quota, ctx.knobs.faint_share)
        added += cls(ctx).run(loud, faint)
    return added


__all__ = ["BY_NAME", "REGISTRY", "SCHEMES", "Scheme", "quotas", "run_all"]
