"""Concealment: weights, densities and parcels that do not fit the goods declared."""

from __future__ import annotations

import polars as pl

from orewatch.screening.detectors.exporter_trade import heading_counts_or
from orewatch.screening.features import goods_text, small_shipment
from orewatch.screening.names import address_key, normalise_name_expr
from orewatch.screening.prior import SMALL_PAIR_COLUMNS, Prior
from orewatch.screening.signals import Lines, concat_signals, signals_where

GROSS_NET_Z = 3.5
#: Twice as far out: no packing of the declared goods weighs that, whatever its noise.
GROSS_NET_FAR_Z = 2 * GROSS_NET_Z
#: Below GROSS_NET_Z, a gross surplus counts from this z when it is also TAIL_REACH times
#: as far as the packing's honest noise reaches in this dataset (``gross_net_tail``).
SURPLUS_Z = 2.0
TAIL_REACH = 1.5
#: Where the line's mode has enough lines (``gross_net_far``), the gap counts from
#: FAR_REACH times that mode's 1-in-100 reach instead (and at least SURPLUS_MIN_Z).
FAR_REACH = 1.2
SURPLUS_MIN_Z = 1.0
#: A freight lot this many robust spreads lighter than its goods' usual lots.
SMALL_LOT_Z = 3.5
#: A line is odd in its declaration when no other line shares its chapter and its heading
#: carries under this share of an exporter's lines (from ODD_LINE_HISTORY lines on).
ODD_LINE_SHARE = 0.05
ODD_LINE_HISTORY = 20
#: A line is a one-off when it is the only line of its heading the exporter ever declared
#: (history included) and the exporter has at least ONE_OFF_HISTORY lines.
ONE_OFF_HISTORY = 10
#: Senders sharing a phone or address count as one network from this many senders up.
SHARED_SENDERS = 3
#: An exporter with at most this many lines (history included) is new to trade; this many
#: such senders of small lots to one consignee are a crowd (``FRESH_SENDERS_ONE_CONSIGNEE``).
FRESH_SENDER_LINES = 5
FRESH_SENDERS = 3
#: A delivery address that such a crowd of senders writes under this many consignee
#: names is one drop spread over names (``FRESH_SENDERS_ONE_ADDRESS``).
DROP_NAMES = 2
#: A piece this many robust spreads heavier than the goods' pieces usually weigh.
PIECE_WEIGHT_Z = 3.5
#: Twice as far out: no piece of the declared goods weighs that (as ``GROSS_NET_FAR_Z``).
PIECE_WEIGHT_FAR_Z = 2 * PIECE_WEIGHT_Z
#: Words that call the goods samples, in Chinese and English (样品 samples, 样本, 试样
#: test samples, 样件 sample pieces): the cover under which controlled metals travel
#: in a courier's bag or a passenger's luggage, a few kilograms at a time.
SAMPLE_WORDS = r"(?i)样品|样本|试样|样件|\bsamples?\b|\bspecimens?\b|\btest pieces?\b"


def concealment_signals(
    lines: Lines,
    shared: pl.DataFrame | None,
    prior: Prior | None = None,
    heading_counts: pl.LazyFrame | None = None,
    small: bool | None = None,
) -> pl.LazyFrame:
    """``shared`` is :func:`sender_contacts` of the parties (None: no party data).
    ``heading_counts``: :func:`exporter_heading_counts` of the lines, when the caller
    shares one query of them with the misdeclaration checks. ``small=False``: no line
    is a small shipment (:func:`small_shipment`), so no ring of senders is looked for."""
    parts = [
        _gross_net(lines, pl.col("gross_net_z") > GROSS_NET_Z, "GROSS_NET_ODD"),
        _gross_net(lines, pl.col("gross_net_z") > GROSS_NET_FAR_Z, "GROSS_NET_FAR"),
        _gross_net(lines, _surplus(), "GROSS_NET_SURPLUS"),
        _gross_net(lines, _short(), "GROSS_NET_SHORT"),
        # Packed lighter than the declared goods ever are: the packing fits other goods
        # (a dense metal in drums declared as bricks on pallets).
        _gross_net(lines, pl.col("gross_net_z") < -GROSS_NET_Z, "GROSS_NET_LOW"),
        signals_where(
            lines,
            (pl.col("lot_z") < -SMALL_LOT_Z) & ~pl.col("is_parcel"),
            "LOT_SMALL_FOR_GOODS",
            pl.format(
                "{} kg of {} by {} (z={} against the goods' usual lots)",
                pl.col("net_weight_kg"),
                pl.col("hs_code"),
                pl.col("mode"),
                pl.col("lot_z").round(1),
            ),
        ),
        *_foreign_lines(heading_counts_or(heading_counts, lines, prior)),
        signals_where(
            lines,
            pl.col("is_parcel")
            & (
                pl.col("controlled")
                | (pl.col("named_elements").list.len() > 0)
                | (pl.col("unit_value_z") > 2.0)
            ),
            "SMALL_DENSE_PARCEL",
            pl.format(
                "{} {} kg {}", pl.col("mode"), pl.col("net_weight_kg"), pl.col("description")
            ),
        ),
        _samples_by_parcel(lines),
        _piece_weight(lines, PIECE_WEIGHT_Z, "PIECE_WEIGHT_HIGH"),
        _piece_weight(lines, PIECE_WEIGHT_FAR_Z, "PIECE_WEIGHT_FAR"),
    ]
    if small is not False:
        history = prior or Prior.empty()
        # Read by both sender rules: made once even in a plan run as written.
        lots = lines.lazy().filter(small_shipment()).cache()
        pairs = _small_pairs(lots, history)
        fresh = _fresh_exporters(lines, history)
        parts.append(_fresh_senders(lots, pairs, fresh))
        parts.append(_fresh_senders_one_address(lots, pairs, fresh))
        if shared is not None and shared.height:
            parts.append(_shared_senders(lots, shared, pairs))
    return concat_signals(parts)


def _small_pairs(lots: pl.LazyFrame, prior: Prior) -> pl.LazyFrame:
    """Each (exporter, consignee, address) of a small lot (``lots``: the lines' small
    shipments) and of the history's (the prior): a new parcel is judged with the senders
    that shipped to its consignee, or its address, before."""
    return (
        pl.concat([lots.select(*SMALL_PAIR_COLUMNS), prior.small_shipments.lazy()]).unique().cache()
    )


def _samples_by_parcel(lines: Lines) -> pl.LazyFrame:
    """Parcels and passengers' goods declared as samples (see ``SAMPLE_WORDS``; the
    words are read on the parcels alone, a small share of the lines)."""
    return signals_where(
        lines.lazy().filter(pl.col("is_parcel")),
        goods_text().str.contains(SAMPLE_WORDS),
        "SAMPLES_BY_PARCEL",
        pl.format(
            "{} {} kg described as {}",
            pl.col("mode"),
            pl.col("net_weight_kg"),
            pl.col("description"),
        ),
    )


def _piece_weight(lines: Lines, z: float, code: str) -> pl.LazyFrame:
    """Lines whose pieces weigh more than ``z`` robust spreads over the goods' pieces."""
    return signals_where(
        lines,
        pl.col("piece_z") > z,
        code,
        pl.format(
            "{} kg in {} {}: {} kg each (z={} against the goods' pieces)",
            pl.col("net_weight_kg"),
            pl.col("quantity"),
            pl.col("unit"),
            (pl.col("net_weight_kg") / pl.col("quantity")).round(3),
            pl.col("piece_z").round(1),
        ),
    )


def _surplus() -> pl.Expr:
    """A gross surplus short of GROSS_NET_Z yet beyond anything the packing's noise reaches.

    Where weights are machine-read and packing is uniform (sea freight), honest lines
    stay within a z of about 1; a few kilograms of dense metal under the goods then show
    as a z of 2-3, which a cut made for wide-noise packing (parcels) would ignore.
    """
    z = pl.col("gross_net_z")
    reach = _reach(pl.col("gross_net_far"), pl.col("gross_net_tail"))
    return ((z > reach) & (z <= GROSS_NET_Z)).fill_null(False)


def _reach(far: pl.Expr, tail: pl.Expr) -> pl.Expr:
    """How far (in z) a gap must go to leave the honest noise, on one side.

    The mode's own reach with a margin where the mode has lines enough to measure it;
    else 1.5 times the packing's 1-in-200 reach, never under SURPLUS_Z.
    """
    measured = pl.max_horizontal(pl.lit(SURPLUS_MIN_Z), FAR_REACH * far)
    packing = pl.max_horizontal(pl.lit(SURPLUS_Z), TAIL_REACH * tail)
    return pl.when(far.is_not_null()).then(measured).otherwise(packing)


def _short() -> pl.Expr:
    """The mirror of :func:`_surplus`: packed a little lighter than the goods ever are.

    A dense metal declared as bulkier goods needs less packing per kilogram than they do.
    """
    z = pl.col("gross_net_z")
    reach = _reach(-pl.col("gross_net_far_low"), -pl.col("gross_net_tail_low"))
    return ((z < -reach) & (z >= -GROSS_NET_Z)).fill_null(False)


def _gross_net(lines: Lines, condition: pl.Expr, code: str) -> pl.LazyFrame:
    """Gross/net out of line for the goods and their packing, with the figures."""
    return signals_where(
        lines,
        condition,
        code,
        pl.format(
            "gross/net {} (z={}) for {} by {}",
            pl.col("log_gross_net").exp().round(3),
            pl.col("gross_net_z").round(1),
            pl.col("hs_code"),
            pl.col("mode"),
        ),
    )


def _foreign_lines(heading_counts: pl.LazyFrame) -> list[pl.LazyFrame]:
    """Lines foreign to the exporter's trade inside a shipment of several lines.

    Both rules read the same counts: the exporter's lines under the line's heading and
    in all (history included, ``heading_counts``), and the declaration's lines in all
    and in the chapter.
    """
    counted = (
        heading_counts.with_columns(
            pl.len().over("declaration_id").alias("_decl_lines"),
            pl.len().over("declaration_id", "hs2").alias("_chapter_lines"),
        ).cache()  # read by both rules: counted once even in a plan run as written
    )
    return [_odd_line(counted), _one_off_line(counted)]


def _odd_line(counted: pl.LazyFrame) -> pl.LazyFrame:
    """One line of a declaration in a chapter no other line shares, foreign to the exporter.

    Controlled material slipped into a container of ordinary goods often travels as a
    line of goods the exporter does not trade: the line stands alone in its declaration
    (its chapter on no other line) and its heading is a small part of the exporter's
    lines. Either alone is common (mixed loads, a new product); together they are rare.
    """
    alone = (pl.col("_decl_lines") >= 2) & (pl.col("_chapter_lines") == 1)
    foreign = (pl.col("_all") >= ODD_LINE_HISTORY) & (
        pl.col("_ch") < ODD_LINE_SHARE * pl.col("_all")
    )
    return signals_where(
        counted,
        alone & foreign,
        "ODD_LINE_IN_SHIPMENT",
        pl.format(
            "chapter {} on no other of the declaration's {} lines; heading {}: {} of the "
            "exporter's {} lines",
            pl.col("hs2"),
            pl.col("_decl_lines"),
            pl.col("hs4"),
            pl.col("_ch"),
            pl.col("_all"),
        ),
    )


def _one_off_line(counted: pl.LazyFrame) -> pl.LazyFrame:
    """The one line of its goods an established exporter ever declared, inside a shipment.

    A cover line for hidden material is often goods the exporter does not trade, and
    unlike a new product line it does not recur: in a declaration of several lines, the
    only line of its heading among ten or more of the exporter's lines, history included
    (seeds 1-3 at 100,000 lines: 38 % of such lines were fraudulent, against 21 % for
    ``ODD_LINE_IN_SHIPMENT``, which also counts goods the exporter ships now and then).
    """
    once = (pl.col("_ch") == 1) & (pl.col("_all") >= ONE_OFF_HISTORY)
    return signals_where(
        counted,
        (pl.col("_decl_lines") >= 2) & once,
        "ONE_OFF_LINE_IN_SHIPMENT",
        pl.format(
            "heading {}: the only one of the exporter's {} lines, beside {} other lines in "
            "the declaration",
            pl.col("hs4"),
            pl.col("_all"),
            pl.col("_decl_lines") - 1,
        ),
    )


def sender_contacts(parties: pl.DataFrame) -> pl.DataFrame:
    """Exporters and the phone or address they share with at least SHARED_SENDERS others."""
    contacts = (
        parties.filter(pl.col("registration_id").is_not_null())
        .select(
            pl.col("registration_id").alias("exporter_id"),
            pl.concat_list(
                [
                    pl.format("phone:{}", pl.col("phone").str.replace_all(r"\D", "")),
                    pl.format("addr:{}", pl.col("address").str.replace_all(r"\s", "")),
                ]
            ).alias("contact"),
        )
        .explode("contact")
        .drop_nulls("contact")
        .filter(~pl.col("contact").is_in(["phone:", "addr:"]))
        .unique()
    )
    return (
        contacts.with_columns(pl.col("exporter_id").n_unique().over("contact").alias("senders"))
        .filter(pl.col("senders") >= SHARED_SENDERS)
        .select("exporter_id", "contact")
        .unique()
    )


def _fresh_exporters(lines: Lines, prior: Prior) -> pl.LazyFrame:
    """Exporters with at most FRESH_SENDER_LINES lines, the prior's counted: new to trade.

    The prior's lines count toward an exporter's total, so a new parcel is judged with
    the crowd it joins.
    """
    totals = (
        pl.concat(
            [
                lines.lazy().group_by("exporter_id").agg(pl.len().alias("_n")),
                prior.exporter_lines.lazy().select(
                    "exporter_id", pl.col("prior_lines").alias("_n")
                ),
            ],
            how="vertical_relaxed",
        )
        .group_by("exporter_id")
        .agg(pl.col("_n").sum())
    )
    return totals.filter(pl.col("_n") <= FRESH_SENDER_LINES).select("exporter_id").cache()


def _fresh_senders(lots: pl.LazyFrame, pairs: pl.LazyFrame, fresh: pl.LazyFrame) -> pl.LazyFrame:
    """Small lots to one consignee from several exporters that have hardly traded at all.

    An ant trade splits a consignment among many first-time senders (persons, shells
    registered for the purpose), each shipping a few parcels and vanishing; established
    small shippers send to many consignees over a long history. Where the dataset has a
    parties table, senders sharing contacts show the ring (``SHARED_SENDER_CONTACTS``);
    this needs only the declarations. ``lots``: the lines' small shipments; ``pairs``:
    :func:`_small_pairs`; ``fresh``: :func:`_fresh_exporters`.
    """
    crowds = (
        pairs.join(fresh, on="exporter_id")
        .group_by("consignee_name")
        .agg(pl.col("exporter_id").n_unique().alias("_fresh"))
        .filter(pl.col("_fresh") >= FRESH_SENDERS)
    )
    flagged = lots.join(fresh, on="exporter_id", how="semi").join(crowds, on="consignee_name")
    return signals_where(
        flagged,
        pl.lit(True),
        "FRESH_SENDERS_ONE_CONSIGNEE",
        pl.format(
            "{} senders with at most {} lines each ship small lots to {}",
            pl.col("_fresh"),
            pl.lit(FRESH_SENDER_LINES),
            pl.col("consignee_name"),
        ),
    )


def _fresh_senders_one_address(
    lots: pl.LazyFrame, pairs: pl.LazyFrame, fresh: pl.LazyFrame
) -> pl.LazyFrame:
    """Small lots to one delivery address, under several consignee names, from exporters
    that have hardly traded at all.

    A ring that knows parcels to one buyer from a crowd of new senders are looked at
    (``FRESH_SENDERS_ONE_CONSIGNEE``) writes the buyer differently each time: another
    person "c/o" the firm, the firm spelled another way; the door they deliver to stays
    the same. An honest hub's address receives under one name (its spellings compare
    equal once normalised), and its senders are mostly established. Both counts are of
    the fresh senders' own lots, history included; an address that places nothing
    (:func:`address_key`) forms no crowd.
    """
    keyed = pairs.join(fresh, on="exporter_id").with_columns(
        _drop_key().alias("_address"), normalise_name_expr(pl.col("consignee_name")).alias("_name")
    )
    drops = (
        keyed.drop_nulls("_address")
        .group_by("_address")
        .agg(
            pl.col("exporter_id").n_unique().alias("_fresh"),
            pl.col("_name").n_unique().alias("_names"),
        )
        .filter((pl.col("_fresh") >= FRESH_SENDERS) & (pl.col("_names") >= DROP_NAMES))
    )
    flagged = (
        lots.join(fresh, on="exporter_id", how="semi")
        .with_columns(_drop_key().alias("_address"))
        .join(drops, on="_address")
    )
    return signals_where(
        flagged,
        pl.lit(True),
        "FRESH_SENDERS_ONE_ADDRESS",
        pl.format(
            "{} senders with at most {} lines each ship small lots to {}, {} under {} names",
            pl.col("_fresh"),
            pl.lit(FRESH_SENDER_LINES),
            pl.col("consignee_address"),
            pl.col("consignee_country"),
            pl.col("_names"),
        ),
    )


def _drop_key() -> pl.Expr:
    """The country and :func:`address_key` of a consignee's address: one door."""
    return pl.concat_str(
        [pl.col("consignee_country"), address_key(pl.col("consignee_address"))], separator=":"
    )


def _shared_senders(lots: pl.LazyFrame, shared: pl.DataFrame, pairs: pl.LazyFrame) -> pl.LazyFrame:
    """Small-lot lines (``lots``) to one consignee from several exporters that share a
    phone or address.

    ``pairs``: :func:`_small_pairs`, earlier small shipments included, so one new parcel
    is judged with the ring it belongs to.
    """
    rings = (
        pairs.join(shared.lazy(), on="exporter_id")
        .group_by("contact", "consignee_name")
        .agg(pl.col("exporter_id").n_unique().alias("senders_to_consignee"))
        .filter(pl.col("senders_to_consignee") >= SHARED_SENDERS)
    )
    linked = lots.join(shared.lazy(), on="exporter_id").join(
        rings, on=["contact", "consignee_name"]
    )
    return signals_where(
        # The largest ring first, then by contact: the same ring is named on every run.
        linked.sort(
            ["_idx", "senders_to_consignee", "contact"], descending=[False, True, False]
        ).unique("_idx", keep="first", maintain_order=True),
        pl.lit(True),
        "SHARED_SENDER_CONTACTS",
        pl.format(
            "{} senders sharing {} ship to {}",
            pl.col("senders_to_consignee"),
            pl.col("contact"),
            pl.col("consignee_name"),
        ),
    )
