"""The optional tables: licences, parties and relations, watchlist, trade statistics
and prices. Written only in the ``full`` setting; the ``sparse`` one leaves them out.

Parties name firms in pinyin English where declarations mostly used characters (and
the other way round), with other spellings in ``alt_names``; phoenix firms keep their
link to the firm they replace through a shared director, phone, address or bank account
(``bank_account`` and ``dissolved_at`` are extra columns the contract keeps and ignores).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from tenthworld import names
from tenthworld.actors import END, START, Consignees, Exporters
from tenthworld.flows import Block, World
from tenthworld.schemes import licence_no

WATCH_TAILS = (
    "Defense Systems",
    "Aerospace Industries",
    "Munitions Works",
    "Missile Tech",
    "Naval Electronics",
    "Military Materials",
    "Guidance Systems",
)
WATCH_COUNTRIES = ("US", "US", "US", "JP", "TW", "US", "JP", "AE", "TR", "RU", "MY")


def watchlist(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Restricted parties in this world's own names: military end users (US, JP) and
    diversion fronts, listed on dates from 2022 onwards."""
    country = names.pick(rng, WATCH_COUNTRIES, n)
    stem = names.pick(rng, names.FOREIGN_STEMS, n)
    tail = names.pick(rng, WATCH_TAILS, n)
    name = np.array(
        [
            f"{s} {t} {names.FORMS_BY_COUNTRY.get(c, 'Ltd')}"
            for s, t, c in zip(stem, tail, country, strict=True)
        ],
        dtype=object,
    )
    alt = np.array(
        [f"{s.upper()} {t.split()[0].upper()}" for s, t in zip(stem, tail, strict=True)],
        dtype=object,
    )
    listed = np.datetime64("2022-01-01") + rng.integers(0, 1200, n)
    return pl.DataFrame(
        {
            "list": np.where(rng.random(n) < 0.6, "MOFCOM control list", "unreliable entity list"),
            "name": name,
            "alt_names": alt,
            "kind": "company",
            "country": country,
            "listed_at": listed.astype("datetime64[D]").astype(str),
            "reason": "military end user",
        }
    )


def honest_licences(w: World, b: Block, first_seq: int) -> tuple[list[dict[str, object]], int]:
    """Licences behind the honest controlled draws: one per exporter, item, consignee
    and year after the control date, for 110-180 % of what was drawn. Writes the
    number into the lines and returns the licence rows and the next sequence number."""
    rows = np.flatnonzero(b["_controlled"] & (b["_item"] >= 0))
    after = b["declared_at"][rows] >= w.ctrl.since[b["_item"][rows]]
    rows = rows[after]
    year = b["declared_at"][rows].astype("datetime64[Y]").astype(int)
    key = pl.DataFrame(
        {
            "row": rows,
            "exp": b["_exp"][rows],
            "item": b["_item"][rows],
            "con": b["consignee_name"][rows],
            "year": year,
        }
    ).with_columns(pl.struct("exp", "item", "con", "year").rank("dense").alias("g") - 1)
    g = key["g"].to_numpy()
    out: list[dict[str, object]] = []
    seq = first_seq
    numbers = np.empty(g.max() + 1 if len(g) else 0, dtype=object)
    for k in range(len(numbers)):
        r = rows[g == k]
        d0, d1 = b["declared_at"][r].min(), b["declared_at"][r].max()
        issued = d0 - np.timedelta64(int(w.rng.integers(5, 40)), "D")
        until = max(issued + np.timedelta64(365, "D"), d1 + np.timedelta64(10, "D"))
        seq += 1
        numbers[k] = licence_no(seq, issued)
        item = int(b["_item"][r[0]])
        out.append(
            {
                "license_no": numbers[k],
                "issued_at": issued,
                "valid_until": until,
                "exporter_id": w.ex.id[b["_exp"][r[0]]],
                "control_id": w.ctrl.item[item],
                "hs_code": w.ctrl.hs[item],
                "quantity_kg": round(
                    float(np.nansum(b["_true_kg"][r]) * w.rng.uniform(1.1, 1.8)), 1
                ),
                "consignee_name": b["consignee_name"][r[0]],
                "consignee_country": b["consignee_country"][r[0]],
                "end_user_name": b["end_user_name"][r[0]],
            }
        )
    if len(rows):
        b["license_no"][rows] = numbers[g]
    return out, seq


def licences(rows: list[dict[str, object]]) -> pl.DataFrame:
    """The licences table (dates as ISO text)."""

    def plain(v: object) -> object:
        if isinstance(v, np.datetime64):
            return str(v.astype("datetime64[D]"))
        return v.item() if isinstance(v, np.generic) else v

    f = pl.DataFrame([{k: plain(v) for k, v in r.items()} for r in rows], infer_schema_length=None)
    return f.with_columns(pl.lit("valid").alias("status"))


def parties(
    ex: Exporters,
    con: Consignees,
    people_en: np.ndarray,
    people_zh: np.ndarray,
    used: np.ndarray,
    dissolved: dict[int, np.datetime64],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Parties (exporters used, their directors, consignees) and relations (director
    of, and what a phoenix shares with the firm it replaced)."""
    idx = np.unique(used)
    pid = np.array([f"P-CN-{i:06d}" for i in idx], dtype=object)
    firms = pl.DataFrame(
        {
            "party_id": pid,
            "kind": "company",
            "name": np.where(ex.kind[idx] == "sole", ex.zh[idx], ex.en[idx]),
            "alt_names": [f"{z};{a}" for z, a in zip(ex.zh[idx], ex.alt[idx], strict=True)],
            "country": "CN",
            "address": ex.address[idx],
            "phone": ex.phone[idx],
            "registration_id": ex.id[idx],
            "incorporated_at": ex.founded[idx].astype(str),
            "bank_account": ex.bank[idx],
            "dissolved_at": [str(dissolved[i]) if i in dissolved else None for i in idx],
        }
    )
    dirs = np.unique(ex.director[idx])
    persons = pl.DataFrame(
        {
            "party_id": [f"P-PS-{d:06d}" for d in dirs],
            "kind": "person",
            "name": people_en[dirs],
            "alt_names": people_zh[dirs],
            "country": "CN",
        }
    )
    ci = np.arange(len(con.name))
    foreign = pl.DataFrame(
        {
            "party_id": [f"P-XX-{i:06d}" for i in ci],
            "kind": "company",
            "name": con.name,
            "country": con.country,
            "address": con.address,
            "incorporated_at": con.incorporated.astype(str),
        }
    )
    rel = [
        pl.DataFrame(
            {
                "src_party_id": [f"P-PS-{d:06d}" for d in ex.director[idx]],
                "dst_party_id": pid,
                "relation": "director",
                "since": ex.founded[idx].astype(str),
            }
        )
    ]
    linked = np.flatnonzero(con.watch >= 0)
    if len(linked):
        rel.append(
            pl.DataFrame(
                {
                    "src_party_id": [f"P-WL-{w:04d}" for w in con.watch[linked]],
                    "dst_party_id": [f"P-XX-{i:06d}" for i in linked],
                    "relation": con.link[linked],
                    "since": con.incorporated[linked].astype(str),
                }
            )
        )
    return (
        pl.concat([firms, persons, foreign], how="diagonal_relaxed"),
        pl.concat(rel, how="diagonal_relaxed"),
    )


def watch_parties(wl: pl.DataFrame, con: Consignees) -> pl.DataFrame:
    """Watchlisted parties that consignees are linked to, as parties (shared address or
    phone shows in the fields)."""
    linked = np.flatnonzero(con.watch >= 0)
    ids = np.unique(con.watch[linked])
    return pl.DataFrame(
        {
            "party_id": [f"P-WL-{w:04d}" for w in ids],
            "kind": "company",
            "name": wl["name"].to_numpy()[ids],
            "country": wl["country"].to_numpy()[ids],
        }
    )


def trade_stats(
    rng: np.random.Generator, lines: pl.DataFrame, surge: tuple[str, ...]
) -> pl.DataFrame:
    """China's monthly exports by partner and 6-digit code, from the declarations as
    declared, and partners' mirror imports: transit countries' imports of controlled
    headings surge after the controls (what really crossed, not what was declared)."""
    own = (
        lines.with_columns(
            pl.col("hs_code").str.slice(0, 6).alias("hs"),
            pl.col("declared_at").dt.strftime("%Y-%m").alias("period"),
        )
        .group_by("destination_country", "hs", "period")
        .agg(
            pl.col("_usd_declared").sum().round(0).alias("value_usd"),
            pl.col("net_weight_kg").sum().round(1).alias("quantity_kg"),
        )
        .rename({"destination_country": "partner", "hs": "hs_code"})
        .with_columns(pl.lit("CN").alias("reporter"), pl.lit("export").alias("flow"))
    )
    ctrl = lines.filter(pl.col("_true_hs").is_not_null() & pl.col("_controlled"))
    mirror = (
        ctrl.with_columns(
            pl.col("_true_hs").str.slice(0, 6).alias("hs_code"),
            pl.col("declared_at").dt.strftime("%Y-%m").alias("period"),
        )
        .group_by("destination_country", "hs_code", "period")
        .agg(
            (pl.col("_true_usd").sum() * 1.08).round(0).alias("value_usd"),
            pl.col("_true_kg").sum().round(1).alias("quantity_kg"),
        )
        .rename({"destination_country": "reporter"})
        .with_columns(pl.lit("CN").alias("partner"), pl.lit("import").alias("flow"))
    )
    onward = mirror.filter(pl.col("reporter").is_in(list(surge))).with_columns(
        pl.col("reporter").alias("partner"),
        pl.lit("US").alias("reporter"),
        (pl.col("value_usd") * 0.6).round(0),
        (pl.col("quantity_kg") * 0.6).round(1),
    )
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    return pl.concat([own.select(cols), mirror.select(cols), onward.select(cols)])


def prices(w: World) -> pl.DataFrame:
    """Monthly prices a kilogram: domestic (CNY) and Rotterdam (USD); the gap opens when
    an element's control starts."""
    months = np.arange(START.astype("datetime64[M]"), (END + 1).astype("datetime64[M]"))
    rows = []
    for el in np.unique(w.ctrl.element):
        k = np.flatnonzero(w.ctrl.element == el)[0]
        since = w.ctrl.since[k]
        for m in months:
            day = m.astype("datetime64[D]")
            usd = w.ctrl.usd_after[k] if day >= since else w.ctrl.usd_before[k]
            dom = w.ctrl.usd_before[k] * 7.15 * (0.85 if day >= since else 1.0)
            rows.append((el, "Rotterdam", str(day), round(float(usd), 2), "USD", "kg"))
            rows.append((el, "CN", str(day), round(float(dom), 2), "CNY", "kg"))
    return pl.DataFrame(
        rows, schema=["material", "market", "date", "price", "currency", "unit"], orient="row"
    )
