"""Render the line arrays as the contract's ``declarations`` table (vectorised, polars).

Owns the look of the identifiers on a declaration: customs declaration numbers,
container numbers (ISO 6346), bills of lading, air waybills, parcel numbers (UPU S10).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

from orewatch.contract.schema import DECLARATIONS
from orewatch.world.calendar import month_index
from orewatch.world.declarations import (
    CURRENCY_CODES,
    END_USE_POOL,
    M_AIR,
    M_EXPRESS,
    M_PASSENGER,
    M_POST,
    M_RAIL,
    M_ROAD,
    M_SEA,
    MODES,
    Decls,
    IntArr,
    Lines,
    SpecPool,
)
from orewatch.world.geo import PORTS
from orewatch.world.goods import GOODS
from orewatch.world.ids import container_numbers, s10_check_digits
from orewatch.world.parties import COUNTRY_CODES, PartyBook
from orewatch.world.prices import PriceBook

_OWNERS = np.array(
    [
        "COSU",
        "CSNU",
        "MSCU",
        "MSKU",
        "CMAU",
        "ONEU",
        "EGHU",
        "HLXU",
        "OOLU",
        "TGHU",
        "TCLU",
        "SEGU",
        "TEMU",
        "BMOU",
    ]
)
_CARRIERS = np.array(["COSU", "MEDU", "MAEU", "ONEY", "EGLV", "HLCU", "CMDU", "OOLU"])
_AIRLINES = np.array(["999", "781", "784", "160", "618", "180", "131", "020", "172"])
_FLIGHTS = np.array(["CZ3061", "CX902", "MU5101", "CA1515", "KE860", "NH934", "SQ833", "HO1311"])


def _s(values: list[str]) -> pl.Series:
    return pl.Series(values, dtype=pl.String)


def _gather(table: list[str] | tuple[str, ...], idx: IntArr) -> pl.Series:
    return _s(list(table)).gather(pl.Series(idx, dtype=pl.Int64))


def transport_docs(rng: np.random.Generator, decls: Decls) -> pl.Series:
    nd = len(decls)
    mode = decls.mode
    digits10 = rng.integers(10**9, 10**10, nd)
    bl = np.char.add(_CARRIERS[rng.integers(0, len(_CARRIERS), nd)], digits10.astype(str))
    serial7 = rng.integers(10**6, 10**7, nd)
    awb = np.char.add(
        np.char.add(_AIRLINES[rng.integers(0, len(_AIRLINES), nd)], "-"),
        np.char.add(serial7.astype(str), (serial7 % 7).astype(str)),
    )
    s8 = rng.integers(10**7, 10**8, nd)
    letters = np.array(list("ABCDEFGHJKLMNPQRSTUVWXYZ"))[rng.integers(0, 24, nd)]
    s10 = np.char.add(
        np.char.add(np.char.add("E", letters), s8.astype(str)),
        np.char.add(s10_check_digits(s8).astype(str), "CN"),
    )
    sf = np.char.add("SF", rng.integers(10**12, 10**13, nd).astype(str))
    road = np.char.add("CMR", rng.integers(10**8, 10**9, nd).astype(str))
    rail = np.char.add("SMGS", rng.integers(10**7, 10**8, nd).astype(str))
    flight = _FLIGHTS[rng.integers(0, len(_FLIGHTS), nd)]
    out = np.select(
        [
            mode == M_SEA,
            mode == M_AIR,
            mode == M_POST,
            mode == M_EXPRESS,
            mode == M_ROAD,
            mode == M_RAIL,
            mode == M_PASSENGER,
        ],
        [bl, awb, s10, sf, road, rail, flight],
        default=bl,
    )
    return pl.Series(out.astype(str), dtype=pl.String)


def containers(rng: np.random.Generator, decls: Decls, lines: Lines) -> pl.Series:
    """ISO 6346 numbers per declaration (sea and rail), ';'-joined."""
    nd = len(decls)
    gross = np.bincount(lines.decl, weights=lines.gross, minlength=nd)
    boxed = np.isin(decls.mode, (M_SEA, M_RAIL))
    n = np.where(boxed, np.clip(np.ceil(gross / 24000.0), 1, 8), 0).astype(np.int64)
    owner_of_decl = rng.integers(0, len(_OWNERS), nd)
    rep = np.repeat(np.arange(nd), n)
    serials = rng.integers(0, 10**6, len(rep))
    nums = container_numbers(_OWNERS[owner_of_decl[rep]], serials)
    frame = (
        pl.DataFrame({"d": rep, "c": nums.astype(str)})
        .group_by("d", maintain_order=True)
        .agg(pl.col("c").str.join(";"))
    )
    full = pl.DataFrame({"d": np.arange(nd)}).join(frame, on="d", how="left", maintain_order="left")
    return full["c"]


def declarations_frame(
    rng: np.random.Generator,
    book: PartyBook,
    decls: Decls,
    lines: Lines,
    specs: SpecPool,
    prices: PriceBook,
    start: date,
    origin: list[str],
) -> pl.DataFrame:
    nd = len(decls)
    # customs declaration number: office(4) + year(4) + 0 (export) + serial(9)
    order = np.lexsort((np.arange(nd), decls.minute, decls.day))
    rank = np.empty(nd, dtype=np.int64)
    rank[order] = np.arange(nd)
    serial = 100000 + rank * 7 + rng.integers(0, 7, nd)
    year = decls.day.astype("datetime64[D]").astype("datetime64[Y]").astype(np.int64) + 1970
    office = np.array([p.customs_code for p in PORTS])[decls.port]
    decl_id = np.char.add(
        np.char.add(np.char.add(office, year.astype(str)), "0"),
        np.char.zfill(serial.astype(str), 9),
    )
    seconds = decls.day * 86400 + decls.minute * 60 + rng.integers(0, 60, nd)
    dec = pl.DataFrame(
        {
            "declaration_id": decl_id.astype(str),
            "declared_at": pl.Series(seconds * 1_000_000)
            .cast(pl.Datetime("us"))
            .dt.strftime("%Y-%m-%dT%H:%M:%S"),
            "port": _gather([p.locode for p in PORTS], decls.port),
            "mode": _gather(MODES, decls.mode),
            "exporter_id": _gather([e.uscc for e in book.exporters], decls.exporter),
            "exporter_name": _gather([e.name for e in book.exporters], decls.exporter),
            "declarant_id": _gather(
                [book.brokers[e.broker].uscc for e in book.exporters], decls.exporter
            ),
            "consignee_name": _gather([c.name for c in book.consignees], decls.consignee),
            "consignee_address": _gather([c.address for c in book.consignees], decls.consignee),
            "consignee_country": _gather([c.country for c in book.consignees], decls.consignee),
            "destination_country": _gather(COUNTRY_CODES, decls.dest),
            "currency": _gather(CURRENCY_CODES, decls.currency),
            "container_ids": containers(rng, decls, lines),
            "transport_doc": transport_docs(rng, decls),
        }
    )
    # a few declarations lodged by another broker than the exporter's usual one
    other = rng.random(nd) < 0.08
    alt = _gather([b.uscc for b in book.brokers], rng.integers(0, len(book.brokers), nd))
    dec = dec.with_columns(
        pl.when(pl.Series(other)).then(alt).otherwise(pl.col("declarant_id")).alias("declarant_id")
    )
    dec = dec.with_columns(pl.col("consignee_country").alias("trade_country"))
    frame = dec.gather(pl.Series(lines.decl, dtype=pl.Int64))

    n = len(lines)
    g = lines.good_decl
    kg = lines.kg_decl
    unit_of_good = np.array([x.unit for x in GOODS])[g]
    per_piece = np.array([x.kg_per_piece for x in GOODS])[g]
    exp = decls.exporter[lines.decl]
    in_tonnes = (unit_of_good == "t") & (exp % 5 < 3)
    pcs = unit_of_good == "pcs"
    quantity = np.where(in_tonnes, np.round(kg / 1000.0, 3), np.round(kg, 2))
    quantity = np.where(pcs, np.maximum(1, np.round(kg / per_piece)), quantity)
    unit = np.where(in_tonnes, "t", np.where(pcs, "pcs", "kg"))
    mon = np.clip(month_index(decls.day[lines.decl], start), 0, len(prices.months) - 1)
    fx = np.stack([prices.fx[c] for c in CURRENCY_CODES])[decls.currency[lines.decl], mon]
    value = np.round(lines.usd_decl * fx, 2)
    eu_names = [e.name for e in book.end_users]
    cons_name = np.array([c.name for c in book.consignees], dtype=object)[
        decls.consignee[lines.decl]
    ]
    end_user = np.full(n, None, dtype=object)
    own = lines.end_user == -1
    end_user[own] = cons_name[own]
    named = lines.end_user >= 0
    end_user[named] = np.array(eu_names, dtype=object)[lines.end_user[named]]
    desc = np.array([x.desc_zh for x in GOODS], dtype=object)[g]
    frame = frame.with_columns(
        pl.Series("line_no", lines.line_no),
        pl.Series("end_user_name", end_user.tolist(), dtype=pl.String),
        pl.Series(
            "end_use", np.array(END_USE_POOL, dtype=object)[lines.end_use].tolist(), dtype=pl.String
        ).replace("", None),
        pl.Series("hs_code", np.array([x.hs_code for x in GOODS])[g]),
        pl.Series("description", desc.tolist(), dtype=pl.String),
        pl.Series(
            "specification",
            np.array(specs.texts, dtype=object)[lines.spec].tolist(),
            dtype=pl.String,
        ),
        pl.Series("quantity", quantity.astype(np.float64)),
        pl.Series("unit", unit),
        pl.Series("net_weight_kg", np.round(kg, 2)),
        pl.Series("gross_weight_kg", np.round(np.maximum(lines.gross, kg), 2)),
        pl.Series("value", value),
        pl.Series("license_no", lines.licence.tolist(), dtype=pl.String),
        pl.Series("origin_region", origin, dtype=pl.String),
    )
    del n
    return frame.select(DECLARATIONS.names)
