"""A declaration as the world builds it: a header shared by its lines, then the lines.

Lines are plain dicts holding the contract's columns plus private fields (names
starting with ``_``) that the world needs later: the good really shipped, its true value
in USD, the licence object cited, the scheme and variant of a fraudulent line. The
private fields never reach the CSV files.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from fifteenthworld import names, shipping
from fifteenthworld.goods import Good
from fifteenthworld.parties import Broker, Exporter, Foreign

Line = dict[str, Any]

_DECLARATIONS = [0]


def next_declaration() -> int:
    _DECLARATIONS[0] += 1
    return _DECLARATIONS[0]


def reset() -> None:
    _DECLARATIONS[0] = 0


def header(
    rng: random.Random,
    day: dt.date,
    exporter: Exporter,
    customer: Foreign,
    mode: str,
    port: str,
    *,
    broker: Broker | None = None,
    declarant_id: str | None = None,
    use_broker: bool = True,
    trade_country: str | None = None,
    destination: str | None = None,
    consignee_name: str | None = None,
    consignee_address: str | None = None,
) -> Line:
    """The fields every line of one declaration shares."""
    if use_broker and broker is None and declarant_id is None:
        broker, declarant_id = shipping.declarant(rng, exporter)
    style = broker.time_style if broker else "plain"
    name, address, country = shipping.consignee_fields(customer)
    return {
        "_decl": next_declaration(),
        "_day": day,
        "_exporter": exporter,
        "_customer": customer,
        "_broker": broker,
        "declared_at": shipping.stamp(rng, day, style),
        "port": port,
        "mode": mode,
        "exporter_id": exporter.reg_id,
        "exporter_name": exporter.display_name,
        "declarant_id": declarant_id,
        "consignee_name": consignee_name or name,
        "consignee_address": consignee_address if consignee_address is not None else address,
        "consignee_country": country,
        "destination_country": destination or country,
        "trade_country": trade_country or country,
        "transport_doc": names.transport_doc(rng, mode),
    }


def goods_line(
    rng: random.Random,
    head: Line,
    good: Good,
    net_kg: float,
    usd: float,
    *,
    description: str,
    specification: str | None,
    hs: str | None = None,
    gross_kg: float | None = None,
    origin: str | None = None,
    end_user: str | None = None,
    end_use: str | None = None,
    currency: str | None = None,
    bulk_in_tonnes: bool = False,
    declared_good: Good | None = None,
) -> Line:
    """One goods line under ``head``: ``good`` is what is really shipped, ``declared_good``
    what the line claims (its unit rules the quantity), ``usd`` the declared value."""
    shown = declared_good or good
    quantity, unit, net = shipping.quantity_fields(shown, net_kg, bulk_in_tonnes)
    if gross_kg is None:
        gross_kg = net * rng.uniform(*shown.pack)
    currency = currency or shipping.pick_currency(rng, head["consignee_country"])
    line = dict(head)
    line.update(
        {
            "_good": good,
            "_declared_good": shown,
            "_usd": usd,
            "_true_usd": usd,
            "_true_kg": net,
            "_licence": None,
            "_scheme": None,
            "_variant": None,
            "hs_code": hs or shown.hs,
            "description": description,
            "specification": specification,
            "quantity": quantity,
            "unit": unit,
            "net_weight_kg": net,
            "gross_weight_kg": round(gross_kg, 2),
            "value": shipping.money(usd, currency, head["_day"]),
            "currency": currency,
            "license_no": None,
            "container_ids": None,
            "origin_region": origin,
            "end_user_name": end_user,
            "end_use": end_use,
        }
    )
    return line


def finish(rng: random.Random, lines: list[Line]) -> list[Line]:
    """Number the lines and give them the declaration's containers."""
    if not lines:
        return lines
    gross = sum(line["gross_weight_kg"] or line["net_weight_kg"] for line in lines)
    boxes = shipping.containers(rng, lines[0]["mode"], gross)
    for i, line in enumerate(lines, start=1):
        line["line_no"] = i
        line["container_ids"] = boxes
    return lines
