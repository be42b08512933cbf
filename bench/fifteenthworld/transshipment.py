"""Transshipment: licensed exports whose real end user is elsewhere.

``hub_relay`` ships to a hub consignee that re-exports to a denied destination;
``shadow_buyer`` ships to a consignee fronting for a watchlisted end user."""

from __future__ import annotations

from fifteenthworld import lines as L
from fifteenthworld import shipping
from fifteenthworld.craft import (
    Context,
    basics,
    fraud_line,
    front_licence,
    market_value,
    ring_header,
    usable_licence,
)
from fifteenthworld.parties import log_uniform
from fifteenthworld.rings import Event, Ring
from fifteenthworld.watchlist import Listed

RELAY = (
    "ga_metal",
    "ge_metal",
    "geo2",
    "sb_ingot",
    "sb_oxide_hp",
    "apt",
    "wc",
    "w_heavy",
    "dy_oxide",
    "tb_oxide",
    "gaas_wafer",
)
SHADOW = (
    "ga_metal",
    "ge_metal",
    "gaas_wafer",
    "inp",
    "w_heavy",
    "tb_metal",
    "dy_metal",
    "sm_metal",
    "te_metal",
    "geo2",
    "sb_ingot",
)


def hub_relay(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Licensed exports to a hub consignee that re-exports to a denied destination; the
    re-export is recorded for the partners' statistics."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    net = log_uniform(rng, *true.lot) * rng.uniform(1.0, 2.0 if loud else 1.2)
    licence = usable_licence(ctx, ring, "licence", day, net)
    if licence is None:
        end_user = None if ring.state.get("local_user") is None else ring.state["local_user"]
        use = "resale 转售" if end_user is None else rng.choice(true.uses)
        licence = front_licence(
            ctx,
            ring,
            true,
            customer,
            day,
            net * rng.uniform(4, 7),
            end_user=end_user or customer.name,
            end_use=use,
        )
        ring.state["licence"] = licence
    final = ring.state["final"]
    trade = final if loud and rng.random() < 0.6 else None
    mode = shipping.pick_mode(rng, true, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode, trade_country=trade)
    usd = market_value(ctx, true, day, net)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        usd,
        licence=licence,
        end_user=None if loud and rng.random() < 0.5 else licence.end_user,
        end_use=licence.end_use,
        found=f"{true.zh[0]} {true.en[0]}: re-exported to {final} (diversion)",
    )
    ctx.reexports.append((customer.country, final, true, day, line["net_weight_kg"], usd))
    return [L.finish(rng, [line])]


def shadow_buyer(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """Licensed exports to a consignee fronting for a watchlisted end user."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    net = log_uniform(rng, *true.lot) * rng.uniform(0.5, 1.0)
    licence = usable_licence(ctx, ring, "licence", day, net)
    if licence is None:
        licence = front_licence(ctx, ring, true, customer, day, net * rng.uniform(4, 7))
        ring.state["licence"] = licence
    target: Listed = ring.state["target"]
    end_user = rng.choice(target.alt_names) if loud and rng.random() < 0.6 else customer.name
    mode = shipping.pick_mode(rng, true, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    usd = market_value(ctx, true, day, net)
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        true,
        net,
        usd,
        licence=licence,
        end_user=end_user,
        end_use=licence.end_use,
        found=f"{true.zh[0]}: end user {target.party.name}",
    )
    if customer.country != target.party.country:
        ctx.reexports.append(
            (customer.country, target.party.country, true, day, line["net_weight_kg"], usd)
        )
    return [L.finish(rng, [line])]
