"""The side tables: parties, relations, watchlist, trade statistics, prices; and the
declarations table as written (hidden columns dropped, dates formatted).

Trade statistics are what the world's flows would show: China's exports as declared,
partners' imports as they really arrived (so misdeclared and hidden goods show in the
mirror), transit countries' re-exports, and two years before the window in which
transit countries bought little of the controlled goods.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from .actors import HUBS, Actors
from .names import respell
from .shipments import FX, TIMED_MODES, Catalogue

MATERIAL = {
    "CN-2023-23-GA-01": "gallium:metal",
    "CN-2023-23-GA-05": "gallium:arsenide",
    "CN-2023-23-GE-01": "germanium:metal",
    "CN-2023-23-GE-05": "germanium:dioxide",
    "CN-2023-39-GR-02": "graphite:spherical",
    "CN-2023-39-GR-01": "graphite:high_purity",
    "CN-2024-33-SB-02": "antimony:metal",
    "CN-2024-33-SB-03": "antimony:oxide",
    "CN-2025-10-W-01": "tungsten:apt",
    "CN-2025-10-W-04": "tungsten:metal",
    "CN-2025-10-TE-01": "tellurium:metal",
    "CN-2025-10-BI-01": "bismuth:metal",
    "CN-2025-18-DY-B": "dysprosium:oxide",
    "CN-2025-18-TB-B": "terbium:oxide",
    "CN-2025-18-Y-B": "yttrium:oxide",
    "CN-2025-18-SM-A": "samarium:alloy",
}
CONTRACT_DECLARATION_COLUMNS = (
    "declaration_id",
    "line_no",
    "declared_at",
    "port",
    "mode",
    "exporter_id",
    "exporter_name",
    "declarant_id",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "trade_country",
    "end_user_name",
    "end_use",
    "hs_code",
    "description",
    "specification",
    "quantity",
    "unit",
    "net_weight_kg",
    "gross_weight_kg",
    "value",
    "currency",
    "license_no",
    "container_ids",
    "transport_doc",
    "origin_region",
)


def declarations(lines: dict[str, np.ndarray]) -> pl.DataFrame:
    """The declarations table, ordered by lodging day."""
    day = lines["_day"].astype("datetime64[D]")
    stamp = day.astype("datetime64[s]") + lines["_seconds"].astype("timedelta64[s]")
    text = np.where(
        np.isin(lines["mode"], TIMED_MODES),
        np.datetime_as_string(stamp),
        np.datetime_as_string(day),
    )
    cols = {c: lines[c] for c in CONTRACT_DECLARATION_COLUMNS if c != "declared_at"}
    cols["declared_at"] = text
    frame = pl.DataFrame(
        {c: (v.tolist() if v.dtype == object else v) for c, v in cols.items()},
        schema_overrides={
            c: pl.String
            for c in (
                "declarant_id",
                "consignee_address",
                "trade_country",
                "end_user_name",
                "end_use",
                "specification",
                "license_no",
                "container_ids",
                "transport_doc",
                "origin_region",
            )
        },
    )
    frame = frame.with_columns(pl.Series("_day", day))
    return (
        frame.sort("_day", "declaration_id", "line_no")
        .drop("_day")
        .select(CONTRACT_DECLARATION_COLUMNS)
    )


def truth(lines: dict[str, np.ndarray]) -> pl.DataFrame:
    rows = np.flatnonzero(lines["_scheme"] != None)  # noqa: E711
    return pl.DataFrame(
        {
            "declaration_id": lines["declaration_id"][rows].tolist(),
            "line_no": lines["line_no"][rows],
            "scheme": lines["_scheme"][rows].tolist(),
        }
    ).sort("declaration_id", "line_no")


def parties(rng: np.random.Generator, a: Actors) -> pl.DataFrame:
    """Exporters, consignees, watchlisted parties and persons, with their contacts."""
    n_exp, n_con = a.exp_id.size, a.con_name.size
    exporters = pl.DataFrame(
        {
            "party_id": [f"E{i:05d}" for i in range(n_exp)],
            "kind": np.where(a.exp_person, "person", "company").tolist(),
            "name": a.exp_name_zh.tolist(),
            "alt_names": [";".join(v) for v in a.exp_names_en],
            "country": ["CN"] * n_exp,
            "address": a.exp_address.tolist(),
            "phone": a.exp_phone.tolist(),
            "registration_id": a.exp_id.tolist(),
            "incorporated_at": [str(d) for d in a.exp_since.astype("datetime64[D]")],
        }
    )
    consignees = pl.DataFrame(
        {
            "party_id": [f"C{i:05d}" for i in range(n_con)],
            "kind": ["company"] * n_con,
            "name": a.con_name.tolist(),
            "alt_names": [respell(rng, str(c)) for c in a.con_name],
            "country": a.con_country.tolist(),
            "address": a.con_address.tolist(),
            "phone": a.con_phone.tolist(),
            "registration_id": [None] * n_con,
            "incorporated_at": [str(d) for d in a.con_since.astype("datetime64[D]")],
        },
        schema_overrides={"registration_id": pl.String},
    )
    watched = pl.DataFrame(
        {
            "party_id": [f"W{w['idx']:04d}" for w in a.watch],
            "kind": ["company"] * len(a.watch),
            "name": [w["name"] for w in a.watch],
            "alt_names": [";".join(w["alt"]) for w in a.watch],  # type: ignore[arg-type]
            "country": [w["country"] for w in a.watch],
            "address": [w["address"] for w in a.watch],
            "phone": [w["phone"] for w in a.watch],
            "registration_id": [None] * len(a.watch),
            "incorporated_at": [None] * len(a.watch),
        },
        schema_overrides={"registration_id": pl.String, "incorporated_at": pl.String},
    )
    persons = pl.DataFrame(
        {
            "party_id": [p["party_id"] for p in a.persons],
            "kind": ["person"] * len(a.persons),
            "name": [p["name"] for p in a.persons],
        }
    )
    return pl.concat([exporters, consignees, watched, persons], how="diagonal")


def relations(a: Actors) -> pl.DataFrame:
    return pl.DataFrame(
        a.relations, schema=["src_party_id", "dst_party_id", "relation", "since"], orient="row"
    ).with_columns(pl.col("since").replace("", None))


def watchlist(a: Actors) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "list": [w["list"] for w in a.watch],
            "name": [w["name"] for w in a.watch],
            "alt_names": [";".join(w["alt"]) for w in a.watch],  # type: ignore[arg-type]
            "kind": ["company"] * len(a.watch),
            "country": [w["country"] for w in a.watch],
            "address": [w["address"] for w in a.watch],
            "listed_at": [str(w["listed_at"]) for w in a.watch],
            "reason": [w["reason"] for w in a.watch],
        }
    )


def trade_stats(
    rng: np.random.Generator, lines: dict[str, np.ndarray], cat: Catalogue
) -> pl.DataFrame:
    """Exports as declared, mirror imports as arrived, transit re-exports, earlier years."""
    year = (lines["_day"].astype("datetime64[Y]").astype(int) + 1970).astype(str)
    usd = lines["value"] / lines["_fx"]
    base = pl.DataFrame(
        {
            "partner": lines["destination_country"].tolist(),
            "period": year,
            "declared_hs": [h[:6] for h in lines["hs_code"]],
            "true_hs": [h[:6] for h in cat.hs[lines["_true_prod"]]],
            "usd": usd,
            "kg": lines["net_weight_kg"].astype(float),
            "true_usd": lines["_value_usd"],
            "true_kg": lines["_true_kg"].astype(float),
            "fraud": lines["_scheme"] != None,  # noqa: E711
        }
    )
    exports = (
        base.group_by("partner", "period", "declared_hs")
        .agg(pl.col("usd").sum().alias("value_usd"), pl.col("kg").sum().alias("quantity_kg"))
        .select(
            pl.lit("CN").alias("reporter"),
            "partner",
            pl.lit("export").alias("flow"),
            pl.col("declared_hs").alias("hs_code"),
            "period",
            "value_usd",
            "quantity_kg",
        )
    )
    imports = (
        base.group_by("partner", "period", "true_hs")
        .agg(
            (pl.col("true_usd").sum() * 1.08).alias("value_usd"),
            pl.col("true_kg").sum().alias("quantity_kg"),
        )
        .select(
            pl.col("partner").alias("reporter"),
            pl.lit("CN").alias("partner"),
            pl.lit("import").alias("flow"),
            pl.col("true_hs").alias("hs_code"),
            "period",
            "value_usd",
            "quantity_kg",
        )
    )
    ctrl_hs = sorted({h[:6] for h in cat.hs[cat.controlled]})
    honest_ctrl = base.filter(
        ~pl.col("fraud") & pl.col("true_hs").is_in(ctrl_hs) & (pl.col("period") == "2024")
    )
    earlier = pl.concat(
        [
            honest_ctrl.group_by("partner", "true_hs")
            .agg(
                (pl.col("true_usd").sum() * f).alias("value_usd"),
                (pl.col("true_kg").sum() * f).alias("quantity_kg"),
            )
            .with_columns(pl.lit(y).alias("period"))
            for y, f in (("2022", 0.85), ("2023", 1.1))
        ]
    ).select(
        pl.col("partner").alias("reporter"),
        pl.lit("CN").alias("partner"),
        pl.lit("import").alias("flow"),
        pl.col("true_hs").alias("hs_code"),
        "period",
        "value_usd",
        "quantity_kg",
    )
    onward = base.filter(
        pl.col("fraud") & pl.col("partner").is_in(HUBS) & pl.col("true_hs").is_in(ctrl_hs)
    )
    re_exports = (
        onward.group_by("partner", "period", "true_hs")
        .agg(
            (pl.col("true_usd").sum() * 1.6).alias("value_usd"),
            (pl.col("true_kg").sum() * 0.85).alias("quantity_kg"),
        )
        .sort("partner", "period", "true_hs")
    )
    re_exports = re_exports.select(
        pl.col("partner").alias("reporter"),
        pl.Series("to", rng.choice(["US", "TW", "JP", "DE"], size=re_exports.height)).alias(
            "partner"
        ),
        pl.lit("re_export").alias("flow"),
        pl.col("true_hs").alias("hs_code"),
        "period",
        "value_usd",
        "quantity_kg",
    )
    out = pl.concat([exports, imports, earlier, re_exports]).sort(
        "reporter", "partner", "flow", "hs_code", "period"
    )
    noise = np.exp(rng.normal(0, 0.05, size=out.height))
    return out.with_columns((pl.col("value_usd") * noise).round(0), pl.col("quantity_kg").round(1))


def prices(cat: Catalogue) -> pl.DataFrame:
    """Weekly domestic (CNY) and Rotterdam (USD) prices of each controlled product; the gap
    opens once a product needs a licence."""
    weeks = np.arange(np.datetime64("2023-01-02"), np.datetime64("2026-09-30"), 7)
    frames = []
    for i in cat.controlled:
        material = MATERIAL[cat.item[i]]
        after = weeks >= cat.licensable[i]
        months = np.maximum((weeks - cat.licensable[i]).astype(int), 0) / 30
        wiggle = 1 + 0.05 * np.sin(np.arange(weeks.size) / 6 + i)
        domestic = cat.usd[i] * 0.9 * wiggle * FX["CNY"]
        abroad = cat.usd[i] * wiggle * np.where(after, 1.3 + np.minimum(months, 18) * 0.06, 1.08)
        for market, price, cur in (("CN", domestic, "CNY"), ("Rotterdam", abroad, "USD")):
            frames.append(
                pl.DataFrame(
                    {
                        "material": material,
                        "market": market,
                        "date": weeks.astype("datetime64[D]"),
                        "price": np.round(price, 2),
                        "currency": cur,
                        "unit": "kg",
                    }
                )
            )
    return pl.concat(frames)
