"""Readers of public list files, on tiny fixtures written in each file's real format.

Fixture rows are shaped after (not copied from) the files described in
shared/data/watchlists/README.md: OFAC's legacy sdn.csv and OpenSanctions' exports.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from orewatch.parties.watchlists import (
    WATCHLIST_SCHEMA,
    WatchlistError,
    normalise_watchlist,
    read_bis_mieu,
    read_cn_sanctions,
    read_dod_1260h,
    read_ofac_sdn,
    read_public_watchlists,
)

SDN = (
    '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'
    '306,"BANCO NACIONAL DE CUBA",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"a.k.a. 'BNC'; a.k.a. 'NATIONAL BANK OF CUBA'.\"\r\n"
    '3754,"ABU X, Y","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1951."\r\n'
    "\x1a"
)
CN = (
    "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,"
    "Date,End date,Source URL,Address\n"
    "Company,,Aveox Inc.,AVEOX,艾维奥克斯公司,US,export.control,,,MOFCOM,UEL,16.02.2023,,,\n"
    "Person,,Sam Example,,布朗,United States,sanction.counter,,,MFA,,13.07.20,,,\n"
)
DOD = (
    "Name,Clean Name,Alias,Previous Name,Parent Name,Note,Start date,End date,Source Url\n"
    '"Aerospace CH UAV Co., Ltd (S-SEA)*","Aerospace CH UAV Co., Ltd",S-SEA,,,,2021-06-03,,\n'
)
MIEU = (
    "Type,Name,Alias,Country,Topics,Program,Date,End date,Source URL\n"
    "Organization,Reconnaissance General Bureau,RGB,KP,export.control,US-BIS-MIEU,2021-03-16,,\n"
)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "us_ofac_sdn_2024-05-03.csv").write_bytes(SDN.encode("latin-1"))
    (tmp_path / "cn_sanctions_opensanctions.csv").write_text(CN, encoding="utf-8")
    (tmp_path / "us_dod_1260h_chinese_military_companies_opensanctions.csv").write_text(DOD)
    (tmp_path / "us_bis_mieu_opensanctions.csv").write_text(MIEU)
    return tmp_path


def test_ofac_nulls_aliases_kinds_and_the_ctrl_z_byte(folder: Path) -> None:
    sdn = read_ofac_sdn(folder / "us_ofac_sdn_2024-05-03.csv")
    assert sdn.height == 3
    bank = sdn.filter(pl.col("name") == "BANCO NACIONAL DE CUBA").row(0, named=True)
    assert bank["alt_names"] == ["BNC", "NATIONAL BANK OF CUBA"]
    assert sdn["kind"].to_list() == ["company", "company", "person"]
    assert sdn["entry_id"][0] == "ofac_sdn:36"


def test_cn_list_keeps_both_scripts_and_reads_two_digit_years(folder: Path) -> None:
    cn = read_cn_sanctions(folder / "cn_sanctions_opensanctions.csv")
    first, second = cn.iter_rows(named=True)
    assert first["alt_names"] == ["AVEOX", "艾维奥克斯公司"]
    assert first["list"] == "PRC UEL"
    assert first["listed_at"] == date(2023, 2, 16)
    assert second["listed_at"] == date(2020, 7, 13)
    assert second["country"] == "US"  # written "United States"
    assert second["kind"] == "person"


def test_dod_and_mieu_readers(folder: Path) -> None:
    dod = read_dod_1260h(folder / "us_dod_1260h_chinese_military_companies_opensanctions.csv")
    assert dod["name"].to_list() == ["Aerospace CH UAV Co., Ltd"]
    assert dod["alt_names"].to_list() == [["S-SEA"]]
    mieu = read_bis_mieu(folder / "us_bis_mieu_opensanctions.csv")
    assert mieu.row(0, named=True)["country"] == "KP"


def test_folder_reader_takes_what_is_there(
    folder: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    every = read_public_watchlists(folder)
    assert set(every["source"]) == {"ofac_sdn", "cn_sanctions", "dod_1260h", "bis_mieu"}
    assert every.schema == pl.Schema(WATCHLIST_SCHEMA)
    assert read_public_watchlists(tmp_path_factory.mktemp("empty")).is_empty()


def test_a_broken_file_names_the_file_and_the_missing_field(tmp_path: Path) -> None:
    path = tmp_path / "cn_sanctions_opensanctions.csv"
    path.write_text("Type,Name\nCompany,X\n")
    with pytest.raises(WatchlistError, match=r"cn_sanctions_opensanctions.csv: row 0: missing"):
        read_cn_sanctions(path)


def test_dataset_watchlist_gets_entry_ids(ring_tables: dict[str, pl.DataFrame]) -> None:
    own = normalise_watchlist(ring_tables["watchlist"])
    assert own["entry_id"].to_list() == ["dataset:1", "dataset:2"]
    assert own["alt_names"][0].to_list() == ["顶点基石光子公司"]
