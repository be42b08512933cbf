from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from orewatch.cli.main import app

DECLARATIONS = (
    "declaration_id,line_no,declared_at,port,mode,exporter_id,exporter_name,consignee_name,"
    "consignee_country,destination_country,hs_code,description,quantity,unit,net_weight_kg,"
    "value,currency\n"
    "310120240000000001,1,2024-02-01T10:00:00,CNSHA,sea,91350100M000100Y43,Exporter,Buyer,"
    "TH,TH,8112929010,gallium,10,kg,10,5000,USD\n"
)


def _dataset(tmp_path: Path, panel: pl.DataFrame) -> Path:
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "declarations.csv").write_text(DECLARATIONS, encoding="utf-8")
    panel.write_csv(folder / "trade_stats.csv")
    return folder


def test_trade_routes_writes_the_contract_csv(
    tmp_path: Path, diversion_panel: pl.DataFrame
) -> None:
    folder = _dataset(tmp_path, diversion_panel)
    out = tmp_path / "routes.csv"
    result = CliRunner().invoke(app, ["trade", "routes", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    routes = pl.read_csv(out, schema_overrides={"hs_code": pl.String})
    assert routes.columns == ["country", "hs_code", "score", "reasons", "evidence"]
    assert routes.row(0)[:2] == ("TH", "811292")


def test_report_effectiveness_writes_html(tmp_path: Path, diversion_panel: pl.DataFrame) -> None:
    folder = _dataset(tmp_path, diversion_panel)
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "effectiveness", str(folder), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "gallium" in text
    assert "0 of 1 declaration lines cite a licence" in text
    assert "wrote" in result.output


def test_dataset_or_public_not_both(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["trade", "routes"])
    assert result.exit_code == 2
    assert "give a DATASET folder or --public DIR" in " ".join(result.output.split())


def test_a_missing_dataset_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["trade", "routes", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "not a dataset folder" in " ".join(result.output.split())
