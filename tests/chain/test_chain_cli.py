"""`orewatch chain ...` end to end on the tiny chain written as CSV."""

from __future__ import annotations

import json
from pathlib import Path

import polars as pl
import pytest
from chain_factories import ChainSpec, chain_tables
from typer.testing import CliRunner

from orewatch.cli.main import app

RUN = CliRunner()


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "ds"
    folder.mkdir()
    for name, frame in chain_tables(ChainSpec(gap_month=6)).items():
        frame.with_columns(
            [pl.col(c).list.join(";") for c, t in frame.schema.items() if t == pl.List(pl.String)]
        ).write_csv(folder / f"{name}.csv")
    return folder


def test_balance_writes_contract_outputs(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = RUN.invoke(app, ["chain", "balance", str(dataset), "--out", str(out)])
    assert result.exit_code == 0, result.output
    facilities = pl.read_csv(out / "facilities.csv")
    assert facilities.columns == [
        "facility_id",
        "period",
        "material",
        "gap_kg",
        "score",
        "reasons",
        "evidence",
    ]
    assert facilities.select("facility_id", "period").rows() == [("FR", "2025-07")]
    assert pl.read_parquet(out / "months.parquet").height == 48
    assert pl.read_csv(out / "exporter_signals.csv")["code"].to_list() == ["SUPPLIER_LEAKING"]


def test_leaks_json(dataset: Path) -> None:
    result = RUN.invoke(app, ["chain", "leaks", str(dataset), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["facilities"][0]["reasons"] == "BALANCE_GAP"


def test_trace_back_and_forward(dataset: Path) -> None:
    back = RUN.invoke(app, ["chain", "trace", str(dataset), "--declaration", "D005", "--json"])
    assert back.exit_code == 0, back.output
    assert {s["facility_id"] for s in json.loads(back.output)["sources"]} >= {"FW", "FR", "FM"}
    forward = RUN.invoke(app, ["chain", "trace", str(dataset), "--facility", "FR"])
    assert forward.exit_code == 0, forward.output
    assert "downstream of FR" in forward.output


def test_trace_unknown_and_ambiguous(dataset: Path) -> None:
    unknown = RUN.invoke(app, ["chain", "trace", str(dataset), "--lot", "NOPE"])
    assert unknown.exit_code == 1
    assert "NOPE" in unknown.output
    both = RUN.invoke(app, ["chain", "trace", str(dataset), "--lot", "a", "--facility", "b"])
    assert both.exit_code == 2


def test_flows_writes_json(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "sankey.json"
    result = RUN.invoke(
        app, ["chain", "flows", str(dataset), "--material", "gallium", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text())["links"]
    series = tmp_path / "fr.json"
    result = RUN.invoke(
        app, ["chain", "flows", str(dataset), "--facility", "FR", "--out", str(series)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(series.read_text())["facility_id"] == "FR"
