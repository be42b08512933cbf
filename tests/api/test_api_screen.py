import polars as pl
import pytest
from fastapi.encoders import jsonable_encoder
from fastapi.testclient import TestClient

from orewatch.api.app import create_app
from orewatch.controls.catalogue import load_catalogue
from orewatch.screening.pipeline import screen
from orewatch.settings import Settings


@pytest.fixture
def client(small_tables: dict[str, pl.DataFrame], tmp_path, as_analyst) -> TestClient:  # type: ignore[no-untyped-def]
    screener = screen(small_tables, load_catalogue()).screener
    settings = Settings(home=tmp_path, db=tmp_path / "none.duckdb")
    return TestClient(as_analyst(create_app(settings, screener=screener)))


def test_one_declaration_is_scored_and_explained(
    client: TestClient, small_tables: dict[str, pl.DataFrame]
) -> None:
    row = (
        small_tables["declarations"].filter(pl.col("declaration_id") == "D1001").row(0, named=True)
    )
    response = client.post("/v1/screen", json={"lines": [jsonable_encoder(row, exclude_none=True)]})
    assert response.status_code == 200, response.text
    line = response.json()["lines"][0]
    assert line["channel"] == "red"
    codes = {r["code"] for r in line["reasons"]}
    assert "LIC_NOT_FOUND" in codes
    assert all(r["en"] and r["zh"] for r in line["reasons"])
    assert "GA-FAKE-1" in line["explanation"]


def test_a_bad_field_is_refused_with_line_field_and_reason(
    client: TestClient, small_tables: dict[str, pl.DataFrame]
) -> None:
    row = jsonable_encoder(small_tables["declarations"].row(0, named=True), exclude_none=True)
    row["hs_code"] = "81.12"
    response = client.post("/v1/screen", json={"lines": [row]})
    assert response.status_code == 422
    problem = response.json()["detail"][0]
    assert problem["line"] == 1 and problem["field"] == "hs_code" and problem["value"] == "81.12"


def test_without_a_fitted_screener_the_api_says_why(tmp_path, as_analyst) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(home=tmp_path, db=tmp_path / "missing.duckdb")
    with TestClient(as_analyst(create_app(settings))) as client:
        response = client.post("/v1/screen", json={"lines": [{"declaration_id": "X"}]})
    assert response.status_code == 503
    assert "ingest" in response.json()["detail"]


def test_openapi_documents_the_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/v1/screen" in spec["paths"]


def test_unknown_fields_are_ignored_and_named(
    client: TestClient, small_tables: dict[str, pl.DataFrame]
) -> None:
    row = jsonable_encoder(small_tables["declarations"].row(0, named=True), exclude_none=True)
    row["remarks"] = "anything"
    response = client.post("/v1/screen", json={"lines": [row]})
    assert response.status_code == 200
    assert response.json()["ignored_fields"] == ["remarks"]


def test_a_code_that_is_only_context_here_is_noted_not_a_reason(
    clear_to_the_listed: dict[str, pl.DataFrame],
    tmp_path,
    as_analyst,  # type: ignore[no-untyped-def]
) -> None:
    screener = screen(clear_to_the_listed, load_catalogue()).screener
    settings = Settings(home=tmp_path, db=tmp_path / "none.duckdb")
    client = TestClient(as_analyst(create_app(settings, screener=screener)))
    declarations = clear_to_the_listed["declarations"]
    row = declarations.filter(pl.col("declaration_id") == "D1006").row(0, named=True)
    row["declaration_id"] = "NEW-1"
    response = client.post("/v1/screen", json={"lines": [jsonable_encoder(row, exclude_none=True)]})
    assert response.status_code == 200, response.text
    line = response.json()["lines"][0]
    assert line["reasons"] == [] and line["channel"] == "green"
    assert [r["code"] for r in line["noted"]] == ["WATCHLISTED_ORDINARY_GOODS"]
    assert line["noted"][0]["en"] and line["noted"][0]["zh"]
    assert line["explanation"].startswith("also noted: ")


def test_a_json_array_of_containers_reads_as_the_contracts_list() -> None:
    """``container_ids`` sent as a JSON array is the contract's ";"-separated list, as the
    JSON-lines reader makes it, not the array's Python spelling."""
    from orewatch.api.screen import DeclarationIn, raw_frame

    body = DeclarationIn(lines=[{"container_ids": ["MSKU1234565", "TGHU7654321"], "value": 5}])
    raw, _ = raw_frame(body)
    assert raw["container_ids"].to_list() == ["MSKU1234565;TGHU7654321"]
    assert raw["value"].to_list() == ["5"]
    assert raw["port"].to_list() == [None]
