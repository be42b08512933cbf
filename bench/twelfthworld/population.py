"""The populations a world is drawn from: exporters with their histories, brokers,
consignees, the watchlist, and the calendar (seasonality, currencies, metal prices).

Exporters have years of trade: most existed before 2022, others appear during the
period; each has its own goods, consignees, home port and usual broker. A few brokers
file for very many exporters (hubs); consolidating forwarders file 20-60 line
declarations of mixed goods.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from twelfthworld import parties, vocab

DAY0 = np.datetime64(vocab.START)
DAYS = int((np.datetime64(vocab.END) - DAY0).astype(int)) + 1
N_MONTHS = 58  # 2022-01 .. 2026-10


def day_of(date: str) -> int:
    """Days since 2022-01-01."""
    return int((np.datetime64(date) - DAY0).astype(int))


def month_index(day: np.ndarray) -> np.ndarray:
    """0 for 2022-01 .. 57 for 2026-10."""
    months = (DAY0 + day.astype("timedelta64[D]")).astype("datetime64[M]")
    return (months - np.datetime64("2022-01", "M")).astype(int)


@dataclass
class Population:
    """Everything lines are drawn from; arrays indexed by exporter / consignee / broker."""

    exporters: pl.DataFrame  # company columns + kind, first_day, home_port, broker, person
    goods_profile: np.ndarray  # exporters x 4 ordinary goods indices
    controlled_profile: np.ndarray  # exporters x 2 controlled indices (-1 none)
    consignees: pl.DataFrame  # name, country, address, phone, registration_id, since
    consignee_of: np.ndarray  # exporters x 4 consignee indices
    brokers: np.ndarray  # declarant ids
    people: pl.DataFrame
    watchlist: pl.DataFrame
    fx: dict[str, np.ndarray]  # currency -> per month units per USD
    price_index: np.ndarray  # controlled x days multiplier on base USD price


def seasonal_days(rng: np.random.Generator, n: int, growth: float = 0.25) -> np.ndarray:
    """Dates with a Lunar-New-Year trough, an autumn peak, weekdays busier, slow growth."""
    day = np.arange(DAYS)
    date = DAY0 + day.astype("timedelta64[D]")
    month = (date.astype("datetime64[M]").astype(int) % 12) + 1
    shape = np.array([0.95, 0.55, 1.0, 1.0, 1.02, 1.05, 1.0, 1.0, 1.1, 1.15, 1.2, 1.25])[month - 1]
    weekday = (day + 5) % 7  # 2022-01-01 was a Saturday -> 5
    week = np.where(weekday >= 5, 0.35, 1.0)
    weight = shape * week * (1 + growth * day / DAYS)
    return rng.choice(day, n, p=weight / weight.sum())


def _fx(rng: np.random.Generator) -> dict[str, np.ndarray]:
    t = np.linspace(0, 1, N_MONTHS)
    out = {}
    for cur, (a, b) in vocab.FX.items():
        wobble = 1 + np.cumsum(rng.normal(0, 0.008, N_MONTHS)) * (cur not in ("USD", "HKD"))
        out[cur] = (a + (b - a) * t) * wobble
    return out


def _prices(rng: np.random.Generator) -> np.ndarray:
    """Per controlled item a daily multiplier: flat with noise, then after the control a
    climb to the item's spike over ~10 months and a partial fall back."""
    day = np.arange(DAYS)
    out = np.empty((len(vocab.CONTROLLED), DAYS))
    for k, item in enumerate(vocab.CONTROLLED):
        eff = day_of(item.effective)
        since = np.clip(day - eff, 0, None)
        climb = np.minimum(since / 300.0, 1.0)
        fall = np.clip((since - 300) / 900.0, 0, 0.35)
        level = 1 + (item.spike - 1) * climb * (1 - fall)
        walk = np.exp(np.cumsum(rng.normal(0, 0.006, DAYS)))
        walk = walk / np.exp(np.linspace(0, np.log(walk[-1]), DAYS))  # no drift
        out[k] = level * walk
    return out


def watchlist(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Restricted parties: foreign defence firms on China's own lists and front companies
    named by other authorities, each listed on its own date across the period."""
    country = rng.choice(np.array(["US", "US", "US", "TW", "JP", "GB", "AE", "RU", "HK"]), n)
    firms = parties.foreign_companies(rng, country, defence=True)
    listed = (DAY0 + rng.integers(0, DAYS - 60, n).astype("timedelta64[D]")).astype(str)
    lists = np.where(
        np.isin(country, ["US", "TW", "JP", "GB"]),
        rng.choice(
            np.array(["MOFCOM Unreliable Entity List", "MOFCOM Export Control Control List"]), n
        ),
        "Customs internal alert list",
    )
    return firms.with_columns(
        pl.Series("list", lists),
        pl.Series("listed_at", listed),
        pl.Series("alt_names", parties.alias(firms["name"])),
        pl.lit("company").alias("kind"),
        pl.lit("military end user or diversion").alias("reason"),
    )


def build(rng: np.random.Generator, lines: int) -> Population:
    """Exporters, consignees, brokers and the calendar for a world of ``lines`` lines."""
    n_exp = max(80, lines // 60)
    n_con = int(n_exp * 1.6)
    n_brokers = max(12, n_exp // 40)
    kind = rng.choice(np.array(["general", "metal", "forwarder"]), n_exp, p=[0.83, 0.12, 0.05])
    trade = np.where(
        kind == "metal", rng.choice([2, 3, 8], n_exp), rng.choice([0, 1, 4, 5, 7], n_exp)
    )
    trade = np.where(kind == "forwarder", 6, trade)
    companies = parties.domestic_companies(rng, n_exp, trade)
    first = np.where(rng.random(n_exp) < 0.55, 0, rng.integers(0, DAYS - 120, n_exp))
    ports = np.arange(len(vocab.PORTS))
    home = rng.choice(ports, n_exp, p=np.array(vocab.PORT_WEIGHT) / sum(vocab.PORT_WEIGHT))
    broker_weight = 1.0 / np.arange(1, n_brokers + 1) ** 0.9
    broker = rng.choice(n_brokers, n_exp, p=broker_weight / broker_weight.sum())
    activity = rng.pareto(1.3, n_exp) + 0.2
    activity = np.where(kind == "forwarder", activity * 3, activity)
    n_ord = len(vocab.ORDINARY)
    metal_goods = np.array([i for i, g in enumerate(vocab.ORDINARY) if g.key in vocab.COVER_KEYS])
    goods = rng.integers(0, n_ord, (n_exp, 4))
    goods[kind == "metal"] = rng.choice(metal_goods, (int((kind == "metal").sum()), 4))
    ctrl = np.full((n_exp, 2), -1)
    n_metal = int((kind == "metal").sum())
    ctrl[kind == "metal"] = rng.integers(0, len(vocab.CONTROLLED), (n_metal, 2))
    ctrl[(kind == "metal") & (rng.random(n_exp) < 0.5), 1] = -1
    person = np.arange(n_exp)
    exporters = companies.with_columns(
        pl.Series("kind", kind),
        pl.Series("first_day", first),
        pl.Series("home_port", home),
        pl.Series("broker", broker),
        pl.Series("activity", activity),
        pl.Series("person", person),
        pl.Series("writes_zh", rng.random(n_exp) < 0.55),
    )
    names, weights = zip(*[(c[0], c[1]) for c in vocab.COUNTRIES], strict=True)
    w = np.array(weights) / sum(weights)
    con_country = rng.choice(np.array(names), n_con, p=w)
    consignees = parties.foreign_companies(rng, con_country).with_columns(
        pl.Series("since", np.full(n_con, -2000))
    )
    consignee_of = rng.integers(0, n_con, (n_exp, 4))
    brokers = np.char.add(
        rng.choice(np.array(["3101", "4403", "3302", "3502", "4401", "3702", "5301"]), n_brokers),
        rng.integers(100000, 999999, n_brokers).astype(str),
    ).astype(object)
    return Population(
        exporters=exporters,
        goods_profile=goods,
        controlled_profile=ctrl,
        consignees=consignees,
        consignee_of=consignee_of,
        brokers=brokers,
        people=parties.people(rng, n_exp + 400),
        watchlist=watchlist(rng, 40),
        fx=_fx(rng),
        price_index=_prices(rng),
    )
