"""Benchmark: detection on all nineteen generators' worlds at once, against an earlier run.

Ours (``bench_detection.py``) and eighteen independently written generators'
(``bench_otherworld.py``, ``bench_thirdworld.py``, ``bench_fourthworld.py``,
``bench_fifthworld.py``, ``bench_sixthworld.py``, ``bench_seventhworld.py``,
``bench_eighthworld.py``, ``bench_ninthworld.py``, ``bench_tenthworld.py``,
``bench_eleventhworld.py``, ``bench_twelfthworld.py``, ``bench_thirteenthworld.py``,
``bench_fourteenthworld.py``, ``bench_fifteenthworld.py``, ``bench_sixteenthworld.py``,
``bench_seventeenthworld.py``, ``bench_eighteenthworld.py``,
``bench_nineteenthworld.py``)
each screen their worlds of ``--seeds`` and measure recall per scheme and precision at 1, 2 and 5 %;
the tenth runs twice, with every optional table and with the required columns alone
(``tenth-sparse``). A detector or learning change is judged on all together: what helps
one generator's worlds often costs another's. This runs them one after another in this
process (each bench's own output goes to ``OUT/<world>.log``, its measured table to
``OUT/<world>.parquet``) and prints one summary: per world, recall of all schemes at
1 / 2 / 5 % with the model and with the rules alone, precision at 5 %, and
the schemes under 0.9 at 5 %. ``--against DIR`` (an earlier run's ``OUT``) adds the
earlier figures and every scheme whose recall at 2 or 5 % moved by 0.005 or more.

Usage: .venv/bin/python bench/bench_worlds.py --out DIR [--against DIR] [--seeds 1 2 3]
       [--lines 100000] [--worlds DIR] [--keep-alerts DIR] [--only ours fourth ...]

``--worlds DIR`` keeps the generated worlds (``DIR/<world>``) between runs: generating
them takes longer than screening them. ``--keep-alerts DIR`` writes each seed's alerts to
``DIR/<world>`` (for reading the missed lines). About 5 minutes for all with worlds kept,
on the 2-core machine.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import time
from pathlib import Path

import polars as pl

from orewatch.evaluation.metrics import ALL_SCHEMES

#: World name -> the bench module that screens and measures it.
BENCHES: dict[str, str] = {
    "ours": "bench_detection",
    "second": "bench_otherworld",
    "third": "bench_thirdworld",
    "fourth": "bench_fourthworld",
    "fifth": "bench_fifthworld",
    "sixth": "bench_sixthworld",
    "seventh": "bench_seventhworld",
    "eighth": "bench_eighthworld",
    "ninth": "bench_ninthworld",
    "tenth": "bench_tenthworld",
    "tenth-sparse": "bench_tenthworld",
    "eleventh": "bench_eleventhworld",
    "twelfth": "bench_twelfthworld",
    "thirteenth": "bench_thirteenthworld",
    "fourteenth": "bench_fourteenthworld",
    "fifteenth": "bench_fifteenthworld",
    "sixteenth": "bench_sixteenthworld",
    "seventeenth": "bench_seventeenthworld",
    "eighteenth": "bench_eighteenthworld",
    "nineteenth": "bench_nineteenthworld",
}
#: Arguments a world's bench takes beyond the common ones.
EXTRA: dict[str, list[str]] = {"tenth-sparse": ["--optional", "sparse"]}
RATES = (0.01, 0.02, 0.05)
#: The issue's goal: every line-level scheme found at 5 % with at least this recall.
GOAL = 0.9
#: Scheme moves smaller than this are seed noise, not shown.
MOVED = 0.005


def run(world: str, args: argparse.Namespace) -> Path:
    """Run one world's bench with its output in ``OUT/<world>.log``; its table's path."""
    module = importlib.import_module(BENCHES[world])
    results = args.out / f"{world}.parquet"
    argv = ["--seeds", *map(str, args.seeds), "--lines", str(args.lines)]
    argv += ["--results", str(results), *EXTRA.get(world, [])]
    if args.worlds is not None:
        argv += ["--worlds", str(args.worlds / world)]
    if args.keep_alerts is not None:
        argv += ["--keep-alerts", str(args.keep_alerts / world)]
    args.out.mkdir(parents=True, exist_ok=True)
    with open(args.out / f"{world}.log", "w") as log, contextlib.redirect_stdout(log):
        module.main(argv)
    return results


def recall(table: pl.DataFrame, variant: str = "rules+model") -> pl.DataFrame:
    """``scheme, rate, recall, precision``: means over seeds for one variant."""
    return (
        table.filter(pl.col("variant") == variant)
        .group_by("scheme", "rate")
        .agg(pl.col("recall").mean(), pl.col("precision").mean())
    )


def at(table: pl.DataFrame, scheme: str, rate: float, column: str = "recall") -> float:
    row = table.filter((pl.col("scheme") == scheme) & (pl.col("rate") == rate))
    return float(row[column][0]) if row.height else float("nan")


def triple(table: pl.DataFrame) -> str:
    return " / ".join(f"{at(table, ALL_SCHEMES, r):.3f}" for r in RATES)


def summary_row(world: str, table: pl.DataFrame, earlier: pl.DataFrame | None) -> dict[str, str]:
    """One world's line of the summary (earlier figures before an arrow)."""
    model, rules = recall(table), recall(table, "rules only")
    short = model.filter(
        (pl.col("rate") == 0.05) & (pl.col("scheme") != ALL_SCHEMES) & (pl.col("recall") < GOAL)
    ).sort("recall")
    row = {
        "world": world,
        "recall 1 / 2 / 5 %": triple(model),
        "rules only": triple(rules),
        "precision 5 %": f"{at(model, ALL_SCHEMES, 0.05, 'precision'):.3f}",
        f"under {GOAL} at 5 %": ", ".join(
            f"{s} {r:.2f}" for s, r in short.select("scheme", "recall").iter_rows()
        ),
    }
    if earlier is not None:
        before, before_rules = recall(earlier), recall(earlier, "rules only")
        row["recall 1 / 2 / 5 %"] = f"{triple(before)} -> {row['recall 1 / 2 / 5 %']}"
        row["rules only"] = f"{triple(before_rules)} -> {row['rules only']}"
        precision = at(before, ALL_SCHEMES, 0.05, "precision")
        row["precision 5 %"] = f"{precision:.3f} -> {row['precision 5 %']}"
    return row


def moves(world: str, table: pl.DataFrame, earlier: pl.DataFrame) -> pl.DataFrame:
    """Schemes whose recall with the model moved by ``MOVED`` or more at 2 or 5 %."""
    now, before = recall(table), recall(earlier)
    both = now.join(before, on=["scheme", "rate"], suffix="_before").filter(
        pl.col("rate").is_in([0.02, 0.05]) & (pl.col("scheme") != ALL_SCHEMES)
    )
    moved = both.filter((pl.col("recall") - pl.col("recall_before")).abs() >= MOVED)
    return moved.select(
        pl.lit(world).alias("world"),
        "scheme",
        (pl.col("rate") * 100).cast(pl.Int64).alias("rate %"),
        pl.col("recall_before").round(3).alias("before"),
        pl.col("recall").round(3).alias("after"),
    ).sort("scheme", "rate %")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True, help="this run's tables and logs")
    parser.add_argument("--against", type=Path, default=None, help="an earlier run's --out")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each world's alerts to DIR/<world>"
    )
    parser.add_argument("--only", nargs="+", choices=list(BENCHES), default=list(BENCHES))
    args = parser.parse_args(argv)
    rows, moved = [], []
    for world in args.only:
        start = time.perf_counter()
        print(f"{world}: {BENCHES[world]}.py ...", end=" ", flush=True)
        table = pl.read_parquet(run(world, args))
        print(f"{time.perf_counter() - start:.0f} s")
        earlier_path = args.against / f"{world}.parquet" if args.against else None
        earlier = pl.read_parquet(earlier_path) if earlier_path and earlier_path.exists() else None
        rows.append(summary_row(world, table, earlier))
        if earlier is not None:
            moved.append(moves(world, table, earlier))
    with pl.Config(tbl_rows=200, tbl_width_chars=250, fmt_str_lengths=200):
        print(f"\n== seeds {args.seeds}, {args.lines:,} lines each; rules and model unless said")
        print(pl.DataFrame(rows))
        if moved:
            print(f"\n== schemes that moved by {MOVED} or more (recall with the model)")
            print(pl.concat(moved))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
