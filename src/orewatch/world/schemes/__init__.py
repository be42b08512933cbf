"""Labelled smuggling schemes injected into the honest world.

Each scheme corrupts the arrays the way the real method corrupts declarations and
leaves its traces; :func:`inject_before_licences` and :func:`inject_after_licences`
run them in an order that keeps overlaps intentional (a broker network's lines are
also disguised, unlicensed or cite forged licences). ``production_leak`` is injected
into the chain by :mod:`orewatch.world.chain`.
"""

from __future__ import annotations

from orewatch.world.schemes import licensing, misdeclaration, networks
from orewatch.world.schemes.base import LIC_CUSTOM, LIC_LEGIT, LIC_NONE, Ctx, Reexport


def inject_before_licences(ctx: Ctx) -> None:
    networks.inject_broker_network(ctx)
    networks.inject_small_parcels(ctx)
    networks.inject_transshipment(ctx)
    misdeclaration.inject_concealment(ctx)
    misdeclaration.inject_disguised(ctx)
    misdeclaration.inject_undervalued(ctx)
    misdeclaration.inject_understated(ctx)
    licensing.select(ctx)


def inject_after_licences(ctx: Ctx) -> None:
    licensing.assign(ctx)


__all__ = [
    "LIC_CUSTOM",
    "LIC_LEGIT",
    "LIC_NONE",
    "Ctx",
    "Reexport",
    "inject_after_licences",
    "inject_before_licences",
]
