"""Declaration headers and the declarations table as customs would export it.

Numbers are 18 digits: the exit office's customs district, the year, ``1`` for export
and a running serial. Lodging times are written in each office's habit (timestamp,
date only, or with +08:00). Sea and rail declarations list their containers (ISO 6346,
check digit right), every mode its transport document (bill of lading, air waybill,
express or postal parcel number, CMR or rail consignment note). Consignee names are
sometimes typed differently, addresses and trade countries sometimes left out.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from . import names as nm
from .actors import Actors
from .honest import Lines
from .ids import container_pool
from .places import PORT_CODES, PORTS, iso_days

SCAC = np.array(["COSU", "MAEU", "CMDU", "OOLU", "EGLV", "HLCU", "ONEY"])
AWB = np.array(["999", "781", "784", "880", "172", "160"])


def _first(L: Lines) -> np.ndarray:
    return np.concatenate([[0], np.nonzero(np.diff(L["decl"]))[0] + 1])


def ids(rng: np.random.Generator, L: Lines) -> np.ndarray:
    """Declaration numbers, one per declaration index."""
    first = _first(L)
    district = np.array([PORTS[p].district for p in L["port"][first]])
    year = np.array([s[:4] for s in iso_days(L["day"][first])])
    frame = pl.DataFrame(
        {"key": np.char.add(district, year), "day": L["day"][first], "i": np.arange(first.size)}
    )
    frame = frame.with_columns(pl.Series("gap", rng.integers(1, 40, first.size))).sort("day", "i")
    frame = frame.with_columns(pl.col("gap").cum_sum().over("key").alias("seq"))
    base = {k: int(rng.integers(10**7, 3 * 10**8)) for k in sorted(set(frame["key"].to_list()))}
    frame = frame.with_columns(
        (
            pl.col("key")
            + "1"
            + (pl.col("key").replace_strict(base, return_dtype=pl.Int64) + pl.col("seq"))
            .cast(pl.String)
            .str.zfill(9)
        ).alias("id")
    ).sort("i")
    return frame["id"].to_numpy().astype(object)


def _stamps(rng: np.random.Generator, day: np.ndarray, port: np.ndarray) -> np.ndarray:
    n = day.size
    date = iso_days(day)
    hour = np.clip(rng.normal(11.5, 2.8, n), 7, 22).astype(int)
    clock = np.array(
        [
            f"{h:02d}:{mi:02d}:{s:02d}"
            for h, mi, s in zip(hour, rng.integers(0, 60, n), rng.integers(0, 60, n), strict=True)
        ]
    )
    style = np.array([PORTS[p].stamp for p in port])
    full = np.char.add(np.char.add(date, "T"), clock)
    zoned = np.char.add(np.char.add(np.char.add(date, " "), clock), "+08:00")
    return np.where(style == "date", date, np.where(style == "zone", zoned, full))


def _documents(
    rng: np.random.Generator, mode: np.ndarray, gross: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    n = mode.size
    digits = rng.integers(10**9, 10**10 - 1, n)
    doc = np.where(mode == "sea", np.char.add(rng.choice(SCAC, n), digits.astype(str)), "")
    awb = np.char.add(np.char.add(rng.choice(AWB, n), "-"), (digits % 10**8).astype(str))
    doc = np.where(mode == "air", awb, doc)
    doc = np.where(
        mode == "express", np.char.add("SF", rng.integers(10**11, 10**12 - 1, n).astype(str)), doc
    )
    doc = np.where(
        mode == "post", np.char.add(np.char.add("EA", (digits % 10**9).astype(str)), "CN"), doc
    )
    doc = np.where(mode == "road", np.char.add("CMR", (digits % 10**7).astype(str)), doc)
    doc = np.where(mode == "rail", np.char.add("CIM", (digits % 10**8).astype(str)), doc)
    doc = np.where(rng.random(n) < 0.05, "", doc)
    boxes = np.clip(np.ceil(np.nan_to_num(gross, nan=10000.0) / 24000.0), 1, 6).astype(int)
    pool = container_pool(rng, int(boxes.sum()) + 1)
    ends = np.cumsum(boxes)
    lists = np.array(
        [";".join(pool[e - b : e]) for b, e in zip(boxes, ends, strict=True)], dtype=object
    )
    boxed = np.isin(mode, ("sea", "rail")) & (rng.random(n) > 0.08)
    return doc.astype(object), np.where(boxed, lists, "")


def table(rng: np.random.Generator, a: Actors, L: Lines, decl_ids: np.ndarray) -> pl.DataFrame:
    n = L["prod"].size
    first = _first(L)
    d = L["decl"]
    total_gross = np.bincount(d, weights=np.where(np.isnan(L["gross"]), L["net"], L["gross"]))
    doc, boxes = _documents(rng, L["mode"][first], total_gross)
    stamp = _stamps(rng, L["day"][first], L["port"][first])
    con = L["consignee"]
    names = np.array(a.con_name, dtype=object)[con]
    typo = rng.random(d.max() + 1) < 0.06
    names = np.where(
        typo[d],
        np.array(
            [nm.variant(rng, s) if t else s for s, t in zip(names, typo[d], strict=True)],
            dtype=object,
        ),
        names,
    )
    addr = np.where(
        rng.random(d.max() + 1)[d] < 0.85, np.array(a.con_address, dtype=object)[con], ""
    )
    roll = rng.random(d.max() + 1)[d]
    trade = np.where(
        roll < 0.75,
        L["con_country"],
        np.where(roll < 0.95, "", np.where(L["con_country"] == "HK", "SG", "HK")),
    )
    broker = L["broker"]
    declarant = np.where(
        broker >= 0, np.array(a.broker_id, dtype=object)[np.maximum(broker, 0)], ""
    )
    gross = L["gross"]
    return (
        pl.DataFrame(
            {
                "declaration_id": decl_ids[d],
                "line_no": L["line_no"],
                "declared_at": stamp[d],
                "port": PORT_CODES[L["port"]],
                "mode": L["mode"].astype(str),
                "exporter_id": np.array(a.exp_id, dtype=object)[L["exporter"]],
                "exporter_name": np.array(a.exp_name, dtype=object)[L["exporter"]],
                "declarant_id": declarant,
                "consignee_name": names,
                "consignee_address": addr,
                "consignee_country": L["con_country"].astype(str),
                "destination_country": L["dest"].astype(str),
                "trade_country": trade.astype(str),
                "end_user_name": L["end_user"],
                "end_use": L["end_use"],
                "hs_code": L["hs"],
                "description": L["desc"],
                "specification": L["spec"],
                "quantity": np.round(L["qty"].astype(float), 3),
                "unit": L["unit"].astype(str),
                "net_weight_kg": np.round(L["net"].astype(float), 2),
                "gross_weight_kg": pl.Series(np.round(gross, 2)).fill_nan(None),
                "value": np.round(L["value"].astype(float), 2),
                "currency": L["currency"].astype(str),
                "license_no": L["license"],
                "container_ids": boxes[d],
                "transport_doc": doc[d],
                "origin_region": L["origin"],
            },
            strict=False,
        ).with_columns(pl.col(pl.Object).cast(pl.String))
        if n
        else pl.DataFrame()
    )
