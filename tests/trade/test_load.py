from pathlib import Path

import polars as pl
import pytest

from orewatch.trade.load import REAL_FILES, TradeDataError, load_real_trade, read_trade_file

HEADER = "reporter,partner,flow,hs_code,period,value_usd,quantity_kg,source\n"


def _write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_namibia_stays_a_country_code(tmp_path: Path) -> None:
    # two rows from critical_materials_atlas/trade_stats.csv (BACI 2024, Namibia)
    file = _write(
        tmp_path / "t.csv",
        "ZA,NA,export,811010,2024,1000.0,,baci\nNA,ZA,import,811010,2024,1100.0,,baci\n",
    )
    frame = read_trade_file(file)
    assert frame["partner"].to_list() == ["NA", "ZA"]
    assert frame["reporter"].null_count() == 0


def test_a_bad_row_is_named_by_file_row_and_field(tmp_path: Path) -> None:
    file = _write(tmp_path / "t.csv", "CN,US,export,811292,2024-13,5.0,,x\n")
    with pytest.raises(
        TradeDataError, match=r"t\.csv: 1 row\(s\) rejected; first: row 1, field 'period'"
    ):
        read_trade_file(file)


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(TradeDataError, match="no such file"):
        read_trade_file(tmp_path / "absent.csv")


def test_overlapping_sources_keep_the_first_listed(tmp_path: Path) -> None:
    first, second, third = (tmp_path / name for name in REAL_FILES)
    _write(first, "CN,HK,export,811292,2024-01,10.0,,comtrade\n")
    _write(second, "CN,HK,export,811292,2024-01,99.0,,other\nCN,SG,export,811292,2024,7.0,,baci\n")
    _write(third, "CN,SG,export,811292,2024,8.0,,baci_top\n")
    frame = load_real_trade(tmp_path).sort("partner")
    assert frame.select("partner", "value_usd", "source").rows() == [
        ("HK", 10.0, "comtrade"),
        ("SG", 7.0, "baci"),
    ]


def test_the_public_files_load_whole() -> None:
    root = Path("/work/shared/data/trade")
    if not root.is_dir():
        pytest.skip("public trade files not present on this machine")
    frame = load_real_trade(root)
    assert frame.height > 20_000
    assert frame.filter(pl.col("partner") == "NA").height > 0
