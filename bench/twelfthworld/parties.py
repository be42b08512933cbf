"""Who trades: domestic exporters, customs brokers, overseas consignees, people, the
watchlist. Vectorised over numpy arrays of name parts; one polars frame per population.

Declarations and the party register spell the same company differently (characters in
one, pinyin English in the other, a clerk's abbreviation elsewhere), as real registers do.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import polars as pl

from twelfthworld import vocab

_ALNUM = np.array(list("0123456789ABCDEFGHJKLMNPQRTUWXY"))


def _pick(rng: np.random.Generator, items: Sequence[tuple[str, ...]], n: int) -> np.ndarray:
    return rng.integers(0, len(items), n)


def _col(items: Sequence[tuple[str, ...]], which: int) -> np.ndarray:
    return np.array([t[which] for t in items], dtype=object)


_WEIGHTS = np.array([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])


def credit_codes(rng: np.random.Generator, region: np.ndarray) -> np.ndarray:
    """Unified social credit codes (GB 32100-2015): 91 + division code + 9 organisation
    characters + the mod-31 check character."""
    n = region.size
    digits = np.array([[int(c) for c in str(r)] for r in region]) if n else np.zeros((0, 6), int)
    index = np.hstack([np.tile([9, 1], (n, 1)), digits, rng.integers(0, len(_ALNUM), (n, 9))])
    check = (31 - (index * _WEIGHTS).sum(axis=1) % 31) % 31
    chars = _ALNUM[np.hstack([index, check[:, None]])]
    return np.array(["".join(row) for row in chars], dtype=object)


def phones(rng: np.random.Generator, n: int) -> np.ndarray:
    """Mainland mobile and landline numbers in a few written forms."""
    mobile = rng.integers(13000000000, 19999999999, n).astype(str)
    style = rng.integers(0, 3, n)
    out = np.where(style == 0, mobile, np.char.add("+86 ", mobile))
    return np.where(style == 2, np.char.add("0086-", mobile), out).astype(object)


def domestic_companies(
    rng: np.random.Generator, n: int, trade: np.ndarray | None = None
) -> pl.DataFrame:
    """Companies with a characters name, a pinyin English name, a clerk's short form,
    an id, a phone and an address (city drawn so a few share a street)."""
    city = _pick(rng, vocab.CITIES, n)
    brand = _pick(rng, vocab.BRANDS, n)
    brand2 = _pick(rng, vocab.BRANDS, n)
    trade = _pick(rng, vocab.TRADES, n) if trade is None else trade
    zh_city, py_city = _col(vocab.CITIES, 0)[city], _col(vocab.CITIES, 1)[city]
    zh_brand = _col(vocab.BRANDS, 0)[brand] + np.where(
        brand2 % 3 == 0, _col(vocab.BRANDS, 0)[brand2], ""
    )
    py_brand = _col(vocab.BRANDS, 1)[brand] + np.where(
        brand2 % 3 == 0, _col(vocab.BRANDS, 1)[brand2].astype(str), ""
    )
    zh = zh_city + zh_brand + _col(vocab.TRADES, 0)[trade] + "有限公司"
    en = py_city + " " + py_brand + " " + _col(vocab.TRADES, 1)[trade] + " Co., Ltd."
    short = np.char.upper(
        (py_city + " " + py_brand + " " + _col(vocab.TRADES, 2)[trade] + " CO LTD").astype(str)
    )
    region = rng.choice(
        np.array([330200, 310000, 440300, 440100, 350200, 370200, 360700, 150200, 430200, 530100]),
        n,
    )
    street = _pick(rng, vocab.STREETS, n)
    number = rng.integers(1, 999, n).astype(str)
    address = zh_city + _col(vocab.STREETS, 0)[street] + number + "号"
    return pl.DataFrame(
        {
            "name_zh": zh.astype(str),
            "name_en": en.astype(str),
            "name_short": short.astype(str),
            "company_id": credit_codes(rng, region).astype(str),
            "phone": phones(rng, n).astype(str),
            "address": address.astype(str),
            "region": region.astype(str),
        }
    )


def people(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """Legal representatives and directors: characters name and pinyin."""
    s, g = _pick(rng, vocab.SURNAMES, n), _pick(rng, vocab.GIVEN, n)
    return pl.DataFrame(
        {
            "name_zh": (_col(vocab.SURNAMES, 0)[s] + _col(vocab.GIVEN, 0)[g]).astype(str),
            "name_en": (_col(vocab.SURNAMES, 1)[s] + " " + _col(vocab.GIVEN, 1)[g]).astype(str),
        }
    )


def foreign_companies(
    rng: np.random.Generator, country: np.ndarray, defence: bool = False
) -> pl.DataFrame:
    """Overseas companies named in their country's style, with an address and phone."""
    n = country.size
    stems = np.array(vocab.FOREIGN_STEMS, dtype=object)
    words = np.array(vocab.DEFENCE_WORDS if defence else vocab.FOREIGN_WORDS, dtype=object)
    stem = stems[rng.integers(0, stems.size, n)]
    second = stems[rng.integers(0, stems.size, n)]
    joined = np.where(rng.random(n) < 0.3, stem + "-" + second, stem)
    suffix = np.array([vocab.SUFFIX[c] for c in country], dtype=object)
    city = np.array([vocab.CITY_OF[c] for c in country], dtype=object)
    name = joined + " " + words[rng.integers(0, words.size, n)] + " " + suffix
    unit = rng.integers(1, 400, n).astype(str)
    road = np.array(
        ["Industrial Rd", "Harbour St", "Free Zone Blk", "Tech Park", "Logistics Ave"], dtype=object
    )
    address = "Unit " + unit + ", " + road[rng.integers(0, 5, n)] + ", " + city
    phone = (
        "+"
        + rng.integers(10, 99, n).astype(str)
        + " "
        + rng.integers(10000000, 99999999, n).astype(str)
    )
    return pl.DataFrame(
        {
            "name": name.astype(str),
            "country": country.astype(str),
            "address": address.astype(str),
            "phone": phone.astype(str),
            "registration_id": np.char.add(
                country.astype(str), rng.integers(1000000, 9999999, n).astype(str)
            ),
        }
    )


def alias(names: pl.Series) -> pl.Series:
    """Another spelling of foreign names as a second register writes them: upper case,
    no punctuation, legal form abbreviated."""
    return (
        names.str.to_uppercase()
        .str.replace_all(r"[.,()]", "")
        .str.replace_all("COMPANY LIMITED", "CO LTD")
        .str.replace_all("LIMITED", "LTD")
        .str.replace_all("-", " ")
    )
