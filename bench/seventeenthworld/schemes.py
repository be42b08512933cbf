"""Fourteen smuggling schemes, each run loud (careless) or faint (careful).

Families and schemes (``SCHEMES`` order):

misdeclaration
  ``code_cloak``   controlled metal or compound under a neighbouring uncontrolled code
                   (gallium as tin, germanium as silicon, antimony as antimonial lead, APT
                   as sodium tungstate). Loud: priced like the real goods, far above the
                   code's norm; the importing country's statistics record the true code;
                   the refinery's books lose the metal. Faint: priced two or three times the
                   cover's norm; the metal shows as a booked transfer to a company with no
                   plant.
  ``grade_shave``  purity or form shaved under the control threshold (99.99 % antimony
                   trioxide as 99.8 %, 97 % tungsten bar as heavy alloy, germanium ingot as
                   germanium-bearing residue). Loud: just under the threshold and priced as
                   the high grade. Faint: a low grade and a low price, but a semiconductor or
                   aerospace end use and buyer, and a booked receipt of the high grade.
concealment
  ``cover_cargo``  ingots or powder inside containers of tiles, castings, quartz flour.
                   Loud: the line's gross weight carries the hidden metal; a new front; a port
                   far from home. Faint: weights that add up; a nominee front sharing the
                   organiser's phone or office, and a booked metal transfer to it.
  ``ant_parcels``  "ant moving": grams to kilos by express and post as samples and parts.
                   Loud: two or three senders, nominal values for kilos. Faint: a growing
                   crowd of senders registered with one phone number, employees of one shop,
                   buyers with different names at one address abroad.
  ``mule_carry``   passengers over land borders (Dongxing, Ruili, Khorgos, Shenzhen, Zhuhai)
                   with metal declared as tea or handicrafts. Loud: 15-40 kg a crossing at
                   souvenir values. Faint: 3-8 kg at plausible values by a rota of couriers
                   linked to one shop.
licence fraud
  ``ghost_licence``    no licence (loud) or a forged number one or two digits off a real one
                       (faint).
  ``borrowed_licence`` another exporter's valid licence: an unrelated company and another
                       buyer (loud), or a sister company shipping to the licence's own
                       consignee (faint).
  ``stale_licence``    a licence long expired or long revoked (loud), or days past its end or
                       its revocation (faint), after honest draws on it.
  ``overdraw``         one big draw past the licence quantity (loud), or small draws at
                       several ports creeping 8-25 % past it (faint).
  ``end_user_swap``    a valid licence for one consignee; goods to a buyer in another
                       country (loud) or to a look-alike firm in the same country with another
                       end user (faint).
transshipment
  ``hub_relay``    licensed goods to a relay buyer in a hub (Vietnam, Malaysia, Thailand, UAE,
                   Kazakhstan, Kyrgyzstan, Turkey, Mexico, Serbia) for US or Japanese end
                   users. Loud: a buyer incorporated weeks before, owned by a listed party at
                   its address, US as trade country, a re-export surge in the hub's
                   statistics. Faint: an old trading house paid for by a company that a listed
                   party holds shares in; a modest re-export rise.
undervaluation
  ``price_shave``  licensed goods declared below value, the rest paid offshore. Loud: under
                   half the domestic price. Faint: the domestic price long after old contracts
                   ended, a third party abroad paying for the buyer, and partner import
                   statistics valuing the goods higher.
invented here
  ``bought_header`` (identity) a ring buys the export title of a company that stopped
                   exporting (买单出口): it revives with a new broker, a new port and new
                   buyers. Loud: a furniture or tile maker suddenly ships a metal look-alike at
                   metal prices, with a new legal representative. Faint: its usual goods with
                   metal hidden inside; only the history break and an agency link show.
  ``crude_article`` (misdeclaration) metal cast into a crude "finished article" of an
                   uncontrolled heading: germanium ingots as germanium lens blanks, terbium as
                   magnets, tungsten as fishing sinkers, antimony and bismuth as ornaments.
                   Loud: kilos per "lens", metal prices for "ornaments". Faint: believable
                   pieces at 1.5-2x the article's price, made in a registered workshop whose
                   books show metal in and metal out and nothing made.
"""

from __future__ import annotations

from collections.abc import Callable

from . import goods
from .concealment import (
    HIDDEN,
    MULE_TRUE,
    PARCEL_TRUE,
    setup_ant_parcels,
    setup_cover_cargo,
    setup_mule_carry,
    ship_ant_parcels,
    ship_cover_cargo,
    ship_mule_carry,
)
from .diversion import setup_hub_relay, setup_price_shave, ship_hub_relay, ship_price_shave
from .goods import INDEX
from .licence_fraud import (
    LICENCE_GOODS,
    setup_borrowed_licence,
    setup_end_user_swap,
    setup_licence_common,
    ship_borrowed_licence,
    ship_end_user_swap,
    ship_ghost_licence,
    ship_overdraw,
    ship_stale_licence,
)
from .misdeclaration import (
    ARTICLE,
    CLOAK,
    GRADE,
    setup_code_cloak,
    setup_crude_article,
    setup_grade_shave,
    ship_code_cloak,
    ship_crude_article,
    ship_grade_shave,
)
from .rings import Context, Ring, Row, adapt
from .shipping import home_region
from .timeline import END_DAY
from .title import setup_bought_header, ship_bought_header, take_header

SCHEMES: tuple[str, ...] = (
    "code_cloak",
    "grade_shave",
    "cover_cargo",
    "ant_parcels",
    "mule_carry",
    "ghost_licence",
    "borrowed_licence",
    "stale_licence",
    "overdraw",
    "end_user_swap",
    "hub_relay",
    "price_shave",
    "bought_header",
    "crude_article",
)
FAMILY: dict[str, str] = {
    "code_cloak": "misdeclaration",
    "grade_shave": "misdeclaration",
    "cover_cargo": "concealment",
    "ant_parcels": "concealment",
    "mule_carry": "concealment",
    "ghost_licence": "licence",
    "borrowed_licence": "licence",
    "stale_licence": "licence",
    "overdraw": "licence",
    "end_user_swap": "licence",
    "hub_relay": "transshipment",
    "price_shave": "undervaluation",
    "bought_header": "identity",
    "crude_article": "misdeclaration",
}


# --- running them ---------------------------------------------------------------------------------

Setup = Callable[[Context, Ring], None]
Ship = Callable[[Context, Ring, int], list[Row]]
PLAYBOOK: dict[str, tuple[tuple[str, ...], Setup, Ship, float]] = {
    # scheme: (true goods, setup, one shipment, smuggled lines per shipment)
    "code_cloak": (tuple(CLOAK), setup_code_cloak, ship_code_cloak, 1.0),
    "grade_shave": (tuple(GRADE), setup_grade_shave, ship_grade_shave, 1.0),
    "cover_cargo": (HIDDEN, setup_cover_cargo, ship_cover_cargo, 1.0),
    "ant_parcels": (PARCEL_TRUE, setup_ant_parcels, ship_ant_parcels, 2.0),
    "mule_carry": (MULE_TRUE, setup_mule_carry, ship_mule_carry, 1.5),
    "ghost_licence": (LICENCE_GOODS, setup_licence_common, ship_ghost_licence, 1.0),
    "borrowed_licence": (LICENCE_GOODS, setup_borrowed_licence, ship_borrowed_licence, 1.0),
    "stale_licence": (LICENCE_GOODS, setup_licence_common, ship_stale_licence, 1.0),
    "overdraw": (LICENCE_GOODS, setup_licence_common, ship_overdraw, 1.6),
    "end_user_swap": (LICENCE_GOODS, setup_end_user_swap, ship_end_user_swap, 1.0),
    "hub_relay": (LICENCE_GOODS, setup_hub_relay, ship_hub_relay, 1.0),
    "price_shave": (LICENCE_GOODS, setup_price_shave, ship_price_shave, 1.0),
    "bought_header": (HIDDEN, setup_bought_header, ship_bought_header, 1.0),
    "crude_article": (tuple(ARTICLE), setup_crude_article, ship_crude_article, 1.0),
}


#: Days a scheme needs its goods to have been controlled before a ring starts: a licence
#: must have lived and died before it can be outstayed, and a careful undervaluer waits
#: until honest pre-control contracts have run out.
LEAD = {"stale_licence": 250, "price_shave/faint": 150}


def plan_rings(ctx: Context, fraud_lines: int, faint_share: float) -> list[Ring]:
    """Rings per scheme and variant, with quotas that add up to ``fraud_lines``."""
    rng, books = ctx.rng, ctx.books
    rings: list[Ring] = []
    if fraud_lines <= 0:
        return rings
    per_scheme = fraud_lines / len(SCHEMES)
    for scheme in SCHEMES:
        goods_keys, _, _, _ = PLAYBOOK[scheme]
        for variant, share in (("loud", 1.0 - faint_share), ("faint", faint_share)):
            if share <= 0:
                continue
            total = max(2, round(per_scheme * share))
            n_rings = max(1, round(total / 45))
            for k in range(n_rings):
                quota = total // n_rings + (1 if k < total % n_rings else 0)
                candidates = [INDEX[g] for g in goods_keys]
                earliest = min(max(int(goods.EFFECTIVE[c]), 0) for c in candidates)
                lo = earliest + 20
                start = int(rng.integers(lo, max(lo + 1, END_DAY - 200)))
                lead = LEAD.get(f"{scheme}/{variant}", LEAD.get(scheme, 10))
                in_force = [c for c in candidates if goods.EFFECTIVE[c] <= start - lead] or [
                    c for c in candidates if goods.EFFECTIVE[c] <= start - 10
                ]
                product = (
                    in_force[int(rng.integers(0, len(in_force)))] if in_force else candidates[0]
                )
                region = home_region(rng, product)
                organiser, company = ctx.organiser(region)
                ring = Ring(
                    id=len(rings),
                    scheme=scheme,
                    variant=variant,
                    quota=quota,
                    start=start,
                    product=product,
                    cover=product,
                    region=region,
                    organiser=organiser,
                    company=company,
                    broker=int(rng.integers(0, len(books.brokers))),
                    word=int(rng.integers(0, 3)),
                )
                rings.append(ring)
    return rings


def run_rings(ctx: Context, rings: list[Ring], first_seen: dict[int, int]) -> None:
    """Let every ring ship until its quota is met or the window ends."""
    rng, books = ctx.rng, ctx.books
    for ring in rings:
        _, setup, ship, per = PLAYBOOK[ring.scheme]
        setup(ctx, ring)
        span = END_DAY - ring.start - 5
        shipments = max(1.0, ring.quota / per)
        ring.cadence = max(1.0, span / (shipments + 1) * 0.6)
        t = ring.start
        while ring.done < ring.quota and t <= END_DAY:
            rows = sorted(ship(ctx, ring, t), key=lambda r: int(r["day"]))
            seized_at, caught = None, -1
            kept: list[Row] = []
            for row in rows:
                day = int(row["day"])
                if seized_at is not None and day > seized_at:
                    break
                if row["scheme"] and ring.done >= ring.quota:
                    continue
                e = int(row["exporter"])
                first = first_seen.setdefault(e, day)
                kept.append(row)
                if not row["scheme"]:
                    continue
                ring.done += 1
                new = (day - first) < 120 or (day - books.exporters[e].incorporated) < 180
                if ctx.inspector.smuggled(row, new):
                    seized_at, caught = day, e
                    ctx.seized(ring, e, day, ctx.inspector.records[-1]["result"])
            ctx.lines.extend(kept)
            t = int(t + ring.cadence * float(rng.uniform(0.6, 1.4)))
            if seized_at is not None:
                t = max(t, seized_at + int(rng.integers(20, 60)))
                if ring.scheme == "bought_header" and caught == ring.front:
                    take_header(ctx, ring, t)
                else:
                    adapt(ctx, ring, t, caught)
