"""Entry point: ``generate(out_dir, lines, seed, **knobs)`` writes a dataset folder
(declarations, licences, parties, relations, watchlist, inspections, trade statistics,
prices, facilities, production, movements) and ``truth/lines.csv``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl

from orewatch.contract.schema import TABLES

from . import actors, chain, inspect, licences, names, places, render, schemes, tables, trade
from . import goods as goods_mod

Rng = np.random.Generator
Cols = dict[str, np.ndarray]


def special_consignees(rng: Rng, listed: pl.DataFrame) -> dict[str, pl.DataFrame]:
    """Fronts linked to restricted parties, mixed-goods relay buyers and swarm targets."""
    fronts = schemes.front_companies(rng, listed, 25, day0=200)
    countries = rng.choice(actors.RELAYS, 6)
    name, address = names.foreign_company(rng, countries)
    mixers = pl.DataFrame(
        {
            "consignee_name": [f"{n} Home & Garden" for n in name],
            "consignee_address": address,
            "consignee_country": countries,
            "phone": names.phones(rng, 6, "+9 "),
            "role": "mixer",
            "incorporated_at_day": rng.integers(-3000, 150, 6),
        }
    )
    countries = rng.choice(["RU", "KZ", "KG", "VN", "HK", "MN"], 8)
    name, address = names.foreign_company(rng, countries)
    ants = pl.DataFrame(
        {
            "consignee_name": name,
            "consignee_address": address,
            "consignee_country": countries,
            "phone": names.phones(rng, 8, "+7 "),
            "role": "ant",
            "incorporated_at_day": rng.integers(-2000, 0, 8),
        }
    )
    return {
        "fronts": fronts,
        "mixers": mixers.unique("consignee_name", maintain_order=True),
        "ants": ants.unique("consignee_name", maintain_order=True),
    }


def ant_senders(rng: Rng, n_swarms: int) -> pl.DataFrame:
    """Small new senders, four to seven a swarm, sharing a phone or an address."""
    size = rng.integers(4, 8, n_swarms)
    swarm = np.repeat(np.arange(n_swarms), size)
    n = swarm.size
    region = rng.choice(["440300", "330782", "650100", "451481", "231100"], n)
    zh, py = names.person(rng, n)
    shop = rng.choice(["商行", "贸易部", "电子商务经营部", "五金店"], n)
    phone = np.array(names.phones(rng, n_swarms))[swarm]
    own_phone = np.array(names.phones(rng, n))
    address = np.array(
        [
            f"{r}号仓库{int(k)}室"
            for r, k in zip(
                rng.integers(1, 99, n_swarms), rng.integers(100, 999, n_swarms), strict=True
            )
        ]
    )[swarm]
    share_phone = rng.random(n_swarms)[swarm] < 0.5
    return pl.DataFrame(
        {
            "exporter_id": [
                f"{int(r) // 100:04d}9{int(x):05d}"
                for r, x in zip(region, rng.integers(0, 99_999, n), strict=True)
            ],
            "uscc": names.uscc(rng, n, region.astype(int)),
            "name_zh": [f"{a}{b}" for a, b in zip(zh, shop, strict=True)],
            "name_en": [f"{p} Trading" for p in py],
            "name_alt": [p.upper() for p in py],
            "kind": "border",
            "region": region,
            "start_day": rng.integers(40, 300, n),
            "size": 0.0,
            "phone": np.where(share_phone, phone, own_phone),
            "address": np.where(share_phone, [f"个体户{z}住所" for z in zh], address),
            "swarm": swarm,
        }
    ).unique("exporter_id", keep="first", maintain_order=True)


def honest_lookalikes(rng: Rng, s: schemes.Scene, hubs: pl.DataFrame) -> None:
    """Honest lines that look like fraud: controlled re-exports to Hong Kong, Singapore and
    Dubai traders, and ordinary samples by courier."""
    c = s.cols
    pool = np.flatnonzero(
        (c["kind"] == "hub")
        & (s.g("family") == "ctrl")
        & schemes.single(s)
        & (rng.random(c["day"].size) < 0.6)
    )
    pick = rng.integers(0, hubs.height, pool.size)
    schemes.redirect(
        s,
        pool,
        hubs["consignee_name"].to_numpy()[pick],
        hubs["consignee_address"].to_numpy()[pick],
        hubs["consignee_country"].to_numpy()[pick],
    )
    c["end_user_name"][pool] = hubs["consignee_name"].to_numpy()[pick]
    samples = np.flatnonzero(
        np.isin(c["mode"], ["express", "post"])
        & (s.g("family") == "plain")
        & (rng.random(c["day"].size) < 0.25)
    )
    c["description"][samples] = "样品 samples " + c["description"][samples]
    c["value"][samples] = np.round(c["value"][samples] * rng.uniform(0.05, 0.3, samples.size), 2)


def licensed_mask(s: schemes.Scene) -> np.ndarray:
    """Lines that carry a licence of their own: controlled and in force (institutes too)."""
    start = s.g("controlled_from")
    day = places.START + s.cols["day"]
    return s.cols["_licensed"] & ~np.isnat(start) & (day >= start) & (s.g("family") == "ctrl")


def generate(
    out_dir: Path | str,
    lines: int = 100_000,
    seed: int = 1,
    fraud_share: float = 0.02,
    weights: dict[str, float] | None = None,
    inspection_rate: float = 0.02,
    quota: int = 4,
    random_share: float = 0.25,
    confirm_scale: float = 1.0,
    confirm: dict[str, float] | None = None,
) -> Path:
    """Write a world of ``lines`` declaration lines to ``out_dir``.

    Knobs: ``fraud_share`` (fraudulent share of lines; 0.002 and 0.02 are the very low and
    moderate settings), ``weights`` (relative lines per scheme), ``inspection_rate`` (share
    of declarations checked), ``quota`` (checks per port and day), ``random_share`` (share of
    checks drawn at random), ``confirm_scale`` and ``confirm`` (scheme -> factor on the
    chance that a check finds that scheme).
    """
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    goods = goods_mod.products()
    scale = max(lines / 100_000, 0.05)
    exporters = pl.concat(
        [actors.exporters(rng, int(2200 * scale) + 60, places.DAYS), actors.labs(rng)],
        how="vertical_relaxed",
    )
    brokers = actors.brokers(rng, 70, 4)
    consignees = actors.consignees(rng, int(3000 * scale) + 80)
    listed = actors.listed_parties(rng, 40)
    special = special_consignees(rng, listed)
    senders = ant_senders(rng, 8)
    cols = trade.lines(rng, lines, exporters, consignees, goods)
    cols["kind"] = exporters["kind"].to_numpy()[cols["exp"]].astype(object)
    render.goods_columns(rng, cols, goods)
    render.party_columns(rng, cols, exporters, consignees, brokers)
    render.end_users(rng, cols, goods)
    render.transport(rng, cols)
    cols["_true_kg"] = cols["kg"].astype(float).copy()
    cols["_true_value"] = cols["value"].astype(float).copy()
    cols["_hidden_kg"] = np.zeros(lines)
    cols["_licensed"] = np.ones(lines, dtype=bool)
    cols["_keep_other_licence"] = np.zeros(lines, dtype=bool)
    cols["_complicit"] = brokers.filter(pl.col("complicit"))["declarant_id"].to_numpy()
    product0 = cols["product"].copy()
    n_scheme = schemes.counts(rng, lines, fraud_share, weights or schemes.WEIGHTS)
    s = schemes.Scene(rng, cols, goods, n_scheme, np.zeros(lines, dtype=bool))
    hubs = consignees.filter(pl.col("consignee_country").is_in(actors.HUBS))
    honest_lookalikes(rng, s, hubs)
    shipped = chain.exports(cols, s.g("material"))
    excess, books = chain.pick_excess(rng, shipped, s.used, n_scheme.get("chain_excess", 0))
    s.used[excess] = True
    s.labels["chain_excess"] = excess
    schemes.pick_licence_rows(s)
    for step in (
        schemes.code_swap,
        schemes.downstream_guise,
        schemes.grade_shave,
        schemes.undervalue,
        schemes.short_weight,
        schemes.hidden_in_box,
        schemes.dense_sample,
    ):
        step(s)
    schemes.ant_swarm(s, senders, special["ants"])
    schemes.enduse_listed(s, listed)
    schemes.relay_front(s, special["fronts"])
    schemes.relay_mixed(s, special["mixers"])
    control = s.g("control_id")
    lic = licences.issue(rng, cols, licensed_mask(s), control)
    lic = schemes.licence_fraud(s, lic)
    borrow_for_listed(s, lic)
    schemes.enduse_blank(s)
    schemes.broker(s)
    changed = cols["product"] != product0
    cols["_true_hs"] = s.g("hs").astype(object)
    cols["_true_desc"] = s.g("zh").astype(object)
    cols["_true_usd"] = np.where(changed, cols["_true_kg"] * s.g("usd_kg"), cols["usd"])
    cols["declaration_id"] = render.declaration_ids(rng, cols)
    cols["declared_at"] = render.timestamps(rng, cols)
    truth = truth_table(s)
    scheme_of = np.full(lines, "", dtype=object)
    for name, rows in s.labels.items():
        scheme_of[rows] = name
    inspections = inspect.table(
        rng, cols, scheme_of, inspection_rate, quota, random_share, confirm_scale, confirm or {}
    )
    shipped = chain.exports(cols, s.g("material"))
    chain_tables = chain.tables(rng, shipped, books)
    party, relations = tables.parties(
        rng,
        pl.concat([exporters, senders.drop("swarm")]),
        pl.concat([consignees, *special.values()], how="diagonal_relaxed"),
        listed,
    )
    written = {
        "declarations": declarations_frame(cols),
        "licenses": licences.table(lic),
        "parties": party,
        "relations": relations,
        "watchlist": tables.watchlist(listed),
        "inspections": inspections,
        "trade_stats": tables.trade_stats(rng, cols),
        "prices": tables.prices(rng, goods),
        **chain_tables,
    }
    write(out, written, truth)
    return out


def borrow_for_listed(s: schemes.Scene, lic: pl.DataFrame) -> None:
    """Lines to restricted end users through an ordinary consignee cite one of the
    exporter's licences issued for someone else (none if it holds none)."""
    rows = np.flatnonzero(s.cols["_keep_other_licence"])
    by_exporter = lic.group_by("exporter_id", maintain_order=True).agg(pl.col("license_no").first())
    lookup = dict(
        zip(by_exporter["exporter_id"].to_list(), by_exporter["license_no"].to_list(), strict=True)
    )
    s.cols["license_no"][rows] = np.array(
        [lookup.get(str(e), "") for e in s.cols["exporter_id"][rows]], dtype=object
    )


def truth_table(s: schemes.Scene) -> pl.DataFrame:
    """One row per fraudulent line: declaration_id, line_no, scheme."""
    parts = [
        pl.DataFrame(
            {
                "declaration_id": s.cols["declaration_id"][rows].astype(str),
                "line_no": s.cols["line_no"][rows].astype(np.int64),
                "scheme": name,
            }
        )
        for name, rows in s.labels.items()
        if rows.size
    ]
    return pl.concat(parts).sort("declaration_id", "line_no")


def declarations_frame(cols: Cols) -> pl.DataFrame:
    """The declarations table in the contract's columns."""
    data = {}
    for name in (n for n in TABLES["declarations"].names if n in cols):
        v = cols[name]
        data[name] = v.astype(str) if v.dtype == object else v
    return (
        pl.DataFrame(data)
        .with_columns(
            pl.col("quantity").cast(pl.Float64),
            pl.col("net_weight_kg").cast(pl.Float64),
            pl.col("gross_weight_kg").cast(pl.Float64),
            pl.col("value").cast(pl.Float64),
        )
        .sort("declared_at", "declaration_id", "line_no")
    )


def write(out: Path, frames: dict[str, pl.DataFrame], truth: pl.DataFrame) -> None:
    """CSV files, one per table, empty strings written as empty cells."""
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.write_csv(out / f"{name}.csv")
    truth.write_csv(out / "truth" / "lines.csv")
