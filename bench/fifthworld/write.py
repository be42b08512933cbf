"""Writing a built world as a dataset folder under the data contract, plus its truth.

Besides declarations it writes licences, parties, relations, inspections, watchlist,
trade statistics (China's declared exports and partners' mirror imports, which see the
true goods, and transit countries' re-exports) and monthly prices. No chain tables.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from fifthworld.build import Built
from fifthworld.calendar import START
from fifthworld.licensing import day_date
from orewatch.contract.schema import TABLES

#: The contract's declaration columns, in its order.
DECLARATION_COLUMNS = tuple(c.name for c in TABLES["declarations"].columns)


def declarations(b: Built) -> pl.DataFrame:
    """Lines joined to their headers, in the contract's columns."""
    heads = b.headers.select(
        "declaration_id",
        "declared_at",
        "port",
        "mode",
        "exporter_id",
        "exporter_name",
        "declarant_id",
        "consignee_address",
        "consignee_country",
        "destination_country",
        "trade_country",
        "container_ids",
        "transport_doc",
        "origin_region",
    )
    return (
        b.lines.join(heads, on="declaration_id")
        .with_columns(pl.col("quantity").round(3))
        .select(DECLARATION_COLUMNS)
        .sort("declaration_id", "line_no")
    )


def parties(b: Built) -> pl.DataFrame:
    """Exporters, brokers, people, consignees and watchlisted companies."""
    reg = b.registry
    ex = reg.exporters.unique("exporter_id", keep="first", maintain_order=True).select(
        pl.col("exporter_id").alias("party_id"),
        pl.lit("company").alias("kind"),
        pl.col("name_zh").alias("name"),
        pl.concat_str("name_en", "name_py", separator=";").alias("alt_names"),
        pl.lit("CN").alias("country"),
        "address",
        "phone",
        "registration_id",
        day_date(pl.col("incorporated_day")).alias("incorporated_at"),
    )
    br = reg.brokers.select(
        pl.col("broker_id").alias("party_id"),
        pl.lit("company").alias("kind"),
        pl.col("name_zh").alias("name"),
        pl.col("name_en").alias("alt_names"),
        pl.lit("CN").alias("country"),
        pl.col("broker_id").alias("registration_id"),
    )
    people = pl.DataFrame(reg.people)
    cons = reg.consignees.select(
        pl.format("C{}", pl.col("cn").cast(pl.String).str.zfill(5)).alias("party_id"),
        pl.lit("company").alias("kind"),
        "name",
        "country",
        "address",
        "phone",
        day_date(pl.col("incorporated_day")).alias("incorporated_at"),
    )
    listed = pl.DataFrame(b.watch).select(
        "party_id",
        pl.lit("company").alias("kind"),
        "name",
        pl.col("alt").alias("alt_names"),
        "country",
        "address",
        "phone",
    )
    return pl.concat([ex, br, people, cons, listed], how="diagonal_relaxed")


def watchlist(b: Built) -> pl.DataFrame:
    """The restricted-party list with listing dates."""
    return pl.DataFrame(b.watch).select(
        "list",
        "name",
        pl.col("alt").alias("alt_names"),
        pl.lit("company").alias("kind"),
        "country",
        "address",
        day_date(pl.col("listed_day")).alias("listed_at"),
        pl.lit("military end user / diversion risk").alias("reason"),
    )


def inspections(b: Built) -> pl.DataFrame:
    """Inspection records with dates."""
    return b.inspections.with_columns(
        day_date(pl.col("inspected_day")).alias("inspected_at")
    ).select(
        "declaration_id",
        pl.col("line_no").cast(pl.Int64),
        "inspected_at",
        "method",
        "result",
        *[
            c
            for c in ("found_hs_code", "found_description", "found_quantity_kg", "found_value")
            if c in b.inspections.columns
        ],
    )


def _monthly(base: pl.DataFrame, country: pl.Expr, hs: str, kg: str, markup: float) -> pl.DataFrame:
    """Value (USD, times ``markup`` for CIF or resale) and weight by country, hs6 and month."""
    return base.group_by(
        country.alias("country"), pl.col(hs).str.slice(0, 6).alias("hs_code"), "period"
    ).agg(
        (pl.col("usd").sum() * markup).round(0).alias("value_usd"),
        pl.col(kg).sum().round(1).alias("quantity_kg"),
    )


def trade_stats(b: Built, decl: pl.DataFrame, rng: np.random.Generator) -> pl.DataFrame:
    """Monthly statistics at 6 digits: China's exports as declared; partners' imports as the
    goods really were (mirror); transit countries' re-exports toward the front's owner."""
    usd = b.lines.with_columns(pl.col("value").alias("v"))
    base = usd.join(
        b.headers.select("declaration_id", "destination_country", "declared_at", "currency"),
        on="declaration_id",
    ).with_columns(pl.col("declared_at").str.slice(0, 7).alias("period"))
    rate = {"USD": 1.0, "EUR": 0.92, "HKD": 7.8, "CNY": 7.2, "JPY": 150.0}
    base = base.with_columns((pl.col("v") / pl.col("currency").replace_strict(rate)).alias("usd"))
    exports = _monthly(base, pl.col("destination_country"), "hs_code", "net_weight_kg", 1.0)
    exports = exports.rename({"country": "partner"}).with_columns(
        pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow")
    )
    mirror = _monthly(base, pl.col("destination_country"), "true_hs", "true_kg", 1.08)
    mirror = mirror.rename({"country": "reporter"}).with_columns(
        pl.lit("CN").alias("partner"), pl.lit("import").alias("flow")
    )
    onward = base.filter(pl.col("scheme") == "detour")
    detour = _monthly(onward, pl.col("destination_country"), "hs_code", "true_kg", 1.3)
    detour = detour.rename({"country": "reporter"}).with_columns(
        pl.lit("US").alias("partner"), pl.lit("re_export").alias("flow")
    )
    del rng
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    return pl.concat([f.select(cols) for f in (exports, mirror, detour)]).sort(
        "reporter", "partner", "flow", "hs_code", "period"
    )


def prices(b: Built) -> pl.DataFrame:
    """Monthly prices of each controlled material, domestic and abroad (USD per kg)."""
    from fifthworld.calendar import drift, export_premium

    ctrl = b.goods.filter(pl.col("controlled")).unique(
        "material", keep="first", maintain_order=True
    )
    months = np.arange(0, 730, 30)
    rows = []
    for r in ctrl.iter_rows(named=True):
        dom = r["usd_per_unit"] * drift(months, np.full(months.shape, r["drift"]))
        abroad = dom * export_premium(
            months, np.full(months.shape, r["effective_day"]), np.full(months.shape, r["jump"])
        )
        for m, d, a in zip(months, dom, abroad, strict=True):
            day = (np.datetime64(START.isoformat()) + np.timedelta64(int(m), "D")).astype(str)
            rows.append((r["material"], "CN", day, round(float(d), 2), "USD", "kg"))
            rows.append((r["material"], "Rotterdam", day, round(float(a), 2), "USD", "kg"))
    return pl.DataFrame(
        rows, schema=["material", "market", "date", "price", "currency", "unit"], orient="row"
    )


def write(b: Built, out: Path, seed: int) -> None:
    """Write every table and ``truth/lines.csv``."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "truth").mkdir(exist_ok=True)
    decl = declarations(b)
    decl.write_csv(out / "declarations.csv")
    b.licences.unique("license_no", keep="first", maintain_order=True).write_csv(
        out / "licenses.csv"
    )
    parties(b).write_csv(out / "parties.csv")
    pl.DataFrame(b.registry.relations).unique(maintain_order=True).write_csv(out / "relations.csv")
    inspections(b).write_csv(out / "inspections.csv")
    watchlist(b).write_csv(out / "watchlist.csv")
    trade_stats(b, decl, np.random.default_rng(seed)).write_csv(out / "trade_stats.csv")
    prices(b).write_csv(out / "prices.csv")
    b.lines.filter(pl.col("scheme").is_not_null()).select(
        "declaration_id", "line_no", "scheme"
    ).sort("declaration_id", "line_no").write_csv(out / "truth" / "lines.csv")
