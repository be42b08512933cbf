"""Identifiers in the forms Chinese customs and carriers use, with real check characters.

Credit codes (GB 32100) for companies, 10-character customs codes for some exporters,
18-digit declaration numbers (customs office + year + export flag + sequence), ISO 6346
container numbers, IATA air waybills and UPU S10 parcel numbers. Check characters are
computed, not faked, so that a checker cannot tell these from real ones by their shape.
"""

from __future__ import annotations

import numpy as np

from orewatch.contract.ids import USCC_ALPHABET, uscc_check_char

#: Administrative division codes (first six digits of a credit code) by city.
DIVISIONS = (
    "360702",
    "430202",
    "431002",
    "150203",
    "440300",
    "330212",
    "330782",
    "441900",
    "350203",
    "530102",
    "440106",
    "310115",
    "120116",
    "370212",
    "430104",
    "360102",
    "320505",
    "440604",
    "330302",
    "650102",
)


def credit_code(rng: np.random.Generator, kind: str = "company") -> str:
    """A unified social credit code with a correct check character."""
    head = "91" if kind == "company" else "92"
    body = "".join(USCC_ALPHABET[i] for i in rng.integers(0, len(USCC_ALPHABET), 9))
    first17 = head + DIVISIONS[rng.integers(len(DIVISIONS))] + body
    return first17 + uscc_check_char(first17)


def customs_code(rng: np.random.Generator) -> str:
    """A 10-character customs registration code (area, type 3 = foreign-trade operator)."""
    return f"{rng.integers(1100, 6599)}3{rng.integers(0, 99999):05d}"


def _iso6346_check(codes: list[str]) -> list[int]:
    values = {
        ch: v
        for ch, v in zip(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
            [
                10,
                12,
                13,
                14,
                15,
                16,
                17,
                18,
                19,
                20,
                21,
                23,
                24,
                25,
                26,
                27,
                28,
                29,
                30,
                31,
                32,
                34,
                35,
                36,
                37,
                38,
            ],
            strict=True,
        )
    }
    values.update({str(d): d for d in range(10)})
    return [sum(values[c] * 2**i for i, c in enumerate(code)) % 11 % 10 for code in codes]


def containers(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` ISO 6346 container numbers of a few carriers' prefixes."""
    owners = ("CSQU", "OOLU", "CMAU", "TGHU", "MSKU", "EGHU", "TCNU", "BMOU", "SEGU", "FCIU")
    heads = [
        owners[i] + f"{s:06d}"
        for i, s in zip(rng.integers(0, len(owners), n), rng.integers(0, 1_000_000, n), strict=True)
    ]
    return [h + str(c) for h, c in zip(heads, _iso6346_check(heads), strict=True)]


def air_waybills(rng: np.random.Generator, n: int) -> list[str]:
    """IATA air waybill numbers: airline prefix, 7-digit serial and its mod-7 check."""
    prefixes = ("999", "784", "781", "160", "880", "297")
    serial = rng.integers(0, 10_000_000, n)
    return [
        f"{prefixes[p]}-{s:07d}{s % 7}"
        for p, s in zip(rng.integers(0, len(prefixes), n), serial, strict=True)
    ]


def parcel_numbers(rng: np.random.Generator, n: int, service: str) -> list[str]:
    """UPU S10 item numbers (post) or courier waybills (express)."""
    if service == "express":
        heads = ("SF", "JD", "YT", "ZT")
        return [
            f"{heads[h]}{s:013d}"
            for h, s in zip(rng.integers(0, 4, n), rng.integers(0, 10**13, n), strict=True)
        ]
    weights = (8, 6, 4, 2, 3, 5, 9, 7)
    out = []
    for s in rng.integers(0, 10**8, n):
        digits = f"{s:08d}"
        check = 11 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        check = 0 if check == 10 else 5 if check == 11 else check
        out.append(f"{'RLECR'[s % 5]}{'ABCDEFGH'[s % 8]}{digits}{check}CN")
    return out


def declaration_numbers(offices: np.ndarray, years: np.ndarray, seqs: np.ndarray) -> list[str]:
    """18-digit export declaration numbers: office, year, export flag 1, 9-digit sequence."""
    return [f"{o}{y}1{s:09d}" for o, y, s in zip(offices, years, seqs, strict=True)]


def licence_number(year: int, province: str, seq: int) -> str:
    """A dual-use export licence number of this generator's own form."""
    return f"EC{year % 100:02d}{province}{seq:06d}"
