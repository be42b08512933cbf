"""Identifiers shaped like the real ones: unified social credit codes (with their GB
32100 check character), 18-digit customs declaration numbers, ISO 6346 container
numbers (with check digit), bills of lading, air waybills, parcel numbers and licence
numbers. Realistic shapes matter because downstream code joins on them."""

from __future__ import annotations

import random

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


class Ids:
    """Unique identifiers for one world."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()
        self.serial: dict[str, int] = {}

    def _unique(self, make: object) -> str:
        assert callable(make)
        for _ in range(1000):
            value = make()
            if value not in self.used:
                self.used.add(value)
                return str(value)
        raise RuntimeError("identifier space exhausted")

    def uscc(self, region: str, kind: str = "91") -> str:
        """A unified social credit code: kind, division, organisation code, check char."""

        def make() -> str:
            org = "".join(self.rng.choice(_ORG_CHARS[:10]) for _ in range(8))
            org += self.rng.choice(_ORG_CHARS)
            body = f"{kind}{region}{org}"
            total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
            return body + _USCC_CHARS[(31 - total % 31) % 31]

        return self._unique(make)

    def broker_code(self, region: str) -> str:
        """A customs broker's 10-character customs registration code."""
        return self._unique(
            lambda: f"{region[:4]}{self.rng.randrange(0, 10)}8{self.rng.randrange(0, 10**4):04d}"
        )

    def declaration(self, customs_code: str, year: int) -> str:
        """18 digits: customs office, year, export flag, serial."""
        key = f"{customs_code}{year}"
        n = self.serial.get(key, self.rng.randrange(10_000, 90_000)) + self.rng.randrange(1, 40)
        self.serial[key] = n
        return self._unique(lambda: f"{customs_code}{year}0{n:09d}")

    def container(self, owner: str) -> str:
        def make() -> str:
            serial = f"{self.rng.randrange(0, 10**6):06d}"
            return container_no(owner, serial)

        return self._unique(make)

    def bill(self, carrier: str) -> str:
        return self._unique(lambda: f"{carrier}{self.rng.randrange(10**9, 10**10)}")

    def awb(self, prefix: str) -> str:
        def make() -> str:
            serial = self.rng.randrange(10**6, 10**7)
            return f"{prefix}-{serial}{serial % 7}"

        return self._unique(make)

    def parcel(self, prefix: str) -> str:
        if prefix in ("EA", "LP", "RB"):
            return self._unique(lambda: f"{prefix}{self.rng.randrange(10**8, 10**9)}CN")
        return self._unique(lambda: f"{prefix}{self.rng.randrange(10**11, 10**12)}")

    def licence(self, year: int) -> str:
        return self._unique(lambda: f"{year % 100:02d}LY{self.rng.randrange(0, 10**6):06d}")

    def party(self, prefix: str) -> str:
        key = f"party:{prefix}"
        self.serial[key] = self.serial.get(key, 0) + 1
        return f"{prefix}{self.serial[key]:05d}"


def _letter_value(c: str) -> int:
    if c.isdigit():
        return int(c)
    value = 10 + ord(c) - ord("A")
    return value + 1 + (value - 11) // 10 if value >= 11 else value


def container_no(owner: str, serial: str) -> str:
    """ISO 6346: three-letter owner code, category U, six digits, check digit."""
    body = f"{owner}U{serial}"
    total = sum(_letter_value(c) * (2**i) for i, c in enumerate(body))
    return body + str(total % 11 % 10)
