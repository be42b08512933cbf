"""Honest trade, with the legitimate behaviour that looks suspicious.

Owns the honest declaration lines: who ships what to whom, when, by which mode and at
what price, drawn column-wise with numpy. The honest traps live here, each at a rate
that scales with ``honest_noise``: front-loading before a control takes effect (and the
price spike after it), samples of nominal value, off-grade and scrap lots priced far
below prime metal, heavy packaging, multi-item consolidations, amended re-declarations
sharing a waybill, and (through the goods list) look-alike codes and items whose
control is suspended. Must not know about fraud.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fourteenthworld.actors import RAIL_COUNTRIES, ROAD_PORTS, USES, Actors, port_for
from fourteenthworld.declaring import DECL_COLUMNS, describe, quantity_of, specify
from fourteenthworld.goods import (
    DAYS,
    FAMILY_GOODS,
    GOODS,
    INDEX,
    day_of,
    fx_per_usd,
)
from fourteenthworld.knobs import Knobs

Rng = np.random.Generator

_SIZES = np.array([1, 2, 3, 4, 5, 6, 7, 8])
_SIZE_P = np.array([0.64, 0.15, 0.08, 0.05, 0.03, 0.02, 0.02, 0.01])


def _sizes(rng: Rng, total: int, p_consolidated: float) -> tuple[np.ndarray, np.ndarray]:
    """Lines per declaration summing to ``total``, and which are consolidations."""
    sizes = rng.choice(_SIZES, size=total, p=_SIZE_P / _SIZE_P.sum())
    consolidated = rng.random(total) < p_consolidated
    sizes = np.where(consolidated, rng.integers(10, 31, size=total), sizes)
    cum = np.cumsum(sizes)
    d = int(np.searchsorted(cum, total)) + 1
    sizes = sizes[:d].copy()
    sizes[-1] -= int(cum[d - 1] - total)
    return sizes, consolidated[:d]


def _goods_for(rng: Rng, families: list[str]) -> np.ndarray:
    out = np.empty(len(families), dtype=np.int64)
    fam = np.array(families)
    for family, weights in FAMILY_GOODS.items():
        where = np.flatnonzero(fam == family)
        if where.size == 0:
            continue
        idx = np.array([INDEX[k] for k in weights])
        p = np.array(list(weights.values()), dtype=float)
        out[where] = idx[rng.choice(len(idx), size=where.size, p=p / p.sum())]
    return out


def _mode(rng: Rng, country: str, family: str, sample: bool) -> str:
    if sample:
        return "express" if rng.random() < 0.8 else "air"
    u = rng.random()
    if country in ROAD_PORTS and u < 0.3:
        return "road"
    if country in RAIL_COUNTRIES and u < 0.38:
        return "rail"
    if family in ("semis", "minor", "rare_earth") and rng.random() < 0.35:
        return "air"
    if rng.random() < 0.015:
        return "express"
    return "sea"


def build(
    rng: Rng, actors: Actors, n_lines: int, fair: np.ndarray, knobs: Knobs, first_decl: int
) -> pl.DataFrame:
    """``n_lines`` honest lines in declarations keyed from ``first_decl``."""
    noise = knobs.honest_noise
    n_amend = round(n_lines * noise * 0.04)
    base = n_lines - n_amend
    sizes, consolidated = _sizes(rng, base, min(0.3, noise * 0.1))
    n_decl = len(sizes)
    exporters = actors.exporters
    weights = np.array([e.weight for e in exporters])
    general = np.flatnonzero(np.array([e.family == "general" for e in exporters]))
    exp_idx = rng.choice(len(exporters), size=n_decl, p=weights / weights.sum())
    if general.size:
        exp_idx = np.where(
            consolidated, general[rng.integers(0, general.size, size=n_decl)], exp_idx
        )
    start = np.array([exporters[e].start_day for e in exp_idx])
    day = start + np.floor(rng.random(n_decl) * (DAYS - start)).astype(np.int64)
    sunday = (day % 7 == 6) & (rng.random(n_decl) < 0.7)
    day = np.minimum(day + sunday, DAYS - 1)
    sec = (8 * 3600 + rng.integers(0, 12 * 3600, size=n_decl)).astype(np.int64)
    cons_idx = np.array(
        [
            exporters[e].customers[int(u * len(exporters[e].customers))]
            for e, u in zip(exp_idx, rng.random(n_decl), strict=True)
        ]
    )
    sample = (rng.random(n_decl) < noise * 0.1) & ~consolidated

    # lines
    decl_of = np.repeat(np.arange(n_decl), sizes)
    first = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    line_no = np.arange(base) - np.repeat(first, sizes) + 1
    fam = [exporters[e].family for e in exp_idx]
    line_fam = [
        "general" if consolidated[d] and u < 0.5 else fam[d]
        for d, u in zip(decl_of, rng.random(base), strict=True)
    ]
    good = _goods_for(rng, line_fam)
    eff_day = np.array([day_of(g.effective) if g.effective else -(10**6) for g in GOODS])
    controlled = np.array([g.controlled for g in GOODS])

    # front-loading: exporters rush shipments out before a control takes effect
    lead = good[first]
    rush = (
        controlled[lead]
        & (eff_day[lead] > 45)
        & (eff_day[lead] < DAYS)
        & (rng.random(n_decl) < min(0.6, noise * 4))
    )
    rush_day = np.maximum(eff_day[lead] - rng.integers(1, 46, size=n_decl), start)
    rush &= rush_day < eff_day[lead]
    day = np.where(rush, rush_day, day)
    lday = day[decl_of]

    median = np.array([g.median_kg for g in GOODS])
    kg = median[good] * np.exp(rng.normal(0.0, 0.75, size=base))
    kg = np.where(sample[decl_of], rng.uniform(0.05, 3.0, size=base), kg)
    kg = np.round(np.maximum(kg, 0.05), 3)
    unit = np.array([g.unit for g in GOODS])[good]
    per_unit = np.array([g.per_unit for g in GOODS])[good]
    counted = (unit == "pcs") | (unit == "set")
    kg = np.where(counted, np.maximum(1, np.round(kg / per_unit)) * per_unit, kg)
    kg = np.where(unit == "t", np.maximum(np.round(kg / 1000.0, 3), 0.001) * 1000.0, kg)

    fair_usd_kg = fair[good, lday]
    exp_level = np.exp(rng.normal(0.0, 0.05, size=len(exporters)))[exp_idx][decl_of]
    usd_kg = fair_usd_kg * np.exp(rng.normal(0.0, 0.08, size=base)) * exp_level
    low_grade = controlled[good] & (rng.random(base) < noise * 0.5)
    usd_kg = np.where(low_grade, usd_kg * rng.uniform(0.3, 0.6, size=base), usd_kg)
    usd = usd_kg * kg
    usd = np.where(sample[decl_of], rng.uniform(5.0, 80.0, size=base), usd)

    pack = np.array([g.pack for g in GOODS])[good]
    gross = kg * pack * np.exp(rng.normal(0.0, 0.005, size=base))
    heavy = rng.random(base) < noise * 0.4
    gross = np.where(heavy, gross * rng.uniform(1.08, 1.3, size=base), gross)
    gross_txt = [
        "" if u < 0.04 else f"{g:.2f}" for g, u in zip(gross, rng.random(base), strict=True)
    ]

    # declaration-level text
    cons = actors.consignees
    modes: list[str] = []
    ports: list[str] = []
    currency: list[str] = []
    for d in range(n_decl):
        e = exporters[exp_idx[d]]
        c = cons[cons_idx[d]]
        mode = _mode(rng, c.country, e.family, bool(sample[d]))
        modes.append(mode)
        ports.append(port_for(rng, mode, e.region, c.country))
        names = [k for k, _ in c.currency]
        probs = np.array([p for _, p in c.currency])
        currency.append(names[int(rng.choice(len(names), p=probs / probs.sum()))])
    cur_line = np.array(currency)[decl_of]
    fx = np.ones(base)
    for code in ("CNY", "EUR", "JPY", "HKD", "KRW"):
        where = cur_line == code
        fx[where] = fx_per_usd(code, lday[where])
    value = np.round(usd * fx, 2)

    trap = np.full(base, "", dtype=object)
    trap[rush[decl_of]] = "front_loading"
    trap[consolidated[decl_of]] = "consolidation"
    trap[heavy] = "heavy_packaging"
    trap[low_grade] = "low_grade"
    trap[sample[decl_of]] = "sample"
    new_exp = np.array([e.new for e in exporters])[exp_idx][decl_of]
    trap[(trap == "") & new_exp & controlled[good]] = "new_exporter"
    hub = np.array([c.hub for c in cons])[cons_idx][decl_of]
    trap[(trap == "") & hub & controlled[good]] = "hub_distributor"

    need = controlled[good] & (lday >= eff_day[good])
    styles = np.array([e.broker_style for e in exporters])[exp_idx][decl_of]
    desc: list[str] = []
    spec: list[str] = []
    end_user: list[str | None] = []
    end_use: list[str | None] = []
    u_use = rng.random(base)
    for i in range(base):
        g = GOODS[good[i]]
        style = int(styles[i])
        lg = bool(low_grade[i])
        desc.append(describe(g, style, "废" if lg else "", "scrap " if lg else ""))
        extra_zh = "回收料" if lg else ("钢桶包装" if heavy[i] else "")
        extra_en = "recycled" if lg else ("steel drums" if heavy[i] else "")
        spec.append(specify(g, style, g.use, extra_zh, extra_en))
        if g.controlled:
            end_user.append(cons[cons_idx[decl_of[i]]].end_user)
            end_use.append(g.use)
        else:
            end_user.append(None)
            uses = USES[line_fam[i]]
            end_use.append(uses[i % len(uses)] if u_use[i] < 0.35 else None)
    regions = [exporters[e].region for e in exp_idx]
    origin = [regions[d] for d in decl_of]
    dec = {
        "declaration_id": [None] * base,
        "line_no": line_no.tolist(),
        "declared_at": [None] * base,
        "port": [ports[d] for d in decl_of],
        "mode": [modes[d] for d in decl_of],
        "exporter_id": [exporters[exp_idx[d]].exporter_id for d in decl_of],
        "exporter_name": [exporters[exp_idx[d]].name for d in decl_of],
        "declarant_id": [exporters[exp_idx[d]].broker for d in decl_of],
        "consignee_name": [cons[cons_idx[d]].name for d in decl_of],
        "consignee_address": [cons[cons_idx[d]].address for d in decl_of],
        "consignee_country": [cons[cons_idx[d]].country for d in decl_of],
        "destination_country": [cons[cons_idx[d]].country for d in decl_of],
        "trade_country": [cons[cons_idx[d]].country for d in decl_of],
        "end_user_name": end_user,
        "end_use": end_use,
        "hs_code": [GOODS[g].hs for g in good],
        "description": desc,
        "specification": spec,
        "quantity": [quantity_of(GOODS[g], k) for g, k in zip(good, kg, strict=True)],
        "unit": unit.tolist(),
        "net_weight_kg": np.round(kg, 3).tolist(),
        "gross_weight_kg": gross_txt,
        "value": value.tolist(),
        "currency": cur_line.tolist(),
        "license_no": [None] * base,
        "container_ids": [None] * base,
        "transport_doc": [None] * base,
        "origin_region": origin,
        "_decl": (first_decl + decl_of).tolist(),
        "_day": lday.tolist(),
        "_sec": sec[decl_of].tolist(),
        "_scheme": [""] * base,
        "_trap": trap.tolist(),
        "_ring": [-1] * base,
        "_good": good.tolist(),
        "_true_kg": kg.tolist(),
        "_fair_usd": (fair_usd_kg * kg).tolist(),
        "_result": [""] * base,
        "_licence": ["own" if n else "" for n in need],
        "_adaptive": [False] * base,
        "_doc_decl": (first_decl + decl_of).tolist(),
    }
    frame = frame_of(dec)
    return _amended(rng, frame, n_amend, first_decl + n_decl)


def frame_of(columns: dict[str, list[object]]) -> pl.DataFrame:
    """A line frame with the fixed column types of this generator."""
    schema: dict[str, pl.DataType] = {c: pl.String() for c in DECL_COLUMNS}
    schema.update(
        {
            "line_no": pl.Int64(),
            "quantity": pl.Float64(),
            "net_weight_kg": pl.Float64(),
            "value": pl.Float64(),
            "_decl": pl.Int64(),
            "_day": pl.Int64(),
            "_sec": pl.Int64(),
            "_scheme": pl.String(),
            "_trap": pl.String(),
            "_ring": pl.Int64(),
            "_good": pl.Int64(),
            "_true_kg": pl.Float64(),
            "_fair_usd": pl.Float64(),
            "_result": pl.String(),
            "_licence": pl.String(),
            "_adaptive": pl.Boolean(),
            "_doc_decl": pl.Int64(),
        }
    )
    return pl.DataFrame(columns, schema=schema)


def _amended(rng: Rng, frame: pl.DataFrame, n: int, next_decl: int) -> pl.DataFrame:
    """Amended re-declarations: the same single-line shipment lodged again a few days
    later under a new number, with the weighed quantity and the same waybill."""
    if n == 0:
        return frame
    singles = frame.filter(
        (pl.col("_decl").count().over("_decl") == 1)
        & (pl.col("_day") < DAYS - 7)
        & (pl.col("_trap") == "")
    )
    take = singles.sample(n=min(n, singles.height), seed=int(rng.integers(0, 2**31)))
    factor = pl.Series(rng.uniform(0.96, 1.04, size=take.height))
    shift = pl.Series(rng.integers(1, 7, size=take.height))
    clones = take.with_columns(
        _doc_decl=pl.col("_decl"),
        _decl=pl.Series(np.arange(next_decl, next_decl + take.height)),
        _day=pl.col("_day") + shift,
        _trap=pl.lit("amended"),
        quantity=(pl.col("quantity") * factor).round(3),
        net_weight_kg=(pl.col("net_weight_kg") * factor).round(3),
        _true_kg=(pl.col("_true_kg") * factor).round(3),
        value=(pl.col("value") * factor).round(2),
        gross_weight_kg=pl.when(pl.col("gross_weight_kg") != "")
        .then(
            (pl.col("gross_weight_kg").cast(pl.Float64, strict=False) * factor)
            .round(2)
            .cast(pl.String)
        )
        .otherwise(pl.lit("")),
    )
    return pl.concat([frame, clones])
