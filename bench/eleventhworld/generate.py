"""Entry point: :func:`generate` writes one dataset folder and its truth.

Tables and formats: ``declarations.csv`` (``declared_at`` with time of day, part of it
with a zone offset), ``licenses.jsonl``, ``parties.jsonl``, ``relations.csv``,
``watchlist.jsonl``, ``inspections.parquet``, ``trade_stats.parquet``, ``prices.csv`` and
``truth/lines.csv`` (``declaration_id,line_no,scheme``). No chain tables (facilities,
movements, production).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from eleventhworld import history, markets, names, records, schemes
from eleventhworld.goods import build_goods
from eleventhworld.permits import Ledger, honest_licences
from eleventhworld.population import build_population
from eleventhworld.regime import load_regime
from eleventhworld.shipments import END_USES, USD_PER, build_lines, declaration_ids, dress

SCHEMES = tuple(schemes.SCHEME_FNS)


def _prepare(
    rng: np.random.Generator, cols: dict[str, np.ndarray], pop: Any, goods: Any, regime: Any
) -> None:
    """The columns schemes rewrite, at their honest values."""
    n = len(cols["product"])
    cols["decl_product"] = cols["product"].copy()
    cols["true_kg"] = cols["kg"].copy()
    cols["decl_kg"] = cols["kg"].copy()
    cols["hidden_kg"] = np.zeros(n)
    cols["value_factor"] = np.ones(n)
    for name in (
        "decl_description",
        "spec_extra",
        "license_no",
        "dest",
        "con_name_override",
        "con_country_override",
    ):
        cols[name] = np.full(n, "", dtype=object)
    n_decl = int(cols["decl"].max()) + 1
    house = np.where(rng.random(n_decl) < 0.06, rng.choice(np.array(["HK", "SG"]), n_decl), "")
    cols["trade"] = house.astype(object)[cols["decl"]]
    item = goods.item[cols["product"]]
    needed = regime.licence_needed(item, cols["day"])
    named = needed | ((item != "") & (rng.random(n) < 0.3))
    downstream = rng.random(n) < 0.35
    user = np.where(
        downstream,
        names.variant(pop.con_name[cols["consignee"]], rng),
        pop.con_name[cols["consignee"]],
    )
    cols["end_user"] = np.where(named, user, "").astype(object)
    cols["end_use"] = np.where(named, rng.choice(END_USES, n), "").astype(object)


DECLARATION_FIELDS = (
    "day",
    "exporter",
    "consignee",
    "mode",
    "dest",
    "trade",
    "con_name_override",
    "con_country_override",
)


def _spread_to_declarations(
    rng: np.random.Generator, cols: dict[str, np.ndarray], rows: np.ndarray
) -> None:
    """A scheme's line decides its declaration's exporter, consignee, day and mode: copy
    them to the declaration's other lines, and renumber declarations (the number holds
    the year)."""
    decl = cols["decl"]
    owner = np.full(int(decl.max()) + 1, -1)
    owner[decl[rows]] = rows
    mapped = owner[decl]
    moved = mapped >= 0
    for name in DECLARATION_FIELDS:
        cols[name][moved] = cols[name][mapped[moved]]
    first = np.unique(decl, return_index=True)[1]
    cols["declaration_id"] = declaration_ids(rng, cols["port"][first], cols["day"][first])[decl]


def _label_overdraws(
    cols: dict[str, np.ndarray], lic: dict[str, np.ndarray], rows: np.ndarray
) -> np.ndarray:
    """The lines drawing on the scheme's general licences past their total quantity."""
    chosen = np.unique(cols["license_no"][rows])
    all_rows = np.flatnonzero(np.isin(cols["license_no"], chosen))
    quota = dict(zip(lic["license_no"], lic["kg"], strict=True))
    frame = pl.DataFrame(
        {
            "row": all_rows,
            "lic": cols["license_no"][all_rows].astype(str),
            "day": cols["day"][all_rows],
            "kg": cols["decl_kg"][all_rows],
        }
    )
    frame = frame.sort("lic", "day", "row").with_columns(
        pl.col("kg").cum_sum().over("lic").alias("drawn"),
        pl.col("lic").replace_strict(quota, return_dtype=pl.Float64).alias("quota"),
    )
    return np.sort(frame.filter(pl.col("drawn") > pl.col("quota"))["row"].to_numpy())


def generate(
    out_dir: Path | str,
    lines: int = 100_000,
    seed: int = 1,
    *,
    fraud_share: float = 0.02,
    target_rate: float = 0.3,
    random_rate: float = 0.004,
    confirm: dict[str, float] | None = None,
    weights: dict[str, float] | None = None,
) -> Path:
    """Write a world of about ``lines`` declaration lines to ``out_dir``.

    ``fraud_share``: share of lines given to schemes; ``target_rate``: chance that the old
    risk profile sends a profiled line (chapters 28/81 by sea or air) to a check;
    ``random_rate``: random checks on every line; ``confirm``: per scheme, the chance that
    a check by a fitting method confirms it (see ``history.CONFIRM``); ``weights``:
    relative scheme shares (see ``schemes.WEIGHTS``).
    """
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    regime = load_regime()
    goods = build_goods(regime.codes)
    pop = build_population(rng, lines)
    cols = build_lines(rng, pop, goods, regime, lines)
    _prepare(rng, cols, pop, goods, regime)
    ledger = Ledger(rng)
    honest_licences(ledger, cols, pop, goods, regime)
    n_regular = len(pop.book)
    controlled = np.flatnonzero(pop.exp_controlled[:n_regular])
    small = np.flatnonzero(pop.exp_weight[:n_regular] < np.median(pop.exp_weight[:n_regular]))
    rogues = np.concatenate([rng.permutation(controlled)[:8], rng.permutation(small)[:6]])
    controlled_line = goods.item[cols["product"]] != ""
    licensed = np.bincount(cols["decl"], weights=controlled_line) > 0
    world = schemes.World(
        rng,
        cols,
        pop,
        goods,
        regime,
        ledger,
        np.zeros(len(cols["day"]), bool),
        rogues,
        licensed[cols["decl"]],
    )
    share = weights or schemes.WEIGHTS
    total = sum(share.get(s, 0.0) for s in SCHEMES)
    n_fraud = round(fraud_share * len(cols["day"]))
    label = np.full(len(cols["day"]), "", dtype=object)
    overdrawn: np.ndarray = np.array([], dtype=int)
    for name, fn in schemes.SCHEME_FNS.items():
        k = round(n_fraud * share.get(name, 0.0) / total) if total else 0
        if k == 0:
            continue
        rows = fn(world, k)
        if name == "overdrawn_quota":
            overdrawn = rows
        else:
            label[rows] = name
    hosts = np.concatenate([np.flatnonzero(label != ""), overdrawn]).astype(int)
    _spread_to_declarations(rng, cols, hosts)
    lic = ledger.table()
    if len(overdrawn):
        past = _label_overdraws(cols, lic, overdrawn)
        label[past[label[past] == ""]] = "overdrawn_quota"
    dress(rng, cols, pop, goods, regime)
    decl = records.declarations(rng, cols, pop, goods)
    truth = (
        decl.select("declaration_id", "line_no")
        .with_columns(pl.Series("scheme", label))
        .filter(pl.col("scheme") != "")
    )
    usd = cols["value"] * np.array([USD_PER[c] for c in cols["currency"]])
    true_usd = usd / cols["value_factor"]
    inspections = history.inspect(
        rng,
        decl,
        label,
        goods.hs[cols["product"]].astype(str),
        cols["true_kg"],
        true_usd / np.array([USD_PER[c] for c in cols["currency"]]),
        target_rate,
        random_rate,
        {**history.CONFIRM, **(confirm or {})},
    )
    front = np.isin(cols["consignee"], pop.front_con)
    tables = {
        "declarations": decl,
        "licenses": records.licences(rng, lic, pop, goods),
        "parties": records.parties(rng, pop),
        "relations": records.relations(rng, pop),
        "watchlist": records.watchlist(pop),
        "inspections": inspections,
        "trade_stats": markets.trade_stats(
            decl, goods.hs[cols["product"]].astype(str), cols["true_kg"], usd, front
        ),
        "prices": markets.prices(rng, goods, regime),
    }
    records.write(out, tables, truth)
    return out
