"""The contract's tables from the generator's arrays, and writing them in mixed formats
(CSV, JSON lines, Parquet), as different agencies hand data over differently."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from eleventhworld import names
from eleventhworld.goods import Goods
from eleventhworld.population import Population
from eleventhworld.shipments import iso6346

FORMATS = {
    "declarations": "csv",
    "licenses": "jsonl",
    "parties": "jsonl",
    "relations": "csv",
    "watchlist": "jsonl",
    "inspections": "parquet",
    "trade_stats": "parquet",
    "prices": "csv",
}


def _declared_at(
    rng: np.random.Generator, day: np.ndarray, minute: np.ndarray, decl: np.ndarray
) -> pl.Series:
    """Local time without zone (55 %), with +08:00 (30 %), or in UTC with Z (15 %)."""
    local = (day.astype("datetime64[m]") + minute.astype("timedelta64[m]")).astype("datetime64[ms]")
    style = rng.choice(3, int(decl.max()) + 1, p=[0.55, 0.3, 0.15])[decl]
    frame = pl.DataFrame({"t": local, "s": style})
    return (
        frame.select(
            pl.when(pl.col("s") == 0)
            .then(pl.col("t").dt.strftime("%Y-%m-%dT%H:%M:00"))
            .when(pl.col("s") == 1)
            .then(pl.col("t").dt.strftime("%Y-%m-%dT%H:%M:00+08:00"))
            .otherwise((pl.col("t") - pl.duration(hours=8)).dt.strftime("%Y-%m-%dT%H:%M:00Z"))
        )
        .to_series()
        .alias("declared_at")
    )


def _containers(
    rng: np.random.Generator, decl: np.ndarray, count: np.ndarray, boxed: np.ndarray
) -> np.ndarray:
    """Per line, its declaration's container list (1-4 boxes) where the mode uses them."""
    n_decl = int(decl.max()) + 1
    boxes = iso6346(rng, n_decl * 4).reshape(n_decl, 4)
    per = np.clip(1 + count // 4, 1, 4)
    joined = boxes[:, 0].astype(str)
    for j in range(1, 4):
        joined = np.where(
            per > j, np.char.add(np.char.add(joined, ";"), boxes[:, j].astype(str)), joined
        )
    return np.where(boxed, joined[decl], "").astype(object)


def _transport_docs(
    rng: np.random.Generator, mode: np.ndarray, port: np.ndarray, decl: np.ndarray
) -> np.ndarray:
    n_decl = int(decl.max()) + 1
    digits = np.char.zfill(rng.integers(0, 10**9, n_decl).astype(str), 9)[decl]
    prefix = {
        "sea": "",
        "air": "784-",
        "road": "CMR",
        "rail": "SMGS",
        "express": "SF",
        "post": "EA",
        "passenger": "",
    }
    head = np.array([prefix[str(m)] for m in mode])
    sea_head = np.char.add(np.array([str(p)[2:] for p in port]), "E")
    head = np.where(mode == "sea", sea_head, head)
    doc = np.char.add(head, digits)
    doc = np.where(mode == "post", np.char.add(doc, "CN"), doc)
    return np.where(mode == "passenger", "", doc).astype(object)


def declarations(
    rng: np.random.Generator, c: dict[str, np.ndarray], pop: Population, goods: Goods
) -> pl.DataFrame:
    """The declarations table (one row a line)."""
    exp, con = c["exporter"], c["consignee"]
    n_exp = len(pop.exp_id)
    prefers_zh = rng.random(n_exp) < 0.65
    exporter_name = np.where(prefers_zh[exp], pop.exp_zh[exp], pop.exp_en[exp])
    con_name = np.where(c["con_name_override"] != "", c["con_name_override"], pop.con_name[con])
    con_country = np.where(
        c["con_country_override"] != "", c["con_country_override"], pop.con_country[con]
    )
    dest = np.where(c["dest"] != "", c["dest"], pop.con_onward[con])
    trade = np.where(c["trade"] != "", c["trade"], con_country)
    count = np.bincount(c["decl"])
    boxed = np.isin(c["mode"], ["sea", "road", "rail"])
    broker = np.where(
        c["broker"] >= 0, np.char.add("44039", np.char.zfill(c["broker"].astype(str), 5)), ""
    )
    return pl.DataFrame(
        {
            "declaration_id": c["declaration_id"].astype(str),
            "line_no": c["line_no"].astype(np.int64),
            "declared_at": _declared_at(rng, c["day"], c["minute"], c["decl"]),
            "port": c["port"].astype(str),
            "mode": c["mode"].astype(str),
            "exporter_id": pop.exp_id[exp].astype(str),
            "exporter_name": exporter_name.astype(str),
            "declarant_id": broker.astype(str),
            "consignee_name": con_name.astype(str),
            "consignee_address": pop.con_address[con].astype(str),
            "consignee_country": con_country.astype(str),
            "destination_country": dest.astype(str),
            "trade_country": trade.astype(str),
            "end_user_name": c["end_user"].astype(str),
            "end_use": c["end_use"].astype(str),
            "hs_code": goods.hs[c["decl_product"]].astype(str),
            "description": c["description"].astype(str),
            "specification": c["specification"].astype(str),
            "quantity": c["quantity"],
            "unit": c["unit"].astype(str),
            "net_weight_kg": c["net_weight_kg"],
            "gross_weight_kg": c["gross_weight_kg"],
            "value": c["value"],
            "currency": c["currency"].astype(str),
            "license_no": c["license_no"].astype(str),
            "container_ids": _containers(rng, c["decl"], count, boxed).astype(str),
            "transport_doc": _transport_docs(rng, c["mode"], c["port"], c["decl"]).astype(str),
            "origin_region": pop.exp_region[exp].astype(str),
        }
    ).with_columns(pl.col(pl.String).replace("", None))


def licences(
    rng: np.random.Generator, lic: dict[str, np.ndarray], pop: Population, goods: Goods
) -> pl.DataFrame:
    """Licences as the licensing authority records them (its own spellings)."""
    cite = lic["cite_item"]
    return (
        pl.DataFrame(
            {
                "license_no": lic["license_no"].astype(str),
                "issued_at": lic["issued"].astype("datetime64[D]"),
                "valid_until": lic["valid"].astype("datetime64[D]"),
                "exporter_id": pop.exp_id[lic["exporter"]].astype(str),
                "control_id": np.where(cite, goods.item[lic["product"]], "").astype(str),
                "hs_code": np.where(cite, "", goods.hs[lic["product"]]).astype(str),
                "quantity_kg": lic["kg"].astype(float),
                "consignee_name": names.variant(pop.con_name[lic["consignee"]], rng).astype(str),
                "consignee_country": pop.con_country[lic["consignee"]].astype(str),
                "end_user_name": lic["end_user"].astype(str),
                "status": lic["status"].astype(str),
            }
        )
        .with_columns(pl.col(pl.String).replace("", None))
        .unique("license_no", keep="first", maintain_order=True)
    )


def parties(rng: np.random.Generator, pop: Population) -> pl.DataFrame:
    """Exporters, consignees, fronts, restricted parties and persons."""
    n_exp, n_con, n_w = len(pop.exp_id), len(pop.con_name), len(pop.watch_name)
    front_phone = pop.watch_phone[pop.front_watch]
    con_phone = np.array([f"+65-{x:08d}" for x in rng.integers(0, 10**8, n_con)], dtype=object)
    share_phone = rng.random(len(pop.front_con)) < 0.5
    con_phone[pop.front_con[share_phone]] = front_phone[share_phone]
    con_address = pop.con_address.copy()
    con_address[pop.front_con[~share_phone]] = pop.watch_address[pop.front_watch[~share_phone]]
    n_p = len(pop.persons_zh)
    frames = [
        pl.DataFrame(
            {
                "party_id": [f"E{i:05d}" for i in range(n_exp)],
                "kind": "company",
                "name": pop.exp_zh.astype(str),
                "alt_names": np.char.add(
                    np.char.add(pop.exp_en.astype(str), ";"), pop.exp_up.astype(str)
                ),
                "country": "CN",
                "address": pop.exp_address.astype(str),
                "phone": pop.exp_phone.astype(str),
                "registration_id": pop.exp_id.astype(str),
                "incorporated_at": (pop.exp_since - rng.integers(200, 6000, n_exp))
                .astype("datetime64[D]")
                .astype(str),
            }
        ),
        pl.DataFrame(
            {
                "party_id": [f"C{i:05d}" for i in range(n_con)],
                "kind": "company",
                "name": pop.con_name.astype(str),
                "alt_names": names.variant(pop.con_name, rng).astype(str),
                "country": pop.con_country.astype(str),
                "address": con_address.astype(str),
                "phone": con_phone.astype(str),
                "registration_id": None,
                "incorporated_at": pop.con_since.astype("datetime64[D]").astype(str),
            }
        ),
        pl.DataFrame(
            {
                "party_id": [f"W{i:04d}" for i in range(n_w)],
                "kind": "company",
                "name": pop.watch_name.astype(str),
                "alt_names": pop.watch_alt.astype(str),
                "country": pop.watch_country.astype(str),
                "address": pop.watch_address.astype(str),
                "phone": pop.watch_phone.astype(str),
                "registration_id": None,
                "incorporated_at": None,
            }
        ),
        pl.DataFrame(
            {
                "party_id": [f"H{i:04d}" for i in range(n_p)],
                "kind": "person",
                "name": pop.persons_en.astype(str),
                "alt_names": np.char.add(
                    np.char.add(pop.persons_zh.astype(str), ";"), pop.persons_alt.astype(str)
                ),
                "country": "CN",
                "address": None,
                "phone": None,
                "registration_id": None,
                "incorporated_at": None,
            }
        ),
    ]
    return pl.concat(frames, how="vertical_relaxed")


def relations(rng: np.random.Generator, pop: Population) -> pl.DataFrame:
    """Front companies share a director with their restricted party; large exporters own
    a few subsidiaries."""
    n_front = len(pop.front_con)
    person = np.arange(n_front)
    src = [f"H{p:04d}" for p in person] * 2
    dst = [f"C{c:05d}" for c in pop.front_con] + [f"W{w:04d}" for w in pop.front_watch]
    rel = ["director"] * n_front + list(
        rng.choice(np.array(["director", "employee", "agent"]), n_front)
    )
    n_reg = len(pop.book)
    parents = rng.integers(0, max(1, n_reg // 10), 8)
    children = rng.integers(n_reg // 10, n_reg, 8)
    src += [f"E{p:05d}" for p in parents]
    dst += [f"E{c:05d}" for c in children]
    rel += ["owner"] * 8
    share = [None] * (2 * n_front) + list(np.round(rng.uniform(0.51, 1.0, 8), 2))
    return pl.DataFrame(
        {
            "src_party_id": src,
            "dst_party_id": dst,
            "relation": rel,
            "share": pl.Series(share, dtype=pl.Float64),
        }
    )


def watchlist(pop: Population) -> pl.DataFrame:
    """Restricted parties with their listing dates."""
    return pl.DataFrame(
        {
            "list": pop.watch_list.astype(str),
            "name": pop.watch_name.astype(str),
            "alt_names": pop.watch_alt.astype(str),
            "kind": "company",
            "country": pop.watch_country.astype(str),
            "address": pop.watch_address.astype(str),
            "listed_at": pop.watch_listed.astype("datetime64[D]"),
            "reason": "military end user",
        }
    )


def _stringify(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(pl.col(pl.Date).dt.strftime("%Y-%m-%d"))


def write(out: Path, tables: dict[str, Any], truth: pl.DataFrame) -> None:
    """Each table in its format, and the truth."""
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        fmt = FORMATS[name]
        path = out / f"{name}.{fmt}"
        if fmt == "csv":
            _stringify(frame).write_csv(path)
        elif fmt == "jsonl":
            _stringify(frame).write_ndjson(path)
        else:
            frame.write_parquet(path)
    truth.write_csv(out / "truth" / "lines.csv")
