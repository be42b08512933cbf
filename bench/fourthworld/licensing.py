"""Licences: one per exporter, item, consignee and half year of honest controlled trade,
valid for a year, allowing more than was drawn; the register holds only part of them.

A licence is needed from the item's effective date; before it, controlled goods travel
without one, honestly.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import polars as pl

from fourthworld.actors import START
from fourthworld.goods import Goods
from fourthworld.shipments import Lines

END_USES = (
    "永磁材料生产",
    "半导体衬底",
    "光学镜头制造",
    "合金添加剂",
    "科研用途",
    "catalyst production",
    "solar cell manufacturing",
)


def effective_day(goods: Goods, good: np.ndarray) -> np.ndarray:
    """Day index from which each line's good needs a licence (large for ordinary goods)."""
    eff = goods.table["effective"].to_numpy()[good]
    days = (eff - np.datetime64(START.isoformat())).astype("timedelta64[D]")
    return np.where(np.isnat(days), 1e9, days.astype(float))


def needs_licence(goods: Goods, lines: Lines) -> np.ndarray:
    """Lines whose goods are controlled on their date."""
    return lines["day"] >= effective_day(goods, lines["good"])


def issue(
    rng: np.random.Generator,
    lines: Lines,
    rows: np.ndarray,
    exporters: pl.DataFrame,
    start_seq: int = 0,
) -> pl.DataFrame:
    """Licences covering ``rows`` of ``lines`` (grouped by exporter, good, consignee and
    half year); sets ``lines['licence']`` to each row's licence index."""
    frame = pl.DataFrame(
        {
            "row": rows,
            "exporter": lines["exporter"][rows],
            "good": lines["good"][rows],
            "consignee": lines["consignee"][rows],
            "half": lines["day"][rows] // 182,
            "day": lines["day"][rows],
            "kg": lines["kg"][rows],
        }
    )
    keys = ["exporter", "good", "consignee", "half"]
    groups = (
        frame.group_by(keys, maintain_order=True)
        .agg(
            pl.col("day").min().alias("first"),
            pl.col("day").max().alias("last"),
            pl.col("kg").sum().alias("drawn"),
        )
        .with_row_index("licence", offset=start_seq)
    )
    n = groups.height
    issued = groups["first"].to_numpy() - rng.integers(3, 40, n)
    region = exporters["region"].to_numpy()[groups["exporter"].to_numpy()]
    year = (np.datetime64(START.isoformat()) + issued).astype("datetime64[Y]").astype(int) + 1970
    licences = groups.with_columns(
        pl.Series("issued", issued),
        pl.Series("valid", issued + 364),
        pl.Series(
            "quantity_kg", np.round(groups["drawn"].to_numpy() * rng.uniform(1.05, 1.8, n), 1)
        ),
        pl.Series("yy", year % 100),
        pl.Series("region", region),
        pl.Series("other_end_user", rng.random(n) < 0.3),
        pl.Series("end_use", rng.choice(np.array(END_USES, dtype=object), n)),
        pl.Series(
            "in_register", rng.random(n) < np.where(groups["exporter"].to_numpy() < 15, 0.95, 0.65)
        ),
    ).with_columns(
        pl.format(
            "{}LY{}{}",
            pl.col("yy"),
            pl.col("region"),
            (pl.col("licence") + 100_000).cast(pl.String),
        ).alias("license_no")
    )
    index = frame.join(licences.select(*keys, "licence"), on=keys, how="left")
    lines["licence"][index["row"].to_numpy()] = index["licence"].to_numpy()
    return licences


def ghost_numbers(rng: np.random.Generator, licences: pl.DataFrame, k: int) -> np.ndarray:
    """Licence numbers in the register's format that were never issued."""
    top = int(cast(int, licences["licence"].max() or 0)) + 100_000
    yy = rng.integers(24, 27, k)
    region = rng.choice(licences["region"].to_numpy(), k)
    seq = top + 500 + rng.choice(50_000, k, replace=False)
    return np.array([f"{y}LY{r}{s}" for y, r, s in zip(yy, region, seq, strict=True)], dtype=object)
