"""An exporter's own trade as the norm: goods that are news, or foreign, to what it ships.

A firm's declarations say what it deals in. Three checks read a line against them: a
heading the exporter never shipped before (``NEW_COMMODITY_FOR_EXPORTER``), a heading
that is a sliver of its established trade (``RARE_COMMODITY_FOR_EXPORTER``), and
ordinary goods shipped as a one-off by a firm that trades in controlled material
(``CONTROLLED_TRADER_ODD_GOODS``). The last is what a code swap leaves when its words
and price copy the decoy's: a gallium refiner does not sell carbon black once a year.

The counts join the history (:class:`~orewatch.screening.prior.Prior`) with the lines'
own, so one new declaration is judged as it would be inside the batch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from orewatch.screening.features import could_be_controlled
from orewatch.screening.signals import Lines, signals_where

if TYPE_CHECKING:
    from orewatch.screening.prior import Prior

#: An exporter needs this much history before a new commodity chapter is news.
HISTORY_LINES = 5
#: A heading carrying under this share of an exporter's lines is not its trade (so the
#: exporter needs at least 1 / RARE_CHAPTER_SHARE lines before this can fire).
RARE_CHAPTER_SHARE = 0.02
#: Ordinary goods under a heading with under this share of an exporter's lines are a
#: side line of its trade.
SIDE_LINE_SHARE = 0.1
#: An exporter with at least this share of controlled lines trades in controlled
#: material ...
CONTROLLED_TRADER_SHARE = 0.5
#: ... once it has this many lines ...
ESTABLISHED_LINES = 10
#: ... and one with more side lines than this is a general trader: a sprinkling of
#: ordinary goods is its pattern, and no one of them stands out (in one independently
#: written world every controlled trader shipped a dozen kinds of consumer goods;
#: the code swaps of two others were one or two odd headings in a firm's trade).
FEW_SIDE_LINES = 2


def exporter_heading_counts(lines: Lines, prior: Prior) -> pl.LazyFrame:
    """``lines`` with the exporter's counts, the history's and the lines' own together:
    ``_ch`` (the exporter's lines under the line's heading), ``_all`` (all its lines),
    ``_ctl`` (its controlled lines), ``_side`` (the line is ordinary goods under one of
    its side-line headings) and ``_sides`` (how many side-line headings it has).

    The lines' own counts are windows over them: the prior's per-exporter totals already
    sum its chapters, so the history's table of every exporter's chapters is joined, not
    grouped again (on one line, that full join and window were a third of these rules).
    A line without an exporter or heading has no counts (it matches nothing). A side
    line of the history is counted once, however many new lines repeat its heading.
    """
    keyed = pl.col("exporter_id").is_not_null() & pl.col("hs4").is_not_null()
    counted = (
        lines.lazy()
        .join(prior.exporter_chapters.lazy(), on=["exporter_id", "hs4"], how="left")
        .join(prior.exporter_lines.lazy(), on="exporter_id", how="left")
        .with_columns(
            pl.when(keyed)
            .then(pl.len().over("exporter_id", "hs4") + pl.col("chapter_lines").fill_null(0))
            .alias("_ch"),
            pl.when(keyed)
            .then(pl.len().over("exporter_id") + pl.col("prior_lines").fill_null(0))
            .alias("_all"),
            (
                pl.col("controlled").fill_null(False).sum().over("exporter_id")
                + pl.col("prior_controlled").fill_null(0)
            ).alias("_ctl"),
        )
        .with_columns(
            (~could_be_controlled() & (pl.col("_ch") < SIDE_LINE_SHARE * pl.col("_all")))
            .fill_null(False)
            .alias("_side")
        )
    )
    new_side = pl.col("_side") & ~pl.col("chapter_side").fill_null(False)
    return counted.with_columns(
        (
            pl.col("hs4").filter(new_side).n_unique().over("exporter_id")
            + pl.col("prior_sides").fill_null(0)
        ).alias("_sides")
    )


def heading_counts_or(
    given: pl.LazyFrame | None, lines: Lines, prior: Prior | None
) -> pl.LazyFrame:
    """``given`` (a query of them a caller shares), else :func:`exporter_heading_counts`
    of ``lines`` against ``prior`` or an empty history.

    The prior is imported here, not at the top: its module builds the history with this
    module's helpers, so a module-level import would be circular."""
    if given is not None:
        return given
    from orewatch.screening.prior import Prior

    return exporter_heading_counts(lines, prior or Prior.empty())


def history_chapters(lines: pl.DataFrame) -> pl.DataFrame:
    """``exporter_id, hs4, chapter_lines, chapter_side`` of screened lines, for the prior:
    each exporter's lines under each heading, and whether ordinary goods under it are a
    side line of the exporter's trade."""
    return (
        lines.group_by("exporter_id", "hs4")
        .agg(pl.len().alias("chapter_lines"), (~could_be_controlled()).any().alias("_ordinary"))
        .with_columns(
            (
                pl.col("_ordinary")
                & (
                    pl.col("chapter_lines")
                    < SIDE_LINE_SHARE * pl.col("chapter_lines").sum().over("exporter_id")
                )
            ).alias("chapter_side")
        )
        .drop("_ordinary")
    )


def history_exporters(lines: pl.DataFrame, chapters: pl.DataFrame) -> pl.DataFrame:
    """``exporter_id, prior_lines, prior_controlled, prior_sides`` of screened lines and
    their :func:`history_chapters`, for the prior."""
    return (
        lines.group_by("exporter_id")
        .agg(
            pl.len().alias("prior_lines"),
            pl.col("controlled").fill_null(False).sum().alias("prior_controlled"),
        )
        .join(
            chapters.group_by("exporter_id").agg(pl.col("chapter_side").sum().alias("prior_sides")),
            on="exporter_id",
            how="left",
        )
    )


def new_commodity(heading_counts: pl.LazyFrame) -> pl.LazyFrame:
    """First line of a commodity chapter from an exporter that has shipped other things.

    Reads the exporter's facts from ``heading_counts`` (:func:`exporter_heading_counts`):
    whether the history holds the chapter (``chapter_lines``) and its lines (``prior_lines``).
    """
    ordered = heading_counts.sort(["declared_at", "declaration_id", "line_no"]).with_columns(
        (pl.int_range(pl.len()).over("exporter_id") + pl.col("prior_lines").fill_null(0)).alias(
            "_nth_of_exporter"
        ),
        pl.int_range(pl.len()).over(["exporter_id", "hs4"]).alias("_nth_of_chapter"),
    )
    return signals_where(
        ordered,
        (pl.col("_nth_of_chapter") == 0)
        & pl.col("chapter_lines").is_null()
        & (pl.col("_nth_of_exporter") >= HISTORY_LINES),
        "NEW_COMMODITY_FOR_EXPORTER",
        pl.format("first {} after {} other lines", pl.col("hs4"), pl.col("_nth_of_exporter")),
    )


def rare_commodity(heading_counts: pl.LazyFrame) -> pl.LazyFrame:
    """A heading that is a sliver of an established exporter's trade, history included.

    Unlike :func:`new_commodity` this does not depend on order: a cover good declared
    twice, or an odd line slipped into a container of the exporter's usual goods, is as
    foreign to the exporter's trade the second time as the first.
    """
    return signals_where(
        heading_counts,
        pl.col("_ch") < RARE_CHAPTER_SHARE * pl.col("_all"),
        "RARE_COMMODITY_FOR_EXPORTER",
        pl.format(
            "heading {}: {} of the exporter's {} lines",
            pl.col("hs4"),
            pl.col("_ch"),
            pl.col("_all"),
        ),
    )


def controlled_trader_odd_goods(heading_counts: pl.LazyFrame) -> pl.LazyFrame:
    """Ordinary goods as a one-off side line of an exporter that trades in controlled
    material (see the module docstring and the constants for what counts as each)."""
    return signals_where(
        heading_counts,
        pl.col("_side")
        & (pl.col("_all") >= ESTABLISHED_LINES)
        & (pl.col("_ctl") >= CONTROLLED_TRADER_SHARE * pl.col("_all"))
        & (pl.col("_sides") <= FEW_SIDE_LINES),
        "CONTROLLED_TRADER_ODD_GOODS",
        pl.format(
            "heading {}: {} of the exporter's {} lines, {} of which are controlled items",
            pl.col("hs4"),
            pl.col("_ch"),
            pl.col("_all"),
            pl.col("_ctl"),
        ),
    )


def exporter_trade_signals(heading_counts: pl.LazyFrame) -> list[pl.LazyFrame]:
    """The three checks over :func:`exporter_heading_counts`."""
    return [
        new_commodity(heading_counts),
        rare_commodity(heading_counts),
        controlled_trader_odd_goods(heading_counts),
    ]
