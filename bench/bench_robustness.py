"""Benchmark: does screening hold up on datasets shaped differently from our simulator's?

Generates one world, then screens perturbed copies of it written to a temporary folder:
optional tables dropped (each alone, then all of them), optional declaration columns
dropped (each alone, then all of them), inspections thinned or reduced to clear /
misdeclared, IDs re-keyed to other opaque strings (consistently across tables), names
re-cased and padded, cited licence numbers written differently, the files written as typed
Parquet or JSONL, ``declared_at`` as a date. Truth is the unperturbed world's (re-keyed
where the IDs were). For each copy it prints whether it ran, the seconds it took (load and
screen), rows quarantined, recall over all schemes and precision at 5 %, the blend's
learned model share, and recall per scheme, against the baseline.

Usage: .venv/bin/python bench/bench_robustness.py [--seed 1] [--lines 60000]
       [--only 'drop-col:*' 'format:*'] [--worlds DIR] [--inspection-rate 0.02]
       [--fraud-share 0.01] [--rogue-share R] [--weights scheme=w,...]

The world knobs pass to the simulator as in ``bench_detection.py`` (other worlds).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from bench_detection import (
    add_world_knobs,
    describe,
    model_weight,
    world_config,
    world_dir,
)
from orewatch.contract.loader import load_dataset
from orewatch.contract.schema import TABLES, ColumnType
from orewatch.controls.catalogue import Catalogue, load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, line_recall, read_truth
from orewatch.screening.pipeline import screen

RATE = 0.05
Tables = dict[str, pl.DataFrame]

OPTIONAL_DECLARATION_COLUMNS = (
    "gross_weight_kg",
    "specification",
    "end_user_name",
    "end_use",
    "container_ids",
    "transport_doc",
    "origin_region",
    "declarant_id",
    "trade_country",
    "consignee_address",
    "line_no",
)

#: Columns holding a company's registration id, re-keyed together with ``exporter_id``
#: (a party's ``registration_id`` and a facility's operator are the same company).
COMPANY_ID_COLUMNS = ("exporter_id", "declarant_id", "registration_id", "operator_id")
NAME_COLUMNS = ("exporter_name", "consignee_name", "end_user_name")


@dataclass(frozen=True)
class Perturbed:
    """A perturbed dataset: its tables, the file format, and the truth keyed like it."""

    tables: Tables
    truth: pl.DataFrame
    fmt: str = "csv"


Perturbation = Callable[[Tables, pl.DataFrame], Perturbed]


def read_world(world: Path) -> Tables:
    """Every table of the world as text columns, exactly as the files hold them."""
    return {p.stem: pl.read_csv(p, infer_schema=False) for p in sorted(world.glob("*.csv"))}


def without_tables(names: tuple[str, ...]) -> Perturbation:
    return lambda t, truth: Perturbed({k: v for k, v in t.items() if k not in names}, truth)


def without_columns(columns: tuple[str, ...], table: str = "declarations") -> Perturbation:
    def apply(t: Tables, truth: pl.DataFrame) -> Perturbed:
        if table == "declarations" and "line_no" in columns:
            truth = numbered_in_file_order(t["declarations"], truth)
        return Perturbed({**t, table: t[table].drop(columns, strict=False)}, truth)

    return apply


def numbered_in_file_order(declarations: pl.DataFrame, truth: pl.DataFrame) -> pl.DataFrame:
    """Truth keyed by the line numbers a loader gives lines listed without ``line_no``:
    their order within the declaration in the file."""
    ordinal = declarations.select(
        "declaration_id",
        "line_no",
        (pl.int_range(pl.len()).over("declaration_id") + 1).cast(pl.String).alias("_ordinal"),
    )
    return (
        truth.join(ordinal, on=["declaration_id", "line_no"], how="left")
        .with_columns(pl.col("_ordinal").alias("line_no"))
        .drop("_ordinal")
    )


def keeping_columns(table: str, columns: tuple[str, ...]) -> Perturbation:
    """Only ``columns`` of ``table`` (its required ones): a sparse register."""
    return lambda t, truth: Perturbed({**t, table: t[table].select(columns)}, truth)


def edited(table: str, *changes: pl.Expr) -> Perturbation:
    return lambda t, truth: Perturbed({**t, table: t[table].with_columns(*changes)}, truth)


#: Rough CNY per unit, for a dataset that states every value in yuan.
TO_CNY = {"USD": 7.1, "EUR": 7.8, "JPY": 0.048, "CNY": 1.0}


def in_yuan(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Every declared value in CNY (a domestic customs extract): no USD line at all."""
    rate = pl.col("currency").replace_strict(TO_CNY, default=None, return_dtype=pl.Float64)
    decl = t["declarations"].with_columns(
        (pl.col("value").cast(pl.Float64) * rate).round(2).cast(pl.String).alias("value"),
        pl.lit("CNY").alias("currency"),
    )
    return Perturbed({**t, "declarations": decl}, truth)


def inspections_where(found: bool) -> Perturbation:
    """Only the inspections that found fraud (``found``), or only the clear ones."""
    hit = pl.col("result") != "clear"
    return lambda t, truth: Perturbed(
        {**t, "inspections": t["inspections"].filter(hit if found else ~hit)}, truth
    )


def few_declarations(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """A twentieth of the declarations (whole declarations, seeded), the other tables whole."""
    ids = t["declarations"]["declaration_id"].unique().sort().sample(fraction=0.05, seed=5)
    kept = pl.col("declaration_id").is_in(ids.implode())
    out = {**t, "declarations": t["declarations"].filter(kept)}
    if "inspections" in t:
        out["inspections"] = t["inspections"].filter(kept)
    return Perturbed(out, truth.filter(kept))


def loud_headers(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Headers in capitals with spaces, columns in reverse order, and unknown extra columns."""
    out = {
        name: frame.select(reversed(frame.columns))
        .with_columns(pl.lit("n/a").alias("Remarks"), pl.lit("1").alias("Internal Seq"))
        .rename(lambda c: c.upper().replace("_", " "))
        for name, frame in t.items()
    }
    return Perturbed(out, truth)


def shuffled(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Every table's rows in another order (seeded): nothing may depend on file order."""
    return Perturbed(
        {k: v.sample(fraction=1.0, shuffle=True, seed=11) for k, v in t.items()}, truth
    )


def minimal(tables: tuple[str, ...]) -> Perturbation:
    """Declarations only, with only their required columns: the least the contract allows."""

    def apply(t: Tables, truth: pl.DataFrame) -> Perturbed:
        dropped = without_tables(tables)(t, truth)
        return without_columns(OPTIONAL_DECLARATION_COLUMNS)(dropped.tables, truth)

    return apply


def thinned_inspections(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """A tenth of the inspection history (seeded)."""
    inspections = t["inspections"].sample(fraction=0.1, seed=7)
    return Perturbed({**t, "inspections": inspections}, truth)


def binary_inspections(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Only ``clear`` / ``misdeclared`` results and no method: a coarser customs record."""
    inspections = (
        t["inspections"]
        .drop("method")
        .with_columns(
            pl.when(pl.col("result") == "clear")
            .then(pl.lit("clear"))
            .otherwise(pl.lit("misdeclared"))
            .alias("result")
        )
    )
    return Perturbed({**t, "inspections": inspections}, truth)


def _opaque(values: pl.Series, prefix: str) -> dict[str, str]:
    """Each distinct value to an opaque string that keeps nothing of its shape."""
    distinct = values.drop_nulls().unique().sort().to_list()
    return {
        v: f"{prefix}-{hashlib.sha1(f'{prefix}{v}'.encode()).hexdigest()[:12]}" for v in distinct
    }


def _rekey(frame: pl.DataFrame, columns: tuple[str, ...], mapping: dict[str, str]) -> pl.DataFrame:
    present = [c for c in columns if c in frame.columns]
    return frame.with_columns(pl.col(c).replace(mapping) for c in present)


def rekeyed_ids(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Declaration, company and licence ids mapped to other opaque strings in every table."""
    decl = t["declarations"]
    company_ids = pl.concat(
        [f[c] for f in t.values() for c in COMPANY_ID_COLUMNS if c in f.columns]
    )
    declarations = _opaque(decl["declaration_id"], "D")
    companies = _opaque(company_ids, "C")
    licences = _opaque(
        pl.concat([f["license_no"] for f in t.values() if "license_no" in f.columns]), "L"
    )
    out: Tables = {}
    for name, frame in t.items():
        frame = _rekey(frame, ("declaration_id",), declarations)
        frame = _rekey(frame, COMPANY_ID_COLUMNS, companies)
        frame = _rekey(frame, ("from_id", "to_id"), companies)
        out[name] = _rekey(frame, ("license_no",), licences)
    return Perturbed(out, _rekey(truth, ("declaration_id",), declarations))


def messy_names(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Declared names re-cased and padded, varying from line to line (seeded)."""
    decl = t["declarations"]
    pick = pl.Series("_style", (pl.int_range(decl.height, eager=True) * 7919 % 5))

    def messy(c: str) -> pl.Expr:
        col = pl.col(c)
        return (
            pl.when(pick == 0)
            .then(col.str.to_uppercase())
            .when(pick == 1)
            .then(col.str.to_lowercase())
            .when(pick == 2)
            .then(pl.lit("  ") + col.str.replace_all(" ", "  ") + pl.lit(" "))
            .when(pick == 3)
            .then(col.str.to_titlecase())
            .otherwise(col)
            .alias(c)
        )

    present = [c for c in NAME_COLUMNS if c in decl.columns]
    return Perturbed({**t, "declarations": decl.with_columns(messy(c) for c in present)}, truth)


def messy_licence_numbers(t: Tables, truth: pl.DataFrame) -> Perturbed:
    """Cited licence numbers written as a clerk might, varying from line to line (seeded):
    lower case, a hyphen or a space after the year's letters, full-width characters."""
    decl = t["declarations"]
    pick = pl.Series("_style", (pl.int_range(decl.height, eager=True) * 7919 % 4))
    number = pl.col("license_no")
    full_width = number.str.replace_many(
        [chr(c) for c in range(0x21, 0x7F)], [chr(c + 0xFEE0) for c in range(0x21, 0x7F)]
    )
    messy = (
        pl.when(pick == 0)
        .then(number.str.to_lowercase())
        .when(pick == 1)
        .then(number.str.slice(0, 4) + pl.lit("-") + number.str.slice(4))
        .when(pick == 2)
        .then(number.str.slice(0, 4) + pl.lit(" ") + number.str.slice(4))
        .otherwise(full_width)
        .alias("license_no")
    )
    return Perturbed({**t, "declarations": decl.with_columns(messy)}, truth)


def date_only(t: Tables, truth: pl.DataFrame) -> Perturbed:
    decl = t["declarations"].with_columns(pl.col("declared_at").str.slice(0, 10))
    return Perturbed({**t, "declarations": decl}, truth)


def in_format(fmt: str) -> Perturbation:
    return lambda t, truth: Perturbed(t, truth, fmt)


def perturbations(tables: Tables) -> Iterator[tuple[str, Perturbation]]:
    """Every perturbation by name; each changes one thing against the baseline."""
    yield "baseline", lambda t, truth: Perturbed(t, truth)
    optional = tuple(sorted(n for n in tables if n != "declarations"))
    for name in optional:
        yield f"drop-table:{name}", without_tables((name,))
    yield "drop-table:all (declarations only)", without_tables(optional)
    for column in OPTIONAL_DECLARATION_COLUMNS:
        yield f"drop-col:{column}", without_columns((column,))
    yield "drop-col:all optional", without_columns(OPTIONAL_DECLARATION_COLUMNS)
    yield "minimal (required only)", minimal(optional)
    yield "inspections:10%", thinned_inspections
    yield "inspections:clear/misdeclared", binary_inspections
    yield "inspections:only found", inspections_where(found=True)
    yield "inspections:only clear", inspections_where(found=False)
    yield "inspections:no line_no", without_columns(("line_no",), "inspections")
    yield "licenses:no control_id", without_columns(("control_id",), "licenses")
    yield "licenses:no hs_code", without_columns(("hs_code",), "licenses")
    yield "licenses:no status", without_columns(("status",), "licenses")
    yield "parties:required only", keeping_columns("parties", ("party_id", "kind", "name"))
    yield "watchlist:required only", keeping_columns("watchlist", ("list", "name"))
    yield "hs_code:6 digits", edited("declarations", pl.col("hs_code").str.slice(0, 6))
    yield "hs_code:8 digits", edited("declarations", pl.col("hs_code").str.slice(0, 8))
    yield "rows:shuffled", shuffled
    yield "rows:5% of declarations", few_declarations
    yield "headers:capitals, reordered, extras", loud_headers
    yield "currency:all CNY", in_yuan
    yield (
        "mode, unit:capitalised",
        edited(
            "declarations", pl.col("mode").str.to_titlecase(), pl.col("unit").str.to_uppercase()
        ),
    )
    yield "ids:rekeyed", rekeyed_ids
    yield "names:recased+spaces", messy_names
    yield "licence numbers:written differently", messy_licence_numbers
    yield "format:parquet", in_format("parquet")
    yield "format:jsonl", in_format("jsonl")
    yield "declared_at:date only", date_only
    yield "declared_at:with zone", edited("declarations", pl.col("declared_at") + "+08:00")


_TYPED: dict[ColumnType, pl.DataType] = {"int": pl.Int64(), "float": pl.Float64()}


def typed(name: str, frame: pl.DataFrame) -> pl.DataFrame:
    """Text columns as a producer following the contract would type them in Parquet/JSONL:
    numbers as numbers, dates as dates, lists as lists, date-times as timestamps."""
    table = TABLES[name]
    casts: list[pl.Expr] = []
    for column in table.columns:
        if column.name not in frame.columns:
            continue
        col = pl.col(column.name)
        if column.type in _TYPED:
            casts.append(col.cast(_TYPED[column.type]))
        elif column.type == "date":
            casts.append(col.str.to_date(strict=False))
        elif column.type == "list":
            casts.append(col.str.split(";"))
        elif column.type == "datetime":
            casts.append(col.str.to_datetime(strict=False))
    return frame.with_columns(casts)


def write(dataset: Perturbed, folder: Path) -> None:
    folder.mkdir(parents=True)
    for name, frame in dataset.tables.items():
        if dataset.fmt == "csv":
            frame.write_csv(folder / f"{name}.csv")
        elif dataset.fmt == "parquet":
            typed(name, frame).write_parquet(folder / f"{name}.parquet")
        else:
            typed(name, frame).write_ndjson(folder / f"{name}.jsonl")


@dataclass(frozen=True)
class Outcome:
    name: str
    ran: bool
    seconds: float
    rejected: int
    recall: pl.DataFrame | None
    error: str = ""
    share: str = ""


def run_one(name: str, dataset: Perturbed, folder: Path, catalogue: Catalogue) -> Outcome:
    """Write, load and screen one perturbed dataset; a crash is an outcome, not an abort."""
    write(dataset, folder)
    start = time.perf_counter()
    try:
        loaded = load_dataset(folder)
        tables = {n: t.frame for n, t in loaded.tables.items()}
        result = screen(tables, catalogue)
    except Exception as exc:  # a crash is what this benchmark looks for
        traceback.print_exc()
        return Outcome(name, False, time.perf_counter() - start, 0, None, repr(exc)[:120])
    seconds = time.perf_counter() - start
    scores = result.alerts.select("declaration_id", "line_no", "score")
    recall = line_recall(scores, dataset.truth, RATE)
    share = model_weight(result).removeprefix("model share ")
    return Outcome(name, True, seconds, loaded.rejected.height, recall, share=share)


def short(scheme: str) -> str:
    """A scheme's name short enough for a table header."""
    return scheme.replace("licence_", "lic_").replace("_network", "")[:11]


def table_of(outcomes: list[Outcome]) -> pl.DataFrame:
    """One row per perturbation: ran, seconds, quarantined rows, recall and precision."""
    rows = []
    for o in outcomes:
        row: dict[str, object] = {
            "perturbation": o.name,
            "ran": "yes" if o.ran else f"NO {o.error}",
            "s": round(o.seconds, 1),
            "rejected": o.rejected,
            "model share": o.share,
        }
        if o.recall is not None:
            overall = o.recall.filter(pl.col("scheme") == ALL_SCHEMES).row(0, named=True)
            row["recall"] = round(overall["recall"], 3)
            row["precision"] = round(overall["precision"], 3)
            for scheme, recall in (
                o.recall.filter(pl.col("scheme") != ALL_SCHEMES)
                .select("scheme", "recall")
                .iter_rows()
            ):
                row[short(scheme)] = round(recall, 3)
        rows.append(row)
    return pl.DataFrame(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--lines", type=int, default=60_000)
    parser.add_argument(
        "--only", nargs="+", default=["*"], help="perturbation names or globs (baseline always)"
    )
    parser.add_argument("--worlds", type=Path, default=None, help="keep the world here")
    add_world_knobs(parser)
    args = parser.parse_args(argv)
    cfg = world_config(args, args.seed)
    print("world:", describe(cfg))
    catalogue = load_catalogue()
    with tempfile.TemporaryDirectory(prefix="orewatch-perturb-") as tmp:
        world = world_dir(cfg, args.worlds or Path(tmp))
        tables = read_world(world)
        truth = read_truth(world, "lines")
        assert truth is not None
        outcomes = []
        for i, (name, perturb) in enumerate(perturbations(tables)):
            if name != "baseline" and not any(fnmatch.fnmatch(name, p) for p in args.only):
                continue
            outcome = run_one(name, perturb(tables, truth), Path(tmp) / f"p{i}", catalogue)
            print(f"{name}: {'ran' if outcome.ran else 'FAILED'} in {outcome.seconds:.1f} s")
            outcomes.append(outcome)
    pl.Config.set_tbl_rows(100)
    pl.Config.set_tbl_cols(30)
    pl.Config.set_tbl_width_chars(400)
    pl.Config.set_tbl_hide_dataframe_shape(True)
    pl.Config.set_tbl_hide_column_data_types(True)
    pl.Config.set_fmt_str_lengths(60)
    pl.Config.set_tbl_formatting("ASCII_MARKDOWN")
    print(f"\n== seed {args.seed}, {args.lines:,} lines; recall and precision at {RATE:.0%}")
    print(table_of(outcomes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
