"""``orewatch validate``: the report, the rejected file and the exit codes."""

from __future__ import annotations

from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from orewatch.cli.main import app
from orewatch.contract.schema import DECLARATIONS

runner = CliRunner()

GOOD = (
    "D1,1,2024-03-04,CNSZX,sea,91350100M000100Y43,厦门公司,ACME,DE,DE,811292,镓,10,kg,10,1000,USD"
)
BAD = (
    "D2,1,03/04/2024,CNSZX,sea,91350100M000100Y43,厦门公司,ACME,DE,DE,8112.92,镓,10,kg,10,1000,USD"
)


def write_dataset(root: Path) -> Path:
    root.mkdir()
    header = ",".join(["declaration_id", "line_no", *DECLARATIONS.required[1:]])
    (root / "declarations.csv").write_text(f"{header}\n{GOOD}\n{BAD}\n", encoding="utf-8")
    (root / "README.md").write_text("not a table")
    return root


def test_validate_reports_and_exits_zero_with_rejections(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "ds")
    result = runner.invoke(app, ["validate", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "declarations" in result.output
    assert "day and month order is ambiguous" in result.output
    assert "HS code has dots" in result.output
    assert "README.md" in result.output
    assert not (root / "rejected.csv").exists()


def test_validate_writes_rejected_csv_when_asked(tmp_path: Path) -> None:
    root = write_dataset(tmp_path / "ds")
    out = tmp_path / "out" / "rejected.csv"
    result = runner.invoke(app, ["validate", str(root), "--rejected", str(out)])
    assert result.exit_code == 0, result.output
    rejected = pl.read_csv(out, infer_schema=False)
    assert rejected.columns[:5] == ["table", "row", "field", "value", "reason"]
    assert sorted(rejected["field"].to_list()) == ["declared_at", "hs_code"]
    assert set(rejected["row"].to_list()) == {"2"}


def test_validate_exits_2_without_declarations(tmp_path: Path) -> None:
    (tmp_path / "parties.csv").write_text("party_id,kind,name\n")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 2
    assert "declarations" in result.output


def test_validate_exits_2_for_a_missing_folder(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "nope" in result.output


def test_validate_exits_2_when_no_declaration_line_loads(tmp_path: Path) -> None:
    root = tmp_path / "ds"
    root.mkdir()
    (root / "declarations.csv").write_bytes(bytes(range(128, 256)) * 5)
    result = runner.invoke(app, ["validate", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    assert "no declaration line loaded" in result.output
    assert "undecodable" in result.output


def test_a_file_of_refused_records_names_their_reason_not_the_columns_it_lacks(
    tmp_path: Path,
) -> None:
    """A JSON array instead of JSON lines: its one record is refused ("a JSON list, not
    an object"), and that, not the missing columns it leads to, is the reason given."""
    root = tmp_path / "ds"
    root.mkdir()
    (root / "declarations.jsonl").write_text(
        '[{"declaration_id": "D1"}, {"declaration_id": "D2"}]\n'
    )
    result = runner.invoke(app, ["validate", str(root)], env={"COLUMNS": "200"})
    assert result.exit_code == 2
    error = " ".join(result.output.split("no declaration line loaded")[-1].split())
    assert "a JSON list, not an object" in error and "required column" not in error
