"""Misdeclaration: controlled goods declared as what they are not.

``code_swap`` borrows an ordinary code (neighbouring, or unrelated), ``thin_invoice``
understates the value of licensed goods, ``grade_shave`` declares a controlled high grade
as the uncontrolled lower one."""

from __future__ import annotations

from fifteenthworld import lines as L
from fifteenthworld import shipping, wording
from fifteenthworld.craft import (
    Context,
    basics,
    companion,
    fraud_line,
    front_licence,
    market_value,
    ring_header,
    usable_licence,
)
from fifteenthworld.goods import BY_KEY, export_price
from fifteenthworld.parties import log_uniform
from fifteenthworld.rings import Event, Ring

#: true good -> (neighbouring cover, unrelated cover)
SWAPS = {
    "ga_metal": ("in_ingot", "al_alloy"),
    "ge_metal": ("in_ingot", "si_metal"),
    "geo2": ("zro2", "tio2"),
    "sb_ingot": ("pbsb_alloy", "sn_ingot"),
    "apt": ("amm_molybdate", "zno"),
    "wc": ("sic", "alumina"),
    "dy_oxide": ("nd_oxide", "zro2"),
    "tb_oxide": ("ceo2", "tio2"),
    "tb_metal": ("nd_metal", "mg_ingot"),
    "flake_graphite": ("amorph_graphite", "sic"),
    "gaas_wafer": ("si_wafer", "ceramic_parts"),
    "bi_metal": ("pb_ingot", "zn_ingot"),
    "y_oxide": ("la2o3", "alumina"),
}
SHAVES = {
    "sb_oxide_hp": "sb_oxide_std",
    "w_heavy": "w_products",
    "mo_powder": "mo_coarse",
    "hp_graphite": "graphite_sheet",
    "spherical_graphite": "anode_material",
}
THIN = (
    "ga_metal",
    "ge_metal",
    "geo2",
    "sb_ingot",
    "apt",
    "wc",
    "dy_oxide",
    "tb_oxide",
    "bi_metal",
    "y_oxide",
    "flake_graphite",
    "spherical_graphite",
)


def code_swap(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Controlled goods under an ordinary code: unrelated and at their own price (loud), or
    the neighbouring code at the neighbour's price (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    cover = BY_KEY[ring.choice[2] if loud else ring.choice[1]]
    net = log_uniform(rng, *true.lot) * rng.uniform(0.7, 1.5)
    if not loud:  # a professional ring ships amounts that look like the cover's
        net = min(max(net, cover.lot[0] * rng.uniform(0.3, 0.8)), true.lot[1] * 3)
    true_usd = export_price(true, day) * net
    usd = true_usd * rng.uniform(0.75, 1.0) if loud else market_value(ctx, cover, day, net)
    mode = shipping.pick_mode(rng, cover, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    spec_style = head["_broker"].spec_style
    spec = wording.specification(
        rng, cover, spec_style, grade=rng.choice(true.grades) if loud else None
    )
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        cover,
        net,
        usd,
        true_usd=true_usd,
        spec=spec,
        origin=rng.choice(true.regions if loud or rng.random() < 0.5 else cover.regions),
    )
    ctx.leaks.append((ring, true, day, line["net_weight_kg"]))
    made = [line] + [companion(ctx, head, [cover], 0.5) for _ in range(event.companions)]
    rng.shuffle(made)
    return [L.finish(rng, made)]


def thin_invoice(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Licensed controlled goods invoiced at a third (loud) or three quarters (faint) of
    their price; the difference is paid offshore."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    net = log_uniform(rng, *true.lot)
    licence = usable_licence(ctx, ring, "licence", day, net)
    if licence is None:
        licence = front_licence(ctx, ring, true, customer, day, net * rng.uniform(4, 8))
        ring.state["licence"] = licence
    true_usd = export_price(true, day) * net
    usd = true_usd * (rng.uniform(0.25, 0.42) if loud else rng.uniform(0.6, 0.78))
    mode = shipping.pick_mode(rng, true, net, customer.country, small=False)
    trade = rng.choice(("HK", "SG", "AE")) if loud and rng.random() < 0.5 else None
    head = ring_header(ctx, ring, day, customer, mode, trade_country=trade)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        usd,
        true_usd=true_usd,
        licence=licence,
        end_user=licence.end_user,
        end_use=licence.end_use,
    )
    return [L.finish(rng, [line])]


def grade_shave(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """A controlled high grade declared as the uncontrolled lower grade, keeping the high
    grade's price and use (loud) or taking the lower grade's (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    lower = BY_KEY[ring.choice[1]]
    net = log_uniform(rng, *true.lot)
    true_usd = export_price(true, day) * net
    usd = (
        true_usd * rng.uniform(0.8, 1.0)
        if loud
        else market_value(ctx, lower, day, net) * rng.uniform(1.0, 1.1)
    )
    mode = shipping.pick_mode(rng, lower, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    spec_style = head["_broker"].spec_style
    spec = wording.specification(
        rng, lower, spec_style, use=rng.choice(true.uses) if loud else None
    )
    found = f"{true.zh[0]} {true.en[0]} ({rng.choice(true.grades)})"
    line = fraud_line(
        ctx, ring, event, head, true, lower, net, usd, true_usd=true_usd, spec=spec, found=found
    )
    return [L.finish(rng, [line])]
