"""Transshipment: restricted parties at the far end, their associates, and diversion routes.

Name matching here is exact on normalised names plus a strict fuzzy pass (rapidfuzz) on
the few thousand distinct names; cross-script resolution is the parties layer's job.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import polars as pl
from rapidfuzz import fuzz, process

from orewatch.screening.detectors.misdeclaration import UNIT_VALUE_Z
from orewatch.screening.features import could_be_controlled
from orewatch.screening.names import normalise_name_expr
from orewatch.screening.prior import Prior
from orewatch.screening.signals import Lines, any_row, concat_signals, signals_where

#: rapidfuzz ratio (0..100) at which two normalised names are taken as the same party.
FUZZY_CUTOFF = 93
#: Names shorter than this (after normalisation) match only exactly.
MIN_FUZZY_LENGTH = 8
#: A consignee receiving this many distinct controlled elements is collecting, not using.
MANY_ELEMENTS = 3
#: The parties whose names are matched against the watchlist.
NAMED_PARTIES: tuple[str, ...] = ("consignee_name", "end_user_name")
#: Up to this many names are matched on one thread.
FEW_NAMES = 64
#: Goods priced this far above their commodity's norm may be something dearer: as far as
#: UNIT_VALUE_HIGH (the norms are local in time and currency, so 2.0 took in the noise).
SENSITIVE_VALUE_Z = UNIT_VALUE_Z


def watchlist_keys(watchlist: pl.DataFrame) -> pl.DataFrame:
    """One row per (normalised name, list entry) over names and alternative names, with
    the day the entry was listed (null: as long as the list knows)."""
    country = pl.col("country") if "country" in watchlist.columns else pl.lit(None)
    listed = pl.col("listed_at") if "listed_at" in watchlist.columns else pl.lit(None)
    names = watchlist.with_row_index("_entry").select(
        "_entry",
        pl.col("list"),
        pl.col("name").alias("entry_name"),
        country.cast(pl.String).alias("entry_country"),
        listed.cast(pl.Date).alias("listed_at"),
        pl.concat_list([pl.col("name"), pl.col("alt_names").fill_null([])]).alias("_names"),
    )
    return (
        names.explode("_names")
        .with_columns(normalise_name_expr(pl.col("_names")).alias("key"))
        .filter(pl.col("key").str.len_chars() >= 3)
        .select("key", "_entry", "list", "entry_name", "entry_country", "listed_at")
        .unique(["key", "_entry"])
    )


#: What :func:`match_names` answers: a name's best hit per country and listing day of the
#: list entries.
MATCH_SCHEMA: dict[str, pl.DataType] = {
    "name": pl.String(),
    "list": pl.String(),
    "entry_name": pl.String(),
    "entry_country": pl.String(),
    "similarity": pl.Float64(),
    "listed_at": pl.Date(),
}
#: Each name keeps its best hit per these (see :func:`match_names`).
HIT_KEEPS = ["name", "entry_country", "listed_at"]

#: A name's hits from the best: most similar, then list and entry name (every run alike).
BEST_FIRST = ["similarity", "list", "entry_name"]
BEST_FIRST_DESCENDING = [True, False, False]


def match_names(names: pl.Series, keys: pl.DataFrame) -> pl.DataFrame:
    """Map distinct raw names to watchlist entries: exact normalised match, or fuzzy.

    Each name keeps its best hit *per entry country and listing day* (a null country or
    day is one more), not its single best: which hit counts depends on the line (a
    consignee is held to its own country, see :func:`_elsewhere`, and an entry counts
    from the day it was listed), so a name that resembles a namesake abroad a little
    more than an entry at home must keep the one at home too. The detector picks the
    best among the hits a line allows (:func:`best_allowed`). A name's answer depends on
    that name alone.
    """
    return best_per_country(_candidates(names, keys))


def _candidates(names: pl.Series, keys: pl.DataFrame) -> pl.DataFrame:
    """Every exact hit, and every fuzzy hit of the names long enough to compare."""
    frame = pl.DataFrame({"name": names.unique().drop_nulls()}).with_columns(
        normalise_name_expr(pl.col("name")).alias("key")
    )
    exact = frame.join(keys, on="key").select(
        "name",
        "list",
        "entry_name",
        "entry_country",
        pl.lit(100.0).alias("similarity"),
        "listed_at",
    )
    asked = frame.filter(pl.col("key").str.len_chars() >= MIN_FUZZY_LENGTH)
    choices = keys.filter(pl.col("key").str.len_chars() >= MIN_FUZZY_LENGTH)
    if asked.is_empty() or choices.is_empty():
        return exact
    scores = process.cdist(
        asked["key"].to_list(),
        choices["key"].to_list(),
        scorer=fuzz.ratio,
        score_cutoff=FUZZY_CUTOFF,
        # Threads pay off for a batch's thousands of names, not for a request's one or two.
        workers=-1 if asked.height > FEW_NAMES else 1,
    )
    qi, ci = scores.nonzero()
    fuzzy = pl.DataFrame(
        {
            "name": asked["name"].gather(qi),
            "list": choices["list"].gather(ci),
            "entry_name": choices["entry_name"].gather(ci),
            "entry_country": choices["entry_country"].gather(ci),
            "similarity": pl.Series(scores[qi, ci], dtype=pl.Float64),
            "listed_at": choices["listed_at"].gather(ci),
        }
    )
    return pl.concat([exact, fuzzy])


def best_per_country(hits: pl.DataFrame) -> pl.DataFrame:
    """Each name's best hit among the entries of each country and listing day."""
    return (
        hits.sort(BEST_FIRST, descending=BEST_FIRST_DESCENDING)
        .unique(HIT_KEEPS, keep="first", maintain_order=True)
        .select(*MATCH_SCHEMA)
    )


#: A watchlist entry as a hit reports it: list, entry name, entry country, listing day.
Entry = tuple[str | None, str | None, str | None, dt.date | None]


@dataclass(frozen=True)
class WatchEntries:
    """The watchlist keys as Python look-ups, for matching a request's one or two names.

    :func:`match_names` builds a dozen small frames per call (a join for the exact hits,
    the fuzzy hits' frame, a sort and a unique), about 1 ms for one name, most of a new
    name's cost at the door. Here the exact hits are a dict look-up and the fuzzy pass
    one ``rapidfuzz`` extract over the same choices with the same scorer and cutoff;
    the answer is the one :func:`match_names` gives (the similarity as ``cdist`` stores
    it, in single precision).
    """

    exact: dict[str, list[Entry]]
    choices: list[str]
    entries: list[Entry]

    @classmethod
    def of(cls, keys: pl.DataFrame) -> WatchEntries:
        exact: dict[str, list[Entry]] = {}
        rows = keys.select("key", "list", "entry_name", "entry_country", "listed_at").rows()
        entries: list[tuple[str, Entry]] = [(key, (*entry,)) for key, *entry in rows]
        for key, entry in entries:
            exact.setdefault(key, []).append(entry)
        fuzzy = [(key, entry) for key, entry in entries if len(key) >= MIN_FUZZY_LENGTH]
        return cls(exact, [key for key, _ in fuzzy], [entry for _, entry in fuzzy])

    def best_per_country(self, name: str, key: str) -> list[tuple[object, ...]]:
        """``name``'s rows of :func:`match_names` (its key given), best first."""
        hits = [(100.0, entry) for entry in self.exact.get(key, [])]
        if len(key) >= MIN_FUZZY_LENGTH and self.choices:
            found = process.extract(
                key, self.choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
            )
            hits += [(float(np.float32(score)), self.entries[i]) for _, score, i in found]
        # BEST_FIRST: most similar, then list and entry name (nulls first, as Polars sorts).
        hits.sort(key=lambda h: (-h[0], *((v is not None, v or "") for v in h[1][:2])))
        best: dict[tuple[str | None, dt.date | None], tuple[object, ...]] = {}
        for similarity, (listed, entry_name, country, since) in hits:
            best.setdefault(
                (country, since), (name, listed, entry_name, country, similarity, since)
            )
        return list(best.values())


@dataclass
class RememberedMatches:
    """:func:`match_names` for a request's few names, each name worked out once.

    The door matches one or two names per request against the same watchlist keys, and
    a name's hits depend on the name alone, so each name's hits are kept (about a dozen
    eager steps per request otherwise). A new name is matched through
    :class:`WatchEntries`. The answer is the one :func:`match_names` gives for the same
    names together. A store holding ``limit`` names starts afresh.
    """

    keys: pl.DataFrame
    limit: int = 100_000
    #: name -> its best hit per entry country (rows in ``MATCH_SCHEMA`` order)
    known: dict[str, list[tuple[object, ...]]] = field(default_factory=dict, repr=False)
    entries: WatchEntries = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.entries = WatchEntries.of(self.keys)

    def __call__(self, names: pl.Series) -> pl.DataFrame:
        distinct = set(names.drop_nulls().to_list())
        unseen = distinct - self.known.keys()
        if unseen:
            self._learn(sorted(unseen))
        rows = [row for name in distinct for row in self.known[name]]
        return pl.DataFrame(rows, schema=MATCH_SCHEMA, orient="row")

    def _learn(self, names: list[str]) -> None:
        keys = (
            pl.Series(names, dtype=pl.String)
            .to_frame("name")
            .select(normalise_name_expr(pl.col("name")))["name"]
        )
        if len(self.known) + len(names) > self.limit:
            self.known.clear()
        for name, key in zip(names, keys.to_list(), strict=True):
            self.known[name] = self.entries.best_per_country(name, key or "")


def _elsewhere() -> pl.Expr:
    """The consignee is stated in another country than the list entry it resembles.

    Names of trading companies repeat across countries ("Ruhr Electronics AG" in Germany,
    a "Ruhr Electronics GmbH & Co. KG" listed elsewhere), and legal forms are dropped
    before names are compared, so a like name in another country is another company; a
    screener weighs the country as a separate identifier. The end user has no country
    in the contract, so its hits stand on the name, unless it is the consignee itself.
    """
    return (
        pl.col("entry_country").is_not_null()
        & pl.col("consignee_country").is_not_null()
        & (pl.col("entry_country") != pl.col("consignee_country"))
    )


def _end_user_is_consignee() -> pl.Expr:
    return normalise_name_expr(pl.col("end_user_name")) == normalise_name_expr(
        pl.col("consignee_name")
    )


#: Whether a hit's entry was listed by the line's day (:func:`listed_by_then`).
IN_FORCE = "_listed_by_then"


def listed_by_then() -> pl.Expr:
    """The hit's entry was on its list on the line's day (or the list gives no day).

    A shipment to a party before it was listed broke no restriction: screening a
    year's declarations against today's list would call every earlier trade with a
    since-listed party a breach.
    """
    return (
        pl.col("listed_at").is_null() | (pl.col("declared_at").dt.date() >= pl.col("listed_at"))
    ).alias(IN_FORCE)


def best_allowed(joined: pl.LazyFrame, column: str) -> pl.LazyFrame:
    """Each line's best hit among those its party may be: a consignee is held to its own
    country, an end user only when it is the consignee itself (it has no country); an
    entry listed by the line's day before one listed later (``IN_FORCE``)."""
    if column == "consignee_name":
        allowed = ~_elsewhere()
    else:
        allowed = ~(_elsewhere() & _end_user_is_consignee())
    return (
        joined.filter(allowed)
        .with_columns(listed_by_then())
        .sort([IN_FORCE, *BEST_FIRST], descending=[True, *BEST_FIRST_DESCENDING])
        .unique("_idx", keep="first", maintain_order=True)
    )


def sensitive_goods() -> pl.Expr:
    """Goods that are, or could be, controlled material: controlled codes, descriptions
    naming a controlled element, or prices far above their commodity's norm."""
    return could_be_controlled() | (pl.col("unit_value_z") > SENSITIVE_VALUE_Z).fill_null(False)


def transshipment_signals(
    lines: Lines,
    keys: pl.DataFrame | None,
    risky_routes: pl.DataFrame | None,
    prior: Prior | None = None,
    matches: Callable[[pl.Series], pl.DataFrame] | None = None,
    hits: Mapping[str, pl.LazyFrame] | None = None,
    controlled: bool | None = None,
) -> pl.LazyFrame:
    """Watchlist hits weighed by the goods, diversion routes, collectors.

    Links to restricted parties come from the parties layer (see ``Screener``).

    ``keys`` is :func:`watchlist_keys` of the watchlist (prepared once by the screener);
    ``matches`` maps names to their hits on ``keys`` (default :func:`match_names`).
    ``lines`` may be a ``LazyFrame`` (the door's plan built once) when it comes with what
    would be read from the rows: each of ``NAMED_PARTIES``' ``hits`` (what ``matches``
    answers for the column's names; a party left out has none) and whether any line is
    ``controlled``.
    """
    match = matches or (lambda names: match_names(names, keys))  # type: ignore[arg-type]
    parts: list[pl.LazyFrame] = []
    # A restricted party buying ordinary goods breaks no export control; buying what
    # could be controlled material is the case that matters.
    sensitive = sensitive_goods()
    if keys is not None and keys.height:
        if hits is None:
            assert isinstance(lines, pl.DataFrame), "a LazyFrame's lines need their ``hits``"
            hits = {column: match(lines[column]).lazy() for column in NAMED_PARTIES}
        for column in (party for party in NAMED_PARTIES if party in hits):
            # Read by two signals: cached, so that a plan run as written joins it once.
            joined = best_allowed(
                lines.lazy().join(hits[column], left_on=column, right_on="name"), column
            ).cache()
            evidence = pl.format(
                "{} ~ {} [{}] ({}%)",
                pl.col(column),
                pl.col("entry_name"),
                pl.col("list"),
                pl.col("similarity").round(0),
            )
            listed = pl.col(IN_FORCE)
            parts.append(
                signals_where(joined, listed & sensitive, "CONSIGNEE_WATCHLISTED", evidence)
            )
            parts.append(
                signals_where(joined, listed & ~sensitive, "WATCHLISTED_ORDINARY_GOODS", evidence)
            )
            parts.append(
                signals_where(
                    joined,
                    ~listed & sensitive,
                    "CONSIGNEE_LISTED_LATER",
                    pl.format("{}, listed {}", evidence, pl.col("listed_at")),
                )
            )
    if risky_routes is not None and risky_routes.height:
        joined = lines.lazy().join(
            risky_routes.lazy().select(
                pl.col("country").alias("destination_country"),
                pl.col("hs_code").alias("hs6"),
                "route_reason",
            ),
            on=["destination_country", "hs6"],
        )
        parts.append(
            signals_where(joined, sensitive, "ROUTE_DIVERSION_RISK", pl.col("route_reason"))
        )
    # Only controlled lines collect; a request without one skips the history's group-by.
    if controlled is None:
        assert isinstance(lines, pl.DataFrame), "a LazyFrame's lines need ``controlled``"
        controlled = any_row(lines, pl.col("controlled"))
    if controlled:
        parts.append(_collectors(lines, prior or Prior.empty()))
    return concat_signals(parts)


def _collectors(lines: Lines, prior: Prior) -> pl.LazyFrame:
    """Consignees receiving several different controlled elements (history included)."""
    current = (
        lines.lazy()
        .filter(pl.col("controlled"))
        .select("consignee_name", pl.col("control_elements").alias("element"))
        .explode("element")
        .drop_nulls()
    )
    per_consignee = (
        pl.concat([current, prior.consignee_elements.lazy()])
        .group_by("consignee_name")
        .agg(
            pl.col("element").n_unique().alias("n_elements"),
            pl.col("element").unique().sort().alias("elements"),
        )
        .filter(pl.col("n_elements") >= MANY_ELEMENTS)
    )
    joined = lines.lazy().filter(pl.col("controlled")).join(per_consignee, on="consignee_name")
    return signals_where(
        joined,
        pl.lit(True),
        "CONSIGNEE_NEW_MANY_ITEMS",
        pl.format("{} receives {}", pl.col("consignee_name"), pl.col("elements").list.join(",")),
    )
