"""Misdeclaration (伪报瞒报) and concealment (夹藏) schemes on existing lines.

disguised, undervalued, understated_quantity: the line's declared code, value or
quantity departs from the truth; concealment: a controlled material rides hidden in an
ordinary line of a multi-line container declaration.
"""

from __future__ import annotations

import numpy as np

from orewatch.world.calendar import day_number
from orewatch.world.declarations import (
    G_CONTROLLED,
    G_ELEMENT_CTRL_DAY,
    G_PACK,
    M_SEA,
    IntArr,
    round_lot,
)
from orewatch.world.goods import CONTROL_DATES, DISGUISES, GOOD_INDEX, GOODS, LEAKS
from orewatch.world.schemes.base import Ctx

_DISGUISE_IDX: dict[int, list[int]] = {
    GOOD_INDEX[k]: [GOOD_INDEX[x] for x in v] for k, v in DISGUISES.items()
}


def leak_spec(ctx: Ctx, declared: int, element: str) -> int:
    """A spec string for ``declared`` that lets a token of the true ``element`` slip."""
    leaks = LEAKS[element]
    token = leaks[int(ctx.rng.integers(len(leaks)))]
    return ctx.spec_id(f"0|0|{GOODS[declared].desc_zh}|{token}|无品牌")


def disguise(ctx: Ctx, idx: IntArr, leak_share: float = 0.3) -> None:
    """Declare lines ``idx`` (true good controlled) as one of their ordinary disguises."""
    rng, ln = ctx.rng, ctx.lines
    if not len(idx):
        return
    day = ctx.line_day()[idx]
    for i in idx:
        true = int(ln.good_true[i])
        options = _DISGUISE_IDX[true]
        decl = options[int(rng.integers(len(options)))]
        ln.good_decl[i] = decl
        element = GOODS[true].element or "gallium"
        if rng.random() < leak_share:
            ln.spec[i] = leak_spec(ctx, decl, element)
        else:
            g = GOODS[decl]
            ln.spec[i] = ctx.specs.offset[decl] + int(rng.integers(len(g.specs)))
    decl_goods = ln.good_decl[idx]
    as_declared = rng.random(len(idx)) < 0.55
    bland = ln.kg_decl[idx] * ctx.price_usd(decl_goods, day) * np.exp(rng.normal(0, 0.12, len(idx)))
    partial = ln.usd_true[idx] * rng.uniform(0.25, 0.9, len(idx))
    ln.usd_decl[idx] = np.round(np.where(as_declared, bland, partial), 2)
    ln.end_user[idx] = -2
    ln.end_use[idx] = 0
    ln.needs_licence[idx] = False
    ln.licence[idx] = None
    ln.offbook[idx] = True


def inject_disguised(ctx: Ctx) -> None:
    ln = ctx.lines
    n = ctx.remaining("disguised")
    idx = ctx.pick_lines(ln.needs_licence.copy(), n, prefer=ctx.line_rogue())
    disguise(ctx, idx)
    ln.label(idx, "disguised")


def inject_undervalued(ctx: Ctx) -> None:
    ln = ctx.lines
    idx = ctx.pick_lines(
        ln.needs_licence.copy(), ctx.remaining("undervalued"), prefer=ctx.line_rogue()
    )
    ln.usd_decl[idx] = np.round(ln.usd_true[idx] * ctx.rng.uniform(0.2, 0.55, len(idx)), 2)
    ln.label(idx, "undervalued")


def inject_understated(ctx: Ctx) -> None:
    rng, ln = ctx.rng, ctx.lines
    n = ctx.remaining("understated_quantity")
    idx = ctx.pick_lines(ln.needs_licence & (ln.kg_true >= 20), n, prefer=ctx.line_rogue())
    factor = rng.uniform(0.35, 0.7, len(idx))
    new_kg = round_lot(ln.kg_true[idx] * factor, np.zeros(len(idx), dtype=bool))
    ratio = new_kg / ln.kg_true[idx]
    ln.kg_decl[idx] = new_kg
    ln.usd_decl[idx] = np.round(ln.usd_true[idx] * ratio, 2)
    keep_true_gross = rng.random(len(idx)) < 0.5  # the gross weight betrays it
    honest_gross = np.round(
        new_kg * G_PACK[ln.good_decl[idx]] * rng.uniform(0.995, 1.02, len(idx)), 2
    )
    ln.gross[idx] = np.where(keep_true_gross, ln.gross[idx], honest_gross)
    ln.offbook[idx] = True
    ln.label(idx, "understated_quantity")


def inject_concealment(ctx: Ctx) -> None:
    """One line of a multi-line sea declaration carries a hidden controlled material."""
    rng, ln, d = ctx.rng, ctx.lines, ctx.decls
    n = ctx.remaining("concealment")
    first_ctrl = day_number(min(CONTROL_DATES.values()))
    ok = (d.mode == M_SEA) & (d.n >= 2) & ~ctx.decl_taken & (d.day >= first_ctrl + 30)
    cand = np.flatnonzero(ok)
    if not len(cand) or n <= 0:
        return
    rogue = ctx.rogue[d.exporter[cand]]
    p = np.where(rogue, 6.0, 1.0)
    chosen = rng.choice(cand, min(n, len(cand)), replace=False, p=p / p.sum())
    chosen = np.sort(chosen)
    ctrl_day = G_ELEMENT_CTRL_DAY
    out: list[int] = []
    ordinary = np.flatnonzero(~G_CONTROLLED)
    for dec in chosen:
        lo, k = int(d.first[dec]), int(d.n[dec])
        span = np.arange(lo, lo + k)
        ordinary_lines = span[~G_CONTROLLED[ln.good_true[span]]]
        if not len(ordinary_lines):
            continue
        i = int(ordinary_lines[int(rng.integers(len(ordinary_lines)))])
        day = int(d.day[dec])
        exp = ctx.book.exporters[int(d.exporter[dec])]
        own = [g for g, _ in exp.goods if G_CONTROLLED[g] and day >= ctrl_day[g]]
        pool = own or list(ctx.controlled_at(day))
        if not pool:
            continue
        hidden = int(pool[int(rng.integers(len(pool)))])
        hidden_kg = float(
            np.round(
                min(
                    ln.kg_true[i] * rng.uniform(0.04, 0.25),
                    GOODS[hidden].lot_kg * rng.uniform(0.5, 3.0),
                ),
                1,
            )
        )
        hidden_kg = max(hidden_kg, 1.0)
        if rng.random() < 0.4:  # the odd line among ordinary ones
            others = [g for g in ordinary if GOODS[g].sector != GOODS[int(ln.good_decl[i])].sector]
            odd = int(others[int(rng.integers(len(others)))])
            ln.good_decl[i] = odd
            ln.good_true[i] = odd
            ln.spec[i] = int(ctx.specs.offset[odd])
            unit = ctx.price_usd(np.array([odd]), np.array([day]))[0] * rng.lognormal(0, 0.12)
            ln.usd_decl[i] = ln.usd_true[i] = round(float(ln.kg_true[i] * unit), 2)
            pack = G_PACK[odd] * rng.uniform(0.995, 1.02)
            ln.gross[i] = round(float(ln.kg_true[i] * pack), 2)
        ln.hidden_good[i] = hidden
        ln.hidden_kg[i] = hidden_kg
        ln.usd_true[i] += float(hidden_kg * ctx.price_usd(np.array([hidden]), np.array([day]))[0])
        if rng.random() < 0.65:  # gross weight surplus
            ln.gross[i] = round(float(ln.gross[i]) + hidden_kg * rng.uniform(1.0, 1.1), 2)
        ln.offbook[i] = True
        ctx.taken[span] = True
        ctx.decl_taken[dec] = True
        out.append(i)
    ln.label(np.array(out, dtype=np.int64), "concealment")
