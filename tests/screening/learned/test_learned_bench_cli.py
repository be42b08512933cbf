"""``orewatch bench kcs`` on the KCS sample: JSON out, clear error on a bad folder."""

import json
from pathlib import Path

from typer.testing import CliRunner

from orewatch.cli.main import app

SAMPLE = Path(__file__).parent / "data" / "kcs_sample"


def test_bad_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["bench", "kcs", "--data", str(tmp_path)])
    assert result.exit_code == 2
    assert "df_syn_train_eng.csv: KCS file not found" in result.output


def test_json_shape_on_the_sample() -> None:
    result = CliRunner().invoke(app, ["bench", "kcs", "--data", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["trained_on"] == ["train", "valid"]
    assert {"precision@5%", "recall@5%", "value_captured@5%", "auc"} <= set(report)
