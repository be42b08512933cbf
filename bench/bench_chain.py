"""Benchmark: chain-of-custody detection quality on generated worlds, and the time to
reconcile ten million movements.

Quality: for each seed, generate a world (honest noise: rounding, late reports, missing
last months), run :func:`orewatch.chain.chain_findings`, and print the recall of leaking
facility-months (``truth/facilities.csv``) within the top 5% of facility-months, the
precision and recall of what is flagged, and the exporter signals raised.

Scale: build a synthetic chain with ``--movements`` movements (default 10M) between
``--facilities`` facilities over 48 months, with balances that close and a few leaks,
and time the whole reconciliation (balances, yields, counterparties, one-sided
movements, capacity, ranking, exporter signals). Prints wall seconds and peak RSS.

Usage: .venv/bin/python bench/bench_chain.py [--seeds 1 2 3] [--lines 200000]
       [--movements 10000000] [--facilities 20000] [--skip-quality] [--skip-scale]
"""

from __future__ import annotations

import argparse
import platform
import resource
import tempfile
import time
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.chain import chain_findings
from orewatch.contract.loader import load_dataset
from orewatch.world import generate_world

MONTHS = 48
MATERIALS = ("gallium:metal", "germanium:dioxide", "antimony:metal", "tungsten:apt")


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def quality(seed: int, lines: int, folder: Path) -> dict[str, float]:
    out = folder / f"world{seed}"
    generate_world(out, seed=seed, lines=lines)
    loaded = load_dataset(out)
    tables = {name: t.frame for name, t in loaded.tables.items()}
    start = time.perf_counter()
    findings = chain_findings(tables)
    seconds = time.perf_counter() - start
    truth = pl.read_csv(out / "truth" / "facilities.csv", schema_overrides={"period": pl.String})
    ranked = findings.facilities.with_row_index("rank").join(
        truth.select("facility_id", "period", "material", pl.lit(True).alias("leak")),
        on=["facility_id", "period", "material"],
        how="left",
    )
    leaks = max(truth.height, 1)
    top = ranked.filter(pl.col("rank") < 0.05 * ranked.height)
    flagged = ranked.filter(pl.col("reasons") != "")
    hits = int(flagged["leak"].sum())
    return {
        "seed": seed,
        "months": ranked.height,
        "leaks": truth.height,
        "recall_top5": int(top["leak"].sum()) / leaks,
        "flagged": flagged.height,
        "precision": hits / max(flagged.height, 1),
        "recall_flagged": hits / leaks,
        "exporter_signals": findings.exporter_signals.height,
        "seconds": seconds,
    }


def synthetic_chain(movements: int, facilities: int, seed: int = 0) -> dict[str, pl.DataFrame]:
    """Movements between facilities of the same material; each facility-month's report
    books exactly what moved (produced or consumed make up the difference, so balances
    close), rounded to 0.1 kg; 0.1% of reports lose 20% of their output."""
    rng = np.random.default_rng(seed)
    fac_material = rng.integers(0, len(MATERIALS), facilities)
    by_material = [np.flatnonzero(fac_material == k) for k in range(len(MATERIALS))]
    src = rng.integers(0, facilities, movements)
    material = fac_material[src]
    dst = np.empty(movements, dtype=np.int64)
    for k, members in enumerate(by_material):
        m = material == k
        dst[m] = members[rng.integers(0, len(members), int(m.sum()))]
    month = rng.integers(0, MONTHS, movements)
    day = (np.datetime64("2023-01-01", "M") + month).astype("datetime64[D]") + rng.integers(
        0, 27, movements
    )
    names = np.array([f"F{i:06d}" for i in range(facilities)])
    mats = np.array(MATERIALS)
    mv = pl.DataFrame(
        {
            "movement_id": pl.int_range(0, movements, eager=True).cast(pl.String),
            "moved_at": day,
            "from_id": names[src],
            "to_id": names[dst],
            "material": mats[material],
            "quantity_kg": np.round(rng.gamma(2.0, 50.0, movements), 1),
        }
    ).with_columns(pl.col("moved_at").cast(pl.Date), pl.lit(None, pl.String).alias("lot_id"))
    mv = mv.with_columns(pl.lit(None, pl.String).alias("document_no"))
    period = pl.col("moved_at").dt.strftime("%Y-%m")
    out = mv.group_by(
        pl.col("from_id").alias("facility_id"), period.alias("period"), "material"
    ).agg(pl.col("quantity_kg").sum().alias("shipped_kg"))
    inn = mv.group_by(pl.col("to_id").alias("facility_id"), period.alias("period"), "material").agg(
        pl.col("quantity_kg").sum().alias("received_kg")
    )
    production = (
        out.join(inn, on=["facility_id", "period", "material"], how="full", coalesce=True)
        .with_columns(pl.col("shipped_kg").fill_null(0.0), pl.col("received_kg").fill_null(0.0))
        .with_columns(
            (pl.col("shipped_kg") - pl.col("received_kg")).clip(0.0, None).alias("produced_kg"),
            (pl.col("received_kg") - pl.col("shipped_kg")).clip(0.0, None).alias("consumed_kg"),
            pl.lit(0.0).alias("opening_kg"),
        )
        .with_columns(
            pl.when(pl.int_range(pl.len()) % 1000 == 7)
            .then(-0.2 * pl.col("produced_kg"))
            .otherwise(0.0)
            .round(1)
            .alias("closing_kg")
        )
        .with_columns(pl.col(pl.Float64).round(1))
    )
    registry = pl.DataFrame(
        {
            "facility_id": names,
            "operator_id": names,
            "kind": np.where(rng.random(facilities) < 0.5, "processor", "trader"),
            "capacity_kg_per_year": np.full(facilities, 1e9),
            "materials": [[m] for m in mats[fac_material]],
        }
    )
    return {"facilities": registry, "movements": mv, "production": production}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--movements", type=int, default=10_000_000)
    parser.add_argument("--facilities", type=int, default=20_000)
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args(argv)
    print(f"machine: {platform.machine()} {platform.processor() or ''}, polars {pl.__version__}")
    if not args.skip_quality:
        print(f"quality on generated worlds ({args.lines} lines each)")
        print(
            "seed  months  leaks  recall@top5%  flagged  precision  recall(flagged)  "
            "exporter_signals  seconds"
        )
        with tempfile.TemporaryDirectory() as tmp:
            for seed in args.seeds:
                q = quality(seed, args.lines, Path(tmp))
                print(
                    f"{q['seed']:>4}  {q['months']:>6}  {q['leaks']:>5}  {q['recall_top5']:>12.3f}"
                    f"  {q['flagged']:>7}  {q['precision']:>9.3f}  {q['recall_flagged']:>15.3f}"
                    f"  {q['exporter_signals']:>16}  {q['seconds']:>7.2f}"
                )
    if not args.skip_scale:
        start = time.perf_counter()
        tables = synthetic_chain(args.movements, args.facilities)
        built = time.perf_counter() - start
        print(
            f"scale: {tables['movements'].height:,} movements, "
            f"{tables['production'].height:,} facility-month reports, "
            f"{args.facilities:,} facilities (built in {built:.1f} s)"
        )
        start = time.perf_counter()
        findings = chain_findings(tables)
        seconds = time.perf_counter() - start
        print(
            f"reconciled in {seconds:.1f} s ({tables['movements'].height / seconds:,.0f} "
            f"movements/s); flagged {findings.flagged().height:,} facility-months; "
            f"peak RSS {peak_rss_mib():,.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
