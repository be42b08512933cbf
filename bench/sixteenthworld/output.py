"""Writing the world as contract tables (CSV, UTF-8, header row) and its truth files.

Values are formatted here, once, so that the same world always gives the same bytes:
floats with at most the precision the simulation means, dates in ISO form, missing
values as empty cells. Columns follow ``orewatch.contract.schema.TABLES`` in order.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import polars as pl

from orewatch.contract.schema import TABLES
from sixteenthworld import licensing
from sixteenthworld.goods import BY_KEY
from sixteenthworld.inspections import Inspection
from sixteenthworld.licensing import LicenceBook
from sixteenthworld.model import Line, Party, Relation
from sixteenthworld.schemes import FAMILY
from sixteenthworld.timeline import END

Columns = dict[str, list[object]]


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(round(value, 4))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def write(path: Path, cols: Columns, names: tuple[str, ...] | None = None) -> None:
    order = names or tuple(cols)
    frame = pl.DataFrame(
        {
            name: pl.Series(name, [_text(v) for v in cols.get(name, [])], dtype=pl.String)
            for name in order
        }
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.write_csv(path)


def write_table(root: Path, name: str, cols: Columns) -> None:
    write(root / f"{name}.csv", cols, TABLES[name].names)


def declarations(lines: list[Line], book: LicenceBook, rnd: random.Random) -> Columns:
    cols: Columns = {name: [] for name in TABLES["declarations"].names}
    for ln in sorted(lines, key=lambda x: (x.day, x.stamp, x.decl_id, x.line_no)):
        cited: str | None = None
        if ln.licence_text is not None:
            cited = ln.licence_text
        elif ln.licence >= 0:
            style = licensing.clerical_style(rnd) if ln.quirk == "licence" else 0
            if ln.ring >= 0 and rnd.random() < 0.05:
                style = rnd.choice((1, 2, 4))
            cited = licensing.cite(book.licences[ln.licence].number, style, rnd)
        row = {
            "declaration_id": ln.decl_id,
            "line_no": ln.line_no,
            "declared_at": ln.stamp,
            "port": ln.port,
            "mode": ln.mode,
            "exporter_id": ln.exporter_id,
            "exporter_name": ln.exporter_name,
            "declarant_id": ln.declarant_id,
            "consignee_name": ln.consignee_name,
            "consignee_address": ln.consignee_address,
            "consignee_country": ln.consignee_country,
            "destination_country": ln.destination_country,
            "trade_country": ln.trade_country,
            "end_user_name": ln.end_user_name,
            "end_use": ln.end_use,
            "hs_code": ln.hs_code,
            "description": ln.description,
            "specification": ln.specification,
            "quantity": ln.quantity,
            "unit": ln.unit,
            "net_weight_kg": ln.net_weight_kg,
            "gross_weight_kg": ln.gross_weight_kg,
            "value": ln.value,
            "currency": ln.currency,
            "license_no": cited,
            "container_ids": ln.container_ids,
            "transport_doc": ln.transport_doc,
            "origin_region": ln.origin_region,
        }
        for name in cols:
            cols[name].append(row[name])
    return cols


def licences(book: LicenceBook) -> Columns:
    cols: Columns = {name: [] for name in TABLES["licenses"].names}
    for lic in sorted(book.licences, key=lambda x: (x.issued, x.number)):
        cols["license_no"].append(lic.number)
        cols["issued_at"].append(lic.issued)
        cols["valid_until"].append(lic.valid_until)
        cols["exporter_id"].append(lic.exporter_id)
        cols["control_id"].append(lic.item if lic.show & 1 or lic.general else None)
        cols["hs_code"].append(lic.hs if lic.show & 2 and not lic.general else None)
        cols["quantity_kg"].append(round(lic.qty_kg, 1))
        cols["consignee_name"].append(lic.consignee_name)
        cols["consignee_country"].append(lic.consignee_country)
        cols["end_user_name"].append(lic.end_user)
        cols["end_use"].append(lic.end_use)
        cols["status"].append(lic.status)
        cols["status_since"].append(lic.status_since)
    return cols


def parties(items: list[Party]) -> Columns:
    cols: Columns = {name: [] for name in TABLES["parties"].names}
    for p in items:
        alts = []
        for alt in p.alt_names:
            clean = alt.replace(";", ",")
            if clean != p.name and clean not in alts:
                alts.append(clean)
        cols["party_id"].append(p.party_id)
        cols["kind"].append(p.kind)
        cols["name"].append(p.name)
        cols["alt_names"].append(";".join(alts) or None)
        cols["country"].append(p.country)
        cols["address"].append(p.address)
        cols["phone"].append(p.phone)
        cols["email"].append(p.email)
        cols["registration_id"].append(p.registration_id)
        cols["incorporated_at"].append(p.incorporated_at)
    return cols


def relations(items: list[Relation]) -> Columns:
    cols: Columns = {name: [] for name in TABLES["relations"].names}
    seen: set[tuple[str, str, str]] = set()
    for r in items:
        key = (r.src, r.dst, r.relation)
        if key in seen or r.src == r.dst:
            continue
        seen.add(key)
        cols["src_party_id"].append(r.src)
        cols["dst_party_id"].append(r.dst)
        cols["relation"].append(r.relation)
        cols["share"].append(r.share)
        cols["since"].append(r.since)
    return cols


def inspections(items: list[Inspection]) -> Columns:
    cols: Columns = {name: [] for name in TABLES["inspections"].names}
    rows = sorted(items, key=lambda i: (i.line.day, i.line.decl_id, i.line.line_no))
    seen: set[tuple[str, int | None]] = set()
    for ins in rows:
        ln = ins.line
        line_no = None if ins.whole else ln.line_no
        if (ln.decl_id, line_no) in seen:
            continue
        seen.add((ln.decl_id, line_no))
        cols["declaration_id"].append(ln.decl_id)
        cols["line_no"].append(line_no)
        cols["inspected_at"].append(min(ln.day + dt.timedelta(days=ins.day_offset), END))
        cols["method"].append(ins.method)
        cols["result"].append(ins.result)
        cols["found_hs_code"].append(ins.found_hs)
        cols["found_description"].append(ins.found_description)
        cols["found_quantity_kg"].append(ins.found_kg)
        cols["found_value"].append(ins.found_value)
    return cols


def truth(lines: list[Line]) -> tuple[Columns, Columns]:
    fraud = sorted((ln for ln in lines if ln.scheme), key=lambda x: (x.decl_id, x.line_no))
    short: Columns = {"declaration_id": [], "line_no": [], "scheme": []}
    detail: Columns = {
        k: []
        for k in (
            "declaration_id",
            "line_no",
            "scheme",
            "variant",
            "family",
            "exporter_id",
            "true_hs_code",
        )
    }
    for ln in fraud:
        short["declaration_id"].append(ln.decl_id)
        short["line_no"].append(ln.line_no)
        short["scheme"].append(ln.scheme)
        detail["declaration_id"].append(ln.decl_id)
        detail["line_no"].append(ln.line_no)
        detail["scheme"].append(ln.scheme)
        detail["variant"].append(ln.variant)
        detail["family"].append(FAMILY[ln.scheme])
        detail["exporter_id"].append(ln.exporter_id)
        detail["true_hs_code"].append(BY_KEY[ln.true_good].hs)
    return short, detail
