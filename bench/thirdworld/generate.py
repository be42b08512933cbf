"""Write one world: a dataset folder under the data contract plus ``truth/lines.csv``.

``generate(out_dir, lines=100_000, seed=1, **knobs)`` is the entry point. Knobs:
``fraud_share`` (share of lines that are fraudulent), ``inspection_rate`` (share of
declarations inspected), ``confirm`` (scheme -> multiplier of the chance a check finds
it), ``weights`` (scheme -> relative share), ``networks`` (organised exporter groups).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from thirdworld import actors, names
from thirdworld.inspections import inspect
from thirdworld.licensing import honest_licences
from thirdworld.lines import as_date, build_lines, good_table
from thirdworld.schemes import DEFAULT_WEIGHTS, Ctx, apply_schemes
from thirdworld.stats import prices, trade_stats

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

DECLARATION_COLUMNS = (
    "declaration_id",
    "line_no",
    "declared_at",
    "port",
    "mode",
    "exporter_id",
    "exporter_name",
    "declarant_id",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "trade_country",
    "end_user_name",
    "end_use",
    "hs_code",
    "description",
    "specification",
    "quantity",
    "unit",
    "net_weight_kg",
    "gross_weight_kg",
    "value",
    "currency",
    "license_no",
    "container_ids",
    "transport_doc",
    "origin_region",
)


def generate(
    out_dir: Path | str,
    lines: int = 100_000,
    seed: int = 1,
    *,
    fraud_share: float = 0.015,
    inspection_rate: float = 0.012,
    confirm: dict[str, float] | None = None,
    weights: dict[str, float] | None = None,
    networks: int = 6,
) -> Path:
    """Generate a world into ``out_dir`` and return it."""
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    exporters = actors.make_exporters(rng, max(40, lines // 140), networks)
    consignees = actors.make_consignees(rng, max(60, lines // 80))
    fronts = actors.make_fronts(rng, networks)
    watchlist = actors.make_watchlist(rng, 140)
    goods = good_table()
    L, _ = build_lines(rng, lines, exporters, consignees, goods)
    honest = honest_licences(rng, L, goods, consignees["name"].to_numpy())
    ctx = Ctx(rng, L, goods, exporters, consignees, watchlist, fronts, licences=[honest])
    apply_schemes(ctx, round(lines * fraud_share), weights or DEFAULT_WEIGHTS)
    incorporated = exporters["incorporated"].to_numpy()[L["exp"]]
    inspections = inspect(rng, L, goods, incorporated, inspection_rate, confirm or {})
    parties, relations = party_tables(rng, ctx)
    write(out, "declarations", declarations(L))
    write(out, "licenses", pl.concat(ctx.licences))
    write(out, "inspections", inspections)
    write(out, "parties", parties)
    write(out, "relations", relations)
    write(out, "watchlist", watchlist_table(watchlist))
    write(out, "trade_stats", trade_stats(rng, L, goods))
    write(out, "prices", prices(rng))
    truth = pl.DataFrame(
        {"declaration_id": L["declaration_id"], "line_no": L["line_no"], "scheme": L["scheme"]}
    )
    (out / "truth").mkdir(parents=True, exist_ok=True)
    truth.filter(pl.col("scheme") != "").write_csv(out / "truth" / "lines.csv")
    return out


def write(out: Path, name: str, frame: pl.DataFrame) -> None:
    out.mkdir(parents=True, exist_ok=True)
    frame.write_csv(out / f"{name}.csv", date_format="%Y-%m-%d", float_precision=None)


def declarations(L: dict[str, Any]) -> pl.DataFrame:
    """The declarations table in contract columns (empty strings become empty cells)."""
    frame = pl.DataFrame(
        {c: plain(L[c]) for c in DECLARATION_COLUMNS if c != "declared_at"}, strict=False
    )
    frame = frame.with_columns(pl.Series("declared_at", as_date(L["day"])))
    text = [c for c, t in frame.schema.items() if t == pl.String]
    return frame.select(DECLARATION_COLUMNS).with_columns(
        [pl.when(pl.col(c) != "").then(pl.col(c)).alias(c) for c in text]
        + [pl.col("gross_weight_kg").fill_nan(None)]
    )


def plain(values: Any) -> Any:
    """Object arrays as Python lists (Polars does not take numpy object columns)."""
    return values.tolist() if isinstance(values, np.ndarray) and values.dtype == object else values


def watchlist_table(wl: pl.DataFrame) -> pl.DataFrame:
    return wl.with_columns(pl.Series("listed_at", as_date(wl["listed"].to_numpy()))).select(
        "list", "name", "alt_names", "kind", "country", "address", "listed_at", "reason"
    )


def party_tables(rng: np.random.Generator, ctx: Ctx) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Parties (exporters, consignees, people, listed companies) and their links.

    Exporters appear under their pinyin name or their Chinese one, the other form in
    ``alt_names`` only sometimes; a network's firms share a shareholder and a phone or an
    address; each front's director also directs a listed company, and a third of fronts
    use that company's phone or address.
    """
    ex = ctx.exporters
    n = ex.height
    people = actors.make_persons(rng, n + ctx.fronts.height)
    net = ex["network"].to_numpy()
    en_first = rng.random(n) < 0.6
    cn = np.full(n, "CN", dtype=object)
    phone = names.phones(rng, cn)
    address = names.addresses(rng, cn)
    for k in range(int(net.max()) + 1):  # per network (a handful)
        members = np.flatnonzero(net == k)
        if rng.random() < 0.5:
            phone[members] = phone[members[0]]
        else:
            address[members] = address[members[0]]
    exporters = pl.DataFrame(
        {
            "party_id": ex["exporter_id"],
            "kind": "company",
            "name": np.where(en_first, ex["name_en"], ex["name_zh"]),
            "alt_names": np.where(
                rng.random(n) < 0.5, np.where(en_first, ex["name_zh"], ex["name_en"]), NULL
            ).tolist(),
            "country": "CN",
            "address": address.astype(str),
            "phone": phone.astype(str),
            "registration_id": ex["exporter_id"],
            "incorporated_at": as_date(ex["incorporated"].to_numpy()),
        }
    )
    cons = ctx.consignees.with_row_index("i")
    consignees = pl.DataFrame(
        {
            "party_id": [f"C{i:06d}" for i in cons["i"].to_list()],
            "kind": "company",
            "name": cons["name"],
            "alt_names": None,
            "country": cons["country"],
            "address": cons["address"],
            "phone": cons["phone"],
            "registration_id": None,
            "incorporated_at": as_date(cons["incorporated"].to_numpy()),
        }
    )
    wl = ctx.watchlist
    listed_ids = np.array([f"W{i:04d}" for i in range(wl.height)])
    listed_phone = names.phones(rng, wl["country"].to_numpy().astype(object)).astype(str)
    listed = pl.DataFrame(
        {
            "party_id": listed_ids,
            "kind": "company",
            "name": wl["name"],
            "alt_names": wl["alt_names"],
            "country": wl["country"],
            "address": wl["address"],
            "phone": listed_phone,
            "registration_id": None,
            "incorporated_at": None,
        }
    )
    # fronts: rows of the consignee table at ctx.front_index
    f = ctx.front_index
    boss = rng.integers(0, wl.height, f.size)
    share_phone = rng.random(f.size) < 0.33
    share_addr = rng.random(f.size) < 0.33
    front_ids = np.array([f"C{i:06d}" for i in f])
    consignees = consignees.with_columns(
        pl.when(pl.col("party_id").is_in(front_ids[share_phone].tolist()))
        .then(pl.col("party_id").replace(dict(zip(front_ids, listed_phone[boss], strict=True))))
        .otherwise(pl.col("phone"))
        .alias("phone"),
        pl.when(pl.col("party_id").is_in(front_ids[share_addr].tolist()))
        .then(
            pl.col("party_id").replace(
                dict(zip(front_ids, wl["address"].to_numpy()[boss], strict=True))
            )
        )
        .otherwise(pl.col("address"))
        .alias("address"),
    )
    persons = pl.concat([people, *ctx.people])
    person_parties = pl.DataFrame(
        {
            "party_id": persons["person_id"],
            "kind": "person",
            "name": persons["name_en"],
            "alt_names": persons["name_zh"],
            "country": "CN",
            "address": persons["address"],
            "phone": persons["phone"],
            "registration_id": persons["person_id"],
            "incorporated_at": None,
        }
    )
    pid = people["person_id"].to_numpy()
    since = as_date(ex["incorporated"].to_numpy())
    rel = [
        pl.DataFrame(
            {
                "src_party_id": pid[:n],
                "dst_party_id": ex["exporter_id"],
                "relation": "director",
                "share": None,
                "since": since,
            }
        )
    ]
    for k in range(int(net.max()) + 1):  # a network's common shareholder
        members = np.flatnonzero(net == k)
        rel.append(
            pl.DataFrame(
                {
                    "src_party_id": pid[members[0]],
                    "dst_party_id": ex["exporter_id"].to_numpy()[members],
                    "relation": "shareholder",
                    "share": 0.3,
                    "since": since[members],
                }
            )
        )
    front_dir = pid[n:]
    rel.append(
        pl.DataFrame(
            {
                "src_party_id": front_dir,
                "dst_party_id": front_ids,
                "relation": "director",
                "share": None,
                "since": as_date(ctx.consignees["incorporated"].to_numpy()[f]),
            }
        )
    )
    rel.append(
        pl.DataFrame(
            {
                "src_party_id": front_dir,
                "dst_party_id": listed_ids[boss],
                "relation": "director",
                "share": None,
                "since": None,
            }
        )
    )
    relations = pl.concat(
        [
            r.with_columns(pl.col("share").cast(pl.Float64), pl.col("since").cast(pl.Date))
            for r in rel
        ]
    )
    parties = pl.concat([exporters, consignees, listed, person_parties], how="diagonal_relaxed")
    return parties.unique("party_id", keep="first", maintain_order=True), relations


__all__ = ["dt", "generate"]
