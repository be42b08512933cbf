"""Line specs to contract columns: what the customs system actually holds.

Honest and smuggled lines pass through this one function, so the only differences
between them are the ones the schemes put there. It writes declaration numbers (office,
year, export flag, serial per office and year), lodging moments in each port's own style,
names as exporters and buyers write them, goods descriptions in Chinese, English or both
with the odd typo, declared elements, quantities in kg, g, t, pcs or sets, values in the
invoice currency, containers (shared between consolidated declarations), transport
documents and the origin written as a division code, a Chinese or an English place name.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from . import goods, idents, names
from .books import Books
from .places import PORT_STYLE, REGIONS, fx, office
from .timeline import as_datetime64


def _lookup(values: Sequence[object], idx: np.ndarray) -> np.ndarray:
    return np.array(values, dtype=object)[idx]


def declaration_ids(rng: np.random.Generator, spec: pl.DataFrame) -> pl.DataFrame:
    """``decl -> declaration_id``: office code, year, export flag 0 and a serial that runs
    per office and year in lodging order (with the gaps other traffic leaves)."""
    decls = (
        spec.group_by("decl")
        .agg(pl.col("port").first(), pl.col("day").first(), pl.col("minute").first())
        .sort("decl")
    )
    n = decls.height
    year = as_datetime64(decls["day"].to_numpy()).astype("datetime64[Y]").astype(int) + 1970
    decls = decls.with_columns(
        pl.Series("year", year),
        pl.Series("tie", rng.random(n)),
        pl.Series("gap", rng.integers(1, 40, n)),
    ).sort("port", "year", "day", "minute", "tie")
    ports = sorted(set(decls["port"].to_list()))
    base = pl.DataFrame({"port": ports, "base": rng.integers(10**8, 5 * 10**8, len(ports))})
    decls = decls.join(base, on="port", how="left", maintain_order="left").with_columns(
        (pl.col("base") + pl.col("gap").cum_sum().over("port", "year")).alias("serial")
    )
    ids = [
        f"{office(p)}{y}0{s:09d}"
        for p, y, s in zip(
            decls["port"].to_list(), decls["year"].to_list(), decls["serial"].to_list(), strict=True
        )
    ]
    return decls.select("decl").with_columns(pl.Series("declaration_id", ids))


def _moment(
    rng: np.random.Generator, day: np.ndarray, minute: np.ndarray, port: np.ndarray
) -> np.ndarray:
    """The lodging moment as each port's system writes it."""
    n = day.shape[0]
    seconds = rng.integers(0, 60, n)
    local = as_datetime64(day).astype("datetime64[s]") + (minute * 60 + seconds).astype(
        "timedelta64[s]"
    )
    style = np.array([PORT_STYLE.get(p, "date") for p in port], dtype=object)
    out = np.empty(n, dtype=object)
    plain = np.datetime_as_string(local, unit="s")
    dates = np.datetime_as_string(local, unit="D")
    utc = np.datetime_as_string(local - np.timedelta64(8, "h"), unit="s")
    west = np.datetime_as_string(local - np.timedelta64(2, "h"), unit="s")
    out[style == "date"] = dates[style == "date"]
    out[style == "zoned"] = np.char.add(plain[style == "zoned"].astype(str), "+08:00")
    out[style == "utc"] = np.char.add(utc[style == "utc"].astype(str), "Z")
    sel = style == "local"
    out[sel] = np.char.replace(plain[sel].astype(str), "T", " ")
    out[style == "west"] = np.char.add(west[style == "west"].astype(str), "+06:00")
    return out


def _descriptions(
    rng: np.random.Generator, product: np.ndarray, word: np.ndarray, lang: np.ndarray, noise: float
) -> np.ndarray:
    table = {}
    for i, p in enumerate(goods.PRODUCTS):
        for w in range(3):
            zh, en = p.zh[w % len(p.zh)], p.en[w % len(p.en)]
            table[(i, w, "zh")] = zh
            table[(i, w, "en")] = en
            table[(i, w, "mix")] = (f"{zh} {en}", f"{zh}/{en}", f"{en}({zh})")[w]
    out = np.array(
        [table[(int(p), int(w), str(g))] for p, w, g in zip(product, word, lang, strict=True)],
        dtype=object,
    )
    slip = np.flatnonzero(rng.random(out.shape[0]) < noise * 0.5)
    for k in slip:
        out[k] = names.typo(rng, str(out[k]))
    return out


def _specifications(
    rng: np.random.Generator, product: np.ndarray, override: np.ndarray, lang: np.ndarray
) -> np.ndarray:
    n = int(product.shape[0])
    pick = rng.integers(0, 8, n)
    out = np.empty(n, dtype=object)
    for k in range(n):
        text = str(override[k])
        if not text:
            specs = goods.PRODUCTS[int(product[k])].spec
            text = "~".join(specs[int(pick[k]) % len(specs)])
        zh, _, en = text.partition("~")
        g = lang[k]
        out[k] = zh if g == "zh" else (en if g == "en" else f"{zh}|{en}" if en else zh)
    return out


def declarations(
    rng: np.random.Generator, books: Books, spec: pl.DataFrame, noise: float
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Contract ``declarations`` and the key map ``decl, line -> declaration_id, line_no``."""
    ids = declaration_ids(rng, spec)
    spec = spec.join(ids, on="decl", how="left", maintain_order="left")
    n = int(spec.height)
    ex = books.exporters
    exporter = spec["exporter"].to_numpy()
    consignee = spec["consignee"].to_numpy()
    product = spec["product"].to_numpy()
    day = spec["day"].to_numpy().astype(np.int64)
    port = spec["port"].to_numpy().astype(object)
    mode = spec["mode"].to_numpy().astype(object)
    decl = spec["decl"].to_numpy()
    _, decl_pos, decl_inv = np.unique(decl, return_index=True, return_inverse=True)
    n_decl = int(decl_pos.shape[0])

    lang = _lookup([e.lang for e in ex], exporter)
    exporter_id = _lookup([e.uscc for e in ex], exporter)
    exporter_name = _lookup([e.name_en if e.english_name else e.name_zh for e in ex], exporter)
    broker = spec["broker"].to_numpy()
    broker_ids = np.array([b.uscc for b in books.brokers] + [""], dtype=object)
    declarant = np.where(broker >= 0, broker_ids[np.clip(broker, 0, None)], exporter_id)
    declarant[(rng.random(n_decl) < noise * 0.2)[decl_inv]] = ""

    cons_name = _lookup([c.name for c in books.consignees], consignee)
    cons_addr = _lookup([c.address for c in books.consignees], consignee)
    vary = (rng.random(n_decl) < noise * 1.5)[decl_inv]
    for k in np.flatnonzero(vary):
        cons_name[k] = names.name_variant(rng, str(cons_name[k]))
    cons_addr[(rng.random(n_decl) < 0.2)[decl_inv]] = ""
    cons_country = _lookup([c.country for c in books.consignees], consignee)

    desc = _descriptions(rng, product, spec["word"].to_numpy(), lang, noise)
    override = spec["desc"].to_numpy().astype(object)
    has = override != ""
    desc[has] = override[has]
    specification = _specifications(rng, product, spec["spec"].to_numpy().astype(object), lang)
    specification[rng.random(n) < 0.1] = ""

    # quantities and units
    net = spec["net_kg"].to_numpy()
    pieces = spec["pieces"].to_numpy()
    unit = goods.UNIT[product].astype(object).copy()
    quantity = net.copy()
    unit_t = _lookup([e.unit_t for e in ex], exporter).astype(bool)
    is_t = unit == "t"
    unit[is_t & ~unit_t] = "kg"
    quantity[is_t & unit_t] = np.round(net[is_t & unit_t] / 1000.0, 3)
    whole = (unit == "pcs") | (unit == "set")
    quantity[whole] = np.where(
        np.isnan(pieces[whole]), np.maximum(1, np.round(net[whole])), pieces[whole]
    )
    cartons = whole & (rng.random(n) < noise * 0.05)  # cartons counted as pieces
    quantity[cartons] = np.maximum(
        1, np.round(quantity[cartons] / rng.uniform(10, 50, int(cartons.sum())))
    )
    grams = (unit == "kg") & (net < 1.0) & (goods.USD[product] > 100) & (rng.random(n) < 0.6)
    unit[grams] = "g"
    quantity[grams] = np.round(net[grams] * 1000.0, 1)
    slip = (unit == "kg") & (rng.random(n) < noise * 0.01)
    unit[slip] = "t"  # a clerk's wrong unit: the number is still kilograms

    gross = spec["gross_kg"].to_numpy().copy()
    gross[rng.random(n) < noise * 0.5] = np.nan

    currency = spec["currency"].to_numpy().astype(object)
    value = np.round(spec["value_usd"].to_numpy() * fx(currency, day), 2)

    containers = _containers(rng, spec, decl_inv, n_decl)
    docs = _transport_docs(rng, mode[decl_pos], n_decl)[decl_inv]
    docs[(rng.random(n_decl) < noise * 0.5)[decl_inv]] = ""

    region = _lookup([e.region for e in ex], exporter).astype(np.int64)
    style = _lookup([e.origin_style for e in ex], exporter).astype(np.int64)
    codes = np.array([r.code for r in REGIONS], dtype=object)[region]
    zh = np.array([r.zh for r in REGIONS], dtype=object)[region]
    en = np.array([r.en for r in REGIONS], dtype=object)[region]
    origin = np.where(style == 0, codes, np.where(style == 1, zh, np.where(style == 2, en, "")))

    moment = _moment(
        rng,
        spec["day"].to_numpy()[decl_pos].astype(np.int64),
        spec["minute"].to_numpy()[decl_pos].astype(np.int64),
        port[decl_pos],
    )[decl_inv]

    frame = pl.DataFrame(
        {
            "declaration_id": spec["declaration_id"],
            "line_no": spec["line"],
            "declared_at": moment.astype(str),
            "port": port.astype(str),
            "mode": mode.astype(str),
            "exporter_id": exporter_id.astype(str),
            "exporter_name": exporter_name.astype(str),
            "declarant_id": declarant.astype(str),
            "consignee_name": cons_name.astype(str),
            "consignee_address": cons_addr.astype(str),
            "consignee_country": cons_country.astype(str),
            "destination_country": spec["dest"],
            "trade_country": spec["trade_country"],
            "end_user_name": spec["end_user"],
            "end_use": spec["end_use"],
            "hs_code": goods.HS[product].astype(str),
            "description": desc.astype(str),
            "specification": specification.astype(str),
            "quantity": quantity,
            "unit": unit.astype(str),
            "net_weight_kg": net,
            "gross_weight_kg": pl.Series(gross).fill_nan(None),
            "value": value,
            "currency": currency.astype(str),
            "license_no": spec["licence"],
            "container_ids": containers,
            "transport_doc": docs.astype(str),
            "origin_region": origin.astype(str),
        }
    )
    frame = frame.with_columns(
        pl.when(pl.col(c) == "").then(None).otherwise(pl.col(c)).alias(c)
        for c in frame.columns
        if frame[c].dtype == pl.String
    )
    keys = spec.select("decl", "line", "declaration_id", pl.col("line").alias("line_no"))
    return frame.sort("declaration_id", "line_no"), keys


def _containers(
    rng: np.random.Generator, spec: pl.DataFrame, decl_inv: np.ndarray, n_decl: int
) -> np.ndarray:
    """Full containers for big lots; small sea and rail lots share a consolidation box
    with other declarations of the same port and week."""
    mode = spec["mode"].to_numpy()
    gross = spec["gross_kg"].to_numpy()
    total = np.bincount(decl_inv, weights=gross, minlength=n_decl)
    first = np.zeros(n_decl, dtype=np.int64)
    first[decl_inv[::-1]] = np.arange(decl_inv.shape[0])[::-1]
    d_mode = mode[first]
    boxed = (d_mode == "sea") | (d_mode == "rail")
    n_box = np.where(boxed, np.clip(np.ceil(total / 24000.0), 1, 6), 0).astype(np.int64)
    lcl = boxed & (total < 6000)
    n_box[lcl] = 1
    pool = idents.containers(rng, int(n_box.sum()) + 1)
    offsets = np.concatenate([[0], np.cumsum(n_box)[:-1]])
    week = spec["day"].to_numpy()[first] // 7
    port = spec["port"].to_numpy()[first]
    key = np.char.add(port.astype(str), week.astype(str))
    _, key_inv = np.unique(key, return_inverse=True)
    shared = idents.containers(rng, int(key_inv.max()) + 1 if key_inv.size else 1)
    out = np.empty(n_decl, dtype=object)
    for d in range(n_decl):
        if not boxed[d]:
            out[d] = ""
        elif lcl[d]:
            out[d] = shared[key_inv[d]]
        else:
            out[d] = ";".join(pool[offsets[d] : offsets[d] + n_box[d]])
    return out[decl_inv].astype(str)


def _transport_docs(rng: np.random.Generator, mode: np.ndarray, n: int) -> np.ndarray:
    out = np.full(n, "", dtype=object)
    for m, make in (
        ("sea", lambda k: idents.bills_of_lading(rng, k)),
        ("air", lambda k: idents.air_waybills(rng, k)),
        ("express", lambda k: idents.express_numbers(rng, k)),
        ("post", lambda k: idents.s10(rng, k, "E")),
        ("rail", lambda k: idents.land_waybills(rng, k, "SMGS")),
        ("road", lambda k: idents.land_waybills(rng, k, "TIR")),
    ):
        sel = mode == m
        if sel.any():
            out[sel] = make(int(sel.sum()))
    return out
