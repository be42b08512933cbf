"""Optional tables: the party register and its relations, trade statistics (own exports,
hubs' mirror imports and re-exports), market prices for some materials and months, and
the watchlist.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from twelfthworld import vocab
from twelfthworld.lines import GOOD_HS, N_ORD, Cols
from twelfthworld.population import DAY0, DAYS, N_MONTHS, Population, month_index

PRICE_MATERIALS = ["ga_metal", "ge_metal", "sb_metal", "apt", "dy2o3", "bi_metal"]


def _date(day: np.ndarray) -> np.ndarray:
    return (DAY0 + np.asarray(day).astype("timedelta64[D]")).astype(str)


def register(
    rng: np.random.Generator, pop: Population, lines: Cols, fronts: np.ndarray
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Parties and relations: most exporters (spelled the other way than on their
    declarations) with legal representatives, watchlisted firms, some consignees, and the
    fronts with their ties to listed firms (for 70 % of fronts)."""
    ex = pop.exporters
    n_ex = ex.height
    seen = np.zeros(n_ex, dtype=bool)
    seen[np.unique(lines["exporter"])] = True
    keep = seen & (rng.random(n_ex) < 0.7)
    zh = ex["writes_zh"].to_numpy()
    name = np.where(zh, ex["name_en"].to_numpy(), ex["name_zh"].to_numpy())
    alt = ex["name_short"].to_numpy()
    e_ids = np.array([f"EX{i:06d}" for i in range(n_ex)], dtype=object)
    incorporated = np.maximum(ex["first_day"].to_numpy() - rng.integers(30, 900, n_ex), -4000)
    exporters = pl.DataFrame(
        {
            "party_id": e_ids,
            "kind": "company",
            "name": name,
            "alt_names": alt,
            "country": "CN",
            "address": ex["address"].to_numpy(),
            "phone": ex["phone"].to_numpy(),
            "registration_id": ex["company_id"].to_numpy(),
            "incorporated_at": _date(incorporated),
        }
    ).filter(pl.Series(keep))
    person = ex["person"].to_numpy()
    p_ids = np.array([f"PN{i:06d}" for i in range(pop.people.height)], dtype=object)
    used = np.unique(person[keep])
    people = pl.DataFrame(
        {
            "party_id": p_ids[used],
            "kind": "person",
            "name": pop.people["name_zh"].to_numpy()[used],
            "alt_names": pop.people["name_en"].to_numpy()[used],
            "country": "CN",
        }
    )
    legal = pl.DataFrame(
        {
            "src_party_id": p_ids[person[keep]],
            "dst_party_id": e_ids[keep],
            "relation": "legal_representative",
        }
    )
    wl = pop.watchlist
    w_ids = np.array([f"WL{i:04d}" for i in range(wl.height)], dtype=object)
    listed = pl.DataFrame(
        {
            "party_id": w_ids,
            "kind": "company",
            "name": wl["name"].to_numpy(),
            "country": wl["country"].to_numpy(),
            "address": wl["address"].to_numpy(),
            "phone": wl["phone"].to_numpy(),
            "registration_id": wl["registration_id"].to_numpy(),
        }
    )
    con = pop.consignees
    c_ids = np.array([f"CO{i:06d}" for i in range(con.height)], dtype=object)
    front_set = np.zeros(con.height, dtype=bool)
    front_set[fronts] = True
    show = front_set & (rng.random(con.height) < 0.7)
    others = ~front_set & (rng.random(con.height) < 0.25)
    tie = np.flatnonzero(show)
    boss = rng.integers(0, wl.height, tie.size)
    how = rng.integers(0, 3, tie.size)  # 0 shared director, 1 shareholder, 2 same phone/address
    phone = con["phone"].to_numpy().copy()
    address = con["address"].to_numpy().copy()
    phone[tie[how == 2]] = wl["phone"].to_numpy()[boss[how == 2]]
    address[tie[how == 2]] = wl["address"].to_numpy()[boss[how == 2]]
    consignees = pl.DataFrame(
        {
            "party_id": c_ids,
            "kind": "company",
            "name": con["name"].to_numpy(),
            "country": con["country"].to_numpy(),
            "address": address,
            "phone": phone,
            "registration_id": con["registration_id"].to_numpy(),
            "incorporated_at": _date(con["since"].to_numpy()),
        }
    ).filter(pl.Series(show | others))
    directors = np.array([f"FD{i:04d}" for i in range(tie.size)], dtype=object)
    d = how == 0
    foreign_people = pl.DataFrame(
        {
            "party_id": directors[d],
            "kind": "person",
            "name": rng.choice(
                np.array(
                    [
                        "Omar Haddad",
                        "Kenji Mori",
                        "Aylin Demir",
                        "John Reyes",
                        "Viktor Sokolov",
                        "Lee Min-ho",
                    ]
                ),
                int(d.sum()),
            ),
        }
    )
    relations = pl.concat(
        [
            legal,
            pl.DataFrame(
                {
                    "src_party_id": directors[d],
                    "dst_party_id": c_ids[tie[d]],
                    "relation": "director",
                }
            ),
            pl.DataFrame(
                {
                    "src_party_id": directors[d],
                    "dst_party_id": w_ids[boss[d]],
                    "relation": "director",
                }
            ),
            pl.DataFrame(
                {
                    "src_party_id": w_ids[boss[how == 1]],
                    "dst_party_id": c_ids[tie[how == 1]],
                    "relation": "shareholder",
                }
            ),
        ],
        how="diagonal",
    )
    relations = relations.with_columns(
        pl.when(pl.col("relation") == "shareholder")
        .then(pl.lit(0.6))
        .otherwise(None)
        .alias("share")
    )
    partyframe = pl.concat([exporters, people, listed, consignees, foreign_people], how="diagonal")
    return partyframe, relations


def trade_stats(rng: np.random.Generator, pop: Population, lines: Cols) -> pl.DataFrame:
    """China's monthly exports of metals and chemicals by partner and 6-digit code as
    declared; hubs' mirror imports (CIF, with the true goods of fronts' shipments) and
    their re-exports to the US, Japan and Korea, which climb with what the fronts buy."""
    hs6 = np.array([h[:6] for h in GOOD_HS])
    chapters = ("25", "26", "28", "38", "71", "76", "78", "79", "80", "81")
    frame = pl.DataFrame(
        {
            "partner": lines["destination"],
            "hs_code": hs6[lines["good"]],
            "month": month_index(lines["day"]),
            "value_usd": lines["value_usd"],
            "quantity_kg": lines["net_kg"],
            "scheme": lines["scheme"],
            "true_hs": np.where(
                lines["item"] >= 0, hs6[N_ORD + np.clip(lines["item"], 0, None)], hs6[lines["good"]]
            ),
            "true_value": lines["true_value"],
        }
    ).filter(pl.col("hs_code").str.slice(0, 2).is_in(chapters))
    period = pl.concat_str(
        [
            (2022 + pl.col("month") // 12).cast(pl.String),
            pl.lit("-"),
            (1 + pl.col("month") % 12).cast(pl.String).str.zfill(2),
        ]
    )
    exports = frame.group_by("partner", "hs_code", "month").agg(
        pl.col("value_usd").sum(), pl.col("quantity_kg").sum()
    )
    own = exports.with_columns(
        pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"), period.alias("period")
    )
    hubs = [c[0] for c in vocab.COUNTRIES if c[3]]
    mirror = (
        frame.filter(pl.col("partner").is_in(hubs))
        .group_by("partner", "true_hs", "month")
        .agg(pl.col("true_value").sum().alias("value_usd"), pl.col("quantity_kg").sum())
        .with_columns(
            pl.col("partner").alias("reporter"),
            pl.lit("CN").alias("partner"),
            pl.lit("import").alias("flow"),
            pl.col("true_hs").alias("hs_code"),
            (pl.col("value_usd") * 1.08).round(0),
            period.alias("period"),
        )
        .drop("true_hs")
    )
    fronts = frame.filter(pl.col("scheme").is_in(["hub_front", "mixed_basket_buyer"]))
    base = pl.DataFrame(
        {"reporter": np.repeat(hubs, N_MONTHS), "month": np.tile(np.arange(N_MONTHS), len(hubs))}
    )
    base = base.with_columns(pl.Series("value_usd", rng.lognormal(11, 0.5, base.height)))
    surge = fronts.group_by(pl.col("partner").alias("reporter"), "month").agg(
        (pl.col("true_value").sum() * 1.3).alias("extra")
    )
    reexp = (
        base.join(surge, on=["reporter", "month"], how="left")
        .with_columns(
            (pl.col("value_usd") + pl.col("extra").fill_null(0)).round(0).alias("value_usd"),
            pl.lit("US").alias("partner"),
            pl.lit("re_export").alias("flow"),
            pl.lit("811292").alias("hs_code"),
            period.alias("period"),
        )
        .drop("extra")
    )
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    rows = pl.concat(
        [
            own.select(cols),
            mirror.select(cols),
            reexp.with_columns(pl.lit(None, pl.Float64).alias("quantity_kg")).select(cols),
        ]
    )
    return rows.sort(cols[:5])


def prices(rng: np.random.Generator, pop: Population) -> pl.DataFrame:
    """Prices of a few materials on some days of about two months in three: domestic in
    CNY per kg, Rotterdam in USD per kg or per tonne."""
    keys = [c.key for c in vocab.CONTROLLED]
    rows = []
    months = np.arange(N_MONTHS)
    for key in PRICE_MATERIALS:
        k = keys.index(key)
        item = vocab.CONTROLLED[k]
        covered = months[rng.random(N_MONTHS) < 0.65]
        day = np.minimum(covered * 30.44 + rng.integers(0, 28, covered.size), DAYS - 1).astype(int)
        usd = item.usd_per_kg * pop.price_index[k, day]
        domestic = usd * pop.fx["CNY"][covered] * 0.85  # inside China the control depresses price
        per_t = item.usd_per_kg < 50
        rows.append(
            pl.DataFrame(
                {
                    "material": item.material,
                    "market": "CN",
                    "date": _date(day),
                    "price": np.round(domestic, 2),
                    "currency": "CNY",
                    "unit": "kg",
                }
            )
        )
        rows.append(
            pl.DataFrame(
                {
                    "material": item.material,
                    "market": "Rotterdam",
                    "date": _date(day),
                    "price": np.round(usd * (1000 if per_t else 1), 2),
                    "currency": "USD",
                    "unit": "t" if per_t else "kg",
                }
            )
        )
    return pl.concat(rows)


def watchlist(pop: Population) -> pl.DataFrame:
    """The watchlist table of the contract."""
    return pop.watchlist.select(
        "list",
        "name",
        "alt_names",
        "kind",
        "country",
        "address",
        "registration_id",
        "listed_at",
        "reason",
    )
