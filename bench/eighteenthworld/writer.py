"""Writing the dataset folder and its truth, byte-identical for a seed.

Formats vary as the contract allows and real feeds do: declarations, relations,
facilities, production, inspections, prices and the watchlist as UTF-8 CSV; licences and
trade statistics as JSON lines; parties and movements as Parquet (with a real list type
for alternative names and a real date type for movement days). Truth goes to
``truth/``: ``lines.csv`` (one row per fraudulent line), ``lines_detail.csv``,
``traps.csv`` (honest lines that look like something else, and why), ``parties.csv``,
``facilities.csv`` and ``world.json`` (the seed and knobs).
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date
from pathlib import Path

import polars as pl

from eighteenthworld import market
from eighteenthworld.calendar import fmt_moment
from eighteenthworld.goods import CONTROLLED
from eighteenthworld.inspections import RESULT
from eighteenthworld.model import Declaration, Line
from eighteenthworld.state import World

TABLES = (
    "declarations",
    "licenses",
    "parties",
    "relations",
    "facilities",
    "movements",
    "production",
    "inspections",
    "trade_stats",
    "prices",
    "watchlist",
)
SUFFIXES = (".csv", ".csv.gz", ".jsonl", ".jsonl.gz", ".parquet")
DECLARATION_COLUMNS = (
    "declaration_id",
    "line_no",
    "declared_at",
    "port",
    "mode",
    "exporter_id",
    "exporter_name",
    "declarant_id",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "trade_country",
    "end_user_name",
    "end_use",
    "hs_code",
    "description",
    "specification",
    "quantity",
    "unit",
    "net_weight_kg",
    "gross_weight_kg",
    "value",
    "currency",
    "license_no",
    "container_ids",
    "transport_doc",
    "origin_region",
    "supervision_mode",
)


def num(value: float | None) -> str:
    """A number as a CSV cell: plain decimals, no exponent, no trailing zeros."""
    if value is None:
        return ""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return num(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    return str(value)


def _csv(path: Path, columns: Sequence[str], rows: Sequence[Mapping[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(c)) for c in columns])


def _jsonl(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for row in rows:
            clean = {
                k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in row.items()
                if v is not None and v != ""
            }
            handle.write(json.dumps(clean, ensure_ascii=False, sort_keys=False) + "\n")


def clear(out: Path) -> None:
    """Remove a previous world's tables and truth, so no table has two files."""
    out.mkdir(parents=True, exist_ok=True)
    for table in TABLES:
        for suffix in SUFFIXES:
            (out / f"{table}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(out / "truth", ignore_errors=True)


def ordered(world: World) -> list[Declaration]:
    """Extract order: month by month, office by office, as lodged."""
    for decl in world.decls:
        decl.number()
    return sorted(world.decls, key=lambda d: (d.at.year, d.at.month, d.port, d.at, d.id))


def write(world: World, out: Path) -> Path:
    clear(out)
    decls = ordered(world)
    _declarations(out, decls)
    _licences(world, out)
    _parties(world, out)
    _csv(
        out / "relations.csv",
        ("src_party_id", "dst_party_id", "relation", "share", "since"),
        world.relations,
    )
    _csv(
        out / "facilities.csv",
        ("facility_id", "operator_id", "kind", "region", "capacity_kg_per_year", "materials"),
        world.facilities,
    )
    _movements(world, out)
    _csv(
        out / "production.csv",
        (
            "facility_id",
            "period",
            "material",
            "opening_kg",
            "received_kg",
            "produced_kg",
            "consumed_kg",
            "shipped_kg",
            "closing_kg",
        ),
        world.production,
    )
    _inspections(world, out)
    _jsonl(out / "trade_stats.jsonl", world.trade_stats)
    _csv(
        out / "prices.csv",
        ("material", "market", "date", "price", "currency", "unit"),
        market.price_rows(world.rng("prices")),
    )
    _csv(
        out / "watchlist.csv",
        (
            "list",
            "name",
            "alt_names",
            "kind",
            "country",
            "address",
            "registration_id",
            "listed_at",
            "reason",
        ),
        world.watchlist,
    )
    _truth(world, out, decls)
    return out


def _declarations(out: Path, decls: list[Declaration]) -> None:
    rows: list[dict[str, object]] = []
    for decl in decls:
        for line in decl.lines:
            rows.append(
                {
                    "declaration_id": decl.id,
                    "line_no": "" if decl.blank_line_no and len(decl.lines) == 1 else line.line_no,
                    "declared_at": fmt_moment(decl.at, decl.style),
                    "port": decl.port,
                    "mode": decl.mode,
                    "exporter_id": decl.exporter.uscc,
                    "exporter_name": decl.exporter_name,
                    "declarant_id": decl.broker.code if decl.broker else "",
                    "consignee_name": decl.consignee_name,
                    "consignee_address": decl.consignee_address,
                    "consignee_country": decl.consignee.country,
                    "destination_country": decl.destination,
                    "trade_country": decl.trade_country,
                    "end_user_name": line.end_user,
                    "end_use": line.end_use,
                    "hs_code": line.hs,
                    "description": line.description,
                    "specification": line.spec,
                    "quantity": float(line.quantity),
                    "unit": line.unit,
                    "net_weight_kg": float(line.net_kg),
                    "gross_weight_kg": line.gross_kg,
                    "value": float(line.value),
                    "currency": decl.currency,
                    "license_no": line.licence,
                    "container_ids": decl.containers,
                    "transport_doc": decl.transport_doc,
                    "origin_region": line.origin,
                    "supervision_mode": decl.supervision,
                }
            )
    _csv(out / "declarations.csv", DECLARATION_COLUMNS, rows)


def _licences(world: World, out: Path) -> None:
    rows: list[dict[str, object]] = []
    for lic in sorted(world.licences, key=lambda x: (x.issued, x.no)):
        hs = lic.hs if lic.shape == "both" else (lic.hs[:8] if lic.shape == "hs" else None)
        rows.append(
            {
                "license_no": lic.no,
                "issued_at": lic.issued,
                "valid_until": lic.valid_until,
                "exporter_id": lic.exporter.uscc,
                "control_id": lic.control_id if lic.shape in ("both", "control") else None,
                "hs_code": hs,
                "quantity_kg": lic.quantity_kg,
                "consignee_name": lic.consignee_name,
                "consignee_country": lic.consignee_country,
                "end_user_name": lic.end_user,
                "end_use": lic.end_use,
                "status": lic.status,
                "status_since": lic.status_since,
            }
        )
    _jsonl(out / "licenses.jsonl", rows)


def _parties(world: World, out: Path) -> None:
    parties = sorted(world.parties, key=lambda p: p.party_id)
    frame = pl.DataFrame(
        {
            "party_id": [p.party_id for p in parties],
            "kind": [p.kind for p in parties],
            "name": [p.name for p in parties],
            "alt_names": [list(p.alt_names) for p in parties],
            "country": [p.country or None for p in parties],
            "address": [p.address or None for p in parties],
            "phone": [p.phone or None for p in parties],
            "email": [p.email or None for p in parties],
            "registration_id": [p.registration_id or None for p in parties],
            "incorporated_at": [p.incorporated for p in parties],
        },
        schema={
            "party_id": pl.String,
            "kind": pl.String,
            "name": pl.String,
            "alt_names": pl.List(pl.String),
            "country": pl.String,
            "address": pl.String,
            "phone": pl.String,
            "email": pl.String,
            "registration_id": pl.String,
            "incorporated_at": pl.Date,
        },
    )
    frame.write_parquet(out / "parties.parquet", statistics=False)


def _movements(world: World, out: Path) -> None:
    rows = sorted(world.movements, key=lambda m: str(m["movement_id"]))
    frame = pl.DataFrame(
        {
            "movement_id": [str(m["movement_id"]) for m in rows],
            "moved_at": [date.fromisoformat(str(m["moved_at"])) for m in rows],
            "from_id": [str(m["from_id"]) for m in rows],
            "to_id": [str(m["to_id"]) for m in rows],
            "material": [str(m["material"]) for m in rows],
            "quantity_kg": [float(str(m["quantity_kg"])) for m in rows],
            "lot_id": [str(m["lot_id"]) for m in rows],
            "document_no": [str(m["document_no"]) for m in rows],
        },
        schema={
            "movement_id": pl.String,
            "moved_at": pl.Date,
            "from_id": pl.String,
            "to_id": pl.String,
            "material": pl.String,
            "quantity_kg": pl.Float64,
            "lot_id": pl.String,
            "document_no": pl.String,
        },
    )
    frame.write_parquet(out / "movements.parquet", statistics=False)


def _inspections(world: World, out: Path) -> None:
    rows = []
    for ins in sorted(
        world.inspections, key=lambda i: (i.at, i.declaration_id, i.line_no or 0, i.result)
    ):
        rows.append(
            {
                "declaration_id": ins.declaration_id,
                "line_no": ins.line_no,
                "inspected_at": ins.at,
                "method": ins.method,
                "result": ins.result,
                "found_hs_code": ins.found_hs,
                "found_description": ins.found_desc,
                "found_quantity_kg": ins.found_kg,
                "found_value": ins.found_value,
            }
        )
    _csv(
        out / "inspections.csv",
        (
            "declaration_id",
            "line_no",
            "inspected_at",
            "method",
            "result",
            "found_hs_code",
            "found_description",
            "found_quantity_kg",
            "found_value",
        ),
        rows,
    )


def _material(line: Line) -> str:
    for good in CONTROLLED.values():
        if good.hs == line.true_hs:
            return good.material
    return f"{line.element}:metal" if line.element else ""


def _truth(world: World, out: Path, decls: list[Declaration]) -> None:
    truth = out / "truth"
    truth.mkdir(parents=True, exist_ok=True)
    records: dict[str, list[tuple[int | None, str, str]]] = {}
    for ins in world.inspections:
        records.setdefault(ins.declaration_id, []).append((ins.line_no, ins.result, ins.found_hs))
    lines, detail, traps = [], [], []
    for decl in decls:
        for line in decl.lines:
            key = {"declaration_id": decl.id, "line_no": line.line_no}
            if line.scheme:
                lines.append({**key, "scheme": line.scheme})
                seen = records.get(decl.id, [])
                wanted = RESULT[line.scheme][line.variant == "faint"]
                found = any(
                    result == wanted
                    and (
                        no == line.line_no
                        or (no is None and (not hs or hs == line.true_hs or hs == line.hs))
                    )
                    for no, result, hs in seen
                )
                detail.append(
                    {
                        **key,
                        "scheme": line.scheme,
                        "variant": line.variant,
                        "family": line.family,
                        "ring": line.ring,
                        "phase": line.phase,
                        "declared_hs": line.hs,
                        "true_hs": line.true_hs,
                        "true_material": _material(line),
                        "true_kg": round(line.true_kg, 3),
                        "declared_value_usd": round(line.usd, 2),
                        "true_value_usd": round(line.true_usd, 2),
                        "hosted": decl.hosted,
                        "inspected": bool(seen),
                        "found": found,
                    }
                )
            elif line.traps or line.house:
                labels = sorted(
                    set(line.traps) | ({f"housekeeping_{line.house}"} if line.house else set())
                )
                traps.append({**key, "traps": labels})
    _csv(truth / "lines.csv", ("declaration_id", "line_no", "scheme"), lines)
    _csv(
        truth / "lines_detail.csv",
        (
            "declaration_id",
            "line_no",
            "scheme",
            "variant",
            "family",
            "ring",
            "phase",
            "declared_hs",
            "true_hs",
            "true_material",
            "true_kg",
            "declared_value_usd",
            "true_value_usd",
            "hosted",
            "inspected",
            "found",
        ),
        detail,
    )
    _csv(truth / "traps.csv", ("declaration_id", "line_no", "traps"), traps)
    parties = sorted(
        {
            (str(r["party_id"]), str(r["scheme"]), str(r["ring"]), str(r["role"]))
            for r in world.truth_parties
        }
    )
    _csv(
        truth / "parties.csv",
        ("party_id", "scheme", "ring", "role"),
        [dict(zip(("party_id", "scheme", "ring", "role"), p, strict=True)) for p in parties],
    )
    _csv(
        truth / "facilities.csv",
        ("facility_id", "period", "material", "gap_kg", "ring"),
        world.truth_facilities,
    )
    (truth / "world.json").write_text(
        json.dumps(
            {
                "generator": "eighteenthworld",
                "lines": world.lines,
                "seed": world.seed,
                "knobs": asdict(world.knobs),
            },
            indent=2,
            sort_keys=True,
        )
        + "\n",
        encoding="utf-8",
    )
