"""Official trade statistics: China's own, and its partners' mirror of them.

China reports its exports monthly by destination and 8-digit tariff line, summing what
was declared. Partners report imports from China at 6 digits, a month or so later
(sea freight takes weeks), at CIF value, and they record what their importers declared
at arrival: the real goods, mostly, and the real weight. Parcels under de minimis
thresholds rarely reach their statistics. A few small partners publish only yearly
figures. Hubs re-export part of what they import; re-routed goods are re-exported
almost entirely, to where they were meant to go, and appear there as imports from
the hub. A handful of shipments come back to China (re-imports).
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict

from sixteenthworld.geography import HOP_COUNTRIES, HUB_COUNTRIES
from sixteenthworld.goods import BY_KEY
from sixteenthworld.model import Line
from sixteenthworld.timeline import END

_TRANSIT = {"sea": 32, "rail": 20, "road": 5, "air": 3, "express": 4, "post": 12, "passenger": 1}
_YEARLY = frozenset({"KG", "UZ", "AM", "LA", "MM", "MN", "GE"})
_ONWARD = ("US", "DE", "JP", "KR", "IN", "GB", "FR", "IT", "TR", "BR")
_CONCEALED = frozenset({"cargo_cover", "dense_parcel"})

Key = tuple[str, str, str, str, str]


def _period(country: str, day: dt.date) -> str:
    return f"{day.year:04d}" if country in _YEARLY else f"{day.year:04d}-{day.month:02d}"


def trade_stats(lines: list[Line], rnd: random.Random) -> dict[str, list[object]]:
    value: dict[Key, float] = defaultdict(float)
    qty: dict[Key, float] = defaultdict(float)

    def add(key: Key, usd: float, kg: float) -> None:
        value[key] += usd
        qty[key] += kg

    for ln in lines:
        if not ln.hs_code.isdigit() or len(ln.hs_code) < 6:
            continue
        add(
            ("CN", ln.destination_country, "export", ln.hs_code[:8], _period("CN", ln.day)),
            ln.value_usd,
            ln.net_weight_kg,
        )
        if ln.mode in ("post", "express", "passenger") and rnd.random() < 0.7:
            continue
        arrival = min(ln.day + dt.timedelta(days=_TRANSIT[ln.mode] + rnd.randrange(0, 8)), END)
        partner = ln.destination_country
        if ln.scheme in _CONCEALED or (ln.scheme and rnd.random() < 0.3):
            hs6, usd, kg = ln.hs_code[:6], ln.value_usd, ln.net_weight_kg
        else:
            hs6, usd, kg = BY_KEY[ln.true_good].hs[:6], ln.true_value_usd, ln.true_kg
        usd *= rnd.uniform(1.04, 1.10)
        add((partner, "CN", "import", hs6, _period(partner, arrival)), usd, kg)
        onward = ln.onward
        share = 0.0
        if onward:
            share = rnd.uniform(0.9, 1.0)
        elif partner in HUB_COUNTRIES:
            share = rnd.uniform(0.05, 0.5)
            onward = rnd.choice(_ONWARD)
        elif partner in HOP_COUNTRIES and rnd.random() < 0.1:
            share = rnd.uniform(0.1, 0.4)
            onward = rnd.choice(_ONWARD)
        if share > 0 and onward and onward != partner:
            later = min(arrival + dt.timedelta(days=rnd.randrange(15, 70)), END)
            add(
                (partner, onward, "re_export", hs6, _period(partner, later)),
                usd * share * 1.08,
                kg * share,
            )
            landed = min(later + dt.timedelta(days=rnd.randrange(3, 35)), END)
            add(
                (onward, partner, "import", hs6, _period(onward, landed)),
                usd * share * 1.12,
                kg * share,
            )
        if not ln.scheme and rnd.random() < 0.002:
            back = min(arrival + dt.timedelta(days=rnd.randrange(20, 120)), END)
            add(("CN", partner, "re_import", ln.hs_code[:8], _period("CN", back)), usd * 0.9, kg)
    cols: dict[str, list[object]] = {
        k: []
        for k in ("reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg")
    }
    for key in sorted(value):
        reporter, partner, flow, hs, period = key
        cols["reporter"].append(reporter)
        cols["partner"].append(partner)
        cols["flow"].append(flow)
        cols["hs_code"].append(hs)
        cols["period"].append(period)
        cols["value_usd"].append(round(value[key], 2))
        cols["quantity_kg"].append(round(qty[key], 2) if rnd.random() > 0.02 else None)
    return cols
