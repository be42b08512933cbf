"""The Screener: fitted once on a dataset, then scores any lines through the same code.

One path, two doors: batch screening fits on a dataset and scores its own lines; the
HTTP API scores one declaration against the same fitted screener (its norms, the
licence register, the party network, the route risks, the score thresholds of the
inspection capacity). Everything here is pure functions over frames.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import polars as pl

from orewatch.controls.catalogue import Catalogue
from orewatch.controls.frame import RememberedControls
from orewatch.screening.detectors.concealment import concealment_signals
from orewatch.screening.detectors.exporter_trade import exporter_heading_counts
from orewatch.screening.detectors.flagged_lanes import FlaggedLanes, with_lane_signals
from orewatch.screening.detectors.licensing import has_licence, licensing_signals
from orewatch.screening.detectors.misdeclaration import (
    Origins,
    dear_ordinary,
    misdeclaration_signals,
    names_an_element,
)
from orewatch.screening.detectors.peer_prices import PeerPrices
from orewatch.screening.detectors.transshipment import (
    NAMED_PARTIES,
    SENSITIVE_VALUE_Z,
    RememberedMatches,
    sensitive_goods,
    transshipment_signals,
)
from orewatch.screening.features import (
    Baselines,
    Frame,
    baseline_query,
    raw_features,
    small_shipment,
)
from orewatch.screening.few import PlanCache, collect_many
from orewatch.screening.learned import (
    MODEL_SHOWN_FROM_P,
    LearnedScores,
)
from orewatch.screening.learned.blend import EVEN, combined_score
from orewatch.screening.learned.features import (
    Context,
    screening_query,
)
from orewatch.screening.learned.predictor import Predictor, Ranking
from orewatch.screening.learned.weights import (
    reason_set,
)
from orewatch.screening.market import MarketNorm, usd_shifts
from orewatch.screening.named_items import named_controls, with_named_items
from orewatch.screening.prior import Prior
from orewatch.screening.reasons import ReasonTable
from orewatch.screening.selection import Capacity, has_reason, why_unchecked
from orewatch.screening.signals import SIGNAL_SCHEMA, Lines, concat_signals

Tables = Mapping[str, pl.DataFrame]
Progress = Callable[[str], None]

#: Between the sentences of an explanation (evidence text may itself hold "; ").
EXPLANATION_SEPARATOR = " | "

#: The continuous anomaly component is capped so it orders lines within a rule score
#: band without outweighing a single rule.
ANOMALY_CAP = 6.0

#: Opens each sentence of a code that is only context on this dataset (``noted``).
NOTED = "also noted: "

#: From this probability on, the model's view is shown among the reasons.
MODEL_REASON_P = MODEL_SHOWN_FROM_P

ALERT_COLUMNS: tuple[str, ...] = (
    "_idx", "declaration_id", "line_no", "declared_at", "port", "exporter_id", "consignee_name",
    "destination_country", "hs_code", "description", "value", "currency",
)  # fmt: skip


#: The ranking a door's channel thresholds read (said in ``channel_reason``): the rule
#: score alone, or its blend with the learned model's.
RULES_ONLY = "rules only"
RULES_AND_MODEL = "rules and model"


#: Party and chain findings that matter only when the goods could be controlled material:
#: a consignee near a restricted party or newly formed, or an exporter supplied by a
#: leaking plant, shipping aluminium breaks no export control.
GOODS_DEPENDENT: frozenset[str] = frozenset(
    {
        "CONSIGNEE_LINKED_WATCHLIST",
        "CONSIGNEE_TRANSSHIPMENT_CHAIN",
        "CONSIGNEE_RECENTLY_INCORPORATED",
        "SUPPLIER_LEAKING",
        "EXPORTS_EXCEED_SUPPLY",
    }
)


def about_the_goods() -> pl.Expr:
    """A fact about some elements bears on a line that could carry one of them.

    An exporter supplied by a plant leaking gallium, or exporting more tungsten than it
    ever took in, is a fact about its gallium or tungsten: its controlled lines of that
    element, its lines naming it, and ordinary lines priced far above their kind (which
    could be anything). Facts without elements bear on every line of sensitive goods.
    """
    carried = pl.concat_list(
        pl.col("control_elements").fill_null([]), pl.col("named_elements").fill_null([])
    )
    named = carried.list.set_intersection(pl.col("elements").str.split(";")).list.len() > 0
    unnamed_dear = (carried.list.len() == 0) & (
        pl.col("unit_value_z") > SENSITIVE_VALUE_Z
    ).fill_null(False)
    return (
        pl.when(pl.col("elements").is_null())
        .then(sensitive_goods())
        .otherwise(named | unnamed_dear)
    )


@dataclass(frozen=True)
class EntityFacts:
    """What the chain and party layers found about exporters and trading pairs.

    Fitted once on the dataset; a new declaration by a known exporter, or between a known
    exporter and consignee, carries the same facts through either door.
    """

    #: exporter_id, code, evidence, elements (";"-separated or null), since (Date or null)
    by_exporter: pl.DataFrame
    by_pair: pl.DataFrame  # exporter_id, consignee_name, code, evidence

    @classmethod
    def empty(cls) -> EntityFacts:
        return cls(
            pl.DataFrame(
                schema={
                    "exporter_id": pl.String,
                    "code": pl.String,
                    "evidence": pl.String,
                    "elements": pl.String,
                    "since": pl.Date,
                }
            ),
            pl.DataFrame(
                schema={
                    "exporter_id": pl.String,
                    "consignee_name": pl.String,
                    "code": pl.String,
                    "evidence": pl.String,
                }
            ),
        )


@dataclass(frozen=True)
class RowFacts:
    """What the detectors would read from a request's rows while building their query
    (None: read it, the lines being a frame). The door reads it first and builds one
    plan per combination (:meth:`Screener.door_queries`): a part whose lines cannot be
    there is left out (no licence cited, no controlled line, no element named, no dear
    ordinary goods, no small shipment)."""

    cited: bool | None = None
    controlled: bool | None = None
    named: bool | None = None
    dear: bool | None = None
    small: bool | None = None

    @classmethod
    def of(cls, lines: pl.DataFrame) -> RowFacts:
        """The facts of ``lines``, read in one query."""
        facts = lines.select(
            cited=has_licence().any(),
            controlled=pl.col("controlled").any(),
            named=names_an_element().any(),
            dear=dear_ordinary().any(),
            small=small_shipment().any(),
        ).row(0, named=True)
        return cls(**{name: bool(value) for name, value in facts.items()})


@dataclass(frozen=True)
class Thresholds:
    """Scores at which a line enters red and yellow, from the fitted batch's capacity."""

    red: float
    yellow: float


@dataclass(frozen=True)
class Screener:
    catalogue: Catalogue
    reasons: ReasonTable
    capacity: Capacity
    baselines: Baselines
    register: pl.DataFrame | None  # licence_register(licenses)
    sender_contacts: pl.DataFrame | None  # sender_contacts(parties)
    watch_keys: pl.DataFrame | None  # watchlist_keys(watchlist)
    facts: EntityFacts
    routes: pl.DataFrame
    history: Prior
    thresholds: Thresholds
    controlled_prices: pl.DataFrame | None = None
    origins: Origins | None = None
    #: Exporters that price goods above (or below) all their other exporters, line after
    #: line.
    peer_prices: PeerPrices | None = None
    #: Exporters' tariff lines whose lines raise reasons again and again.
    flagged_lanes: FlaggedLanes | None = None
    #: How the fitted dataset's controlled lines price against ``controlled_prices``.
    market: MarketNorm | None = None
    #: The learned model frozen for new lines, and the fitted batch's two rankings; both
    #: None when the dataset taught no model (the score is then the rules' alone).
    predictor: Predictor | None = None
    ranking: Ranking | None = None
    #: The history held finds but too few clear inspections: the taught weights (and the
    #: model, with ``LearnedConfig.from_finds``) learned the finds against lines drawn
    #: at random (``learned.finds``). False with both outcomes or none.
    from_finds: bool = False
    #: The fixed (untaught) weights: the model learned from the rule score on these,
    #: since taught weights have seen every label.
    model_reasons: ReasonTable | None = None
    #: The fitted dataset's party context shares, which the model reads for new lines.
    context: Context | None = None
    #: reason_set, set_points: what the inspected combinations of codes proved worth
    #: (``taught_sets``); a line raising one of them scores its points, not the sum.
    set_points: pl.DataFrame | None = None
    #: Points under which a code, or a line's whole set, is context ("also noted")
    #: rather than a reason (``learned.weights.noted_below``; 0: nothing is).
    noted_below: float = 0.0
    #: Each code's worth against a line checked at random, which decides what is only
    #: noted (``learned.weights.reference_rate``; None: its weight decides). The sets'
    #: worth is ``set_points``' ``set_worth`` column.
    worth: ReasonTable | None = None
    #: Tables that depend on the fitted dataset alone, prepared here once rather than on
    #: every call (a request's lines cost less than rebuilding them).
    surges: pl.DataFrame = field(init=False, repr=False, compare=False)
    weights: pl.DataFrame = field(init=False, repr=False, compare=False)
    model_weights: pl.DataFrame = field(init=False, repr=False, compare=False)
    #: The door's watchlist matches, each name worked out once (None: no watchlist).
    name_matches: RememberedMatches | None = field(init=False, repr=False, compare=False)
    #: The currencies a line may be invoiced in to meet the USD market quotes, and how.
    to_usd: pl.DataFrame = field(init=False, repr=False, compare=False)
    #: The door's query plans, built once over the round's frames.
    plans: PlanCache = field(init=False, repr=False, compare=False)
    #: The door's control columns, each combination of code, day and destination once.
    controls_seen: RememberedControls = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        surges = self.routes.filter(pl.col("reasons").str.contains("REEXPORT_"))
        prepared = {
            "surges": surges.with_columns(pl.col("evidence").alias("route_reason")),
            "weights": _weights(self.reasons, self.worth),
            "model_weights": _weights(self.model_reasons or self.reasons),
            "name_matches": RememberedMatches(self.watch_keys)
            if self.watch_keys is not None
            else None,
            "plans": PlanCache(),
            "to_usd": usd_shifts(self.baselines.currency),
            "controls_seen": RememberedControls(),
        }
        for name, value in prepared.items():
            object.__setattr__(self, name, value)

    # --- scoring ------------------------------------------------------------------------

    def features(self, declarations: pl.DataFrame) -> pl.DataFrame:
        """Feature frame for any lines: norms from the fitted baselines, controls as of date.

        Two queries, each built once (:class:`PlanCache`) and collected the door's way:
        the control catalogue's query over the features' query (as one plan) cost five
        times the two apart, its branches each reading the features again. The
        catalogue's answer is kept per combination of code, day and destination
        (:class:`RememberedControls`): a round whose combinations were all seen skips it.
        A third, also built once, runs only for lines whose words name an item their code
        does not (:func:`with_named_items`).
        """
        lines = self.plans.collect(
            "features",
            lambda inputs: baseline_query(raw_features(inputs["lines"]), self.baselines),
            {"lines": declarations.rechunk()},
        )
        controlled = self.controls_seen(
            lines,
            lambda unseen: self.plans.collect(
                "controls",
                lambda inputs: self.catalogue.evaluate_query(inputs["lines"]),
                {"lines": unseen},
            ),
        )
        return with_named_items(
            controlled,
            self.catalogue,
            lambda silent: self.plans.collect(
                "named items",
                lambda inputs: named_controls(inputs["lines"], self.catalogue),
                {"lines": silent},
            ),
        )

    def signals(self, lines: pl.DataFrame, prior: Prior) -> pl.DataFrame:
        """Every detector family's signals for the feature frame, as one query."""
        return self._known_codes(self._signal_query(lines, prior).collect())

    def door_queries(
        self, lines: pl.DataFrame
    ) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame | None]:
        """:meth:`signals` and :meth:`score` of a request's few lines against the fitted
        history, and with a learned model its screening frame (:meth:`_model_frame_query`).

        The same queries, built once per variant (the request's :class:`RowFacts` and
        which parties' names hit the watchlist: the parts that cannot fire otherwise are
        left out) over the round's lines and their names' watchlist hits (each name's
        worked out once), and collected together as written (:class:`PlanCache`): the
        score and the model's frame read the signals' plan, cached, so it runs once and
        a round makes one collect of the three, not three.
        """
        facts = RowFacts.of(lines)
        matched = (
            {party: self.name_matches(lines[party]) for party in NAMED_PARTIES}
            if self.name_matches is not None
            else {}
        )
        hit = {party: hits for party, hits in matched.items() if hits.height}
        modelled = self.predictor is not None and self.ranking is not None

        def build(inputs: Mapping[str, pl.LazyFrame]) -> list[pl.LazyFrame]:
            rows = inputs["lines"]
            hits = {party: inputs[party] for party in hit}
            signals = self._signal_query(rows, self.history, hits, facts).cache()
            plans = [signals, self._score_query(rows, signals)]
            return [*plans, self._model_frame_query(rows, signals)] if modelled else plans

        variant = ("door", facts, tuple(hit), modelled)
        signals, scored, *frame = self.plans.collect_all(variant, build, {"lines": lines, **hit})
        return self._known_codes(signals), scored, frame[0] if frame else None

    def _signal_query(
        self,
        lines: Lines,
        prior: Prior,
        hits: Mapping[str, pl.LazyFrame] | None = None,
        facts: RowFacts | None = None,
    ) -> pl.LazyFrame:
        """The detectors' signals as one query (``hits`` and ``facts``: what they would
        otherwise read from the rows, see :func:`transshipment_signals`)."""
        facts = facts or RowFacts()
        # Two detectors read an exporter's heading counts: one query of them, cached.
        counts = exporter_heading_counts(lines, prior).cache()
        parts = [
            licensing_signals(
                lines,
                self.register,
                prior,
                self.baselines.filled,
                facts.cited,
                self.catalogue,
                facts.controlled,
            ),
            misdeclaration_signals(
                lines,
                self.catalogue.items_frame(),
                self.baselines.vocabulary,
                prior,
                self.baselines.modes,
                self.controlled_prices,
                self.origins,
                self.baselines.purity,
                counts,
                facts.named,
                facts.dear,
                self.market,
                self.to_usd,
                facts.controlled,
                self.peer_prices,
            ),
            concealment_signals(lines, self.sender_contacts, prior, counts, facts.small),
            transshipment_signals(
                lines, self.watch_keys, self.surges, prior, hits=hits, controlled=facts.controlled
            ),
            lines.lazy()
            .join(self.facts.by_exporter.lazy(), on="exporter_id")
            .filter(~pl.col("code").is_in(list(GOODS_DEPENDENT)) | about_the_goods())
            .filter(pl.col("since").is_null() | (pl.col("declared_on") >= pl.col("since")))
            .select(*SIGNAL_SCHEMA),
            lines.lazy()
            .join(self.facts.by_pair.lazy(), on=["exporter_id", "consignee_name"])
            .filter(~pl.col("code").is_in(list(GOODS_DEPENDENT)) | sensitive_goods())
            .select(*SIGNAL_SCHEMA),
        ]
        # One signal per line and code; where two findings give it, the evidence that
        # sorts first, so every run tells the same story.
        signals = (
            concat_signals(parts)
            .sort("_idx", "code", "evidence")
            .unique(["_idx", "code"], keep="first", maintain_order=True)
        )
        return with_lane_signals(signals, lines, self.flagged_lanes)

    def _known_codes(self, signals: pl.DataFrame) -> pl.DataFrame:
        unknown = set(signals["code"].unique()) - set(self.reasons.reasons)
        if unknown:
            raise KeyError(f"detectors raised unknown reason codes: {sorted(unknown)}")
        return signals

    def score(self, lines: pl.DataFrame, signals: pl.DataFrame) -> pl.DataFrame:
        """Rule score plus a capped anomaly term, with reason codes and plain words.

        The weights are this screener's reasons, and the points its inspected sets of
        codes proved worth; codes and lines worth less than ``noted_below`` are ``noted``
        as context, not ``reasons``. One query (nine eager steps were a collect each).
        """
        return collect_many(self._score_query(lines, signals))

    def _score_query(self, lines: Lines, signals: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
        """:meth:`score` as a query."""
        per_line = (
            _told(signals, self.weights, self.noted_below)
            .with_columns(pl.format("{} ({})", pl.col("en"), pl.col("evidence")).alias("_said"))
            .group_by("_idx")
            .agg(
                RULE_POINTS,
                pl.col("worth").sum().alias("_worth"),
                reason_set(pl.col("code")).alias("reason_set"),
                "code",
                "_said",
                pl.col("_over").sum().alias("_shown"),
            )
        )
        if self.set_points is not None:
            per_line = per_line.join(
                self.set_points.lazy(), on="reason_set", how="left"
            ).with_columns(
                pl.coalesce("set_points", "rule_score").alias("rule_score"),
                pl.coalesce("set_worth", "_worth").alias("_worth"),
            )
        per_line = per_line.select(
            "_idx", "rule_score", *_reasons_or_noted(pl.col("_worth") < self.noted_below)
        )
        anomaly = (
            pl.col("unit_value_z").abs().fill_null(0.0).clip(0, ANOMALY_CAP) / 2
            + pl.col("gross_net_z").abs().fill_null(0.0).clip(0, ANOMALY_CAP) / 2
        ).clip(0, ANOMALY_CAP)
        return (
            lines.lazy()
            .select(*ALERT_COLUMNS, anomaly.alias("anomaly"))
            .join(per_line, on="_idx", how="left")
            .with_columns(
                pl.col("rule_score").fill_null(0.0),
                (pl.col("rule_score").fill_null(0.0) + pl.col("anomaly")).round(3).alias("score"),
                pl.col("reasons").fill_null(""),
                pl.col("noted").fill_null(""),
                pl.col("explanation").fill_null(""),
            )
            .sort("_idx")
        )

    def screen_lines(self, declarations: pl.DataFrame) -> pl.DataFrame:
        """Score new lines against the fitted history and channel them by its thresholds.

        This is the single-declaration door: the prior is the fitted dataset's history;
        with a learned model, the score is the batch's combined one (of the line's rule
        and model percentile ranks within the fitted batch), and channels
        come from the thresholds the fitted capacity set on that same ranking.
        """
        signals, scored, frame = self.door_queries(self.features(declarations))
        if frame is not None and self.predictor is not None and self.ranking is not None:
            return self.blend(frame, signals, scored, self.predictor, self.ranking)
        return self._channels(
            scored.with_columns(pl.lit(None, pl.Float64).alias("p_fraud")), RULES_ONLY
        )

    def _channels(self, scored: pl.DataFrame, combined: str) -> pl.DataFrame:
        """:meth:`_channelled` of scored lines, its plan built once."""
        return self.plans.collect(
            ("channels", combined),
            lambda inputs: self._channelled(inputs["lines"], combined),
            {"lines": scored},
        )

    def _channelled(self, scored: pl.LazyFrame, combined: str) -> pl.LazyFrame:
        """``channel`` and ``channel_reason`` by the fitted thresholds (``combined``: the
        ranking they were set on)."""
        columns = scored.collect_schema().names()
        reasoned = has_reason(columns)
        return scored.with_columns(
            pl.when(reasoned & (pl.col("score") >= self.thresholds.red))
            .then(pl.lit("red"))
            .when(reasoned & (pl.col("score") >= self.thresholds.yellow))
            .then(pl.lit("yellow"))
            .otherwise(pl.lit("green"))
            .alias("channel"),
            pl.when(reasoned)
            .then(
                pl.format(
                    "score {} against red threshold {} and yellow threshold {} "
                    "({} ranking at the fitted capacity)",
                    pl.col("score"),
                    pl.lit(self.thresholds.red),
                    pl.lit(self.thresholds.yellow),
                    pl.lit(combined),
                )
            )
            .otherwise(why_unchecked(columns))
            .alias("channel_reason"),
        )

    def blend(
        self,
        frame: pl.DataFrame,
        signals: pl.DataFrame,
        scored: pl.DataFrame,
        predictor: Predictor,
        ranking: Ranking,
    ) -> pl.DataFrame:
        """The batch's :func:`with_model` for new lines (``frame``: their screening frame
        but for the ``sig_*`` columns, :meth:`_model_frame_query`), ranked within the
        fitted batch, and channelled on the combined ranking the thresholds were set on.
        The model's verdicts and the channels are one plan: the second needs nothing of
        the first but its rows (one collect a round fewer)."""
        learned = LearnedScores(
            predictor.predict(frame, explain_from=MODEL_REASON_P, signals=signals)
        )
        if not learned.trained:
            return self._channels(
                with_model(scored, learned, self.reasons, ranking).sort("_idx"), RULES_AND_MODEL
            )
        return self.plans.collect(
            ("model", ranking.size, ranking.model_share),  # what the plan holds of it
            lambda inputs: self._channelled(
                _model_verdicts(inputs["lines"], self.reasons, *_ranked_within(ranking)).sort(
                    "_idx"
                ),
                RULES_AND_MODEL,
            ),
            {"lines": _with_scores(scored, learned, ranking)},
        )

    def _model_frame_query(self, lines: pl.LazyFrame, signals: pl.LazyFrame) -> pl.LazyFrame:
        """The model's screening frame of new lines as one query, but for its ``sig_*``
        columns (the model reads those from the signals): their fixed-weight rule score
        and the fitted dataset's context. The untaught score, the pivot and the frame
        were some fifteen eager steps and two collects of a one-line round's blend."""
        untaught = _untaught_points(lines, signals, self.model_weights)
        return screening_query(lines, None, untaught, self.context)


#: A line's rule score before the points of proven sets: its codes' weights, summed in
#: the order :func:`_told` gives them.
RULE_POINTS = pl.col("weight").sum().alias("rule_score")


def _told(signals: Lines, weights: pl.DataFrame, floor: float) -> pl.LazyFrame:
    """The signals with their ``weight``, ``en`` and ``worth``, and ``_over`` (worth a
    reason at ``floor``), in the order a line's codes are told: the codes worth a reason
    first, then by weight; equal ones in code order, so a line reads the same on every
    run (the order within a group is kept)."""
    return (
        signals.lazy()
        .join(weights.lazy(), on="code", how="left")
        .with_columns((pl.col("worth") >= floor).alias("_over"))
        .sort(["_over", "weight", "code"], descending=[True, True, False])
    )


def _untaught_points(lines: Lines, signals: Lines, weights: pl.DataFrame) -> pl.LazyFrame:
    """``_idx, rule_score`` of :meth:`Screener.score` on the fixed ``weights`` (no
    proven sets, no floor), without its reasons and sentences: all the model reads of
    it, at under half the cost of the whole query on a request's few lines."""
    points = _told(signals, weights, 0.0).group_by("_idx").agg(RULE_POINTS)
    return (
        lines.lazy()
        .select("_idx")
        .join(points, on="_idx", how="left")
        .with_columns(pl.col("rule_score").fill_null(0.0))
    )


def _weights(reasons: ReasonTable, worth: ReasonTable | None = None) -> pl.DataFrame:
    """``code, weight, en, worth``: the points a code scores and those that decide
    whether it is a reason (the same unless ``worth`` is given)."""
    frame = reasons.frame().select("code", "weight", "en")
    if worth is None:
        return frame.with_columns(pl.col("weight").alias("worth"))
    return frame.join(
        worth.frame().select("code", pl.col("weight").alias("worth")), on="code", how="left"
    ).with_columns(pl.coalesce("worth", "weight").alias("worth"))


def _reasons_or_noted(quiet: pl.Expr) -> list[pl.Expr]:
    """``reasons``, ``noted`` and ``explanation`` from a line's codes and sentences (lists
    from the heaviest, ``_shown`` of them over the noted floor).

    Codes under the floor are context after the reasons; a ``quiet`` line (all its codes
    together worth less than the floor) has every code as context and no reason, so it
    is not checked on risk (``selection.has_reason``).
    """
    shown = pl.when(quiet).then(0).otherwise(pl.col("_shown"))
    codes, said = pl.col("code"), pl.col("_said")
    noted_said = said.list.slice(shown).list.join(EXPLANATION_SEPARATOR + NOTED)
    return [
        codes.list.head(shown).list.join(";").alias("reasons"),
        codes.list.slice(shown).list.join(";").alias("noted"),
        pl.concat_str(
            [
                said.list.head(shown).list.join(EXPLANATION_SEPARATOR).replace("", None),
                pl.when(noted_said != "").then(pl.lit(NOTED) + noted_said),
            ],
            separator=EXPLANATION_SEPARATOR,
            ignore_nulls=True,
        ).alias("explanation"),
    ]


def with_model(
    scored: pl.DataFrame,
    learned: LearnedScores | None,
    reasons: ReasonTable,
    ranking: Ranking | None = None,
    share: float = EVEN,
) -> pl.DataFrame:
    """Combine the rules' ranking with the model's, and add ``MODEL_RISK`` where it is confident.

    The two rankers see the lines differently (the rules know the law and the data's
    norms, the model knows what this dataset's inspections found), so the score combines
    their percentile ranks (:func:`combined_score`): a line high in either ranking rises,
    and neither scale has to be matched to the other. ``rule_score`` and ``p_fraud`` stay
    beside it. The ranks are taken within ``scored``, or, for new lines, within the fitted
    batch's ``ranking`` (whose model share then stands for ``share``, the model's weight
    in the combination: see :mod:`~orewatch.screening.learned.blend`).
    """
    if learned is None or not learned.trained:
        return scored.with_columns(pl.lit(None, pl.Float64).alias("p_fraud"))
    joined = _with_scores(scored, learned, ranking)
    if ranking is None:
        rule_rank = pl.col("score").rank("average")
        model_rank = pl.col("p_fraud").fill_null(0.0).rank("average")
        return _model_verdicts(joined, reasons, rule_rank, model_rank, joined.height, share)
    return _model_verdicts(joined, reasons, *_ranked_within(ranking))


def _with_scores(
    scored: pl.DataFrame, learned: LearnedScores, ranking: Ranking | None
) -> pl.DataFrame:
    """``scored`` with the model's ``p_fraud`` and explanation, and with ``ranking`` the
    two percentile ranks within the fitted batch (``_rule_rank``, ``_model_rank``)."""
    joined = scored.join(
        learned.scores.select("_idx", "p_fraud", "model_explanation"), on="_idx", how="left"
    )
    if ranking is None:
        return joined
    return pl.concat([joined, ranking.ranks(joined["score"], joined["p_fraud"])], how="horizontal")


def _ranked_within(ranking: Ranking) -> tuple[pl.Expr, pl.Expr, int, float]:
    """The ranks :func:`_with_scores` added, the fitted batch's size and model share."""
    return pl.col("_rule_rank"), pl.col("_model_rank"), ranking.size, ranking.model_share


def _model_verdicts(
    joined: Frame,
    reasons: ReasonTable,
    rule_rank: pl.Expr,
    model_rank: pl.Expr,
    n: int,
    share: float,
) -> Frame:
    """The combined score, and ``MODEL_RISK`` with its sentence where the model is confident."""
    confident = pl.col("p_fraud") >= MODEL_REASON_P
    sentence = pl.format(
        "{} (p={}: {})",
        pl.lit(reasons["MODEL_RISK"].en),
        pl.col("p_fraud").round(2),
        pl.col("model_explanation"),
    )
    return joined.with_columns(
        combined_score(rule_rank, model_rank, n, share),
        pl.when(confident)
        .then(
            pl.concat_str([pl.col("reasons"), pl.lit("MODEL_RISK")], separator=";").str.strip_chars(
                ";"
            )
        )
        .otherwise(pl.col("reasons"))
        .alias("reasons"),
        pl.when(confident)
        .then(
            pl.concat_str(
                [pl.col("explanation"), sentence], separator=EXPLANATION_SEPARATOR
            ).str.strip_chars(EXPLANATION_SEPARATOR)
        )
        .otherwise(pl.col("explanation"))
        .alias("explanation"),
    ).drop("model_explanation", "_rule_rank", "_model_rank", strict=False)
