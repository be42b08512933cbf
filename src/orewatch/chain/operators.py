"""Which exporter a facility's operator, or a movement's receiver, is.

The contract lets a facility's ``operator_id`` and a movement's end be a ``party_id`` or
an exporter's id; the declarations know exporters by their id only. A party whose
``registration_id`` is an exporter's id of the declarations is that exporter (an
independent dataset named every operator by party id, and none of its exporters' chain
findings, nor a trace from their declarations, reached them). Every reader of the chain
(:func:`~orewatch.chain.signals.chain_findings`,
:func:`~orewatch.chain.lineage.trace_report`) resolves operators here first.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

EXPORTER_ID_SCHEMA = {"id": pl.String(), "exporter_id": pl.String()}


def exporter_ids(tables: Mapping[str, pl.DataFrame]) -> pl.DataFrame:
    """``id, exporter_id``: the ids that stand for an exporter of the declarations, each
    exporter's own id among them."""
    declarations = tables.get("declarations")
    if declarations is None or "exporter_id" not in declarations.columns:
        return pl.DataFrame(schema=EXPORTER_ID_SCHEMA)
    exporters = declarations.select(pl.col("exporter_id").cast(pl.String)).unique().drop_nulls()
    own = exporters.select(pl.col("exporter_id").alias("id"), "exporter_id")
    parties = tables.get("parties")
    if parties is None or not {"party_id", "registration_id"} <= set(parties.columns):
        return own
    named = (
        parties.select(
            pl.col("party_id").cast(pl.String).alias("id"),
            pl.col("registration_id").cast(pl.String).alias("exporter_id"),
        )
        .join(exporters, on="exporter_id", how="semi")
        .join(own, on="id", how="anti")
        .unique("id", keep="first", maintain_order=True)
    )
    return pl.concat([own, named])


def with_exporter_operators(facilities: pl.DataFrame, exporters: pl.DataFrame) -> pl.DataFrame:
    """Facilities whose operator is named by a party id carry its exporter id instead
    (``exporters``: :func:`exporter_ids`)."""
    return (
        facilities.with_columns(pl.col("operator_id").cast(pl.String))
        .join(exporters.rename({"id": "operator_id"}), on="operator_id", how="left")
        .with_columns(pl.coalesce("exporter_id", "operator_id").alias("operator_id"))
        .drop("exporter_id")
    )


def with_resolved_operators(tables: Mapping[str, pl.DataFrame]) -> dict[str, pl.DataFrame]:
    """The tables with the facilities' operators resolved (:func:`with_exporter_operators`)."""
    facilities = tables.get("facilities")
    if facilities is None or "operator_id" not in facilities.columns:
        return dict(tables)
    return {**tables, "facilities": with_exporter_operators(facilities, exporter_ids(tables))}
