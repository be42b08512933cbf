"""Export licences for the honest controlled trade, and the end users they name.

A mineral trader applies for one licence per customer, product and half year, for a
little more than it expects to ship; it cites the licence on every line drawn on it.
Licences run a year (some six months). A few are issued and never used, a few are
revoked. Licence numbers have this world's own form ``DUyy-OOOO-nnnnn`` (year,
issuing office, sequence).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from .actors import Actors
from .names import respell
from .shipments import USES, Catalogue

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

LICENCE_COLUMNS = (
    "license_no",
    "issued_at",
    "valid_until",
    "exporter_id",
    "control_id",
    "hs_code",
    "quantity_kg",
    "consignee_name",
    "consignee_country",
    "end_user_name",
    "end_use",
    "status",
    "_exp",
    "_prod",
    "_con",
    "_drawn_kg",
    "_last_day",
)


def licence_numbers(
    rng: np.random.Generator, issued: np.ndarray, region: np.ndarray, start: int
) -> np.ndarray:
    """``DUyy-OOOO-nnnnn`` numbers, sequence from ``start``."""
    yy = issued.astype("datetime64[Y]").astype(int) + 1970 - 2000
    seq = start + np.arange(issued.size)
    return np.array(
        [f"DU{y:02d}-{r[:4]}-{s:05d}" for y, r, s in zip(yy, region, seq, strict=True)],
        dtype=object,
    )


def end_uses(cat: Catalogue, prod: np.ndarray, english: np.ndarray) -> np.ndarray:
    """Declared end use of controlled products, in the exporter's language."""
    zh = np.array([USES[e][0] if e else None for e in cat.element[prod]], dtype=object)
    en = np.array([USES[e][1] if e else None for e in cat.element[prod]], dtype=object)
    return np.where(english, en, zh)


def issue(
    rng: np.random.Generator,
    cat: Catalogue,
    actors: Actors,
    lines: dict[str, np.ndarray],
) -> pl.DataFrame:
    """Licences for the licensable controlled lines; cites them on those lines (in place)."""
    prod, day = lines["_prod"], lines["_day"]
    ctrl = prod >= cat.n_ordinary
    english = actors.exp_english[lines["_exp"]]
    lines["end_use"] = np.where(ctrl, end_uses(cat, prod, english), NULL)
    needs = np.flatnonzero(ctrl & (day >= cat.licensable[prod]))
    half = (day[needs].astype("datetime64[M]").astype(int)) // 6
    key = np.stack([lines["_exp"][needs], prod[needs], lines["_con"][needs], half], axis=1)
    groups, inverse = np.unique(key, axis=0, return_inverse=True)
    inverse = inverse.ravel()
    g = groups.shape[0]
    first = np.full(g, np.datetime64("2100-01-01"))
    np.minimum.at(first, inverse, day[needs])
    last = np.full(g, np.datetime64("1970-01-01"))
    np.maximum.at(last, inverse, day[needs])
    drawn = np.bincount(inverse, weights=lines["net_weight_kg"][needs], minlength=g)
    issued = first - rng.integers(3, 45, size=g)
    valid = issued + np.where(rng.random(g) < 0.3, 179, 364)
    valid = np.where(valid < last, last + rng.integers(10, 90, size=g), valid)
    quantity = np.ceil(drawn * rng.uniform(1.05, 1.8, size=g) / 100) * 100
    exp, gprod, con = groups[:, 0], groups[:, 1], groups[:, 2]
    numbers = licence_numbers(rng, issued, actors.exp_region[exp], 1)
    end_user = np.where(
        rng.random(g) < 0.7,
        actors.con_name[con],
        rng.choice(actors.con_name[actors.con_role == "industrial"], size=g),
    )
    lines["license_no"][needs] = numbers[inverse]
    lines["end_user_name"][needs] = np.where(rng.random(needs.size) < 0.97, end_user[inverse], NULL)
    before = np.flatnonzero(ctrl & (day < cat.licensable[prod]))
    lines["end_user_name"][before] = np.where(
        rng.random(before.size) < 0.6, lines["consignee_name"][before], NULL
    )
    licences = frame(
        rng,
        cat,
        actors,
        numbers,
        issued,
        valid,
        exp,
        gprod,
        con,
        quantity,
        end_user,
        drawn,
        last=last,
    )
    return pl.concat([licences, unused(rng, cat, actors, licences, g)])


def frame(
    rng: np.random.Generator,
    cat: Catalogue,
    actors: Actors,
    numbers: np.ndarray,
    issued: np.ndarray,
    valid: np.ndarray,
    exp: np.ndarray,
    prod: np.ndarray,
    con: np.ndarray,
    quantity: np.ndarray,
    end_user: np.ndarray,
    drawn: np.ndarray,
    status: np.ndarray | None = None,
    last: np.ndarray | None = None,
) -> pl.DataFrame:
    """Licence rows (with hidden ``_`` columns the schemes use)."""
    n = numbers.size
    by_item = rng.random(n) < 0.65
    consignee = np.array(
        [respell(rng, c) if rng.random() < 0.2 else c for c in actors.con_name[con]], dtype=object
    )
    return pl.DataFrame(
        {
            "license_no": numbers.tolist(),
            "issued_at": issued.astype("datetime64[D]"),
            "valid_until": valid.astype("datetime64[D]"),
            "exporter_id": actors.exp_id[exp].tolist(),
            "control_id": np.where(by_item, cat.item[prod], NULL).tolist(),
            "hs_code": np.where(~by_item | (rng.random(n) < 0.5), cat.hs[prod], NULL).tolist(),
            "quantity_kg": quantity.astype(float),
            "consignee_name": consignee.tolist(),
            "consignee_country": actors.con_country[con].tolist(),
            "end_user_name": end_user.tolist(),
            "end_use": end_uses(cat, prod, actors.exp_english[exp]).tolist(),
            "status": (status if status is not None else np.full(n, "valid")).tolist(),
            "_exp": exp.astype(np.int64),
            "_prod": prod.astype(np.int64),
            "_con": con.astype(np.int64),
            "_drawn_kg": drawn.astype(float),
            "_last_day": (last if last is not None else issued).astype("datetime64[D]"),
        },
        schema_overrides={
            "control_id": pl.String,
            "hs_code": pl.String,
            "end_user_name": pl.String,
        },
    )


def unused(
    rng: np.random.Generator, cat: Catalogue, actors: Actors, used: pl.DataFrame, g: int
) -> pl.DataFrame:
    """Licences issued and never drawn on (some later revoked or suspended)."""
    n = max(3, g // 8)
    pick = rng.integers(0, used.height, size=n)
    issued = used["issued_at"].to_numpy()[pick] + rng.integers(30, 200, size=n)
    status = rng.choice(["valid", "revoked", "suspended"], size=n, p=[0.8, 0.15, 0.05])
    return frame(
        rng,
        cat,
        actors,
        licence_numbers(rng, issued, actors.exp_region[used["_exp"].to_numpy()[pick]], 50_000 + g),
        issued,
        issued + 364,
        used["_exp"].to_numpy()[pick],
        used["_prod"].to_numpy()[pick],
        used["_con"].to_numpy()[pick],
        used["quantity_kg"].to_numpy()[pick],
        used["end_user_name"].to_numpy()[pick].astype(object),
        np.zeros(n),
        status,
    )
