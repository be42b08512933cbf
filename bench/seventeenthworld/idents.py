"""Identifiers shaped like the real ones, with their check characters right.

Exporters and brokers carry unified social credit codes (GB 32100-2015), sole traders
and passengers resident identity numbers (GB 11643), containers ISO 6346 numbers,
postal items UPU S10 numbers and air waybills the IATA mod-7 check. A wrong check
character would make the loader quarantine a line, which is a data-quality trap but not
the one this world is about, so every identifier here is valid.
"""

from __future__ import annotations

import numpy as np

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"
_ORG_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc(rng: np.random.Generator, region: str, sole_trader: bool = False) -> str:
    """A unified social credit code: 9 (market regulator), 1 enterprise / 2 individual
    business, the region's division code, a 9-character organisation code, check."""
    kind = "92" if sole_trader else "91"
    org = "".join(_ORG_ALPHABET[i] for i in rng.integers(0, 31, 9))
    body = kind + region + org
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id(rng: np.random.Generator, region: str) -> str:
    """A resident identity number: region, birth date (1960-2000), sequence, check."""
    year = int(rng.integers(1960, 2001))
    month = int(rng.integers(1, 13))
    dom = int(rng.integers(1, 29))
    seq = int(rng.integers(0, 1000))
    body = f"{region}{year:04d}{month:02d}{dom:02d}{seq:03d}"
    total = sum(int(c) * w for c, w in zip(body, _RESIDENT_WEIGHTS, strict=True))
    return body + _RESIDENT_CHECK[total % 11]


_LETTER_VALUES = {}
_v = 10
for _ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    if _v % 11 == 0:
        _v += 1
    _LETTER_VALUES[_ch] = _v
    _v += 1

OWNER_CODES = ("COS", "MSC", "MAE", "CMA", "EMC", "OOL", "HLX", "ONE", "ZIM", "TGH", "SEG", "TCL")


def containers(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` ISO 6346 container numbers (owner code, U, six digits, check digit)."""
    owner = rng.integers(0, len(OWNER_CODES), n)
    serial = rng.integers(0, 1_000_000, n)
    prefix_sum = np.array(
        [sum(_LETTER_VALUES[c] * 2**i for i, c in enumerate(code + "U")) for code in OWNER_CODES]
    )[owner]
    digits = np.stack([(serial // 10 ** (5 - k)) % 10 for k in range(6)], axis=1)
    weights = 2 ** np.arange(4, 10)
    check = ((prefix_sum + digits @ weights) % 11) % 10
    owners = np.array([c + "U" for c in OWNER_CODES], dtype=object)[owner]
    return np.array(
        [f"{o}{s:06d}{c}" for o, s, c in zip(owners, serial, check, strict=True)], dtype=object
    )


_S10_WEIGHTS = np.array([8, 6, 4, 2, 3, 5, 9, 7])


def s10(rng: np.random.Generator, n: int, service: str = "E") -> np.ndarray:
    """UPU S10 item numbers (EMS ``E?``, registered letters ``R?``) posted in China."""
    serial = rng.integers(0, 100_000_000, n)
    digits = np.stack([(serial // 10 ** (7 - k)) % 10 for k in range(8)], axis=1)
    check = 11 - (digits @ _S10_WEIGHTS) % 11
    check = np.where(check == 10, 0, np.where(check == 11, 5, check))
    second = np.array(list("ABCDEFGHJKLMNPRSTUVWXYZ"), dtype=object)[rng.integers(0, 23, n)]
    return np.array(
        [f"{service}{b}{s:08d}{c}CN" for b, s, c in zip(second, serial, check, strict=True)],
        dtype=object,
    )


def air_waybills(rng: np.random.Generator, n: int) -> np.ndarray:
    """IATA air waybills: airline prefix, seven-digit serial and its mod-7 check digit."""
    prefixes = np.array(["999", "781", "784", "880", "112", "160", "618", "176"], dtype=object)
    pre = prefixes[rng.integers(0, len(prefixes), n)]
    serial = rng.integers(0, 10_000_000, n)
    return np.array([f"{p}-{s:07d}{s % 7}" for p, s in zip(pre, serial, strict=True)], dtype=object)


def bills_of_lading(rng: np.random.Generator, n: int) -> np.ndarray:
    scac = np.array(["COSU", "MEDU", "MAEU", "CMDU", "EGLV", "OOLU", "HLCU", "ONEY"], dtype=object)
    pre = scac[rng.integers(0, len(scac), n)]
    serial = rng.integers(0, 10**10, n)
    return np.array([f"{p}{s:010d}" for p, s in zip(pre, serial, strict=True)], dtype=object)


def express_numbers(rng: np.random.Generator, n: int) -> np.ndarray:
    carriers = np.array(["SF", "JD", "YT", "ZTO", "DHL", "UPS"], dtype=object)
    pre = carriers[rng.integers(0, len(carriers), n)]
    serial = rng.integers(0, 10**12, n)
    return np.array([f"{p}{s:012d}" for p, s in zip(pre, serial, strict=True)], dtype=object)


def land_waybills(rng: np.random.Generator, n: int, kind: str) -> np.ndarray:
    serial = rng.integers(0, 10**8, n)
    return np.array([f"{kind}{s:08d}" for s in serial], dtype=object)
