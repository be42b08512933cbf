"""Export licences: the ones honest traders hold, and helpers to forge the paper trail of
the schemes (a licence that lapsed, belongs to someone else, or names other goods).

Licence numbers follow this world's own format: ``EC`` + two-digit year + province letters
+ six digits. Honest licences cover one exporter, item and consignee for a year's trade.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import polars as pl

from thirdworld import names
from thirdworld.lines import Lines, as_date

#: An object array's null as ``np.where``'s ``x`` or ``y`` (numpy's types take no None).
NULL: Any = None

PROVINCES = ("GX", "HN", "JX", "NM", "YN", "GD", "ZJ", "FJ", "TJ", "JS", "SC", "HB")


def numbers(rng: np.random.Generator, days: np.ndarray) -> np.ndarray:
    """Fresh licence numbers for licences issued on ``days`` (unique within a world)."""
    year = (as_date(days).astype("datetime64[Y]").astype(int) + 1970) % 100
    prov = np.array(PROVINCES, dtype=object)[rng.integers(0, len(PROVINCES), len(days))]
    serial = rng.permutation(np.unique(rng.integers(0, 10**6, len(days) * 3)))[: len(days)]
    return names.join(
        np.full(len(days), "EC", dtype=object),
        np.char.zfill(year.astype(str), 2).astype(object),
        prov,
        np.char.zfill(serial.astype(str), 6).astype(object),
    )


def licence_frame(
    rng: np.random.Generator,
    *,
    no: np.ndarray,
    issued: np.ndarray,
    valid_until: np.ndarray,
    exporter_id: np.ndarray,
    control_id: np.ndarray,
    hs: np.ndarray,
    kg: np.ndarray,
    consignee: np.ndarray,
    country: np.ndarray,
    end_user: np.ndarray,
    end_use: np.ndarray,
) -> pl.DataFrame:
    """Licences as the licensing office records them: control id and/or code, names typed
    afresh (so they need not match the declaration's spelling)."""
    n = len(no)
    has_ctrl = rng.random(n) < 0.7
    has_hs = ~has_ctrl | (rng.random(n) < 0.5)
    return pl.DataFrame(
        {
            "license_no": text(no),
            "issued_at": as_date(issued),
            "valid_until": as_date(valid_until),
            "exporter_id": text(exporter_id),
            "control_id": text(np.where(has_ctrl, control_id, NULL)),
            "hs_code": text(np.where(has_hs, hs, NULL)),
            "quantity_kg": np.round(kg.astype(float), 1),
            "consignee_name": text(names.sloppy(rng, consignee.astype(object), 0.35)),
            "consignee_country": text(country),
            "end_user_name": text(end_user),
            "end_use": text(end_use),
            "status": "valid",
        }
    )


def text(values: np.ndarray) -> pl.Series:
    """An object array as a string column (None stays missing, "" becomes missing)."""
    return pl.Series([v if v != "" else None for v in values.tolist()], dtype=pl.String)


def honest_licences(
    rng: np.random.Generator, lines: Lines, goods: pl.DataFrame, consignee_names: np.ndarray
) -> pl.DataFrame:
    """One licence per exporter, item, consignee and year of licensable honest lines;
    cites it on those lines (a few clerks forget to)."""
    rows = np.flatnonzero(lines["needs_licence"] & (lines["scheme"] == ""))
    year = as_date(lines["day"][rows]).astype("datetime64[Y]").astype(int)
    frame = pl.DataFrame(
        {
            "row": rows,
            "exp": lines["exp"][rows],
            "g": lines["true_g"][rows],
            "cons": lines["cons"][rows],
            "year": year,
            "day": lines["day"][rows],
            "kg": lines["net_weight_kg"][rows],
        }
    )
    groups = frame.group_by("exp", "g", "cons", "year", maintain_order=True).agg(
        pl.col("row"),
        pl.col("day").min().alias("first"),
        pl.col("day").max().alias("last"),
        pl.col("kg").sum().alias("kg"),
    )
    n = groups.height
    first = groups["first"].to_numpy()
    issued = first - rng.integers(5, 60, n)
    valid = np.maximum(issued + 364, groups["last"].to_numpy() + 5)
    no = numbers(rng, issued)
    g = groups["g"].to_numpy()
    cons = groups["cons"].to_numpy()
    first_row = np.array([r[0] for r in groups["row"].to_list()])
    licences = licence_frame(
        rng,
        no=no,
        issued=issued,
        valid_until=valid,
        exporter_id=lines["exporter_id"][first_row],
        control_id=goods["control_id"].to_numpy()[g],
        hs=goods["hs"].to_numpy()[g],
        kg=groups["kg"].to_numpy() * rng.uniform(1.05, 1.8, n),
        consignee=consignee_names[cons],
        country=lines["consignee_country"][first_row],
        end_user=lines["end_user_name"][first_row],
        end_use=lines["end_use"][first_row],
    )
    exploded = groups.with_columns(pl.Series("no", no)).select("row", "no").explode("row")
    cited = exploded["row"].to_numpy()
    lines["license_no"][cited] = np.where(
        rng.random(len(cited)) < 0.99, exploded["no"].to_numpy(), ""
    )
    lines["licence_group"] = np.full(len(lines["g"]), -1)
    lines["licence_group"][cited] = np.repeat(np.arange(n), groups["row"].list.len().to_numpy())
    return licences
