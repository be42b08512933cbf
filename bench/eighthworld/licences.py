"""Export licences: one per exporter, item, consignee and half-year of shipments, issued a
few weeks before the first of them, valid a year, for somewhat more than was shipped."""

from __future__ import annotations

import numpy as np
import polars as pl

from orewatch.contract.schema import TABLES

from . import places

Rng = np.random.Generator
Cols = dict[str, np.ndarray]


def numbers(
    rng: Rng,
    n: int,
    regions: np.ndarray,
    years: np.ndarray,
    phantom: bool = False,
    late: bool = False,
) -> np.ndarray:
    """This world's licence numbers: year, province, ``LY``, a six-digit serial (issued
    serials stay under 900000, so ``phantom`` numbers, which never were issued, sit above;
    ``late`` ones, issued apart from the first batch, take 800000-899999)."""
    if phantom:
        serial = rng.choice(100_000, n) + 900_000
    elif late:
        serial = rng.choice(100_000, n, replace=False) + 800_000
    else:
        serial = rng.choice(800_000, n, replace=False)
    prov = np.array([str(r)[:2] for r in regions], dtype=object)
    return (
        np.char.mod("%02d", years % 100).astype(object)
        + prov
        + "LY"
        + np.char.mod("%06d", serial).astype(object)
    )


def issue(rng: Rng, cols: Cols, licensed: np.ndarray, control: np.ndarray) -> pl.DataFrame:
    """Licences covering the ``licensed`` lines; sets ``lic`` (licence row per line, -1 none)."""
    rows = np.flatnonzero(licensed)
    frame = pl.DataFrame(
        {
            "row": rows,
            "exporter_id": cols["exporter_id"][rows].astype(str),
            "control_id": control[rows].astype(str),
            "consignee_name": cols["consignee_name"][rows].astype(str),
            "consignee_country": cols["consignee_country"][rows].astype(str),
            "end_user_name": cols["end_user_name"][rows].astype(str),
            "end_use": cols["end_use"][rows].astype(str),
            "region": cols["origin_region"][rows].astype(str),
            "half": cols["day"][rows] // 182,
            "day": cols["day"][rows],
            "kg": cols["kg"][rows],
        }
    )
    keys = ["exporter_id", "control_id", "consignee_name", "consignee_country", "half"]
    groups = frame.group_by(keys, maintain_order=True).agg(
        pl.col("row"),
        pl.col("day").min().alias("first"),
        pl.col("kg").sum().alias("kg"),
        pl.col("end_user_name").first(),
        pl.col("end_use").first(),
        pl.col("region").first(),
    )
    n = groups.height
    issued = groups["first"].to_numpy() - rng.integers(5, 45, n)
    issued_at = places.START + issued
    years = issued_at.astype("datetime64[Y]").astype(int) + 1970
    lic = groups.with_columns(
        pl.Series(
            "license_no", numbers(rng, n, groups["region"].to_numpy(), years), dtype=pl.String
        ),
        pl.Series("issued_at", issued_at.astype("datetime64[D]")),
        pl.Series("valid_until", (issued_at + 364).astype("datetime64[D]")),
        pl.Series("quantity_kg", np.round(groups["kg"].to_numpy() * rng.uniform(1.05, 1.6, n), 1)),
        pl.lit("valid").alias("status"),
    )
    cols["lic"] = np.full(cols["day"].size, -1)
    exploded = lic.with_row_index("lic").select("lic", "row").explode("row")
    cols["lic"][exploded["row"].to_numpy()] = exploded["lic"].to_numpy()
    cols["license_no"] = np.where(
        cols["lic"] >= 0, lic["license_no"].to_numpy()[cols["lic"]], ""
    ).astype(object)
    return lic.drop("row", "first", "kg", "half", "region")


def table(lic: pl.DataFrame) -> pl.DataFrame:
    """The licences table in the contract's columns."""
    return lic.select([n for n in TABLES["licenses"].names if n in lic.columns])
