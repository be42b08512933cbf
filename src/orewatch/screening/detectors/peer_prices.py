"""An exporter that prices its goods above (or below) every other exporter of them, line
after line.

A controlled metal declared as the ordinary goods it resembles (antimony as lead alloy,
gallium as tin) is often invoiced a little above the cover's price: one or two spreads,
short of what one line must show to be "far" (``UNIT_VALUE_HIGH``). One such line is
noise; thirty lines of one exporter all so, where the other exporters of the goods agree
with one another, are not. Honest exporters differ too (a brand, a grade, terms of
sale), so the test is against how far exporters of the same goods usually differ, and an
exporter carrying a large share of the goods' lines is their market, not an odd one
among it (a producer of the dear family of a tariff line that holds two). The same test
downward finds a ring invoicing controlled goods at a steady discount.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from orewatch.screening.features import could_be_controlled
from orewatch.screening.signals import Lines, signals_where

#: Lines of the goods an exporter needs before its prices say anything as a whole ...
MIN_EXPORTER_LINES = 5
#: ... and exporters of them (each with that many) before they have a usual spread.
MIN_EXPORTERS = 5
#: The exporter's median robust z of unit value at least this ...
EXPORTER_Z = 1.5
#: ... and this many between-exporter spreads above the goods' median exporter.
PEER_Z = 3.5
#: Floor on the between-exporter spread (in the lines' z units): exporters that all sit
#: on the norm would otherwise make any small difference "far".
PEER_SPREAD_FLOOR = 0.5
#: An exporter with more than this share of the goods' lines is their market.
MAX_SHARE = 0.2
#: A line of such an exporter is flagged where it is itself priced at least this far
#: above the norm (the pattern's line, not its cheaper exceptions).
LINE_Z = 1.0


@dataclass(frozen=True)
class PeerPrices:
    """Exporters whose lines of a tariff line sit well above (``dear``) or below
    (``cheap``) the other exporters' of it.

    Learned from the fitted dataset's lines (with ``unit_value_z``), so that one new
    declaration of such an exporter and tariff line is judged as the batch was.
    """

    #: exporter_id, hs_code, exporter_z (median z of its lines), exporter_lines,
    #: peers_z (the goods' median exporter's), peers (exporters of the goods)
    dear: pl.DataFrame
    #: The same columns, for exporters priced as far below.
    cheap: pl.DataFrame

    @classmethod
    def fit(cls, lines: pl.DataFrame) -> PeerPrices:
        """Freight lines only: a parcel's unit value is not a lot's (samples, postage)."""
        freight = lines.filter(~pl.col("is_parcel") & pl.col("unit_value_z").is_finite())
        per_goods = freight.group_by("hs_code").agg(pl.len().alias("_goods_lines"))
        exporters = (
            freight.group_by("exporter_id", "hs_code")
            .agg(
                pl.col("unit_value_z").median().alias("exporter_z"),
                pl.len().alias("exporter_lines"),
            )
            .filter(pl.col("exporter_lines") >= MIN_EXPORTER_LINES)
        )
        centre = pl.col("exporter_z").median().over("hs_code")
        spread = (1.4826 * (pl.col("exporter_z") - centre).abs().median().over("hs_code")).clip(
            lower_bound=PEER_SPREAD_FLOOR
        )
        judged = (
            exporters.with_columns(
                centre.alias("peers_z"),
                spread.alias("_spread"),
                pl.len().over("hs_code").alias("peers"),
            )
            .join(per_goods, on="hs_code")
            .filter(
                (pl.col("peers") >= MIN_EXPORTERS)
                & (pl.col("exporter_lines") <= MAX_SHARE * pl.col("_goods_lines"))
            )
            .with_columns(
                ((pl.col("exporter_z") - pl.col("peers_z")) / pl.col("_spread")).alias("_far")
            )
        )
        keep = ["exporter_id", "hs_code", "exporter_z", "exporter_lines", "peers_z", "peers"]
        dear = judged.filter((pl.col("exporter_z") >= EXPORTER_Z) & (pl.col("_far") >= PEER_Z))
        cheap = judged.filter((pl.col("exporter_z") <= -EXPORTER_Z) & (pl.col("_far") <= -PEER_Z))
        return cls(dear.select(keep), cheap.select(keep))


def peer_price_signals(lines: Lines, peers: PeerPrices) -> list[pl.LazyFrame]:
    """``PRICED_ABOVE_PEERS`` on the lines of the exporters and goods ``peers`` holds as
    dear, and ``PRICED_BELOW_PEERS`` on those it holds as cheap where the goods are or
    could be controlled: a ring invoicing controlled material at about its domestic
    price, each line short of ``UNIT_VALUE_LOW`` (cheap ordinary goods are a tax matter,
    not an export-control one). Nothing to join where a table is empty."""
    z = pl.col("unit_value_z")
    checks = (
        (peers.dear, z >= LINE_Z, "PRICED_ABOVE_PEERS"),
        (peers.cheap, (z <= -LINE_Z) & could_be_controlled(), "PRICED_BELOW_PEERS"),
    )
    return [_against_peers(lines, *check) for check in checks if check[0].height]


def _against_peers(
    lines: Lines, exporters: pl.DataFrame, condition: pl.Expr, code: str
) -> pl.LazyFrame:
    """``code`` on the freight lines of ``exporters``' goods where ``condition`` holds."""
    return signals_where(
        lines.lazy().join(exporters.lazy(), on=["exporter_id", "hs_code"], how="inner"),
        ~pl.col("is_parcel") & condition,
        code,
        pl.format(
            "z={} for {}; the exporter's {} lines of it a median z={}, its {} exporters' {}",
            pl.col("unit_value_z").round(1),
            pl.col("hs_code"),
            pl.col("exporter_lines"),
            pl.col("exporter_z").round(1),
            pl.col("peers"),
            pl.col("peers_z").round(1),
        ),
    )
