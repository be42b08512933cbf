"""Evasion by alloying, a scheme of our own: the controlled metal melted into an
uncontrolled carrier at a recoverable content (antimony at 45% in "lead-antimony alloy",
bismuth at 90% in "solder", gallium in aluminium alloy, dysprosium in neodymium metal),
to be recovered abroad. Enforcement treats it as evading the control; the line itself is
an ordinary alloy unless it states the content."""

from __future__ import annotations

from fifteenthworld import lines as L
from fifteenthworld import shipping, wording
from fifteenthworld.craft import (
    Context,
    basics,
    fraud_line,
    market_value,
    ring_header,
)
from fifteenthworld.goods import BY_KEY, export_price
from fifteenthworld.parties import log_uniform
from fifteenthworld.rings import Event, Ring

ALLOYS = (
    ("pbsb_alloy", "sb_ingot", (0.32, 0.5), "Sb"),
    ("solder", "bi_metal", (0.8, 0.95), "Bi"),
    ("al_alloy", "ga_metal", (0.06, 0.15), "Ga"),
    ("nd_metal", "dy_metal", (0.2, 0.35), "Dy"),
)


def alloy_wash(ctx: Context, ring: Ring, event: Event) -> list[list[L.Line]]:
    """The controlled metal alloyed into an uncontrolled carrier, its content stated and
    priced (loud) or left unsaid (faint)."""
    rng, day, loud, true, customer = basics(ctx, ring, event)
    carrier = BY_KEY[ring.choice[0]]
    low, high = ring.choice[2]
    symbol = ring.choice[3]
    content = rng.uniform(low, high)
    net = log_uniform(rng, *carrier.lot) * rng.uniform(0.15, 0.4)
    price = content * export_price(true, day) + (1 - content) * export_price(carrier, day)
    true_usd = price * net
    usd = (
        true_usd * rng.uniform(0.85, 1.0)
        if loud
        else market_value(ctx, carrier, day, net) * rng.uniform(1.2, 1.8)
    )
    mode = shipping.pick_mode(rng, carrier, net, customer.country, small=False)
    head = ring_header(ctx, ring, day, customer, mode)
    spec_style = head["_broker"].spec_style
    grade = (
        f"{symbol} {content * 100:.0f}%"
        if loud
        else rng.choice(("合金", "alloy", carrier.grades[0]))
    )
    spec = wording.specification(
        rng, carrier, spec_style, grade=grade, use="回收提炼 refining" if loud else None
    )
    found = f"{carrier.zh[0]}, {symbol} {content * 100:.1f}% ({true.en[0].lower()} recoverable)"
    line = fraud_line(
        ctx,
        ring,
        event,
        head,
        true,
        carrier,
        net,
        usd,
        true_usd=true_usd,
        true_kg=net * content,
        spec=spec,
        found=found,
    )
    ctx.leaks.append((ring, true, day, net * content))
    return [L.finish(rng, [line])]
