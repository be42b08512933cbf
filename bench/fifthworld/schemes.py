"""What a ring ships in a week, scheme by scheme, as skeleton rows to be priced in bulk.

Each builder returns one declaration header (exporter, mode, day, consignee) and its lines:
the fraudulent ones carry their scheme and the overrides that make them what they are
(a missing or false licence, a cover code, a light weight, a hidden mass); consolidated
declarations add honest filler lines around them, so concealment and disguise happen
inside large declarations. Which schemes leave evidence in the data, and which do not:

- permit schemes leave it in the licence (missing, unknown, out of date, someone else's,
  overdrawn); light_weight leaves a gross/net gap in most lines; cheap_invoice a low
  unit value;
- false_code leaks the true name or purity in a third of lines, and a value too high for
  the cover in half; stowaway adds gross weight over net in about half; the rest carry
  nothing in the declaration itself;
- courier_samples and ant_army are small parcels; ant_army's senders share phones and
  addresses and ship to one consignee;
- detour lines are licensed and look clean: the evidence is the front (newly incorporated,
  in a transit country, tied to a watchlisted party) and the surge in trade statistics;
- barred_recipient names a watchlisted end user (listed before the date, spelled another
  way) or a military end use in a banned country; blank_end_user leaves the end user out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import polars as pl

from fifthworld.calendar import day_index
from fifthworld.goods import COVERS
from fifthworld.idents import licence_number
from fifthworld.licensing import PROVINCES
from fifthworld.parties import CONTROLLED_BUYERS, Registry
from fifthworld.rings import Ring, new_consignee, transit_country
from fifthworld.watch import link_front

US_BAN = day_index(dt.date(2024, 12, 3))
JP_BAN = day_index(dt.date(2026, 1, 6))
SAMPLE_WORDS = ("样品", "sample", "金属样品 metal sample", "电子元件", "alloy sample", "测试材料")
MILITARY_USE = ("defense electronics", "军工配套", "missile guidance components", "军用雷达")
CIVIL_USE = ("合金生产", "electronics manufacturing", "光伏材料", "coating materials")
CARRIER_GOODS = ("6907219000", "7318159001", "7306309000", "8483109000", "8481804090", "9403200000")


class World:
    """What the builders share: goods, registry, watchlist, licences and a sequence."""

    def __init__(
        self,
        goods: pl.DataFrame,
        reg: Registry,
        watch: list[dict[str, Any]],
        honest_licences: pl.DataFrame,
        portfolio: np.ndarray,
        rng: np.random.Generator,
    ) -> None:
        self.goods = goods.sort("g")
        self.reg = reg
        self.watch = watch
        self.honest_licences = honest_licences
        self.portfolio = portfolio
        self.rng = rng
        self.licences: list[dict[str, Any]] = []
        self.seq = 900_000
        self.col = {c: self.goods[c].to_numpy() for c in self.goods.columns}
        self.covers = {
            fam: self.goods.filter(
                pl.col("hs_code").is_in([c[0] for c in rows]) & ~pl.col("controlled")
            )["g"].to_numpy()
            for fam, rows in COVERS.items()
        }
        self.carriers = self.goods.filter(pl.col("hs_code").is_in(CARRIER_GOODS))["g"].to_numpy()
        ordinary = self.goods.filter(~pl.col("controlled") & (pl.col("share") > 0))
        self.fillers = ordinary["g"].to_numpy()
        self.filler_p = ordinary["share"].to_numpy() / ordinary["share"].sum()

    def next_no(self, day: int) -> str:
        self.seq += 1
        return licence_number(2024 + max(day, 0) // 365, PROVINCES[self.seq % 12], self.seq)

    def licence(
        self,
        ring: Ring,
        ex: int,
        g: int,
        cn: int,
        issued: int,
        until: int,
        qty: float,
        end_user: str | None = None,
    ) -> str:
        """Record a licence the ring holds; returns its number."""
        cons = self.reg.consignees.row(cn, named=True)
        no = self.next_no(issued)
        self.licences.append(
            {
                "license_no": no,
                "issued_day": issued,
                "until_day": until,
                "exporter_id": self.reg.exporters["exporter_id"][ex],
                "control_id": self.col["control_id"][g],
                "quantity_kg": round(qty, 1),
                "consignee_name": cons["name"],
                "consignee_country": cons["country"],
                "end_user_name": end_user or cons["name"],
                "end_use": CIVIL_USE[ring.rid % 4],
                "status": "valid",
                "cn": cn,
            }
        )
        return no


def _line(g: int, scheme: str | None, **over: Any) -> dict[str, Any]:
    return {"g": g, "scheme": scheme} | over


def _buyer(w: World, ring: Ring, day: int) -> int:
    if not ring.buyers:
        cons = w.reg.consignees
        pool = cons.filter(
            pl.col("country").is_in(CONTROLLED_BUYERS) & pl.col("front_of").is_null()
        )["cn"].to_numpy()
        ring.buyers = [int(x) for x in w.rng.choice(pool, int(w.rng.integers(1, 4)))]
    return ring.buyers[int(w.rng.integers(len(ring.buyers)))]


def _front(w: World, ring: Ring, day: int) -> int:
    if ring.front < 0:
        listed = w.watch[int(w.rng.integers(len(w.watch)))]
        ring.front = new_consignee(
            w.reg, w.rng, transit_country(w.rng), day, front_of=int(listed["wid"])
        )
        link_front(w.reg, w.rng, ring.front, listed)
    return ring.front


def _qty(w: World, g: int) -> float:
    return float(round(w.col["typical_units"][g] * w.rng.lognormal(0, 0.6), 1))


def _fillers(w: World, k: int) -> list[dict[str, Any]]:
    return [_line(int(g), None) for g in w.rng.choice(w.fillers, k, p=w.filler_p)]


def _cover(w: World, g: int) -> int:
    pool = w.covers[str(w.col["family"][g])]
    return int(pool[int(w.rng.integers(pool.shape[0]))])


def _grade_spec(w: World, shown: int, g: int) -> str:
    return f"0|3|{w.col['name_zh'][shown]}|纯度{w.col['grade'][g]}|无品牌"


@dataclass
class Draft:
    """One shipment being built: who, what and when, before its scheme shapes the lines."""

    w: World
    ring: Ring
    head: dict[str, Any]
    ex: int
    g: int
    cn: int
    qty: float
    day: int

    def licence(self, g: int, cn: int, issued: int, until: int, qty: float, **kw: Any) -> str:
        """A licence of this ring's exporter (see :meth:`World.licence`)."""
        return self.w.licence(self.ring, self.ex, g, cn, issued, until, qty, **kw)


Lines = list[dict[str, Any]]


def _no_permit(d: Draft) -> Lines:
    return [_line(d.g, "no_permit", qty=d.qty, end_user="" if d.w.rng.random() < 0.7 else None)]


def _phantom_permit(d: Draft) -> Lines:
    rng = d.w.rng
    no = licence_number(
        2024 + d.day // 365, PROVINCES[int(rng.integers(12))], int(rng.integers(700_000, 899_999))
    )
    return [_line(d.g, "phantom_permit", qty=d.qty, license_no=no)]


def _stale_permit(d: Draft) -> Lines:
    """Expired (three in four) or not yet valid."""
    rng = d.w.rng
    if rng.random() < 0.75:
        issued = d.day - int(rng.integers(380, 700))
    else:
        issued = d.day + int(rng.integers(5, 60))
    no = d.licence(d.g, d.cn, issued, issued + 365, d.qty * 3)
    return [_line(d.g, "stale_permit", qty=d.qty, license_no=no)]


def _borrowed_permit(d: Draft) -> Lines:
    """Another exporter's licence, or one of the ring's for another item or consignee."""
    w, rng = d.w, d.w.rng
    if rng.random() < 0.5 and w.honest_licences.height:
        no = str(w.honest_licences["license_no"][int(rng.integers(w.honest_licences.height))])
    else:
        other = int(rng.choice(w.goods.filter(pl.col("controlled"))["g"].to_numpy()))
        elsewhere = _buyer(w, Ring(-1, "", "", d.ring.element_goods, 0, 0.0), d.day)
        item = other if rng.random() < 0.5 else d.g
        no = d.licence(item, elsewhere, d.day - 30, d.day + 300, d.qty * 3)
    return [_line(d.g, "borrowed_permit", qty=d.qty, license_no=no)]


def _overdrawn_permit(d: Draft) -> Lines:
    """Draws on the exporter's own licence; only draws past its quantity are labelled."""
    w, ring = d.w, d.ring
    key = f"{ring.rid}:{d.ex}:{d.g}"  # each exporter draws on its own licence
    if key not in ring.drawn:
        d.licence(d.g, d.cn, d.day - 20, d.day + 340, d.qty * 2.5)
        ring.drawn[key] = 0.0
        w.licences[-1]["ring_key"] = key
    lic = next(x for x in w.licences if x.get("ring_key") == key)
    ring.drawn[key] += d.qty
    over = ring.drawn[key] > lic["quantity_kg"]
    d.head["cn"] = d.cn = int(lic["cn"])
    return [
        _line(
            d.g,
            "overdrawn_permit" if over else None,
            qty=d.qty,
            license_no=lic["license_no"],
            end_user=lic["end_user_name"],
        )
    ]


def _barred_recipient(d: Draft) -> Lines:
    return _barred(d.w, d.ring, d.head, d.ex, d.g, d.qty, d.day)


def _blank_end_user(d: Draft) -> Lines:
    no = d.licence(d.g, d.cn, d.day - 25, d.day + 340, d.qty * 1.5)
    return [_line(d.g, "blank_end_user", qty=d.qty, license_no=no, end_user="")]


def _false_code(d: Draft) -> Lines:
    """One or two lines under a cover code; the name or purity leaks in some, the value
    fits the true goods in half."""
    w, rng = d.w, d.w.rng
    out = []
    for _ in range(1 + int(rng.random() < 0.5)):
        gt = int(rng.choice(d.ring.element_goods))
        cover = _cover(w, gt)
        q = _qty(w, gt)
        u = rng.random()
        desc = w.col["name_zh"][gt] if u < 0.2 else w.col["name_en"][gt] if u < 0.32 else None
        ratio = w.col["usd_per_unit"][gt] * 1.8 / w.col["usd_per_unit"][cover]
        spec = _grade_spec(w, cover, gt) if rng.random() < 0.4 else None
        mult = ratio if rng.random() < 0.5 else 1.0
        out.append(
            _line(cover, "false_code", true_g=gt, qty=q, desc=desc, spec=spec, value_mult=mult)
        )
    return out


def _cheap_invoice(d: Draft) -> Lines:
    no = d.licence(d.g, d.cn, d.day - 30, d.day + 330, d.qty * 1.4)
    mult = float(d.w.rng.uniform(0.2, 0.45))
    return [_line(d.g, "cheap_invoice", qty=d.qty, license_no=no, value_mult=mult)]


def _light_weight(d: Draft) -> Lines:
    """Quantity and net weight cut; the scale's gross weight stays true in most lines."""
    rng = d.w.rng
    no = d.licence(d.g, d.cn, d.day - 30, d.day + 330, d.qty * 0.8)
    f = float(rng.uniform(0.35, 0.65))
    gross_add = d.qty * (1 - f) * 1.06 if rng.random() < 0.6 else 0.0
    return [
        _line(
            d.g,
            "light_weight",
            true_g=d.g,
            qty=round(d.qty * f, 1),
            true_qty=d.qty,
            license_no=no,
            gross_add=gross_add,
        )
    ]


def _stowaway(d: Draft) -> Lines:
    """Controlled goods hidden in an ordinary line; its gross weight shows them in about half."""
    rng = d.w.rng
    carrier = int(rng.choice(d.w.carriers))
    hidden = float(round(rng.uniform(40, 700), 1))
    gross_add = hidden if rng.random() < 0.55 else 0.0
    return [_line(carrier, "stowaway", true_g=d.g, true_qty=hidden, gross_add=gross_add)]


def _parcel(
    d: Draft, scheme: str, p_true: float, kg: tuple[float, float], usd: tuple[float, float]
) -> Lines:
    """A small parcel of the true goods or under a cover, at a token value."""
    rng = d.w.rng
    shown = d.g if rng.random() < p_true else _cover(d.w, d.g)
    qty = float(round(rng.uniform(*kg), 2))
    desc = str(rng.choice(SAMPLE_WORDS)) if scheme == "courier_samples" else None
    value = float(rng.uniform(*usd))
    return [_line(shown, scheme, true_g=d.g, qty=qty, desc=desc, value_usd=value)]


def _courier_samples(d: Draft) -> Lines:
    return _parcel(d, "courier_samples", 0.4, (0.5, 20), (10, 150))


def _ant_army(d: Draft) -> Lines:
    return _parcel(d, "ant_army", 0.5, (1, 10), (30, 300))


def _detour(d: Draft) -> Lines:
    """Licensed to the front, which is also the declared end user."""
    w = d.w
    if d.ring.rid % 5 < 2:  # a front buying unrelated controlled goods
        now = w.goods.filter(pl.col("controlled") & (pl.col("effective_day") <= d.day))
        d.g = int(w.rng.choice(now["g"]))
    front = w.reg.consignees.row(d.cn, named=True)["name"]
    no = d.licence(d.g, d.cn, d.day - 30, d.day + 330, d.qty * 1.3, end_user=front)
    return [_line(d.g, "detour", qty=d.qty, license_no=no, end_user=front)]


BUILDERS: dict[str, Callable[[Draft], Lines]] = {
    "no_permit": _no_permit,
    "phantom_permit": _phantom_permit,
    "stale_permit": _stale_permit,
    "borrowed_permit": _borrowed_permit,
    "overdrawn_permit": _overdrawn_permit,
    "barred_recipient": _barred_recipient,
    "blank_end_user": _blank_end_user,
    "false_code": _false_code,
    "cheap_invoice": _cheap_invoice,
    "light_weight": _light_weight,
    "stowaway": _stowaway,
    "courier_samples": _courier_samples,
    "ant_army": _ant_army,
    "detour": _detour,
}


def _mode(rng: np.random.Generator, scheme: str) -> str:
    """Disguise travels by sea in containers, parcels by courier, post or hand."""
    mode = "sea" if rng.random() < 0.6 else "air"
    if scheme in {"false_code", "stowaway"}:
        return "sea"
    if scheme == "courier_samples":
        return str(rng.choice(["express", "post", "air", "passenger"]))
    if scheme == "ant_army":
        return str(rng.choice(["express", "post"]))
    return mode


def _filler_count(w: World, ex: int, mode: str) -> int:
    """Honest lines around the fraud: forwarders and most traders consolidate cargo."""
    rng = w.rng
    kind = w.reg.exporters["kind"][ex]
    filler = 0
    if kind == "forwarder" or (kind == "trader" and rng.random() < 0.6):
        filler = int(np.clip(rng.lognormal(np.log(20 if kind == "forwarder" else 8), 0.6), 3, 78))
    return 0 if mode in {"express", "post", "passenger"} else filler


def shipment(w: World, ring: Ring, day: int) -> tuple[dict[str, Any], Lines]:
    """One declaration of ``ring`` on ``day`` under its current scheme."""
    rng = w.rng
    ex = ring.exporters[int(rng.integers(len(ring.exporters)))]
    g = int(rng.choice(ring.element_goods))
    s = ring.scheme
    head: dict[str, Any] = {
        "ex": ex,
        "mode": _mode(rng, s),
        "day": day,
        "br": ring.broker,
        "ring": ring.rid,
    }
    cn = _front(w, ring, day) if s == "detour" else _buyer(w, ring, day)
    if s == "ant_army":
        cn = ring.buyers[0]
    head["cn"] = cn
    fraud = BUILDERS[s](Draft(w, ring, head, ex, g, cn, _qty(w, g), day))
    lines = _fillers(w, _filler_count(w, ex, head["mode"])) + fraud
    order = rng.permutation(len(lines))
    return head, [lines[i] | {"line_no": int(k) + 1} for k, i in enumerate(order)]


def _barred(
    w: World, ring: Ring, head: dict[str, Any], ex: int, g: int, qty: float, day: int
) -> list[dict[str, Any]]:
    """A watchlisted end user (listed before ``day``), or a military use where banned."""
    rng = w.rng
    listed = [x for x in w.watch if int(x["listed_day"]) <= day]
    if listed and rng.random() < 0.7:
        target = listed[int(rng.integers(len(listed)))]
        name = str(target["alt"] if rng.random() < 0.6 else target["name"])
        no = w.licence(ring, ex, g, head["cn"], day - 30, day + 330, qty * 1.5)
        return [_line(g, "barred_recipient", qty=qty, license_no=no, end_user=name)]
    country = "JP" if day >= JP_BAN and rng.random() < 0.5 else "US"
    cons = w.reg.consignees.filter(pl.col("country") == country)
    cn = int(cons["cn"][int(rng.integers(cons.height))])
    head["cn"] = cn
    no = w.licence(ring, ex, g, cn, day - 30, day + 330, qty * 1.5)
    scheme = "barred_recipient" if day >= (JP_BAN if country == "JP" else US_BAN) else None
    return [_line(g, scheme, qty=qty, license_no=no, use=str(rng.choice(MILITARY_USE)))]
