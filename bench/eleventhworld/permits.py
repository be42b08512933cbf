"""Export licences: single-shipment licences and a few general licences.

Large traders that ship the same item to the same consignee again and again within a
year hold one general licence for the year (a large quantity, one consignee, as the
contract requires); everyone else applies for a licence per shipment a few weeks ahead.
Some licences cite the catalogue item (``control_id``), others only the commodity code.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from eleventhworld.goods import Goods
from eleventhworld.population import Population
from eleventhworld.regime import Regime

LICENCE_FIELDS = (
    "license_no",
    "issued",
    "valid",
    "exporter",
    "consignee",
    "product",
    "kg",
    "general",
    "cite_item",
    "end_user",
    "status",
)


class Ledger:
    """Every licence issued, as growing parallel arrays, with fresh numbers on demand."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.parts: list[dict[str, np.ndarray]] = []
        self.serial = int(rng.integers(1000, 9000))

    def numbers(self, issued: np.ndarray, count: int | None = None) -> np.ndarray:
        """Licence numbers in the ``LXyy-nnnnnnn`` format, unique within the world."""
        n = len(issued) if count is None else count
        serial = self.serial + np.arange(n) * 7 + self.rng.integers(0, 7, n)
        self.serial = int(serial[-1]) + 7 if n else self.serial
        yy = (issued.astype("datetime64[Y]").astype(int) + 1970) % 100
        return np.char.add(
            np.char.add(np.char.add("LX", yy.astype(str)), "-"),
            np.char.zfill(serial.astype(str), 7),
        ).astype(object)

    def add(self, **fields: np.ndarray) -> np.ndarray:
        """Record licences; returns their numbers."""
        n = len(fields["issued"])
        fields.setdefault("license_no", self.numbers(fields["issued"]))
        fields.setdefault("general", np.zeros(n, dtype=bool))
        fields.setdefault("cite_item", self.rng.random(n) < 0.5)
        fields.setdefault("status", np.full(n, "valid", dtype=object))
        self.parts.append(fields)
        return fields["license_no"]

    def table(self) -> dict[str, np.ndarray]:
        """All licences, concatenated."""
        return {k: np.concatenate([p[k] for p in self.parts]) for k in LICENCE_FIELDS}


def single(ledger: Ledger, cols: dict[str, np.ndarray], rows: np.ndarray) -> np.ndarray:
    """One licence per line in ``rows``, issued 10-60 days ahead, valid 180 days."""
    rng = ledger.rng
    issued = cols["day"][rows] - rng.integers(10, 61, len(rows)).astype("timedelta64[D]")
    return ledger.add(
        issued=issued,
        valid=issued + np.timedelta64(180, "D"),
        exporter=cols["exporter"][rows],
        consignee=cols["consignee"][rows],
        product=cols["product"][rows],
        kg=np.round(cols["kg"][rows] * rng.uniform(1.0, 1.08, len(rows)), 1),
        end_user=cols["end_user"][rows],
    )


def honest_licences(
    ledger: Ledger, cols: dict[str, np.ndarray], pop: Population, goods: Goods, regime: Regime
) -> None:
    """Licence every honest controlled line that needs one on its day."""
    rng = ledger.rng
    needed = regime.licence_needed(goods.item[cols["product"]], cols["day"])
    rows = np.flatnonzero(needed)
    big = pop.exp_weight[cols["exporter"][rows]] > np.quantile(pop.exp_weight[: len(pop.book)], 0.9)
    frame = pl.DataFrame(
        {
            "row": rows,
            "exporter": cols["exporter"][rows],
            "consignee": cols["consignee"][rows],
            "product": cols["product"][rows],
            "year": cols["day"][rows].astype("datetime64[Y]").astype(int),
            "day": cols["day"][rows].astype("datetime64[D]").astype(int),
            "kg": cols["kg"][rows],
            "big": big,
        }
    )
    groups = (
        frame.group_by("exporter", "consignee", "product", "year")
        .agg(
            pl.col("row"),
            pl.col("day").min().alias("first"),
            pl.col("day").max().alias("last"),
            pl.col("kg").sum().alias("kg"),
            pl.col("big").first(),
            pl.len().alias("n"),
        )
        .sort("exporter", "consignee", "product", "year")
    )
    general = groups.filter(pl.col("big") & (pl.col("n") >= 4))
    if general.height:
        issued = (general["first"].to_numpy() - rng.integers(5, 30, general.height)).astype(
            "datetime64[D]"
        )
        valid = np.maximum(
            issued + np.timedelta64(364, "D"),
            general["last"].to_numpy().astype("datetime64[D]") + 5,
        )
        first_row = np.array([r[0] for r in general["row"].to_list()])
        numbers = ledger.add(
            issued=issued,
            valid=valid,
            exporter=general["exporter"].to_numpy(),
            consignee=general["consignee"].to_numpy(),
            product=general["product"].to_numpy(),
            kg=np.round(general["kg"].to_numpy() * rng.uniform(1.15, 1.6, general.height), -1),
            general=np.ones(general.height, dtype=bool),
            end_user=cols["end_user"][first_row],
        )
        members = general.select(pl.Series("license_no", numbers), "row").explode("row")
        cols["license_no"][members["row"].to_numpy()] = members["license_no"].to_numpy()
    rest = frame.join(
        general.select(pl.col("row").alias("r")).explode("r"),
        left_on="row",
        right_on="r",
        how="anti",
    )["row"].to_numpy()
    rest = np.sort(rest)
    cols["license_no"][rest] = single(ledger, cols, rest)
