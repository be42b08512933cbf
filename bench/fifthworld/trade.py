"""Honest trade in bulk: declaration headers, then their goods lines, all vectorised.

Line counts depend on who files: a manufacturer's declaration has one to three lines, a
trading company's a dozen or so, a freight forwarder's consolidated cargo 10 to 80 mixed
lines. Values follow each goods' price level with its drift, in the invoice currency the
buyer's country favours, at that day's rate. Controlled goods after their control starts
carry a licence (assigned later in :mod:`fifthworld.licensing`) and a declared end user.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from fifthworld import idents
from fifthworld.calendar import CURRENCIES, DAYS, START, Calendar, day_index, drift, export_premium
from fifthworld.goods import PACKING, Goods
from fifthworld.parties import CONTROLLED_BUYERS, COUNTRIES, MODE_PORTS, OFFICES, Registry

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

#: Mean lines per declaration by kind is set by these draws (see :func:`line_counts`).
MODE_MIX = {
    "maker": (
        ("sea", "air", "road", "rail", "express", "post", "passenger"),
        (0.8, 0.065, 0.05, 0.05, 0.025, 0.007, 0.003),
    ),
    "trader": (("sea", "air", "road", "rail", "express"), (0.82, 0.05, 0.06, 0.06, 0.01)),
    "forwarder": (("sea", "rail", "road", "air"), (0.85, 0.08, 0.04, 0.03)),
    "specialist": (("sea", "air", "express", "road", "rail"), (0.55, 0.3, 0.1, 0.03, 0.02)),
}
#: Line size by mode relative to a sea line (air freight and parcels carry far less).
MODE_SCALE = {
    "sea": 1.0,
    "rail": 1.0,
    "road": 0.7,
    "air": 0.06,
    "express": 0.01,
    "post": 0.004,
    "passenger": 0.003,
}
#: Share of honest lines each kind files.
LINE_SHARES = {"maker": 0.34, "trader": 0.33, "forwarder": 0.28, "specialist": 0.05}
USES = (
    "半导体材料",
    "光伏电池",
    "合金添加剂",
    "磁性材料",
    "阻燃剂",
    "光学镀膜",
    "催化剂",
    "硬质合金",
)
ANTIMONY_GALLIUM_US_BAN = (
    day_index(__import__("datetime").date(2024, 12, 3)),
    day_index(__import__("datetime").date(2025, 11, 9)),
)


def goods_table(goods: Goods) -> pl.DataFrame:
    """Ordinary and controlled goods in one table (controlled ones flagged, with their control)."""
    o = goods.ordinary.with_columns(
        pl.lit(False).alias("controlled"),
        pl.lit(None, pl.String).alias("control_id"),
        pl.lit(None, pl.String).alias("element"),
        pl.lit(None, pl.String).alias("material"),
        pl.lit(None, pl.String).alias("family"),
        pl.lit("").alias("grade"),
        pl.lit(-10_000).alias("effective_day"),
        pl.lit(0.05).alias("drift"),
        pl.lit(1.0).alias("jump"),
    )
    c = goods.controlled.select(
        "hs_code",
        "name_zh",
        "name_en",
        pl.lit("kg").alias("unit"),
        pl.col("usd_per_kg").alias("usd_per_unit"),
        pl.lit(1.0).alias("kg_per_unit"),
        pl.col("typical_kg").cast(pl.Float64).alias("typical_units"),
        pl.when(pl.col("family") == "carbon")
        .then(pl.lit("bulk_bag"))
        .otherwise(pl.lit("drum"))
        .alias("packing"),
        pl.lit(0.0).alias("share"),
        pl.lit(True).alias("controlled"),
        "control_id",
        "element",
        "material",
        "family",
        "grade",
        pl.col("effective_from")
        .map_elements(day_index, return_dtype=pl.Int64)
        .alias("effective_day"),
        pl.lit(0.08).alias("drift"),
        pl.lit(2.2).alias("jump"),
    )
    o = o.with_columns(
        pl.col("typical_units").cast(pl.Float64),
        pl.col("share").cast(pl.Float64),
        pl.col("effective_day").cast(pl.Int64),
    )
    return pl.concat([o.select(c.columns), c]).with_row_index("g")


def portfolios(rng: np.random.Generator, reg: Registry, table: pl.DataFrame) -> np.ndarray:
    """Per exporter, 20 goods indexes to draw lines from (repeats weight the favourites)."""
    ordinary = table.filter(~pl.col("controlled"))
    share = ordinary["share"].to_numpy()
    share = share / share.sum()
    ctrl = table.filter(pl.col("controlled"))
    elements = ctrl["element"].unique(maintain_order=True).to_list()
    kinds = reg.exporters["kind"].to_numpy()
    out = np.empty((kinds.shape[0], 20), dtype=np.int64)
    size = {"maker": (1, 4), "trader": (6, 18), "forwarder": (20, 21)}
    for i, kind in enumerate(kinds):
        if kind == "specialist":
            el = elements[rng.integers(len(elements))]
            pool = ctrl.filter(pl.col("element") == el)["g"].to_numpy()
        else:
            lo, hi = size[kind]
            pool = rng.choice(
                ordinary["g"].to_numpy(),
                int(rng.integers(lo, hi)),
                p=share,
                replace=kind == "forwarder",
            )
        out[i] = rng.choice(pool, 20)
    return out


def line_counts(rng: np.random.Generator, kind: np.ndarray) -> np.ndarray:
    """Lines per declaration by the filer's kind."""
    n = kind.shape[0]
    maker = rng.choice([1, 2, 3], n, p=[0.62, 0.27, 0.11])
    trader = np.clip(np.round(rng.lognormal(np.log(9), 0.7, n)), 2, 60)
    fwd = np.clip(np.round(rng.lognormal(np.log(28), 0.55, n)), 10, 80)
    spec = rng.choice([1, 2, 3], n, p=[0.7, 0.22, 0.08])
    return np.select(
        [kind == "maker", kind == "trader", kind == "forwarder"], [maker, trader, fwd], spec
    ).astype(np.int64)


def _pick_by_weight(rng: np.random.Generator, idx: np.ndarray, w: np.ndarray, n: int) -> np.ndarray:
    return rng.choice(idx, n, p=w / w.sum())


def customers(
    rng: np.random.Generator, reg: Registry, table: pl.DataFrame, port: np.ndarray
) -> np.ndarray:
    """Per exporter, 12 regular consignee indexes (specialists' buyers in controlled markets)."""
    cons = reg.consignees
    country = cons["country"].to_numpy()
    all_idx = cons["cn"].to_numpy()
    buyers = all_idx[np.isin(country, CONTROLLED_BUYERS)]
    kinds = reg.exporters["kind"].to_numpy()
    out = np.empty((kinds.shape[0], 12), dtype=np.int64)
    for i, kind in enumerate(kinds):
        pool = buyers if kind == "specialist" else all_idx
        regular = rng.choice(pool, int(rng.integers(2, 13)))
        out[i] = rng.choice(regular, 12)
    del table, port
    return out


def headers(
    rng: np.random.Generator, reg: Registry, cal: Calendar, n_lines: int, customer: np.ndarray
) -> pl.DataFrame:
    """Honest declaration headers carrying about ``n_lines`` lines in all."""
    ex = reg.exporters
    frames = []
    for kind, share in LINE_SHARES.items():
        sub = ex.filter(pl.col("kind") == kind)
        mean_lines = float(line_counts(rng, np.full(4000, kind)).mean())
        n = max(1, round(n_lines * share / mean_lines))
        who = _pick_by_weight(rng, sub["ex"].to_numpy(), sub["activity"].to_numpy(), n)
        modes, p = MODE_MIX[kind]
        frames.append(
            pl.DataFrame({"ex": who, "mode": rng.choice(modes, n, p=p), "kind": np.full(n, kind)})
        )
    h = pl.concat(frames)
    exa = ex.sort("ex")
    who = h["ex"].to_numpy()
    lo = exa["first_day"].to_numpy()[who]
    hi = exa["last_day"].to_numpy()[who]
    day = cal.draw_days(rng, lo, hi)
    cons = customer[who, rng.integers(0, 12, who.shape[0])]
    return h.with_columns(
        pl.Series("day", day),
        pl.Series("cn", cons),
        pl.Series("n_lines", line_counts(rng, h["kind"].to_numpy())),
    )


def fill_headers(
    rng: np.random.Generator, reg: Registry, cal: Calendar, h: pl.DataFrame
) -> pl.DataFrame:
    """Port, ids, names, currency and transport documents for headers with ex, mode, day, cn."""
    exa = reg.exporters.sort("ex")
    cons = reg.consignees.sort("cn")
    who, mode, day = h["ex"].to_numpy(), h["mode"].to_numpy(), h["day"].to_numpy()
    n = who.shape[0]
    port = exa["home_port"].to_numpy()[who].astype(object)
    for m, ports in MODE_PORTS.items():
        sel = mode == m
        port[sel] = rng.choice(ports, int(sel.sum()))
    ccountry = cons["country"].to_numpy()[h["cn"].to_numpy()]
    dest = ccountry.copy().astype(object)
    hub = np.isin(ccountry, ("HK", "SG", "AE")) & (rng.random(n) < 0.3)
    dest[hub] = rng.choice(COUNTRIES, int(hub.sum()))
    cur = np.where(rng.random(n) < 0.8, "USD", np.where(rng.random(n) < 0.6, "CNY", "EUR"))
    u = rng.random(n)
    cur = np.where((ccountry == "JP") & (u < 0.5), "JPY", cur)
    cur = np.where(np.isin(ccountry, ("DE", "NL")) & (u < 0.6), "EUR", cur)
    cur = np.where((ccountry == "HK") & (u < 0.4), "HKD", cur)
    broker = exa["broker"].to_numpy()[who]
    brokers = reg.brokers.sort("br")["broker_id"].to_numpy()
    declarant = np.where(broker >= 0, brokers[np.maximum(broker, 0)], NULL)
    english = rng.random(n) < 0.15
    ex_name = np.where(english, exa["name_en"].to_numpy()[who], exa["name_zh"].to_numpy()[who])
    year = (np.datetime64(START.isoformat()) + day.astype("timedelta64[D]")).astype(
        "datetime64[Y]"
    ).astype(int) + 1970
    office = np.array([OFFICES[p] for p in port])
    seq = rng.choice(10**9, n, replace=False)
    minute = rng.integers(8 * 60, 22 * 60, n)
    stamp = (
        np.datetime64(START.isoformat(), "m")
        + day.astype("timedelta64[D]")
        + minute.astype("timedelta64[m]")
    )
    return h.with_columns(
        pl.Series("port", port.astype(str)),
        pl.Series("declaration_id", idents.declaration_numbers(office, year, seq)),
        pl.Series("declared_at", np.datetime_as_string(stamp, unit="s")),
        pl.Series("exporter_id", exa["exporter_id"].to_numpy()[who]),
        pl.Series("exporter_name", ex_name),
        pl.Series("declarant_id", declarant.tolist(), dtype=pl.String),
        pl.Series("consignee_name", cons["name"].to_numpy()[h["cn"].to_numpy()]),
        pl.Series("consignee_address", cons["address"].to_numpy()[h["cn"].to_numpy()]),
        pl.Series("consignee_country", ccountry),
        pl.Series("destination_country", dest.astype(str)),
        pl.Series("trade_country", ccountry),
        pl.Series("currency", cur),
        pl.Series("origin_region", exa["region"].to_numpy()[who]),
    ).with_columns(transport(rng, mode, h["kind"].to_numpy()))


def transport(rng: np.random.Generator, mode: np.ndarray, kind: np.ndarray) -> list[pl.Series]:
    """Transport document and containers by mode (consolidated cargo fills more boxes)."""
    n = mode.shape[0]
    doc = np.empty(n, dtype=object)
    carriers = ("COSU", "OOLU", "MEDU", "CMDU", "EGLV", "ONEY")
    sea = np.flatnonzero(mode == "sea")
    doc[sea] = [
        f"{carriers[c]}{s:010d}"
        for c, s in zip(
            rng.integers(0, 6, sea.shape[0]), rng.integers(0, 10**10, sea.shape[0]), strict=True
        )
    ]
    for m, fn in (("air", idents.air_waybills), ("passenger", None)):
        sel = np.flatnonzero(mode == m)
        if fn is not None:
            doc[sel] = fn(rng, sel.shape[0])
    for m in ("express", "post"):
        sel = np.flatnonzero(mode == m)
        doc[sel] = idents.parcel_numbers(rng, sel.shape[0], m)
    for m, head in (("road", "CMR"), ("rail", "SMGS")):
        sel = np.flatnonzero(mode == m)
        doc[sel] = [f"{head}{s:08d}" for s in rng.integers(0, 10**8, sel.shape[0])]
    boxes = np.where(kind == "forwarder", rng.integers(2, 7, n), rng.integers(1, 3, n))
    boxes = np.where(np.isin(mode, ("sea", "rail")), boxes, 0)
    pool = idents.containers(rng, int(boxes.sum()))
    cuts = np.cumsum(boxes)[:-1]
    parts = np.split(np.array(pool, dtype=object), cuts)
    cont = [";".join(p) if len(p) else None for p in parts]
    return [
        pl.Series("transport_doc", doc.tolist(), dtype=pl.String),
        pl.Series("container_ids", cont, dtype=pl.String),
    ]


def lines(
    rng: np.random.Generator,
    h: pl.DataFrame,
    table: pl.DataFrame,
    cal: Calendar,
    portfolio: np.ndarray,
) -> pl.DataFrame:
    """Goods lines of headers (honest values, weights and descriptions)."""
    reps = h["n_lines"].to_numpy()
    hi = np.repeat(np.arange(h.height), reps)
    starts = np.repeat(np.cumsum(reps) - reps, reps)
    line_no = np.arange(hi.shape[0]) - starts + 1
    who = h["ex"].to_numpy()[hi]
    g = portfolio[who, rng.integers(0, 20, hi.shape[0])]
    base = h.select("declaration_id", "day", "currency", "consignee_name", "mode")[hi]
    return base.with_columns(
        pl.Series("line_no", line_no.astype(np.int64)), pl.Series("g", g)
    ).pipe(price_lines, rng, table, cal)


def price_lines(
    frame: pl.DataFrame, rng: np.random.Generator, table: pl.DataFrame, cal: Calendar
) -> pl.DataFrame:
    """Quantity, weights, value, code and words of each line from its goods index ``g``."""
    t = table.sort("g")
    g = frame["g"].to_numpy()
    day = frame["day"].to_numpy()
    n = g.shape[0]
    sel = t[g]
    col = {c: sel[c].to_numpy() for c in t.columns if c != "control_id"}
    scale = (
        frame["mode"].replace_strict(MODE_SCALE, return_dtype=pl.Float64).to_numpy()
        if "mode" in frame.columns
        else np.ones(n)
    )
    qty = col["typical_units"] * scale * rng.lognormal(0.0, 0.75, n)
    qty = np.where(
        np.isin(col["unit"], ("kg", "m2")), np.round(qty, 1), np.maximum(1, np.round(qty))
    )
    net = np.round(qty * col["kg_per_unit"] * rng.uniform(0.96, 1.04, n), 2)
    lo = np.array([PACKING[p][0] for p in col["packing"]])
    hi = np.array([PACKING[p][1] for p in col["packing"]])
    gross = np.round(net * rng.uniform(lo, hi), 2)
    usd = (
        qty
        * col["usd_per_unit"]
        * drift(day, col["drift"])
        * export_premium(day, col["effective_day"], col["jump"])
        * rng.lognormal(0, 0.18, n)
    )
    value = usd * fx_of(cal, frame["currency"].to_numpy(), day)
    u = rng.random(n)
    desc = np.where(
        u < 0.75,
        col["name_zh"],
        np.where(u < 0.9, col["name_en"], col["name_zh"] + "/" + col["name_en"]),
    )
    spec = np.where(
        col["controlled"],
        "0|3|" + col["name_zh"] + "|纯度" + col["grade"] + "|无品牌",
        "0|3|" + col["name_zh"] + "|无品牌|型号" + rng.integers(100, 999, n).astype(str),
    )
    return frame.with_columns(
        pl.Series("hs_code", col["hs_code"]),
        pl.Series("description", desc),
        pl.Series("specification", spec),
        pl.Series("quantity", qty),
        pl.Series("unit", col["unit"]),
        pl.Series("net_weight_kg", net),
        pl.Series("gross_weight_kg", gross),
        pl.Series("value", np.round(value, 2)),
        pl.Series("controlled", col["controlled"]),
        sel["control_id"],
        pl.Series("effective_day", col["effective_day"]),
    )


def fx_of(cal: Calendar, currency: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Units of ``currency`` per USD on ``day`` (vectorised over lines)."""
    out = np.ones(currency.shape[0])
    for code in CURRENCIES:
        sel = currency == code
        out[sel] = cal.fx[code][np.clip(day[sel], 0, DAYS - 1)]
    return out


def end_users(rng: np.random.Generator, lines: pl.DataFrame) -> pl.DataFrame:
    """Honest controlled lines under control name their consignee as end user and a use."""
    need = pl.col("controlled") & (pl.col("day") >= pl.col("effective_day"))
    uses = pl.Series("use", rng.choice(USES, lines.height))
    return lines.with_columns(
        pl.when(need).then(pl.col("consignee_name")).otherwise(None).alias("end_user_name"),
        pl.when(need).then(uses).otherwise(None).alias("end_use"),
    )


def avoid_bans(
    h: pl.DataFrame, reg: Registry, table: pl.DataFrame, portfolio: np.ndarray
) -> pl.DataFrame:
    """Honest specialists of gallium, germanium or antimony do not ship to the US while the
    2024 No.46 art.2 denial is in force: such declarations go to a Korean buyer instead."""
    banned = table.filter(pl.col("element").is_in(["gallium", "germanium", "antimony"]))["g"]
    first_goods = portfolio[h["ex"].to_numpy(), 0]
    cons = reg.consignees
    us = cons["country"].to_numpy()[h["cn"].to_numpy()] == "US"
    day = h["day"].to_numpy()
    hit = (
        np.isin(first_goods, banned.to_numpy())
        & us
        & (day >= ANTIMONY_GALLIUM_US_BAN[0])
        & (day < ANTIMONY_GALLIUM_US_BAN[1])
    )
    kr = cons.filter(pl.col("country") == "KR")["cn"].to_numpy()
    cn = h["cn"].to_numpy().copy()
    cn[hit] = kr[np.arange(int(hit.sum())) % kr.shape[0]]
    return h.with_columns(pl.Series("cn", cn))
