"""Exporters: who they are, what they ship, to whom, from when.

Three kinds of exporter: general merchandise houses (the bulk of lines, no controlled
goods), metals traders (twins, base metals and some controlled goods) and producers of
one controlled element (its controlled forms and its uncontrolled grade). Sizes are
heavy-tailed; a fifth of the exporters start exporting during the period, so histories
differ in length. A few are rogue (they carry most of the fraud) and some ordinary
traders commit fraud once in a while.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from seventhworld.goods import WORLD_END, WORLD_START, goods_frame
from seventhworld.names import CITY_CODE, exporter_names, uscc

FOCUS = 6  # goods per exporter
CUSTOMERS = 8  # consignees per exporter


def _focus(rng: np.random.Generator, kind: np.ndarray, goods: pl.DataFrame) -> np.ndarray:
    """Each exporter's goods (indices into the catalogue), by kind."""
    controlled = goods.filter(pl.col("controlled"))
    ordinary = goods.filter(~pl.col("controlled") & (pl.col("twin_of") == ""))
    twins = goods.filter(pl.col("twin_of") != "")
    metals = ordinary.filter(
        pl.col("key").is_in(
            ["zinc", "simetal", "mg", "inmetal", "ceo2", "fesi", "cfluor", "cufoil"]
        )
    )
    n = len(kind)
    out = np.empty((n, FOCUS), dtype=np.int64)
    ord_g, ord_w = ordinary["g"].to_numpy(), ordinary["share"].to_numpy()
    out[:] = rng.choice(ord_g, (n, FOCUS), p=ord_w / ord_w.sum())
    trader = kind == "metals"
    pool = np.concatenate(
        [twins["g"].to_numpy(), metals["g"].to_numpy(), controlled["g"].to_numpy()]
    )
    out[trader] = rng.choice(pool, (int(trader.sum()), FOCUS))
    producer = np.flatnonzero(kind == "producer")
    elements = controlled["element"].unique().sort().to_numpy()
    chosen = elements[rng.integers(0, len(elements), len(producer))]
    by_element = {e: controlled.filter(pl.col("element") == e)["g"].to_numpy() for e in elements}
    twin_of = {row["twin_of"]: row["g"] for row in twins.iter_rows(named=True)}
    key_of = dict(zip(goods["g"].to_list(), goods["key"].to_list(), strict=True))
    for i, e in zip(producer, chosen, strict=True):  # per exporter, not per line
        own = by_element[e]
        twin = [twin_of[key_of[g]] for g in own if key_of[g] in twin_of]
        out[i] = rng.choice(np.concatenate([own, own, twin]) if twin else own, FOCUS)
    return out


def exporters(rng: np.random.Generator, n: int, n_cons: int, rogue_share: float) -> pl.DataFrame:
    """``n`` exporters with ids, names, kind, size, first export date, goods and customers."""
    goods = goods_frame()
    kind = rng.choice(np.array(["general", "metals", "producer"]), n, p=[0.86, 0.08, 0.06])
    names = exporter_names(rng, n)
    region = CITY_CODE[names["city"]]
    ids = uscc(rng, n, region)
    size = (rng.pareto(1.3, n) + 0.2) * np.where(kind == "general", 1.0, 0.6)
    span = (WORLD_END - WORLD_START).days
    start_day = np.where(
        rng.random(n) < 0.2, rng.integers(0, span - 60, n), -rng.integers(30, 4000, n)
    )
    start = [WORLD_START + dt.timedelta(days=int(d)) for d in start_day]
    rogue = rng.random(n) < rogue_share
    brokers = uscc(rng, 25, np.repeat(CITY_CODE[:5], 5))
    return pl.DataFrame(
        {
            "exp": np.arange(n),
            "exporter_id": ids,
            "zh": names["zh"],
            "en": names["en"],
            "alt": names["alt"],
            "region": region,
            "kind": kind,
            "size": size,
            "first_export": start,
            "rogue": rogue,
            "focus": _focus(rng, kind, goods),
            "customers": rng.integers(0, n_cons, (n, CUSTOMERS)),
            "n_focus": rng.integers(1, FOCUS + 1, n),
            "n_customers": rng.integers(1, CUSTOMERS + 1, n),
            "declarant_id": brokers[rng.integers(0, len(brokers), n)],
            "style": rng.choice(np.array(["zh", "en", "both"]), n, p=[0.6, 0.15, 0.25]),
        }
    )
