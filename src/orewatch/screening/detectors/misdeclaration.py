"""Misdeclaration: what the words, the value and the weights say against the code.

Signals compare each line with what its own commodity usually looks like in this
dataset (robust z-scores per commodity), and the description's words with the code.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import polars as pl

from orewatch.screening.detectors.exporter_trade import (
    exporter_trade_signals,
    heading_counts_or,
)
from orewatch.screening.detectors.peer_prices import PeerPrices, peer_price_signals
from orewatch.screening.features import WEIGHT_UNITS, could_be_controlled
from orewatch.screening.market import USD_ONLY, MarketNorm, in_usd, market_ratios
from orewatch.screening.prior import Prior
from orewatch.screening.signals import Lines, concat_signals, signals_where

#: |z| beyond this is far from the commodity's usual unit value (robust z, ~1 in 2,000
#: for a normal distribution: rare enough to look at, common enough to matter).
UNIT_VALUE_Z = 3.5
#: Possibly controlled goods this many spreads below their norm, short of UNIT_VALUE_Z,
#: are "rather cheap": an invoice at a third of the value sits only 2-3 spreads under
#: where a commodity's honest prices spread wide.
RATHER_LOW_Z = 2.5
#: A line priced this far above its norm, beside a line of possibly controlled goods
#: priced beyond UNIT_VALUE_Z below its own, may carry value moved off that line.
VALUE_SHIFT_Z = 2.0
#: Quantity in kg and net weight may differ by this share before they "do not add up".
WEIGHT_TOLERANCE = 0.05
#: A controlled element named by fewer than this share of a commodity's lines is not
#: that commodity's ordinary vocabulary.
VOCABULARY_SHARE = 0.05
#: The grade in nines from which purity is "high" (99.99 %, the 4N of the terms).
HIGH_GRADE = 4
#: A lower grade (99.9 %) still says something where it stands this many grades above
#: what the tariff line's lines commonly state (see :func:`_grade_above_code`).
REFINED_GRADE = 3
GRADE_GAP = 2
#: A chapter with at least this many lines has an established way of travelling, and a
#: mode carrying under this share of them is out of place.
MODE_MIN_LINES = 200
MODE_SHARE = 0.01
#: Lines this many robust spreads above their commodity's unit value are "dear": as far
#: as UNIT_VALUE_HIGH. (At 2.0 it fired on 1.7 % of all lines, 1 % of them fraudulent,
#: once the norms became local in time: with some thirty controlled materials over three
#: orders of magnitude of price, nearly any dear price is near one of them.)
DEAR_Z = UNIT_VALUE_Z
#: Within this factor of a controlled material's market price is "priced like it".
PRICE_BAND = 1.6
#: A controlled line this many robust spreads under the dataset's usual ratio of declared
#: to market price is undervalued (the ratio's spread is wide: it mixes materials, forms
#: and terms of sale, so fewer spreads than UNIT_VALUE_Z already say "far").
MARKET_Z = 2.5
#: An origin region supplying under this share of an established chapter's lines (at
#: least MODE_MIN_LINES) is not where those goods come from ...
ORIGIN_SHARE = 0.01
#: ... and a region whose share of controlled lines is this many times the dataset's is
#: where controlled material comes from.
ORIGIN_CONTROLLED_FACTOR = 2.0
#: An exporter with SOURCE_MIN_LINES lines of a tariff line, SOURCE_USUAL of them from one
#: region, has a usual source for it; a region giving under SOURCE_SHARE of them is not it.
SOURCE_MIN_LINES = 10
SOURCE_USUAL = 0.5
SOURCE_SHARE = 0.1


@dataclass(frozen=True)
class Origins:
    """Where each chapter's goods come from, and which regions supply controlled material.

    Learned from the fitted dataset's lines (with their control columns), so that one
    new declaration is judged against the same norms.
    """

    goods: pl.DataFrame  # hs4, origin_region, share of the chapter's lines
    chapters: pl.DataFrame  # hs4, hs4_lines
    regions: pl.DataFrame  # origin_region, controlled_ratio (its controlled share / the data's)
    #: exporter_id, hs_code, origin_region, source_share of the exporter's lines of the
    #: tariff line, source_lines (those lines), usual_share (its commonest region's share)
    sources: pl.DataFrame
    #: exporter_id, hs_code, source_lines, usual_share: ``sources`` once per goods of an
    #: exporter, prepared here rather than in every query that reads it.
    usual: pl.DataFrame = field(init=False, repr=False, compare=False)
    #: hs4, origin_region, share, hs4_lines, controlled_ratio: what ``goods``, ``chapters``
    #: and ``regions`` say of a chapter's goods from a region, for every chapter and
    #: region (share 0 where none came), so that a line reads them in one join.
    by_region: pl.DataFrame = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        per_goods = ["exporter_id", "hs_code"]
        usual = self.sources.select(*per_goods, "source_lines", "usual_share").unique(per_goods)
        by_region = (
            self.chapters.join(self.regions, how="cross")
            .join(self.goods, on=["hs4", "origin_region"], how="left")
            .with_columns(pl.col("share").fill_null(0.0))
        )
        object.__setattr__(self, "usual", usual)
        object.__setattr__(self, "by_region", by_region)

    @classmethod
    def fit(cls, lines: pl.DataFrame) -> Origins | None:
        """None when the dataset does not say where its goods come from."""
        if "origin_region" not in lines.columns:
            return None
        known = lines.filter(pl.col("origin_region").is_not_null())
        if known.is_empty():
            return None
        chapters = known.group_by("hs4").agg(pl.len().alias("hs4_lines"))
        goods = (
            known.group_by("hs4", "origin_region")
            .agg(pl.len().alias("_n"))
            .join(chapters, on="hs4")
            .select("hs4", "origin_region", (pl.col("_n") / pl.col("hs4_lines")).alias("share"))
        )
        overall = known["controlled"].cast(pl.Float64).mean() or 0.0
        regions = known.group_by("origin_region").agg(
            (pl.col("controlled").cast(pl.Float64).mean() / max(overall, 1e-9)).alias(
                "controlled_ratio"
            )
        )
        per_goods = ["exporter_id", "hs_code"]
        sources = (
            known.group_by(*per_goods, "origin_region")
            .agg(pl.len().alias("_n"))
            .with_columns(pl.col("_n").sum().over(per_goods).alias("source_lines"))
            .with_columns((pl.col("_n") / pl.col("source_lines")).alias("source_share"))
            .with_columns(pl.col("source_share").max().over(per_goods).alias("usual_share"))
            .drop("_n")
        )
        return cls(goods, chapters, regions, sources)


def cheap_controlled() -> pl.Expr:
    """Goods that are or could be controlled material, priced far below their norm."""
    return (pl.col("unit_value_z") < -UNIT_VALUE_Z) & could_be_controlled()


def _unit_value_evidence() -> pl.Expr:
    return pl.format("unit value z={} for {}", pl.col("unit_value_z").round(1), pl.col("hs_code"))


def _value_shifted(lines: Lines) -> pl.LazyFrame:
    """A line priced above its norm beside one of possibly controlled goods priced far
    below its own, in one declaration.

    Undervaluing controlled goods while padding an ordinary line of the same invoice
    keeps the declaration's total right, so a check of totals passes; the cheap line
    raises ``UNIT_VALUE_LOW``, and the padded one is dear only by the value moved onto
    it, often short of ``UNIT_VALUE_HIGH``.
    """
    cheap = cheap_controlled().fill_null(False)
    with_cheap = lines.lazy().with_columns(
        pl.when(cheap).then(pl.col("line_no")).min().over("declaration_id").alias("_cheap_line"),
        cheap.alias("_cheap"),
    )
    shifted = (
        ~pl.col("_cheap")
        & pl.col("_cheap_line").is_not_null()
        & (pl.col("unit_value_z") > VALUE_SHIFT_Z)
    )
    return signals_where(
        with_cheap,
        shifted,
        "VALUE_SHIFTED",
        pl.format(
            "unit value z={} for {} beside line {} declared far below its norm",
            pl.col("unit_value_z").round(1),
            pl.col("hs_code"),
            pl.col("_cheap_line"),
        ),
    )


def misdeclaration_signals(
    lines: Lines,
    items: pl.DataFrame | None = None,
    vocabulary: pl.DataFrame | None = None,
    prior: Prior | None = None,
    modes: pl.DataFrame | None = None,
    controlled_prices: pl.DataFrame | None = None,
    origins: Origins | None = None,
    purity: pl.DataFrame | None = None,
    heading_counts: pl.LazyFrame | None = None,
    named: bool | None = None,
    dear: bool | None = None,
    market: MarketNorm | None = None,
    to_usd: pl.DataFrame = USD_ONLY,
    controlled: bool | None = None,
    peer_prices: PeerPrices | None = None,
) -> pl.LazyFrame:
    """Words, values and weights that contradict the declared commodity.

    ``items`` is the control catalogue's items frame (element, hs_code, effective_from)
    and ``vocabulary`` each heading's share of lines naming each element (see
    ``Baselines``); without them, description words are not checked. ``purity``: each
    tariff line's share of lines speaking of high purity (``Baselines.purity``).
    ``heading_counts``: :func:`exporter_heading_counts` of the lines, when the caller
    shares one query of them with the concealment checks. ``named=False``: no line names
    a controlled element (:func:`names_an_element`), so the words are not checked;
    ``dear=False``: no line is dear ordinary goods (:func:`dear_ordinary`), so none is
    compared with controlled materials' prices. ``market``: how the dataset's controlled
    lines price against ``controlled_prices`` (:func:`orewatch.screening.market.fit_market_norm`);
    without it, no line is compared with its material's market price. ``to_usd``: the
    currencies a line may be invoiced in to be compared with the USD quotes, and how
    (:func:`orewatch.screening.market.usd_shifts`). ``controlled=False``: no line is
    controlled, so none is compared with its material's market price. ``peer_prices``:
    the exporters that price goods well above or below all their other exporters
    (:class:`PeerPrices`).
    """
    counts = heading_counts_or(heading_counts, lines, prior)
    parts = [
        # Declaring controlled material cheap hides what it is and how much of a licence
        # it draws; cheap aluminium is a tax matter, not an export-control one.
        signals_where(
            lines,
            cheap_controlled(),
            "UNIT_VALUE_LOW",
            _unit_value_evidence(),
        ),
        signals_where(
            lines,
            pl.col("unit_value_z").is_between(-UNIT_VALUE_Z, -RATHER_LOW_Z, closed="left")
            & could_be_controlled(),
            "UNIT_VALUE_RATHER_LOW",
            _unit_value_evidence(),
        ),
        signals_where(
            lines,
            (pl.col("unit_value_z") < -UNIT_VALUE_Z) & ~could_be_controlled(),
            "UNIT_VALUE_LOW_ORDINARY",
            _unit_value_evidence(),
        ),
        signals_where(
            lines,
            pl.col("unit_value_z") > UNIT_VALUE_Z,
            "UNIT_VALUE_HIGH",
            _unit_value_evidence(),
        ),
        _value_shifted(lines),
        signals_where(lines, _weights_disagree(), "WEIGHT_INCONSISTENT", _weight_evidence()),
        *exporter_trade_signals(counts),
    ]
    if items is not None and items.height and vocabulary is not None and named is not False:
        parts.append(_words_against_code(lines, items, vocabulary))
    if purity is not None and purity.height:
        parts += _purity_signals(lines, purity)
    if modes is not None and modes.height:
        parts.append(_unusual_mode(lines, modes))
    if controlled_prices is not None and controlled_prices.height and dear is not False:
        parts.append(_priced_like_controlled(lines, controlled_prices, to_usd))
    if (
        controlled_prices is not None
        and items is not None
        and market is not None
        and controlled is not False
    ):
        parts.append(_below_market(lines, controlled_prices, items, market, to_usd))
    if peer_prices is not None:
        parts += peer_price_signals(lines, peer_prices)
    if origins is not None and "origin_region" in lines.collect_schema():
        facts = origin_facts(lines, origins)
        parts += [_origin_unusual(facts), _source_unusual(facts)]
    return concat_signals(parts)


def origin_facts(lines: Lines, origins: Origins) -> pl.LazyFrame:
    """``lines`` with what the fitted origins say of each: of its chapter and region
    (``Origins.by_region``), of the exporter's goods (``usual``) and of the exporter's
    goods from the line's region (``source_share``, 0 where none came from there).

    One join per key, read by both origin rules (cached: worked out once even in a plan
    run as written); each rule joined three or four tables of its own before."""
    per_goods = ["exporter_id", "hs_code"]
    return (
        lines.lazy()
        .join(origins.by_region.lazy(), on=["hs4", "origin_region"], how="left")
        .join(origins.usual.lazy(), on=per_goods, how="left")
        .join(
            origins.sources.lazy().select(*per_goods, "origin_region", "source_share"),
            on=[*per_goods, "origin_region"],
            how="left",
        )
        .with_columns(pl.col("share").fill_null(0.0), pl.col("source_share").fill_null(0.0))
        .cache()
    )


def _source_unusual(facts: pl.LazyFrame) -> pl.LazyFrame:
    """Goods from a region the exporter seldom draws them from, when it has a usual one.

    A producer ships from its own plant and a licensed trader buys controlled material
    from the plants it has contracts with; the same goods from elsewhere is supply off
    those books (a leaking plant's region). Traders who buy ordinary goods anywhere have
    no usual source, and are not judged.
    """
    return signals_where(
        facts,
        pl.col("origin_region").is_not_null()
        & (pl.col("source_lines").fill_null(0) >= SOURCE_MIN_LINES)
        & (pl.col("usual_share") >= SOURCE_USUAL)
        & (pl.col("source_share") < SOURCE_SHARE),
        "ORIGIN_UNUSUAL_FOR_EXPORTER",
        pl.format(
            "{} from {}: {}% of the exporter's {} lines of it (its usual source gives {}%)",
            pl.col("hs_code"),
            pl.col("origin_region"),
            (100 * pl.col("source_share")).round(1),
            pl.col("source_lines"),
            (100 * pl.col("usual_share")).round(1),
        ),
    )


def _origin_unusual(facts: pl.LazyFrame) -> pl.LazyFrame:
    """Ordinary goods from a region their chapter almost never comes from, and that
    supplies controlled material (carbon black from the tungsten and rare-earth city).

    Unless that region is the exporter's own usual source of the goods: a producer in a
    mining city ships its own goods from there, line after line.
    """
    own_source = (pl.col("source_lines").fill_null(0) >= SOURCE_MIN_LINES) & (
        pl.col("source_share").fill_null(0.0) >= SOURCE_USUAL
    )
    return signals_where(
        facts,
        ~pl.col("controlled")
        & ~own_source
        & pl.col("origin_region").is_not_null()
        & (pl.col("hs4_lines").fill_null(0) >= MODE_MIN_LINES)
        & (pl.col("share") < ORIGIN_SHARE)
        & (pl.col("controlled_ratio").fill_null(0.0) >= ORIGIN_CONTROLLED_FACTOR),
        "ORIGIN_UNUSUAL_FOR_GOODS",
        pl.format(
            "{} from {}: {}% of the chapter's lines; the region's share of controlled lines "
            "is {}x the data's",
            pl.col("hs4"),
            pl.col("origin_region"),
            (100 * pl.col("share")).round(2),
            pl.col("controlled_ratio").round(1),
        ),
    )


def names_an_element() -> pl.Expr:
    """The line's goods text names a controlled element."""
    return pl.col("named_elements").list.len() > 0


def _unusual_mode(lines: Lines, modes: pl.DataFrame) -> pl.LazyFrame:
    """A mode of transport this commodity chapter almost never uses (bulk goods by air)."""
    joined = (
        lines.lazy()
        .join(modes.lazy(), on=["hs4", "mode"], how="left")
        .with_columns(pl.col("share").fill_null(0.0))
    )
    established = pl.col("hs4_lines").fill_null(0) >= MODE_MIN_LINES
    return signals_where(
        joined,
        established & (pl.col("share") < MODE_SHARE) & ~pl.col("is_parcel"),
        "MODE_UNUSUAL",
        pl.format(
            "{} by {}: {}% of the chapter's lines",
            pl.col("hs4"),
            pl.col("mode"),
            (100 * pl.col("share")).round(2),
        ),
    )


def dear_ordinary() -> pl.Expr:
    """Ordinary goods priced far above their kind."""
    return ~pl.col("controlled") & (pl.col("unit_value_z") > DEAR_Z)


def _invoiced_in() -> pl.Expr:
    """What a line's USD figure is, where it was not invoiced in USD."""
    return (
        pl.when(pl.col("currency") != "USD")
        .then(pl.format(" (invoiced in {}, at the dataset's implied rate)", "currency"))
        .otherwise(pl.lit(""))
    )


def _below_market(
    lines: Lines,
    prices: pl.DataFrame,
    items: pl.DataFrame,
    market: MarketNorm,
    to_usd: pl.DataFrame,
) -> pl.LazyFrame:
    """Controlled goods declared far under their material's market price, against how
    this dataset's controlled lines usually price (see :mod:`orewatch.screening.market`)."""
    return signals_where(
        market_ratios(lines, prices, items, to_usd),
        market.z(pl.col("log_ratio")) < -MARKET_Z,
        "UNIT_VALUE_BELOW_MARKET",
        pl.format(
            "USD {}/kg{}, {}% of {} at USD {}/kg that month; this dataset's controlled lines "
            "declare {}% of the market as a rule",
            (pl.col("log_ratio").exp() * pl.col("usd_per_kg")).round(2),
            _invoiced_in(),
            (100 * pl.col("log_ratio").exp()).round(0).cast(pl.Int64),
            pl.col("material"),
            pl.col("usd_per_kg").round(2),
            pl.lit(round(100 * math.exp(market.centre))),
        ),
    )


def _priced_like_controlled(
    lines: Lines, prices: pl.DataFrame, to_usd: pl.DataFrame
) -> pl.LazyFrame:
    """Ordinary goods priced far above their kind and close to a controlled material.

    ``prices``: month (Date), material, usd_per_kg — overseas market prices of controlled
    materials; lines in other currencies are put in USD by ``to_usd``. Only lines already
    dear for their commodity are compared, so the join stays small.
    """
    dear = in_usd(lines.lazy().filter(dear_ordinary()), to_usd).select(
        "_idx", "month", "hs6", "currency", "log_unit_value"
    )
    near = dear.join(prices.lazy(), on="month").filter(
        (pl.col("log_unit_value") - pl.col("usd_per_kg").log()).abs() < pl.lit(PRICE_BAND).log()
    )
    nearest = near.sort(
        pl.col("_idx"), (pl.col("log_unit_value") - pl.col("usd_per_kg").log()).abs(), "material"
    ).unique("_idx", keep="first", maintain_order=True)
    return signals_where(
        nearest,
        pl.lit(True),
        "PRICED_LIKE_CONTROLLED",
        pl.format(
            "USD {}/kg{} under {}, near {} at USD {}/kg",
            pl.col("log_unit_value").exp().round(1),
            _invoiced_in(),
            pl.col("hs6"),
            pl.col("material"),
            pl.col("usd_per_kg").round(1),
        ),
    )


def _words_against_code(
    lines: Lines, items: pl.DataFrame, vocabulary: pl.DataFrame
) -> pl.LazyFrame:
    """Lines naming a controlled element that their commodity does not usually name.

    What a commodity's lines usually say is learned from the data (``vocabulary``):
    ferro-molybdenum always names molybdenum and carbide inserts tungsten, so there the
    word is the commodity's own vocabulary; gallium in the specification of aluminium
    ingots is not. Lines declared under one of the element's own controlled codes are
    left to the licensing checks.
    """
    elements = (
        items.lazy()
        .filter(pl.col("hs_code").is_not_null())
        .group_by("element")
        .agg(
            pl.col("effective_from").min().alias("controlled_since"),
            pl.col("hs_code").unique().alias("element_codes"),
        )
    )
    named = (
        lines.lazy()
        .select(
            "_idx",
            "hs_code",
            "hs6",
            "declared_on",
            pl.col("named_elements").alias("element"),
            "names_purity",
        )
        .explode("element")
        .drop_nulls("element")
        .join(
            vocabulary.lazy().rename({"share": "vocabulary_share"}),
            on=["hs6", "element"],
            how="left",
        )
        .with_columns(pl.col("vocabulary_share").fill_null(0.0))
        .join(elements.lazy(), on="element")
        .cache()  # read twice below: worked out once even in a plan run as written
    )
    under_own_code = (
        named.explode("element_codes")
        .filter(
            pl.col("hs_code").str.starts_with(pl.col("element_codes"))
            | pl.col("element_codes").str.starts_with(pl.col("hs_code"))
        )
        .select("_idx", "element")
        .unique()
    )
    suspicious = named.join(under_own_code, on=["_idx", "element"], how="anti").filter(
        (pl.col("vocabulary_share") < VOCABULARY_SHARE)
        & (pl.col("declared_on") >= pl.col("controlled_since"))
    )
    return signals_where(
        suspicious.unique(["_idx", "element"]),
        pl.lit(True),
        "DESC_CONTROLLED_TERMS",
        pl.format(
            "names {} under {} ({}% of {} lines do){}",
            pl.col("element"),
            pl.col("hs_code"),
            (100 * pl.col("vocabulary_share")).round(1),
            pl.col("hs6"),
            pl.when(pl.col("names_purity")).then(pl.lit(", high purity")).otherwise(pl.lit("")),
        ),
    )


def _purity_signals(lines: Lines, purity: pl.DataFrame) -> list[pl.LazyFrame]:
    """The two purity checks over one join of the lines with their tariff line's purity
    norms (``Baselines.purity``)."""
    judged = lines.lazy().join(purity.lazy(), on="hs_code", how="inner").cache()
    return [_purity_against_code(judged), _grade_above_code(judged)]


def _purity_against_code(judged: pl.LazyFrame) -> pl.LazyFrame:
    """Lines that speak of high purity under a tariff line whose lines almost never do.

    Refined metals, oxides and targets are sold by their purity; bricks, glass rods and
    steel bars are not. A purity grade on goods whose own lines never state one is the
    real goods' specification showing through a borrowed code. The norm is the
    dataset's own (``Baselines.purity``), so a tariff line that always states purity,
    controlled or not, never raises it.
    """
    return signals_where(
        judged,
        pl.col("names_purity") & (pl.col("purity_share") < VOCABULARY_SHARE),
        "DESC_PURITY_UNUSUAL",
        pl.format(
            "high purity stated under {} ({}% of its lines do)",
            pl.col("hs_code"),
            (100 * pl.col("purity_share")).round(1),
        ),
    )


def _grade_above_code(judged: pl.LazyFrame) -> pl.LazyFrame:
    """Lines stating a high purity grade above any their tariff line's lines commonly state.

    Where a tariff line's goods do speak of purity (zinc at 3N, indium at 4N), stating
    one is no news (:func:`_purity_against_code` is silent), but 6N under it is: the
    controlled grades are the high ones, and a refined material under a neighbour's code
    keeps its own grade in the specification. The usual grade is the dataset's own
    (``Baselines.purity``).

    A refined metal's 3N ("W ≥ 99.95 %") is no high purity in the terms' sense, so neither
    check heard it under ferro-tungsten, whose lines state 70-80 % if anything; two
    grades above the tariff line's common grade it is the real goods' specification all
    the same. On every generator's first seed 159 lines stated such a grade without
    naming high purity, all fraudulent (BENCHMARKS.md, "A refined grade under an alloy's
    code").
    """
    usual = pl.col("usual_grade").fill_null(0)
    return signals_where(
        judged,
        (
            (pl.col("purity_grade") >= HIGH_GRADE)
            & (pl.col("purity_grade") > usual)
            & (pl.col("purity_share") >= VOCABULARY_SHARE)
        )
        | (
            (pl.col("purity_grade") >= REFINED_GRADE)
            & (pl.col("purity_grade") >= usual + GRADE_GAP)
            & ~pl.col("names_purity")
        ),
        "DESC_GRADE_ABOVE_CODE",
        pl.format(
            "{}N stated under {}, whose lines state {}",
            pl.col("purity_grade"),
            pl.col("hs_code"),
            pl.format("at most {}N", pl.col("usual_grade")).fill_null("no common grade"),
        ),
    )


def _quantity_kg() -> pl.Expr:
    """The quantity in kilograms where its unit weighs (``raw_features`` normalised it)."""
    return pl.col("quantity") * pl.col("unit").replace_strict(
        WEIGHT_UNITS, default=None, return_dtype=pl.Float64
    )


def _weights_disagree() -> pl.Expr:
    net = pl.col("net_weight_kg")
    gross_below_net = pl.col("gross_weight_kg") < net * 0.999
    qty = _quantity_kg()
    qty_off = (qty - net).abs() > WEIGHT_TOLERANCE * pl.max_horizontal(net, pl.lit(1.0))
    return gross_below_net.fill_null(False) | qty_off.fill_null(False)


def _weight_evidence() -> pl.Expr:
    return pl.format(
        "quantity {} {}, net {} kg, gross {} kg",
        pl.col("quantity"),
        pl.col("unit"),
        pl.col("net_weight_kg"),
        pl.col("gross_weight_kg"),
    )
