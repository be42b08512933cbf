"""Licence schemes: missing, forged, expired, another exporter's, overdrawn, wrong consignee.

Phase A (``select``) reserves lines before honest licences are issued; phase B
(``assign``) makes them cite the wrong thing once the licence register exists.
"""

from __future__ import annotations

import numpy as np

from orewatch.world.declarations import G_ELEMENT_CTRL_DAY
from orewatch.world.licences import G_CONTROL, Licence, licence_number
from orewatch.world.schemes.base import LIC_CUSTOM, LIC_NONE, Ctx

_CUSTOM = ("licence_forged", "licence_expired", "licence_other_exporter", "licence_wrong_consignee")


def select(ctx: Ctx) -> None:
    """Reserve lines for licence schemes that are not decided by the register."""
    ln = ctx.lines
    idx = ctx.pick_lines(
        ln.needs_licence.copy(), ctx.remaining("licence_missing"), ctx.line_rogue()
    )
    ctx.lic_mode[idx] = LIC_NONE
    ln.label(idx, "licence_missing")
    day = ctx.line_day()
    a_year_in = day >= G_ELEMENT_CTRL_DAY[ln.good_decl] + 400  # an expired licence can exist
    for scheme in _CUSTOM:
        pool = ln.needs_licence & (a_year_in if scheme == "licence_expired" else True)
        idx = ctx.pick_lines(pool, ctx.remaining(scheme), ctx.line_rogue())
        ctx.lic_mode[idx] = LIC_CUSTOM
        ctx.lic_kind.append((idx, scheme))
        ln.label(idx, scheme)


def _year(day: int) -> int:
    return int(np.datetime64(day, "D").astype("datetime64[Y]").astype(int)) + 1970


def assign(ctx: Ctx) -> None:
    """Cite forged, expired, foreign or mismatched licences on the reserved lines."""
    rng, ln, d, lb = ctx.rng, ctx.lines, ctx.decls, ctx.lb
    by_exp = lb.for_exporter()
    by_control: dict[int, list[int]] = {}
    for k, lic in enumerate(lb.items):
        by_control.setdefault(int(G_CONTROL[lic.good]), []).append(k)
    for idx, scheme in ctx.lic_kind:
        for i in idx:
            dec = int(ln.decl[i])
            day, exp, con = int(d.day[dec]), int(d.exporter[dec]), int(d.consignee[dec])
            good = int(ln.good_decl[i])
            ctrl = int(G_CONTROL[good])
            own = [lb.items[k] for k in by_exp.get(exp, []) if G_CONTROL[lb.items[k].good] == ctrl]
            if scheme == "licence_forged":
                ln.licence[i] = _forged(ctx, day)
            elif scheme == "licence_expired":
                old = [x for x in own if x.valid_until < day]
                if old:
                    ln.licence[i] = max(old, key=lambda x: x.valid_until).no
                else:
                    lo = int(G_ELEMENT_CTRL_DAY[good])
                    issued = int(rng.integers(lo, max(lo + 1, day - 380)))
                    lic = Licence(
                        lb.next_no(_year(issued)),
                        issued,
                        issued + 364,
                        exp,
                        good,
                        float(np.ceil(ln.kg_decl[i] * rng.uniform(1, 3))),
                        con,
                        "",
                        "",
                    )
                    lb.add(lic)
                    ln.licence[i] = lic.no
            elif scheme == "licence_other_exporter":
                pool = [
                    lb.items[k] for k in by_control.get(ctrl, []) if lb.items[k].exporter != exp
                ]
                valid = [x for x in pool if x.issued <= day <= x.valid_until]
                pick = valid or pool
                if pick:
                    ln.licence[i] = pick[int(rng.integers(len(pick)))].no
                else:
                    ln.licence[i] = _forged(ctx, day)
            elif scheme == "licence_wrong_consignee":
                others = [x for x in own if x.consignee != con and x.issued <= day <= x.valid_until]
                if others:
                    ln.licence[i] = others[int(rng.integers(len(others)))].no
                else:
                    cust = [c for c, _ in ctx.book.exporters[exp].customers if c != con]
                    other = (
                        cust[int(rng.integers(len(cust)))]
                        if cust
                        else int(rng.integers(len(ctx.book.consignees)))
                    )
                    issued = max(day - int(rng.integers(10, 120)), int(G_ELEMENT_CTRL_DAY[good]))
                    lic = Licence(
                        lb.next_no(_year(issued)),
                        issued,
                        issued + 364,
                        exp,
                        good,
                        float(np.ceil(ln.kg_decl[i] * rng.uniform(1.5, 4) / 10) * 10),
                        other,
                        "",
                        "",
                    )
                    lb.add(lic)
                    ln.licence[i] = lic.no
    _overdrawn(ctx)


def _forged(ctx: Ctx, day: int) -> str:
    rng, lb = ctx.rng, ctx.lb
    while True:
        if lb.items and rng.random() < 0.3:  # a near miss of a real number
            real = lb.items[int(rng.integers(len(lb.items)))].no
            no = real[:-1] + str((int(real[-1]) + int(rng.integers(1, 9))) % 10)
        else:
            no = licence_number(_year(day) - int(rng.random() < 0.2), int(rng.integers(1, 999999)))
        if no not in lb.by_no:
            return no


def _overdrawn(ctx: Ctx) -> None:
    """Cap some honest licences below what was drawn: later draws exceed the licence."""
    rng, ln, lb = ctx.rng, ctx.lines, ctx.lb
    need = ctx.remaining("licence_overdrawn")
    cands = [k for k, lic in enumerate(lb.items) if len(lic.draws) >= 2]
    perm = [int(x) for x in rng.permutation(len(cands))]
    out: list[int] = []
    rogue = ctx.rogue
    order = sorted(perm, key=lambda j: not rogue[lb.items[cands[j]].exporter])  # rogue first
    for j in order:
        if need <= 0:
            break
        lic = lb.items[cands[int(j)]]
        draws = lic.draws
        if any(ctx.taken[i] and ctx.lic_mode[i] != 0 for i in draws):
            continue
        kg = ln.kg_decl[np.array(draws)]
        cum = np.cumsum(kg)
        k = max(1, len(draws) - int(rng.integers(1, min(need, len(draws) - 1) + 1)))
        cap = float(cum[k - 1] + kg[k] * rng.uniform(0.1, 0.7))
        cap = float(np.floor(cap / 10) * 10) if cap > 100 else float(np.floor(cap))
        if cap >= cum[k] or cap <= 0:
            continue
        lic.quantity_kg = cap
        over = draws[k:]
        out.extend(over)
        ctx.taken[np.array(over)] = True
        need -= len(over)
    ln.label(np.array(sorted(out), dtype=np.int64), "licence_overdrawn")
