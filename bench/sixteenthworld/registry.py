"""Identifiers as the real registers write them, with their check characters.

A synthetic world whose ids fail their own checksums teaches nothing about the typos a
real register holds, and would not even load (the contract checks credit codes). So
every id here is built the way its issuer builds it: unified social credit codes
(GB 32100), resident identity numbers (GB 11643), ISO 6346 container numbers, IATA air
waybills (mod 7) and UPU S10 parcel numbers. Only scalar functions on seeded random
sources live here; who gets which id is decided by the callers.
"""

from __future__ import annotations

import datetime as dt
import random
import string

from orewatch.contract import ids

_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(rnd: random.Random, division: str, kind: str = "91") -> str:
    """A unified social credit code registered in ``division`` (6 digits)."""
    body = "".join(rnd.choice(_ORG_ALPHABET) for _ in range(8))
    first17 = f"{kind}{division}{rnd.choice('0123456789MA')}{body}"[:17]
    return first17 + ids.uscc_check_char(first17)


def resident_id(rnd: random.Random, division: str, born: dt.date) -> str:
    """A resident identity number: sole traders export under the owner's number."""
    first17 = f"{division}{born:%Y%m%d}{rnd.randrange(1000):03d}"
    return first17 + ids.resident_check_char(first17)


def foreign_company_no(rnd: random.Random, country: str) -> str:
    """A foreign registry number in the loose shape each registry uses (never USCC-shaped)."""
    shapes = {
        "JP": lambda: f"{rnd.randrange(10**12, 10**13)}",
        "KR": lambda: (
            f"{rnd.randrange(100, 999)}-{rnd.randrange(10, 99)}-{rnd.randrange(10**4, 10**5)}"
        ),
        "DE": lambda: f"HRB {rnd.randrange(1000, 250000)}",
        "NL": lambda: f"KvK {rnd.randrange(10**7, 10**8)}",
        "GB": lambda: f"{rnd.randrange(10**6, 10**8):08d}",
        "US": lambda: f"{rnd.choice(['DE', 'NY', 'CA', 'TX', 'NJ'])}-{rnd.randrange(10**6, 10**7)}",
        "SG": lambda: (
            f"{rnd.randrange(2000, 2026)}{rnd.randrange(10**4, 10**5)}{rnd.choice('KMNRZ')}"
        ),
        "HK": lambda: f"CR{rnd.randrange(10**6, 10**7)}",
        "IN": lambda: (
            f"U{rnd.randrange(10**4, 10**5)}MH{rnd.randrange(2000, 2026)}"
            f"PTC{rnd.randrange(10**5, 10**6)}"
        ),
    }
    make = shapes.get(country)
    if make is not None:
        return make()
    return f"{country}-{rnd.randrange(10**5, 10**9)}"


def container_no(rnd: random.Random, owner: str) -> str:
    """ISO 6346 container number: owner code and category (``MSKU``), 6 digits, check digit."""
    serial = f"{rnd.randrange(10**6):06d}"
    body = owner + serial
    return body + str(_iso6346_check(body))


def _letter_values() -> dict[str, int]:
    values: dict[str, int] = {}
    n = 10
    for ch in string.ascii_uppercase:
        if n % 11 == 0:
            n += 1
        values[ch] = n
        n += 1
    return values


_LETTERS = _letter_values()


def _iso6346_check(body: str) -> int:
    values = [int(ch) if ch.isdigit() else _LETTERS[ch] for ch in body]
    total: int = sum(v * (1 << i) for i, v in enumerate(values))
    return total % 11 % 10


def bill_of_lading(rnd: random.Random, carrier: str) -> str:
    return f"{carrier}{rnd.randrange(10**9, 10**10)}"


def air_waybill(rnd: random.Random, prefix: str) -> str:
    """IATA air waybill: airline prefix, 7-digit serial, mod-7 check digit."""
    serial = rnd.randrange(10**6, 10**7)
    return f"{prefix}-{serial}{serial % 7}"


_S10_WEIGHTS = (8, 6, 4, 2, 3, 5, 9, 7)


def parcel_no(rnd: random.Random, service: str = "E") -> str:
    """UPU S10 item number such as EA123456785CN."""
    digits = f"{rnd.randrange(10**8):08d}"
    total = sum(int(d) * w for d, w in zip(digits, _S10_WEIGHTS, strict=True))
    check = 11 - total % 11
    check = 0 if check == 10 else 5 if check == 11 else check
    return f"{service}{rnd.choice('ABCDEFGHJKLMNPRSTUVWXZ')}{digits}{check}CN"


def express_no(rnd: random.Random, courier: str) -> str:
    if courier == "SF":
        return f"SF{rnd.randrange(10**12, 10**13)}"
    if courier == "DHL":
        return f"{rnd.randrange(10**9, 10**10)}"
    if courier == "FEDEX":
        return f"{rnd.randrange(10**11, 10**12)}"
    return f"{courier}{rnd.randrange(10**10, 10**11)}"
