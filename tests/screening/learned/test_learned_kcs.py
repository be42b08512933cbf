"""The KCS adapter on a 300-row cut of the public files (see data/kcs_sample/README.md)."""

from dataclasses import replace
from pathlib import Path

import polars as pl
import pytest

from orewatch.screening.learned.kcs import KcsError, kcs_benchmark, kcs_config, load_kcs, read_split

SAMPLE = Path(__file__).parent / "data" / "kcs_sample"


def test_columns_mapped_and_derived() -> None:
    lines = load_kcs(SAMPLE)
    assert lines.height == 300
    assert lines.group_by("split").len().sort("split").rows() == [
        ("test", 50),
        ("train", 200),
        ("valid", 50),
    ]
    first = lines.row(0, named=True)
    assert first["declaration_id"] == "97061800"
    assert first["hs6"] == "440890" and first["hs4"] == "4408"
    assert first["item_price"] == 372254.4
    assert lines["fraud"].sum() == 58
    assert lines["unit_price_z"].is_finite().all()


def test_bad_value_names_file_row_and_field(tmp_path: Path) -> None:
    text = (SAMPLE / "df_syn_test_eng.csv").read_text().splitlines()
    fields = text[3].split(",")
    fields[15] = "eight"  # Tax Rate
    text[3] = ",".join(fields)
    bad = tmp_path / "df_syn_test_eng.csv"
    bad.write_text("\n".join(text))
    with pytest.raises(KcsError, match=r"row 4, field 'Tax Rate'"):
        read_split(bad, "test")


def test_missing_file_and_column(tmp_path: Path) -> None:
    with pytest.raises(KcsError, match="not found"):
        read_split(tmp_path / "nope.csv", "test")
    (tmp_path / "x.csv").write_text("Date,Fraud\n2020-01-01,0\n")
    with pytest.raises(KcsError, match="missing columns"):
        read_split(tmp_path / "x.csv", "test")


def test_benchmark_never_sees_test_labels() -> None:
    lines = load_kcs(SAMPLE)
    config = replace(kcs_config(), min_positives=10, max_rounds=100, early_stopping=20)
    result = kcs_benchmark(lines, config)
    assert result.model.metrics["labelled"] == 250
    assert result.test["test_lines"] == 50
    assert set(result.test) >= {"precision@5%", "recall@10%", "value_captured@1%", "auc"}
    # flipping every test label leaves every test score unchanged
    flipped = kcs_benchmark(
        lines.with_columns(
            pl.when(pl.col("split") == "test")
            .then(1 - pl.col("fraud"))
            .otherwise(pl.col("fraud"))
            .alias("fraud")
        ),
        config,
    )
    assert flipped.model.scores.equals(result.model.scores)
