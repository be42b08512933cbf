"""Putting a world together and writing it as a dataset under the data contract.

Owns the order of the steps (prices, people, fraud, honest trade, inspections, the
rings' adaptation to them, licences, numbering, documents, statistics, the chain) and
the files: every contract table as ``NAME.csv`` plus ``truth/lines.csv`` (one row per
fraudulent line: declaration_id, line_no, scheme). Same seed and knobs, same bytes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields
from pathlib import Path

import numpy as np
import polars as pl

from fourteenthworld import actors as actors_mod
from fourteenthworld import chain, honest, inspections, licensing, markets, schemes, text
from fourteenthworld.declaring import DECL_COLUMNS
from fourteenthworld.goods import START, price_surface
from fourteenthworld.knobs import Knobs
from orewatch.contract.schema import TABLES

#: Customs office codes (the first four digits of a declaration number) per port.
OFFICES: dict[str, str] = {
    "CNSHA": "2201",
    "CNNGB": "3101",
    "CNTAO": "4201",
    "CNTXG": "0202",
    "CNXMN": "3701",
    "CNSZX": "5316",
    "CNYTN": "5320",
    "CNCAN": "5141",
    "CNDLC": "0901",
    "CNFCG": "7208",
    "CNLYG": "2305",
    "CNPVG": "2244",
    "CNPEK": "0101",
    "CNCTU": "7901",
    "CNKMG": "8601",
    "CNCGO": "4601",
    "CNPXG": "7204",
    "CNDXG": "7211",
    "CNKHG": "9406",
    "CNTRT": "9402",
    "CNERL": "0703",
    "CNMZH": "0605",
    "CNXIY": "9001",
    "CNCKG": "8001",
    "CNHGH": "2901",
    "CNYIW": "2951",
    "CNZUH": "5701",
}


@dataclass(frozen=True)
class World:
    """Every table of a world, the lines with the generator's own columns, and the rings."""

    tables: dict[str, pl.DataFrame]
    truth: pl.DataFrame
    lines: pl.DataFrame
    rings: list[schemes.Ring]


def _adapt(frame: pl.DataFrame, chosen: pl.DataFrame, rings: list[schemes.Ring]) -> pl.DataFrame:
    """Adaptive rings switch to their next identity once an inspection caught them."""
    caught = chosen.filter("_found").join(frame.select("_row", "_ring", "_adaptive"), on="_row")
    caught = caught.filter(pl.col("_adaptive") & (pl.col("_ring") >= 0))
    events: dict[int, np.ndarray] = {
        int(r): np.sort(g["_insp_day"].to_numpy())
        for (r,), g in caught.group_by("_ring", maintain_order=True)
    }
    ring_rows = frame.filter(pl.col("_ring") >= 0).select("_row", "_ring", "_day", "_decl")
    ids: list[str] = []
    names: list[str] = []
    ports: list[str] = []
    brokers: list[str] = []
    for row, ring_no, day, decl in ring_rows.iter_rows():
        ring = rings[ring_no]
        seen = events.get(ring_no)
        k = int(np.searchsorted(seen, day, side="left")) if seen is not None else 0
        ident = ring.identities[min(k, len(ring.identities) - 1)]
        if ident.senders:
            exporter_id, name = ident.senders[(decl * 7 + row) % len(ident.senders)]
        else:
            exporter_id, name = ident.exporter_id, ident.name
        ids.append(exporter_id)
        names.append(name)
        ports.append(ident.port)
        brokers.append(ident.declarant)
    update = ring_rows.select("_row").with_columns(
        _eid=pl.Series(ids, dtype=pl.String),
        _ename=pl.Series(names, dtype=pl.String),
        _port=pl.Series(ports, dtype=pl.String),
        _broker=pl.Series(brokers, dtype=pl.String),
    )
    return (
        frame.join(update, on="_row", how="left")
        .with_columns(
            exporter_id=pl.coalesce("_eid", "exporter_id"),
            exporter_name=pl.coalesce("_ename", "exporter_name"),
            port=pl.coalesce("_port", "port"),
            declarant_id=pl.coalesce("_broker", "declarant_id"),
        )
        .drop("_eid", "_ename", "_port", "_broker")
        .sort("_row")
    )


def _number(frame: pl.DataFrame) -> pl.DataFrame:
    """Declared-at stamps and declaration numbers: office + year + 0 (export) + serial."""
    stamp = pl.lit(np.datetime64(START.isoformat(), "s")) + pl.duration(
        days=pl.col("_day"), seconds=pl.col("_sec")
    )
    frame = frame.with_columns(declared_at=stamp.dt.strftime("%Y-%m-%d %H:%M:%S"))
    heads = (
        frame.group_by("_decl", maintain_order=True)
        .agg(pl.col("_row").min(), pl.col("port").first(), pl.col("declared_at").first())
        .sort("_row")
    )
    serial = np.arange(heads.height) + 100_003
    numbers = [
        f"{OFFICES.get(port, '9999')}{stamp[:4]}0{s:09d}"
        for port, stamp, s in zip(heads["port"], heads["declared_at"], serial, strict=True)
    ]
    ids = heads.select("_decl").with_columns(
        _id=pl.Series(numbers, dtype=pl.String),
        _lines=pl.lit(0, pl.Int64),
    )
    sizes = frame.group_by("_decl").agg(pl.len().alias("_n"))
    ids = ids.join(sizes, on="_decl").with_columns(_lines=pl.col("_n")).drop("_n")
    return (
        frame.join(ids, on="_decl", how="left")
        .with_columns(declaration_id=pl.col("_id"))
        .drop("_id")
        .sort("_row")
    )


def _documents(rng: np.random.Generator, frame: pl.DataFrame) -> pl.DataFrame:
    """Waybills and container numbers per declaration (amendments reuse the original's)."""
    gross = pl.col("gross_weight_kg").cast(pl.Float64, strict=False)
    heads = (
        frame.group_by("_decl", maintain_order=True)
        .agg(
            pl.col("_row").min(),
            pl.col("mode").first(),
            pl.coalesce(gross, pl.col("net_weight_kg")).sum().alias("_gross"),
        )
        .sort("_row")
    )
    docs: dict[int, tuple[str, str | None]] = {}
    for decl, _, mode, total in heads.iter_rows():
        doc = text.transport_doc(rng, mode)
        boxes = None
        if mode in ("sea", "rail"):
            n = min(8, max(1, math.ceil(total / 24000.0)))
            boxes = ";".join(text.container_no(rng) for _ in range(n))
        docs[int(decl)] = (doc, boxes)
    keys = frame["_doc_decl"].to_list()
    return frame.with_columns(
        transport_doc=pl.Series([docs[k][0] for k in keys], dtype=pl.String),
        container_ids=pl.Series([docs[k][1] for k in keys], dtype=pl.String),
    )


def _contract_frame(name: str, rows: list[dict[str, object]] | pl.DataFrame) -> pl.DataFrame:
    columns = TABLES[name].names
    if isinstance(rows, pl.DataFrame):
        return rows.select([c for c in columns if c in rows.columns])
    data = {c: [r.get(c) for r in rows] for c in columns}
    present = {c: v for c, v in data.items() if any(x is not None for x in v)}
    return pl.DataFrame(present, infer_schema_length=None)


def build(lines: int = 100_000, seed: int = 1, knobs: Knobs | None = None) -> World:
    """A whole world in memory."""
    k = knobs or Knobs()
    rng = [np.random.default_rng(s) for s in np.random.SeedSequence(seed).spawn(10)]
    fair, home = price_surface(rng[0])
    people = actors_mod.build(rng[1], lines, k.honest_noise)
    book = licensing.Book(licensing.Serials.shuffled(rng[2]))
    ctx = schemes.Ctx(rng[3], people, fair, book, next_decl=0)
    n_fraud = round(k.fraud_share * lines)
    parts = []
    if n_fraud > 0:
        parts.append(schemes.build(ctx, n_fraud))
    n_honest = lines - sum(p.height for p in parts)
    if n_honest < 1:
        raise ValueError(f"{lines} lines are too few for a fraud share of {k.fraud_share}")
    parts.append(honest.build(rng[4], people, n_honest, fair, k, ctx.next_decl))
    frame = (
        pl.concat(parts)
        .sort("_day", "_sec", "_decl", "line_no")
        .with_columns(_row=pl.int_range(pl.len(), dtype=pl.Int64))
    )
    chosen = inspections.select(rng[5], frame, fair, k)
    frame = _adapt(frame, chosen, ctx.rings)
    frame = licensing.draw_own(rng[6], frame, book, k.honest_noise).sort("_row")
    frame = _number(frame)
    frame = _documents(rng[7], frame)
    usd = inspections.usd_values(frame)
    fronts = {
        r.ring: (
            r.identities[0].senders[0][0]
            if r.identities[0].senders
            else r.identities[0].exporter_id
        )
        for r in ctx.rings
    }
    facilities, production, movements = chain.build(rng[8], frame, people, fronts)
    registry = people.registry
    tables = {
        "declarations": frame.select(DECL_COLUMNS).with_columns(
            gross_weight_kg=pl.when(pl.col("gross_weight_kg") != "").then("gross_weight_kg")
        ),
        "licenses": _contract_frame("licenses", book.rows),
        "parties": _contract_frame("parties", registry.parties),
        "relations": _contract_frame("relations", registry.relations),
        "facilities": _contract_frame("facilities", facilities),
        "movements": _contract_frame("movements", movements),
        "production": _contract_frame("production", production),
        "inspections": inspections.table(rng[9], frame, chosen, k.honest_noise),
        "trade_stats": markets.trade_stats(rng[9], frame, usd),
        "prices": markets.prices(fair, home),
        "watchlist": _contract_frame("watchlist", people.watchlist_rows),
    }
    truth = frame.filter(pl.col("_scheme") != "").select(
        "declaration_id", "line_no", pl.col("_scheme").alias("scheme")
    )
    return World(tables, truth, frame, ctx.rings)


def generate(out_dir: Path, lines: int = 100_000, seed: int = 1, **knobs: float) -> Path:
    """Write a world of ``lines`` declaration lines to ``out_dir``; return ``out_dir``."""
    names = {f.name for f in fields(Knobs)}
    unknown = sorted(set(knobs) - names)
    if unknown:
        raise TypeError(f"unknown knobs: {', '.join(unknown)}")
    world = build(lines, seed, Knobs(**{k: float(v) for k, v in knobs.items()}))
    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for name, table in world.tables.items():
        table.write_csv(out / f"{name}.csv")
    world.truth.write_csv(out / "truth" / "lines.csv")
    return out
