"""Fitting a Screener on a dataset, and screening that dataset's own lines.

Fitting reads everything the dataset holds once: the lines' norms, the licence
register, the chain and party layers' findings, the trade routes, and what the
inspection history teaches (rule weights, what is only noted, the learned model and its
share in the blend). What it keeps is the :class:`~orewatch.screening.screener.Screener`
that both doors then use.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial

import polars as pl

from orewatch.chain.signals import chain_findings
from orewatch.controls.catalogue import Catalogue
from orewatch.parties.signals import party_findings
from orewatch.screening.detectors.concealment import sender_contacts
from orewatch.screening.detectors.flagged_lanes import FlaggedLanes, with_lane_signals
from orewatch.screening.detectors.licensing import licence_register
from orewatch.screening.detectors.misdeclaration import Origins
from orewatch.screening.detectors.peer_prices import PeerPrices
from orewatch.screening.detectors.transshipment import watchlist_keys
from orewatch.screening.features import apply_baselines, fit_baselines, raw_features
from orewatch.screening.learned import (
    credit_whole_finds,
    default_config,
    labels_from_inspections,
    learn_and_score,
    screening_frame,
    share_whole_finds,
)
from orewatch.screening.learned.blend import EVEN, found_declarations, model_share
from orewatch.screening.learned.features import Context
from orewatch.screening.learned.finds import finds_only, teaching_labels
from orewatch.screening.learned.predictor import Ranking
from orewatch.screening.learned.weights import (
    base_rate,
    noted_below,
    reference_rate,
    set_points_and_worth,
    taught_reasons,
    taught_sets,
)
from orewatch.screening.market import fit_market_norm, usd_shifts
from orewatch.screening.named_items import with_named_items
from orewatch.screening.prior import Prior
from orewatch.screening.reasons import ReasonTable
from orewatch.screening.screener import (
    EntityFacts,
    Progress,
    Screener,
    Tables,
    Thresholds,
    with_model,
)
from orewatch.screening.selection import Capacity, assign_channels
from orewatch.trade.signals import diversion_routes as trade_routes


def table_or_none(tables: Tables, name: str) -> pl.DataFrame | None:
    frame = tables.get(name)
    return frame if frame is not None and frame.height else None


def _prepared(
    tables: Tables, name: str, prepare: Callable[[pl.DataFrame], pl.DataFrame]
) -> pl.DataFrame | None:
    frame = table_or_none(tables, name)
    return prepare(frame) if frame is not None else None


#: A month with no quote takes its material's price from the quotes either side (a
#: geometric interpolation) when those are at most this many months apart: a price
#: series with a month or two missing still prices the lines of those months, while a
#: long silence is not guessed across.
QUOTE_GAP_MONTHS = 3


def controlled_prices(prices: pl.DataFrame | None, catalogue: Catalogue) -> pl.DataFrame | None:
    """Monthly USD/kg prices of controlled materials on markets quoting in USD, short gaps
    between quotes filled (:data:`QUOTE_GAP_MONTHS`).

    Only USD quotes are used: converting the domestic CNY prices would need exchange
    rates the contract does not carry.
    """
    if prices is None or prices.is_empty():
        return None
    elements = catalogue.items_frame()["element"].unique().implode()
    per_kg = (
        pl.when(pl.col("unit").str.to_lowercase() == "t")
        .then(pl.col("price") / 1000)
        .otherwise(pl.col("price"))
    )
    return (
        prices.filter(
            (pl.col("currency") == "USD")
            & pl.col("unit").str.to_lowercase().is_in(["kg", "t"])
            & pl.col("material").str.split(":").list.first().is_in(elements)
        )
        .group_by(pl.col("date").dt.truncate("1mo").alias("month"), "material")
        .agg(per_kg.mean().alias("usd_per_kg"))
        .filter(pl.col("usd_per_kg") > 0)
        .pipe(_fill_quote_gaps)
    )


def _fill_quote_gaps(monthly: pl.DataFrame) -> pl.DataFrame:
    """``month, material, usd_per_kg`` with each material's missing months between two
    quotes at most :data:`QUOTE_GAP_MONTHS` apart filled, geometrically interpolated."""
    if monthly.is_empty():
        return monthly
    index = pl.col("month").dt.year() * 12 + pl.col("month").dt.month()
    quoted = pl.when(pl.col("usd_per_kg").is_not_null()).then(index)
    return (
        monthly.sort("material", "month")
        .upsample(time_column="month", every="1mo", group_by="material")
        .with_columns(
            pl.col("material").forward_fill(),
            pl.col("usd_per_kg").log().interpolate().exp().over("material").alias("_filled"),
            (
                quoted.backward_fill().over("material") - quoted.forward_fill().over("material")
            ).alias("_gap"),
        )
        .filter(pl.col("usd_per_kg").is_not_null() | (pl.col("_gap") <= QUOTE_GAP_MONTHS))
        .select("month", "material", pl.col("_filled").alias("usd_per_kg"))
    )


def thresholds_of(channelled: pl.DataFrame) -> Thresholds:
    """The lowest score that made red (and yellow) on risk, for channelling new lines."""

    def lowest(channel: str) -> float:
        picked = channelled.filter(
            (pl.col("channel") == channel) & pl.col("channel_reason").str.starts_with("risk rank")
        )
        return float(picked["score"].min()) if picked.height else float("inf")  # type: ignore[arg-type]

    red = lowest("red")
    return Thresholds(red=red, yellow=min(lowest("yellow"), red))


@dataclass(frozen=True)
class Fitted:
    """A fitted screener and what fitting found in its own dataset."""

    screener: Screener
    alerts: pl.DataFrame
    signals: pl.DataFrame
    facilities: pl.DataFrame  # the chain layer's ranked facility-months
    parties: pl.DataFrame  # the parties layer's ranked parties


def entity_facts(
    lines: pl.DataFrame, exporter_signals: pl.DataFrame, party_lines: pl.DataFrame
) -> EntityFacts:
    """Turn the layers' findings into facts about exporters and exporter-consignee pairs.

    The chain layer speaks of exporters already. The party layer speaks of lines; each
    finding is kept for the line's (exporter, consignee) pair, so it also reaches new
    declarations between the same two parties. Watchlist hits are left to the
    transshipment detector, which weighs them by the goods.
    """
    by_exporter = exporter_signals.group_by("exporter_id", "code", maintain_order=True).agg(
        pl.col("evidence").str.join("; "),
        pl.col("elements")
        .str.split(";")
        .list.explode(keep_nulls=False, empty_as_null=False)
        .unique()
        .sort()
        .str.join(";"),
        pl.col("since").min(),
    )
    by_exporter = by_exporter.with_columns(
        pl.when(pl.col("elements") != "").then(pl.col("elements")).alias("elements")
    )
    pairs = (
        party_lines.filter(pl.col("code") != "CONSIGNEE_WATCHLISTED")
        .join(
            lines.select("declaration_id", "line_no", "exporter_id", "consignee_name"),
            on=["declaration_id", "line_no"],
        )
        .select("exporter_id", "consignee_name", "code", "evidence")
        .sort("exporter_id", "consignee_name", "code", "evidence")
        .unique(["exporter_id", "consignee_name", "code"], keep="first", maintain_order=True)
    )
    return EntityFacts(by_exporter, pairs)


def fit_and_screen(
    tables: Tables,
    catalogue: Catalogue,
    capacity: Capacity,
    reasons: ReasonTable,
    progress: Progress | None = None,
) -> Fitted:
    """Fit a screener on a dataset and screen its own lines."""
    step = progress or (lambda _name: None)
    step("features")
    # The parties layer reads only the tables, and most of its work leaves the GIL
    # (DuckDB, igraph, rapidfuzz, Polars): it runs beside the features, routes and chain.
    with ThreadPoolExecutor(max_workers=1) as beside:
        parties_job = beside.submit(party_findings, tables, reasons=reasons)
        raw = raw_features(tables["declarations"].rechunk())
        baselines = fit_baselines(raw)
        lines = with_named_items(
            catalogue.evaluate_frame(apply_baselines(raw, baselines)), catalogue
        )
        step("routes")
        routes = trade_routes(tables, catalogue)
        step("chain")
        chain = chain_findings(tables)
        step("parties")
        parties = parties_job.result()
    facts = entity_facts(lines, chain.exporter_signals, parties.line_signals)
    prices = controlled_prices(table_or_none(tables, "prices"), catalogue)
    provisional = Screener(
        catalogue=catalogue, reasons=reasons, capacity=capacity, baselines=baselines,
        register=_prepared(
            tables, "licenses", partial(licence_register, items=catalogue.items_frame())
        ),
        sender_contacts=_prepared(tables, "parties", sender_contacts),
        watch_keys=_prepared(tables, "watchlist", watchlist_keys),
        facts=facts, routes=routes,
        history=Prior.from_lines(lines), thresholds=Thresholds(float("inf"), float("inf")),
        controlled_prices=prices,
        origins=Origins.fit(lines),
        peer_prices=PeerPrices.fit(lines),
        market=fit_market_norm(
            lines, prices, catalogue.items_frame(), usd_shifts(baselines.currency)
        ),
    )  # fmt: skip
    step("detectors")
    signals = provisional.signals(lines, Prior.empty())
    # Lanes whose lines raise reasons again and again, judged on the fixed weights.
    lanes = FlaggedLanes.fit(lines, signals, reasons.frame().select("code", "weight"))
    signals = with_lane_signals(signals.lazy(), lines, lanes).collect()
    provisional = replace(provisional, flagged_lanes=lanes)
    step("learning")
    inspections = table_or_none(tables, "inspections")
    labels = (
        labels_from_inspections(lines, inspections, catalogue) if inspections is not None else None
    )
    # The model's inputs must not have seen any label, and taught weights have seen them
    # all: it learns from the rule score on the fixed weights (the out-of-fold promise).
    learned, context, share, config = None, None, EVEN, default_config()
    from_finds = labels is not None and finds_only(labels, config.min_positives)
    fixed_weights: pl.DataFrame | None = None
    if labels is not None:
        fixed = provisional.score(lines, signals)
        frame = screening_frame(lines, signals, fixed)
        # The model learns each find on the lines likeliest to hold it.
        fixed_weights = fixed
        credited = credit_whole_finds(labels, lines, fixed)
        learned = learn_and_score(frame, credited, config)
        # A history of finds alone teaches the weights (and the blend's share) as finds
        # against lines drawn at random (``learned.finds``): a code's points are then
        # its finds' odds against lines at large.
        labels = teaching_labels(lines["_idx"], labels, config)
        if learned.trained:
            context = Context.fit(frame)
            # How much the model counts beside the rules, judged on the labelled lines by
            # the two label-free rankings (fixed weights, out-of-fold probabilities).
            share = model_share(
                frame.select(pl.col("_idx").cast(pl.UInt32), "rule_score").join(
                    learned.scores.select("_idx", "p_fraud"), on="_idx"
                ),
                teaching_labels(lines["_idx"], credited, config),
                found_declarations(lines, labels),
            )
    # A whole declaration's find teaches the weights as a share of one find on its
    # likeliest lines, read against the history's own rate (every line found): a
    # smaller total lowered the rate and raised every taught code against the untaught.
    shared = (
        share_whole_finds(labels, lines, fixed_weights)
        if labels is not None and fixed_weights is not None and not from_finds
        else labels
    )
    base = base_rate(labels)
    # Each rule's points as this dataset's inspections found it worth, for both doors.
    taught = taught_reasons(reasons, signals, shared, base=base)
    # What each code is worth against a line checked at random decides what is a reason.
    reference = reference_rate(signals, labels, lines.height)
    worth = taught_reasons(reasons, signals, shared, base=reference)
    provisional = replace(
        provisional,
        reasons=taught,
        set_points=set_points_and_worth(
            taught_sets(taught, signals, shared, base=base),
            taught_sets(worth, signals, shared, reference),
        ),
        noted_below=noted_below(labels),
        worth=worth,
    )
    rules_scored = provisional.score(lines, signals)
    step("scoring")
    alerts = assign_channels(with_model(rules_scored, learned, reasons, share=share), capacity)
    # The single-declaration door carries the frozen model and the batch's two rankings,
    # so a new line is scored and channelled on the same combined scale as the batch.
    predictor = learned.predictor if learned is not None and learned.trained else None
    screener = replace(
        provisional,
        thresholds=thresholds_of(alerts),
        predictor=predictor,
        model_reasons=reasons,
        context=context,
        from_finds=from_finds,
        ranking=Ranking.of(rules_scored["score"], learned.scores["p_fraud"], share)
        if predictor is not None and learned is not None
        else None,
    )
    return Fitted(screener, alerts, signals, chain.flagged(), parties.parties)
