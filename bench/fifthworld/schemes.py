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
        watch: list[dict[str, object]],
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
        )  # type: ignore[arg-type]
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


def shipment(w: World, ring: Ring, day: int) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One declaration of ``ring`` on ``day`` under its current scheme."""
    rng = w.rng
    ex = ring.exporters[int(rng.integers(len(ring.exporters)))]
    g = int(rng.choice(ring.element_goods))
    head: dict[str, Any] = {
        "ex": ex,
        "mode": "sea" if rng.random() < 0.6 else "air",
        "day": day,
        "br": ring.broker,
        "ring": ring.rid,
    }
    s = ring.scheme
    if s in {"false_code", "stowaway"}:
        head["mode"] = "sea"
    if s in {"courier_samples", "ant_army"}:
        head["mode"] = str(
            rng.choice(
                ["express", "post", "air", "passenger"]
                if s == "courier_samples"
                else ["express", "post"]
            )
        )
    cn = _front(w, ring, day) if s == "detour" else _buyer(w, ring, day)
    if s == "ant_army":
        cn = ring.buyers[0]
    head["cn"] = cn
    qty = _qty(w, g)
    fraud: list[dict[str, Any]] = []
    year = 365
    if s == "no_permit":
        fraud = [_line(g, s, qty=qty, end_user="" if rng.random() < 0.7 else None)]
    elif s == "phantom_permit":
        fraud = [
            _line(
                g,
                s,
                qty=qty,
                license_no=licence_number(
                    2024 + day // 365,
                    PROVINCES[int(rng.integers(12))],
                    int(rng.integers(700_000, 899_999)),
                ),
            )
        ]
    elif s == "stale_permit":
        if rng.random() < 0.75:
            issued = day - int(rng.integers(380, 700))
            no = w.licence(ring, ex, g, cn, issued, issued + year, qty * 3)
        else:
            issued = day + int(rng.integers(5, 60))
            no = w.licence(ring, ex, g, cn, issued, issued + year, qty * 3)
        fraud = [_line(g, s, qty=qty, license_no=no)]
    elif s == "borrowed_permit":
        if rng.random() < 0.5 and w.honest_licences.height:
            no = str(w.honest_licences["license_no"][int(rng.integers(w.honest_licences.height))])
        else:
            other = int(rng.choice(w.goods.filter(pl.col("controlled"))["g"].to_numpy()))
            elsewhere = _buyer(w, Ring(-1, "", "", ring.element_goods, 0, 0.0), day)
            no = w.licence(
                ring,
                ex,
                other if rng.random() < 0.5 else g,
                elsewhere,
                day - 30,
                day + 300,
                qty * 3,
            )
        fraud = [_line(g, s, qty=qty, license_no=no)]
    elif s == "overdrawn_permit":
        key = f"{ring.rid}:{ex}:{g}"  # each exporter draws on its own licence
        if key not in ring.drawn:
            no = w.licence(ring, ex, g, cn, day - 20, day + 340, qty * 2.5)
            ring.drawn[key] = 0.0
            w.licences[-1]["ring_key"] = key
        lic = next(x for x in w.licences if x.get("ring_key") == key)
        ring.drawn[key] += qty
        over = ring.drawn[key] > lic["quantity_kg"]
        fraud = [
            _line(
                g,
                s if over else None,
                qty=qty,
                license_no=lic["license_no"],
                end_user=lic["end_user_name"],
            )
        ]
        head["cn"] = cn = int(lic["cn"])
    elif s == "barred_recipient":
        fraud = _barred(w, ring, head, ex, g, qty, day)
    elif s == "blank_end_user":
        no = w.licence(ring, ex, g, cn, day - 25, day + 340, qty * 1.5)
        fraud = [_line(g, s, qty=qty, license_no=no, end_user="")]
    elif s == "false_code":
        fraud = []
        for _ in range(1 + int(rng.random() < 0.5)):
            gt = int(rng.choice(ring.element_goods))
            cover = _cover(w, gt)
            q = _qty(w, gt)
            u = rng.random()
            desc = w.col["name_zh"][gt] if u < 0.2 else w.col["name_en"][gt] if u < 0.32 else None
            ratio = w.col["usd_per_unit"][gt] * 1.8 / w.col["usd_per_unit"][cover]
            fraud.append(
                _line(
                    cover,
                    s,
                    true_g=gt,
                    qty=q,
                    desc=desc,
                    spec=_grade_spec(w, cover, gt) if rng.random() < 0.4 else None,
                    value_mult=ratio if rng.random() < 0.5 else 1.0,
                )
            )
    elif s == "cheap_invoice":
        no = w.licence(ring, ex, g, cn, day - 30, day + 330, qty * 1.4)
        fraud = [_line(g, s, qty=qty, license_no=no, value_mult=float(rng.uniform(0.2, 0.45)))]
    elif s == "light_weight":
        no = w.licence(ring, ex, g, cn, day - 30, day + 330, qty * 0.8)
        f = float(rng.uniform(0.35, 0.65))
        fraud = [
            _line(
                g,
                s,
                true_g=g,
                qty=round(qty * f, 1),
                true_qty=qty,
                license_no=no,
                gross_add=qty * (1 - f) * 1.06 if rng.random() < 0.6 else 0.0,
            )
        ]
    elif s == "stowaway":
        carrier = int(rng.choice(w.carriers))
        hidden = float(round(rng.uniform(40, 700), 1))
        fraud = [
            _line(
                carrier,
                s,
                true_g=g,
                true_qty=hidden,
                gross_add=hidden if rng.random() < 0.55 else 0.0,
            )
        ]
    elif s == "courier_samples":
        shown = g if rng.random() < 0.4 else _cover(w, g)
        fraud = [
            _line(
                shown,
                s,
                true_g=g,
                qty=float(round(rng.uniform(0.5, 20), 2)),
                desc=str(rng.choice(SAMPLE_WORDS)),
                value_usd=float(rng.uniform(10, 150)),
            )
        ]
    elif s == "ant_army":
        shown = g if rng.random() < 0.5 else _cover(w, g)
        fraud = [
            _line(
                shown,
                s,
                true_g=g,
                qty=float(round(rng.uniform(1, 10), 2)),
                value_usd=float(rng.uniform(30, 300)),
            )
        ]
    elif s == "detour":
        if ring.rid % 5 < 2:  # a front buying unrelated controlled goods
            g = int(
                rng.choice(
                    w.goods.filter(pl.col("controlled") & (pl.col("effective_day") <= day))["g"]
                )
            )
        front = w.reg.consignees.row(cn, named=True)["name"]
        no = w.licence(ring, ex, g, cn, day - 30, day + 330, qty * 1.3, end_user=front)
        fraud = [_line(g, s, qty=qty, license_no=no, end_user=front)]
    kind = w.reg.exporters["kind"][ex]
    filler = 0
    if kind == "forwarder" or (kind == "trader" and rng.random() < 0.6):
        filler = int(np.clip(rng.lognormal(np.log(20 if kind == "forwarder" else 8), 0.6), 3, 78))
    if head["mode"] in {"express", "post", "passenger"}:
        filler = 0
    lines = _fillers(w, filler) + fraud
    order = rng.permutation(len(lines))
    lines = [lines[i] | {"line_no": int(k) + 1} for k, i in enumerate(order)]
    return head, lines


def _barred(
    w: World, ring: Ring, head: dict[str, Any], ex: int, g: int, qty: float, day: int
) -> list[dict[str, Any]]:
    """A watchlisted end user (listed before ``day``), or a military use where banned."""
    rng = w.rng
    listed = [x for x in w.watch if int(x["listed_day"]) <= day]  # type: ignore[call-overload]
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
