"""Where and when: the history's calendar, the ports and their habits, the countries.

Conventions of this world (they are choices, the contract leaves them free):
- the history runs 2023-06-01 .. 2026-09-30, with Chinese New Year troughs, a December
  rush and weekends light;
- twelve exit offices, each with its own inspection appetite, favourite method and its
  own way of writing the lodging time (full timestamp, date only, or with +08:00);
- land-border offices only serve their neighbours; express hubs only air parcels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

START = dt.date(2023, 6, 1)
END = dt.date(2026, 9, 30)
DAYS = (END - START).days + 1

#: Lunar new year days inside the history (volume trough around them).
NEW_YEARS = (dt.date(2024, 2, 10), dt.date(2025, 1, 29), dt.date(2026, 2, 17))


def day_of(iso: str) -> int:
    """Day index of an ISO date inside the history (may be negative / beyond)."""
    return (dt.date.fromisoformat(iso) - START).days


def iso_days(days: np.ndarray) -> np.ndarray:
    """ISO date strings of day indexes."""
    base = np.datetime64(START.isoformat(), "D")
    return np.datetime_as_string(base + days.astype("timedelta64[D]"), unit="D")


def daily_weights() -> np.ndarray:
    """Relative lodging volume per day: growth, season, new year, weekends."""
    days = np.arange(DAYS)
    dates = np.datetime64(START.isoformat(), "D") + days.astype("timedelta64[D]")
    weekday = (dates.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
    month = dates.astype("datetime64[M]").astype(int) % 12 + 1
    w = 1.0 + 0.08 * days / 365.0
    w *= 1.0 + 0.12 * np.sin(2 * np.pi * (month - 4) / 12.0)
    w *= np.where(month == 12, 1.15, 1.0)
    for ny in NEW_YEARS:
        gap = np.abs(days - (ny - START).days)
        w *= np.where(gap < 12, 0.35 + 0.05 * gap, 1.0)
    w *= np.where(weekday == 6, 0.25, np.where(weekday == 5, 0.55, 1.0))
    return w / w.sum()


@dataclass(frozen=True)
class Port:
    """An exit office: code, customs district, modes served and habits."""

    code: str
    district: str
    modes: tuple[str, ...]
    inspect: float  # relative appetite for inspection
    method: tuple[float, float, float, float]  # document, scan, physical, lab
    stamp: str  # "full", "date", "zone"
    neighbours: tuple[str, ...] = ()


PORTS: tuple[Port, ...] = (
    Port("CNSHA", "2201", ("sea",), 1.0, (0.35, 0.25, 0.2, 0.2), "full"),
    Port("CNNGB", "3101", ("sea",), 0.45, (0.6, 0.3, 0.08, 0.02), "full"),
    Port("CNTAO", "4201", ("sea",), 0.7, (0.4, 0.35, 0.2, 0.05), "zone"),
    Port("CNTSN", "0201", ("sea",), 0.8, (0.4, 0.3, 0.2, 0.1), "full"),
    Port("CNXMN", "3701", ("sea",), 0.9, (0.3, 0.3, 0.3, 0.1), "date"),
    Port("CNSZX", "5301", ("sea", "air", "express", "road"), 1.6, (0.25, 0.35, 0.3, 0.1), "full"),
    Port("CNCAN", "5101", ("sea", "air", "express", "post"), 1.1, (0.4, 0.3, 0.2, 0.1), "zone"),
    Port("CNPVG", "2233", ("air", "express", "post"), 1.3, (0.3, 0.3, 0.2, 0.2), "full"),
    Port("CNPEK", "0101", ("air", "express", "post"), 0.9, (0.5, 0.3, 0.15, 0.05), "full"),
    Port("CNPXG", "7203", ("road",), 2.4, (0.15, 0.25, 0.55, 0.05), "date", ("VN", "LA")),
    Port("CNRLI", "8602", ("road",), 2.0, (0.2, 0.2, 0.55, 0.05), "date", ("MM",)),
    Port("CNKHG", "9403", ("road", "rail"), 0.55, (0.6, 0.3, 0.1, 0.0), "zone", ("KZ", "KG")),
    Port("CNMZL", "0603", ("road", "rail"), 0.6, (0.5, 0.35, 0.15, 0.0), "full", ("RU", "MN")),
    Port("CNCTU", "7901", ("rail",), 0.5, (0.6, 0.3, 0.1, 0.0), "full"),
)
PORT_CODES = np.array([p.code for p in PORTS])
PORT_INSPECT = np.array([p.inspect for p in PORTS])
SEA_PORTS = np.array([i for i, p in enumerate(PORTS) if "sea" in p.modes])
AIR_PORTS = np.array([i for i, p in enumerate(PORTS) if "air" in p.modes])
PARCEL_PORTS = np.array([i for i, p in enumerate(PORTS) if "express" in p.modes])
POST_PORTS = np.array([i for i, p in enumerate(PORTS) if "post" in p.modes])
RAIL_PORTS = np.array([i for i, p in enumerate(PORTS) if "rail" in p.modes])


def border_port(country: str) -> int:
    """The land-border office a neighbour is reached through (-1 if none)."""
    for i, p in enumerate(PORTS):
        if country in p.neighbours:
            return i
    return 5 if country == "HK" else -1


#: Consignee countries and their weights in ordinary trade.
COUNTRIES: dict[str, float] = {
    "JP": 12,
    "KR": 11,
    "US": 9,
    "DE": 6,
    "NL": 5,
    "BE": 2,
    "TW": 5,
    "HK": 6,
    "SG": 4,
    "IN": 6,
    "VN": 7,
    "TH": 4,
    "MY": 4,
    "ID": 3,
    "PH": 1,
    "AE": 3,
    "TR": 2,
    "RU": 4,
    "KZ": 2,
    "MN": 1,
    "MM": 1.2,
    "MX": 2,
    "BR": 1,
    "GB": 2,
    "FR": 1,
    "IT": 1,
    "PL": 1,
    "CA": 1,
    "AU": 1,
    "SA": 1,
    "IL": 0.5,
    "CH": 0.5,
    "RS": 0.5,
    "LA": 0.6,
    "KG": 0.6,
}
#: Countries whose imports of controlled goods swelled after the controls.
RELAY_HUBS = ("VN", "TH", "MY", "AE", "TR", "KZ", "MX", "IN", "RS", "KG")
#: Countries whose end users the relays really serve.
FINAL_USERS = ("US", "US", "US", "TW", "JP", "DE", "IL", "GB")
LAND = ("VN", "LA", "MM", "KZ", "KG", "RU", "MN")
RAIL_EUROPE = ("DE", "PL", "NL")

#: Domestic division codes (credit codes and origin_region use them) with a name.
REGIONS: dict[str, str] = {
    "431381": "湖南冷水江",
    "430100": "湖南长沙",
    "360700": "江西赣州",
    "150200": "内蒙古包头",
    "530900": "云南临沧",
    "530100": "云南昆明",
    "520100": "贵州贵阳",
    "450100": "广西南宁",
    "451400": "广西崇左",
    "440300": "广东深圳",
    "441900": "广东东莞",
    "310115": "上海浦东",
    "330200": "浙江宁波",
    "350200": "福建厦门",
    "370200": "山东青岛",
    "120116": "天津滨海",
    "230700": "黑龙江伊春",
    "410300": "河南洛阳",
    "610500": "陕西渭南",
    "650000": "新疆",
    "130200": "河北唐山",
    "320500": "江苏苏州",
    "621000": "甘肃庆阳",
    "140100": "山西太原",
}
HOME_PORT: dict[str, str] = {
    "431381": "CNSZX",
    "430100": "CNSHA",
    "360700": "CNXMN",
    "150200": "CNTSN",
    "530900": "CNSZX",
    "530100": "CNSZX",
    "520100": "CNCAN",
    "450100": "CNCAN",
    "451400": "CNCAN",
    "440300": "CNSZX",
    "441900": "CNSZX",
    "310115": "CNSHA",
    "330200": "CNNGB",
    "350200": "CNXMN",
    "370200": "CNTAO",
    "120116": "CNTSN",
    "230700": "CNTSN",
    "410300": "CNTAO",
    "610500": "CNTAO",
    "650000": "CNTSN",
    "130200": "CNTSN",
    "320500": "CNSHA",
    "621000": "CNTSN",
    "140100": "CNTSN",
}
