"""A tiny hand-made chain (imported by name: keep the module name unique).

Mine ``FM`` ships ``gallium:crude`` to refinery ``FR`` (yield 0.5), which ships
``gallium:metal`` to the exporter's warehouse ``FW``; the exporter files declarations
of what its warehouse ships. Options inject one trace each.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import polars as pl

EXPORTER = "91350100M000100Y43"
MONTHS = 12
YIELD = 0.5
GALLIUM_HS = "8112929010"


def period(m: int) -> str:
    return f"2025-{m + 1:02d}"


@dataclass(frozen=True)
class ChainSpec:
    """What to inject: ``gap_month`` (refinery output made, not stocked or shipped),
    ``yield_month`` (refinery under-reports output while input holds), ``late_month``
    (the refinery's input report for that month arrives with the next), ``lag_month``
    (the warehouse books that month's receipt a month late), ``unknown_receiver_kg``
    (refinery moves metal to an unregistered party), ``extra_exports_kg``."""

    gap_month: int | None = None
    yield_month: int | None = None
    late_month: int | None = None
    lag_month: int | None = None
    unknown_receiver_kg: float = 0.0
    extra_exports_kg: float = 0.0
    volumes: list[float] = field(
        default_factory=lambda: [100.0 + 7 * (m % 4) for m in range(MONTHS)]
    )


def _row(fid: str, m: int, material: str, **flows: float) -> dict[str, object]:
    row: dict[str, object] = {"facility_id": fid, "period": period(m), "material": material}
    for k in ("opening", "received", "produced", "consumed", "shipped"):
        row[f"{k}_kg"] = round(flows.get(k, 0.0), 1)
    row["closing_kg"] = round(
        flows.get("opening", 0.0)
        + flows.get("received", 0.0)
        + flows.get("produced", 0.0)
        - flows.get("consumed", 0.0)
        - flows.get("shipped", 0.0)
        - flows.get("lost", 0.0),
        1,
    )
    return row


def chain_tables(spec: ChainSpec | None = None) -> dict[str, pl.DataFrame]:
    """facilities, movements, production and declarations for the tiny chain."""
    spec = spec or ChainSpec()
    production: list[dict[str, object]] = []
    moves: list[tuple[date, str, str, str, float]] = []
    w_open = 0.0
    for m, out in enumerate(spec.volumes):
        day = date(2025, m + 1, 10)
        crude = out / YIELD
        lost = 0.2 * out if spec.gap_month == m else 0.0
        made = out + lost
        crude_in = made / YIELD
        reported = out if spec.yield_month == m else made
        if spec.yield_month == m:
            crude_in = (out * 1.25) / YIELD
            lost = 0.0
        production.append(_row("FM", m, "gallium:crude", produced=crude_in, shipped=crude_in))
        production.append(_row("FR", m, "gallium:crude", received=crude_in, consumed=crude_in))
        production.append(
            _row("FR", m, "gallium:metal", produced=reported, shipped=out, lost=lost)
            if spec.gap_month == m
            else _row("FR", m, "gallium:metal", produced=reported, shipped=out)
        )
        booked = out if spec.lag_month != m else 0.0
        if spec.lag_month is not None and m == spec.lag_month + 1:
            booked += spec.volumes[spec.lag_month]
        production.append(
            _row("FW", m, "gallium:metal", opening=w_open, received=booked, shipped=booked)
        )
        moves.append((day, "FM", "FR", "gallium:crude", round(crude_in, 1)))
        moves.append((day, "FR", "FW", "gallium:metal", round(out, 1)))
        del crude
    if spec.unknown_receiver_kg:
        moves.append((date(2025, 6, 12), "FR", "PX999", "gallium:metal", spec.unknown_receiver_kg))
    if spec.late_month is not None:
        production = _merge_late(production, "FR", "gallium:crude", spec.late_month)
    facilities = pl.DataFrame(
        {
            "facility_id": ["FM", "FR", "FW"],
            "operator_id": ["91450100MA00000001", "91450100MA00000002", EXPORTER],
            "kind": ["alumina_refinery", "refinery", "warehouse"],
            "region": ["451000", "451000", "350100"],
            "capacity_kg_per_year": [10000.0, 5000.0, 5000.0],
            "materials": [["gallium:crude"], ["gallium:metal", "gallium:crude"], ["gallium:metal"]],
        }
    )
    movements = pl.DataFrame(
        {
            "movement_id": [f"M{i:04d}" for i in range(len(moves))],
            "moved_at": [mv[0] for mv in moves],
            "from_id": [mv[1] for mv in moves],
            "to_id": [mv[2] for mv in moves],
            "material": [mv[3] for mv in moves],
            "quantity_kg": [mv[4] for mv in moves],
            "lot_id": [f"L{i:04d}" for i in range(len(moves))],
            "document_no": [f"DOC{i}" for i in range(len(moves))],
        }
    )
    exports = [(m, v) for m, v in enumerate(spec.volumes)]
    declarations = pl.DataFrame(
        {
            "declaration_id": [f"D{m:03d}" for m, _ in exports] + ["DX"],
            "line_no": [1] * (len(exports) + 1),
            "declared_at": [datetime(2025, m + 1, 20) for m, _ in exports]
            + [datetime(2025, 12, 21)],
            "exporter_id": [EXPORTER] * (len(exports) + 1),
            "hs_code": [GALLIUM_HS] * (len(exports) + 1),
            "net_weight_kg": [v for _, v in exports] + [spec.extra_exports_kg],
            "origin_region": ["451000"] * (len(exports) + 1),
        }
    ).with_columns(
        pl.lit("CNXMN").alias("port"),
        pl.lit("sea").alias("mode"),
        pl.lit("厦门某金属有限公司").alias("exporter_name"),
        pl.lit("Tokyo Metals K.K.").alias("consignee_name"),
        pl.lit("JP").alias("consignee_country"),
        pl.lit("JP").alias("destination_country"),
        pl.lit("镓").alias("description"),
        pl.col("net_weight_kg").alias("quantity"),
        pl.lit("kg").alias("unit"),
        (pl.col("net_weight_kg") * 300).alias("value"),
        pl.lit("USD").alias("currency"),
    )
    return {
        "facilities": facilities,
        "movements": movements,
        "production": pl.DataFrame(production),
        "declarations": declarations,
    }


def _merge_late(
    rows: list[dict[str, object]], fid: str, material: str, month: int
) -> list[dict[str, object]]:
    """Drop ``month``'s report and add its flows to the next month's (a late report)."""
    key = (fid, material)
    late = next(
        r for r in rows if (r["facility_id"], r["material"]) == key and r["period"] == period(month)
    )
    nxt = next(
        r
        for r in rows
        if (r["facility_id"], r["material"]) == key and r["period"] == period(month + 1)
    )
    for k in ("received_kg", "produced_kg", "consumed_kg", "shipped_kg"):
        nxt[k] = round(float(nxt[k]) + float(late[k]), 1)  # type: ignore[arg-type]
    nxt["opening_kg"] = late["opening_kg"]
    return [r for r in rows if r is not late]
