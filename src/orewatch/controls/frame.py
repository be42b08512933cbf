"""Vectorised screening: the catalogue applied to a whole declarations frame at once.

No Python loop per row: the frame's distinct (code, date, destination) combinations are joined
against an exploded table of catalogue lookup keys, then against the items' and rules' date
windows. The catalogue side is small (a few hundred codes), so building its tables in Python is
cheap; everything that scales with the input stays in Polars expressions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import polars as pl

from orewatch.controls.model import (
    BLOCKING_KINDS,
    MATCH_KINDS,
    ControlItem,
    DestinationRule,
)

_RANK_TO_KIND = dict(enumerate(MATCH_KINDS))


def items_frame(items: Sequence[ControlItem]) -> pl.DataFrame:
    """One row per item x reference code (items without codes keep one row with a null code)."""
    rows = []
    for item in items:
        for code in item.hs_codes or (None,):
            rows.append(
                {
                    "control_id": item.id,
                    "kind": item.kind,
                    "element": item.element,
                    "forms": list(item.forms),
                    "description_en": item.description_en,
                    "hs_code": code,
                    "code_digits": len(code) if code else None,
                    "announcement": item.announcement,
                    "control_code": item.control_code,
                    "dual_use": item.dual_use,
                    "licence_required": item.licence_required,
                    "effective_from": item.effective_from,
                    "effective_until": item.effective_until,
                    "suspended_from": item.suspended_from,
                    "suspended_until": item.suspended_until,
                    "suspended_by": item.suspended_by,
                    "confidence": item.confidence,
                }
            )
    return pl.DataFrame(
        rows,
        schema={
            "control_id": pl.String,
            "kind": pl.String,
            "element": pl.String,
            "forms": pl.List(pl.String),
            "description_en": pl.String,
            "hs_code": pl.String,
            "code_digits": pl.Int8,
            "announcement": pl.String,
            "control_code": pl.String,
            "dual_use": pl.Boolean,
            "licence_required": pl.Boolean,
            "effective_from": pl.Date,
            "effective_until": pl.Date,
            "suspended_from": pl.Date,
            "suspended_until": pl.Date,
            "suspended_by": pl.String,
            "confidence": pl.String,
        },
    )


def rules_frame(rules: Sequence[DestinationRule], items: Sequence[ControlItem]) -> pl.DataFrame:
    """One row per rule x item it covers, with the rule's dates and end-user scope."""
    rows = []
    for rule in rules:
        for item in items:
            if rule.applies_to.covers(item):
                rows.append(
                    {
                        "rule_id": rule.id,
                        "rule_kind": rule.kind,
                        "destination": rule.destination,
                        "end_users": list(rule.end_users),
                        "any_end_user": rule.any_end_user,
                        "military_only": rule.military_only,
                        "re_export_to": rule.re_export_to,
                        "control_id": item.id,
                        "announcement": rule.announcement,
                        "rule_from": rule.effective_from,
                        "rule_until": rule.effective_until,
                        "rule_suspended_from": rule.suspended_from,
                        "rule_suspended_until": rule.suspended_until,
                    }
                )
    return pl.DataFrame(
        rows,
        schema={
            "rule_id": pl.String,
            "rule_kind": pl.String,
            "destination": pl.String,
            "end_users": pl.List(pl.String),
            "any_end_user": pl.Boolean,
            "military_only": pl.Boolean,
            "re_export_to": pl.String,
            "control_id": pl.String,
            "announcement": pl.String,
            "rule_from": pl.Date,
            "rule_until": pl.Date,
            "rule_suspended_from": pl.Date,
            "rule_suspended_until": pl.Date,
        },
    )


def lookup_keys(items: Sequence[ControlItem]) -> pl.DataFrame:
    """Every key a declared code can be looked up by, with the match it gives.

    A catalogue code is a full key (exact for 10 digits, catalogue_prefix for 8); each of its
    proper prefixes is a declared_prefix key. Same rule as :func:`matching.match_kind`.
    """
    rows: dict[tuple[str, str], int] = {}
    for item in items:
        for code in item.hs_codes:
            full_rank = 0 if len(code) >= 10 else 1
            key = (code, item.id)
            rows[key] = min(rows.get(key, 9), full_rank)
            for n in range(1, len(code)):
                key = (code[:n], item.id)
                rows[key] = min(rows.get(key, 9), 2)
    return pl.DataFrame(
        {
            "_key": [k for k, _ in rows],
            "control_id": [i for _, i in rows],
            "_rank": list(rows.values()),
        },
        schema={"_key": pl.String, "control_id": pl.String, "_rank": pl.Int8},
    ).with_columns(_full=pl.col("_rank") < 2)


def _in_window(day: pl.Expr, start: str, end: str) -> pl.Expr:
    return (pl.col(start).is_null() | (pl.col(start) <= day)) & (
        pl.col(end).is_null() | (day <= pl.col(end))
    )


def _in_force(day: pl.Expr, start: str, end: str, s_start: str, s_end: str) -> pl.Expr:
    suspended = pl.col(s_start).is_not_null() & _in_window(day, s_start, s_end)
    return (pl.col(start) <= day) & (pl.col(end).is_null() | (day <= pl.col(end))) & ~suspended


def item_in_force(day: pl.Expr) -> pl.Expr:
    """An item row of :func:`items_frame` is in force on ``day`` (and not suspended)."""
    return _in_force(day, "effective_from", "effective_until", "suspended_from", "suspended_until")


def _as_date(column: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    if dtype == pl.Date:
        return column
    if isinstance(dtype, pl.Datetime):
        return column.dt.date()
    return column.cast(pl.String).str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)


@dataclass(frozen=True)
class PreparedFrames:
    """The catalogue's frames, built once: evaluation joins against them every call."""

    items: pl.DataFrame
    rules: pl.DataFrame
    lookup: pl.DataFrame

    @classmethod
    def of(cls, items: Sequence[ControlItem], rules: Sequence[DestinationRule]) -> PreparedFrames:
        return cls(items_frame(items), rules_frame(rules, items), lookup_keys(items))


#: What a line's control columns depend on: its digits of code, its day, its destination.
COMBINATION: tuple[str, ...] = ("_hs", "_day", "_dest")
#: The columns :func:`evaluate_query` adds, in its order.
CONTROL_COLUMNS: tuple[str, ...] = (
    "control_ids",
    "control_elements",
    "controlled",
    "licence_required",
    "prohibited_destination",
    "prohibited_elements",
    "military_end_user_banned",
    "match_kind",
)


def combination(
    schema: pl.Schema,
    hs: str = "hs_code",
    on: str = "declared_at",
    destination: str = "destination_country",
) -> dict[str, pl.Expr]:
    """The expressions of :data:`COMBINATION` for a frame of ``schema``."""
    return {
        "_hs": pl.col(hs).cast(pl.String).str.replace_all(r"\D", ""),
        "_day": _as_date(pl.col(on), schema[on]),
        "_dest": _country(pl.col(destination)),
    }


def _country(column: pl.Expr) -> pl.Expr:
    """A country code as the rules write it: text, trimmed, upper case."""
    return column.cast(pl.String).str.strip_chars().str.to_uppercase()


def evaluate_query(
    frame: pl.DataFrame | pl.LazyFrame,
    items: Sequence[ControlItem],
    rules: Sequence[DestinationRule],
    hs: str = "hs_code",
    on: str = "declared_at",
    destination: str = "destination_country",
    prepared: PreparedFrames | None = None,
) -> pl.LazyFrame:
    """The input frame plus control columns (see :meth:`Catalogue.evaluate_frame`), as
    one query (a frame or a lazy one in)."""
    schema = frame.collect_schema()
    keys = frame.lazy().select(**combination(schema, hs, on, destination)).with_row_index("_row")
    combos = keys.select("_hs", "_day", "_dest").unique()

    # 1. distinct declared codes -> candidate (item, match rank)
    codes = combos.select("_hs").unique().drop_nulls()
    lookups = pl.concat(
        [
            codes.with_columns(_key=pl.col("_hs"), _truncated=pl.lit(False)),
            codes.filter(pl.col("_hs").str.len_chars() > 8).with_columns(
                _key=pl.col("_hs").str.slice(0, 8), _truncated=pl.lit(True)
            ),
            codes.filter(pl.col("_hs").str.len_chars() > 10).with_columns(
                _key=pl.col("_hs").str.slice(0, 10), _truncated=pl.lit(True)
            ),
        ]
    )
    prepared = prepared or PreparedFrames.of(items, rules)
    table = prepared.lookup.lazy()
    matched = (
        lookups.join(table, on="_key", how="inner")
        .filter(~pl.col("_truncated") | pl.col("_full"))
        .group_by("_hs", "control_id")
        .agg(pl.col("_rank").min())
    )

    # 2. combos x matched items -> those in force on the day
    item_dates = prepared.items.select(
        "control_id",
        "element",
        "licence_required",
        "effective_from",
        "effective_until",
        "suspended_from",
        "suspended_until",
    ).unique("control_id")
    active = (
        combos.join(matched, on="_hs", how="inner")
        .join(item_dates.lazy(), on="control_id", how="inner")
        .filter(item_in_force(pl.col("_day")))
        .select("_hs", "_day", "_dest", "control_id", "element", "licence_required", "_rank")
    )
    # 3. per combination: its items and the rules that cover them, for that destination,
    # in force that day
    per_combo = active_controls(active, prepared.rules, COMBINATION, _best=pl.col("_rank").min())
    answers = combos.join(per_combo, on=COMBINATION, how="left", nulls_equal=True).select(
        *COMBINATION,
        *filled_controls(),
        match_kind=pl.col("_best").replace_strict(
            _RANK_TO_KIND, default=None, return_dtype=pl.String
        ),
    )
    out_columns = list(CONTROL_COLUMNS)
    joined = (
        keys.join(answers, on=COMBINATION, how="left", nulls_equal=True)
        .sort("_row")
        .select(out_columns)
    )
    clash = [c for c in out_columns if c in schema]
    base = frame.lazy().drop(clash) if clash else frame.lazy()
    return pl.concat([base, joined], how="horizontal")


def active_controls(
    active: pl.LazyFrame, rules: pl.DataFrame, keys: Sequence[str], **more: pl.Expr
) -> pl.LazyFrame:
    """Per group of ``keys``: its active items' ids, elements and whether one needs a
    licence, with :func:`_destination_flags` (``active``: ``keys``, ``_day``, ``_dest``,
    ``control_id``, ``element``, ``licence_required``; ``more``: further aggregations)."""
    items = active.group_by(*keys).agg(
        control_ids=pl.col("control_id").unique().sort(),
        control_elements=pl.col("element").unique().sort(),
        licence_required=pl.col("licence_required").any(),
        **more,
    )
    flags = _destination_flags(active, rules, keys)
    return items.join(flags, on=list(keys), how="left", nulls_equal=True)


def filled_controls() -> list[pl.Expr]:
    """:data:`CONTROL_COLUMNS` but ``match_kind`` from :func:`active_controls`' columns,
    a group without active items or rules read as none."""
    no_elements = pl.lit([], dtype=pl.List(pl.String))
    return [
        pl.col("control_ids").fill_null(no_elements),
        pl.col("control_elements").fill_null(no_elements),
        (pl.col("control_ids").list.len().fill_null(0) > 0).alias("controlled"),
        pl.col("licence_required").fill_null(False),
        pl.col("prohibited_destination").fill_null(False),
        pl.col("prohibited_elements").fill_null(no_elements),
        pl.col("military_end_user_banned").fill_null(False),
    ]


def bans_for_country(
    lines: pl.LazyFrame,
    prepared: PreparedFrames,
    countries: Sequence[str],
    day: str = "declared_on",
) -> pl.LazyFrame:
    """``_idx, party, country, prohibited_elements``: per controlled line and column of
    ``countries`` (``party``) naming a country other than its destination, when its
    active items (``control_ids``, as evaluated) may not go there on their ``day``, and
    which elements are barred there.

    A destination ban is got round by declaring a neighbour as destination while the
    buyer or consignee sits in the barred country; the rules are the same, only the
    country they are read for differs. All columns are read in one pass.
    """
    active = (
        lines.filter(pl.col("controlled"))
        .select(
            "_idx",
            day,
            "control_ids",
            _country(pl.col("destination_country")).alias("_to"),
            *(_country(pl.col(c)) for c in countries),
        )
        .unpivot(
            countries,
            index=["_idx", day, "control_ids", "_to"],
            variable_name="party",
            value_name="_dest",
        )
        .filter(pl.col("_dest").is_not_null() & (pl.col("_dest") != pl.col("_to")))
        .select("_idx", "party", "_dest", _day=pl.col(day), control_id=pl.col("control_ids"))
        .explode("control_id")
        .join(
            prepared.items.lazy().select("control_id", "element").unique("control_id"),
            on="control_id",
        )
    )
    return (
        _destination_flags(active, prepared.rules, ("_idx", "party", "_dest"))
        .filter(pl.col("prohibited_destination"))
        .select("_idx", "party", pl.col("_dest").alias("country"), "prohibited_elements")
    )


def _destination_flags(
    active: pl.LazyFrame, rules: pl.DataFrame, keys: Sequence[str]
) -> pl.LazyFrame:
    """Per group of ``keys``: whether a blocking rule covers one of its active items for
    its destination on its day (``active``: ``keys``, ``_day``, ``_dest``, ``control_id``,
    ``element``; ``rules``: :func:`rules_frame`)."""
    rule_table = rules.filter(pl.col("rule_kind").is_in(sorted(BLOCKING_KINDS)))
    return (
        active.select(*dict.fromkeys([*keys, "_day", "_dest"]), "control_id", "element")
        .join(rule_table.lazy(), on="control_id", how="inner")
        .filter(
            ((pl.col("destination") == "any") | (pl.col("destination") == pl.col("_dest")))
            & _in_force(
                pl.col("_day"),
                "rule_from",
                "rule_until",
                "rule_suspended_from",
                "rule_suspended_until",
            )
        )
        .group_by(*keys)
        .agg(
            prohibited_destination=pl.col("any_end_user").any(),
            # A code several elements' items share is prohibited only for some of them:
            # the line's own words may say which element it carries.
            prohibited_elements=pl.col("element").filter(pl.col("any_end_user")).unique().sort(),
            military_end_user_banned=(
                (pl.col("rule_kind") == "prohibit") & pl.col("military_only")
            ).any(),
        )
    )


@dataclass
class RememberedControls:
    """The control columns of each combination of code, day and destination seen before.

    For the single-declaration door: a line's control columns depend on its
    :data:`COMBINATION` alone, and a service sees the same codes, days and destinations
    again and again, so each combination's answer is kept, and a round whose
    combinations were all seen skips the catalogue's query (1.3 ms of a one-line round;
    reading the combinations and building the answer cost ~0.3). ``limit`` combinations
    start afresh.
    """

    limit: int = 100_000
    #: combination -> its control columns' values, in :data:`CONTROL_COLUMNS` order
    known: dict[tuple[object, ...], tuple[object, ...]] = field(default_factory=dict, repr=False)
    #: The control columns' types, from the first answer.
    types: pl.Schema | None = field(default=None, repr=False)

    def __call__(
        self, lines: pl.DataFrame, evaluate: Callable[[pl.DataFrame], pl.DataFrame]
    ) -> pl.DataFrame:
        """``lines`` with their control columns, as ``evaluate`` (the catalogue's
        :func:`evaluate_query`, collected) gives them."""
        seen = lines.select(**combination(lines.schema)).rows()
        if self.types is not None and all(k in self.known for k in seen):
            answer = pl.DataFrame([self.known[k] for k in seen], schema=self.types, orient="row")
            kept = lines.drop([c for c in CONTROL_COLUMNS if c in lines.columns])
            return pl.concat([kept, answer], how="horizontal")
        evaluated = evaluate(lines)
        answer = evaluated.select(CONTROL_COLUMNS)
        if len(self.known) + len(seen) > self.limit:
            self.known.clear()
        self.known.update(zip(seen, answer.rows(), strict=True))
        self.types = answer.schema
        return evaluated
