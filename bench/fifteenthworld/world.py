"""Putting the world together and writing it under the data contract.

Order matters, because each step needs what the one before made: the population and
the watchlist; the rings' plans (how many lines they will take); honest trade for the
rest of the lines and its licences; officers calibrated on honest trade; the rings run
in time order, inspected as they go and changing fronts when caught; honest lines
inspected; then licence numbers, declaration numbers, the domestic chain, markets and
statistics, and the truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import polars as pl

from fifteenthworld import lines as L
from fifteenthworld import market, watchlist
from fifteenthworld.chain import Chain
from fifteenthworld.honest import HonestTrade
from fifteenthworld.inspections import Officers
from fifteenthworld.knobs import Knobs
from fifteenthworld.licences import Licences, license_honest
from fifteenthworld.parties import build_population
from fifteenthworld.places import PORTS
from fifteenthworld.schemes import FAMILY, Context, plan, planned_lines, run

#: Column order and types of every table, as the data contract lists them.
COLUMNS: dict[str, dict[str, Any]] = {
    "declarations": {
        "declaration_id": pl.String,
        "line_no": pl.Int64,
        "declared_at": pl.String,
        "port": pl.String,
        "mode": pl.String,
        "exporter_id": pl.String,
        "exporter_name": pl.String,
        "declarant_id": pl.String,
        "consignee_name": pl.String,
        "consignee_address": pl.String,
        "consignee_country": pl.String,
        "destination_country": pl.String,
        "trade_country": pl.String,
        "end_user_name": pl.String,
        "end_use": pl.String,
        "hs_code": pl.String,
        "description": pl.String,
        "specification": pl.String,
        "quantity": pl.Float64,
        "unit": pl.String,
        "net_weight_kg": pl.Float64,
        "gross_weight_kg": pl.Float64,
        "value": pl.Float64,
        "currency": pl.String,
        "license_no": pl.String,
        "container_ids": pl.String,
        "transport_doc": pl.String,
        "origin_region": pl.String,
    },
    "licenses": {
        "license_no": pl.String,
        "issued_at": pl.String,
        "valid_until": pl.String,
        "exporter_id": pl.String,
        "control_id": pl.String,
        "hs_code": pl.String,
        "quantity_kg": pl.Float64,
        "consignee_name": pl.String,
        "consignee_country": pl.String,
        "end_user_name": pl.String,
        "end_use": pl.String,
        "status": pl.String,
        "status_since": pl.String,
    },
    "parties": {
        "party_id": pl.String,
        "kind": pl.String,
        "name": pl.String,
        "alt_names": pl.String,
        "country": pl.String,
        "address": pl.String,
        "phone": pl.String,
        "email": pl.String,
        "registration_id": pl.String,
        "incorporated_at": pl.String,
    },
    "relations": {
        "src_party_id": pl.String,
        "dst_party_id": pl.String,
        "relation": pl.String,
        "share": pl.Float64,
        "since": pl.String,
    },
    "facilities": {
        "facility_id": pl.String,
        "operator_id": pl.String,
        "kind": pl.String,
        "region": pl.String,
        "capacity_kg_per_year": pl.Float64,
        "materials": pl.String,
    },
    "movements": {
        "movement_id": pl.String,
        "moved_at": pl.String,
        "from_id": pl.String,
        "to_id": pl.String,
        "material": pl.String,
        "quantity_kg": pl.Float64,
        "lot_id": pl.String,
        "document_no": pl.String,
    },
    "production": {
        "facility_id": pl.String,
        "period": pl.String,
        "material": pl.String,
        "opening_kg": pl.Float64,
        "received_kg": pl.Float64,
        "produced_kg": pl.Float64,
        "consumed_kg": pl.Float64,
        "shipped_kg": pl.Float64,
        "closing_kg": pl.Float64,
    },
    "inspections": {
        "declaration_id": pl.String,
        "line_no": pl.Int64,
        "inspected_at": pl.String,
        "method": pl.String,
        "result": pl.String,
        "found_hs_code": pl.String,
        "found_description": pl.String,
        "found_quantity_kg": pl.Float64,
        "found_value": pl.Float64,
    },
    "trade_stats": {
        "reporter": pl.String,
        "partner": pl.String,
        "flow": pl.String,
        "hs_code": pl.String,
        "period": pl.String,
        "value_usd": pl.Float64,
        "quantity_kg": pl.Float64,
    },
    "prices": {
        "material": pl.String,
        "market": pl.String,
        "date": pl.String,
        "price": pl.Float64,
        "currency": pl.String,
        "unit": pl.String,
    },
    "watchlist": {
        "list": pl.String,
        "name": pl.String,
        "alt_names": pl.String,
        "kind": pl.String,
        "country": pl.String,
        "address": pl.String,
        "registration_id": pl.String,
        "listed_at": pl.String,
        "reason": pl.String,
    },
}


@dataclass
class World:
    tables: dict[str, pl.DataFrame]
    truth: pl.DataFrame
    detail: pl.DataFrame


def _frame(name: str, rows: list[dict[str, Any]]) -> pl.DataFrame:
    schema = COLUMNS[name]
    return pl.DataFrame({c: [r.get(c) for r in rows] for c in schema}, schema=schema)


def _licence_text(line: dict[str, Any]) -> str | None:
    """The licence number as the broker wrote it (a few write it their own way)."""
    if line.get("_licence_text"):
        return str(line["_licence_text"])
    licence = line["_licence"]
    if licence is None:
        return None
    number: str = licence.number
    broker = line["_broker"]
    style = line.get("_licence_style") or (broker.licence_style if broker else "as_is")
    if style == "dashed":
        return f"{number[:2]}-{number[2:6]}-{number[6:]}"
    if style == "lower":
        return number.lower()
    if style == "spaced":
        return f"{number[:2]} {number[2:6]} {number[6:]}"
    return number


def _declaration_ids(rng: random.Random, all_lines: list[dict[str, Any]]) -> dict[int, str]:
    """Customs numbers: office code, year, export flag, serial in order of lodging."""
    first: dict[int, dict[str, Any]] = {}
    for line in all_lines:
        first.setdefault(line["_decl"], line)
    ordered = sorted(first.values(), key=lambda x: (x["_day"], x["declared_at"][11:19], x["_decl"]))
    serial: dict[tuple[str, int], int] = {}
    ids: dict[int, str] = {}
    for line in ordered:
        office = PORTS[line["port"]][1]
        key = (office, line["_day"].year)
        serial[key] = serial.get(key, rng.randrange(10_000, 400_000)) + rng.randint(1, 40)
        ids[line["_decl"]] = f"{office}{line['_day'].year}1{serial[key]:09d}"
    return ids


def build(lines: int, seed: int, knobs: Knobs) -> World:
    """The whole world in memory: its tables and its truth."""
    rng = random.Random(seed)
    L.reset()
    pop = build_population(rng, lines)
    listed = watchlist.build(rng, pop, lines)
    rings = plan(rng, lines, knobs)
    honest = HonestTrade(rng, pop, knobs)
    honest_lines = honest.lines(max(0, lines - planned_lines(rings)))
    register = Licences()
    license_honest(rng, honest_lines, register)
    officers = Officers(rng, knobs)
    officers.calibrate(honest_lines)
    ctx = Context(rng, pop, knobs, register, officers, honest, listed)
    run(ctx, rings)
    by_declaration: dict[int, list[dict[str, Any]]] = {}
    for line in honest_lines:
        by_declaration.setdefault(line["_decl"], []).append(line)
    for group in by_declaration.values():
        if len(group) >= 8 and rng.random() < 0.04:
            officers.whole_declaration(group)
        else:
            for line in group:
                officers.consider(line)
    all_lines = honest_lines + ctx.lines
    register.number_all(rng)
    ids = _declaration_ids(rng, all_lines)
    for line in all_lines:
        line["declaration_id"] = ids[line["_decl"]]
        line["license_no"] = _licence_text(line)
    all_lines.sort(key=lambda x: (x["_day"], x["declaration_id"], x["line_no"]))

    chain = Chain(rng, pop, knobs)
    chain.build(all_lines, rings, ctx.leaks)
    production = chain.balances()
    parties = [
        {
            "party_id": p.party_id,
            "kind": p.kind,
            "name": p.name,
            "alt_names": ";".join(p.alt_names) if p.alt_names else None,
            "country": p.country,
            "address": p.address,
            "phone": p.phone,
            "email": p.email,
            "registration_id": p.registration_id,
            "incorporated_at": p.incorporated_at.isoformat() if p.incorporated_at else None,
        }
        for p in pop.register.parties
    ]
    tables = {
        "declarations": _frame("declarations", all_lines),
        "licenses": _frame("licenses", register.rows()),
        "parties": _frame("parties", parties),
        "relations": _frame("relations", pop.register.relations),
        "facilities": _frame("facilities", chain.facility_rows()),
        "movements": _frame("movements", chain.movements),
        "production": _frame("production", production),
        "inspections": _frame("inspections", officers.rows(ids)),
        "trade_stats": _frame("trade_stats", market.trade_stats(rng, all_lines, ctx.reexports)),
        "prices": _frame("prices", market.prices()),
        "watchlist": _frame("watchlist", watchlist.rows(listed)),
    }
    fraud = [x for x in all_lines if x["_scheme"] is not None]
    truth = pl.DataFrame(
        {
            "declaration_id": [x["declaration_id"] for x in fraud],
            "line_no": [x["line_no"] for x in fraud],
            "scheme": [x["_scheme"] for x in fraud],
        },
        schema={"declaration_id": pl.String, "line_no": pl.Int64, "scheme": pl.String},
    )
    detail = truth.with_columns(
        pl.Series("variant", [x["_variant"] for x in fraud], dtype=pl.String),
        pl.Series("family", [FAMILY[x["_scheme"]] for x in fraud], dtype=pl.String),
        pl.Series("exporter_id", [x["exporter_id"] for x in fraud], dtype=pl.String),
        pl.Series("true_hs_code", [x["_good"].hs for x in fraud], dtype=pl.String),
    )
    return World(tables, truth, detail)


def generate(out_dir: Path, lines: int = 100_000, seed: int = 1, **knobs: float) -> Path:
    """Write a world of ``lines`` declaration lines to ``out_dir``; return ``out_dir``.

    Every contract table is written as ``NAME.csv``; ``truth/lines.csv`` names each
    fraudulent line and its scheme, ``truth/lines_detail.csv`` adds its variant (loud or
    faint), family, exporter and the commodity code really shipped.
    """
    names = {f.name for f in fields(Knobs)}
    unknown = sorted(set(knobs) - names)
    if unknown:
        raise TypeError(f"unknown knobs: {', '.join(unknown)}")
    world = build(lines, seed, Knobs(**{k: float(v) for k, v in knobs.items()}))
    out = Path(out_dir)
    (out / "truth").mkdir(parents=True, exist_ok=True)
    for name, table in world.tables.items():
        table.write_csv(out / f"{name}.csv")
    world.truth.write_csv(out / "truth" / "lines.csv")
    world.detail.write_csv(out / "truth" / "lines_detail.csv")
    return out


__all__ = ["World", "build", "generate"]
