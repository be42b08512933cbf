"""The ways this world's smugglers move controlled minerals, one function a scheme.

Each scheme returns planned lines labelled with its name (and, where it needs them,
licences, new parties and links it creates). The mix (see ``DEFAULT_WEIGHTS``) holds
schemes a screener can see in the declarations, some visible only across tables
(licences, registry, trade statistics), and some with little trace at all:

- permits: ``no_permit`` (none cited), ``phantom_permit`` (a number never issued),
  ``stale_permit`` (expired or not yet valid), ``borrowed_permit`` (issued to another
  exporter), ``permit_mismatch`` (own licence, other item or consignee/country),
  ``overdrawn_permit`` (draws past the licensed quantity; only the excess is labelled);
- end use: ``listed_end_user`` (a restricted party, after its listing),
  ``military_end_use`` (US or Japanese military use after the bans),
  ``blank_end_user`` (licensed, but end user and end use left empty);
- misdeclaration: ``code_swap`` (an ordinary code; the words leak in a third),
  ``lowball_value`` (a fifth to a half of the value), ``short_weight`` (quantity and
  weight understated, value kept in line, the gross weight often still the real one);
- concealment: ``buried_in_container`` (hidden mass in an ordinary container line:
  gross weight surplus, sometimes an odd good for the exporter), ``sample_parcels``
  (dense controlled "samples" by express, post or hand luggage, tiny values),
  ``split_parcels`` (a ring of senders sharing a phone or address feeding one buyer);
- transshipment: ``relay_route`` (ordinary codes to established buyers in two transit
  countries; the trace is mainly in the partners' import and re-export statistics),
  ``fresh_front`` (new consignees in transit countries linked to restricted parties),
  ``omnivore_consignee`` (licensed buyers taking unrelated controlled items from many
  exporters).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from . import vocab
from .actors import DAYS, START, Actors, address, person_name, phone, vocab_suffix
from .lines import (
    GOODS,
    RETAIL,
    choose_mode,
    control_days,
    draw_days,
    pick_from,
    with_goods,
)
from .text import text_series

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

DEFAULT_WEIGHTS: dict[str, float] = {
    "no_permit": 10,
    "phantom_permit": 6,
    "stale_permit": 5,
    "borrowed_permit": 4,
    "permit_mismatch": 4,
    "overdrawn_permit": 4,
    "listed_end_user": 5,
    "military_end_use": 2,
    "blank_end_user": 4,
    "code_swap": 12,
    "lowball_value": 6,
    "short_weight": 6,
    "buried_in_container": 8,
    "sample_parcels": 10,
    "split_parcels": 10,
    "relay_route": 8,
    "fresh_front": 6,
    "omnivore_consignee": 5,
}
CTRL = np.array([vocab.INDEX[g.key] for g in vocab.CONTROLLED])
DENSE = np.array(
    [vocab.INDEX[k] for k in ("ga", "ge", "geo2", "tb4o7", "dy2o3", "tb", "sc2o3", "te")]
)


#: A licence's terms: good, consignee, country, first and last day.
Terms = tuple[int, str, str, int, int]


@dataclass
class Context:
    """What schemes add beside lines: licences, parties, relations, and a licence serial."""

    rng: np.random.Generator
    acts: Actors
    cdf: np.ndarray
    licences: list[dict[str, object]] = field(default_factory=list)
    serial: int = 1000

    def licence_no(self, day: int) -> str:
        """A licence number in this world's format: year, ML, province, serial."""
        self.serial += int(self.rng.integers(1, 40))
        year = (START + dt.timedelta(days=int(day))).year % 100
        return f"{year:02d}ML{int(self.rng.choice([36, 43, 45, 53, 15, 33])):02d}{self.serial:06d}"


def ctrl_lists(acts: Actors) -> list[np.ndarray]:
    """Controlled goods each exporter trades (all of them for those that trade none)."""
    return [g[np.isin(g, CTRL)] if np.isin(g, CTRL).any() else CTRL for g in acts.goods_of]


def ordinary_lists(acts: Actors) -> list[np.ndarray]:
    ordinary = np.array([vocab.INDEX[g.key] for g in vocab.ORDINARY])
    return [
        g[np.isin(g, ordinary)] if np.isin(g, ordinary).any() else ordinary for g in acts.goods_of
    ]


def base(
    ctx: Context,
    n: int,
    pool: np.ndarray | None = None,
    goods: np.ndarray | None = None,
    cons: np.ndarray | None = None,
) -> pl.DataFrame:
    """``n`` one-line declarations of controlled goods after their control date."""
    rng, acts = ctx.rng, ctx.acts
    ex = acts.exporters
    if pool is None:
        pool = np.flatnonzero(ex["controlled"].to_numpy())
    who = rng.choice(pool, n)
    good = pick_from(rng, ctrl_lists(acts), who) if goods is None else goods
    cday = np.array([control_days()[vocab.GOODS[g].item] for g in good])
    low = np.maximum(cday, ex["start"].to_numpy()[who])
    day = draw_days(rng, ctx.cdf, np.minimum(low, DAYS - 30), np.full(n, DAYS - 1))
    buyer = pick_from(rng, acts.buyers_of, who) if cons is None else cons
    country = acts.consignees["country"].to_numpy()[buyer]
    plan = pl.DataFrame(
        {
            "decl": np.arange(n),
            "line": np.ones(n, np.int64),
            "exporter": who,
            "day": day,
            "mode": choose_mode(rng, n, country),
            "cons": buyer,
            "country": country,
            "b2c": np.zeros(n, bool),
        }
    )
    return with_goods(rng, plan, good).with_columns(pl.lit(False).alias("needs_licence"))


def label(plan: pl.DataFrame, name: str) -> pl.DataFrame:
    return plan.with_columns(pl.lit(name).alias("scheme"))


def licence_row(
    ctx: Context,
    exporter: int,
    good: int,
    cons_name: str,
    country: str,
    issued: int,
    until: int,
    kg: float,
) -> dict[str, object]:
    """A licence as the licensing office records it."""
    return {
        "license_no": ctx.licence_no(issued),
        "issued_at": START + dt.timedelta(days=issued),
        "valid_until": START + dt.timedelta(days=until),
        "exporter_id": ctx.acts.exporters["exporter_id"][exporter],
        "control_id": vocab.GOODS[good].item,
        "hs_code": vocab.GOODS[good].hs,
        "quantity_kg": round(kg, 1),
        "consignee_name": cons_name,
        "consignee_country": country,
        "end_user_name": cons_name,
        "end_use": str(ctx.rng.choice(vocab.END_USES)),
        "status": "valid",
    }


def no_permit(ctx: Context, n: int) -> pl.DataFrame:
    return label(base(ctx, n), "no_permit")


def phantom_permit(ctx: Context, n: int) -> pl.DataFrame:
    plan = base(ctx, n)
    numbers = [ctx.licence_no(int(d)) for d in plan["day"]]
    ctx.serial += 5  # the forged serials are never issued: the counter moves past them
    return label(plan.with_columns(pl.Series("licence", numbers)), "phantom_permit")


def cons_names(ctx: Context, plan: pl.DataFrame) -> list[str]:
    return ctx.acts.consignees["name"].to_numpy()[plan["cons"].to_numpy()].tolist()


def with_own_licences(
    ctx: Context, plan: pl.DataFrame, terms: Callable[[int, str, str, int], Terms], name: str
) -> pl.DataFrame:
    """Issue each line's exporter a licence on ``terms(good, buyer, country, day)`` (the
    terms that make it the wrong licence) and cite it on the line."""
    numbers = []
    for ex, g, buyer, c, d, kg in zip(
        plan["exporter"],
        plan["good"],
        cons_names(ctx, plan),
        plan["country"],
        plan["day"],
        plan["kg"],
        strict=True,
    ):
        good, held_by, country, issued, until = terms(g, buyer, c, d)
        quota = kg * ctx.rng.uniform(1.5, 4)
        row = licence_row(ctx, ex, good, held_by, country, issued, until, quota)
        ctx.licences.append(row)
        numbers.append(row["license_no"])
    return label(plan.with_columns(pl.Series("licence", numbers)), name)


def stale_permit(ctx: Context, n: int) -> pl.DataFrame:
    def terms(g: int, buyer: str, c: str, d: int) -> Terms:
        cday = control_days()[vocab.GOODS[g].item]
        if d - cday > 220 and ctx.rng.random() < 0.65:  # expired weeks or months ago
            until = d - int(ctx.rng.integers(3, 150))
            return g, buyer, c, until - 364, until
        issued = d + int(ctx.rng.integers(3, 60))  # issued only later
        return g, buyer, c, issued, issued + 364

    return with_own_licences(ctx, base(ctx, n), terms, "stale_permit")


def permit_mismatch(ctx: Context, n: int) -> pl.DataFrame:
    cons = ctx.acts.consignees

    def terms(g: int, buyer: str, c: str, d: int) -> Terms:
        other_good, other_name, other_c = g, buyer, c
        if ctx.rng.random() < 0.5:
            other_good = int(ctx.rng.choice(CTRL[g != CTRL]))
        else:
            k = int(ctx.rng.integers(0, cons.height))
            other_name, other_c = cons["name"][k], cons["country"][k]
        issued = max(0, d - int(ctx.rng.integers(10, 200)))
        return other_good, other_name, other_c, issued, issued + 364

    return with_own_licences(ctx, base(ctx, n), terms, "permit_mismatch")


def overdrawn_permit(ctx: Context, n: int) -> pl.DataFrame:
    """Series of draws on one licence; the draws past its quantity are the fraud."""
    rng = ctx.rng
    frames: list[pl.DataFrame] = []
    made = 0
    while made < n:
        plan = base(ctx, 1)
        k = int(rng.integers(4, 9))
        start = int(plan["day"][0])
        days = np.minimum(start + np.sort(rng.integers(0, 300, k)), DAYS - 1)
        kg = float(plan["kg"][0]) * rng.uniform(0.6, 1.4, k)
        cut = int(rng.integers(2, k - 1))  # lines from ``cut`` on exceed the licence
        quota = float(kg[:cut].sum()) * rng.uniform(1.0, 1.08)
        name = cons_names(ctx, plan)[0]
        row = licence_row(
            ctx,
            int(plan["exporter"][0]),
            int(plan["good"][0]),
            name,
            plan["country"][0],
            max(0, start - int(rng.integers(5, 30))),
            start + 340,
            quota,
        )
        ctx.licences.append(row)
        series = pl.concat([plan] * k).with_columns(
            pl.Series("day", days),
            pl.Series("kg", kg),
            pl.Series("true_kg", kg),
            pl.Series("decl", np.arange(k)),
            pl.lit(row["license_no"]).alias("licence"),
            pl.Series("scheme", np.where(np.cumsum(kg) > quota, "overdrawn_permit", "")),
        )
        frames.append(series.with_columns((pl.col("decl") + len(frames) * 10).alias("decl")))
        made += int((series["scheme"] != "").sum())
    return pl.concat(frames)


def listed_end_user(ctx: Context, n: int) -> pl.DataFrame:
    rng = ctx.rng
    watch = ctx.acts.watch
    plan = base(ctx, n)
    w = rng.integers(0, watch.height, n)
    listed = np.array(
        [
            (d - START).days
            for d in watch["listed_at"].to_numpy()[w].astype("datetime64[D]").astype(object)
        ]
    )
    day = np.maximum(plan["day"].to_numpy(), np.clip(listed, 0, DAYS - 20) + rng.integers(1, 20, n))
    names = watch["name"].to_numpy()[w].astype(str)
    names = np.where(rng.random(n) < 0.3, np.char.upper(names), names)
    as_user = rng.random(n) < 0.5  # the restricted party as end user behind an ordinary consignee
    return label(
        plan.with_columns(
            pl.Series("day", np.minimum(day, DAYS - 1)),
            text_series("cons_name", np.where(as_user, NULL, names)),
            text_series("end_user", names),
            pl.Series(
                "country",
                np.where(as_user, plan["country"].to_numpy(), watch["country"].to_numpy()[w]),
            ),
            pl.Series("needs_licence", rng.random(n) < 0.5),
        ),
        "listed_end_user",
    )


def military_end_use(ctx: Context, n: int) -> pl.DataFrame:
    rng = ctx.rng
    plan = base(ctx, n)
    us_ban = (dt.date(2024, 12, 3) - START).days
    jp_ban = (dt.date(2026, 1, 6) - START).days
    jp = rng.random(n) < 0.3
    day = np.maximum(plan["day"].to_numpy(), np.where(jp, jp_ban, us_ban) + rng.integers(0, 60, n))
    users = np.array(
        [
            f"{s} {t} {vocab_suffix('JP' if j else 'US')}"
            for s, t, j in zip(
                rng.choice(["Liberty", "Patriot", "Fuji", "Kanto", "Sentinel"], n),
                rng.choice(["Defense Electronics", "Ordnance", "Aerospace Systems"], n),
                jp,
                strict=True,
            )
        ]
    )
    return label(
        plan.with_columns(
            pl.Series("day", np.minimum(day, DAYS - 1)),
            pl.Series("country", np.where(jp, "JP", "US")),
            pl.Series("cons", plan["cons"]),
            text_series("cons_name", users),
            text_series("end_user", users),
            text_series("end_use", rng.choice(vocab.MILITARY_USES, n)),
            pl.lit(True).alias("needs_licence"),
        ),
        "military_end_use",
    )


def blank_end_user(ctx: Context, n: int) -> pl.DataFrame:
    plan = base(ctx, n).with_columns(
        pl.lit(True).alias("needs_licence"),
        pl.lit("").alias("end_user"),
        pl.lit("").alias("end_use"),
    )
    return label(plan, "blank_end_user")


def cover_of(rng: np.random.Generator, good: np.ndarray) -> np.ndarray:
    """An ordinary good each controlled good is passed off as."""
    return np.array([vocab.INDEX[str(rng.choice(vocab.GOODS[g].covers))] for g in good])


def leak_words(rng: np.random.Generator, cover: np.ndarray, true: np.ndarray) -> np.ndarray:
    """Descriptions that name the cover and let the real material slip beside it."""
    cov = np.array([str(rng.choice(vocab.GOODS[c].names[:3])) for c in cover])
    real = np.array([str(rng.choice(vocab.GOODS[t].names[1:])) for t in true])
    how = rng.integers(0, 3, cover.size)
    return np.where(
        how == 0,
        np.char.add(np.char.add(cov, " "), real),
        np.where(how == 1, np.char.add(np.char.add(cov, "("), np.char.add(real, ")")), real),
    )


def swapped(ctx: Context, plan: pl.DataFrame, leak: float, cheap: float) -> pl.DataFrame:
    """Declare each line under a cover code; value at the cover's level for a share."""
    rng = ctx.rng
    true = plan["true_good"].to_numpy()
    cover = cover_of(rng, true)
    price = GOODS["cny_per_kg"].to_numpy()
    ratio = price[cover] / price[true]
    factor = np.where(
        rng.random(true.size) < cheap,
        ratio * rng.uniform(0.9, 1.4, true.size),
        rng.uniform(0.25, 0.7, true.size),
    )
    desc = np.where(rng.random(true.size) < leak, leak_words(rng, cover, true), NULL)
    return plan.with_columns(
        pl.Series("good", cover),
        pl.Series("value_factor", np.minimum(factor, 1.0)),
        text_series("desc", desc),
        text_series("end_user", np.full(true.size, None)),
        text_series("end_use", np.full(true.size, None)),
    )


def code_swap(ctx: Context, n: int) -> pl.DataFrame:
    return label(swapped(ctx, base(ctx, n), leak=0.33, cheap=0.6), "code_swap")


def lowball_value(ctx: Context, n: int) -> pl.DataFrame:
    plan = base(ctx, n).with_columns(
        pl.Series("value_factor", ctx.rng.uniform(0.2, 0.5, n)), pl.lit(True).alias("needs_licence")
    )
    return label(plan, "lowball_value")


def short_weight(ctx: Context, n: int) -> pl.DataFrame:
    rng = ctx.rng
    plan = base(ctx, n)
    share = rng.uniform(0.3, 0.6, n)
    kg = plan["true_kg"].to_numpy() * share
    gross_kept = rng.random(n) < 0.7
    return label(
        plan.with_columns(
            pl.Series("kg", kg),
            pl.Series("value_factor", share * rng.uniform(0.9, 1.1, n)),
            pl.Series("hidden_kg", np.where(gross_kept, plan["true_kg"].to_numpy() - kg, 0.0)),
            pl.lit(True).alias("needs_licence"),
        ),
        "short_weight",
    )


def sample_parcels(ctx: Context, n: int) -> pl.DataFrame:
    """Dense controlled material as "samples" in parcels and hand luggage."""
    rng, acts = ctx.rng, ctx.acts
    ex = acts.exporters
    ecom = np.flatnonzero(ex["kind"].to_numpy() == "ecom")
    persons = np.flatnonzero(ex["kind"].to_numpy() == "person")
    who = np.where(rng.random(n) < 0.55, rng.choice(ecom, n), rng.choice(persons, n))
    true = rng.choice(DENSE, n)
    cday = np.array([control_days()[vocab.GOODS[g].item] for g in true])
    day = draw_days(rng, ctx.cdf, cday, np.full(n, DAYS - 1))
    countries = ("US", "JP", "KR", "DE", "HK", "SG", "TW", "GB")
    plan = pl.DataFrame(
        {
            "decl": np.arange(n),
            "line": np.ones(n, np.int64),
            "exporter": who,
            "day": day,
            "mode": rng.choice(
                ["express", "post", "passenger", "air"], n, p=[0.5, 0.25, 0.15, 0.1]
            ),
            "cons": np.full(n, -1),
            "country": rng.choice(countries, n),
            "b2c": np.ones(n, bool),
        }
    )
    plan = with_goods(rng, plan, true).with_columns(pl.Series("true_kg", rng.uniform(0.2, 3.0, n)))
    plan = plan.with_columns(pl.col("true_kg").alias("kg"), pl.lit(False).alias("needs_licence"))
    cover = np.where(
        rng.random(n) < 0.5,
        cover_of(rng, true),
        rng.choice([vocab.INDEX[k] for k in vocab.B2C_GOODS], n),
    )
    words = rng.choice(vocab.SAMPLE_WORDS, n)
    price = GOODS["cny_per_kg"].to_numpy()
    usd = rng.uniform(5, 60, n)
    factor = usd / (plan["true_kg"].to_numpy() * price[true] / vocab.CNY_PER_USD * RETAIL)
    return label(
        plan.with_columns(
            pl.Series("good", cover),
            pl.Series("value_factor", factor),
            text_series("desc", np.where(rng.random(n) < 0.5, words, NULL)),
        ),
        "sample_parcels",
    )


def split_parcels(ctx: Context, n: int) -> pl.DataFrame:
    """Rings of senders sharing a phone or address, many small lines to one buyer."""
    rng, acts = ctx.rng, ctx.acts
    rings = acts.exporters.filter(pl.col("ring") >= 0)
    frames = []
    made = 0
    ring_ids = rings["ring"].unique().to_numpy()
    for r in ring_ids:
        if made >= n:
            break
        members = rings.filter(pl.col("ring") == r)["idx"].to_numpy()
        k = int(min(n - made, int(rng.integers(15, 50))))
        good = int(rng.choice(CTRL))
        cday = control_days()[vocab.GOODS[good].item]
        first = int(rng.integers(cday, DAYS - 60))
        day = first + np.sort(rng.integers(0, 56, k))
        buyer = int(rng.integers(0, acts.consignees.height))
        plan = pl.DataFrame(
            {
                "decl": np.arange(k) + made,
                "line": np.ones(k, np.int64),
                "exporter": rng.choice(members, k),
                "day": day,
                "mode": rng.choice(["express", "post", "air"], k, p=[0.6, 0.25, 0.15]),
                "cons": np.full(k, buyer),
                "country": np.full(k, acts.consignees["country"][buyer]),
                "b2c": np.zeros(k, bool),
            }
        )
        plan = with_goods(rng, plan, np.full(k, good)).with_columns(
            pl.Series("true_kg", rng.uniform(1, 8, k))
        )
        plan = plan.with_columns(
            pl.col("true_kg").alias("kg"), pl.lit(False).alias("needs_licence")
        )
        frames.append(swapped(ctx, plan, leak=0.15, cheap=0.8))
        made += k
    return label(pl.concat(frames), "split_parcels")


def relay_route(ctx: Context, n: int) -> pl.DataFrame:
    """Ordinary codes to established buyers in two transit countries, mainly seen in mirror
    statistics (imports from China above China's exports; re-exports surging)."""
    rng, acts = ctx.rng, ctx.acts
    hubs = rng.choice(["KZ", "VN", "TH", "MY", "AE", "TR"], 2, replace=False)
    buyers = np.flatnonzero(np.isin(acts.consignees["country"].to_numpy(), hubs))
    goods = rng.choice(CTRL, 3, replace=False)
    plan = base(ctx, n, goods=rng.choice(goods, n), cons=rng.choice(buyers, n))
    return label(swapped(ctx, plan, leak=0.0, cheap=1.0), "relay_route")


def fresh_front(ctx: Context, n: int) -> pl.DataFrame:
    """New consignees in transit countries, tied to restricted parties, buying controlled goods."""
    rng, acts = ctx.rng, ctx.acts
    fronts = np.flatnonzero(acts.consignees["front_of"].to_numpy() >= 0)
    pick = rng.choice(fronts, n)
    plan = base(ctx, n, cons=pick)
    inc = acts.consignees["incorporated"].to_numpy()[pick].astype("datetime64[D]").astype(object)
    born = np.array([(d - START).days for d in inc])
    day = np.minimum(np.maximum(plan["day"].to_numpy(), born + rng.integers(20, 200, n)), DAYS - 1)
    plan = plan.with_columns(pl.Series("day", day))
    licensed = rng.random(n) < 0.5
    swapped_plan = swapped(ctx, plan, leak=0.2, cheap=0.7)
    out = pl.concat(
        [
            plan.filter(pl.Series(licensed)).with_columns(pl.lit(True).alias("needs_licence")),
            swapped_plan.filter(pl.Series(~licensed)),
        ],
        how="diagonal_relaxed",
    )
    return label(out, "fresh_front")


def omnivore_consignee(ctx: Context, n: int) -> pl.DataFrame:
    """A few buyers take unrelated controlled items from many exporters, all licensed."""
    rng, acts = ctx.rng, ctx.acts
    buyers = rng.choice(acts.consignees.height, 6, replace=False)
    pool = np.flatnonzero(acts.exporters["controlled"].to_numpy())
    plan = base(ctx, n, pool=pool, cons=rng.choice(buyers, n))
    return label(plan.with_columns(pl.lit(True).alias("needs_licence")), "omnivore_consignee")


def borrowed_permit(ctx: Context, n: int) -> pl.DataFrame:
    """Lines that will cite a licence of another exporter (filled in once licences exist)."""
    return label(base(ctx, n).with_columns(pl.lit("BORROW").alias("licence")), "borrowed_permit")


LINE_SCHEMES = {
    "no_permit": no_permit,
    "phantom_permit": phantom_permit,
    "stale_permit": stale_permit,
    "borrowed_permit": borrowed_permit,
    "permit_mismatch": permit_mismatch,
    "overdrawn_permit": overdrawn_permit,
    "listed_end_user": listed_end_user,
    "military_end_use": military_end_use,
    "blank_end_user": blank_end_user,
    "code_swap": code_swap,
    "lowball_value": lowball_value,
    "short_weight": short_weight,
    "sample_parcels": sample_parcels,
    "split_parcels": split_parcels,
    "relay_route": relay_route,
    "fresh_front": fresh_front,
    "omnivore_consignee": omnivore_consignee,
}


def bury(ctx: Context, honest: pl.DataFrame, n: int) -> pl.DataFrame:
    """Hide controlled mass in ordinary container lines: a gross weight surplus, and for
    some lines a good the exporter does not usually trade."""
    rng = ctx.rng
    ordinary = ~pl.col("good").is_in(CTRL.tolist())
    box = (
        pl.col("mode").is_in(["sea", "road", "rail"])
        & ~pl.col("b2c")
        & ordinary
        & (pl.col("scheme") == "")
    )
    rows = honest.with_row_index("_row").filter(box)
    chosen = rng.choice(rows["_row"].to_numpy(), min(n, rows.height), replace=False)
    k = chosen.size
    hidden = honest["kg"].to_numpy()[chosen] * rng.uniform(0.05, 0.25, k)
    odd = rng.random(k) < 0.4
    odd_good = rng.choice([vocab.INDEX[g.key] for g in vocab.ORDINARY if g.unit != "pcs"], k)
    good = np.where(odd, odd_good, honest["good"].to_numpy()[chosen])
    mark = np.zeros(honest.height, bool)
    mark[chosen] = True
    new_good = honest["good"].to_numpy().copy()
    new_good[chosen] = good
    new_hidden = np.zeros(honest.height)
    new_hidden[chosen] = hidden
    hidden_good = np.full(honest.height, -1)
    hidden_good[chosen] = rng.choice(DENSE, k)
    return honest.with_columns(
        pl.Series("good", new_good),
        pl.Series("true_good", new_good),
        pl.Series("hidden_kg", new_hidden),
        pl.Series("hidden_good", hidden_good),
        pl.when(pl.Series(mark))
        .then(pl.lit("buried_in_container"))
        .otherwise(pl.col("scheme"))
        .alias("scheme"),
    )


def ring_members(rng: np.random.Generator, n_rings: int) -> list[dict[str, object]]:
    """Sender rings: individuals and shell firms sharing one phone or one address."""
    out = []
    for r in range(n_rings):
        shared_phone = phone(rng, "CN")
        shared_addr = address(rng, "CN")
        by_phone = rng.random() < 0.5
        for _ in range(int(rng.integers(4, 9))):
            out.append(
                {
                    "ring": r,
                    "phone": shared_phone if by_phone else phone(rng, "CN"),
                    "address": shared_addr if not by_phone else address(rng, "CN"),
                }
            )
    return out


def front_rows(
    rng: np.random.Generator, watch: pl.DataFrame, n: int, first_idx: int
) -> list[dict[str, object]]:
    """New consignees in transit countries, each tied to a restricted party."""
    out = []
    for i in range(n):
        w = int(rng.integers(0, watch.height))
        c = str(rng.choice(["KZ", "KG", "AE", "TR", "VN", "MY", "HK", "TH"]))
        born = START + dt.timedelta(days=int(rng.integers(500, DAYS - 250)))
        link = str(rng.choice(["director", "address", "phone"]))
        out.append(
            {
                "idx": first_idx + i,
                "name": f"{rng.choice(['New', 'Prime', 'Silk', 'Trans', 'Euro'])} "
                f"{rng.choice(['Bridge', 'Way', 'Link', 'Road', 'Gate'])} "
                f"{rng.choice(['Trading', 'Resources', 'Commodities'])} {vocab_suffix(c)}",
                "country": c,
                "address": watch["address"][w] if link == "address" else address(rng, c),
                "phone": watch["phone"][w] if link == "phone" else phone(rng, c),
                "incorporated": born,
                "front_of": w,
                "link": link,
            }
        )
    return out


def people(rng: np.random.Generator, n: int) -> list[str]:
    return [person_name(rng) for _ in range(n)]
