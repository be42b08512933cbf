"""Ports, modes and transport documents: where goods leave and what paper they carry.

Each port has a customs office code (the first four digits of its declaration numbers)
and the modes it handles. Sea shipments carry containers and a bill of lading, air an
air waybill, express and post a parcel number; consolidators share containers across
the declarations of one sailing, as real LCL cargo does.
"""

from __future__ import annotations

import random

from eighteenthworld.ids import Ids

#: LOCODE -> (customs office code, modes)
PORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "CNSHA": ("2201", ("sea",)),
    "CNPVG": ("2233", ("air", "express", "post")),
    "CNNGB": ("3104", ("sea", "rail")),
    "CNYIW": ("2932", ("sea", "rail")),
    "CNSZX": ("5316", ("sea", "road", "express", "air")),
    "CNCAN": ("5141", ("sea", "air", "express", "post")),
    "CNTAO": ("4227", ("sea",)),
    "CNTSN": ("0202", ("sea", "rail")),
    "CNXMN": ("3701", ("sea", "air", "express")),
    "CNDLC": ("0908", ("sea",)),
    "CNURC": ("7901", ("rail", "road", "air")),
    "CNKMG": ("8601", ("road", "rail", "air")),
    "CNHGH": ("2901", ("air", "express", "post")),
    "CNNNG": ("7201", ("road", "sea")),
}
SEA_CARRIERS = ("COSU", "MEDU", "MAEU", "EGLV", "OOLU", "CMDU", "ONEY", "HLCU", "SITC")
CONTAINER_OWNERS = ("CSQ", "TGH", "MSK", "EGH", "OOL", "CMA", "TCL", "FCI", "SEG", "BMO")
AIR_PREFIXES = ("999", "784", "781", "880", "160", "618", "235", "020")
EXPRESS_PREFIXES = ("SF", "JD", "YT", "DHL", "FDX", "UPS")
POST_PREFIXES = ("EA", "LP", "RB")


def ports_for(mode: str) -> list[str]:
    return [p for p, (_, modes) in PORTS.items() if mode in modes]


def transport_doc(rng: random.Random, ids: Ids, mode: str) -> str:
    if mode == "sea":
        return ids.bill(rng.choice(SEA_CARRIERS))
    if mode == "air":
        return ids.awb(rng.choice(AIR_PREFIXES))
    if mode == "express":
        prefix = rng.choice(EXPRESS_PREFIXES)
        return ids.parcel(prefix)
    if mode == "post":
        return ids.parcel(rng.choice(POST_PREFIXES))
    if mode == "rail":
        return ids.bill("CRX")
    return ids.bill("TRK")


def containers(rng: random.Random, ids: Ids, mode: str, net_kg: float) -> list[str]:
    """Own containers for a full-container load: about 20 t a box."""
    if mode not in ("sea", "rail"):
        return []
    count = max(1, min(6, int(net_kg // 20_000) + 1))
    owner = rng.choice(CONTAINER_OWNERS)
    return [ids.container(owner) for _ in range(count)]
