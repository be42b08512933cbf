"""Export licences: the ones honest specialists hold, and the ones rings obtain or abuse.

An honest licence covers one exporter, one controlled item, one consignee and country,
for a year, with some headroom over what is then shipped on it. Licence numbers are this
generator's own form (``EC`` + year + province + sequence).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from fifthworld.calendar import START
from fifthworld.idents import licence_number

PROVINCES = ("36", "43", "15", "44", "33", "35", "53", "31", "12", "37", "32", "65")


def day_date(day: pl.Expr) -> pl.Expr:
    """A day index of the period as a date."""
    return (pl.lit(START) + pl.duration(days=day)).cast(pl.Date)


def honest_licences(
    rng: np.random.Generator, lines: pl.DataFrame, headers: pl.DataFrame, start_seq: int = 1
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Licences for the honest controlled lines under control, and those lines' numbers.

    Returns (licences, lines with ``license_no`` set)."""
    need = lines.filter(pl.col("controlled") & (pl.col("day") >= pl.col("effective_day")))
    keyed = (
        need.join(
            headers.select("declaration_id", "exporter_id", "consignee_country"),
            on="declaration_id",
        )
        .sort("declaration_id", "line_no")
        .with_columns((pl.col("day") // 240).alias("span"))
    )
    groups = keyed.group_by(
        "exporter_id",
        "consignee_name",
        "consignee_country",
        "control_id",
        "span",
        maintain_order=True,
    ).agg(
        pl.col("day").min().alias("first"),
        pl.col("day").max().alias("last"),
        pl.col("net_weight_kg").sum().alias("drawn"),
        pl.col("end_use").first(),
    )
    n = groups.height
    seq = start_seq + np.arange(n)
    lead = rng.integers(10, 60, n)
    groups = groups.with_columns(
        pl.Series("issued_day", groups["first"].to_numpy() - lead),
        pl.Series(
            "license_no",
            [
                licence_number(2024 + int(f) // 365, PROVINCES[s % 12], int(s))
                for f, s in zip(groups["first"], seq, strict=True)
            ],
        ),
        pl.Series("headroom", rng.uniform(1.1, 1.6, n)),
    ).with_columns(
        pl.max_horizontal(pl.col("issued_day") + 365, pl.col("last") + 5).alias("until_day")
    )
    licences = groups.select(
        "license_no",
        day_date(pl.col("issued_day")).alias("issued_at"),
        day_date(pl.col("until_day")).alias("valid_until"),
        "exporter_id",
        "control_id",
        (pl.col("drawn") * pl.col("headroom")).round(1).alias("quantity_kg"),
        "consignee_name",
        "consignee_country",
        pl.col("consignee_name").alias("end_user_name"),
        "end_use",
        pl.lit("valid").alias("status"),
    )
    numbered = keyed.join(
        groups.select("exporter_id", "consignee_name", "control_id", "span", "license_no"),
        on=["exporter_id", "consignee_name", "control_id", "span"],
    ).sort("declaration_id", "line_no")
    out = lines.join(
        numbered.select("declaration_id", "line_no", "license_no"),
        on=["declaration_id", "line_no"],
        how="left",
        maintain_order="left",
    )
    return licences, out
