"""Benchmark: the trade layer's runtime on a large panel, and route recall on worlds.

Runtime: a synthetic panel of ``--years`` × ``--partners`` × ``--commodities`` monthly
figures — China's exports to each partner, each partner's imports from China (mirror,
CIF and noise) and each partner's re-exports to two markets — with one control date per
commodity, through every method (mirror gaps, surges, absorption, substitution, ranking).

Recall: generates worlds (``orewatch.world``) for ``--seeds`` and measures the share of
``truth/routes.csv`` found within the top 1.5× as many ranked routes. Honest hubs and
transit countries trade in every world.

Usage: .venv/bin/python bench/bench_trade.py [--years 10 --partners 250 --commodities 50]
       [--seeds 1,2,3 --lines 100000] [--skip-recall] [--skip-runtime] [--show-missed]
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.trade.signals import diversion_routes, routes_from_trade
from orewatch.world import generate_world

ROUTE_FACTOR = 1.5


def synthetic_panel(years: int, partners: int, commodities: int, seed: int = 0) -> pl.DataFrame:
    """Monthly trade_stats rows for the runtime benchmark (about 5 rows per cell)."""
    rng = np.random.default_rng(seed)
    months = [f"{2015 + m // 12}-{m % 12 + 1:02d}" for m in range(12 * years)]
    codes = [f"8{i:05d}" for i in range(commodities)]
    partner_codes = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}" for i in range(partners)]
    partner_codes = [p if p != "CN" else "ZZ" for p in partner_codes]
    n = len(months) * partners * commodities
    month_idx = np.repeat(np.arange(len(months)), partners * commodities)
    partner_idx = np.tile(np.repeat(np.arange(partners), commodities), len(months))
    code_idx = np.tile(np.arange(commodities), len(months) * partners)
    base = rng.lognormal(10, 1.5, partners * commodities)[partner_idx * commodities + code_idx]
    value = base * rng.lognormal(0, 0.3, n)
    cells = pl.DataFrame(
        {
            "partner": np.array(partner_codes)[partner_idx],
            "hs_code": np.array(codes)[code_idx],
            "period": np.array(months)[month_idx],
            "value_usd": value,
        }
    )
    exports = cells.with_columns(
        pl.lit("CN").alias("reporter"),
        pl.lit("export").alias("flow"),
        pl.col("value_usd").alias("quantity_kg"),
    )
    imports = cells.select(
        pl.col("partner").alias("reporter"),
        pl.lit("CN").alias("partner"),
        pl.lit("import").alias("flow"),
        "hs_code",
        "period",
        (pl.col("value_usd") * pl.Series(rng.uniform(1.03, 1.12, n))).alias("value_usd"),
        pl.col("value_usd").alias("quantity_kg"),
    )
    onward = [
        cells.select(
            pl.col("partner").alias("reporter"),
            pl.lit(market).alias("partner"),
            pl.lit("re_export").alias("flow"),
            "hs_code",
            "period",
            (pl.col("value_usd") * pl.Series(rng.uniform(0.0, 0.3, n))).alias("value_usd"),
            pl.col("value_usd").alias("quantity_kg"),
        )
        for market in ("US", "DE")
    ]
    cols = ["reporter", "partner", "flow", "hs_code", "period", "value_usd", "quantity_kg"]
    return pl.concat([f.select(cols) for f in (exports, imports, *onward)])


def runtime(years: int, partners: int, commodities: int) -> None:
    panel = synthetic_panel(years, partners, commodities)
    codes = panel["hs_code"].unique().sort()
    controls = pl.DataFrame(
        {
            "hs6": codes,
            "control_date": [date(2015 + years // 2, 1 + i % 12, 1) for i in range(codes.len())],
            "elements": ["x"] * codes.len(),
        }
    )
    print(
        f"panel: {panel.height:,} rows "
        f"({years} years x {partners} partners x {commodities} commodities, monthly)"
    )
    start, cpu = time.perf_counter(), time.process_time()
    routes = routes_from_trade(panel, controls)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"routes: {routes.height:,} ranked in {elapsed:.1f} s wall, {cpu:.1f} s CPU "
        f"(peak RSS {peak:,.0f} MB; load average {os.getloadavg()[0]:.1f})"
    )


def show_missed(routes: pl.DataFrame, truth: pl.DataFrame, k: int) -> None:
    """Print the true routes outside the top k with their rank and evidence."""
    ranked = routes.with_row_index("rank", 1)
    missed = (
        truth.select("country", "hs_code")
        .unique()
        .join(ranked, on=["country", "hs_code"], how="left")
        .filter(pl.col("rank").is_null() | (pl.col("rank") > k))
        .sort("rank", nulls_last=True)
    )
    for row in missed.iter_rows(named=True):
        where = f"rank {row['rank']}" if row["rank"] else "not ranked"
        print(f"  missed {row['country']} {row['hs_code']} ({where}): {row['evidence'] or ''}")


def recall(seeds: list[int], lines: int, missed: bool = False) -> None:
    catalogue = load_catalogue()
    found = []
    for seed in seeds:
        with tempfile.TemporaryDirectory() as tmp:
            world = Path(tmp) / "world"
            generate_world(world, seed=seed, lines=lines)
            trade = load_dataset(world, ["declarations", "trade_stats"]).frame("trade_stats")
            start = time.perf_counter()
            routes = diversion_routes({"trade_stats": trade}, catalogue)
            elapsed = time.perf_counter() - start
            truth = pl.read_csv(
                world / "truth" / "routes.csv", schema_overrides={"hs_code": pl.String}
            )
            wanted = truth.select(pl.format("{}|{}", "country", "hs_code"))
            wanted_ids = set(wanted.to_series().unique().to_list())
            k = max(1, round(len(wanted_ids) * ROUTE_FACTOR))
            ranked = routes.head(k).select(pl.format("{}|{}", "country", "hs_code")).to_series()
            hit = len(wanted_ids & set(ranked.to_list()))
            share = hit / len(wanted_ids) if wanted_ids else 1.0
            found.append(share)
            print(
                f"seed {seed}: {hit}/{len(wanted_ids)} true routes in the top {k} "
                f"of {routes.height} ranked = {share:.0%} ({elapsed:.2f} s)"
            )
            if missed:
                show_missed(routes, truth, k)
    print(f"mean recall in top {ROUTE_FACTOR}x: {np.mean(found):.1%} over {len(seeds)} seeds")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--partners", type=int, default=250)
    parser.add_argument("--commodities", type=int, default=50)
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--skip-recall", action="store_true")
    parser.add_argument("--skip-runtime", action="store_true")
    parser.add_argument(
        "--show-missed", action="store_true", help="print missed true routes with evidence"
    )
    args = parser.parse_args()
    if not args.skip_recall:
        recall([int(s) for s in args.seeds.split(",")], args.lines, args.show_missed)
    if not args.skip_runtime:
        runtime(args.years, args.partners, args.commodities)


if __name__ == "__main__":
    main()
