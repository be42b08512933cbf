"""Benchmark: detection quality on generated worlds of several seeds.

For each seed: generate a world, screen it, and measure recall per scheme and overall
precision at 1 %, 2 % and 5 % inspection rates, against random selection (whose
precision is the prevalence) and against the rules alone (the score without the
learned model). Prints one table per rate with the mean over seeds and the minimum.

Other worlds: ``--fraud-share``, ``--inspection-rate``, ``--rogue-share`` and ``--weights
scheme=w,...`` (relative shares of the line schemes; unnamed schemes get none) pass
through to the simulator's ``WorldConfig``, so the screener can be judged on worlds whose
prevalence, inspection history and scheme mix differ from the defaults.

Usage: .venv/bin/python bench/bench_detection.py [--seeds 1 2 3] [--lines 200000]
       [--fraud-share 0.02] [--inspection-rate 0.04] [--rogue-share 0.2]
       [--weights concealment=3,understated_quantity=3,disguised=1]
       [--worlds DIR] [--keep-alerts DIR] [--results FILE]

``--keep-alerts DIR`` writes each seed's alerts, so two runs on the same ``--worlds`` can
be compared line by line (which lines' reasons changed).
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import Catalogue, load_catalogue
from orewatch.evaluation.metrics import ALL_SCHEMES, line_recall, read_truth, reason_precision
from orewatch.screening.learned.features import found_fraud
from orewatch.screening.pipeline import ScreenResult, screen
from orewatch.world.generate import WorldConfig, generate

RATES = (0.01, 0.02, 0.05)


def measure(alerts: pl.DataFrame, truth: pl.DataFrame, seed: int) -> pl.DataFrame:
    """Recall per scheme (and precision) at each of ``RATES``, rules+model and rules only."""
    frames = []
    for rate in RATES:
        for variant, column in (("rules+model", "score"), ("rules only", "rule_score")):
            scores = alerts.select("declaration_id", "line_no", pl.col(column).alias("score"))
            frames.append(
                line_recall(scores, truth, rate).with_columns(
                    pl.lit(seed).alias("seed"), pl.lit(variant).alias("variant")
                )
            )
    return pl.concat(frames)


def parse_weights(text: str) -> dict[str, float]:
    """``scheme=w,...`` as relative scheme shares (schemes not named get none)."""
    pairs = (item.split("=", 1) for item in text.split(",") if item.strip())
    return {name.strip(): float(value) for name, value in pairs}


def add_world_knobs(parser: argparse.ArgumentParser) -> None:
    """The simulator's knobs a run may set (see :func:`world_config`), at its defaults."""
    defaults = WorldConfig(seed=0, lines=0)
    parser.add_argument("--fraud-share", type=float, default=defaults.fraud_share)
    parser.add_argument("--inspection-rate", type=float, default=defaults.inspection_rate)
    parser.add_argument("--rogue-share", type=float, default=defaults.rogue_share)
    parser.add_argument("--weights", type=parse_weights, default=dict(defaults.weights))


def world_config(args: argparse.Namespace, seed: int) -> WorldConfig:
    """The simulator's configuration for one seed: its defaults unless a knob was given."""
    return WorldConfig(
        seed=seed,
        lines=args.lines,
        fraud_share=args.fraud_share,
        weights=args.weights,
        inspection_rate=args.inspection_rate,
        rogue_share=args.rogue_share,
    )


def describe(cfg: WorldConfig) -> str:
    """The knobs a run used, printed with its figures."""
    weights = ",".join(f"{k}={v:g}" for k, v in cfg.weights.items())
    return (
        f"fraud_share {cfg.fraud_share:g}, inspection_rate {cfg.inspection_rate:g}, "
        f"rogue_share {cfg.rogue_share:g}, weights {weights}"
    )


def world_dir(cfg: WorldConfig, root: Path) -> Path:
    """The world of ``cfg`` under ``root``, generated unless an earlier run left it there
    (``--worlds DIR`` keeps worlds between runs, so before and after see the same data)."""
    key = hashlib.sha1(f"{cfg.lines} {describe(cfg)}".encode()).hexdigest()[:10]
    world = root / f"seed{cfg.seed}-{cfg.lines}-{key}"
    if not (world / "truth").is_dir():
        generate(world, cfg)
    return world


def inspection_counts(tables: dict[str, pl.DataFrame]) -> str:
    """How many inspections the world holds and how many found fraud (what there is to learn
    from)."""
    inspections = tables.get("inspections")
    if inspections is None:
        return "no inspections"
    found = inspections.filter(found_fraud()).height
    return f"{inspections.height:,} inspections, {found:,} found fraud"


def checks(alerts: pl.DataFrame, truth: pl.DataFrame) -> dict[str, int]:
    """What the channels did: checks (red, yellow), fraudulent lines among them, and the
    lines that raised codes only noted as context (not eligible for a check on risk)."""
    fraud = truth.select(
        pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.Int64)
    ).unique()
    keyed = alerts.with_columns(
        pl.col("declaration_id").cast(pl.String), pl.col("line_no").cast(pl.Int64)
    ).join(
        fraud.with_columns(pl.lit(True).alias("fraud")),
        on=["declaration_id", "line_no"],
        how="left",
    )
    checked = keyed.filter(pl.col("channel") != "green")
    only_noted = keyed.filter((pl.col("noted") != "") & (pl.col("reasons") == ""))
    return {
        "checks": checked.height,
        "fraudulent checked": int(checked["fraud"].fill_null(False).sum()),
        "only noted": only_noted.height,
        "fraudulent only noted": int(only_noted["fraud"].fill_null(False).sum()),
    }


def model_weight(result: ScreenResult) -> str:
    """The model's learned share of the combined score (none without a model), marked
    "finds" when the history held finds alone and was read against the lines at large."""
    screener = result.screener
    ranking = screener.ranking if screener is not None else None
    shown = "no model" if ranking is None else f"model share {ranking.model_share:.2f}"
    return shown + (" finds" if screener is not None and screener.from_finds else "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=200_000)
    add_world_knobs(parser)
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here (Parquet)"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    wide_tables()
    print("world:", describe(world_config(args, 0)))
    tally = screen_seeds(args, lambda root, seed: world_dir(world_config(args, seed), root))
    report_by_rate(tally, args)
    return 0


def screen_seeds(
    args: argparse.Namespace,
    world_for: Callable[[Path, int], Path],
    about: Callable[[Path], str] = lambda world: "",
) -> Tally:
    """Screen and measure each of ``args.seeds``' worlds (``world_for(root, seed)``
    generates one under ``root`` unless it is there: ``args.worlds`` kept, else a temporary
    folder), printing a line a seed (``about(world)`` adds what the bench reads of it)."""
    catalogue = load_catalogue()
    tally = Tally()
    for seed in args.seeds:
        with tempfile.TemporaryDirectory(prefix="orewatch-bench-") as tmp:
            start = time.perf_counter()
            world = world_for(args.worlds or Path(tmp), seed)
            generated = time.perf_counter() - start
            said = tally.screen(world, seed, catalogue, args.keep_alerts)
            print(
                f"seed {seed}: {args.lines:,} lines, world {generated:.0f} s{about(world)}; {said}"
            )
    return tally


def report_by_rate(tally: Tally, args: argparse.Namespace) -> None:
    """One table a rate over the seeds, each code's precision, and the measured table
    written where ``--results`` says."""
    for rate in RATES:
        print(f"\n== inspection rate {rate:.0%} (seeds {args.seeds}, {args.lines:,} lines each)")
        print(summary(pl.concat(tally.results), rate))
    tally.report()
    tally.save(args.results)


def add_results_option(parser: argparse.ArgumentParser) -> None:
    """``--results PATH``: every detection bench writes its measured table there."""
    parser.add_argument(
        "--results", type=Path, default=None, help="write the measured table here (Parquet)"
    )


def wide_tables() -> None:
    """Print every scheme and code row, wide enough for the columns."""
    pl.Config.set_tbl_rows(200)
    pl.Config.set_tbl_width_chars(160)


def generator_bench(
    argv: list[str] | None,
    doc: str | None,
    name: str,
    make_world: Callable[..., Path],
    defaults: object,
    knob_names: tuple[str, ...],
) -> int:
    """The whole bench of an independent generator whose knobs are numbers: options
    (``--seeds``, ``--lines``, each of ``knob_names`` with its default from ``defaults``,
    ``--worlds``, ``--keep-alerts``, ``--results``), worlds generated by ``make_world``
    (``make_world(out_dir, lines=, seed=, **knobs)``) under ``<name>-seed<s>-<lines>-<key>``
    unless kept there, screened and reported as every detection bench does."""
    parser = argparse.ArgumentParser(description=doc)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--lines", type=int, default=100_000)
    for knob in knob_names:
        parser.add_argument(
            "--" + knob.replace("_", "-"), type=float, default=getattr(defaults, knob)
        )
    parser.add_argument("--worlds", type=Path, default=None, help="keep worlds here between runs")
    parser.add_argument(
        "--keep-alerts", type=Path, default=None, help="write each seed's alerts here"
    )
    add_results_option(parser)
    args = parser.parse_args(argv)
    knobs = {k: getattr(args, k) for k in knob_names}
    key = hashlib.sha1(repr(sorted(knobs.items())).encode()).hexdigest()[:10]

    def world_for(root: Path, seed: int) -> Path:
        world = root / f"{name}-seed{seed}-{args.lines}-{key}"
        if not (world / "truth" / "lines.csv").exists():
            make_world(world, lines=args.lines, seed=seed, **knobs)
        return world

    wide_tables()
    print(f"{name} world:", ", ".join(f"{k} {v:g}" for k, v in knobs.items()))
    report_by_rate(screen_seeds(args, world_for), args)
    return 0


@dataclass
class Tally:
    """What screening each seed's world measured, gathered for the report over seeds.

    Every detection bench (our simulator's and the independent generators') screens and
    measures a world the same way, through :meth:`screen`, and prints :meth:`report`.
    """

    results: list[pl.DataFrame] = field(default_factory=list)
    codes: list[pl.DataFrame] = field(default_factory=list)
    noted: list[pl.DataFrame] = field(default_factory=list)
    channelled: dict[str, int] = field(default_factory=dict)

    def screen(self, world: Path, seed: int, catalogue: Catalogue, keep_alerts: Path | None) -> str:
        """Screen the world, measure it against its truth (alerts kept under
        ``keep_alerts``), and say how long it took and what there was to learn from."""
        start = time.perf_counter()
        tables = {n: t.frame for n, t in load_dataset(world).tables.items()}
        result = screen(tables, catalogue)
        truth = read_truth(world, "lines")
        assert truth is not None
        self.results.append(measure(result.alerts, truth, seed))
        if keep_alerts is not None:
            keep_alerts.mkdir(parents=True, exist_ok=True)
            result.alerts.write_parquet(keep_alerts / f"alerts-seed{seed}.parquet")
        self.codes.append(reason_precision(result.alerts, truth))
        self.noted.append(reason_precision(result.alerts, truth, "noted"))
        for name, count in checks(result.alerts, truth).items():
            self.channelled[name] = self.channelled.get(name, 0) + count
        return (
            f"screened in {time.perf_counter() - start:.0f} s; {inspection_counts(tables)}; "
            f"{model_weight(result)}"
        )

    def save(self, path: Path | None) -> None:
        """Write the measured table (scheme, variant, rate, recall, precision, seed) for
        ``bench_worlds.py`` to read and compare; nothing without a path."""
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            pl.concat(self.results).write_parquet(path)

    def report(self) -> None:
        """Each code's precision, the codes only noted, and what the channels checked."""
        print("\n== reason codes: lines raising each and the share that is fraudulent (all seeds)")
        print(summed(self.codes))
        print("\n== codes only noted as context (worth under the noted floor; all seeds)")
        print(summed(self.noted))
        channels = ", ".join(f"{k} {v:,}" for k, v in self.channelled.items())
        print("\n== channels (all seeds):", channels)


def summary(table: pl.DataFrame, rate: float) -> pl.DataFrame:
    """Per scheme and variant at ``rate``: lines, mean and minimum recall over seeds,
    precision and the prevalence (the precision of picking lines at random)."""
    return (
        table.filter(pl.col("rate") == rate)
        .group_by("scheme", "variant")
        .agg(
            pl.col("lines").sum().alias("lines"),
            pl.col("recall").mean().round(3).alias("recall mean"),
            pl.col("recall").min().round(3).alias("recall min"),
            pl.col("precision").mean().round(3).alias("precision"),
            pl.col("random_precision").mean().round(4).alias("prevalence"),
        )
        .sort("variant", pl.col("scheme") == ALL_SCHEMES, "scheme")
    )


def summed(per_seed: list[pl.DataFrame]) -> pl.DataFrame:
    """Per code over all seeds: lines, fraudulent lines, precision."""
    return (
        pl.concat(per_seed)
        .group_by("code")
        .agg(pl.col("lines").sum(), pl.col("fraudulent").sum())
        .with_columns((pl.col("fraudulent") / pl.col("lines")).round(3).alias("precision"))
        .sort("lines", descending=True)
    )


if __name__ == "__main__":
    raise SystemExit(main())
