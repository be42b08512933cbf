"""Export licences: numbering, issuing, and the licences honest trade draws on.

Owns the ``licenses`` rows. Serial numbers come from one shuffled sequence, so that a
forged number is never a real one and looks no different from one. Licences for lines
that draw on their own exporter's licence (``_licence == "own"``) are issued here, one
per exporter, item, consignee and year of trade, sized so that most are drawn to
half or more and some (honestly) to within a few per cent of their quantity. Schemes
that abuse licences issue theirs through :func:`issue`. Must not decide who is honest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import polars as pl

from fourteenthworld.goods import GOODS, date_of
from fourteenthworld.text import licence_no

Rng = np.random.Generator


@dataclass
class Serials:
    """Licence serial numbers, unique and in no telling order."""

    order: np.ndarray
    used: int = 0

    @classmethod
    def shuffled(cls, rng: Rng) -> Serials:
        return cls(rng.permutation(np.arange(1, 1_000_000)))

    def next(self) -> int:
        self.used += 1
        return int(self.order[self.used - 1])


@dataclass
class Book:
    """Licences issued so far (rows of ``licenses``)."""

    serials: Serials
    rows: list[dict[str, object]] = field(default_factory=list)

    def number(self, day: int, region: str) -> str:
        return licence_no(date_of(day).year, region, self.serials.next())

    def issue(
        self,
        *,
        exporter_id: str,
        region: str,
        good: int,
        quantity_kg: float,
        consignee: str,
        country: str,
        end_user: str | None,
        issued_day: int,
        valid_day: int,
        status: str = "valid",
        status_day: int | None = None,
    ) -> str:
        number = self.number(issued_day, region)
        g = GOODS[good]
        self.rows.append(
            {
                "license_no": number,
                "issued_at": date_of(issued_day).isoformat(),
                "valid_until": date_of(valid_day).isoformat(),
                "exporter_id": exporter_id,
                "control_id": g.item,
                "hs_code": g.hs,
                "quantity_kg": round(quantity_kg, 1),
                "consignee_name": consignee,
                "consignee_country": country,
                "end_user_name": end_user,
                "end_use": g.use,
                "status": status,
                "status_since": date_of(status_day).isoformat() if status_day is not None else None,
            }
        )
        return number


def region_of(exporter_id: str) -> str:
    """The province digits an exporter id carries (credit code or resident id)."""
    if len(exporter_id) == 18 and exporter_id.startswith("9"):
        return exporter_id[2:4]
    return exporter_id[:2]


def draw_own(rng: Rng, lines: pl.DataFrame, book: Book, honest_noise: float) -> pl.DataFrame:
    """Issue a licence per (exporter, good, consignee, year of trade) for the lines that
    draw on their own licence, and cite it on them."""
    # a diverting ring's licence names its shell as end user, whatever the lines say
    end_user = (
        pl.when(pl.col("_scheme") == "hub_shell")
        .then(pl.col("consignee_name"))
        .otherwise(pl.col("end_user_name"))
    )
    own = lines.filter(pl.col("_licence") == "own").select(
        "_row",
        "exporter_id",
        "_good",
        "consignee_name",
        "consignee_country",
        end_user.alias("end_user_name"),
        "_day",
        "_true_kg",
    )
    if own.height == 0:
        return lines
    keys = ["exporter_id", "_good", "consignee_name"]
    own = own.sort("_day", "_row").with_columns(
        _window=((pl.col("_day") - pl.col("_day").min().over(keys)) // 320)
    )
    groups = (
        own.group_by([*keys, "_window"], maintain_order=True)
        .agg(
            pl.col("consignee_country").first(),
            pl.col("end_user_name").first(),
            pl.col("_day").min().alias("first"),
            pl.col("_true_kg").sum().alias("kg"),
        )
        .sort("first", "exporter_id", "_good", "consignee_name")
    )
    n = groups.height
    near = rng.random(n) < min(0.5, honest_noise * 2.0)
    fill = np.where(near, rng.uniform(0.965, 0.999, n), rng.uniform(0.45, 0.9, n))
    delay = rng.integers(2, 36, n)
    numbers: list[str] = []
    for k, row in enumerate(groups.iter_rows(named=True)):
        issued = int(row["first"]) - int(delay[k])
        numbers.append(
            book.issue(
                exporter_id=row["exporter_id"],
                region=region_of(row["exporter_id"]),
                good=int(row["_good"]),
                quantity_kg=max(float(row["kg"]) / float(fill[k]), 0.1),
                consignee=row["consignee_name"],
                country=row["consignee_country"],
                end_user=row["end_user_name"],
                issued_day=issued,
                valid_day=issued + 364,
            )
        )
    cited = groups.select(*keys, "_window").with_columns(_number=pl.Series(numbers))
    own = own.join(cited, on=[*keys, "_window"], how="left").select("_row", "_number")
    return (
        lines.join(own, on="_row", how="left")
        .with_columns(license_no=pl.coalesce("_number", "license_no"))
        .drop("_number")
    )
