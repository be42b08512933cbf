"""The reference tables: parties and their links, the restricted-party list, trade
statistics (own exports as declared, partners' imports as shipped, with the relay
countries' imports surging after the controls) and market prices."""

from __future__ import annotations

import numpy as np
import polars as pl

from . import names, places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]


def day_to_date(day: np.ndarray) -> np.ndarray:
    return (places.START + np.asarray(day)).astype("datetime64[D]")


def parties(
    rng: Rng, exporters: pl.DataFrame, consignees: pl.DataFrame, listed: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Parties (exporters under their customs code, consignees, restricted parties, the
    people who direct them) and relations (directors, owners)."""
    ex = exporters.select(
        pl.col("exporter_id").alias("party_id"),
        pl.lit("company").alias("kind"),
        pl.col("name_zh").alias("name"),
        (pl.col("name_en") + ";" + pl.col("name_alt")).alias("alt_names"),
        pl.lit("CN").alias("country"),
        "address",
        "phone",
        pl.col("uscc").alias("registration_id"),
        pl.Series(
            day_to_date(
                np.where(
                    exporters["start_day"].to_numpy() > 0,
                    exporters["start_day"].to_numpy() - rng.integers(20, 200, exporters.height),
                    -rng.integers(400, 6000, exporters.height),
                )
            )
        ).alias("incorporated_at"),
    )
    cs = consignees.with_row_index("i").select(
        ("CS" + pl.col("i").cast(pl.String).str.zfill(5)).alias("party_id"),
        pl.lit("company").alias("kind"),
        pl.col("consignee_name").alias("name"),
        pl.lit("").alias("alt_names"),
        pl.col("consignee_country").alias("country"),
        pl.col("consignee_address").alias("address"),
        "phone",
        pl.lit("").alias("registration_id"),
        pl.Series(day_to_date(consignees["incorporated_at_day"].to_numpy())).alias(
            "incorporated_at"
        ),
    )
    wl = listed.select(
        "party_id",
        pl.lit("company").alias("kind"),
        "name",
        pl.col("alias").alias("alt_names"),
        "country",
        "address",
        "phone",
        pl.lit("").alias("registration_id"),
        pl.lit(None, pl.Date).alias("incorporated_at"),
    )
    # directors: every restricted party and front linked by a director share one person;
    # ordinary consignees get directors of their own (noise to link through)
    fronts = consignees.with_row_index("i").filter(pl.col("role") == "front")
    linked = fronts.filter(pl.col("link") == "director")
    n_people = listed.height + 200
    zh, py = names.person(rng, n_people)
    people = pl.DataFrame(
        {
            "party_id": [f"PP{i:05d}" for i in range(n_people)],
            "kind": "person",
            "name": py,
            "alt_names": zh,
            "country": "",
            "address": "",
            "phone": "",
            "registration_id": "",
            "incorporated_at": pl.Series([None] * n_people, dtype=pl.Date),
        }
    )
    wl_ids = listed["party_id"].to_list()
    person_of = {w: f"PP{i:05d}" for i, w in enumerate(wl_ids)}
    rel = [
        pl.DataFrame(
            {
                "src_party_id": [person_of[w] for w in wl_ids],
                "dst_party_id": wl_ids,
                "relation": "director",
            }
        ),
        pl.DataFrame(
            {
                "src_party_id": [person_of[w] for w in linked["listed_id"].to_list()],
                "dst_party_id": ["CS" + str(i).zfill(5) for i in linked["i"].to_list()],
                "relation": "director",
            }
        ),
    ]
    ordinary = consignees.with_row_index("i").filter(pl.col("role") == "ordinary")
    ordinary = ordinary.sample(n=min(600, ordinary.height), seed=int(rng.integers(1 << 30)))
    rel.append(
        pl.DataFrame(
            {
                "src_party_id": [
                    f"PP{listed.height + int(k):05d}" for k in rng.integers(0, 200, ordinary.height)
                ],
                "dst_party_id": ["CS" + str(i).zfill(5) for i in ordinary["i"].to_list()],
                "relation": rng.choice(["director", "owner"], ordinary.height),
            }
        )
    )
    relations = pl.concat(rel).with_columns(
        pl.lit(None, pl.Float64).alias("share"), pl.lit(None, pl.Date).alias("since")
    )
    table = pl.concat([ex, cs, wl, people], how="vertical_relaxed").unique(
        "party_id", keep="first", maintain_order=True
    )
    return table, relations


def watchlist(listed: pl.DataFrame) -> pl.DataFrame:
    """The restricted-party list in the contract's columns."""
    return listed.select(
        "list",
        "name",
        pl.col("alias").alias("alt_names"),
        pl.lit("company").alias("kind"),
        "country",
        "address",
        pl.lit("").alias("registration_id"),
        pl.Series(day_to_date(listed["listed_day"].to_numpy())).alias("listed_at"),
        pl.lit("军工最终用户 military end user").alias("reason"),
    )


def trade_stats(rng: Rng, cols: Cols) -> pl.DataFrame:
    """Own monthly exports as declared, partners' yearly imports as truly shipped, and a
    history (2021-2024) in which the relay countries' imports of controlled codes were a
    fraction of what they became."""
    usd = cols["value"].astype(float) / np.array([places.FX[c] for c in cols["currency"]])
    month = day_to_date(cols["day"]).astype("datetime64[M]").astype(str)
    year = day_to_date(cols["day"]).astype("datetime64[Y]").astype(str)
    frame = pl.DataFrame(
        {
            "partner": cols["destination_country"].astype(str),
            "hs": cols["hs_code"].astype(str),
            "true_hs": cols["_true_hs"].astype(str),
            "month": month,
            "year": year,
            "usd": usd,
            "true_usd": cols["_true_usd"],
            "kg": cols["net_weight_kg"].astype(float),
            "true_kg": cols["_true_kg"],
        }
    )
    own = (
        frame.group_by(
            "partner",
            pl.col("hs").str.slice(0, 6).alias("hs_code"),
            pl.col("month").alias("period"),
            maintain_order=True,
        )
        .agg(
            pl.col("usd").sum().round(0).alias("value_usd"),
            pl.col("kg").sum().round(1).alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    mirror = (
        frame.group_by(
            pl.col("partner").alias("reporter"),
            pl.col("true_hs").str.slice(0, 6).alias("hs_code"),
            pl.col("year").alias("period"),
            maintain_order=True,
        )
        .agg(
            (pl.col("true_usd").sum() * 1.06).round(0).alias("value_usd"),
            pl.col("true_kg").sum().round(1).alias("quantity_kg"),
        )
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    base = mirror.filter(pl.col("period") == "2025")
    relay = pl.col("reporter").is_in(["KZ", "KG", "AE", "TR", "AM", "GE", "RS", "VN", "TH", "MY"])
    controlled = (
        pl.col("hs_code")
        .str.slice(0, 4)
        .is_in(
            [
                "8112",
                "2825",
                "2846",
                "2805",
                "3818",
                "2617",
                "2504",
                "3801",
                "8110",
                "2841",
                "8101",
                "2804",
                "8106",
                "8102",
                "2853",
            ]
        )
    )
    history = [
        base.with_columns(
            pl.lit(str(y)).alias("period"),
            (
                pl.col("value_usd")
                * pl.when(relay & controlled)
                .then(0.15 + 0.05 * (y - 2021))
                .otherwise(0.8 + 0.05 * (y - 2021))
            ).round(0),
            (
                pl.col("quantity_kg")
                * pl.when(relay & controlled)
                .then(0.15 + 0.05 * (y - 2021))
                .otherwise(0.8 + 0.05 * (y - 2021))
            ).round(1),
        )
        for y in (2021, 2022, 2023, 2024)
    ]
    cols_out = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    return pl.concat(
        [own.select(cols_out), mirror.select(cols_out), *[h.select(cols_out) for h in history]]
    )


def prices(rng: Rng, goods: pl.DataFrame) -> pl.DataFrame:
    """Monthly prices of the controlled forms: in China (CNY/kg) and Rotterdam (USD/kg),
    the gap widening after each control takes effect."""
    ctrl = goods.filter(pl.col("family") == "ctrl").unique("material", maintain_order=True)
    months = np.arange(np.datetime64("2024-06"), np.datetime64("2026-05"))
    out = []
    for row in ctrl.iter_rows(named=True):
        walk = np.exp(np.cumsum(rng.normal(0.005, 0.04, months.size)))
        usd = row["usd_kg"] * walk
        after = months.astype("datetime64[D]") >= np.datetime64(row["controlled_from"])
        premium = np.where(after, 1.15 + 0.08 * np.cumsum(after), 1.08)
        dates = months.astype("datetime64[D]") + 14
        out.append(
            pl.DataFrame(
                {
                    "material": row["material"],
                    "market": "CN",
                    "date": dates,
                    "price": np.round(usd * 7.15, 2),
                    "currency": "CNY",
                    "unit": "kg",
                }
            )
        )
        out.append(
            pl.DataFrame(
                {
                    "material": row["material"],
                    "market": "Rotterdam",
                    "date": dates,
                    "price": np.round(usd * premium, 2),
                    "currency": "USD",
                    "unit": "kg",
                }
            )
        )
    return pl.concat(out)
