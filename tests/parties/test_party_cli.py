from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from orewatch.cli.main import app


@pytest.fixture(scope="module")
def dataset(ring_tables: dict[str, pl.DataFrame], tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ring")
    for name, frame in ring_tables.items():
        out = frame.with_columns(
            pl.col(c).list.join(";") for c, t in frame.schema.items() if t == pl.List(pl.String())
        )
        out.write_csv(folder / f"{name}.csv")
    declarations = pl.read_csv(folder / "declarations.csv", infer_schema=False)
    declarations.with_columns(
        pl.lit("CNCSX").alias("port"),
        pl.lit("sea").alias("mode"),
        pl.lit("gallium").alias("description"),
        pl.lit("10").alias("quantity"),
        pl.lit("kg").alias("unit"),
        pl.lit("10").alias("net_weight_kg"),
        pl.lit("USD").alias("currency"),
    ).write_csv(folder / "declarations.csv")
    return folder


def test_network_writes_ranked_parties(dataset: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["parties", "network", str(dataset), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    parties = pl.read_csv(tmp_path / "parties.csv")
    assert parties["party_id"][0] == "B1"
    assert {"party_id", "name", "score", "reasons", "evidence"} <= set(parties.columns)


def test_resolve_screen_and_export(dataset: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    resolved = runner.invoke(
        app, ["parties", "resolve", str(dataset), "--out", str(tmp_path), "--no-fuzzy"]
    )
    assert resolved.exit_code == 0, resolved.output
    assert (tmp_path / "entities.csv").is_file()
    screened = runner.invoke(app, ["parties", "screen", str(dataset), "--out", str(tmp_path)])
    assert screened.exit_code == 0, screened.output
    hits = pl.read_csv(tmp_path / "hits.csv")
    assert "Apex Keystone Photonics Corporation" in hits["entry_name"].to_list()
    exported = runner.invoke(app, ["parties", "export", str(dataset), "--out", str(tmp_path)])
    assert exported.exit_code == 0, exported.output
    assert (tmp_path / "ftm.jsonl").stat().st_size > 0


def test_screen_needs_a_list(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["parties", "screen", "--name", "ACME"])
    assert result.exit_code == 2
    assert "no watchlist" in result.output
