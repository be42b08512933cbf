"""Where goods leave: this world's ports and border crossings by mode and destination,
customs office codes, currencies, container and transport-document numbers."""

from __future__ import annotations

import numpy as np

Rng = np.random.Generator

START = np.datetime64("2024-11-01")
DAYS = 546  # to 2026-04-30

#: land neighbours reached by road and rail through these crossings
CROSSINGS = {
    "KZ": ["CNHRG", "CNAKL"],
    "KG": ["CNTRT", "CNIRK"],
    "UZ": ["CNIRK", "CNHRG"],
    "MN": ["CNERL"],
    "RU": ["CNMZL", "CNSFH", "CNHEH"],
    "VN": ["CNPXG", "CNDXG", "CNHKU"],
    "LA": ["CNMHN"],
    "MM": ["CNRLI"],
}
#: China-Europe rail leaves through the western and northern crossings or inland hubs
RAIL_EU = ["CNAKL", "CNHRG", "CNERL", "CNMZL", "CNXAR", "CNCQR", "CNCDR"]
EUROPE = {"DE", "NL", "PL", "IT", "FR", "GB"}
SEA = ["CNTXG", "CNTAO", "CNNGB", "CNSHA", "CNXMN", "CNNSA", "CNFCG", "CNLYG"]
AIR = ["CNPVG", "CNPEK", "CNCAN", "CNCTU", "CNKMG"]
EXPRESS = ["CNSZX", "CNCAN", "CNHGH", "CNYIW"]
POST = ["CNBJS", "CNGZP"]
PASSENGER = ["CNSZB", "CNZGB", "CNMZL", "CNDXG"]
MODES = ("sea", "rail", "road", "air", "express", "post", "passenger")

#: customs office (4 digits) of each port, the first part of a declaration number
OFFICE = {
    p: f"{5000 + 37 * i:04d}"
    for i, p in enumerate(
        sorted(
            {
                *(p for pool in CROSSINGS.values() for p in pool),
                *RAIL_EU,
                *SEA,
                *AIR,
                *EXPRESS,
                *POST,
                *PASSENGER,
            }
        )
    )
}
FX = {"USD": 1.0, "CNY": 7.15, "EUR": 0.92, "RUB": 92.0, "JPY": 151.0}


def modes(rng: Rng, country: np.ndarray, kind: np.ndarray) -> np.ndarray:
    """Mode by destination (land neighbours by road and rail, Europe partly by rail) and
    exporter kind (border traders by truck, institutes by air and courier)."""
    u = rng.random(country.size)
    land = np.isin(country, list(CROSSINGS))
    eu = np.isin(country, list(EUROPE))
    out = np.where(
        u < 0.82, "sea", np.where(u < 0.93, "air", np.where(u < 0.98, "express", "post"))
    )
    out = np.where(
        land,
        np.where(
            u < 0.45, "road", np.where(u < 0.72, "rail", np.where(u < 0.97, "sea", "passenger"))
        ),
        out,
    )
    out = np.where(eu, np.where(u < 0.27, "rail", np.where(u < 0.95, "sea", "air")), out)
    out = np.where((kind == "border") & land, np.where(u < 0.8, "road", "passenger"), out)
    out = np.where(kind == "lab", np.where(u < 0.45, "air", "express"), out)
    return out


def ports(rng: Rng, mode: np.ndarray, country: np.ndarray) -> np.ndarray:
    """A port for each declaration consistent with its mode and destination."""
    n = mode.size
    out = np.empty(n, dtype=object)
    pick = rng.integers(0, 1_000_000, n)
    for m, pool in (
        ("sea", SEA),
        ("air", AIR),
        ("express", EXPRESS),
        ("post", POST),
        ("passenger", PASSENGER),
    ):
        sel = mode == m
        out[sel] = np.array(pool, dtype=object)[pick[sel] % len(pool)]
    for c, pool in CROSSINGS.items():
        sel = ((mode == "road") | (mode == "rail")) & (country == c)
        out[sel] = np.array(pool, dtype=object)[pick[sel] % len(pool)]
    rest = ((mode == "road") | (mode == "rail")) & (out == None)  # noqa: E711
    out[rest] = np.array(RAIL_EU, dtype=object)[pick[rest] % len(RAIL_EU)]
    return out


def currencies(rng: Rng, country: np.ndarray, mode: np.ndarray) -> np.ndarray:
    """Invoice currency: yuan in border trade, roubles with Russia, euros to Europe, yen
    to Japan."""
    u = rng.random(country.size)
    out = np.full(country.size, "USD", dtype=object)
    out[np.isin(country, ["VN", "MN", "KZ", "LA", "MM", "KG"]) & (u < 0.5)] = "CNY"
    out[(mode == "road") & (u < 0.7)] = "CNY"
    out[(country == "RU") & (u < 0.45)] = "RUB"
    out[(country == "RU") & (u >= 0.45) & (u < 0.8)] = "CNY"
    out[np.isin(country, list(EUROPE - {"GB"})) & (u < 0.4)] = "EUR"
    out[(country == "JP") & (u < 0.25)] = "JPY"
    return out


def day_weights() -> np.ndarray:
    """Seasonality: quiet Sundays, the Spring Festival lull (late Jan to mid Feb), a rush
    before it and a fourth-quarter peak."""
    days = START + np.arange(DAYS)
    dow = (days.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
    w = np.where(dow == 6, 0.35, np.where(dow == 5, 0.7, 1.0))
    doy = (days - days.astype("datetime64[Y]")).astype(int)
    w = w * np.where((doy >= 22) & (doy <= 45), 0.35, 1.0)
    w = w * np.where((doy >= 5) & (doy < 22), 1.25, 1.0)
    w = w * np.where(doy >= 280, 1.2, 1.0)
    return w / w.sum()


def containers(rng: Rng, n: int) -> np.ndarray:
    """ISO 6346 container numbers with right check digits."""
    owners = np.array(["COSU", "TGHU", "CICU", "OOLU", "TEMU", "CXRU", "TKRU", "MSKU"])
    owner = owners[rng.integers(0, owners.size, n)]
    serial = rng.integers(0, 1_000_000, n)
    return np.array([_iso6346(o, int(s)) for o, s in zip(owner, serial, strict=True)], dtype=object)


def _iso6346(owner: str, serial: int) -> str:
    code = f"{owner}{serial:06d}"
    values = []
    for ch in code:
        if ch.isdigit():
            values.append(int(ch))
        else:
            v = 10 + ord(ch) - ord("A")
            values.append(v + (v - 1) // 10)
    check = sum(v * 2**i for i, v in enumerate(values)) % 11 % 10
    return code + str(check)


def transport_docs(rng: Rng, mode: np.ndarray) -> np.ndarray:
    """Bill of lading, rail waybill, CMR, air waybill, courier or postal item number."""
    n = mode.size
    k = rng.integers(10_000_000, 99_999_999, n).astype(str).astype(object)
    out = np.empty(n, dtype=object)
    pre = {
        "sea": "COSU6",
        "rail": "SMGS-",
        "road": "CMR/",
        "air": "781-",
        "express": "SF10",
        "post": "EA",
        "passenger": "PAX",
    }
    for m, p in pre.items():
        sel = mode == m
        out[sel] = p + k[sel]
    post = mode == "post"
    out[post] = out[post] + "CN"
    return out
