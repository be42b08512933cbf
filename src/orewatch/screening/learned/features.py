"""Which columns feed the learned model, as numbers it can use, and in words.

Direct inputs are the configured numeric and categorical columns that exist (plus any
column starting with a configured prefix, such as the rule signals ``sig_*``): numbers as
``Float64`` (booleans as 0/1), categories as dense integer codes over the whole frame so
that training and scoring lines share one coding. High-cardinality identifiers are not
direct inputs: they enter through their risk profiles (:mod:`.profiles`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

from orewatch.controls.catalogue import Catalogue
from orewatch.screening.few import collect_many
from orewatch.screening.learned.config import LearnedConfig
from orewatch.screening.learned.relevance import (
    LINE_CONTROL_COLUMNS,
    control_find,
    what_was_found,
)


@dataclass(frozen=True)
class Inputs:
    """Direct model inputs: ``frame`` has ``_idx`` then ``numeric`` and ``categorical``."""

    frame: pl.DataFrame
    numeric: tuple[str, ...]
    categorical: tuple[str, ...]


def numeric_columns(lines: pl.DataFrame, config: LearnedConfig) -> tuple[str, ...]:
    named = [c for c in config.numeric if c in lines.columns]
    prefixed = (
        sorted(c for c in lines.columns if c.startswith(config.prefixes) and c not in named)
        if config.prefixes
        else []
    )
    usable = [
        c
        for c in (*named, *prefixed)
        if lines.schema[c].is_numeric() or lines.schema[c] == pl.Boolean
    ]
    return tuple(usable)


def direct_inputs(lines: pl.DataFrame, config: LearnedConfig) -> Inputs:
    """Numeric columns as Float64 and categorical columns as dense integer codes."""
    numeric = numeric_columns(lines, config)
    categorical = tuple(c for c in config.categorical if c in lines.columns)
    frame = lines.select(
        "_idx",
        *[pl.col(c).cast(pl.Float64).fill_nan(None).alias(c) for c in numeric],
        *[
            (pl.col(c).cast(pl.String).rank("dense") - 1).cast(pl.Float64).alias(f"cat:{c}")
            for c in categorical
        ],
    )
    return Inputs(frame, numeric, tuple(f"cat:{c}" for c in categorical))


def matrix(frame: pl.DataFrame, names: tuple[str, ...]) -> np.ndarray:
    """A float64 matrix of ``names`` (nulls as NaN, which LightGBM treats as missing)."""
    return frame.select(
        [pl.col(n).cast(pl.Float64).fill_null(float("nan")) for n in names]
    ).to_numpy()


def words(name: str) -> str:
    """A feature's name as an analyst reads it."""
    kind, _, rest = name.partition(":")
    if not rest:
        if name.startswith("sig_"):
            return f"rule {name.removeprefix('sig_')}"
        return name.replace("_", " ")
    subject = rest.replace("×", " × ").replace("_", " ")
    return {
        "hit_rate": f"{subject} hit rate",
        "inspections": f"{subject} past inspections",
        "lines": f"{subject} lines",
        "cat": subject,
    }.get(kind, name)


def display_values(
    lines: pl.DataFrame, model_frame: pl.DataFrame, names: tuple[str, ...]
) -> pl.DataFrame:
    """Each feature's value as text for explanations (a category shows its original value)."""
    out = []
    for name in names:
        if name.startswith("cat:"):
            out.append(
                lines[name.removeprefix("cat:")].cast(pl.String).fill_null("none").alias(name)
            )
        else:
            col = model_frame[name].cast(pl.Float64)
            out.append(pl.Series(name, col).round_sig_figs(3).cast(pl.String).fill_null("missing"))
    return pl.DataFrame(out)


def signal_columns(signals: pl.DataFrame, idx: pl.Series) -> pl.DataFrame:
    """One 0/1 column ``sig_<CODE>`` per reason code raised, for every ``_idx`` given."""
    present = signals.select("_idx", "code").unique()
    wide = (
        (
            present.with_columns(pl.lit(1, pl.Int8).alias("_on"))
            .pivot(on="code", index="_idx", values="_on")
            .rename(lambda c: c if c == "_idx" else f"sig_{c}")
        )
        if present.height
        else pl.DataFrame({"_idx": pl.Series([], dtype=idx.dtype)})
    )
    return (
        pl.DataFrame({"_idx": idx})
        .join(wide.with_columns(pl.col("_idx").cast(idx.dtype)), on="_idx", how="left")
        .fill_null(0)
    )


#: Shares of a group's lines: (name, numerator group, denominator group). A line's heading
#: as a share of its exporter's lines (a cover good or an odd line is a sliver of the
#: exporter's trade) and of its own declaration (one chapter unlike the rest).
GROUP_SHARES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("exporter_chapter_share", ("exporter_id", "hs4"), ("exporter_id",)),
    ("declaration_chapter_share", ("declaration_id", "hs2"), ("declaration_id",)),
)
#: Share of controlled lines among a party's or a pair's lines: ordinary goods between
#: parties that otherwise trade controlled material are what a disguise looks like.
CONTROLLED_SHARES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("exporter_controlled_share", ("exporter_id",)),
    ("consignee_controlled_share", ("consignee_name",)),
    ("pair_controlled_share", ("exporter_id", "consignee_name")),
)


def context_columns(lines: pl.DataFrame | pl.LazyFrame) -> list[pl.Expr]:
    """Label-free context of each line among the dataset's lines (whole-column windows)."""
    have = set(lines.collect_schema().names())
    exprs = [
        (pl.len().over(list(num)) / pl.len().over(list(den))).alias(name)
        for name, num, den in GROUP_SHARES
        if have.issuperset(num + den)
    ]
    if "declaration_id" in have:
        exprs.append(pl.len().over("declaration_id").cast(pl.Float64).alias("declaration_lines"))
    if "controlled" in have:
        controlled = pl.col("controlled").cast(pl.Float64)
        exprs += [
            controlled.mean().over(list(by)).alias(name)
            for name, by in CONTROLLED_SHARES
            if have.issuperset(by)
        ]
    return exprs


#: Context shares that speak of parties across the dataset (not of one declaration): a
#: new declaration is put in the fitted dataset's context, not in its own.
PARTY_CONTEXT: tuple[str, ...] = (
    "exporter_chapter_share",
    *(name for name, _ in CONTROLLED_SHARES),
)


@dataclass(frozen=True)
class Context:
    """The fitted dataset's party context shares, one table per share, for new lines."""

    tables: tuple[tuple[str, tuple[str, ...], pl.DataFrame], ...]

    @classmethod
    def fit(cls, framed: pl.DataFrame) -> Context:
        """From the fitted dataset's :func:`screening_frame`, which holds the shares."""
        keys = {name: num for name, num, _ in GROUP_SHARES} | dict(CONTROLLED_SHARES)
        return cls(
            tuple(
                (name, keys[name], framed.select(*keys[name], name).unique(keys[name]))
                for name in PARTY_CONTEXT
                if name in framed.columns
            )
        )

    def apply(self, frame: pl.LazyFrame) -> pl.LazyFrame:
        """``frame`` with each party share taken from the fitted dataset where it knows
        the party, and from ``frame`` itself where it does not."""
        present = set(frame.collect_schema().names())
        for name, keys, table in self.tables:
            if name not in present:
                continue
            fitted = table.lazy().rename({name: "_fitted"})
            frame = (
                frame.join(fitted, on=list(keys), how="left", maintain_order="left")
                .with_columns(pl.coalesce("_fitted", name).alias(name))
                .drop("_fitted")
            )
        return frame


def screening_frame(
    lines: pl.DataFrame, signals: pl.DataFrame, scored: pl.DataFrame
) -> pl.DataFrame:
    """The screening feature frame plus context shares, ``sig_*`` columns and ``rule_score``.

    ``scored``'s rule scores must not depend on labels (fixed weights), or the model
    would learn from a column that already saw the answer. One query (the door builds
    the same with its fitted context: :func:`screening_query`).
    """
    return collect_many(
        screening_query(lines.lazy(), signal_columns(signals, lines["_idx"]).lazy(), scored.lazy())
    )


def screening_query(
    lines: pl.LazyFrame,
    signal_wide: pl.LazyFrame | None,
    scored: pl.LazyFrame,
    context: Context | None = None,
) -> pl.LazyFrame:
    """:func:`screening_frame` as a query over its inputs' frames (``signal_wide``: the
    ``sig_*`` columns of every line, :func:`signal_columns`; None: without them, for
    :meth:`~orewatch.screening.learned.predictor.Predictor.predict` to set from the
    signals)."""
    framed = lines.with_columns(context_columns(lines))
    if context is not None:
        framed = context.apply(framed)
    if signal_wide is not None:
        framed = framed.join(signal_wide, on="_idx", how="left")
    return framed.join(scored.select("_idx", "rule_score"), on="_idx", how="left")


def found_fraud() -> pl.Expr:
    """An inspection found fraud unless its result says the line was clear."""
    return pl.col("result").str.to_lowercase() != "clear"


def saw_goods(inspections: pl.DataFrame) -> pl.Expr:
    """Whether an inspection looked at the goods themselves (scan, physical, lab).

    A check of the papers alone cannot clear a suspicion about what is inside the
    consignment (see ``Reason.seen_by``). A record that names no method may have seen
    them: only a stated document check is taken as papers alone.
    """
    if "method" not in inspections.columns:
        return pl.lit(True)
    method = pl.col("method").cast(pl.String).str.strip_chars().str.to_lowercase()
    return ~method.str.starts_with("doc").fill_null(False)


def labels_from_inspections(
    lines: pl.DataFrame, inspections: pl.DataFrame, catalogue: Catalogue | None = None
) -> pl.DataFrame:
    """``_idx, label, inspected_at, saw_goods`` from the contract's inspections table.

    ``result`` other than ``clear`` means fraud was found; with the ``catalogue`` (and
    ``lines`` carrying their control columns), only export-control fraud: a find of
    customs housekeeping on goods that could not be controlled material counts as clear
    (see :mod:`.relevance`). An inspection without ``line_no`` covers every line of its
    declaration. A line inspected more than once counts as fraud if any inspection found
    fraud, dated at its first inspection; ``saw_goods`` if any of its inspections looked
    at the goods (:func:`saw_goods`).
    """
    judged = catalogue is not None and set(LINE_CONTROL_COLUMNS) <= set(lines.columns)
    found = inspections.select(
        pl.col("declaration_id").cast(pl.String),
        (
            pl.col("line_no").cast(pl.Int64)
            if "line_no" in inspections.columns
            else pl.lit(None, pl.Int64)
        ).alias("_line"),
        pl.col("inspected_at").cast(pl.Date),
        found_fraud().alias("_found"),
        pl.col("result"),
        saw_goods(inspections).alias("saw_goods"),
    )
    if catalogue is not None and judged:
        found = pl.concat([found, what_was_found(inspections, catalogue)], how="horizontal")
    keyed = lines.select(
        "_idx",
        pl.col("declaration_id").cast(pl.String),
        pl.col("line_no").cast(pl.Int64),
        *(LINE_CONTROL_COLUMNS if judged else ()),
    )
    by_line = keyed.join(
        found.filter(pl.col("_line").is_not_null()),
        left_on=["declaration_id", "line_no"],
        right_on=["declaration_id", "_line"],
    )
    whole = keyed.join(found.filter(pl.col("_line").is_null()).drop("_line"), on="declaration_id")
    label = control_find(pl.col("_found")) if judged else pl.col("_found")
    row: list[str | pl.Expr] = [
        "_idx",
        label.cast(pl.Int8).alias("label"),
        "inspected_at",
        "saw_goods",
    ]
    both = pl.concat(
        [
            by_line.select(*row, pl.lit(False).alias("whole")),
            whole.select(*row, pl.lit(True).alias("whole")),
        ]
    )
    return (
        both.group_by("_idx")
        .agg(
            pl.col("label").max(),
            pl.col("inspected_at").min(),
            pl.col("saw_goods").any(),
            # Found only by a record of the whole declaration: which line held the find
            # is not known (see :func:`credit_whole_finds`).
            (
                ((pl.col("label") == 1) & pl.col("whole")).any()
                & ~((pl.col("label") == 1) & ~pl.col("whole")).any()
            ).alias("whole_find"),
        )
        .sort("_idx")
    )


def credit_whole_finds(
    labels: pl.DataFrame, lines: pl.DataFrame, scored: pl.DataFrame
) -> pl.DataFrame:
    """A find recorded against a whole declaration, credited to its likeliest lines.

    A forwarder's declaration holds dozens of lines; a record that says "fraud found"
    without a line number would otherwise teach every one of them as fraud, most of
    them honest goods that merely travelled with the bad line, and the weights and
    the model would learn their codes as the mark of fraud. Credited instead: the
    found lines whose rule score on the fixed weights (``scored``, which saw no label)
    is the declaration's highest; the others are left unlabelled, as nobody knows what
    was found on them. When no found line raised anything, all stay found.
    """
    if "whole_find" not in labels.columns:
        return labels
    keyed = _likeliest_of_whole_finds(labels, lines, scored)
    return (
        keyed.filter(~pl.col("_whole") | pl.col("_likeliest"))
        .select(labels.columns)
        .drop("whole_find")
        .sort("_idx")
    )


def share_whole_finds(
    labels: pl.DataFrame, lines: pl.DataFrame, scored: pl.DataFrame
) -> pl.DataFrame:
    """A find recorded against a whole declaration, shared among its likeliest lines, as
    the weights learn it: ``label`` becomes a share of one find.

    The likeliest lines (as in :func:`credit_whole_finds`) share the find, one over their
    number each; the declaration's other lines were inspected and count as such, with
    nothing found on them. A code that fires on the filler lines of consolidated
    declarations is then not taught as the mark of the fraud they travelled with.
    """
    if "whole_find" not in labels.columns:
        return labels
    keyed = _likeliest_of_whole_finds(labels, lines, scored)
    likeliest = pl.col("_likeliest").cast(pl.Float64)
    share = likeliest / likeliest.sum().over("declaration_id", "_whole")
    label = pl.when(pl.col("_whole")).then(share).otherwise(pl.col("label").cast(pl.Float64))
    return (
        keyed.with_columns(label.alias("label"))
        .select(labels.columns)
        .drop("whole_find")
        .sort("_idx")
    )


def _likeliest_of_whole_finds(
    labels: pl.DataFrame, lines: pl.DataFrame, scored: pl.DataFrame
) -> pl.DataFrame:
    """``labels`` with ``declaration_id``, ``_whole`` (a line found by a record of its
    whole declaration) and ``_likeliest`` (such a line with the declaration's highest
    fixed-weight rule score, or any of them when none raised anything)."""
    keyed = labels.join(
        lines.select(pl.col("_idx").cast(labels.schema["_idx"]), "declaration_id"), on="_idx"
    ).join(
        scored.select(pl.col("_idx").cast(labels.schema["_idx"]), "rule_score"),
        on="_idx",
        how="left",
    )
    whole = pl.col("whole_find") & (pl.col("label") == 1)
    score = pl.col("rule_score").fill_null(0.0)
    best = score.max().over("declaration_id", whole)
    return keyed.with_columns(
        whole.alias("_whole"), (whole & ((best <= 0.0) | (score >= best))).alias("_likeliest")
    )
