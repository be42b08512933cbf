"""`orewatch world generate` writes a dataset and prints its summary."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from orewatch.cli.main import app


def test_world_generate_command(tmp_path: Path) -> None:
    out = tmp_path / "w"
    result = CliRunner().invoke(
        app,
        ["world", "generate", str(out), "--seed", "3", "--lines", "3000", "--start", "2023-06-01"],
    )
    assert result.exit_code == 0, result.output
    assert (out / "declarations.csv").is_file()
    assert (out / "truth" / "world.json").is_file()
    assert "declarations" in result.output
    dates = pl.read_csv(out / "declarations.csv", infer_schema_length=0)["declared_at"]
    assert str(dates.min()) >= "2023-06-01"


def test_world_generate_rejects_bad_dates(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        ["world", "generate", str(tmp_path / "w"), "--seed", "1", "--lines", "500",
         "--start", "2025-01-01", "--end", "2024-01-01"],
    )  # fmt: skip
    assert result.exit_code != 0
    assert not (tmp_path / "w" / "declarations.csv").exists()
