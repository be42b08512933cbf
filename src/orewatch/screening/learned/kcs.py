"""Adapter for the public KCS customs fraud benchmark (Jeong et al., arXiv:2208.02484).

Maps the three CSVs (``df_syn_{train,valid,test}_eng.csv``: Korean import declarations,
every line inspected) to the generic inputs of :func:`learn_and_score` and evaluates on
the official time split: labels of 2020 (and, by default, 2021-Q1) train; 2021-Q2 is
scored without its labels and only then compared with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from orewatch.screening.learned.config import LearnedConfig
from orewatch.screening.learned.evaluate import at_rates
from orewatch.screening.learned.model import LearnedScores, learn_and_score

SPLITS = {
    "train": "df_syn_train_eng.csv",
    "valid": "df_syn_valid_eng.csv",
    "test": "df_syn_test_eng.csv",
}

#: KCS column -> generic name. Identifiers are read as text.
COLUMNS: Mapping[str, tuple[str, type[pl.DataType]]] = {
    "Declaration ID": ("declaration_id", pl.String),
    "Date": ("declared_on", pl.Date),
    "Office ID": ("office", pl.String),
    "Process Type": ("process_type", pl.String),
    "Import Type": ("import_type", pl.String),
    "Import Use": ("import_use", pl.String),
    "Payment Type": ("payment_type", pl.String),
    "Mode of Transport": ("transport_mode", pl.String),
    "Declarant ID": ("declarant_id", pl.String),
    "Importer ID": ("importer_id", pl.String),
    "Seller ID": ("seller_id", pl.String),
    "Courier ID": ("courier_id", pl.String),
    "HS6 Code": ("hs6", pl.String),
    "Country of Departure": ("departure_country", pl.String),
    "Country of Origin": ("origin_country", pl.String),
    "Tax Rate": ("tax_rate", pl.Float64),
    "Tax Type": ("tax_type", pl.String),
    "Country of Origin Indicator": ("origin_indicator", pl.String),
    "Net Mass": ("net_mass", pl.Float64),
    "Item Price": ("item_price", pl.Float64),
    "Fraud": ("fraud", pl.Int8),
    "Critical Fraud": ("critical_fraud", pl.Int8),
}


class KcsError(ValueError):
    """A KCS file is missing or does not look like the benchmark."""


def kcs_config(seed: int = 0) -> LearnedConfig:
    """Profiles in the DATE style: parties, commodity, route and their crosses."""
    return LearnedConfig(
        keys=(
            "importer_id",
            "declarant_id",
            "seller_id",
            "courier_id",
            "hs6",
            "hs4",
            "office",
            "origin_country",
            "departure_country",
            "tax_type",
            ("importer_id", "hs6"),
            ("declarant_id", "hs6"),
            ("seller_id", "hs6"),
            ("importer_id", "declarant_id"),
            ("importer_id", "seller_id"),
            ("hs6", "origin_country"),
            ("office", "hs6"),
            ("declarant_id", "office"),
            ("importer_id", "origin_country"),
            ("hs6", "tax_type"),
        ),
        numeric=(
            "tax_rate",
            "net_mass",
            "item_price",
            "log_unit_price",
            "unit_price_z",
            "origin_is_departure",
            "weekday",
            "day_of_month",
        ),
        categorical=(
            "process_type",
            "import_type",
            "import_use",
            "payment_type",
            "transport_mode",
            "tax_type",
            "origin_indicator",
            "office",
            "hs2",
            "origin_country",
        ),
        group="declaration_id",
        smoothing=10.0,
        # every KCS line was inspected (test labels are only hidden): nothing to correct
        propensity=False,
        seed=seed,
    )


def read_split(path: Path, split: str) -> pl.DataFrame:
    """One KCS file in generic column names, with ``split``; clear errors when malformed."""
    if not path.is_file():
        raise KcsError(f"{path}: KCS file not found")
    try:
        raw = pl.read_csv(path, infer_schema=False)
    except pl.exceptions.PolarsError as exc:
        raise KcsError(f"{path}: cannot read as CSV: {exc}") from exc
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing:
        raise KcsError(f"{path}: missing columns {missing}")
    out = raw.select(
        pl.col(src).str.strip_chars().replace("", None).alias(dst)
        for src, (dst, _) in COLUMNS.items()
    )
    for _src, (dst, dtype) in COLUMNS.items():
        if dtype == pl.String:
            continue
        cast = (
            out[dst].cast(dtype, strict=False)
            if dtype != pl.Date
            else out[dst].str.to_date("%Y-%m-%d", strict=False)
        )
        bad = out[dst].is_not_null() & cast.is_null()
        if bad.any():
            row = int(bad.arg_true()[0])
            raise KcsError(
                f"{path}: row {row + 2}, field {_src!r}: cannot read {out[dst][row]!r} as {dtype}"
            )
        out = out.with_columns(cast.alias(dst))
    return out.with_columns(pl.lit(split).alias("split"))


def derive(lines: pl.DataFrame) -> pl.DataFrame:
    """Label-free features: unit price and its distance from the commodity's norm."""
    unit = (pl.col("item_price") / pl.col("net_mass")).log()
    return lines.with_columns(
        pl.col("hs6").str.slice(0, 4).alias("hs4"),
        pl.col("hs6").str.slice(0, 2).alias("hs2"),
        pl.when(unit.is_finite()).then(unit).alias("log_unit_price"),
        (pl.col("origin_country") == pl.col("departure_country"))
        .cast(pl.Float64)
        .alias("origin_is_departure"),
        pl.col("declared_on").dt.weekday().cast(pl.Float64).alias("weekday"),
        pl.col("declared_on").dt.day().cast(pl.Float64).alias("day_of_month"),
    ).with_columns(
        (
            (pl.col("log_unit_price") - pl.col("log_unit_price").median().over("hs6"))
            / pl.max_horizontal(
                (pl.col("log_unit_price") - pl.col("log_unit_price").median().over("hs6"))
                .abs()
                .median()
                .over("hs6")
                * 1.4826,
                pl.lit(0.1),
            )
        ).alias("unit_price_z")
    )


def load_kcs(data: Path) -> pl.DataFrame:
    """All three splits, one frame with ``_idx`` and ``split``."""
    frames = [read_split(data / name, split) for split, name in SPLITS.items()]
    lines = pl.concat(frames).with_row_index("_idx")
    return derive(lines)


@dataclass(frozen=True)
class KcsResult:
    """Test-period figures and the model's own out-of-fold figures on training labels."""

    test: dict[str, float]
    model: LearnedScores
    training_splits: tuple[str, ...]


def kcs_benchmark(lines: pl.DataFrame, config: LearnedConfig, use_valid: bool = True) -> KcsResult:
    """Train on the training splits' labels only, score the test split, then evaluate it."""
    training = ("train", "valid") if use_valid else ("train",)
    known = lines.filter(pl.col("split").is_in(list(training)))
    labels = known.select(
        "_idx", pl.col("fraud").alias("label"), pl.col("declared_on").alias("inspected_at")
    )
    scoring = lines.filter(pl.col("split").is_in([*training, "test"])).drop(
        "fraud", "critical_fraud"
    )
    result = learn_and_score(scoring, labels, config)
    if not result.trained:
        raise KcsError(f"no model: {result.note}")
    test = (
        lines.filter(pl.col("split") == "test")
        .select("_idx", "fraud", "item_price")
        .join(result.scores, on="_idx", how="left", maintain_order="left")
    )
    figures = at_rates(
        test["p_fraud"].to_numpy(),
        test["fraud"].to_numpy().astype(np.float64),
        test["item_price"].fill_null(0.0).to_numpy(),
    )
    return KcsResult(
        {
            "test_lines": test.height,
            "test_fraud_rate": round(float(test["fraud"].cast(pl.Float64).sum()) / test.height, 4),
            **figures,
        },
        result,
        training,
    )
