"""``/v1/chain/...``: trace, leaks and workbench flows over the warehouse's chain tables.

The tables are read from the warehouse (``settings.db``) on first use and the findings
computed once per application (kept on ``app.state``, never in a module global); a test
or an embedding application may put its own ``chain_tables`` on ``app.state`` first.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import polars as pl
from fastapi import APIRouter, Depends, HTTPException, Query, Request

from orewatch.chain.flows import balance_series, sankey
from orewatch.chain.lineage import trace_report
from orewatch.chain.signals import ChainFindings, chain_findings
from orewatch.controls.materials import load_materials

router = APIRouter(prefix="/v1/chain", tags=["chain"])

CHAIN_TABLES = ("facilities", "movements", "production", "declarations")


def _warehouse_tables(db: Path) -> dict[str, pl.DataFrame]:
    from orewatch.warehouse.store import Warehouse

    if not Path(db).exists():
        return {}
    with Warehouse(db, read_only=True) as warehouse:
        tables = {name: warehouse.table(name).rechunk() for name in CHAIN_TABLES}
    return {name: frame for name, frame in tables.items() if frame.height}


class ChainState:
    """The tables and the findings computed on them."""

    def __init__(self, tables: dict[str, pl.DataFrame]) -> None:
        self.tables = tables
        self.findings: ChainFindings = chain_findings(tables)


def get_chain(request: Request) -> ChainState:
    """The application's chain state; 503 when there is no production data."""
    state = request.app.state
    chain = getattr(state, "chain", None)
    if chain is None:
        tables = getattr(state, "chain_tables", None)
        if tables is None:
            tables = _warehouse_tables(state.settings.db)
        if "production" not in tables:
            raise HTTPException(
                status_code=503,
                detail="no production data: ingest a dataset with facilities, movements and "
                "production into the warehouse first (`orewatch ingest DATASET`)",
            )
        chain = ChainState(tables)
        state.chain = chain
    return chain  # type: ignore[no-any-return]


Chain = Annotated[ChainState, Depends(get_chain)]


@router.get("/trace")
def trace(
    chain: Chain,
    declaration_id: str | None = Query(None, description="Trace a declaration back."),
    lot_id: str | None = Query(None, description="Trace a (seized) lot back."),
    facility_id: str | None = Query(None, description="Trace a facility forward."),
) -> dict[str, Any]:
    """Back from a declaration or lot to candidate facilities (kg, confidence), or
    forward from a facility to the downstream facilities and export lines it fed."""
    if sum(x is not None for x in (declaration_id, lot_id, facility_id)) != 1:
        raise HTTPException(
            status_code=422, detail="give exactly one of declaration_id, lot_id or facility_id"
        )
    try:
        return trace_report(
            chain.tables,
            chain.findings,
            load_materials(),
            declaration_id=declaration_id,
            lot_id=lot_id,
            facility_id=facility_id,
        )
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc.args[0])) from exc


@router.get("/leaks")
def leaks(chain: Chain, limit: int = Query(50, ge=1, le=10_000)) -> dict[str, Any]:
    """Flagged facility-months, ranked, with reasons and evidence; exporter signals."""
    return {
        "tolerance": {
            "rounding_units": chain.findings.tolerance.units,
            "relative": chain.findings.tolerance.relative,
        },
        "facilities": chain.findings.flagged().head(limit).drop("month").to_dicts(),
        "exporter_signals": chain.findings.exporter_signals.to_dicts(),
    }


@router.get("/sankey")
def material_sankey(
    chain: Chain,
    material: str | None = Query(None, description="Material or element, e.g. gallium."),
    start: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
    end: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
    by: str = Query("kind", pattern="^(kind|facility)$"),
) -> dict[str, Any]:
    """Nodes and links of a material's flow for the workbench's Sankey."""
    movements = chain.tables.get("movements")
    if movements is None:
        raise HTTPException(status_code=404, detail="no movements loaded")
    return sankey(movements, chain.tables.get("facilities"), material, start, end, by)


@router.get("/balance/{facility_id}")
def facility_balance(
    chain: Chain, facility_id: str, material: str | None = Query(None)
) -> dict[str, Any]:
    """A facility's monthly balance per material, with gaps, yields and scores."""
    try:
        return balance_series(chain.findings, facility_id, material)
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc.args[0])) from exc
