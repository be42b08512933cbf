"""Transport documents and containers for a declaration, as carriers issue them.

Sea and rail cargo travels in ISO 6346 containers whose owner prefix belongs to the
carrier (or, for shipper-owned boxes, to the shipper); the bill of lading carries the
carrier's prefix. Air cargo has an IATA air waybill, express a courier number, post a
UPU S10 item number; road and passenger declarations often have neither.
"""

from __future__ import annotations

import math
import random

from sixteenthworld import registry

CARRIERS: dict[str, tuple[str, ...]] = {
    "COSU": ("CSNU", "CBHU", "FCIU", "TGHU"),
    "MEDU": ("MSCU", "MEDU", "TGBU"),
    "MAEU": ("MSKU", "MRKU", "TCLU"),
    "ONEY": ("ONEU", "TCNU", "NYKU"),
    "EGLV": ("EGHU", "EISU", "EMCU"),
    "CMDU": ("CMAU", "TRHU", "ECMU"),
    "HLCU": ("HLXU", "HLBU", "UACU"),
    "OOLU": ("OOLU", "OOCU"),
    "SITU": ("SITU", "TEMU"),
}
CARRIER_NAMES = tuple(sorted(CARRIERS))
AIRLINES = ("999", "781", "784", "160", "180", "618", "176", "235", "297", "880")
COURIERS = ("SF", "DHL", "FEDEX", "UPS")
RAIL_OPERATORS = ("CRIU", "CRSU", "TKRU")


def documents(
    rnd: random.Random,
    mode: str,
    gross_kg: float,
    soc_owner: str | None = None,
) -> tuple[str | None, str | None]:
    """(container ids joined by ';', transport document) for one declaration."""
    if mode == "sea":
        carrier = rnd.choice(CARRIER_NAMES)
        n = max(1, math.ceil(gross_kg / rnd.uniform(18000, 26000)))
        owners = (soc_owner,) if soc_owner else CARRIERS[carrier]
        boxes = [registry.container_no(rnd, rnd.choice(owners)) for _ in range(min(n, 12))]
        return ";".join(boxes), registry.bill_of_lading(rnd, carrier)
    if mode == "rail":
        n = max(1, math.ceil(gross_kg / 22000))
        owners = (soc_owner,) if soc_owner else RAIL_OPERATORS
        boxes = [registry.container_no(rnd, rnd.choice(owners)) for _ in range(min(n, 8))]
        return ";".join(boxes), f"SMGS{rnd.randrange(10**7, 10**8)}"
    if mode == "air":
        return None, registry.air_waybill(rnd, rnd.choice(AIRLINES))
    if mode == "express":
        return None, registry.express_no(rnd, rnd.choice(COURIERS))
    if mode == "post":
        return None, registry.parcel_no(rnd, rnd.choice("ELRC"))
    if mode == "road":
        if gross_kg > 3000 and rnd.random() < 0.5:
            return registry.container_no(
                rnd, rnd.choice(RAIL_OPERATORS)
            ), f"CMR{rnd.randrange(10**6, 10**7)}"
        return None, f"CMR{rnd.randrange(10**6, 10**7)}"
    return None, None
