"""Assemble and write a world: honest trade, the schemes, licences, inspections, tables.

``generate(out_dir, lines=100_000, seed=1, **knobs)`` writes a dataset folder of the
data contract (CSV) with ``truth/lines.csv`` (declaration_id, line_no, scheme).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
import polars as pl

from twelfthworld import extras, history, licensing, parties, population, schemes, vocab
from twelfthworld import lines as L
from twelfthworld.population import DAY0, N_MONTHS


@dataclass(frozen=True)
class Knobs:
    """What a world may vary."""

    fraud_share: float = 0.025  # share of lines that are fraudulent
    weights: dict[str, float] = field(
        default_factory=lambda: {k: s.weight for k, s in schemes.SCHEMES.items()}
    )
    inspection_rate: float = 0.004  # random checks (share of lines)
    target_rate: float = 0.012  # risk-targeted checks (share of lines)
    campaign: float = 4.0  # rate multiple in the 2025 southern campaign
    confirm_scale: float = 1.0  # multiple on every method's chance to confirm a scheme
    confirm: dict[str, float] = field(default_factory=dict)  # per scheme multiple


def generate(out_dir: Path | str, lines: int = 100_000, seed: int = 1, **knobs: object) -> Path:
    """Write a world of about ``lines`` declaration lines to ``out_dir``."""
    names = {f.name for f in fields(Knobs)}
    unknown = set(knobs) - names
    if unknown:
        raise TypeError(f"unknown knobs: {sorted(unknown)}")
    k = Knobs(**knobs)  # type: ignore[arg-type]
    rng = np.random.default_rng(seed)
    pop = population.build(rng, lines)
    hub_brokers = rng.choice(np.arange(3, min(12, pop.brokers.size)), 2, replace=False)
    allot = schemes.allocate(int(lines * k.fraud_share), k.weights)
    batches, caught, first_id = [], [], 0
    for name, n in allot.items():
        if n == 0:
            continue
        batch, rings = schemes.scheme_batch(rng, pop, name, n, first_id, hub_brokers)
        first_id = int(batch["decl"].max()) + 1
        batches.append(batch)
        caught += rings.caught
    fraud_lines = sum(b["decl"].size for b in batches)
    honest = _honest(rng, pop, max(lines - fraud_lines, 100), first_id)
    batches.insert(0, honest)
    for b in batches:
        b.setdefault("item", np.full(b["decl"].size, -1))
    cols = L.concat([{k2: b[k2] for k2 in honest} for b in batches])
    _goods_and_words(rng, pop, cols)
    issuer = licensing.Issuer(pop)
    licensing.licence_lines(rng, pop, cols, issuer)
    licensing.forged(rng, pop, cols, issuer)
    licensing.end_users(rng, pop, cols)
    cols = _order(cols)
    keys = _ids(cols)
    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    currency, factor = _currency(rng, pop, cols)
    decl = _declarations(rng, pop, cols, keys, currency, factor)
    decl.write_csv(out / "declarations.csv")
    truth = pl.DataFrame(
        {"declaration_id": keys[0], "line_no": keys[1], "scheme": cols["scheme"]}
    ).filter(pl.col("scheme") != "")
    truth.write_csv(out / "truth" / "lines.csv")
    policy = history.Policy(
        k.inspection_rate, k.target_rate, k.campaign, k.confirm, k.confirm_scale
    )
    first_day = pop.exporters["first_day"].to_numpy()
    rows, method, found = history.inspect(rng, cols, first_day, int(hub_brokers[0]), caught, policy)
    history.table(rng, cols, rows, method, found, keys, factor).write_csv(out / "inspections.csv")
    licences = issuer.table().drop("_exporter", "_item")
    licences.write_csv(out / "licenses.csv")
    fronts = np.unique(cols["consignee"][cols["scheme"] == "hub_front"])
    party, rel = extras.register(rng, pop, cols, fronts)
    party.write_csv(out / "parties.csv")
    rel.write_csv(out / "relations.csv")
    extras.trade_stats(rng, pop, cols).write_csv(out / "trade_stats.csv")
    extras.prices(rng, pop).write_csv(out / "prices.csv")
    extras.watchlist(pop).write_csv(out / "watchlist.csv")
    return out


def _honest(
    rng: np.random.Generator, pop: population.Population, n_lines: int, first_id: int
) -> L.Cols:
    """Honest declarations until ``n_lines`` lines (the last declaration cut to fit)."""
    decl = L.declarations(rng, pop, int(n_lines / 3.2) + 50)
    total = np.cumsum(decl["n_lines"])
    keep = int(np.searchsorted(total, n_lines)) + 1
    decl = {k: v[:keep] for k, v in decl.items()}
    decl["n_lines"][-1] -= int(total[keep - 1] - n_lines) if total[keep - 1] > n_lines else 0
    out = L.explode(decl, first_id)
    out["item"] = np.full(out["decl"].size, -1)
    return out


def _goods_and_words(rng: np.random.Generator, pop: population.Population, cols: L.Cols) -> None:
    """Goods, weights, prices, words, destinations; honest controlled lines to the US
    after the 2024-12 ban become other goods (licences are not granted)."""
    L.assign_goods(rng, pop, cols)
    country = pop.consignees["country"].to_numpy()[cols["consignee"]]
    banned = {"gallium", "germanium", "antimony", "graphite"}
    element = np.array([c.element in banned for c in vocab.CONTROLLED])
    ctrl = cols["good"] >= L.N_ORD
    us_ban = (
        ctrl
        & (cols["scheme"] == "")
        & (country == "US")
        & (cols["day"] >= population.day_of("2024-12-03"))
    )
    us_ban &= element[np.clip(cols["good"] - L.N_ORD, 0, None)]
    cols["good"][us_ban] = pop.goods_profile[cols["exporter"][us_ban], 0]
    cols["destination"] = np.where(
        (country == "HK") & (rng.random(country.size) < 0.3),
        rng.choice(np.array(["US", "VN", "DE"]), country.size),
        country,
    ).astype(object)
    L.weigh_and_price(rng, pop, cols)
    names, specs = L.pools(rng)
    L.word(rng, pop, cols, names, specs)
    for c in ("licence", "end_user", "end_use"):
        cols[c] = np.full(cols["day"].size, "", dtype=object)
    schemes.tamper(rng, cols)


def _order(cols: L.Cols) -> L.Cols:
    """Lines in order of lodging."""
    order = np.lexsort((cols["line_no"], cols["decl"], cols["second"], cols["day"]))
    return {k: v[order] for k, v in cols.items()}


def _ids(cols: L.Cols) -> tuple[np.ndarray, np.ndarray]:
    """Declaration numbers: E + port + yymm + running number, and renumbered lines."""
    decl = cols["decl"]
    change = np.concatenate([[True], decl[1:] != decl[:-1]])
    seq = np.cumsum(change)
    port = np.array([p[0][2:] for p in vocab.PORTS])[cols["port"]]
    month = (DAY0 + cols["day"].astype("timedelta64[D]")).astype("datetime64[M]").astype(int)
    yymm = np.char.zfill(((month // 12 + 1970) % 100 * 100 + month % 12 + 1).astype(str), 4)
    head = np.char.add(np.char.add("E", port.astype(str)), yymm)
    ids = np.char.add(np.char.add(head, "-"), np.char.zfill((seq + 1000).astype(str), 7)).astype(
        object
    )
    starts = np.flatnonzero(change)
    line_no = np.arange(decl.size) - np.repeat(starts, np.diff(np.append(starts, decl.size))) + 1
    return ids, line_no


def _currency(
    rng: np.random.Generator, pop: population.Population, cols: L.Cols
) -> tuple[np.ndarray, np.ndarray]:
    """Invoice currency per declaration (the partner's mostly, USD or CNY otherwise) and
    units of it per USD that month."""
    decl = cols["decl"]
    country = pop.consignees["country"].to_numpy()[cols["consignee"]]
    local = dict((c[0], c[2]) for c in vocab.COUNTRIES)
    own = np.array([local[c] for c in country], dtype=object)
    u = rng.random(decl.max() + 1)[decl]
    currency = np.where(u < 0.7, own, np.where(u < 0.9, "USD", "CNY")).astype(object)
    month = np.clip(population.month_index(cols["day"]), 0, N_MONTHS - 1)
    factor = np.zeros(decl.size)
    for cur, rates in pop.fx.items():
        at = currency == cur
        factor[at] = rates[month[at]]
    return currency, factor


def _containers(rng: np.random.Generator, n: int) -> np.ndarray:
    """ISO 6346 container numbers with their check digit."""
    owners = ["MSKU", "CSNU", "OOLU", "TGHU", "COSU", "EMCU", "HLXU", "SEGU"]
    values = {}
    v = 10
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[ch] = v
        v += 1
    part = np.array([sum(values[c] * 2**i for i, c in enumerate(o)) for o in owners])
    pick = rng.integers(0, len(owners), n)
    serial = rng.integers(0, 1_000_000, n)
    total = part[pick].copy()
    for i in range(6):
        digit = (serial // 10 ** (5 - i)) % 10
        total += digit * 2 ** (4 + i)
    check = (total % 11) % 10
    return np.char.add(
        np.char.add(np.array(owners)[pick], np.char.zfill(serial.astype(str), 6)), check.astype(str)
    ).astype(object)


def _declarations(
    rng: np.random.Generator,
    pop: population.Population,
    cols: L.Cols,
    keys: tuple[np.ndarray, np.ndarray],
    currency: np.ndarray,
    factor: np.ndarray,
) -> pl.DataFrame:
    """The declarations table of the contract."""
    n = cols["day"].size
    decl = cols["decl"]
    d = rng.random(decl.max() + 1)
    ex = pop.exporters
    exp = cols["exporter"]
    zh = ex["writes_zh"].to_numpy()[exp]
    exporter_name = np.where(zh, ex["name_zh"].to_numpy()[exp], ex["name_en"].to_numpy()[exp])
    exporter_name = np.where(d[decl] < 0.1, ex["name_short"].to_numpy()[exp], exporter_name)
    con = pop.consignees
    cname = con["name"].to_numpy()[cols["consignee"]]
    alias = parties.alias(pl.Series(cname.astype(str))).to_numpy().astype(object)
    cname = np.where(d[decl] > 0.85, alias, cname)
    mode = cols["mode"]
    sea = mode == "sea"
    boxes = _containers(rng, n)
    change = np.concatenate([[True], decl[1:] != decl[:-1]])
    head = np.maximum.accumulate(np.where(change, np.arange(n), 0))  # each line's first line
    first_box = boxes[head]  # one or two boxes per declaration (its first line's)
    second = np.where(
        d[decl] < 0.3,
        np.char.add(np.char.add(first_box.astype(str), ";"), boxes[::-1][head].astype(str)),
        first_box,
    )
    doc_num = rng.integers(10**9, 10**10 - 1, decl.max() + 1)[decl].astype(str)
    prefix = {
        "sea": "COSU",
        "air": "784-",
        "express": "SF",
        "post": "EA",
        "road": "CMR",
        "rail": "CIM",
        "passenger": "",
    }
    doc = np.array([prefix[m] for m in mode], dtype=object) + doc_num
    doc = np.where(mode == "post", doc + "CN", doc)
    doc = np.where(mode == "passenger", "", doc)
    g = cols["good"]
    qty, unit = L.quantity(cols)
    second_of_day = cols["second"]
    stamp = (DAY0 + cols["day"].astype("timedelta64[D]")).astype(
        "datetime64[s]"
    ) + second_of_day.astype("timedelta64[s]")
    region = ex["region"].to_numpy()[exp]
    return pl.DataFrame(
        {
            "declaration_id": keys[0].astype(str),
            "line_no": keys[1],
            "declared_at": np.char.replace(stamp.astype(str), "T", " "),
            "port": np.array([p[0] for p in vocab.PORTS])[cols["port"]],
            "mode": mode.astype(str),
            "exporter_id": ex["company_id"].to_numpy()[exp].astype(str),
            "exporter_name": exporter_name.astype(str),
            "declarant_id": pop.brokers[cols["broker"]].astype(str),
            "consignee_name": cname.astype(str),
            "consignee_address": np.where(
                d[decl] < 0.7, con["address"].to_numpy()[cols["consignee"]], ""
            ).astype(str),
            "consignee_country": con["country"].to_numpy()[cols["consignee"]].astype(str),
            "destination_country": cols["destination"].astype(str),
            "trade_country": con["country"].to_numpy()[cols["consignee"]].astype(str),
            "end_user_name": cols["end_user"].astype(str),
            "end_use": cols["end_use"].astype(str),
            "hs_code": L.GOOD_HS[g],
            "description": cols["description"].astype(str),
            "specification": cols["specification"].astype(str),
            "quantity": qty,
            "unit": unit,
            "net_weight_kg": cols["net_kg"],
            "gross_weight_kg": cols["gross_kg"],
            "value": np.round(cols["value_usd"] * factor, 2),
            "currency": currency.astype(str),
            "license_no": cols["licence"].astype(str),
            "container_ids": np.where(sea, second, "").astype(str),
            "transport_doc": doc.astype(str),
            "origin_region": np.where(d[decl] < 0.75, region, "").astype(str),
        }
    )
