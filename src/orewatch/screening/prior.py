"""What happened before the lines being screened: the history order-dependent checks need.

Batch screening judges a dataset against itself, so its prior is empty and the running
totals start inside the batch. Screening one new declaration uses the prior of the
history it joins: how much each licence has already drawn, which commodity chapters
each exporter already ships (and how much of its trade is controlled), which controlled
elements each consignee already receives, how many declarations already cited each
licence number.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.screening.detectors.exporter_trade import history_chapters, history_exporters
from orewatch.screening.features import small_shipment
from orewatch.screening.names import licence_key

#: What a small lot's sender and receiver are remembered by (``small_shipments``).
SMALL_PAIR_COLUMNS: tuple[str, ...] = (
    "exporter_id",
    "consignee_name",
    "consignee_country",
    "consignee_address",
)


@dataclass(frozen=True)
class Prior:
    licence_drawn: pl.DataFrame  # license_no, prior_drawn_kg
    licence_declarations: pl.DataFrame  # license_no, declaration_id, declared_at
    exporter_chapters: pl.DataFrame  # exporter_id, hs4, chapter_lines, chapter_side
    exporter_lines: pl.DataFrame  # exporter_id, prior_lines, prior_controlled, prior_sides
    consignee_elements: pl.DataFrame  # consignee_name, element
    small_shipments: pl.DataFrame  # SMALL_PAIR_COLUMNS of small lots and parcels

    @classmethod
    def empty(cls) -> Prior:
        return cls(
            licence_drawn=pl.DataFrame(
                schema={"license_no": pl.String, "prior_drawn_kg": pl.Float64}
            ),
            licence_declarations=pl.DataFrame(
                schema={
                    "license_no": pl.String,
                    "declaration_id": pl.String,
                    "declared_at": pl.Datetime("us"),
                }
            ),
            exporter_chapters=pl.DataFrame(
                schema={
                    "exporter_id": pl.String,
                    "hs4": pl.String,
                    "chapter_lines": pl.UInt32,
                    "chapter_side": pl.Boolean,
                }
            ),
            exporter_lines=pl.DataFrame(
                schema={
                    "exporter_id": pl.String,
                    "prior_lines": pl.UInt32,
                    "prior_controlled": pl.UInt32,
                    "prior_sides": pl.UInt32,
                }
            ),
            consignee_elements=pl.DataFrame(
                schema={"consignee_name": pl.String, "element": pl.String}
            ),
            small_shipments=pl.DataFrame(schema=dict.fromkeys(SMALL_PAIR_COLUMNS, pl.String)),
        )

    @classmethod
    def from_lines(cls, lines: pl.DataFrame) -> Prior:
        """Aggregate screened lines (with features and control columns) into a prior."""
        cited = lines.filter(pl.col("license_no").is_not_null())
        chapters = history_chapters(lines)
        return cls(
            licence_drawn=cited.group_by(licence_key(pl.col("license_no"))).agg(
                pl.col("net_weight_kg").fill_null(0.0).sum().alias("prior_drawn_kg")
            ),
            licence_declarations=cited.select(
                licence_key(pl.col("license_no")), "declaration_id", "declared_at"
            ).unique(["license_no", "declaration_id"]),
            exporter_chapters=chapters,
            exporter_lines=history_exporters(lines, chapters),
            consignee_elements=lines.filter(pl.col("controlled"))
            .select("consignee_name", pl.col("control_elements").alias("element"))
            .explode("element")
            .drop_nulls()
            .unique(),
            small_shipments=lines.filter(small_shipment()).select(*SMALL_PAIR_COLUMNS).unique(),
        )
