"""Write one ninth-world dataset: declarations, licences, parties, relations, watchlist,
inspections, trade statistics, prices, and ``truth/lines.csv``.

``generate(out_dir, lines=100_000, seed=1, fraud_share=..., inspection_rate=...,
confirm=..., weights=...)``: ``fraud_share`` is the share of lines that are fraudulent,
``inspection_rate`` scales every inspection rule (per 100,000 lines, seed 1: 0.5 gives
38 finds, 1 gives 74, 4 gives 262, 6 gives 420), ``confirm`` multiplies each scheme's
chance of being confirmed when inspected (a number for all schemes or a dict by scheme), ``weights``
sets the relative mix of schemes (``schemes.DEFAULT_WEIGHTS``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import cast

import numpy as np
import polars as pl

from orewatch.contract.ids import resident_check_char, uscc_check_char

from . import vocab
from .actors import CITIES, DAYS, START, SURNAMES, Actors, make_actors, person_name
from .inspections import inspect
from .lines import b2b_plan, b2c_plan, calendar, control_days, pick_from, priced, typical_kg
from .permits import issue, licence_table
from .render import DECLARATION_COLUMNS, render
from .schemes import (
    DEFAULT_WEIGHTS,
    LINE_SCHEMES,
    Context,
    bury,
    front_rows,
    ordinary_lists,
    ring_members,
)
from .stats import prices, trade_stats

GIVEN_ZH = "伟芳军磊敏静浩燕强丽"
BANNED_TO_US = ("ga", "ge", "geo2", "sb", "sb2o3")
CONTAINER_SCHEMES = ("sample_parcels", "split_parcels")


def person_id(rng: np.random.Generator) -> str:
    """A resident identity number with a real birth date and right check digit."""
    born = dt.date(1960, 1, 1) + dt.timedelta(days=int(rng.integers(0, 14000)))
    area = int(rng.choice([330203, 350203, 440304, 530102]))
    body = f"{area:06d}{born:%Y%m%d}{int(rng.integers(0, 999)):03d}"
    return body + resident_check_char(body)


def extend(rng: np.random.Generator, acts: Actors, lines: int) -> None:
    """Add private senders, sender rings and front consignees (with their registry rows)."""
    ex = acts.exporters.with_columns(pl.lit(-1).alias("ring"))
    rows = []
    n0 = ex.height
    for i in range(max(10, lines // 2000)):
        sur = SURNAMES[int(rng.integers(len(SURNAMES)))]
        rows.append(
            {
                "kind": "person",
                "exporter_id": person_id(rng),
                "name_zh": sur[0]
                + GIVEN_ZH[int(rng.integers(10))]
                + GIVEN_ZH[int(rng.integers(10))],
                "name_en": f"{sur[1]} {person_name(rng).split()[0]}",
                "ring": -1,
                "phone": f"+86 1{int(rng.integers(10**8, 10**9))}",
                "address": "",
                "i": i,
            }
        )
    for m in ring_members(rng, max(3, lines // 8000)):
        city = CITIES[int(rng.integers(len(CITIES)))]
        body = "92" + "330200" + "".join(rng.choice(list("0123456789ABCDEFGH"), 9))
        rows.append(
            {
                "kind": "shell",
                "exporter_id": body + uscc_check_char(body),
                "name_zh": f"{city[0]}{GIVEN_ZH[int(rng.integers(10))]}记商行",
                "name_en": f"{city[1]} {rng.choice(['Jiaji', 'Wangji', 'Liji'])} Trading Firm",
                "ring": m["ring"],
                "phone": m["phone"],
                "address": m["address"],
            }
        )
    extra = pl.DataFrame(
        [
            {
                "idx": n0 + k,
                "exporter_id": r["exporter_id"],
                "name_zh": r["name_zh"],
                "name_en": r["name_en"],
                "kind": r["kind"],
                "region": "330200",
                "start": int(rng.integers(0, DAYS // 2)),
                "end": DAYS - 1,
                "weight": 0.3,
                "controlled": False,
                "phone": r["phone"],
                "address": r["address"],
                "incorporated": START + dt.timedelta(days=int(rng.integers(0, DAYS // 2))),
                "ring": r["ring"],
            }
            for k, r in enumerate(rows)
        ]
    )
    acts.exporters = pl.concat([ex, extra], how="vertical_relaxed")
    b2c = np.array([vocab.INDEX[k] for k in vocab.B2C_GOODS])
    for _ in rows:
        acts.goods_of.append(rng.choice(b2c, 3, replace=False))
        acts.buyers_of.append(rng.choice(acts.consignees.height, 3, replace=False))
    for k, r in enumerate(rows):
        acts.parties.append(
            {
                "party_id": f"CNS{k:05d}",
                "kind": "person" if r["kind"] == "person" else "company",
                "name": r["name_en"],
                "alt_names": r["name_zh"],
                "country": "CN",
                "address": r["address"] or None,
                "phone": r["phone"],
                "registration_id": r["exporter_id"],
            }
        )
    fronts = front_rows(rng, acts.watch, max(4, lines // 5000), acts.consignees.height)
    acts.consignees = pl.concat(
        [acts.consignees, pl.DataFrame(fronts).drop("link")], how="vertical_relaxed"
    )
    for f in fronts:
        pid = f"FF{f['idx']:05d}"
        acts.parties.append(
            {
                "party_id": pid,
                "kind": "company",
                "name": f["name"],
                "country": f["country"],
                "address": f["address"],
                "phone": f["phone"],
                "incorporated_at": f["incorporated"],
            }
        )
        boss = f"WP{f['front_of']:04d}" if f["link"] == "director" else f"FFP{f['idx']:05d}"
        if f["link"] != "director":
            acts.parties.append(
                {
                    "party_id": boss,
                    "kind": "person",
                    "name": person_name(rng),
                    "country": f["country"],
                }
            )
        acts.relations.append(
            {
                "src_party_id": boss,
                "dst_party_id": pid,
                "relation": "director",
                "since": f["incorporated"],
            }
        )


def allocate(n: int, weights: dict[str, float]) -> dict[str, int]:
    """Lines per scheme: ``n`` shared by weight, every weighted scheme at least one line."""
    total = sum(weights.values())
    return {k: max(1, round(n * w / total)) for k, w in weights.items() if w > 0}


def accompany(
    rng: np.random.Generator, acts: Actors, plan: pl.DataFrame, share: float
) -> pl.DataFrame:
    """Put some fraudulent lines among ordinary lines of the same declaration."""
    pick = plan.filter(pl.Series(rng.random(plan.height) < share))
    if pick.height == 0:
        return plan
    times = rng.integers(1, 4, pick.height)
    extra = pick[np.repeat(np.arange(pick.height), times).tolist()]
    good = pick_from(rng, ordinary_lists(acts), extra["exporter"].to_numpy())
    kg = typical_kg(good, np.zeros(good.size, bool), rng)
    extra = extra.with_columns(
        pl.Series("good", good),
        pl.Series("true_good", good),
        pl.Series("true_kg", kg),
        pl.Series("kg", kg),
        pl.lit(1.0).alias("value_factor"),
        pl.lit("").alias("scheme"),
        pl.lit("").alias("licence"),
        pl.lit(0.0).alias("hidden_kg"),
        pl.lit(False).alias("needs_licence"),
        *[
            pl.lit(None, pl.String).alias(c)
            for c in ("desc", "end_user", "end_use")
            if c in extra.columns
        ],
    )
    both = pl.concat([plan, extra], how="diagonal_relaxed")
    return (
        both.with_columns(pl.Series("_r", rng.random(both.height)))
        .with_columns(pl.col("_r").rank("ordinal").over("decl").cast(pl.Int64).alias("line"))
        .drop("_r")
    )


def honest_controls(rng: np.random.Generator, plan: pl.DataFrame) -> pl.DataFrame:
    """After a control, fewer honest controlled exports (some exporters switch to other
    goods), none of the US-banned items to the US while the ban holds, and a licence for
    the rest."""
    days = control_days()
    cday = {i: days[g.item] for i, g in enumerate(vocab.GOODS) if g.item}
    cover = {i: vocab.INDEX[g.covers[0]] for i, g in enumerate(vocab.GOODS) if g.item}
    ban = [vocab.INDEX[k] for k in BANNED_TO_US]
    ban_from, ban_to = (dt.date(2024, 12, 3) - START).days, (dt.date(2025, 11, 9) - START).days
    after = pl.col("day") >= pl.col("good").replace_strict(cday, default=10**6)
    banned = (
        pl.col("good").is_in(ban)
        & (pl.col("country") == "US")
        & pl.col("day").is_between(ban_from, ban_to)
    )
    switch = (after & pl.Series(rng.random(plan.height) < 0.45)) | banned
    recoded = (
        pl.when(switch)
        .then(pl.col("good").replace_strict(cover, default=pl.col("good")))
        .otherwise(pl.col("good"))
    )
    out = plan.with_columns(recoded.alias("good")).with_columns(pl.col("good").alias("true_good"))
    after_new = pl.col("day") >= pl.col("good").replace_strict(cday, default=10**6)
    return out.with_columns(after_new.alias("needs_licence"))


def with_uid(parts: list[pl.DataFrame]) -> pl.DataFrame:
    """All planned lines with a declaration key unique across the parts."""
    out, offset = [], 0
    for part in parts:
        out.append(part.with_columns((pl.col("decl") + offset).alias("uid")))
        offset += int(cast(int, part["decl"].max())) + 1
    return pl.concat(out, how="diagonal_relaxed")


def generate(
    out_dir: Path | str,
    lines: int = 100_000,
    seed: int = 1,
    fraud_share: float = 0.015,
    inspection_rate: float = 1.0,
    confirm: float | dict[str, float] = 1.0,
    weights: dict[str, float] | None = None,
) -> Path:
    """Write a dataset folder of about ``lines`` declaration lines; return its path."""
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    acts = make_actors(rng, lines)
    extend(rng, acts, lines)
    cdf = calendar()
    ctx = Context(rng, acts, cdf)
    counts = allocate(round(lines * fraud_share), dict(weights or DEFAULT_WEIGHTS))
    parts = []
    for name, n in counts.items():
        if name in LINE_SCHEMES:
            part = LINE_SCHEMES[name](ctx, n)
            if name not in CONTAINER_SCHEMES:
                part = accompany(rng, acts, part, 0.4)
            parts.append(part)
    n_honest = max(100, lines - sum(p.height for p in parts))
    n_b2b = int(n_honest * 0.58)
    b2b = honest_controls(rng, b2b_plan(rng, acts, cdf, n_b2b))
    b2c = b2c_plan(rng, acts, cdf, n_honest - n_b2b).with_columns(
        pl.lit(False).alias("needs_licence")
    )
    b2b = bury(ctx, b2b, counts.get("buried_in_container", 0))
    plan = priced(with_uid([b2b, b2c, *parts]))
    plan = issue(ctx, plan)
    rows = render(rng, plan, acts)
    write(out, rows, ctx, rng, inspection_rate, confirm, acts)
    return out


def write(
    out: Path,
    rows: pl.DataFrame,
    ctx: Context,
    rng: np.random.Generator,
    rate: float,
    confirm: float | dict[str, float],
    acts: Actors,
) -> None:
    """Every table as CSV, and the truth."""
    (out / "truth").mkdir(parents=True, exist_ok=True)
    rows = rows.sort("day", "uid", "line")
    decl = rows.select(DECLARATION_COLUMNS)
    decl.write_csv(out / "declarations.csv")
    rows.filter(pl.col("scheme") != "").select(
        "declaration_id", pl.col("line").alias("line_no"), "scheme"
    ).write_csv(out / "truth" / "lines.csv")
    by_scheme = (
        confirm if isinstance(confirm, dict) else dict.fromkeys(DEFAULT_WEIGHTS, float(confirm))
    )
    inspect(rng, rows, rate, by_scheme).write_csv(out / "inspections.csv")
    licence_table(ctx).write_csv(out / "licenses.csv")
    pl.DataFrame(acts.parties, infer_schema_length=None).write_csv(out / "parties.csv")
    pl.DataFrame(acts.relations, infer_schema_length=None).write_csv(out / "relations.csv")
    watchlist(acts).write_csv(out / "watchlist.csv")
    trade_stats(rng, rows).write_csv(out / "trade_stats.csv")
    prices(rng).write_csv(out / "prices.csv")


def watchlist(acts: Actors) -> pl.DataFrame:
    """Restricted parties as their lists publish them (an upper-case alias each)."""
    w = acts.watch
    return w.select(
        "list",
        "name",
        pl.col("name").str.to_uppercase().str.replace_all(r"[.,]", "").alias("alt_names"),
        pl.lit("company").alias("kind"),
        "country",
        "address",
        "listed_at",
        "reason",
    )
