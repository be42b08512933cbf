"""The honest bulk: declarations and their goods lines, built as whole arrays.

A declaration's exporter, consignee, date, port, mode, money and transport documents are
drawn once and broadcast to its lines; goods, quantities, weights and values are drawn
per line from the exporter's trade. Lines live in a dict of numpy arrays (``Lines``) so
that the fraud schemes can overwrite chosen rows in place before anything is written.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import polars as pl

from thirdworld import names
from thirdworld.actors import END, START, day
from thirdworld.goods import CNY_PER, CONTROL_FROM, CONTROLLED, GOODS, LAND_DEST, PORTS

Lines = dict[str, np.ndarray]

SECTOR_GOODS: dict[str, tuple[str, ...]] = {
    "metals": (
        "aluingot",
        "zincingot",
        "leadingot",
        "tiningot",
        "silicon",
        "magnesium",
        "ferrosilicon",
        "ndfeb",
    ),
    "chemicals": ("zincoxide", "silica", "ceriumoxide", "nh4cl", "carbonblack", "pvc"),
    "minerals": ("fluorspar", "ceramicpowder", "silicon", "ferrosilicon"),
    "building": ("tiles", "sanitary", "steelpipe", "fastener"),
    "machinery": ("fastener", "steelballs", "bearing", "pump", "valve", "alloyparts"),
    "consumer": ("furniture", "garment", "shoes", "toys", "phonecase", "ledlamp"),
    "electronics": ("ledlamp", "solar", "laptop", "pcb", "ndfeb", "phonecase"),
    "agro": ("tea", "garlic"),
    "trading": (
        "tiles",
        "garment",
        "toys",
        "fastener",
        "aluingot",
        "zincoxide",
        "ledlamp",
        "furniture",
    ),
}
PARCEL_GOODS = ("garment", "shoes", "toys", "phonecase", "ledlamp", "alloyparts", "tea")
MONTH_WEIGHT = np.array([1.15, 0.6, 0.95, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1, 0.9, 1.15, 1.1])
WEEKDAY_WEIGHT = np.array([1.0, 1.0, 1.0, 1.0, 1.0, 0.6, 0.2])
CONTAINER_OWNERS = ("COSU", "MSKU", "CMAU", "OOLU", "TGHU", "EGHU", "MSCU", "HLXU")
END_USES = {
    "gallium": ("semiconductor epitaxy", "用于化合物半导体外延"),
    "germanium": ("infrared optics", "用于红外光学镜头"),
    "graphite": ("battery anode material", "用于锂电池负极"),
    "antimony": ("flame retardant masterbatch", "用于阻燃剂"),
    "tungsten": ("cemented carbide tools", "用于硬质合金"),
    "bismuth": ("low-melting alloys", "用于低熔点合金"),
    "tellurium": ("thermoelectric modules", "用于热电制冷片"),
    "indium": ("optical communication chips", "用于光通信芯片"),
    "dysprosium": ("NdFeB magnet production", "用于钕铁硼磁材"),
    "terbium": ("NdFeB magnet production", "用于永磁材料"),
    "yttrium": ("thermal spray coatings", "用于热喷涂涂层"),
    "samarium": ("SmCo magnets", "用于钐钴磁体"),
    "scandium": ("aluminium-scandium alloys", "用于铝钪合金"),
}


def good_table() -> pl.DataFrame:
    """Ordinary goods then controlled materials in one indexable table (``g`` = row)."""
    ordinary = pl.DataFrame([g.__dict__ for g in GOODS]).with_columns(
        pl.lit(None, pl.String).alias("control_id"),
        pl.lit(None, pl.String).alias("element"),
        pl.lit(None, pl.String).alias("material"),
        pl.lit(False).alias("controlled"),
        pl.lit(1.0).alias("premium"),
    )
    gross = {g.key: (g.gross_low, g.gross_high, g.pack) for g in GOODS}
    ctrl = pl.DataFrame(
        [
            {
                "key": c.key,
                "hs": c.hs,
                "en": c.en,
                "zh": c.zh,
                "sector": "metals",
                "unit": c.unit,
                "cny_per_kg": c.cny_per_kg,
                "piece_kg": 0.05 if c.unit == "pcs" else 0.0,
                "pack": "drum" if c.unit != "t" else "bigbag",
                "gross_low": 1.03 if c.unit != "t" else 1.01,
                "gross_high": 1.08 if c.unit != "t" else 1.03,
                "line_kg": c.line_kg,
                "control_id": c.control_id,
                "element": c.element,
                "material": c.material,
                "controlled": True,
                "premium": c.premium,
            }
            for c in CONTROLLED
        ]
    )
    del gross
    return pl.concat([ordinary, ctrl], how="diagonal_relaxed").with_row_index("g")


def seasonal_days(rng: np.random.Generator, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Days in [lo, hi] weighted by month (New Year dip, autumn peak) and weekday."""
    out = np.empty(len(lo), dtype=np.int64)
    todo = np.arange(len(lo))
    while todo.size:
        cand = lo[todo] + (rng.random(todo.size) * (hi[todo] - lo[todo] + 1)).astype(np.int64)
        dates = np.datetime64("1970-01-01") + cand.astype("timedelta64[D]")
        month = dates.astype("datetime64[M]").astype(int) % 12
        weekday = (cand + 3) % 7
        trend = 1 + 0.12 * (cand - day(START)) / 365
        weight = MONTH_WEIGHT[month] * WEEKDAY_WEIGHT[weekday] * trend / 1.5
        ok = rng.random(todo.size) < weight
        out[todo[ok]] = cand[ok]
        todo = todo[~ok]
    return out


def container_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    """ISO 6346 container numbers with correct check digits."""
    letters = {
        ch: v
        for ch, v in zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
                10,
                12,
                13,
                14,
                15,
                16,
                17,
                18,
                19,
                20,
                21,
                23,
                24,
                25,
                26,
                27,
                28,
                29,
                30,
                31,
                32,
                34,
                35,
                36,
                37,
                38,
            ],
            strict=True,
        )
    }
    owner = rng.integers(0, len(CONTAINER_OWNERS), n)
    owner_vals = np.array([[letters[c] for c in o] for o in CONTAINER_OWNERS])[owner]
    serial = rng.integers(0, 10**6, n)
    digits = np.stack([(serial // 10 ** (5 - i)) % 10 for i in range(6)], axis=1)
    vals = np.concatenate([owner_vals, digits], axis=1)
    check = (vals * (2 ** np.arange(10))).sum(axis=1) % 11 % 10
    return np.array(
        [f"{CONTAINER_OWNERS[o]}{s:06d}{c}" for o, s, c in zip(owner, serial, check, strict=True)],
        dtype=object,
    )


def declaration_frame(
    rng: np.random.Generator, n_lines: int, exporters: pl.DataFrame, consignees: pl.DataFrame
) -> pl.DataFrame:
    """Declarations (one row each) with their line counts, until ``n_lines`` lines exist."""
    n_decl = int(n_lines / 2.2) + 50
    profile = exporters["profile"].to_numpy()
    weight = exporters["activity"].to_numpy() * np.where(profile == "parcel", 3.0, 1.0)
    exp = rng.choice(len(weight), n_decl, p=weight / weight.sum())
    prof = profile[exp]
    single = rng.random(n_decl) < np.select([prof == "parcel", prof == "metals"], [0.85, 0.6], 0.35)
    many = 1 + rng.geometric(np.where(prof == "bulk", 0.15, 0.4))
    counts = np.where(single, 1, np.minimum(many, 45))
    keep = np.cumsum(counts) <= n_lines
    exp, prof, counts = exp[keep], prof[keep], counts[keep]
    counts[-1] += n_lines - int(counts.sum())
    n_decl = len(exp)
    # each exporter trades with a handful of regular consignees
    regulars = rng.integers(0, consignees.height, (exporters.height, 12))
    k = rng.integers(2, 13, exporters.height)
    slot = np.floor(rng.random(n_decl) ** 1.6 * k[exp]).astype(int)
    cons = regulars[exp, slot]
    parcel = prof == "parcel"
    cons[parcel] = rng.integers(0, consignees.height, int(parcel.sum()))
    country = consignees["country"].to_numpy()[cons]
    first = exporters["first"].to_numpy()[exp]
    last = exporters["last"].to_numpy()[exp]
    lo = np.maximum(first, day(START))
    hi = np.minimum(last, day(END))
    hi = np.maximum(hi, lo)
    when = seasonal_days(rng, lo, hi)
    mode = np.where(
        parcel,
        rng.choice(["express", "post", "passenger"], n_decl, p=[0.55, 0.4, 0.05]),
        np.where(
            prof == "metals",
            rng.choice(["sea", "air", "rail"], n_decl, p=[0.6, 0.3, 0.1]),
            rng.choice(["sea", "air", "rail"], n_decl, p=[0.82, 0.1, 0.08]),
        ),
    ).astype(object)
    port = np.empty(n_decl, dtype=object)
    land = (
        ~parcel
        & np.isin(country, ["VN", "KZ", "KG", "RU", "MN", "MM"])
        & (rng.random(n_decl) < 0.55)
    )
    for locode, dests in LAND_DEST.items():
        rows = np.flatnonzero(land & np.isin(country, dests) & (port == None))  # noqa: E711
        port[rows] = locode
        modes = next(p[1] for p in PORTS if p[0] == locode)
        mode[rows] = rng.choice(modes, rows.size)
    # np.equal compares an object array with None elementwise; numpy's types take no None.
    mode[
        (~land | np.equal(port, None))  # type: ignore[call-overload]
        & (mode == "rail")
        & ~np.isin(country, ["RU", "KZ", "DE", "PL"])
    ] = "sea"
    for m in ("sea", "air", "rail", "express", "post", "passenger"):
        rows = np.flatnonzero((mode == m) & (port == None))  # noqa: E711
        serving = [(p[0], p[2]) for p in PORTS if m in p[1] and p[0] not in LAND_DEST]
        if not serving:
            serving = [(p[0], p[2]) for p in PORTS if m in p[1]]
        w = np.array([s[1] for s in serving], dtype=float)
        port[rows] = np.array([s[0] for s in serving], dtype=object)[
            rng.choice(len(serving), rows.size, p=w / w.sum())
        ]
    district = dict((p[0], p[3]) for p in PORTS)
    year = (np.datetime64("1970-01-01") + when.astype("timedelta64[D]")).astype(
        "datetime64[Y]"
    ).astype(int) + 1970
    drawn = np.unique(rng.integers(10**8, 10**9, n_decl * 2))
    serial = rng.permutation(drawn)[:n_decl]
    decl_id = names.join(
        np.array([district[p] for p in port], dtype=object),
        year.astype(str).astype(object),
        np.full(n_decl, "0", dtype=object),
        serial.astype(str).astype(object),
    ).astype(str)
    currency = np.where(rng.random(n_decl) < 0.64, "CNY", "USD").astype(object)
    foreign = currency == "USD"
    currency[foreign & (country == "JP") & (rng.random(n_decl) < 0.5)] = "JPY"
    currency[
        foreign & np.isin(country, ["DE", "NL", "FR", "IT", "PL"]) & (rng.random(n_decl) < 0.6)
    ] = "EUR"
    currency[foreign & (country == "HK")] = "HKD"
    brokers = rng.integers(0, 60, exporters.height)
    broker = np.where(rng.random(n_decl) < 0.9, brokers[exp], rng.integers(0, 60, n_decl))
    return pl.DataFrame(
        {
            "declaration_id": decl_id,
            "exp": exp,
            "cons": cons,
            "day": when,
            "port": port.astype(str),
            "mode": mode.astype(str),
            "currency": currency.astype(str),
            "broker": broker,
            "lines": counts,
            "country": country.astype(str),
        }
    )


def transport_docs(rng: np.random.Generator, mode: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Bill of lading / waybill / parcel numbers and container lists, per declaration."""
    n = len(mode)
    num = rng.integers(10**9, 10**10, n).astype(str).astype(object)
    doc = np.select(
        [mode == "sea", mode == "air", mode == "express", mode == "post", mode == "passenger"],
        [
            names.join(np.full(n, "COSU6", dtype=object), num),
            names.join(np.full(n, "781-", dtype=object), num),
            names.join(np.full(n, "SF30", dtype=object), num),
            names.join(np.full(n, "EA", dtype=object), num, np.full(n, "CN", dtype=object)),
            np.full(n, "", dtype=object),
        ],
        names.join(np.full(n, "SMGS-", dtype=object), num),
    )
    sea = np.flatnonzero(mode == "sea")
    n_cont = rng.integers(1, 4, sea.size)
    boxes = container_numbers(rng, int(n_cont.sum()))
    split = np.split(boxes, np.cumsum(n_cont)[:-1])
    containers = np.full(n, "", dtype=object)
    containers[sea] = np.array([";".join(b) for b in split], dtype=object)
    return doc, containers


def build_lines(
    rng: np.random.Generator,
    n_lines: int,
    exporters: pl.DataFrame,
    consignees: pl.DataFrame,
    goods: pl.DataFrame,
) -> tuple[Lines, pl.DataFrame]:
    """The honest lines, and the declaration frame they came from."""
    decls = declaration_frame(rng, n_lines, exporters, consignees)
    doc, containers = transport_docs(rng, decls["mode"].to_numpy())
    d = np.repeat(np.arange(decls.height), decls["lines"].to_numpy())
    starts = np.cumsum(decls["lines"].to_numpy()) - decls["lines"].to_numpy()
    line_no = np.arange(len(d)) - starts[d] + 1
    n = len(d)
    exp = decls["exp"].to_numpy()[d]
    mode = decls["mode"].to_numpy()[d]
    when = decls["day"].to_numpy()[d]
    sector = exporters["sector"].to_numpy()[exp]
    profile = exporters["profile"].to_numpy()[exp]
    key_to_g = dict(zip(goods["key"].to_list(), goods["g"].to_list(), strict=True))
    g = np.empty(n, dtype=np.int64)
    for s, keys in SECTOR_GOODS.items():
        rows = np.flatnonzero(sector == s)
        g[rows] = np.array([key_to_g[k] for k in keys])[rng.integers(0, len(keys), rows.size)]
    parcel = np.isin(mode, ["express", "post", "passenger"])
    rows = np.flatnonzero(parcel)
    g[rows] = np.array([key_to_g[k] for k in PARCEL_GOODS])[
        rng.integers(0, len(PARCEL_GOODS), rows.size)
    ]
    # metals traders ship controlled materials on a minority of their lines
    n_ctrl = len(CONTROLLED)
    first_ctrl = len(GOODS)
    speciality = first_ctrl + rng.integers(0, n_ctrl, (exporters.height, 3))
    ctrl = (
        (profile == "metals") & ~parcel & (rng.random(n) < np.where(sector == "trading", 0.15, 0.3))
    )
    g[ctrl] = speciality[exp[ctrl], rng.integers(0, 3, int(ctrl.sum()))]
    gt = {c: goods[c].to_numpy() for c in goods.columns}
    scale = np.select([mode == "air", parcel], [0.04, 0.0004], 1.0)
    kg = gt["line_kg"][g] * rng.lognormal(0, 0.8, n) * scale
    kg = np.where(parcel, np.clip(kg, 0.2, 30), np.maximum(kg, 1.0))
    unit = gt["unit"][g].astype(object)
    unit[parcel & (unit == "t")] = "kg"
    piece = np.maximum(gt["piece_kg"][g], 1e-3)
    pcs = np.maximum(np.round(kg / piece), 1)
    kg = np.where(np.isin(unit, ["pcs", "set"]), pcs * piece * rng.uniform(0.97, 1.03, n), kg)
    qty = np.select(
        [unit == "t", np.isin(unit, ["pcs", "set"])], [np.round(kg / 1000, 3), pcs], np.round(kg, 1)
    )
    kg = np.round(kg, 2)
    price_level = rng.lognormal(0, 0.12, exporters.height)[exp]
    drift = 1 + 0.08 * (when - day(START)) / 365
    value_cny = kg * gt["cny_per_kg"][g] * rng.lognormal(0, 0.15, n) * price_level * drift
    currency = decls["currency"].to_numpy()[d]
    rate = np.array([CNY_PER[c] for c in currency])
    gross = kg * rng.uniform(gt["gross_low"][g], gt["gross_high"][g])
    lang = rng.choice(["zh", "en", "mix"], exporters.height, p=[0.5, 0.35, 0.15])[exp]
    desc = np.select(
        [lang == "zh", lang == "en"],
        [gt["zh"][g], gt["en"][g]],
        names.join(
            gt["zh"][g].astype(object),
            np.full(n, "(", dtype=object),
            gt["en"][g].astype(object),
            np.full(n, ")", dtype=object),
        ),
    )
    cons = decls["cons"].to_numpy()[d]
    cons_name = consignees["name"].to_numpy()[cons]
    is_ctrl = gt["controlled"][g].astype(bool)
    fills = exporters["fills_end_user"].to_numpy()[exp] & is_ctrl
    use_pick = rng.random(n) < 0.5
    uses_en = np.array([END_USES.get(e, ("", ""))[0] for e in gt["element"]], dtype=object)
    uses_zh = np.array([END_USES.get(e, ("", ""))[1] for e in gt["element"]], dtype=object)
    end_use = np.where(use_pick, uses_en[g], uses_zh[g])
    other_user = consignees["name"].to_numpy()[rng.integers(0, consignees.height, n)]
    end_user = np.where(rng.random(n) < 0.7, cons_name, other_user)
    spec = names.join(
        np.full(n, "品牌类型:", dtype=object),
        rng.choice(["0", "1", "3"], n).astype(object),
        np.full(n, "|出口享惠情况:3|", dtype=object),
        np.where(
            is_ctrl,
            names.join(
                np.full(n, "纯度:", dtype=object),
                rng.choice(["99.99%", "99.999%", "4N", "5N", "≥99.5%"], n).astype(object),
            ),
            gt["pack"][g].astype(object),
        ),
    )
    spec[rng.random(n) < 0.3] = ""
    lines: Lines = {
        "declaration_id": decls["declaration_id"].to_numpy()[d].astype(object),
        "line_no": line_no,
        "day": when,
        "port": decls["port"].to_numpy()[d].astype(object),
        "mode": mode.astype(object),
        "exp": exp,
        "exporter_id": exporters["exporter_id"].to_numpy()[exp].astype(object),
        "exporter_name": np.where(
            rng.random(n) < 0.8,
            exporters["name_zh"].to_numpy()[exp],
            exporters["name_en"].to_numpy()[exp],
        ).astype(object),
        "declarant_id": np.array([f"BRK{b:04d}" for b in decls["broker"].to_numpy()], dtype=object)[
            d
        ],
        "cons": cons,
        "consignee_name": names.sloppy(rng, cons_name.astype(object), 0.2),
        "consignee_address": consignees["address"].to_numpy()[cons].astype(object),
        "consignee_country": decls["country"].to_numpy()[d].astype(object),
        "destination_country": decls["country"].to_numpy()[d].astype(object),
        "trade_country": np.where(
            rng.random(n) < 0.06, "HK", decls["country"].to_numpy()[d]
        ).astype(object),
        "end_user_name": np.where(fills, end_user, "").astype(object),
        "end_use": np.where(fills, end_use, "").astype(object),
        "g": g,
        "hs_code": gt["hs"][g].astype(object),
        "description": desc.astype(object),
        "specification": spec,
        "quantity": qty.astype(float),
        "unit": unit,
        "net_weight_kg": kg,
        "gross_weight_kg": np.where(rng.random(n) < 0.88, np.round(gross, 2), np.nan),
        "value": np.round(value_cny / rate, 2),
        "currency": currency.astype(object),
        "license_no": np.full(n, "", dtype=object),
        "container_ids": containers[d],
        "transport_doc": doc[d],
        "origin_region": np.where(
            rng.random(n) < 0.85, exporters["region"].to_numpy()[exp], "360700"
        ).astype(object),
        "true_g": g.copy(),
        "true_kg": kg.copy(),
        "true_value_cny": value_cny,
        "scheme": np.full(n, "", dtype=object),
    }
    lines["needs_licence"] = needs_licence(lines, goods)
    return lines, decls


def needs_licence(lines: Lines, goods: pl.DataFrame) -> np.ndarray:
    """Whether each line's true goods were under licensing on its date."""
    since = np.array(
        [day(CONTROL_FROM[e]) if e is not None else 10**9 for e in goods["element"].to_list()]
    )
    return lines["day"] >= since[lines["true_g"]]


def as_date(days: np.ndarray) -> np.ndarray:
    """Days since the epoch as numpy dates."""
    return np.datetime64("1970-01-01") + days.astype("timedelta64[D]")


__all__ = ["Lines", "as_date", "build_lines", "dt", "good_table"]
