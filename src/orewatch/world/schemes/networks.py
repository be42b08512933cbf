"""Schemes run by networks of parties: small parcels, third-country transshipment
(第三国转口) and broker networks of shell exporters.

They create the parties involved (senders, fronts, end users, shells, controllers)
with the links that betray them (shared phones, addresses, directors, declarant) and
rewrite declarations to carry their shipments.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from orewatch.world import names
from orewatch.world.calendar import day_number
from orewatch.world.declarations import (
    G_AIR_OK,
    G_CONTROLLED,
    G_ELEMENT_CTRL_DAY,
    G_PACK,
    M_AIR,
    M_EXPRESS,
    M_PASSENGER,
    M_POST,
    M_SEA,
    PORT_INDEX,
    round_lot,
)
from orewatch.world.geo import CITY_BY_EN, COUNTRY_BY_CODE, TRANSIT_COUNTRIES
from orewatch.world.goods import (
    CONTROL_DATES,
    GOOD_INDEX,
    GOODS,
    US_BAN_ELEMENTS,
    US_BAN_FROM,
    US_BAN_SUSPENDED_FROM,
)
from orewatch.world.parties import COUNTRY_INDEX, Consignee, Exporter
from orewatch.world.schemes.base import LIC_CUSTOM, LIC_NONE, Ctx, Reexport, hs6
from orewatch.world.schemes.misdeclaration import disguise

_PARCEL_GOODS = tuple(
    GOOD_INDEX[k]
    for k in (
        "ga_metal",
        "ge_metal",
        "geo2",
        "inp",
        "gaas_wafer",
        "tb_oxide",
        "dy_oxide",
        "sc_oxide",
        "lu_oxide",
        "tb_metal",
        "te_metal",
    )
)
_FIRST_CONTROL = min(CONTROL_DATES.values())


def _weighted_choice(rng: np.random.Generator, options: dict[str, float]) -> str:
    keys = list(options)
    p = np.array([options[k] for k in keys])
    return keys[int(rng.choice(len(keys), p=p / p.sum()))]


def _extend_rogue(ctx: Ctx) -> None:
    n = len(ctx.book.exporters)
    if len(ctx.rogue) < n:
        ctx.rogue = np.concatenate([ctx.rogue, np.ones(n - len(ctx.rogue), dtype=bool)])


def _controlled_choice(ctx: Ctx, day: int, prefer: tuple[int, ...]) -> int:
    ok = [g for g in prefer if day >= G_ELEMENT_CTRL_DAY[g]]
    if not ok:
        ok = [int(g) for g in ctx.controlled_at(day)]
    return int(ok[int(ctx.rng.integers(len(ok)))])


def _overwrite(
    ctx: Ctx,
    dec: int,
    exporter: Exporter,
    consignee: Consignee,
    mode: int,
    port: str,
    good: int,
    kg: float,
) -> int:
    """Make one-line declaration ``dec`` a shipment of ``kg`` of ``good`` (declared truly)."""
    d, ln = ctx.decls, ctx.lines
    i = int(d.first[dec])
    d.exporter[dec] = exporter.idx
    d.consignee[dec] = consignee.idx
    d.mode[dec] = mode
    d.port[dec] = PORT_INDEX[port]
    d.dest[dec] = COUNTRY_INDEX[consignee.country]
    d.currency[dec] = 0
    day = np.array([d.day[dec]])
    ln.good_true[i] = ln.good_decl[i] = good
    ln.kg_true[i] = ln.kg_decl[i] = kg
    pack = G_PACK[good] * (
        ctx.rng.uniform(1.15, 1.6) if mode >= M_POST else ctx.rng.uniform(1.0, 1.05)
    )
    ln.gross[i] = round(kg * pack, 2)
    usd = float(kg * ctx.price_usd(np.array([good]), day)[0] * ctx.rng.lognormal(0, 0.1))
    ln.usd_true[i] = ln.usd_decl[i] = round(usd, 2)
    ln.spec[i] = int(ctx.specs.offset[good] + ctx.rng.integers(len(GOODS[good].specs)))
    ln.end_user[i] = -1 if G_CONTROLLED[good] else -2
    ln.end_use[i] = 0
    ln.licence[i] = None
    ln.needs_licence[i] = bool(G_CONTROLLED[good] and d.day[dec] >= G_ELEMENT_CTRL_DAY[good])
    ln.hidden_good[i] = -1
    ln.hidden_kg[i] = 0.0
    return i


# --- small parcels ---------------------------------------------------------------------


def inject_small_parcels(ctx: Ctx) -> None:
    rng, book = ctx.rng, ctx.book
    n = ctx.remaining("small_parcels")
    if n <= 0:
        return
    decs = ctx.free_single_decls(_FIRST_CONTROL + timedelta(days=45), n)
    decs = decs[np.argsort(ctx.decls.day[decs], kind="stable")]
    n_rings = max(1, int(np.ceil(len(decs) / 35)))
    labelled: list[int] = []
    for chunk in np.array_split(decs, n_rings):
        if not len(chunk):
            continue
        first_day = date(1970, 1, 1) + timedelta(days=int(ctx.decls.day[chunk[0]]))
        city = CITY_BY_EN[
            str(rng.choice(["Shenzhen", "Guangzhou", "Shanghai", "Xiamen", "Kunming"]))
        ]
        phones = [names.cn_phone(rng, city, mobile=True) for _ in range(int(rng.integers(1, 3)))]
        addresses = [names.cn_address(rng, city) for _ in range(int(rng.integers(1, 3)))]
        country = _weighted_choice(
            rng,
            {"HK": 3, "KR": 1.5, "JP": 1.5, "US": 1.5, "VN": 1, "MY": 0.5, "DE": 0.5, "TH": 0.5},
        )
        cons = book.add_consignee(
            country, incorporated=first_day - timedelta(days=int(rng.integers(60, 900)))
        )
        ctx.truth_parties.append((cons.party_id, "small_parcels", "consignee"))
        senders: list[Exporter] = []
        for _ in range(int(rng.integers(4, 13))):
            inc = first_day - timedelta(days=int(rng.integers(40, 400)))
            s = book.add_exporter(
                "trade",
                "sender",
                city,
                inc,
                0.0,
                int(rng.integers(len(book.brokers))),
                address=addresses[int(rng.integers(len(addresses)))],
                phone=phones[int(rng.integers(len(phones)))],
                uscc_kind=str(rng.choice(["91", "92"])),
            )
            s.active_from = inc
            senders.append(s)
            ctx.truth_parties.append((s.party_id, "small_parcels", "sender"))
        _extend_rogue(ctx)
        prefer = tuple(int(x) for x in rng.choice(_PARCEL_GOODS, 3, replace=False))
        for dec in chunk:
            day = int(ctx.decls.day[dec])
            good = _controlled_choice(ctx, day, prefer)
            u = rng.random()
            mode = M_POST if u < 0.45 else (M_EXPRESS if u < 0.9 else M_PASSENGER)
            port = (
                str(rng.choice(["CNSZX", "CNCAN", "CNSHA", "CNPEK"]))
                if mode == M_POST
                else str(rng.choice(["CNSZX", "CNCAN", "CNPVG"]))
            )
            kg = float(np.round(rng.uniform(0.3, 4.5), 2))
            sender = senders[int(rng.integers(len(senders)))]
            i = _overwrite(ctx, int(dec), sender, cons, mode, port, good, kg)
            ln = ctx.lines
            if rng.random() < 0.65:
                disguise(ctx, np.array([i]), leak_share=0.15)
            else:
                ln.spec[i] = ctx.spec_id(f"0|0|{GOODS[good].desc_zh}样品|无商业价值|sample")
                ctx.lic_mode[i] = LIC_NONE
            if rng.random() < 0.3:
                ln.kg_decl[i] = round(kg * rng.uniform(0.3, 0.7), 2)
            ln.usd_decl[i] = round(float(rng.uniform(8, 120)), 2)
            ln.offbook[i] = True
            labelled.append(i)
    ctx.lines.label(np.array(labelled, dtype=np.int64), "small_parcels")


# --- transshipment ---------------------------------------------------------------------


def inject_transshipment(ctx: Ctx) -> None:
    rng, book, d, ln = ctx.rng, ctx.book, ctx.decls, ctx.lines
    n = ctx.remaining("transshipment")
    if n <= 0:
        return
    n_rings = max(1, int(np.ceil(n / 45)))
    ban0, ban1 = day_number(US_BAN_FROM), day_number(US_BAN_SUSPENDED_FROM)
    ban_goods = np.array([g.element in US_BAN_ELEMENTS for g in GOODS])
    line_day = ctx.line_day()
    cand_line = ln.needs_licence & ~ctx.taken
    per_ring = int(np.ceil(n / n_rings))
    labelled: list[int] = []
    for _ in range(n_rings):
        eu_country = _weighted_choice(rng, {"US": 0.7, "JP": 0.2, "KR": 0.1})
        military = rng.random() < 0.8
        eu = book.add_end_user(
            eu_country, "defence electronics" if military else "dual-use", military
        )
        ctx.watch_end_users.append((eu.idx, military))
        ctx.truth_parties.append((eu.party_id, "transshipment", "end_user"))
        eu_person = book.foreign_person(eu_country)
        book.relate(eu_person, eu.party_id, "director", since=book.random_past(2, 12))
        ctx.truth_parties.append((eu_person, "transshipment", "associate"))
        fronts: list[Consignee] = []
        shared_phone = names.foreign_phone(rng, COUNTRY_BY_CODE["SG"])
        for k in range(int(rng.integers(1, 4))):
            fc = str(rng.choice(TRANSIT_COUNTRIES))
            inc = book.start + timedelta(days=int(rng.integers(-700, 400)))
            phone = shared_phone if rng.random() < 0.4 else None
            if phone is not None:
                phone = COUNTRY_BY_CODE[fc].phone + phone.split(" ", 1)[1]
            front = book.add_consignee(fc, incorporated=inc, phone=phone, role="front")
            fronts.append(front)
            ctx.truth_parties.append((front.party_id, "transshipment", "front_consignee"))
            link = rng.random()
            if link < 0.45:
                book.relate(eu_person, front.party_id, "director", since=inc)
            elif link < 0.75:
                book.relate(
                    eu.party_id,
                    front.party_id,
                    "owner",
                    share=round(float(rng.uniform(0.3, 1.0)), 2),
                    since=inc,
                )
            else:
                other = book.foreign_person(fc)
                book.relate(other, front.party_id, "director", since=inc)
                book.relate(other, eu.party_id, "agent", since=inc)
                ctx.truth_parties.append((other, "transshipment", "associate"))
            if k and rng.random() < 0.5:
                front.address = fronts[0].address
            local_eu = book.add_end_user(fc, "civil manufacturing", False)
            front.end_user = local_eu.idx
        # which declarations: controlled lines, preferring the US-ban window for Ga/Ge/Sb
        w = (
            np.where(
                ban_goods[ln.good_true]
                & (line_day >= ban0)
                & (line_day < ban1)
                & (eu_country == "US"),
                6.0,
                1.0,
            )
            * cand_line
            * ~ctx.taken
        )
        if w.sum() <= 0:
            break
        picked_lines = rng.choice(
            len(w), min(per_ring, int((w > 0).sum())), replace=False, p=w / w.sum()
        )
        decs = np.unique(ln.decl[picked_lines])
        for dec in decs:
            if len(labelled) >= n:
                break
            front = fronts[int(rng.integers(len(fronts)))]
            d.consignee[dec] = front.idx
            d.dest[dec] = COUNTRY_INDEX[front.country]
            span = np.arange(d.first[dec], d.first[dec] + d.n[dec])
            ctrl = span[ln.needs_licence[span]]
            ln.end_user[ctrl] = front.end_user
            ctx.taken[span] = True
            ctx.decl_taken[dec] = True
            for i in ctrl:
                labelled.append(int(i))
                g = int(ln.good_true[i])
                ctx.truth_routes.append((front.country, hs6(g), "transshipment"))
                ctx.reexports.append(
                    Reexport(
                        front.country,
                        eu_country,
                        hs6(g),
                        int(line_day[i]) + int(rng.integers(20, 90)),
                        float(ln.kg_true[i]),
                        float(ln.usd_true[i] * rng.uniform(1.2, 1.8)),
                    )
                )
    ln.label(np.array(sorted(labelled), dtype=np.int64), "transshipment")


# --- broker networks -------------------------------------------------------------------


def inject_broker_network(ctx: Ctx) -> None:
    rng, book, d, ln = ctx.rng, ctx.book, ctx.decls, ctx.lines
    n = ctx.remaining("broker_network")
    if n <= 0:
        return
    decs = ctx.free_single_decls(_FIRST_CONTROL + timedelta(days=90), n)
    decs = decs[np.argsort(d.day[decs], kind="stable")]
    n_nets = max(1, int(np.ceil(len(decs) / 60)))
    labels: dict[str, list[int]] = {
        "broker_network": [],
        "disguised": [],
        "licence_missing": [],
        "licence_forged": [],
    }
    for chunk in np.array_split(decs, n_nets):
        if not len(chunk):
            continue
        first_day = date(1970, 1, 1) + timedelta(days=int(d.day[chunk[0]]))
        city = CITY_BY_EN[
            str(
                rng.choice(
                    ["Shenzhen", "Shanghai", "Ningbo", "Guangzhou", "Xiamen", "Changsha", "Kunming"]
                )
            )
        ]
        controller = book.cn_person(city)
        ctx.truth_parties.append((controller, "broker_network", "broker"))
        declarant = book.add_broker(city)
        phones = [names.cn_phone(rng, city) for _ in range(int(rng.integers(1, 3)))]
        addresses = [names.cn_address(rng, city) for _ in range(int(rng.integers(1, 3)))]
        shells: list[Exporter] = []
        for _ in range(int(rng.integers(3, 9))):
            inc = first_day - timedelta(days=int(rng.integers(60, 540)))
            s = book.add_exporter(
                "trade",
                "shell",
                city,
                inc,
                0.0,
                declarant.idx,
                address=addresses[int(rng.integers(len(addresses)))],
                phone=phones[int(rng.integers(len(phones)))],
            )
            s.active_from = inc
            shells.append(s)
            ctx.truth_parties.append((s.party_id, "broker_network", "shell"))
            u = rng.random()
            if u < 0.35:
                book.relate(
                    controller,
                    s.party_id,
                    "owner",
                    share=round(float(rng.uniform(0.5, 1)), 2),
                    since=inc,
                )
            else:
                nominee = book.cn_person(city)
                book.relate(nominee, s.party_id, "director", since=inc)
                book.relate(nominee, s.party_id, "owner", share=1.0, since=inc)
                book.relate(controller, s.party_id, "payer" if u < 0.7 else "agent", since=inc)
                ctx.truth_parties.append((nominee, "broker_network", "associate"))
        _extend_rogue(ctx)
        cons = [
            book.add_consignee(
                str(rng.choice(("HK", "VN", "MY", "TH", "AE", "KR", "IN"))),
                incorporated=first_day - timedelta(days=int(rng.integers(30, 1500))),
            )
            for _ in range(int(rng.integers(2, 4)))
        ]
        for c in cons:
            ctx.truth_parties.append((c.party_id, "broker_network", "consignee"))
        focus = tuple(int(x) for x in rng.choice(np.flatnonzero(G_CONTROLLED), 3, replace=False))
        for dec in chunk:
            day = int(d.day[dec])
            good = _controlled_choice(ctx, day, focus)
            air = bool(G_AIR_OK[good]) and rng.random() < 0.5
            kg = float(
                round_lot(
                    np.array([GOODS[good].lot_kg * rng.lognormal(-0.4, 0.6)]),
                    np.zeros(1, dtype=bool),
                )[0]
            )
            if air:
                kg = min(kg, 1500.0)
            shell = shells[int(rng.integers(len(shells)))]
            port = shell.city.air_port if air else shell.city.sea_ports[0]
            if port not in PORT_INDEX or (air and port in ("CNKMG", "CNURC")):
                port = "CNPVG" if air else "CNSHA"
            i = _overwrite(
                ctx,
                int(dec),
                shell,
                cons[int(rng.integers(len(cons)))],
                M_AIR if air else M_SEA,
                port,
                good,
                kg,
            )
            ln.offbook[i] = True
            labels["broker_network"].append(i)
            u = rng.random()
            if u < 0.6:
                disguise(ctx, np.array([i]))
                labels["disguised"].append(i)
            elif u < 0.75:
                ctx.lic_mode[i] = LIC_NONE
                labels["licence_missing"].append(i)
            else:
                ctx.lic_mode[i] = LIC_CUSTOM
                ctx.lic_kind.append((np.array([i]), "licence_forged"))
                labels["licence_forged"].append(i)
    for scheme, idx in labels.items():
        ln.label(np.array(idx, dtype=np.int64), scheme)
