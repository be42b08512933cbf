"""Turning a shipment decision into the fields of a declaration line.

Shared by honest trade and the rings, so that a smuggler's line is written by the same
hands (mode, port, packaging, money, timestamps, broker habits) as an honest one and
differs only where the scheme makes it differ.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from fifteenthworld import names
from fifteenthworld.goods import Good
from fifteenthworld.parties import Broker, Exporter, Foreign
from fifteenthworld.places import LAND, LOCAL_CURRENCY, PORTS, ports_for, usd_per

EU = {"DE", "NL", "BE", "FR", "IT", "AT", "PL", "SE", "HU"}


def pick_mode(rng: random.Random, good: Good, net_kg: float, country: str, small: bool) -> str:
    """How the goods travel: parcels by courier or post, dense goods by air, land
    neighbours by road or rail, everything else by sea."""
    if small:
        return rng.choices(("express", "post", "air", "passenger"), weights=(70, 14, 12, 4))[0]
    r = rng.random()
    if good.dense and net_kg < 600:
        return "air" if r < 0.72 else "express" if r < 0.82 else "sea"
    if country in LAND and country not in {"DE", "PL", "TR"}:
        if r < 0.35:
            return "road"
        if r < 0.55 and any("rail" in PORTS[p][2] for p in LAND[country]):
            return "rail"
    elif country in {"DE", "PL", "TR"} and r < 0.07:
        return "rail"
    if net_kg < 150 and r < 0.5:
        return "air"
    return "sea"


def pick_port(rng: random.Random, region: str, mode: str, country: str) -> str:
    return rng.choice(ports_for(region, mode, country))


def pick_currency(rng: random.Random, country: str) -> str:
    r = rng.random()
    if r < 0.1:
        return "CNY"
    local = LOCAL_CURRENCY.get(country)
    if local and r < 0.1 + (0.35 if country in EU or country == "JP" else 0.15):
        return local
    return "USD"


def money(usd: float, currency: str, day: dt.date) -> float:
    value = usd / usd_per(currency, day)
    return round(value, 0 if currency in {"JPY", "KRW"} else 2)


def stamp(rng: random.Random, day: dt.date, style: str) -> str:
    """When the declaration was lodged, in the broker's software's format."""
    minutes = rng.randrange(8 * 60, 20 * 60)
    hh, mm, ss = minutes // 60, minutes % 60, rng.randrange(60)
    if style == "iso_t":
        return f"{day.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}"
    if style == "zoned":
        return f"{day.isoformat()}T{hh:02d}:{mm:02d}:{ss:02d}+08:00"
    return f"{day.isoformat()} {hh:02d}:{mm:02d}:{ss:02d}"


def quantity_fields(good: Good, net_kg: float, bulk_in_tonnes: bool) -> tuple[float, str, float]:
    """(quantity, unit, net weight kg) as declared."""
    if good.unit == "pcs":
        pieces = max(1, round(net_kg / good.kg_per_unit))
        return float(pieces), "pcs", round(pieces * good.kg_per_unit, 3)
    net = round(net_kg, 3 if net_kg < 10 else 1)
    if bulk_in_tonnes and net >= 5000:
        return round(net / 1000, 3), "t", net
    return net, "kg", net


def containers(rng: random.Random, mode: str, gross_kg: float) -> str | None:
    """Container numbers for a declaration (sea and some rail), ';'-separated."""
    if mode not in {"sea", "rail"} or (mode == "rail" and rng.random() < 0.4):
        return None
    if gross_kg < 3000 and rng.random() < 0.5:
        return None  # LCL cargo: the container is the consolidator's
    count = max(1, math.ceil(gross_kg / rng.uniform(21000, 26000)))
    owner = None if rng.random() < 0.5 else "CSNU"
    return ";".join(names.container(rng, owner) for _ in range(min(count, 12)))


def declarant(rng: random.Random, exporter: Exporter) -> tuple[Broker | None, str | None]:
    """The broker that lodges it (or the exporter itself, or nobody named)."""
    if exporter.self_declares and rng.random() < exporter.self_declares:
        return None, exporter.reg_id if rng.random() < 0.8 else None
    broker = exporter.brokers[0] if rng.random() < 0.7 else rng.choice(exporter.brokers)
    return broker, broker.reg_id


def consignee_fields(customer: Foreign) -> tuple[str, str | None, str]:
    return customer.name, customer.party.address, customer.country
