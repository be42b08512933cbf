"""Plans into declaration rows in the contract's columns, with a clerk's habits.

Declaration numbers follow two formats of our own: 18 digits for business declarations
(customs district, year, export flag, serial) and an ``EB`` manifest number for
e-commerce parcels. Values are FOB or CIF and in several currencies; optional columns
are left empty on a share of rows; one-line declarations sometimes carry no line number.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import polars as pl

from orewatch.contract.ids import uscc_check_char
from orewatch.contract.schema import TABLES

from . import text, vocab
from .actors import FIRST, LAST, START, STREETS, Actors
from .lines import GOODS
from .text import text_series

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

#: Customs brokers' credit codes (enterprise codes registered in Ningbo, right check characters).
BROKERS = tuple(f"91330200MA2B{k:05d}" + uscc_check_char(f"91330200MA2B{k:05d}") for k in range(40))
OVERRIDES = ("cons_name", "end_user", "end_use", "desc", "spec", "dest", "exporter_name", "region")


def container_pool(rng: np.random.Generator, n: int) -> np.ndarray:
    """ISO 6346 container numbers with right check digits."""
    owners = ("COSU", "MSCU", "OOLU", "TGHU", "CSNU", "EMCU", "TCNU")
    # ISO 6346 letter values: 10 upwards, skipping multiples of 11.
    numbers = [v for v in range(10, 40) if v % 11][:26]
    values = dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", numbers, strict=True))
    out = []
    for _ in range(n):
        body = str(rng.choice(owners)) + f"{int(rng.integers(0, 1_000_000)):06d}"
        total = sum((values[c] if c.isalpha() else int(c)) * 2**i for i, c in enumerate(body))
        out.append(body + str(total % 11 % 10))
    return np.array(out)


def declaration_frame(rng: np.random.Generator, plan: pl.DataFrame) -> pl.DataFrame:
    """One row a declaration (key ``uid``): its number, port, time, documents."""
    decl = (
        plan.group_by("uid")
        .agg(
            pl.col("day").first(),
            pl.col("mode").first(),
            pl.col("country").first(),
            pl.col("b2c").first(),
            pl.len().alias("n_lines"),
        )
        .sort("uid")
    )
    n = decl.height
    mode = decl["mode"].to_numpy()
    country = decl["country"].to_numpy()
    port = np.select(
        [
            mode == "sea",
            mode == "air",
            np.isin(mode, ["express", "post", "passenger"]),
            mode == "rail",
        ],
        [
            rng.choice(vocab.SEA_PORTS, n),
            rng.choice(vocab.AIR_PORTS, n),
            rng.choice(vocab.PARCEL_PORTS, n),
            rng.choice(vocab.RAIL_PORTS, n),
        ],
        default=np.array([vocab.ROAD_PORTS.get(c, "CNKHG") for c in country]),
    )
    date = pl.lit(START) + pl.duration(days=pl.col("day"))
    serial = rng.permutation(n) + int(rng.integers(10_000, 90_000))
    hour = rng.integers(0, 24, n)
    b2b_hour = rng.integers(8, 19, n)
    containers = container_pool(rng, max(50, n // 6))
    n_cont = rng.integers(1, 4, n)
    c1, c2, c3 = (rng.choice(containers, n) for _ in range(3))
    cont = np.where(
        n_cont == 1,
        c1,
        np.where(
            n_cont == 2,
            np.char.add(np.char.add(c1, ";"), c2),
            np.char.add(np.char.add(np.char.add(np.char.add(c1, ";"), c2), ";"), c3),
        ),
    )
    digits = rng.integers(0, 10**9, n)
    return (
        decl.with_columns(
            pl.Series("port", port),
            date.alias("date"),
            pl.Series("serial", serial),
            pl.Series("hour", np.where(decl["b2c"].to_numpy(), hour, b2b_hour)),
            pl.Series("minute", rng.integers(0, 60, n)),
            pl.Series("containers", cont),
            pl.Series("digits", digits),
            pl.Series("date_only", rng.random(n) < 0.2),
            pl.Series("broker", rng.integers(0, 40, n)),
            pl.Series("no_broker", rng.random(n) < 0.3),
            pl.Series(
                "currency",
                rng.choice(list(vocab.CURRENCY_PER_USD), n, p=[0.66, 0.14, 0.09, 0.05, 0.06]),
            ),
            pl.Series("cif", rng.random(n) < 0.3),
            pl.Series("cif_rate", rng.uniform(1.04, 1.12, n)),
        )
        .with_columns(
            pl.col("port").replace_strict(vocab.PORT_CODE).alias("district"),
        )
        .with_columns(
            pl.when(pl.col("b2c"))
            .then(
                pl.concat_str(
                    pl.lit("EB"),
                    pl.col("district"),
                    pl.col("date").dt.strftime("%y%m%d"),
                    pl.col("serial").cast(pl.String).str.zfill(8),
                )
            )
            .otherwise(
                pl.concat_str(
                    pl.col("district"),
                    pl.col("date").dt.strftime("%Y"),
                    pl.lit("1"),
                    pl.col("serial").cast(pl.String).str.zfill(9),
                )
            )
            .alias("declaration_id"),
            transport_doc(),
        )
    )


def transport_doc() -> pl.Expr:
    """Bill of lading, air waybill, parcel or consignment note number by mode."""
    d = pl.col("digits").cast(pl.String).str.zfill(9)
    return (
        pl.when(pl.col("mode") == "sea")
        .then(pl.concat_str(pl.lit("COSU6"), d))
        .when(pl.col("mode") == "air")
        .then(pl.concat_str(pl.lit("784-"), d.str.slice(0, 8)))
        .when(pl.col("mode") == "express")
        .then(pl.concat_str(pl.lit("SF"), d, pl.lit("0431")))
        .when(pl.col("mode") == "post")
        .then(pl.concat_str(pl.lit("LX"), d, pl.lit("CN")))
        .when(pl.col("mode") == "passenger")
        .then(pl.lit(None, pl.String))
        .when(pl.col("mode") == "rail")
        .then(pl.concat_str(pl.lit("SMGS"), d))
        .otherwise(pl.concat_str(pl.lit("CMR"), d))
        .alias("transport_doc")
    )


def descriptions(rng: np.random.Generator, good: np.ndarray) -> pl.Series:
    """A name for each good as clerks write it: one of its forms, sometimes two mixed."""
    names = [g.names for g in vocab.GOODS]
    sizes = np.array([len(x) for x in names])
    flat = np.array([n for x in names for n in x], dtype=object)
    offsets = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    first = flat[offsets[good] + (rng.random(good.size) * sizes[good]).astype(int)]
    second = flat[offsets[good] + (rng.random(good.size) * sizes[good]).astype(int)]
    mixed = rng.random(good.size) < 0.12
    out = np.where(mixed & (first != second), first + " " + second, first)
    col = pl.Series("description", out.astype(str))
    col = text.typos(col, rng, 0.05)
    return text.widen(col, rng, 0.03)


def specification(rng: np.random.Generator, good: np.ndarray) -> pl.Series:
    """Declared elements in the customs order: purity, form, brand, use (a quarter empty)."""
    purity = rng.choice(["99%", "99.9%", "99.99%", "4N", "5N", "工业级", "无"], good.size)
    form = rng.choice(["块状", "粉末", "ingot", "powder", "granule", "成品", "bar"], good.size)
    brand = rng.choice(["无品牌", "no brand", "HC", "XY-01", "境内自主品牌"], good.size)
    spec = np.char.add(
        np.char.add(np.char.add(np.char.add(np.char.add("0|0|", purity), "|"), form), "|"), brand
    )
    return text_series("specification", np.where(rng.random(good.size) < 0.25, NULL, spec))


def render(rng: np.random.Generator, plan: pl.DataFrame, acts: Actors) -> pl.DataFrame:
    """Contract columns for every planned line, plus the hidden truth (``_`` columns)."""
    for name in OVERRIDES:
        if name not in plan.columns:
            plan = plan.with_columns(pl.lit(None, pl.String).alias(name))
    heads = declaration_frame(rng, plan)
    n = plan.height
    ex = acts.exporters
    cons = acts.consignees
    who = plan["exporter"].to_numpy()
    ci = plan["cons"].to_numpy()
    person = np.char.add(np.char.add(rng.choice(FIRST, n), " "), rng.choice(LAST, n))
    cons_name = np.where(ci >= 0, cons["name"].to_numpy()[np.maximum(ci, 0)], person)
    variant = rng.integers(0, 5, n)
    cons_name = np.where(
        (ci >= 0) & (variant == 1), np.char.upper(cons_name.astype(str)), cons_name
    )
    cons_name = np.where(
        (ci >= 0) & (variant == 2),
        np.char.replace(np.char.replace(cons_name.astype(str), ".", ""), ",", ""),
        cons_name,
    )
    cons_addr = np.where(
        ci >= 0,
        cons["address"].to_numpy()[np.maximum(ci, 0)],
        np.char.add(np.char.add(rng.integers(1, 999, n).astype(str), " "), rng.choice(STREETS, n)),
    )
    zh = ex["name_zh"].to_numpy()[who]
    en = ex["name_en"].to_numpy()[who]
    ex_name = np.where(
        rng.random(n) < 0.7, zh, np.where(rng.random(n) < 0.5, np.char.upper(en.astype(str)), en)
    )
    good = plan["good"].to_numpy()
    controlled = (
        GOODS["controlled"].to_numpy()[good]
        | GOODS["controlled"].to_numpy()[plan["true_good"].to_numpy()]
    )
    end_user = np.where(
        controlled & (rng.random(n) < 0.95),
        np.where(
            rng.random(n) < 0.6,
            cons_name,
            np.array([f"{s} Works" for s in rng.choice(["Apex", "Orion", "Keystone", "Delta"], n)]),
        ),
        np.where(rng.random(n) < 0.2, cons_name, NULL),
    )
    end_use = np.where(
        controlled & (rng.random(n) < 0.9),
        rng.choice(vocab.END_USES, n),
        np.where(rng.random(n) < 0.08, rng.choice(vocab.END_USES, n), NULL),
    )
    region = np.where(
        rng.random(n) < 0.35,
        NULL,
        np.where(
            ex["kind"].to_numpy()[who] == "producer",
            ex["region"].to_numpy()[who],
            rng.choice(vocab.REGIONS, n),
        ),
    )
    frame = (
        plan.with_columns(
            pl.Series("_cons_name", cons_name.astype(str)),
            text_series("_cons_addr", np.where(rng.random(n) < 0.2, NULL, cons_addr)),
            pl.Series("_ex_name", ex_name.astype(str)),
            pl.Series("exporter_id", ex["exporter_id"].to_numpy()[who]),
            text_series("_end_user", end_user),
            text_series("_end_use", end_use),
            text_series("_region", region),
            descriptions(rng, good),
            specification(rng, good),
            pl.Series("_gross_factor", rng.uniform(1.02, 1.09, n)),
            pl.Series("_gross_missing", rng.random(n) < 0.1),
            pl.Series("_no_line", rng.random(n) < 0.15),
            pl.Series("_trade_hk", rng.random(n) < 0.05),
        )
        .join(heads.drop("day", "mode", "country", "b2c"), on="uid", how="left")
        .join(GOODS.select("good", "hs", "unit", "kg_per_unit"), on="good", how="left")
    )
    return finish(frame)


def finish(f: pl.DataFrame) -> pl.DataFrame:
    """The contract columns from the rendered parts and the plan's overrides."""
    rate = pl.col("currency").replace_strict(vocab.CURRENCY_PER_USD, return_dtype=pl.Float64)
    cif = pl.when(pl.col("cif") & (pl.col("mode") == "sea")).then(pl.col("cif_rate")).otherwise(1.0)
    qty = pl.col("kg") / pl.col("kg_per_unit")
    qty = (
        pl.when(pl.col("unit").is_in(["pcs", "set"]))
        .then(qty.round(0).clip(1))
        .otherwise(qty.round(3))
    )
    moment = pl.col("date").cast(pl.Datetime("us")) + pl.duration(
        hours=pl.col("hour"), minutes=pl.col("minute")
    )
    declared_at = (
        pl.when(pl.col("date_only") & ~pl.col("b2c"))
        .then(pl.col("date").dt.strftime("%Y-%m-%d"))
        .otherwise(moment.dt.strftime("%Y-%m-%d %H:%M:%S"))
    )
    gross = pl.when(pl.col("b2c")).then(pl.col("kg") + 0.15).otherwise(
        pl.col("kg") * pl.col("_gross_factor")
    ) + pl.col("hidden_kg")
    return f.with_columns(
        pl.when(pl.col("_no_line") & (pl.col("n_lines") == 1))
        .then(None)
        .otherwise(pl.col("line"))
        .alias("line_no"),
        declared_at.alias("declared_at"),
        pl.coalesce("exporter_name", "_ex_name").alias("exporter_name"),
        pl.when(pl.col("no_broker"))
        .then(None)
        .otherwise(
            pl.col("broker").replace_strict(dict(enumerate(BROKERS)), return_dtype=pl.String)
        )
        .alias("declarant_id"),
        pl.coalesce("cons_name", "_cons_name").alias("consignee_name"),
        pl.col("_cons_addr").alias("consignee_address"),
        pl.col("country").alias("consignee_country"),
        pl.coalesce("dest", "country").alias("destination_country"),
        pl.when(pl.col("_trade_hk"))
        .then(pl.lit("HK"))
        .otherwise(pl.col("country"))
        .alias("trade_country"),
        pl.coalesce("end_user", "_end_user").alias("end_user_name"),
        pl.coalesce("end_use", "_end_use").alias("end_use"),
        pl.col("hs").alias("hs_code"),
        pl.coalesce("desc", "description").alias("description"),
        pl.coalesce("spec", "specification").alias("specification"),
        qty.alias("quantity"),
        pl.col("kg").round(3).alias("net_weight_kg"),
        pl.when(pl.col("_gross_missing"))
        .then(None)
        .otherwise(gross.round(2))
        .alias("gross_weight_kg"),
        (pl.col("usd") * rate * cif).round(2).alias("value"),
        pl.when(pl.col("licence") == "")
        .then(None)
        .otherwise(pl.col("licence"))
        .alias("license_no"),
        pl.when(pl.col("mode").is_in(["sea", "rail", "road"]))
        .then(pl.col("containers"))
        .alias("container_ids"),
        pl.coalesce("region", "_region").alias("origin_region"),
    )


#: The contract's declaration columns, in its order (every one of them is written).
DECLARATION_COLUMNS = tuple(c.name for c in TABLES["declarations"].columns)


def day_to_date(day: int) -> dt.date:
    return START + dt.timedelta(days=day)
