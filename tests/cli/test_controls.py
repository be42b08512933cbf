"""`orewatch controls ...` end to end through Typer."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from orewatch.cli.main import app

RUN = CliRunner()


def _json(*args: str) -> dict[str, object]:
    result = RUN.invoke(app, ["controls", "check", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def test_check_gallium_us_dates() -> None:
    d = _json("--hs", "8112929010", "--to", "US", "--on", "2025-03-01")
    assert d["controlled"] and d["licence_required"] and d["prohibited"]
    assert d["end_user_restrictions"]
    d = _json("--hs", "8112929010", "--to", "US", "--on", "2026-01-01")
    assert d["controlled"] and d["licence_required"] and not d["prohibited"]
    assert d["end_user_restrictions"]
    d = _json("--hs", "8112929010", "--to", "US", "--on", "2026-12-01")
    assert d["prohibited"] and d["caveats"]


def test_check_rich_output_cites_announcement() -> None:
    result = RUN.invoke(
        app, ["controls", "check", "--hs", "8112929010", "--to", "US", "--on", "2025-03-01"]
    )
    assert result.exit_code == 0
    assert "2023 No.23" in result.output and "PROHIBITED" in result.output


def test_list_show_materials() -> None:
    result = RUN.invoke(app, ["controls", "list", "--on", "2025-03-01", "--element", "gallium"])
    assert result.exit_code == 0 and "CN-2023-23-GA-01" in result.output
    result = RUN.invoke(app, ["controls", "show", "CN-2024-46-ART1"])
    assert result.exit_code == 0 and "prohibit" in result.output
    result = RUN.invoke(app, ["controls", "show", "NOPE"])
    assert result.exit_code == 1
    result = RUN.invoke(app, ["controls", "materials", "germanium"])
    assert result.exit_code == 0 and "germanium:dioxide" in result.output


def test_bad_date_is_a_usage_error() -> None:
    result = RUN.invoke(app, ["controls", "check", "--hs", "1", "--to", "US", "--on", "2025-13-01"])
    assert result.exit_code != 0
