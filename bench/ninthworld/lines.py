"""Declaration lines: when, where, by whom, what, how much, and at what price.

Lines are first drawn as a plan (indices into exporters, consignees and goods, the true
goods and weights, the declared ones) and only then rendered into contract columns, so
that a scheme changes the plan (declare another code, understate the weight) and the
truth stays beside it. A Chinese New Year lull, weekends and a December rush shape the
calendar; a large share of lines are tiny cross-border e-commerce parcels.
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np
import polars as pl

from . import vocab
from .actors import DAYS, START, Actors

#: Parcels to private buyers are priced at retail, several times the factory price.
RETAIL = 4.0
NEW_YEARS = (dt.date(2023, 1, 22), dt.date(2024, 2, 10), dt.date(2025, 1, 29), dt.date(2026, 2, 17))
GOODS = pl.DataFrame(
    {
        "good": list(range(len(vocab.GOODS))),
        "hs": [g.hs for g in vocab.GOODS],
        "unit": [g.unit for g in vocab.GOODS],
        "kg_per_unit": [g.kg_per_unit for g in vocab.GOODS],
        "cny_per_kg": [g.cny_per_kg for g in vocab.GOODS],
        "controlled": [bool(g.item) for g in vocab.GOODS],
        "item": [g.item for g in vocab.GOODS],
    }
)


def calendar() -> np.ndarray:
    """Cumulative share of declarations by day: growth, weekends, New Year lull, December."""
    days = np.arange(DAYS)
    dates = [START + dt.timedelta(days=int(d)) for d in days]
    weight = 1.0 + 0.12 * days / 365
    weekday = np.array([d.weekday() for d in dates])
    weight *= np.where(weekday == 5, 0.55, np.where(weekday == 6, 0.3, 1.0))
    for ny in NEW_YEARS:
        off = np.array([(d - ny).days for d in dates])
        weight *= np.where(
            (off >= -6) & (off <= 9), 0.22, np.where((off >= -20) & (off < -6), 1.25, 1.0)
        )
    weight *= np.where(np.array([d.month for d in dates]) == 12, 1.2, 1.0)
    cdf = np.cumsum(weight)
    return cdf / cdf[-1]


def draw_days(
    rng: np.random.Generator, cdf: np.ndarray, low: np.ndarray, high: np.ndarray
) -> np.ndarray:
    """Days drawn from the calendar, each between its own bounds (inclusive)."""
    lo = np.where(low > 0, cdf[np.maximum(low - 1, 0)], 0.0)
    hi = cdf[np.minimum(high, DAYS - 1)]
    return np.searchsorted(cdf, lo + rng.random(low.size) * (hi - lo)).clip(low, high)


def pick_from(rng: np.random.Generator, lists: list[np.ndarray], owner: np.ndarray) -> np.ndarray:
    """One element of ``lists[owner]`` for each owner (ragged lists flattened once)."""
    sizes = np.array([len(x) for x in lists])
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    flat = np.concatenate(lists)
    return flat[offsets[owner] + (rng.random(owner.size) * sizes[owner]).astype(np.int64)]


def choose_mode(rng: np.random.Generator, n: int, country: np.ndarray) -> np.ndarray:
    """B2B transport by country: road and rail only where a land border or line exists."""
    mode = rng.choice(["sea", "air", "road", "rail"], n, p=[0.68, 0.12, 0.12, 0.08])
    road_ok = np.isin(country, list(vocab.ROAD_PORTS))
    rail_ok = np.isin(country, list(vocab.RAIL_COUNTRIES))
    mode = np.where((mode == "road") & ~road_ok, "sea", mode)
    return np.where((mode == "rail") & ~rail_ok, "sea", mode)


def explode(
    size: np.ndarray,
    who: np.ndarray,
    day: np.ndarray,
    mode: np.ndarray,
    cons: np.ndarray,
    country: np.ndarray,
    b2c: bool,
) -> pl.DataFrame:
    """One row a line from one value a declaration, lines numbered from 1 in each."""
    decl = np.repeat(np.arange(size.size), size)
    line = np.arange(decl.size) - np.repeat(np.cumsum(size) - size, size) + 1
    return pl.DataFrame(
        {
            "decl": decl,
            "line": line,
            "exporter": who[decl],
            "day": day[decl],
            "mode": mode[decl],
            "cons": cons[decl],
            "country": country[decl],
            "b2c": np.full(decl.size, b2c),
        }
    )


def b2b_plan(
    rng: np.random.Generator,
    acts: Actors,
    cdf: np.ndarray,
    n_lines: int,
    exporters: np.ndarray | None = None,
) -> pl.DataFrame:
    """Business declarations of traders, producers and processors, one row a line."""
    ex = acts.exporters
    business = np.isin(ex["kind"].to_numpy(), ["trader", "producer", "processor"])
    pool = np.flatnonzero(business) if exporters is None else exporters
    weight = ex["weight"].to_numpy()[pool]
    n_decl = max(1, int(n_lines / 2.9))
    who = rng.choice(pool, n_decl, p=weight / weight.sum())
    size = np.minimum(rng.geometric(0.33, n_decl), 25)
    day = draw_days(rng, cdf, ex["start"].to_numpy()[who], ex["end"].to_numpy()[who])
    cons = pick_from(rng, acts.buyers_of, who)
    country = acts.consignees["country"].to_numpy()[cons]
    mode = choose_mode(rng, n_decl, country)
    plan = explode(size, who, day, mode, cons, country, b2c=False).head(n_lines)
    good = pick_from(rng, acts.goods_of, plan["exporter"].to_numpy())
    return with_goods(rng, plan, good)


def b2c_plan(rng: np.random.Generator, acts: Actors, cdf: np.ndarray, n_lines: int) -> pl.DataFrame:
    """Cross-border e-commerce parcels: one or two tiny lines, to private persons."""
    ex = acts.exporters
    pool = np.flatnonzero(np.isin(ex["kind"].to_numpy(), ["ecom", "person", "shell"]))
    weight = ex["weight"].to_numpy()[pool]
    n_decl = max(1, int(n_lines / 1.12))
    who = rng.choice(pool, n_decl, p=weight / weight.sum())
    size = np.where(rng.random(n_decl) < 0.88, 1, 2)
    day = draw_days(rng, cdf, ex["start"].to_numpy()[who], ex["end"].to_numpy()[who])
    countries = list(vocab.COUNTRY_SHARE)
    share = np.array([vocab.COUNTRY_SHARE[c] for c in countries], float)
    country = rng.choice(countries, n_decl, p=share / share.sum())
    mode = rng.choice(["express", "post"], n_decl, p=[0.62, 0.38])
    plan = explode(size, who, day, mode, np.full(n_decl, -1), country, b2c=True).head(n_lines)
    good = pick_from(rng, acts.goods_of, plan["exporter"].to_numpy())
    return with_goods(rng, plan, good)


def typical_kg(good: np.ndarray, b2c: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Net kg of a line: a parcel's few hundred grams, or a lot worth ~200k CNY."""
    price = GOODS["cny_per_kg"].to_numpy()[good]
    lot = np.clip(200_000 / price, 5, 20_000) * rng.lognormal(0, 0.8, good.size)
    parcel = rng.lognormal(np.log(0.6), 0.7, good.size).clip(0.05, 8)
    return np.where(b2c, parcel, lot)


def with_goods(rng: np.random.Generator, plan: pl.DataFrame, good: np.ndarray) -> pl.DataFrame:
    """Goods, true weights and prices of each line (declared the same until a scheme lies)."""
    kg = typical_kg(good, plan["b2c"].to_numpy(), rng)
    return plan.with_columns(
        pl.Series("good", good),
        pl.Series("true_good", good),
        pl.Series("true_kg", kg),
        pl.Series("kg", kg),
        pl.Series("price_noise", rng.lognormal(0, 0.18, good.size)),
        pl.lit(1.0).alias("value_factor"),
        pl.lit("").alias("scheme"),
        pl.lit("").alias("licence"),
        pl.lit(0.0).alias("hidden_kg"),
    )


def premium(day: pl.Expr, controlled: pl.Expr, control_day: pl.Expr) -> pl.Expr:
    """Export price over domestic: ~1.1, rising to ~2.3 within six months of a control."""
    since = (day - control_day).clip(0, 180) / 180
    after = pl.when(controlled & (day >= control_day)).then(1.15 + 1.15 * since).otherwise(1.15)
    return pl.when(controlled).then(after).otherwise(1.1)


@functools.cache
def control_days() -> dict[str, int]:
    """The day index each controlled item came under licensing (catalogue dates)."""
    dates = vocab.control_dates()
    return {g.item: (dt.date.fromisoformat(dates[g.item]) - START).days for g in vocab.CONTROLLED}


def priced(plan: pl.DataFrame) -> pl.DataFrame:
    """True USD value of each line from its true goods, and the declared value."""
    days = control_days()
    goods = GOODS.with_columns(
        pl.col("item")
        .replace_strict(days, default=10_000, return_dtype=pl.Int64)
        .alias("control_day")
    ).select(
        pl.col("good").alias("true_good"),
        pl.col("cny_per_kg").alias("true_price"),
        pl.col("controlled").alias("true_controlled"),
        "control_day",
    )
    out = plan.join(goods, on="true_good", how="left")
    usd = (
        pl.col("true_kg")
        * pl.col("true_price")
        / vocab.CNY_PER_USD
        * premium(pl.col("day"), pl.col("true_controlled"), pl.col("control_day"))
        * pl.col("price_noise")
    )
    b2c_usd = (
        pl.col("true_kg")
        * pl.col("true_price")
        / vocab.CNY_PER_USD
        * RETAIL
        * pl.col("price_noise")
    )
    true_usd = pl.when(pl.col("b2c")).then(b2c_usd).otherwise(usd)
    return out.with_columns(true_usd.alias("true_usd")).with_columns(
        (pl.col("true_usd") * pl.col("value_factor")).alias("usd")
    )
