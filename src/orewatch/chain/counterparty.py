"""Counterparties: what A booked as shipped to B against what B booked as received.

Movements are the chain-of-custody record; each facility's monthly report books the
same flows from its side. Every month of movements is assigned to the report that covers
it (the same month, or the next report when a month was reported late), and the booked
figure is compared with the moved one allowing a one-period lag (a lot dispatched on the
31st and booked in by the receiver the next month). Movements whose counterparty books
nothing of that material at all are one-sided; movements after a facility's last report
are pending, not missing. Exporting facilities ship abroad without a domestic movement,
so booked shipments above movements count only for facilities whose operator does not
export.
"""

from __future__ import annotations

import polars as pl

from orewatch.chain.periods import date_month_number

MOVEMENT_KEYS = ("facility_id", "material", "month")


def movement_months(movements: pl.DataFrame) -> pl.DataFrame:
    """Movements with their month number."""
    return movements.with_columns(date_month_number(pl.col("moved_at")).alias("month"))


def _assign(moved: pl.DataFrame, rows: pl.DataFrame, side: str) -> pl.DataFrame:
    """Sum moved kg per facility-material-month and attach it to the covering report:
    the same month's when there is one (an exact join, the common case), else the first
    later report (an as-of join on the few left over); what no report covers is dropped
    (pending)."""
    keys = ["facility_id", "material", "month"]
    monthly = moved.group_by(keys).agg(pl.col("kg").sum())
    reports = rows.select(keys)
    exact = monthly.join(reports, on=keys, how="semi")
    later = (
        monthly.join(reports, on=keys, how="anti")
        .sort("month")
        .join_asof(
            reports.rename({"month": "report_month"}).sort("report_month"),
            left_on="month",
            right_on="report_month",
            by=["facility_id", "material"],
            strategy="forward",
            check_sortedness=False,
        )
        .filter(pl.col("report_month").is_not_null())
        .select("facility_id", "material", pl.col("report_month").alias("month"), "kg")
    )
    return (
        pl.concat([exact, later.cast(exact.schema)])  # type: ignore[arg-type]
        .group_by(keys)
        .agg(pl.col("kg").sum().alias(side))
    )


def _lagged_mismatch(diff: str) -> pl.Expr:
    """The smallest absolute difference over the month alone or with either neighbour:
    a one-period lag cancels out between consecutive reports."""
    d = pl.col(diff)
    nxt = d.shift(-1).over("facility_id", "material")
    prv = d.shift(1).over("facility_id", "material")
    return pl.min_horizontal(d.abs(), (d + nxt).abs(), (d + prv).abs())


def booked_vs_moved(
    rows: pl.DataFrame, movements: pl.DataFrame, exporting: pl.DataFrame
) -> pl.DataFrame:
    """Per reported facility-month-material: ``moved_in_kg``, ``moved_out_kg``, and the
    lag-tolerant mismatches ``receipt_mismatch_kg`` (booked received vs moved in, either
    sign) and ``shipment_mismatch_kg`` (moved out beyond booked shipments, or booked
    shipments beyond movements where the operator does not export).

    ``rows``: judged balance rows (with ``month``); ``exporting``: ``facility_id`` of
    facilities whose operator files export declarations.
    """
    mv = movement_months(movements)
    moved_in = _assign(
        mv.select(
            pl.col("to_id").alias("facility_id"),
            "material",
            "month",
            pl.col("quantity_kg").alias("kg"),
        ),
        rows,
        "moved_in_kg",
    )
    moved_out = _assign(
        mv.select(
            pl.col("from_id").alias("facility_id"),
            "material",
            "month",
            pl.col("quantity_kg").alias("kg"),
        ),
        rows,
        "moved_out_kg",
    )
    exporters = exporting.select("facility_id").unique().with_columns(pl.lit(True).alias("exports"))
    return (
        rows.select("facility_id", "material", "month", "received_kg", "shipped_kg")
        .join(moved_in, on=list(MOVEMENT_KEYS), how="left")
        .join(moved_out, on=list(MOVEMENT_KEYS), how="left")
        .join(exporters, on="facility_id", how="left")
        .with_columns(
            pl.col("moved_in_kg").fill_null(0.0),
            pl.col("moved_out_kg").fill_null(0.0),
            pl.col("exports").fill_null(False),
        )
        .sort("facility_id", "material", "month")
        .with_columns(
            (pl.col("received_kg") - pl.col("moved_in_kg")).alias("d_in"),
            (pl.col("shipped_kg") - pl.col("moved_out_kg")).alias("d_out"),
        )
        .with_columns(
            _lagged_mismatch("d_in").alias("receipt_mismatch_kg"),
            pl.when(pl.col("exports"))
            .then(pl.min_horizontal(_lagged_mismatch("d_out"), (-pl.col("d_out")).clip(0.0, None)))
            .otherwise(_lagged_mismatch("d_out"))
            .alias("shipment_mismatch_kg"),
        )
        .select(
            *MOVEMENT_KEYS,
            "moved_in_kg",
            "moved_out_kg",
            "receipt_mismatch_kg",
            "shipment_mismatch_kg",
        )
    )


def one_sided_movements(
    movements: pl.DataFrame, rows: pl.DataFrame, facilities: pl.DataFrame | None
) -> pl.DataFrame:
    """Movements whose counterparty cannot have booked them, with the reason:
    ``unknown_party`` (not a registered facility), ``never_books`` (a facility that books
    no such material) or ``not_registered`` (material outside the receiver's registered
    materials). Capacity is judged on volumes, in :mod:`orewatch.chain.leakage`.

    Columns: movement_id, month, from_id, to_id, material, quantity_kg, side
    (``receiver`` or ``sender``: the side that is missing or unfit), problem.
    """
    mv = movement_months(movements)
    books = (
        rows.select("facility_id", "material").unique().with_columns(pl.lit(True).alias("books"))
    )
    fac = (
        facilities.select("facility_id", "materials")
        if facilities is not None
        else pl.DataFrame(
            schema={
                "facility_id": pl.String(),
                "materials": pl.List(pl.String()),
            }
        )
    ).with_columns(pl.lit(True).alias("known"))
    parts = []
    for side, own in (("receiver", "to_id"), ("sender", "from_id")):
        judged = (
            mv.join(fac, left_on=own, right_on="facility_id", how="left")
            .join(
                books, left_on=[own, "material"], right_on=["facility_id", "material"], how="left"
            )
            .with_columns(
                pl.when(pl.col("known").is_null())
                .then(pl.lit("unknown_party"))
                .when(pl.col("books").is_null())
                .then(pl.lit("never_books"))
                .when(
                    pl.lit(side == "receiver")
                    & (pl.col("materials").list.len().fill_null(0) > 0)
                    & ~pl.col("materials").list.contains(pl.col("material")).fill_null(True)
                )
                .then(pl.lit("not_registered"))
                .alias("problem"),
                pl.lit(side).alias("side"),
            )
            .filter(pl.col("problem").is_not_null())
        )
        parts.append(
            judged.select(
                "movement_id",
                "month",
                "from_id",
                "to_id",
                "material",
                "quantity_kg",
                "side",
                "problem",
            )
        )
    return pl.concat(parts)
