"""Write a sixth-world dataset: declarations, licences, parties, relations, inspections,
trade statistics, prices, watchlist, and ``truth/lines.csv``.

Usage from Python: ``generate(out_dir, lines=100_000, seed=1, fraud_share=0.012,
inspection_rate=0.04, random_share=0.3, confirm=1.0, confirm_by_scheme={...},
noise_finds=0.05)``. The text columns are messy on purpose (mixed scripts, abbreviations,
6/8/10-digit codes, varying units, optional cells left empty) but every row is valid.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from .catalogue import CONTROLLED, COUNTRIES, MODES, PORTS, USD_RATE
from .inspections import inspect
from .licences import build_licences, licence_table
from .lines import CTRL_PACK, GOODS, Lines, honest_lines
from .names import retyped
from .parties import START, Cast, build_cast
from .reference import prices, trade_stats
from .schemes import apply_schemes

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

ISO6346 = "0123456789A BCDEFGHIJK LMNOPQRSTU VWXYZ"


def frame(columns: dict[str, object]) -> pl.DataFrame:
    """A frame from numpy columns; text (object) columns become strings, None stays empty."""
    out: dict[str, Any] = {}
    for name, col in columns.items():
        if isinstance(col, np.ndarray) and col.dtype == object:
            out[name] = pl.Series(
                name, [None if v is None else str(v) for v in col.tolist()], dtype=pl.String
            )
        else:
            out[name] = col
    return pl.DataFrame(out)


def container_no(owner: str, serial: int) -> str:
    """An ISO 6346 container number with its check digit."""
    body = f"{owner}U{serial:06d}"
    total = sum(ISO6346.index(ch) * 2**i for i, ch in enumerate(body))
    return body + str(total % 11 % 10)


def generate(
    out_dir: Path | str,
    lines: int = 100_000,
    seed: int = 1,
    *,
    fraud_share: float = 0.012,
    inspection_rate: float = 0.04,
    random_share: float = 0.3,
    confirm: float = 1.0,
    confirm_by_scheme: dict[str, float] | None = None,
    noise_finds: float = 0.05,
    weights: dict[str, float] | None = None,
) -> Path:
    """Generate one world into ``out_dir`` and return it."""
    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    cast = build_cast(rng, lines, len(GOODS))
    data = honest_lines(rng, cast, lines)
    targets = apply_schemes(rng, data, cast, fraud_share, weights)
    lic_rows = build_licences(rng, data, cast, targets["overdrawn_permit"])
    decl = declarations(rng, data, cast)
    decl.write_csv(out / "declarations.csv")
    licence_table(lic_rows, cast, rng).write_csv(out / "licenses.csv")
    hs = decl["hs_code"].to_numpy()
    desc = decl["description"].to_numpy()
    data["line_no"] = decl["line_no"].to_numpy()
    inspect(
        rng,
        data,
        cast,
        hs,
        desc,
        decl["declaration_id"].to_numpy(),
        inspection_rate,
        random_share,
        confirm,
        confirm_by_scheme or {},
        noise_finds,
    ).write_csv(out / "inspections.csv")
    parties, relations = party_tables(cast)
    parties.write_csv(out / "parties.csv")
    relations.write_csv(out / "relations.csv")
    watchlist(cast).write_csv(out / "watchlist.csv")
    trade_stats(rng).write_csv(out / "trade_stats.csv")
    prices(rng).write_csv(out / "prices.csv")
    fraud = data["scheme"] != ""
    pl.DataFrame(
        {
            "declaration_id": decl["declaration_id"].filter(pl.Series(fraud)),
            "line_no": decl["line_no"].filter(pl.Series(fraud)),
            "scheme": data["scheme"][fraud].astype(str),
        }
    ).write_csv(out / "truth" / "lines.csv")
    return out


def _ids(rng: np.random.Generator, data: Lines) -> tuple[np.ndarray, np.ndarray]:
    """Declaration numbers (customs district + year + export flag + sequence) and line numbers."""
    decl = data["decl"]
    order = np.argsort(decl, kind="stable")
    assert (order == np.arange(decl.size)).all()
    first = np.r_[0, np.flatnonzero(np.diff(decl)) + 1]
    line_no = np.arange(decl.size) - np.repeat(first, np.diff(np.r_[first, decl.size])) + 1
    port = data["port"][first]
    year = np.array([(START + dt.timedelta(days=int(d))).year for d in data["day"][first]])
    seq = rng.permutation(first.size) + int(rng.integers(10_000_000, 400_000_000))
    prefix = np.array([p[1] for p in PORTS], dtype=object)[port]
    ids = np.array(
        [f"{p}{y}1{s:09d}" for p, y, s in zip(prefix, year, seq, strict=True)], dtype=object
    )
    return ids[decl], line_no


def _texts(rng: np.random.Generator, data: Lines) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Declared code, description and specification, messy but valid."""
    n = data["decl"].size
    ctrl = data["ctrl"] >= 0
    good_hs = np.array([g.hs for g in GOODS], dtype=object)
    zh = np.array([g.zh for g in GOODS], dtype=object)
    en = np.array([g.en for g in GOODS], dtype=object)
    c_hs = np.array([c.hs for c in CONTROLLED], dtype=object)
    c_zh = np.array([c.zh for c in CONTROLLED], dtype=object)
    c_en = np.array([c.en for c in CONTROLLED], dtype=object)
    c_spec = np.array([c.spec for c in CONTROLLED], dtype=object)
    ci = np.maximum(data["ctrl"], 0)
    hs = np.where(ctrl, c_hs[ci], good_hs[data["good"]])
    hs = np.where(data["hs_override"] != "", data["hs_override"], hs)
    cut = rng.random(n)
    hs = np.where(cut < 0.2, np.array([h[:8] for h in hs], dtype=object), hs)
    hs = np.where(cut > 0.96, np.array([h[:6] for h in hs], dtype=object), hs)
    z = np.where(ctrl, c_zh[ci], zh[data["good"]])
    e = np.where(ctrl, c_en[ci], en[data["good"]])
    style = rng.random(n)
    desc = np.where(style < 0.55, z, np.where(style < 0.8, e, z + " " + e))
    abbrev = rng.random(n) < 0.1
    desc = np.where(abbrev, np.array([d.upper()[:14].strip() for d in e], dtype=object), desc)
    desc = np.where(data["desc_override"] != "", data["desc_override"], desc)
    spec = np.where(ctrl, c_spec[ci], np.where(rng.random(n) < 0.5, "品牌:无 无型号", ""))
    spec = np.where(data["desc_override"] != "", data["spec_override"], spec)
    spec = np.where(rng.random(n) < 0.25, "", spec)
    return hs, desc, spec


def _units(rng: np.random.Generator, data: Lines) -> tuple[np.ndarray, np.ndarray]:
    """Quantity in the line's unit: pieces or sets for counted goods, g/kg/t otherwise."""
    kg = data["declared_kg"]
    unit_of = np.array([g.unit for g in GOODS], dtype=object)
    per_piece = np.array([g.kg_per_piece for g in GOODS])
    ctrl = data["ctrl"] >= 0
    unit = np.where(ctrl, "kg", unit_of[data["good"]])
    unit = np.where(ctrl & (kg < 1.0), "g", unit)
    unit = np.where(ctrl & (kg > 5000) & (rng.random(kg.size) < 0.3), "t", unit)
    unit = np.where((unit == "t") & (kg < 1000), "kg", unit)
    qty = np.select(
        [unit == "g", unit == "t", np.isin(unit, ["pcs", "set"])],
        [kg * 1000, kg / 1000, np.maximum(1, np.round(kg / per_piece[data["good"]]))],
        kg,
    )
    return np.round(qty, 3), unit


def declarations(rng: np.random.Generator, data: Lines, cast: Cast) -> pl.DataFrame:
    """The declarations table."""
    n = data["decl"].size
    ids, line_no = _ids(rng, data)
    per_decl = rng.random((int(data["decl"].max()) + 1, 8))[data["decl"]]  # one draw a declaration
    hs, desc, spec = _texts(rng, data)
    qty, unit = _units(rng, data)
    exp = data["exporter"]
    spelling = np.searchsorted(np.array([0.8, 0.92, 0.97]), per_decl[:, 0])
    name_cols = [
        np.array([e[k] for e in cast.exporters], dtype=object) for k in ("zh", "pinyin", "en", "hk")
    ]
    exporter_name = np.choose(spelling, [c[exp] for c in name_cols])
    con = data["consignee"]
    con_name = np.array([c["name"] for c in cast.consignees], dtype=object)[con]
    how = np.where(per_decl[:, 1] < 0.7, 0, (per_decl[:, 1] * 100).astype(int) % 4 + 1)
    con_name = np.array(
        [retyped(s, int(h)) for s, h in zip(con_name, how, strict=True)], dtype=object
    )
    con_name = np.where(data["con_override"] != "", data["con_override"], con_name)
    con_country = np.array([c["country"] for c in cast.consignees], dtype=object)[con]
    con_country = np.where(data["cc_override"] != "", data["cc_override"], con_country)
    address = np.array([c["address"] for c in cast.consignees], dtype=object)[con]
    address = np.where((per_decl[:, 2] < 0.75) & (data["con_override"] == ""), address, NULL)
    cur_of = {c[0]: c[2] for c in COUNTRIES}
    currency = np.array([cur_of.get(c, "USD") for c in con_country], dtype=object)
    currency = np.where(per_decl[:, 3] < 0.55, "USD", currency)
    rate = np.array([USD_RATE[c] for c in currency])
    value = np.round(data["value_usd"] * rate, 2)
    pack = np.where(data["ctrl"] >= 0, CTRL_PACK, np.array([g.pack for g in GOODS])[data["good"]])
    gross = np.round(
        data["declared_kg"] * pack * rng.uniform(0.99, 1.03, n) + data["gross_extra"], 2
    )
    mode = np.array(MODES, dtype=object)[data["mode"]]
    pool = np.array(
        [
            container_no(o, int(s))
            for o, s in zip(
                rng.choice(["MSK", "CSQ", "OOL", "EGH", "TGH", "COS"], 3000),
                rng.integers(0, 999_999, 3000),
                strict=True,
            )
        ],
        dtype=object,
    )
    first_of = np.r_[0, np.flatnonzero(np.diff(data["decl"])) + 1][data["decl"]]
    box = pool[rng.integers(pool.size, size=n)][first_of]
    containers = np.where((mode == "sea") & (per_decl[:, 4] < 0.85), box, NULL)
    doc = np.array(
        [
            f"{p}{s}"
            for p, s in zip(
                np.where(
                    np.isin(mode, ["express", "post"]),
                    "SF",
                    np.where(mode == "air", "784-", "COSU"),
                ),
                rng.integers(10**7, 10**9, n),
                strict=True,
            )
        ],
        dtype=object,
    )
    days = data["day"]
    date = np.array(
        [(START + dt.timedelta(days=int(d))).isoformat() for d in range(days.max() + 1)],
        dtype=object,
    )[days]
    timed = per_decl[:, 4] < 0.2
    minute = (per_decl[:, 5] * 720).astype(int) + 480
    date = np.where(
        timed,
        date + "T" + np.array([f"{m // 60:02d}:{m % 60:02d}:00" for m in minute], dtype=object),
        date,
    )
    region = np.array([e["region"] for e in cast.exporters], dtype=object)[exp]
    exporter_id = np.array([e["id"] for e in cast.exporters], dtype=object)[exp]
    return frame(
        {
            "declaration_id": ids,
            "line_no": line_no,
            "declared_at": date,
            "port": np.array([p[0] for p in PORTS], dtype=object)[data["port"]],
            "mode": mode,
            "exporter_id": exporter_id,
            "exporter_name": exporter_name,
            "declarant_id": np.where(
                per_decl[:, 6] < 0.7,
                np.array([f"B{int(r) % 97:02d}{r}" for r in region], dtype=object),
                NULL,
            ),
            "consignee_name": con_name,
            "consignee_address": address,
            "consignee_country": con_country,
            "destination_country": data["dest"].astype(str),
            "trade_country": np.where(per_decl[:, 7] < 0.85, data["trade"], NULL),
            "end_user_name": np.where(data["end_user"] != "", data["end_user"], NULL),
            "end_use": np.where(data["end_use"] != "", data["end_use"], NULL),
            "hs_code": hs,
            "description": desc,
            "specification": np.where(spec != "", spec, NULL),
            "quantity": qty,
            "unit": unit,
            "net_weight_kg": data["declared_kg"],
            "gross_weight_kg": np.where(rng.random(n) < 0.8, gross, NULL),
            "value": value,
            "currency": currency,
            "license_no": np.where(data["licence"] != "", data["licence"], NULL),
            "container_ids": containers,
            "transport_doc": np.where(per_decl[:, 2] < 0.9, doc[first_of], NULL),
            "origin_region": np.where(per_decl[:, 3] < 0.6, region, NULL),
        }
    )


def party_tables(cast: Cast) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Parties (exporters, consignees, restricted parties, persons) and their relations."""
    rows = []
    for e in cast.exporters:
        rows.append(
            {
                "party_id": e["id"],
                "kind": "company",
                "name": e["zh"],
                "alt_names": f"{e['pinyin']};{e['en']};{e['hk']}",
                "country": "CN",
                "address": e["address"],
                "phone": e["phone"],
                "email": None,
                "registration_id": e["id"] if len(e["id"]) == 18 else None,
                "incorporated_at": e["since"].isoformat(),
            }
        )
    for i, c in enumerate(cast.consignees):
        rows.append(
            {
                "party_id": f"K{i:05d}",
                "kind": "company",
                "name": c["name"],
                "alt_names": retyped(c["name"], 1 + i % 4),
                "country": c["country"],
                "address": c["address"],
                "phone": c["phone"],
                "email": None,
                "registration_id": None,
                "incorporated_at": c["since"].isoformat()
                if c["kind"] in ("front", "ring")
                else None,
            }
        )
    for i, w in enumerate(cast.watch):
        rows.append(
            {
                "party_id": f"R{i:04d}",
                "kind": "company",
                "name": w["name"],
                "alt_names": w["alt"],
                "country": w["country"],
                "address": w["address"],
                "phone": w["phone"],
                "email": None,
                "registration_id": None,
                "incorporated_at": None,
            }
        )
    for i, p in enumerate(cast.persons):
        rows.append(
            {
                "party_id": f"P{i:04d}",
                "kind": "person",
                "name": p["name"],
                "alt_names": None,
                "country": p["country"],
                "address": None,
                "phone": None,
                "email": None,
                "registration_id": None,
                "incorporated_at": None,
            }
        )
    prefix = {"person": "P{:04d}", "watch": "R{:04d}", "consignee": "K{:05d}"}
    rel = [
        {
            "src_party_id": prefix[r["src"][0]].format(r["src"][1]),
            "dst_party_id": prefix[r["dst"][0]].format(r["dst"][1]),
            "relation": r["relation"],
            "share": None,
            "since": None,
        }
        for r in cast.relations
    ]
    schema = {
        "src_party_id": pl.String,
        "dst_party_id": pl.String,
        "relation": pl.String,
        "share": pl.Float64,
        "since": pl.String,
    }
    return pl.DataFrame(rows, infer_schema_length=None), pl.DataFrame(rel, schema=schema)


def watchlist(cast: Cast) -> pl.DataFrame:
    """The two restricted-party lists."""
    return pl.DataFrame(
        [
            {
                "list": w["list"],
                "name": w["name"],
                "alt_names": w["alt"],
                "kind": w["kind"],
                "country": w["country"],
                "address": w["address"],
                "registration_id": None,
                "listed_at": w["listed_at"].isoformat(),
                "reason": "military end use / 军事最终用户",
            }
            for w in cast.watch
        ]
    )
