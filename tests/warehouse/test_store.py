from pathlib import Path

import duckdb
import polars as pl
import pytest

from orewatch.contract.loader import load_dataset
from orewatch.warehouse.store import Warehouse

HEADER = (
    "declaration_id,line_no,declared_at,port,mode,exporter_id,exporter_name,consignee_name,"
    "consignee_country,destination_country,hs_code,description,quantity,unit,net_weight_kg,value,currency"
)


def line(decl: str, no: int, value: float = 100.0, hs: str = "7601100000") -> str:
    party = "91350100M000100Y43,甲公司,ACME Co.,JP,JP"
    return f"{decl},{no},2025-03-01,CNSHA,sea,{party},{hs},铝锭,10,kg,10,{value},USD"


def write(folder: Path, rows: list[str], extra: dict[str, str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "declarations.csv").write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    for name, text in (extra or {}).items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def test_reingesting_the_same_file_adds_nothing(tmp_path: Path) -> None:
    data = write(tmp_path / "d", [line("D1", 1), line("D1", 2), line("D2", 1)])
    with Warehouse(tmp_path / "w.duckdb") as wh:
        first = wh.ingest(load_dataset(data))
        second = wh.ingest(load_dataset(data))
        assert first.inserted == 3
        assert second.inserted == 0 and all(t.skipped for t in second.tables)
        assert wh.counts()["declarations"] == 3


def test_changed_file_updates_by_key_and_keeps_provenance(tmp_path: Path) -> None:
    data = write(tmp_path / "d", [line("D1", 1), line("D2", 1)])
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.ingest(load_dataset(data))
        write(tmp_path / "d", [line("D1", 1), line("D2", 1, value=999.0), line("D3", 1)])
        report = wh.ingest(load_dataset(data))
        assert (report.inserted, report.updated) == (1, 1)
        table = wh.table("declarations", provenance=True)
        assert table.height == 3
        d2 = table.filter(pl.col("declaration_id") == "D2").row(0, named=True)
        assert d2["value"] == 999.0
        assert d2["_row"] == 2 and d2["_file"].endswith("declarations.csv")
        assert d2["_ingest_id"] == report.ingest_id and d2["_loaded_at"] is not None


def test_identical_rows_in_keyless_tables_stay_distinct(tmp_path: Path) -> None:
    relations = "src_party_id,dst_party_id,relation\nP1,P2,director\nP1,P2,director\n"
    data = write(tmp_path / "d", [line("D1", 1)], {"relations": relations})
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.ingest(load_dataset(data))
        assert wh.counts()["relations"] == 2
        (data / "relations.csv").write_text(relations + "P3,P4,owner\n", encoding="utf-8")
        wh.ingest(load_dataset(data))
        assert wh.counts()["relations"] == 3


def test_rejected_rows_are_kept_in_the_warehouse(tmp_path: Path) -> None:
    data = write(tmp_path / "d", [line("D1", 1), line("D2", 1, hs="76.01"), line("D1", 1)])
    with Warehouse(tmp_path / "w.duckdb") as wh:
        report = wh.ingest(load_dataset(data))
        assert report.inserted == 1
        rejected = wh.rejected()
        assert set(rejected["row"].to_list()) == {2, 3}
        assert "hs_code" in rejected["field"].to_list()


def test_read_only_warehouse_cannot_be_written(tmp_path: Path) -> None:
    data = write(tmp_path / "d", [line("D1", 1)])
    with Warehouse(tmp_path / "w.duckdb") as wh:
        wh.ingest(load_dataset(data))
    with Warehouse(tmp_path / "w.duckdb", read_only=True) as wh:
        assert wh.counts()["declarations"] == 1
        with pytest.raises(duckdb.Error):
            wh.ingest(load_dataset(data))
