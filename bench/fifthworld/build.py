"""A world, week by week: honest trade, the rings' shipments, and customs' checks.

Honest trade is drawn in bulk up front. The rings and the inspection policy then run week
by week, because each feeds the other: a find puts an exporter, broker and consignee on
customs' radar, and makes its ring change scheme or reappear under new names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from fifthworld import trade
from fifthworld.calendar import DAYS, Calendar, build_calendar
from fifthworld.goods import COVERS, PACKING, load_goods
from fifthworld.inspections import Policy, inspect_week
from fifthworld.licensing import honest_licences
from fifthworld.parties import Registry, build_registry
from fifthworld.rings import LINES_PER_SHIPMENT, Ring, make_rings, on_caught
from fifthworld.schemes import World, shipment
from fifthworld.watch import build_watchlist


@dataclass
class Config:
    """Knobs of a world (see :func:`fifthworld.generate`)."""

    lines: int = 100_000
    seed: int = 1
    fraud_share: float = 0.015
    inspection_rate: float = 1.0
    confirm_scale: float = 1.0
    random_share: float = 0.002
    adapt_after: int = 2
    phoenix_after: int = 3
    rings: int | None = None


@dataclass
class Built:
    """Everything a world writes."""

    headers: pl.DataFrame
    lines: pl.DataFrame
    licences: pl.DataFrame
    inspections: pl.DataFrame
    registry: Registry
    watch: list[dict[str, Any]]
    goods: pl.DataFrame
    calendar: Calendar
    rings: list[Ring] = field(default_factory=list)


def goods_with_covers() -> tuple[pl.DataFrame, frozenset[str]]:
    """The goods table plus the covers (never drawn by honest exporters: share 0)."""
    goods = load_goods()
    table = trade.goods_table(goods).drop("g")
    rows = [
        (
            hs,
            zh,
            en,
            "kg",
            usd,
            1.0,
            1000.0,
            "bag",
            0.0,
            False,
            None,
            None,
            None,
            None,
            "",
            -10_000,
            0.05,
            1.0,
        )
        for fam in COVERS.values()
        for hs, zh, en, usd in fam
    ]
    covers = pl.DataFrame(rows, schema=table.schema, orient="row")
    return pl.concat([table, covers]).with_row_index("g"), goods.controlled_codes


def features(
    h: pl.DataFrame, lines: pl.DataFrame, reg: Registry, codes: frozenset[str]
) -> pl.DataFrame:
    """What the policy's rules read of each declaration."""
    per = lines.group_by("declaration_id").agg(
        pl.col("hs_code").is_in(list(codes)).any().alias("ctrl_code"),
        pl.col("hs_code").str.slice(0, 2).is_in(["28", "81", "38"]).any().alias("chem_code"),
    )
    inc = reg.exporters.select("exporter_id", "incorporated_day").unique(
        "exporter_id", keep="first", maintain_order=True
    )
    return (
        h.join(per, on="declaration_id", how="left")
        .join(inc, on="exporter_id", how="left")
        .with_columns(
            pl.col("ctrl_code").fill_null(False),
            pl.col("chem_code").fill_null(False),
            ((pl.col("day") - pl.col("incorporated_day")) < 180).fill_null(False).alias("young"),
        )
        .sort("declaration_id")
    )


def finish_lines(
    rng: np.random.Generator, skel: pl.DataFrame, goods: pl.DataFrame, cal: Calendar
) -> pl.DataFrame:
    """Price skeleton lines and apply each scheme's overrides."""
    priced = trade.price_lines(skel, rng, goods, cal)
    g = goods.sort("g")
    kgu = g["kg_per_unit"].to_numpy()[priced["g"].to_numpy()]
    pack = np.array([np.mean(PACKING[p]) for p in g["packing"].to_numpy()[priced["g"].to_numpy()]])
    fx = trade.fx_of(cal, priced["currency"].to_numpy(), priced["day"].to_numpy())
    tg = priced["true_g"].fill_null(priced["g"]).to_numpy()
    return (
        priced.with_columns(
            pl.Series("_kgu", kgu),
            pl.Series("_pack", pack),
            pl.Series("_fx", fx),
            pl.Series("true_hs", g["hs_code"].to_numpy()[tg]),
            pl.Series("true_desc", g["name_zh"].to_numpy()[tg]),
        )
        .with_columns(
            pl.coalesce("qty", "quantity").alias("quantity_new"),
        )
        .with_columns(
            pl.when(pl.col("qty").is_not_null())
            .then(pl.col("value") * pl.col("qty") / pl.col("quantity"))
            .otherwise(pl.col("value"))
            .alias("value"),
            pl.when(pl.col("qty").is_not_null())
            .then((pl.col("qty") * pl.col("_kgu")).round(2))
            .otherwise(pl.col("net_weight_kg"))
            .alias("net_weight_kg"),
        )
        .with_columns(
            pl.when(pl.col("qty").is_not_null())
            .then((pl.col("net_weight_kg") * pl.col("_pack")).round(2))
            .otherwise(pl.col("gross_weight_kg"))
            .alias("gross_weight_kg"),
            (pl.col("value") * pl.col("value_mult").fill_null(1.0)).alias("value"),
        )
        .with_columns(
            (pl.col("gross_weight_kg") + pl.col("gross_add").fill_null(0.0))
            .round(2)
            .alias("gross_weight_kg"),
            pl.coalesce(pl.col("value_usd") * pl.col("_fx"), pl.col("value"))
            .round(2)
            .alias("value"),
            pl.col("quantity_new").alias("quantity"),
            pl.coalesce("desc", "description").alias("description"),
            pl.coalesce("spec", "specification").alias("specification"),
            pl.coalesce("true_qty", "qty", "net_weight_kg").alias("true_kg"),
        )
        .drop("quantity_new", "_kgu", "_pack", "_fx")
    )


def ring_week(
    w: World, rings: list[Ring], week: int, reg: Registry, cal: Calendar, next_key: int
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Headers and lines the rings ship in ``week``."""
    heads: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    for ring in rings:
        if week * 7 + 7 <= ring.start_day:
            continue
        n = w.rng.poisson(ring.rate / LINES_PER_SHIPMENT[ring.scheme])
        for _ in range(n):
            day = min(DAYS - 1, max(ring.start_day, week * 7 + int(w.rng.integers(0, 7))))
            head, lines = shipment(w, ring, day)
            head["key"] = next_key + len(heads)
            heads.append(head)
            rows.extend(line | {"key": head["key"]} for line in lines)
    if not heads:
        return pl.DataFrame(), pl.DataFrame()
    hf = pl.DataFrame(heads).with_columns(pl.lit("ring").alias("kind"))
    counts = pl.DataFrame(rows, infer_schema_length=None).group_by("key").len("n_lines")
    hf = trade.fill_headers(w.rng, reg, cal, hf.join(counts, on="key").sort("key"))
    brokers = reg.brokers.sort("br")["broker_id"].to_numpy()
    hf = hf.with_columns(
        pl.Series(
            "declarant_id",
            np.where(
                (hf["br"].to_numpy() >= 0) & (w.rng.random(hf.height) < 0.8),
                brokers[np.maximum(hf["br"].to_numpy(), 0)],
                hf["declarant_id"].to_numpy(),
            ).tolist(),
            dtype=pl.String,
        )
    )
    skel = pl.DataFrame(rows, infer_schema_length=None)
    for col, dtype in SKELETON.items():
        if col not in skel.columns:
            skel = skel.with_columns(pl.lit(None, dtype).alias(col))
        else:
            skel = skel.with_columns(pl.col(col).cast(dtype))
    skel = skel.join(
        hf.select("key", "declaration_id", "day", "currency", "consignee_name", "mode"), on="key"
    ).sort("key", "line_no")
    return hf, finish_lines(w.rng, skel, w.goods, cal)


SKELETON = {
    "qty": pl.Float64,
    "true_qty": pl.Float64,
    "value_mult": pl.Float64,
    "value_usd": pl.Float64,
    "gross_add": pl.Float64,
    "true_g": pl.Int64,
    "license_no": pl.String,
    "end_user": pl.String,
    "use": pl.String,
    "desc": pl.String,
    "spec": pl.String,
    "scheme": pl.String,
}


def honest(
    rng: np.random.Generator, cfg: Config, reg: Registry, goods: pl.DataFrame, cal: Calendar
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame, np.ndarray]:
    """Honest headers, lines (licensed where needed) and licences."""
    portfolio = trade.portfolios(rng, reg, goods)
    customer = trade.customers(rng, reg, goods, np.array([]))
    n = round(cfg.lines * (1 - cfg.fraud_share * 6))
    h = trade.headers(rng, reg, cal, n, customer)
    h = trade.avoid_bans(h, reg, goods, portfolio)
    h = (
        trade.fill_headers(rng, reg, cal, h)
        .with_row_index("key")
        .with_columns(pl.col("key").cast(pl.Int64), pl.lit(None, pl.Int64).alias("ring"))
    )
    lines = trade.end_users(rng, trade.lines(rng, h, goods, cal, portfolio))
    lic, lines = honest_licences(rng, lines, h)
    tg = lines["g"].to_numpy()
    lines = lines.with_columns(
        pl.lit(None, pl.String).alias("scheme"),
        pl.col("hs_code").alias("true_hs"),
        pl.col("description").alias("true_desc"),
        pl.col("net_weight_kg").alias("true_kg"),
    )
    del tg
    return h, lines, lic, portfolio


def ring_overrides(lines: pl.DataFrame) -> pl.DataFrame:
    """Licence, end user and use from the skeleton (blank means left out on purpose)."""
    need = pl.col("controlled") & (pl.col("day") >= pl.col("effective_day"))
    return lines.with_columns(
        pl.when(pl.col("end_user") == "")
        .then(None)
        .when(pl.col("end_user").is_not_null())
        .then(pl.col("end_user"))
        .when(need & pl.col("license_no").is_not_null())
        .then(pl.col("consignee_name"))
        .otherwise(None)
        .alias("end_user_name"),
        pl.when(pl.col("use").is_not_null())
        .then(pl.col("use"))
        .when(need & pl.col("license_no").is_not_null() & (pl.col("end_user") != ""))
        .then(pl.lit("合金生产"))
        .otherwise(None)
        .alias("end_use"),
    )


def simulate(cfg: Config) -> Built:
    """Run the world: honest bulk, then weeks of rings and checks."""
    rng = np.random.default_rng(cfg.seed)
    goods, codes = goods_with_covers()
    cal = build_calendar(rng)
    reg = build_registry(rng, cfg.lines)
    h, lines, lic, portfolio = honest(rng, cfg, reg, goods, cal)
    watch = build_watchlist(rng, reg)
    n_rings = cfg.rings or max(14, cfg.lines // 2500)
    rings = make_rings(rng, reg, goods, n_rings, cfg.fraud_share * cfg.lines, reg.brokers.height)
    w = World(goods, reg, watch, lic, portfolio, rng)
    policy = Policy(cfg.inspection_rate, cfg.confirm_scale, cfg.random_share)
    hw = h.with_columns((pl.col("day") // 7).alias("week"))
    head_parts, line_parts, records = [h.drop("cn")], [lines], []
    key = h.height
    honest_weeks = hw.partition_by("week", as_dict=True)
    line_weeks = lines.join(hw.select("declaration_id", "week"), on="declaration_id").partition_by(
        "week", as_dict=True
    )
    by_ring = {r.rid: r for r in rings}
    for week in range(DAYS // 7 + 1):
        rh, rl = ring_week(w, rings, week, reg, cal, key)
        wh = honest_weeks.get((week,), hw.clear())
        wl = line_weeks.get((week,), lines.clear())
        cols_h = [
            "declaration_id",
            "exporter_id",
            "declarant_id",
            "consignee_name",
            "mode",
            "destination_country",
            "day",
            "ring",
        ]
        cols_l = [
            "declaration_id",
            "line_no",
            "scheme",
            "hs_code",
            "description",
            "true_hs",
            "true_desc",
            "true_kg",
            "value",
        ]
        if rh.height:
            rl = ring_overrides(rl)
            key += rh.height
            head_parts.append(rh)
            line_parts.append(rl)
            wh_all = pl.concat([wh.select(cols_h), rh.select(cols_h)])
            wl_all = pl.concat([wl.select(cols_l), rl.select(cols_l)])
        else:
            wh_all, wl_all = wh.select(cols_h), wl.select(cols_l)
        feats = features(wh_all, wl_all, reg, codes)
        recs, found = inspect_week(rng, policy, feats, wl_all)
        records.extend(recs)
        if found.height:
            who = found.join(feats, on="declaration_id").sort("declaration_id", "line_no")
            policy.learn(who)
            for row in who.filter(pl.col("ring").is_not_null()).iter_rows(named=True):
                on_caught(
                    by_ring[row["ring"]],
                    reg,
                    rng,
                    int(row["day"]),
                    cfg.adapt_after,
                    cfg.phoenix_after,
                )
    return Built(
        pl.concat(head_parts, how="diagonal_relaxed"),
        pl.concat(line_parts, how="diagonal_relaxed"),
        pl.concat([lic, ring_licences(w)], how="diagonal_relaxed"),
        pl.DataFrame(records, infer_schema_length=None),
        reg,
        watch,
        goods,
        cal,
        rings,
    )


def ring_licences(w: World) -> pl.DataFrame:
    """The licences rings obtained, in the licences table's columns."""
    from fifthworld.licensing import day_date

    if not w.licences:
        return pl.DataFrame()
    frame = pl.DataFrame(w.licences, infer_schema_length=None)
    return frame.select(
        "license_no",
        day_date(pl.col("issued_day")).alias("issued_at"),
        day_date(pl.col("until_day")).alias("valid_until"),
        "exporter_id",
        "control_id",
        "quantity_kg",
        "consignee_name",
        "consignee_country",
        "end_user_name",
        "end_use",
        "status",
    )
