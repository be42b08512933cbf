"""Restricted-party screening: each party against every list, with a score and why.

A query (a party: its names, aliases, country, registration id) meets a list entry by

- the same registration id (score 1.0),
- the same name key in any script, stored aliases and pinyin included (0.98),
- a Chinese name on one side spelt as the other side's Latin name — pinyin, Wade-Giles
  or Hong Kong Cantonese trade name, glossary words translated (``spelling``: 0.94; the
  method says "spelling" and the evidence which spelling met),
- similar names: candidate pairs that share a rare word (Latin) or a character pair
  (Chinese) are scored with rapidfuzz in one vectorised call, then must agree on the
  *rare* words (``resolve.distinctive_agreement``), so that "Eagle Resources" does not
  hit "Eagle Resources Summit" on the strength of common words.

A stated, different country lowers the score (x0.85); the match is kept at
``ScreenSettings.threshold`` and above. Each hit names the list, the entry, the names
that met and how, in words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from orewatch.parties.normalise import CJK, name_variants
from orewatch.parties.resolve import distinctive_agreement
from orewatch.parties.spelling import cross_script, own_names

HIT_SCHEMA: dict[str, pl.DataType] = {
    "query_id": pl.String(),
    "entry_id": pl.String(),
    "list": pl.String(),
    "entry_name": pl.String(),
    "query_name": pl.String(),
    "matched": pl.String(),
    "method": pl.String(),
    "score": pl.Float64(),
    "explanation": pl.String(),
}


@dataclass(frozen=True)
class ScreenSettings:
    """Screening thresholds."""

    #: Lowest score reported as a hit.
    threshold: float = 0.86
    #: Factor on a name match when both sides state different countries.
    other_country: float = 0.85
    #: Factor when both names state different legal forms (GmbH vs AG, Inc. vs LLC).
    other_form: float = 0.85
    #: Factor on a person's name match (names identify people poorly).
    person: float = 0.92
    #: Extra factor on a person's match when either side states no country.
    person_no_country: float = 0.95
    #: Score of a Chinese name met through a spelling of it (below a stored alias: a
    #: spelling may be another company's whose trade name sounds the same).
    spelling: float = 0.94
    #: Tokens shared by more entries than this do not make candidate pairs.
    max_token_entries: int = 400


def _variants(frame: pl.DataFrame, id_col: str) -> pl.DataFrame:
    return name_variants(frame.select(id_col, "name", "alt_names"), id_col).rename({id_col: "id"})


def _tokens(variants: pl.DataFrame) -> pl.DataFrame:
    """Blocking tokens: Latin words of 3+ letters, Chinese character pairs."""
    cjk = pl.col("key").str.contains(CJK)
    base = variants.select("id", "key", "words", "form", cjk.alias("cjk"))
    chinese = (
        base.filter(pl.col("cjk"))
        .with_columns(
            pl.int_ranges(0, (pl.col("key").str.len_chars() - 1).clip(1, None)).alias("at")
        )
        .explode("at")
        .with_columns(pl.col("key").str.slice(pl.col("at"), 2).alias("token"))
    )
    latin = (
        base.filter(~pl.col("cjk"))
        .with_columns(pl.col("words").str.split(" ").alias("token"))
        .explode("token")
        .filter(pl.col("token").str.len_chars() >= 3)
    )
    columns = ["id", "key", "words", "form", "token"]
    return pl.concat([chinese.select(columns), latin.select(columns)]).drop_nulls("token")


def _factor(settings: ScreenSettings) -> pl.Expr:
    """Country, legal-form and person discounts on a name match."""
    country_differs = (pl.col("country") != pl.col("country_e")).fill_null(False)
    form_differs = (pl.col("form") != pl.col("form_e")).fill_null(False)
    person = (pl.col("kind") == "person") | (pl.col("kind_e") == "person")
    no_country = pl.col("country").is_null() | pl.col("country_e").is_null()
    return (
        pl.when(country_differs).then(settings.other_country).otherwise(1.0)
        * pl.when(form_differs).then(settings.other_form).otherwise(1.0)
        * pl.when(person.fill_null(False)).then(settings.person).otherwise(1.0)
        * pl.when(person.fill_null(False) & no_country)
        .then(settings.person_no_country)
        .otherwise(1.0)
    )


def screen(
    queries: pl.DataFrame,
    watchlist: pl.DataFrame,
    settings: ScreenSettings | None = None,
    query_variants: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Hits of ``queries`` (query_id, name, alt_names, country, registration_id) on a
    watchlist in ``watchlists.WATCHLIST_SCHEMA`` shape, best hit per (query, entry).

    ``query_variants`` (``normalise.name_variants`` keyed by ``record_id`` = query_id)
    may be passed when the caller has them already (the resolver made them)."""
    settings = settings or ScreenSettings()
    if queries.is_empty() or watchlist.is_empty():
        return pl.DataFrame(schema=HIT_SCHEMA)
    queries = queries.with_columns(
        pl.col("query_id").cast(pl.String),
        *(pl.col(c).cast(pl.String) for c in ("country", "registration_id") if c in queries),
    )
    for column in ("country", "registration_id", "kind"):
        if column not in queries:
            queries = queries.with_columns(pl.lit(None, dtype=pl.String()).alias(column))
    if "alt_names" not in queries:
        queries = queries.with_columns(pl.lit(None, dtype=pl.List(pl.String())).alias("alt_names"))
    if query_variants is None:
        qv = _variants(queries.rename({"query_id": "id"}), "id")
    else:
        qv = query_variants.rename({"record_id": "id"}).join(
            queries.select(pl.col("query_id").alias("id")), on="id", how="semi"
        )
    ev = _variants(watchlist.rename({"entry_id": "id"}), "id")
    q_meta = queries.select(
        pl.col("query_id").alias("id"),
        "country",
        "registration_id",
        pl.col("kind").cast(pl.String).str.to_lowercase(),
        pl.col("name").alias("query_name"),
    )
    e_meta = watchlist.select(
        pl.col("entry_id").alias("id_e"),
        pl.col("country").alias("country_e"),
        pl.col("registration_id").alias("registration_id_e"),
        pl.col("kind").alias("kind_e"),
        "list",
        pl.col("name").alias("entry_name"),
    )
    by_id = (
        q_meta.drop_nulls("registration_id")
        .join(
            e_meta.drop_nulls("registration_id_e"),
            left_on="registration_id",
            right_on="registration_id_e",
        )
        .with_columns(
            pl.col("registration_id").alias("matched"),
            pl.lit("registration id").alias("method"),
            pl.lit(1.0).alias("score"),
            pl.lit(None, dtype=pl.String()).alias("form"),
            pl.lit(None, dtype=pl.String()).alias("form_e"),
        )
    )
    exact = (
        qv.select("id", "key", "form", pl.col("text").alias("q_text"))
        .join(
            ev.select(
                pl.col("id").alias("id_e"),
                "key",
                pl.col("form").alias("form_e"),
                pl.col("text").alias("e_text"),
                pl.col("how").alias("e_how"),
            ),
            on="key",
        )
        .join(q_meta, on="id")
        .join(e_meta, on="id_e")
        .with_columns(
            pl.format(
                "'{}' = '{}' ({})", pl.col("q_text"), pl.col("e_text"), pl.col("e_how")
            ).alias("matched"),
            pl.lit("same name").alias("method"),
            (0.98 * _factor(settings)).alias("score"),
        )
    )
    spelt = (
        _spelt(queries, watchlist)
        .join(q_meta, on="id")
        .join(e_meta, on="id_e")
        .with_columns((settings.spelling * _factor(settings)).alias("score"))
    )
    fuzzy = (
        _fuzzy(qv, ev, settings)
        .join(q_meta, on="id")
        .join(e_meta, on="id_e")
        .with_columns((pl.col("ratio") * _factor(settings)).alias("score"))
    )
    columns = [
        "id",
        "id_e",
        "list",
        "entry_name",
        "query_name",
        "matched",
        "method",
        "score",
        "country",
        "country_e",
        "form",
        "form_e",
    ]
    hits = pl.concat(
        [f.select(columns) for f in (by_id, exact, spelt, fuzzy)], how="vertical_relaxed"
    )
    hits = (
        hits.filter(pl.col("score") >= settings.threshold)
        .sort("score", descending=True)
        .unique(["id", "id_e"], keep="first")
    )
    return (
        hits.select(
            pl.col("id").alias("query_id"),
            pl.col("id_e").alias("entry_id"),
            "list",
            "entry_name",
            "query_name",
            "matched",
            "method",
            pl.col("score").round(3),
            pl.format(
                "{} matches {} entry '{}' by {}: {} (score {}{}{})",
                pl.col("query_name"),
                pl.col("list"),
                pl.col("entry_name"),
                pl.col("method"),
                pl.col("matched"),
                pl.col("score").round(2),
                pl.when((pl.col("country") != pl.col("country_e")).fill_null(False))
                .then(
                    pl.format(
                        "; countries differ: {} vs {}", pl.col("country"), pl.col("country_e")
                    )
                )
                .otherwise(pl.lit("")),
                pl.when((pl.col("form") != pl.col("form_e")).fill_null(False))
                .then(pl.format("; legal forms differ: {} vs {}", pl.col("form"), pl.col("form_e")))
                .otherwise(pl.lit("")),
            ).alias("explanation"),
        )
        .sort(["query_id", "score"], descending=[False, True])
        .cast(HIT_SCHEMA)  # type: ignore[arg-type]
    )


def _spelt(queries: pl.DataFrame, watchlist: pl.DataFrame) -> pl.DataFrame:
    """``id, id_e, matched, method, form, form_e``: a Chinese name on one side spelt as
    a Latin name on the other (``spelling.cross_script``), the spelling in the evidence.

    Legal forms are not compared across scripts: 有限公司 is written "Co., Ltd.",
    "Limited" or "Company Limited" in English.
    """
    met = cross_script(own_names(queries, "query_id"), own_names(watchlist, "entry_id"))
    return met.select(
        "id",
        pl.col("id_r").alias("id_e"),
        pl.format("'{}' = '{}' (spelt '{}')", "text", "text_r", "key").alias("matched"),
        pl.lit("spelling").alias("method"),
        pl.lit(None, dtype=pl.String()).alias("form"),
        pl.lit(None, dtype=pl.String()).alias("form_e"),
    ).unique(["id", "id_e"])


def _fuzzy(qv: pl.DataFrame, ev: pl.DataFrame, settings: ScreenSettings) -> pl.DataFrame:
    """Similar-name candidates by shared tokens, scored by rapidfuzz, rare words agreeing."""
    qt = _tokens(qv)
    et = _tokens(ev)
    common = (
        et.group_by("token")
        .agg(pl.col("id").n_unique().alias("n"))
        .filter(pl.col("n") > settings.max_token_entries)
    )
    et = et.join(common, on="token", how="anti")
    pairs = (
        qt.join(et, on="token", suffix="_e")
        .select(
            "id",
            pl.col("id_e"),
            pl.col("words").alias("words_l"),
            pl.col("words_e").alias("words_r"),
            "key",
            "key_e",
            "form",
            "form_e",
        )
        .unique(["id", "id_e", "key", "key_e"])
        .filter(pl.col("key") != pl.col("key_e"))
    )
    if pairs.is_empty():
        return pl.DataFrame(
            schema={
                "id": pl.String(),
                "id_e": pl.String(),
                "matched": pl.String(),
                "method": pl.String(),
                "ratio": pl.Float64(),
                "form": pl.String(),
                "form_e": pl.String(),
            }
        )
    ratios = cpdist(
        pairs["words_l"].to_list(), pairs["words_r"].to_list(), scorer=fuzz.ratio, workers=-1
    )
    pairs = pairs.with_columns(pl.Series("ratio", np.asarray(ratios, dtype=np.float64) / 100.0))
    pairs = pairs.filter(pl.col("ratio") >= settings.threshold)
    pairs = distinctive_agreement(pairs, pl.concat([qv.select("words"), ev.select("words")]))
    return pairs.select(
        "id",
        "id_e",
        pl.format("'{}' ~ '{}'", pl.col("words_l"), pl.col("words_r")).alias("matched"),
        pl.lit("similar name").alias("method"),
        "ratio",
        "form",
        "form_e",
    )
