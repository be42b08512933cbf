"""Identifier makers for the synthetic world: credit codes, containers, waybills.

Owns the check-digit arithmetic the simulator needs to produce *valid* identifiers.
``uscc_check_char`` is a private equivalent of ``orewatch.contract.ids.uscc_check_char``
(GB 32100-2015), kept here so the simulator does not depend on the checker it is
meant to exercise. Vectorised variants work on numpy arrays of characters/digits.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# organisation-code bodies are mostly digits; letters only from the credit-code alphabet
_ORG_BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_ORG_BODY_P = np.array([0.095] * 10 + [0.05 / 21] * 21)


def uscc_check_char(first17: str) -> str:
    """Check character of a unified social credit code (GB 32100-2015)."""
    if len(first17) != 17:
        raise ValueError(f"need 17 characters, got {len(first17)}")
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    """Check character of a 9-character organisation code (GB 11714-1997)."""
    total = sum(_ORG_ALPHABET.index(ch) * w for ch, w in zip(first8, _ORG_WEIGHTS, strict=True))
    c = 11 - total % 11
    return "X" if c == 10 else ("0" if c == 11 else str(c))


def make_uscc(rng: np.random.Generator, division: str, kind: str = "91") -> str:
    """A valid credit code: authority+type (``91`` enterprise, ``92`` individual business),
    the 6-digit division code, an organisation code with its own check, the check char."""
    chars = rng.choice(list(_ORG_BODY), 8, p=_ORG_BODY_P)
    body = "".join(str(c) for c in chars)
    org = body + org_code_check_char(body)
    first17 = kind + division + org
    return first17 + uscc_check_char(first17)


def is_valid_uscc(code: str) -> bool:
    """True when ``code`` is 18 characters of the alphabet with a correct check char."""
    if len(code) != 18 or any(ch not in USCC_ALPHABET for ch in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


# --- ISO 6346 containers ----------------------------------------------------------------

_ISO6346_LETTERS = {
    ch: v
    for ch, v in zip(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        [v for v in range(10, 39) if v % 11 != 0],
        strict=True,
    )
}


def iso6346_check_digit(first10: str) -> int:
    """Check digit of an ISO 6346 container number (owner code + U + 6 digits)."""
    total = 0
    for i, ch in enumerate(first10):
        v = _ISO6346_LETTERS[ch] if ch.isalpha() else int(ch)
        total += v * (2**i)
    return total % 11 % 10


def container_numbers(
    owners: npt.NDArray[np.str_], serials: npt.NDArray[np.int64]
) -> npt.NDArray[np.str_]:
    """Vectorised ISO 6346 numbers from 4-letter owner codes and 6-digit serials."""
    letters = np.array([[_ISO6346_LETTERS[c] for c in str(o)] for o in np.unique(owners)])
    uniq = np.unique(owners)
    pos = np.searchsorted(uniq, owners)
    owner_sum = (letters * (2 ** np.arange(4))).sum(axis=1)[pos]
    digits = (serials[:, None] // (10 ** np.arange(5, -1, -1))) % 10
    total = owner_sum + (digits * (2 ** np.arange(4, 10))).sum(axis=1)
    check = total % 11 % 10
    serial_str = np.char.zfill(serials.astype(str), 6)
    return np.char.add(np.char.add(owners.astype(str), serial_str), check.astype(str))


# --- UPU S10 parcel numbers and IATA air waybills -------------------------------------

_S10_WEIGHTS = np.array([8, 6, 4, 2, 3, 5, 9, 7])


def s10_check_digits(serials: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """UPU S10 check digit for 8-digit serial numbers."""
    digits = (serials[:, None] // (10 ** np.arange(7, -1, -1))) % 10
    c = 11 - (digits * _S10_WEIGHTS).sum(axis=1) % 11
    out: npt.NDArray[np.int64] = np.where(c == 10, 0, np.where(c == 11, 5, c)).astype(np.int64)
    return out


def s10_check_digit(serial: int) -> int:
    """Scalar S10 check digit."""
    return int(s10_check_digits(np.array([serial], dtype=np.int64))[0])
