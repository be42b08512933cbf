"""Edge datasets that follow the data contract (or break it only where the contract says
the row is quarantined): ``orewatch screen`` must screen every line or quarantine it,
write all its outputs, and never end in a traceback.

Each test is the smallest dataset that broke that promise in a sweep of 215 edge
datasets (2026-11-25); they build their folders in ``tmp_path`` from plain CSV text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import polars as pl
from typer.testing import CliRunner

from orewatch.cli.main import app

runner = CliRunner()

OUTPUTS = ("alerts.csv", "parties.csv", "facilities.csv", "routes.csv", "rejected.csv")


def line(i: int, **changes: str) -> dict[str, str]:
    """A plain, valid one-line declaration (only the contract's required columns)."""
    row = {
        "declaration_id": f"D{i:05d}",
        "declared_at": f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d} 10:00:00",
        "port": "CNSZX",
        "mode": "sea",
        "exporter_id": f"EXP{i % 10}",
        "exporter_name": f"Exporter {i % 10}",
        "consignee_name": f"Buyer {i % 7}",
        "consignee_country": "DE",
        "destination_country": "DE",
        "hs_code": "7601100000",
        "description": "aluminium ingot",
        "quantity": str(1000 + i),
        "unit": "kg",
        "net_weight_kg": str(1000 + i),
        "value": str(2500 + 10 * i),
        "currency": "USD",
    }
    row.update(changes)
    return row


def csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_dataset(root: Path, **tables: list[dict[str, str]] | bytes) -> Path:
    root.mkdir(parents=True)
    for name, content in tables.items():
        data = content if isinstance(content, bytes) else csv_text(content).encode("utf-8")
        (root / f"{name}.csv").write_bytes(data)
    return root


def screen(root: Path, out: Path) -> tuple[int, str, BaseException | None]:
    result = runner.invoke(app, ["screen", str(root), "--out", str(out)], env={"COLUMNS": "200"})
    return result.exit_code, result.output, result.exception


def assert_every_line_accounted(out: Path, expected: int) -> pl.DataFrame:
    for name in OUTPUTS:
        assert (out / name).exists(), f"{name} not written"
    alerts = pl.read_csv(out / "alerts.csv", infer_schema=False)
    rejected = pl.read_csv(out / "rejected.csv", infer_schema=False)
    quarantined = rejected.filter(pl.col("table") == "declarations")["row"].n_unique()
    assert alerts.height + quarantined == expected
    return alerts


def test_a_dataset_whose_every_line_was_inspected_screens(tmp_path: Path) -> None:
    """200 one-line declarations, all inspected, one in ten found misdeclared: enough
    labels to train the model, and no line left unlabelled to score with it.

    Until 2026-11-25 this ended in ``ValueError: Found array with 0 sample(s) ...
    LogisticRegression`` (the final calibrator called on the empty unlabelled rest).
    """
    rows = [line(i) for i in range(200)]
    inspections = [
        {
            "declaration_id": r["declaration_id"],
            "inspected_at": "2025-12-31",
            "result": "misdeclared" if i % 10 == 0 else "clear",
        }
        for i, r in enumerate(rows)
    ]
    root = write_dataset(tmp_path / "ds", declarations=rows, inspections=inspections)
    code, output, exc = screen(root, tmp_path / "out")
    assert exc is None or isinstance(exc, SystemExit), repr(exc)
    assert code == 0, output
    alerts = assert_every_line_accounted(tmp_path / "out", 200)
    assert alerts.height == 200


def test_a_nul_byte_in_one_field_costs_only_its_line(tmp_path: Path) -> None:
    """U+0000 is valid UTF-8; one field holding it must not sink the whole file.

    Until 2026-11-25 the file was refused as "undecodable ... (contains NUL bytes)" and
    the good line was lost too; now the line holding it is quarantined, naming the field.
    """
    text = csv_text([line(1), line(2, description="aluminium\x00 ingot")])
    root = write_dataset(tmp_path / "ds", declarations=text.encode("utf-8"))
    code, output, _ = screen(root, tmp_path / "out")
    assert code == 0, output
    alerts = assert_every_line_accounted(tmp_path / "out", 2)
    assert alerts["declaration_id"].to_list() == ["D00001"]
    rejected = pl.read_csv(tmp_path / "out" / "rejected.csv", infer_schema=False)
    assert rejected.select("row", "field", "reason").rows() == [
        ("2", "description", "contains a NUL character")
    ]
    assert b"\x00" not in (tmp_path / "out" / "rejected.csv").read_bytes()


def test_rows_refused_when_no_line_loads_still_go_to_rejected_csv(tmp_path: Path) -> None:
    """The contract: rows that could not be read go to DIR/rejected.csv with table, row
    and why. Exit 2 is fine when nothing loads, but the quarantine must still be written.

    Until 2026-11-25: exit 2 with the commonest reason on the console, no rejected.csv.
    """
    rows = [line(1, hs_code="81.12"), line(2, hs_code="81.12")]
    root = write_dataset(tmp_path / "ds", declarations=rows)
    code, output, _ = screen(root, tmp_path / "out")
    assert code == 2, output
    rejected = pl.read_csv(tmp_path / "out" / "rejected.csv", infer_schema=False)
    assert set(rejected.filter(pl.col("table") == "declarations")["row"]) == {"1", "2"}


def test_an_id_shaped_like_a_credit_code_is_a_str_as_the_contract_types_it(
    tmp_path: Path,
) -> None:
    """The shared contract types exporter_id and declarant_id as ``str``. A generator
    that writes credit-code-shaped ids without the GB 32100 check character (or 18
    random digits) follows it, and its lines must be screened.

    Until 2026-11-25 orewatch's own extension quarantined every such line whole, even
    when only the optional declarant_id was off (docs/data-contract.md, "Registration ids").
    """
    rows = [
        line(1),
        line(2, exporter_id="91330100MA00000010"),  # credit-code shape, check char not GB 32100
        line(3, exporter_id="123456789012345670"),  # 18 digits, neither check holds
    ]
    rows = [{**r, "declarant_id": ""} for r in rows]
    rows.append({**line(4), "declarant_id": "91310115G03875693Y"})
    root = write_dataset(tmp_path / "ds", declarations=rows)
    code, output, _ = screen(root, tmp_path / "out")
    assert code == 0, output
    alerts = assert_every_line_accounted(tmp_path / "out", 4)
    assert alerts.height == 4


def test_an_iso_8601_basic_format_datetime_is_read(tmp_path: Path) -> None:
    """``20250301T100000`` and ``20250301T100000+0800`` are ISO 8601 (basic format), which
    the contract's ``datetime`` type allows ("ISO 8601, with or without zone").

    Until 2026-11-25 every such line was quarantined "not a date" (the contract's
    example is the extended form, but it names ISO 8601).
    """
    rows = [
        line(1, declared_at="20250301T100000"),
        line(2, declared_at="20250301T100000+0800"),
        line(3),
    ]
    root = write_dataset(tmp_path / "ds", declarations=rows)
    code, output, _ = screen(root, tmp_path / "out")
    assert code == 0, output
    alerts = assert_every_line_accounted(tmp_path / "out", 3)
    assert alerts.height == 3
