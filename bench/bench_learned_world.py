"""Benchmark: does the learned model generalise beyond the inspected sample?

Screens a generated world with the rules, trains the learned model on the world's own
inspections (``inspections.csv``), and measures precision/recall at 1/2/5/10% and AUC
against ``truth/lines.csv`` on the lines that were NEVER inspected, for the learned
probability, the rule score alone, and the two ranks averaged. Prints JSON and timings.

Usage: .venv/bin/python bench/bench_learned_world.py WORLD   (from ``orewatch world generate``)
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.contract.loader import load_dataset
from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.fit import fit_and_screen
from orewatch.screening.learned import (
    default_config,
    labels_from_inspections,
    learn_and_score,
    screening_frame,
)
from orewatch.screening.learned.evaluate import at_rates
from orewatch.screening.reasons import reason_table
from orewatch.screening.selection import Capacity


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("world", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    tables = {n: t.frame for n, t in load_dataset(args.world).tables.items()}
    fitted = fit_and_screen(tables, load_catalogue(), Capacity(), reason_table())
    screener, alerts, signals = fitted.screener, fitted.alerts, fitted.signals
    frame = screening_frame(screener.features(tables["declarations"]), signals, alerts)
    labels = labels_from_inspections(frame, tables["inspections"])
    timings["load_and_rules_s"] = round(time.perf_counter() - start, 1)
    start = time.perf_counter()
    learned = learn_and_score(frame, labels, default_config(args.seed))
    timings["learned_s"] = round(time.perf_counter() - start, 1)

    truth = pl.read_csv(
        args.world / "truth" / "lines.csv", schema_overrides={"declaration_id": pl.String}
    )
    fraud = truth.select("declaration_id", pl.col("line_no").cast(pl.Int64)).unique()
    judged = (
        frame.select(
            "_idx",
            pl.col("declaration_id").cast(pl.String),
            pl.col("line_no").cast(pl.Int64),
            "value",
        )
        .join(labels.select("_idx"), on="_idx", how="anti")
        .join(
            fraud.with_columns(pl.lit(1.0).alias("fraud")),
            on=["declaration_id", "line_no"],
            how="left",
        )
        .join(learned.scores, on="_idx")
        .join(alerts.select("_idx", "score"), on="_idx")
        .with_columns(
            pl.col("fraud").fill_null(0.0),
            ((pl.col("p_fraud").rank() + pl.col("score").rank()) / 2).alias("blend"),
        )
    )
    label, value = judged["fraud"].to_numpy(), judged["value"].fill_null(0.0).to_numpy()
    report = {
        "world": str(args.world),
        "lines": frame.height,
        "inspected": labels.height,
        "inspected_fraud": int(labels["label"].sum()),
        "uninspected": judged.height,
        "uninspected_fraud_rate": round(float(label.mean()), 5),
        "model": learned.metrics,
        "note": learned.note,
        **{
            name: at_rates(
                judged[column].fill_null(0.0).to_numpy().astype(np.float64), label, value
            )
            for name, column in (("learned", "p_fraud"), ("rules", "score"), ("blend", "blend"))
        },
        "timings": timings,
    }
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
