"""The frauds, one function per scheme, each writing its lines into a block.

Every fraudulent line is its own declaration's line, alone or with one to three honest
cover lines, except ``buried_line`` (written into a forwarder's consolidation by
``bury``). Not every line is detectable from the declarations: a share of them is clean
on paper by design (see each docstring), so recall has a ceiling below one.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from tenthworld import flows
from tenthworld.actors import EPOCHS
from tenthworld.adapt import Playbook
from tenthworld.flows import Block, World

US_BAN = np.datetime64("2024-12-03")
JP_BAN = np.datetime64("2026-01-06")
Licence = dict[str, object]


def licence_no(seq: int, day: np.datetime64) -> str:
    """This world's licence number: ``LX`` + year + six digits + ``Z``."""
    return f"LX{str(day)[2:4]}{seq:06d}Z"


class Ledger:
    """Licences the fraud needs (fronts' own, lapsed, for other parties)."""

    def __init__(self, first_seq: int) -> None:
        self.rows: list[Licence] = []
        self.seq = first_seq

    def add(
        self,
        w: World,
        exp: int,
        item: int,
        consignee: str,
        country: str,
        issued: np.datetime64,
        until: np.datetime64,
        kg: float,
    ) -> str:
        """Record one licence and return its number."""
        self.seq += 1
        no = licence_no(self.seq, issued)
        self.rows.append(
            {
                "license_no": no,
                "issued_at": issued,
                "valid_until": until,
                "exporter_id": w.ex.id[exp],
                "control_id": w.ctrl.item[item],
                "hs_code": w.ctrl.hs[item],
                "quantity_kg": round(float(kg), 1),
                "consignee_name": consignee,
                "consignee_country": country,
            }
        )
        return no

    def cite(
        self,
        w: World,
        b: Block,
        g: np.ndarray,
        issued: np.datetime64,
        until: np.datetime64,
        kg: float,
        **other: object,
    ) -> None:
        """Record a licence for the group ``g`` (its front, item, consignee and country
        unless ``other`` names another ``item``, ``consignee`` or ``country``) and cite
        it on the group's lines."""
        b["license_no"][g] = self.add(
            w,
            b["_exp"][g[0]],
            other.get("item", b["_item"][g[0]]),  # type: ignore[arg-type]
            other.get("consignee", b["consignee_name"][g[0]]),  # type: ignore[arg-type]
            other.get("country", b["consignee_country"][g[0]]),  # type: ignore[arg-type]
            issued,
            until,
            kg,
        )


def groups(b: Block, rows: np.ndarray) -> list[np.ndarray]:
    """Rows of one (network, generation), in date order."""
    key = b["_network"][rows] * EPOCHS + b["_epoch"][rows]
    out = []
    for k in np.unique(key):
        g = rows[key == k]
        out.append(g[np.argsort(b["declared_at"][g], kind="stable")])
    return out


def own_licence(w: World, b: Block, rows: np.ndarray, led: Ledger, share: float = 1.0) -> None:
    """A valid licence for each generation's declared consignee and item (clean paper)."""
    for g in groups(b, rows):
        d0, d1 = b["declared_at"][g].min(), b["declared_at"][g].max()
        issued = d0 - np.timedelta64(int(w.rng.integers(10, 60)), "D")
        until = max(issued + np.timedelta64(365, "D"), d1 + np.timedelta64(5, "D"))
        kg = np.nansum(b["_true_kg"][g]) * w.rng.uniform(1.2, 2.0) / share
        led.cite(w, b, g, issued, until, kg)


def no_permit(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Controlled goods declared as they are, with no licence cited at all."""
    b["license_no"][rows] = None


def phantom_permit(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """A licence number in the right format that was never issued."""
    seq = w.rng.integers(800_000, 999_999, len(rows))
    b["license_no"][rows] = [
        licence_no(int(s), d) for s, d in zip(seq, b["declared_at"][rows], strict=True)
    ]


def lapsed_permit(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """The front's own licence, expired before the shipment (or not yet valid)."""
    for g in groups(b, rows):
        d0, d1 = b["declared_at"][g].min(), b["declared_at"][g].max()
        if w.rng.random() < 0.7:
            until = d0 - np.timedelta64(int(w.rng.integers(5, 200)), "D")
            issued = until - np.timedelta64(365, "D")
        else:
            issued = d1 + np.timedelta64(int(w.rng.integers(5, 60)), "D")
            until = issued + np.timedelta64(365, "D")
        kg = np.nansum(b["_true_kg"][g]) * 1.5
        led.cite(w, b, g, issued, until, kg)


def borrowed_permit(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """A real licence issued for something else: another exporter's, or the front's
    own for another item, consignee or country."""
    honest = [r["license_no"] for r in w_licences(w)]
    for g in groups(b, rows):
        how = w.rng.integers(0, 4)
        if how == 0 and honest:
            b["license_no"][g] = honest[int(w.rng.integers(0, len(honest)))]
            continue
        d0, d1 = b["declared_at"][g].min(), b["declared_at"][g].max()
        issued = d0 - np.timedelta64(20, "D")
        until = max(issued + np.timedelta64(365, "D"), d1)
        item = int(b["_item"][g[0]])
        con, cty = b["consignee_name"][g[0]], b["consignee_country"][g[0]]
        if how == 1:
            item = (item + 17) % len(w.ctrl)
        elif how == 2:
            con = w.con.name[int(w.rng.choice(w.mineral_buyers))]
        else:
            cty = "DE" if cty != "DE" else "KR"
        b["license_no"][g] = led.add(
            w, b["_exp"][g[0]], item, con, cty, issued, until, np.nansum(b["_true_kg"][g]) * 2
        )


def w_licences(w: World) -> list[Licence]:
    """The honest licences (set by ``generate`` before the fraud is written)."""
    return getattr(w, "honest_licences", [])


def overdrawn_permit(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Draws on the front's own valid licence beyond its quantity: the licence covers
    about 60 % of what is shipped; draws after it is used up are the fraud (earlier draws
    are honest and unlabelled)."""
    for g in groups(b, rows):
        kg = b["_true_kg"][g]
        quota = 0.6 * kg.sum()
        before = np.cumsum(kg) - kg
        b["_scheme"][g[before < quota]] = ""
        d0, d1 = b["declared_at"][g].min(), b["declared_at"][g].max()
        issued = d0 - np.timedelta64(15, "D")
        until = max(issued + np.timedelta64(365, "D"), d1 + np.timedelta64(3, "D"))
        led.cite(w, b, g, issued, until, quota)


def barred_end_user(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """A licensed shipment whose declared end user is barred: a watchlisted military
    user in the US (after the US ban) or in Japan (after 2026-01-06), a watchlisted
    consignee, or no end user at all where one is required."""
    own_licence(w, b, rows, led)
    n = len(rows)
    how = w.rng.choice(3, n, p=[0.45, 0.3, 0.25])
    watch = getattr(w, "watch_names", np.array(["Unknown"], dtype=object))
    wc = getattr(w, "watch_countries", np.array(["US"], dtype=object))
    pick = w.rng.integers(0, len(watch), n)
    mil = rows[how == 0]
    b["end_user_name"][mil] = watch[pick[how == 0]]
    b["end_use"][mil] = w.rng.choice(
        np.array(["military_use", "defence systems", "军工"], dtype=object), len(mil)
    )
    late = b["declared_at"][mil] < US_BAN
    b["declared_at"][mil[late]] = US_BAN + w.rng.integers(0, 600, late.sum())
    jp = w.rng.random(len(mil)) < 0.25
    b["destination_country"][mil] = np.where(jp, "JP", "US")
    b["declared_at"][mil[jp]] = np.maximum(b["declared_at"][mil[jp]], JP_BAN)
    con = rows[how == 1]
    b["consignee_name"][con] = watch[pick[how == 1]]
    b["consignee_country"][con] = wc[pick[how == 1]]
    b["destination_country"][con] = wc[pick[how == 1]]
    gone = rows[how == 2]
    b["end_user_name"][gone] = None
    b["end_use"][gone] = None


def code_swap(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Controlled material under an uncontrolled decoy code; the description leaks it
    (Chinese or English) on about a third; half are valued as the decoy goods would be."""
    n = len(rows)
    decoy = b["_decoy"][rows]
    og = w.ordinary
    where = {h: i for i, h in enumerate(og["hs"])}
    gi = np.array([where.get(h, -1) for h in decoy])
    b["hs_code"][rows] = decoy
    known = gi >= 0
    desc = np.where(known, og["zh"][np.maximum(gi, 0)], "金属制品")
    leak = w.rng.random(n) < 0.33
    item = b["_item"][rows]
    desc = np.where(leak, np.where(w.rng.random(n) < 0.5, w.ctrl.zh[item], w.ctrl.en[item]), desc)
    b["description"][rows] = desc
    b["specification"][rows] = np.where(leak, b["specification"][rows], "普通工业用|无品牌")
    cheap = w.rng.random(n) < 0.5
    usd_kg = np.where(known, og["usd_per_kg"][np.maximum(gi, 0)], 3.0)
    fx = np.array([flows.FX[c] for c in b["currency"][rows]])
    b["value"][rows] = np.where(
        cheap, np.round(b["_true_kg"][rows] * usd_kg * fx, 2), b["value"][rows]
    )
    b["license_no"][rows] = None


def cheap_invoice(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Licensed controlled goods invoiced at 20-50 % of their worth."""
    own_licence(w, b, rows, led)
    b["value"][rows] = np.round(b["value"][rows] * w.rng.uniform(0.2, 0.5, len(rows)), 2)


def light_weight(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Licensed goods declared at 40-70 % of their quantity (value scaled alike on most);
    the scale's gross weight still tells on 60 %."""
    own_licence(w, b, rows, led, share=0.55)
    k = w.rng.uniform(0.4, 0.7, len(rows))
    b["quantity"][rows] = np.round(b["quantity"][rows] * k, 3)
    b["net_weight_kg"][rows] = np.round(b["net_weight_kg"][rows] * k, 3)
    scaled = w.rng.random(len(rows)) < 0.7
    b["value"][rows] = np.where(scaled, np.round(b["value"][rows] * k, 2), b["value"][rows])
    hide = w.rng.random(len(rows)) >= 0.6
    b["gross_weight_kg"][rows] = np.where(
        hide, np.round(b["gross_weight_kg"][rows] * k, 2), b["gross_weight_kg"][rows]
    )


def sample_drip(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Many parcels of 0.1-3 kg to one consignee, sent by a ring of individuals sharing
    phones and addresses, as low-valued "samples" (controlled code or a decoy)."""
    ring = getattr(w, "rings", {})
    n = len(rows)
    for net in np.unique(b["_network"][rows]):
        r = rows[b["_network"][rows] == net]
        senders = ring.get(int(net))
        if senders is not None:
            b["_exp"][r] = w.rng.choice(senders, len(r))
    kg = w.rng.uniform(0.1, 3.0, n)
    b["_true_kg"][rows] = kg
    b["net_weight_kg"][rows] = np.round(kg, 3)
    b["gross_weight_kg"][rows] = np.round(kg + w.rng.uniform(0.1, 0.6, n), 3)
    b["quantity"][rows] = np.round(kg * 1000, 1)
    b["unit"][rows] = "g"
    usd = w.rng.uniform(15, 150, n)
    fx = np.array([flows.FX[c] for c in b["currency"][rows]])
    b["value"][rows] = np.round(usd * fx, 2)
    decoy = w.rng.random(n) < 0.6
    b["hs_code"][rows] = np.where(decoy, b["_decoy"][rows], b["hs_code"][rows])
    b["description"][rows] = np.where(w.rng.random(n) < 0.5, "样品", "sample, no commercial value")
    b["packages"][rows] = "1 PKG"
    b["license_no"][rows] = None
    b["container_ids"][rows] = None


def detour_route(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """Licensed goods to a newly incorporated consignee in a transit country linked to a
    watchlisted party, receiving controlled items of unrelated kinds (clean on paper)."""
    n = len(rows)
    b["destination_country"][rows] = b["_transit"][rows]
    b["consignee_country"][rows] = b["_transit"][rows]
    item = w.rng.integers(0, len(w.ctrl), n)
    b["_item"][rows] = item
    flows.controlled_goods(w, b, rows, item)
    final = w.rng.random(n) < 0.15
    b["trade_country"][rows[final]] = w.rng.choice(
        np.array(["US", "JP", "TW"], dtype=object), final.sum()
    )
    own_licence(w, b, rows, led)


def sliced_lot(w: World, b: Block, rows: np.ndarray, led: Ledger) -> None:
    """One consignment cut into parcels valued just under CNY 5,000 (the simplified
    express threshold), lodged on consecutive days to the same consignee, unlicensed."""
    n = len(rows)
    cny = w.rng.uniform(4200, 4990, n)
    fx = np.array([flows.FX[c] for c in b["currency"][rows]])
    b["value"][rows] = np.round(cny / flows.FX["CNY"] * fx, 2)
    item = b["_item"][rows]
    kg = cny / flows.FX["CNY"] / w.ctrl.price(item, b["declared_at"][rows])
    b["_true_kg"][rows] = kg
    b["net_weight_kg"][rows] = np.round(kg, 3)
    b["gross_weight_kg"][rows] = np.round(kg + 0.3, 3)
    grams = kg < 5
    b["unit"][rows] = np.where(grams, "g", "kg")
    b["quantity"][rows] = np.round(np.where(grams, kg * 1000, kg), 3)
    b["license_no"][rows] = None
    b["container_ids"][rows] = None
    b["packages"][rows] = "1 PKG"


SCHEME_FUNCS: dict[str, Callable[[World, Block, np.ndarray, Ledger], None]] = {
    "no_permit": no_permit,
    "phantom_permit": phantom_permit,
    "lapsed_permit": lapsed_permit,
    "borrowed_permit": borrowed_permit,
    "overdrawn_permit": overdrawn_permit,
    "barred_end_user": barred_end_user,
    "code_swap": code_swap,
    "cheap_invoice": cheap_invoice,
    "light_weight": light_weight,
    "sample_drip": sample_drip,
    "detour_route": detour_route,
    "sliced_lot": sliced_lot,
}


def fraud_block(
    w: World,
    pb: Playbook,
    network: np.ndarray,
    epoch: np.ndarray,
    day: np.ndarray,
    first_key: int,
    led: Ledger,
) -> Block:
    """Every standalone fraudulent line (with cover lines) for the given networks,
    generations and dates; the network's playbook for the generation fills the rest."""
    rng = w.rng
    n = len(network)
    scheme = pb.scheme[network]
    alone = np.isin(scheme, ["sample_drip", "sliced_lot"])
    cover = np.where(alone, 0, rng.choice(4, n, p=[0.45, 0.3, 0.15, 0.1]))
    size = cover + 1
    lines = np.repeat(np.arange(n), size)
    first = np.r_[0, np.cumsum(size)[:-1]]
    pos = first + rng.integers(0, size)  # where the fraud line sits
    b = flows.empty(len(lines))
    b["_decl"] = first_key + lines
    flows.draw_uniforms(rng, b)
    b["_plan"][pos] = np.arange(n)
    b["declared_at"] = day[lines]
    ne, ep = network[lines], epoch[lines]
    b["mode"] = pb.mode[ne, ep]
    b["port"] = pb.port[ne, ep]
    b["_exp"] = pb.front[ne, ep]
    ci = pb.consignee[ne, ep]
    b["consignee_name"] = w.con.name[ci]
    b["consignee_address"] = w.con.address[ci]
    b["consignee_country"] = w.con.country[ci]
    b["destination_country"] = w.con.country[ci]
    b["currency"] = rng.choice(
        np.array(flows.CURRENCIES, dtype=object), n, p=[0.7, 0.12, 0.08, 0.05, 0.05]
    )[lines]
    b["declarant_id"] = w.ex.id[rng.choice(w.forwarders, n)][lines]
    b["transport_doc"] = np.array(
        [f"SF{x:012d}" for x in rng.integers(0, 10**12, n)], dtype=object
    )[lines]
    b["_decoy"] = pb.decoy[ne, ep]
    b["_transit"] = pb.transit[ne, ep]
    b["_network"][pos] = network
    b["_epoch"][pos] = epoch
    b["_scheme"][pos] = scheme
    cover_rows = np.setdiff1d(np.arange(len(lines)), pos)
    flows.ordinary_goods(w, b, cover_rows)
    item = pb.item[network, epoch]
    b["_item"][pos] = item
    flows.controlled_goods(w, b, pos, item)
    b["end_user_name"][pos] = b["consignee_name"][pos]
    b["end_use"][pos] = rng.choice(np.array(flows.END_USES, dtype=object), n)
    for name, func in SCHEME_FUNCS.items():
        rows = pos[scheme == name]
        if len(rows):
            func(w, b, rows, led)
    del b["_decoy"], b["_transit"]
    owner = pos[lines]  # a declaration's header follows its fraudulent line
    for col in (
        "declared_at",
        "consignee_name",
        "consignee_address",
        "consignee_country",
        "destination_country",
        "trade_country",
    ):
        b[col] = b[col][owner]
    return b


def bury(w: World, b: Block, rows: np.ndarray, fronts: np.ndarray, item: np.ndarray) -> None:
    """``buried_line``: controlled metal packed under an ordinary line of a
    consolidation. The declared goods, quantity and value stay; the container's gross
    weight for the line carries the hidden 200-3,000 kg (a hint in the declared
    elements on a fifth)."""
    n = len(rows)
    hidden = w.rng.uniform(200, 3000, n)
    b["gross_weight_kg"][rows] = np.round(b["gross_weight_kg"][rows] + hidden, 2)
    b["_exp"][rows] = fronts
    b["_scheme"][rows] = "buried_line"
    b["_true_hs"][rows] = w.ctrl.hs[item]
    b["_true_kg"][rows] = hidden
    b["_item"][rows] = item
    hint = w.rng.random(n) < 0.2
    b["specification"][rows[hint]] = "内含金属配件样品"
