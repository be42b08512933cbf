"""Entry point: ``generate(out_dir, lines=100_000, seed=1, **knobs)`` writes a dataset folder.

Knobs (all optional):

- ``fraud_share`` (0.02): share of lines that are fraudulent, split by ``weights``;
- ``weights``: relative share of each scheme (``schemes.WEIGHTS``; unnamed ones get none);
- ``inspection_rate`` (0.01): share of declarations checked at random;
- ``target_rate`` (0.025): chance per risk rule tripped that a line's declaration is checked;
- ``confirm``: per scheme (or ``"*"``) a factor on each method's chance to confirm it;
- ``noise`` (0.01): share of checked honest lines recorded as clerical misdeclarations;
- ``rogue_share`` (0.08): share of exporters that carry most fraud;
- ``formats``: per table, ``csv`` (default), ``parquet`` or ``jsonl``;
- ``omit``: optional tables left out of this world (e.g. ``("parties", "relations")``).

``PROFILES`` names three settings used by the bench: ``standard``, ``lean`` (few
inspection finds, no parties or relations, licences as JSON lines) and ``rich`` (many
finds, declarations as Parquet).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from orewatch.contract.schema import DECLARATIONS
from seventhworld import extras, foreign, inspections, licences, lines, parties, schemes, traders
from seventhworld.assemble import assemble, declared_at
from seventhworld.goods import WORLD_START
from seventhworld.names import CITY_CODE, exporter_names, uscc

PROFILES: dict[str, dict[str, Any]] = {
    "standard": {},
    "lean": {
        "inspection_rate": 0.003,
        "target_rate": 0.012,
        "confirm": {"*": 0.6},
        "noise": 0.004,
        "omit": ("parties", "relations"),
        "formats": {"licenses": "jsonl"},
    },
    "rich": {
        "inspection_rate": 0.03,
        "target_rate": 0.1,
        "confirm": {"*": 1.2},
        "formats": {"declarations": "parquet", "inspections": "jsonl"},
    },
}

DECLARATION_COLUMNS = list(DECLARATIONS.names)


def generate(out_dir: Path | str, lines: int = 100_000, seed: int = 1, **knobs: Any) -> Path:
    """Write a world of about ``lines`` declaration lines to ``out_dir``; returns it."""
    out = Path(out_dir)
    rng = np.random.default_rng(seed)
    n_exp = max(60, lines // 170)
    n_cons = max(150, lines // 60)
    cons = foreign.consignees(rng, n_cons)
    n_cons = cons.height  # distinct names: a small market may hold fewer than asked
    exp = traders.exporters(rng, n_exp, n_cons, knobs.get("rogue_share", 0.08))
    decl = lines_mod_declarations(rng, exp, lines)
    world = _honest(rng, decl, exp, cons, lines)
    x = schemes.Ctx(rng, world, exp["rogue"].to_numpy(), n_cons)
    schemes.apply(x, knobs.get("fraud_share", 0.02), knobs.get("weights", schemes.WEIGHTS))
    exp = _with_ants(rng, exp, world, x)
    all_cons = pl.concat(
        [
            cons.select("cons", "name", "country", "address"),
            pl.DataFrame(
                [{k: e[k] for k in ("cons", "name", "country", "address")} for e in x.extra_cons]
            )
            if x.extra_cons
            else cons.head(0).select("cons", "name", "country", "address"),
        ]
    )
    c = world.cols
    c["date"] = np.datetime64(WORLD_START.isoformat()) + c["day"].astype("timedelta64[D]")
    exp_ids = exp["exporter_id"].to_numpy()
    c["exporter_id"] = exp_ids[c["exp"]].astype(object)
    ant_rows = np.flatnonzero(exp["kind"].to_numpy()[c["exp"]] == "ant")
    world.set(
        ant_rows,
        exporter_name=exp["zh"].to_numpy()[c["exp"][ant_rows]].astype(object),
        declarant_id=None,
    )
    year = c["date"].astype("datetime64[Y]").astype(int) + 1970
    ids = pl.Series(c["declaration_id"].astype(str))
    c["declaration_id"] = (
        (ids.str.slice(0, 4) + pl.Series(year.astype(str)) + ids.str.slice(8))
        .to_numpy()
        .astype(object)
    )
    lic = licences.build(rng, world, all_cons, exp_ids)
    first_day = (
        exp["first_export"].to_numpy().astype("datetime64[D]")
        - np.datetime64(WORLD_START.isoformat())
    ).astype(int)
    insp = inspections.inspections(
        rng,
        world,
        first_day[c["exp"]],
        knobs.get("inspection_rate", 0.01),
        knobs.get("target_rate", 0.025),
        knobs.get("confirm", {}),
        knobs.get("noise", 0.01),
    )
    front_cons = pl.DataFrame(
        [
            {
                "cons": e["cons"],
                "name": e["name"],
                "country": e["country"],
                "address": e["address"],
                "kind": e["kind"],
                "front_index": e["key"][0],
            }
            for e in x.extra_cons
            if e["kind"] != "ant"
        ],
        schema={
            "cons": pl.Int64,
            "name": pl.String,
            "country": pl.String,
            "address": pl.String,
            "kind": pl.String,
            "front_index": pl.Int64,
        },
    )
    party, relation = parties.parties(rng, exp, cons, x.fronts, front_cons)
    c["declared_at"] = declared_at(rng, c)
    frame = world.frame()
    declarations = frame.select(DECLARATION_COLUMNS).sort("declaration_id", "line_no")
    tables = {
        "declarations": declarations,
        "licenses": lic,
        "parties": party,
        "relations": relation,
        "inspections": insp,
        "trade_stats": extras.trade_stats(rng, world),
        "prices": extras.prices(rng),
        "watchlist": foreign.watchlist(rng),
    }
    _write(out, tables, knobs.get("formats", {}), set(knobs.get("omit", ())))
    truth = frame.filter(pl.col("scheme").is_not_null()).select(
        "declaration_id", "line_no", "scheme"
    )
    (out / "truth").mkdir(parents=True, exist_ok=True)
    truth.sort("declaration_id", "line_no").write_csv(out / "truth" / "lines.csv")
    return out


def lines_mod_declarations(rng: np.random.Generator, exp: pl.DataFrame, n: int) -> pl.DataFrame:
    return lines.declarations(rng, exp, n)


def _honest(
    rng: np.random.Generator, decl: pl.DataFrame, exp: pl.DataFrame, cons: pl.DataFrame, n: int
) -> Any:
    rows = lines.explode(rng, decl, exp, n)
    decl = lines.rush(rng, decl, rows).filter(pl.col("d").is_in(rows["d"].unique().to_list()))
    dated = rows.join(decl.select("d", "day", "mode"), on="d").with_columns(
        (pl.lit(WORLD_START) + pl.duration(days=pl.col("day"))).alias("date")
    )
    sized = lines.quantities(rng, dated).drop("day", "mode", "date")
    world = assemble(rng, decl, sized, exp, cons)
    c = world.cols
    c["lg"] = np.unique(
        np.stack([c["exp"], c["g"], c["cons"], c["day"] // 182], axis=1),
        axis=0,
        return_inverse=True,
    )[1].ravel()
    return world


def _with_ants(
    rng: np.random.Generator, exp: pl.DataFrame, world: Any, x: schemes.Ctx
) -> pl.DataFrame:
    """Register the young 'ant' senders as exporters and point their lines at them."""
    c = world.cols
    codes = np.unique(c["exp"][c["exp"] < 0])
    if len(codes) == 0:
        return exp.with_columns(pl.lit(None, pl.Int64).alias("cluster"))
    n = len(codes)
    names = exporter_names(rng, n)
    cluster = (-1 - codes) // 100
    first = {a["cluster"]: a["first_day"] for a in x.ants}
    start = [
        WORLD_START + dt.timedelta(days=int(first[int(k)]) - int(rng.integers(5, 40)))
        for k in cluster
    ]
    region = CITY_CODE[names["city"]]
    new = pl.DataFrame(
        {
            "exp": exp.height + np.arange(n),
            "exporter_id": uscc(rng, n, region),
            "zh": names["zh"],
            "en": names["en"],
            "alt": names["alt"],
            "region": region,
            "kind": "ant",
            "size": 0.0,
            "first_export": start,
            "rogue": True,
            "cluster": cluster,
        },
        strict=False,
    )
    remap = dict(zip(codes.tolist(), new["exp"].to_list(), strict=True))
    neg = c["exp"] < 0
    c["exp"] = c["exp"].astype(np.int64)
    c["exp"][neg] = np.vectorize(remap.get)(c["exp"][neg])
    return pl.concat(
        [exp.with_columns(pl.lit(None, pl.Int64).alias("cluster")), new], how="diagonal_relaxed"
    )


def _write(
    out: Path, tables: dict[str, pl.DataFrame], formats: dict[str, str], omit: set[str]
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        table = table.with_columns(
            pl.col(c).map_elements(lambda v: None if v is None else str(v), return_dtype=pl.String)
            for c, t in table.schema.items()
            if t == pl.Object
        )
        if name in omit:
            continue
        fmt = formats.get(name, "csv")
        path = out / f"{name}.{fmt}"
        if fmt == "parquet":
            table.write_parquet(path)
        elif fmt == "jsonl":
            table.write_ndjson(path)
        else:
            table.write_csv(path)
