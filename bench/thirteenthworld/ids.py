"""Identifier shapes with their check characters, written here from the published rules.

Registration ids (GB 32100 credit codes, GB 11643 resident numbers) and ISO 6346
container numbers carry check characters; a generator that gets them wrong would make
every honest exporter look forged, so they are computed, never faked.
"""

from __future__ import annotations

import numpy as np

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_W = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_RES_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def uscc(rng: np.random.Generator, region: str, kind: str = "91") -> str:
    """A unified social credit code for a company registered in a division ``region``."""
    body = "".join(rng.choice(list(USCC_ALPHABET), 9))
    first = kind + region + body
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first, _USCC_W, strict=True))
    return first + USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id(rng: np.random.Generator, region: str) -> str:
    """A resident identity number (border residents trading under their own name)."""
    year = int(rng.integers(1960, 2000))
    month = int(rng.integers(1, 13))
    day = int(rng.integers(1, 29))
    first = f"{region}{year:04d}{month:02d}{day:02d}{int(rng.integers(0, 1000)):03d}"
    total = sum(int(c) * w for c, w in zip(first, _RES_W, strict=True))
    return first + "10X98765432"[total % 11]


def _letter_values() -> dict[str, int]:
    values, v = {}, 10
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[ch] = v
        v += 1
    return values


_LETTERS = _letter_values()


def container(owner: str, serial: int) -> str:
    """ISO 6346 number: owner code + U + six digits + check digit."""
    head = f"{owner}U{serial:06d}"
    total = sum((_LETTERS[c] if c.isalpha() else int(c)) * (2**i) for i, c in enumerate(head))
    return head + str(total % 11 % 10)


CARRIER_OWNERS = ("COS", "MSK", "CMA", "OOL", "EMC", "HLX", "ONE", "TGH", "TCL", "SEG", "CAI")


def container_pool(rng: np.random.Generator, n: int) -> np.ndarray:
    """``n`` distinct-looking container numbers of the big carriers and lessors."""
    owners = rng.choice(CARRIER_OWNERS, n)
    serials = rng.integers(0, 1_000_000, n)
    return np.array([container(o, int(s)) for o, s in zip(owners, serials, strict=True)])
