"""Entity resolution: which party records are one company or person, and why.

Order of evidence, strongest first:

1. **identifiers** — the same registration id (unified social credit code, foreign
   registry number) makes two records one entity whatever their names say;
2. **exact name keys** — the same normalised name key (any script, aliases and pinyin
   included; see ``normalise``) in a compatible country, for companies only (two
   people called 李建平 are not one person without a shared contact);
3. **probabilistic linkage** — Splink on DuckDB over name variants, only across the
   groups that 1 and 2 did not already settle, on candidate pairs from ``blocking``
   (rare tokens and their one-edit neighbours within a country, shared e-mail), with
   Jaro-Winkler name levels and contact agreement; u-probabilities are learned from
   each dataset by random sampling, m-probabilities are stated priors. Fuzzy links
   never join two groups that each carry a registration id (``group_guard``).

Links become entities through connected components (igraph). An entity's id is stable:
``E-`` and the smallest input ``party_id`` among its records, else the smallest
registration id, else a hash of its smallest record id, so re-running on more data
keeps the ids of entities already known. Every record carries the evidence of the
links that placed it in its entity.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb
import igraph as ig
import polars as pl

from orewatch.parties.blocking import MAX_BLOCK, candidate_pairs
from orewatch.parties.normalise import CJK, name_variants
from orewatch.parties.spelling import own_names, spelt_keys

if TYPE_CHECKING:
    from splink.internals.comparison_creator import ComparisonCreator

LINK_SCHEMA: dict[str, pl.DataType] = {
    "a": pl.String(),
    "b": pl.String(),
    "rule": pl.String(),
    "score": pl.Float64(),
    "evidence": pl.String(),
}

#: Legal forms written in characters (``normalise.CANONICAL_FORMS``): an English name
#: renders them freely, so they are compared only with each other.
CHINESE_FORMS: tuple[str, ...] = ("yx", "gf")

#: Variants that romanise a Chinese name (``normalise.name_variants``): two Chinese
#: names meet on them only when they sound alike (华联 / 华连 are both "hualian"), which
#: makes them two companies whose names sound the same, not one. Two records whose
#: Chinese names are the same meet on those names themselves.
ROMANISED: tuple[str, ...] = ("pinyin", "translated")

#: Which evidence is kept when two rules link the same pair (identifiers first).
RULE_PRIORITY: dict[str, int] = {"identifier": 0, "name": 1, "probabilistic": 2}


@dataclass(frozen=True)
class ResolveSettings:
    """Tuning of the resolver (defaults suit customs party data)."""

    #: Splink match weight (log2 Bayes factor of the evidence, prior left out) at or above
    #: which two records are linked: the prior is tiny in deduplication and would hide
    #: typo variants; precision comes from the compatibility and rare-word checks.
    min_match_weight: float = 6.0
    #: Name keys shared by more distinct registration ids than this, in the record's
    #: country (worldwide for a record without one), say nothing (a generic name such
    #: as "Trading"); they do not link by name alone.
    max_ids_per_key: int = 3
    #: Use Splink for fuzzy links (off: identifiers and exact keys only).
    probabilistic: bool = True
    #: Random pairs Splink samples to learn u-probabilities.
    u_pairs: float = 1e6
    #: Largest blocking key (names within one country) that makes candidate pairs.
    max_block: int = MAX_BLOCK


@dataclass(frozen=True)
class Resolution:
    """Resolved entities: one row per record, and the links that made them."""

    entities: pl.DataFrame  # record_id, entity_id, source, party_id, name, kind, country, evidence
    links: pl.DataFrame  # LINK_SCHEMA


def _chain(groups: pl.DataFrame, key: str, rule: str, evidence: pl.Expr) -> pl.DataFrame:
    """Link every record of a group to the group's first record (a star, not a clique)."""
    ordered = groups.sort(key, "record_id")
    first = ordered.group_by(key).agg(pl.col("record_id").first().alias("a"))
    return (
        ordered.join(first, on=key)
        .filter(pl.col("record_id") != pl.col("a"))
        .select(
            "a",
            pl.col("record_id").alias("b"),
            pl.lit(rule).alias("rule"),
            pl.lit(1.0).alias("score"),
            evidence.alias("evidence"),
        )
    )


def identifier_links(records: pl.DataFrame) -> pl.DataFrame:
    """Records sharing a registration id."""
    with_id = records.filter(pl.col("registration_id").is_not_null()).select(
        "record_id", "registration_id"
    )
    return _chain(
        with_id,
        "registration_id",
        "identifier",
        pl.format("same registration id {}", pl.col("registration_id")),
    )


def compatible(left: str, right: str) -> pl.Expr:
    """Two records may be one entity: no differing registration id, address or legal form.

    Companies with the same trade name and other registration ids (Maas Technologies
    B.V. and Maas Technologies N.V.) are different companies; so are two stated,
    different addresses. Missing values never conflict, nor do a Chinese legal form and
    a Latin one (有限公司 is "Co., Ltd.", "Limited" or "Corporation" in English).
    """
    chinese = [pl.col(f"form{side}").is_in(CHINESE_FORMS) for side in (left, right)]
    conflicts = [
        pl.col(f"registration_id{left}") != pl.col(f"registration_id{right}"),
        pl.col(f"addr{left}") != pl.col(f"addr{right}"),
        (pl.col(f"form{left}") != pl.col(f"form{right}")) & (chinese[0] == chinese[1]),
        pl.col(f"country{left}") != pl.col(f"country{right}"),
    ]
    return ~pl.any_horizontal([c.fill_null(False) for c in conflicts])


def _keyed(records: pl.DataFrame, variants: pl.DataFrame) -> pl.DataFrame:
    """Company name variants with the values :func:`compatible` compares."""
    companies = records.filter(pl.col("kind").fill_null("company") != "person").select(
        "record_id",
        "country",
        "registration_id",
        pl.col("address").str.to_lowercase().str.replace_all(r"[\W_]", "").alias("addr"),
    )
    romanised = pl.col("how").is_in(ROMANISED).alias("romanised")
    return variants.select("record_id", "key", "form", romanised).join(companies, on="record_id")


def _drop_bridges(pairs: pl.DataFrame) -> pl.DataFrame:
    """Drop the name links of a bare record (no id, no address) that fits several
    distinct identified records: it could be any of them, so it joins none, rather than
    bridging two companies that share a name into one entity."""
    identity = pl.coalesce("registration_id", "addr")
    sides = pl.concat(
        [
            pairs.select(
                pl.col("record_id").alias("bare"),
                pl.coalesce("registration_id_r", "addr_r").alias("other"),
                identity.is_null().alias("is_bare"),
            ),
            pairs.select(
                pl.col("record_id_r").alias("bare"),
                identity.alias("other"),
                pl.coalesce("registration_id_r", "addr_r").is_null().alias("is_bare"),
            ),
        ]
    )
    ambiguous = (
        sides.filter(pl.col("is_bare"))
        .group_by("bare")
        .agg(pl.col("other").drop_nulls().n_unique().alias("n"))
        .filter(pl.col("n") > 1)
        .select("bare")
    )
    return pairs.join(ambiguous, left_on="record_id", right_on="bare", how="anti").join(
        ambiguous, left_on="record_id_r", right_on="bare", how="anti"
    )


def _without_generic_keys(keyed: pl.DataFrame, max_ids: int) -> pl.DataFrame:
    """Drop the name variants whose key says nothing about which company is meant.

    A key is generic where it names more than ``max_ids`` registered companies: in the
    record's own country when it has one (a name common worldwide, such as "Apex
    Industries", still names one company in Vietnam), and worldwide when it has none
    (a record without a country could be any of them).
    """
    ids = pl.col("registration_id").drop_nulls().n_unique()
    named = (
        pl.when(pl.col("country").is_null())
        .then(ids.over("key"))
        .otherwise(ids.over("key", "country"))
    )
    return keyed.filter(named <= max_ids)


def name_key_links(
    records: pl.DataFrame, variants: pl.DataFrame, settings: ResolveSettings
) -> pl.DataFrame:
    """Compatible company records sharing a name key (any script, aliases, pinyin)."""
    keyed = _without_generic_keys(_keyed(records, variants), settings.max_ids_per_key)
    pairs = keyed.join(keyed, on="key", suffix="_r").filter(
        (pl.col("record_id") < pl.col("record_id_r"))
        & compatible("", "_r")
        & ~(pl.col("romanised") & pl.col("romanised_r"))
    )
    pairs = _drop_bridges(pairs)
    return pairs.select(
        pl.col("record_id").alias("a"),
        pl.col("record_id_r").alias("b"),
        pl.lit("name").alias("rule"),
        pl.lit(1.0).alias("score"),
        pl.format(
            "same name key '{}'{}",
            pl.col("key"),
            pl.when(pl.col("country").is_not_null())
            .then(pl.format(" in {}", pl.col("country")))
            .otherwise(pl.lit("")),
        ).alias("evidence"),
    ).unique(["a", "b"])


def _splink_input(
    records: pl.DataFrame, variants: pl.DataFrame, settled: pl.DataFrame
) -> pl.DataFrame:
    """One row per distinct name variant of each settled group, with contacts, for Splink.

    Variants that agree on everything Splink and the checks after it look at, within
    one already-settled group (``settled``: record_id, component), are one row: the
    thousands of identical mentions of a party are compared once.
    """
    contacts = records.select(
        "record_id",
        pl.col("kind").fill_null("company"),
        "country",
        "registration_id",
        pl.col("address").str.to_lowercase().str.replace_all(r"[\W_]", "").alias("addr"),
        pl.col("phone").str.replace_all(r"\D", "").str.slice(-8).replace("", None).alias("phone"),
        pl.col("email").str.to_lowercase().str.strip_chars().alias("email"),
    ).join(settled, on="record_id")
    rows = variants.select(
        "record_id",
        "words",
        "key",
        "how",
        "form",
        pl.col("how").is_in(ROMANISED).alias("romanised"),
    ).join(contacts, on="record_id")
    # Synonym renderings of a Latin name are for exact keys only: as rows of their own
    # they would pair with their own record in u-sampling and blunt the name weights.
    rows = rows.filter((pl.col("key").str.len_chars() >= 3) & (pl.col("how") != "concept"))
    same = [c for c in rows.columns if c not in ("record_id", "how")]
    rows = rows.sort("record_id").unique(same, keep="first", maintain_order=True)
    return rows.with_row_index("unique_id").with_columns(pl.col("unique_id").cast(pl.Int64))


def with_spellings(rows: pl.DataFrame, records: pl.DataFrame) -> pl.DataFrame:
    """Splink rows with ``spelt`` (on a company's Chinese-name rows, its own and the
    romanised ones: the Latin spellings of that name) and ``latin`` (on the Latin rows
    of a company with a Latin name: that name's keys), null elsewhere (``spelling``).

    Only companies are spelt (a person links on a name only with a shared contact, and
    a pinyin key already exists), and only when the data hold names in both scripts:
    spelling Chinese names costs about 0.2 ms each in a batch (10-16 ms for one new
    name alone), so Latin-only data pay nothing.
    """
    companies = records.filter(pl.col("kind").fill_null("company") != "person")
    names = own_names(companies, "record_id")
    has_cjk = names["text"].str.contains(CJK)
    if not has_cjk.any() or has_cjk.all():
        return rows.with_columns(
            pl.lit(None, dtype=pl.List(pl.String())).alias("spelt"),
            pl.lit(None, dtype=pl.List(pl.String())).alias("latin"),
        )
    lists = [
        spelt_keys(names, cjk=cjk)
        .group_by("id")
        .agg(pl.col("key").unique().sort().alias(column))
        .rename({"id": "record_id"})
        for cjk, column in ((True, "spelt"), (False, "latin"))
    ]
    # A Chinese name's own row, or its romanised rows (a two-character core such as
    # 大同 is too short to be a row of its own).
    chinese_row = pl.col("key").str.contains(CJK) | pl.col("romanised")
    return (
        rows.join(lists[0], on="record_id", how="left")
        .join(lists[1], on="record_id", how="left")
        .with_columns(
            pl.when(chinese_row).then("spelt").alias("spelt"),
            pl.when(~chinese_row).then("latin").alias("latin"),
        )
    )


def prior_match_probability(rows: pl.DataFrame, recall: float = 0.6) -> float:
    """Share of record pairs that are matches, learned from this dataset.

    Pairs of distinct records sharing an exact name key in one country are counted as
    matches and taken to be ``recall`` of all matches (fuzzy ones make up the rest), as
    Splink's own deterministic-rule estimate does; clamped to [1e-7, 0.5].
    """
    records = rows["record_id"].n_unique()
    total = records * (records - 1) / 2
    if total <= 0:
        return 0.5
    per_key = rows.unique(["key", "country", "record_id"]).group_by("key", "country").len()
    exact = float((per_key["len"] * (per_key["len"] - 1) / 2).sum())
    return min(max(exact / recall / total, 1e-7), 0.5)


def splink_links(
    records: pl.DataFrame,
    variants: pl.DataFrame,
    settings: ResolveSettings,
    settled: pl.DataFrame | None = None,
) -> pl.DataFrame:
    """Fuzzy links from Splink (DuckDB backend) between records not yet one entity.

    ``settled`` (record_id, component) says which records identifiers and exact keys
    already joined; pairs inside one component are not scored. Candidate pairs come
    from ``blocking.candidate_pairs`` and Splink scores exactly those.
    """
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator

    if settled is None:
        settled = records.select("record_id").with_row_index("component")
    settled = settled.with_columns(pl.col("component").cast(pl.String))
    rows = _splink_input(records, variants, settled.select("record_id", "component"))
    rows = with_spellings(rows, records)
    candidates = candidate_pairs(rows, settings.max_block)
    if rows.height < 2 or candidates.is_empty():
        return pl.DataFrame(schema=LINK_SCHEMA)
    every = variants.select("record_id", "key").join(
        records.select("record_id", "country"), on="record_id"
    )
    prior = prior_match_probability(every.filter(pl.col("key").str.len_chars() >= 3))
    prior_weight = math.log2(prior / (1 - prior))
    spec = SettingsCreator(
        link_type="dedupe_only",
        probability_two_random_records_match=prior,
        comparisons=[
            name_comparison(),
            cl.ExactMatch("country").configure(m_probabilities=[0.95, 0.05]),
            cl.ExactMatch("email").configure(m_probabilities=[0.8, 0.2]),
            same_spelling_comparison(),
        ],
        blocking_rules_to_generate_predictions=[],
        additional_columns_to_retain=[
            "record_id",
            "kind",
            "key",
            "form",
            "registration_id",
            "addr",
            "phone",
            "romanised",
        ],
        retain_intermediate_calculation_columns=False,
    )
    blocked = candidates.select(
        pl.lit("0").alias("match_key"),
        pl.col("unique_id_l").alias("join_key_l"),
        pl.col("unique_id_r").alias("join_key_r"),
    )
    connection = duckdb.connect()
    try:
        api = DuckDBAPI(connection=connection)
        linker = Linker(api.register(rows.drop("how").to_arrow()), spec, log_level="ERROR")
        linker.training.estimate_u_using_random_sampling(max_pairs=settings.u_pairs, seed=1)
        linker.table_management.register_blocked_pairs_for_predict(api.register(blocked.to_arrow()))
        predicted = linker.inference.predict(
            threshold_match_weight=settings.min_match_weight + prior_weight
        )
        pairs = pl.from_arrow(predicted.as_pyarrow_table())  # type: ignore[no-untyped-call]
    finally:
        connection.close()
    assert isinstance(pairs, pl.DataFrame)
    pairs = pairs.with_columns((pl.col("match_weight") - prior_weight).alias("evidence_weight"))
    pairs = pairs.filter(
        (pl.col("record_id_l") != pl.col("record_id_r"))
        & (pl.col("evidence_weight") >= settings.min_match_weight)
    )
    # People need more than a similar name: a shared e-mail, phone or address. Chinese names must be
    # nearly identical (a shared city and trade word is not a shared trade name).
    person = (pl.col("kind_l") == "person") | (pl.col("kind_r") == "person")
    same_contact = (
        (pl.col("gamma_email") == 1)
        | (pl.col("phone_l") == pl.col("phone_r")).fill_null(False)
        | (pl.col("addr_l") == pl.col("addr_r")).fill_null(False)
    )
    cjk = pl.col("key_l").str.contains(CJK)
    spelt = pl.col("gamma_spelt") == 1
    pairs = pairs.filter(
        ~(pl.col("romanised_l") & pl.col("romanised_r"))
        & (~person | same_contact)
        & (spelt | (pl.col("gamma_words") >= pl.when(cjk).then(3).otherwise(2)))
    ).filter(compatible("_l", "_r"))
    pairs = pl.concat(
        [
            distinctive_agreement(pairs.filter(~spelt), variants).with_columns(
                pl.lit(None, dtype=pl.String()).alias("spelling")
            ),
            spelling_guard(pairs.filter(spelt), rows, same_contact),
        ],
        how="diagonal_relaxed",
    )
    pairs = homophone_guard(pairs, settled, same_contact)
    pairs = group_guard(pairs, records, settled)
    similar = pl.format(
        "similar names '{}' ~ '{}' (Splink evidence weight {})",
        pl.col("words_l"),
        pl.col("words_r"),
        pl.col("evidence_weight").round(1),
    )
    spelling = pl.format(
        "'{}' ~ '{}' by spelling '{}' (Splink evidence weight {})",
        pl.col("words_l"),
        pl.col("words_r"),
        pl.col("spelling"),
        pl.col("evidence_weight").round(1),
    )
    return (
        pairs.select(
            pl.min_horizontal("record_id_l", "record_id_r").alias("a"),
            pl.max_horizontal("record_id_l", "record_id_r").alias("b"),
            pl.lit("probabilistic").alias("rule"),
            (1 / (1 + (-pl.col("evidence_weight") * math.log(2)).exp())).alias("score"),
            pl.when(pl.col("spelling").is_null())
            .then(similar)
            .otherwise(spelling)
            .alias("evidence"),
        )
        .sort("score", descending=True)
        .unique(["a", "b"], keep="first")
    )


def name_comparison() -> ComparisonCreator:
    """Jaro-Winkler levels on the sorted words (0.96, 0.92, 0.85), not comparable
    between a name in Chinese characters and one in Latin letters: their letters say
    nothing about each other (the spelling comparison does)."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    chinese = "regexp_matches(words_{}, '[\u3400-\u9fff]')"
    levels: list[Any] = [
        cll.CustomLevel(
            f"words_l IS NULL OR words_r IS NULL OR {chinese.format('l')} <> {chinese.format('r')}",
            "missing, or two scripts",
        ).configure(is_null_level=True),
        cll.ExactMatchLevel("words").configure(m_probability=0.70),
        *(
            cll.JaroWinklerLevel("words", t).configure(m_probability=m)
            for t, m in ((0.96, 0.17), (0.92, 0.08), (0.85, 0.03))
        ),
        cll.ElseLevel().configure(m_probability=0.02),
    ]
    return cl.CustomComparison(comparison_levels=levels, output_column_name="words")


def same_spelling_comparison() -> ComparisonCreator:
    """Splink's "same spelling" comparison: a Chinese name's row and a Latin name's row
    share a key (:func:`with_spellings`); not comparable when the pair is not one of each.

    m is a stated prior (half of one company's Chinese/Latin row pairs share a spelling:
    translations and stored aliases meet on exact keys instead); u is learned from each
    dataset like the others, so how rare a shared spelling is by chance sets its weight.
    """
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    comparable = (
        "(spelt_l IS NOT NULL AND latin_r IS NOT NULL) OR "
        "(latin_l IS NOT NULL AND spelt_r IS NOT NULL)"
    )
    shared = (
        "(spelt_l IS NOT NULL AND latin_r IS NOT NULL AND list_has_any(spelt_l, latin_r)) OR "
        "(latin_l IS NOT NULL AND spelt_r IS NOT NULL AND list_has_any(latin_l, spelt_r))"
    )
    return cl.CustomComparison(
        output_column_name="spelt",
        comparison_levels=[
            cll.CustomLevel(f"NOT ({comparable})", "not one Chinese, one Latin").configure(
                is_null_level=True
            ),
            cll.CustomLevel(shared, "same spelling").configure(m_probability=0.5),
            cll.ElseLevel().configure(m_probability=0.5),
        ],
    )


def spelling_guard(pairs: pl.DataFrame, rows: pl.DataFrame, same_contact: pl.Expr) -> pl.DataFrame:
    """Pairs linked by a shared spelling that other evidence does not contradict, with
    the spelling (``spelling``).

    A spelling is the trade name's sound, and two companies' may sound the same (华联 /
    华连 are both "Hualian"): the pair needs the same stated country or a shared contact
    (differing ones were dropped already by :func:`compatible`); a Latin name that
    fits several Chinese names joins none of them (:func:`homophone_guard`).
    """
    if pairs.is_empty():
        return pairs.with_columns(pl.lit(None, dtype=pl.String()).alias("spelling"))
    lists = rows.select("unique_id", "spelt", "latin")
    retained = [f"{c}_{s}" for c in ("component", "spelt", "latin") for s in "lr"]
    pairs = (
        pairs.drop(retained, strict=False)
        .join(lists.rename(lambda c: f"{c}_l"), on="unique_id_l")
        .join(lists.rename(lambda c: f"{c}_r"), on="unique_id_r")
        .with_columns(
            pl.coalesce(
                pl.col("spelt_l").list.set_intersection("latin_r").list.first(),
                pl.col("latin_l").list.set_intersection("spelt_r").list.first(),
            ).alias("spelling"),
            same_contact.alias("contact"),
        )
    )
    same_country = (pl.col("country_l") == pl.col("country_r")).fill_null(False)
    kept = pairs.filter(same_country | pl.col("contact"))
    return kept.drop("spelt_l", "latin_l", "spelt_r", "latin_r", "contact")


def homophone_guard(
    pairs: pl.DataFrame, settled: pl.DataFrame, same_contact: pl.Expr
) -> pl.DataFrame:
    """Drop the links of a Latin name that fits the Chinese names of several records
    (by spelling, or by their pinyin or translation), unless a shared contact says which:
    华联电子 and 华连电子 are both "Hualian Electronics", and a bare "Hualian
    Electronics" is either, so it joins neither rather than bridging them. Records of
    one settled group (``settled``) count once."""
    chinese = [pl.col(f"romanised_{s}") | pl.col(f"key_{s}").str.contains(CJK) for s in ("l", "r")]
    one_chinese = chinese[0] != chinese[1]
    latin = pl.when(chinese[0]).then("record_id_r").otherwise("record_id_l")
    other = pl.when(chinese[0]).then("record_id_l").otherwise("record_id_r")
    group = settled.select(pl.col("record_id").alias("other"), pl.col("component").alias("group"))
    fits = pl.col("group").n_unique().over("latin")
    marked = pairs.with_columns(
        latin.alias("latin"),
        other.alias("other"),
        one_chinese.alias("one_chinese"),
        same_contact.alias("contact"),
    ).join(group, on="other", how="left")
    ambiguous = marked.filter(pl.col("one_chinese") & ~pl.col("contact"))
    ambiguous = ambiguous.filter(fits > 1).select("latin").unique()
    return marked.join(ambiguous, on="latin", how="anti").drop(
        "latin", "other", "group", "one_chinese", "contact"
    )


def group_guard(pairs: pl.DataFrame, records: pl.DataFrame, settled: pl.DataFrame) -> pl.DataFrame:
    """Fuzzy pairs that respect the settled groups' identifiers.

    Two groups that each carry a registration id are two companies whatever their names
    say (a similar name is weaker evidence than two registers); and a group without
    one whose similar names fit several identified groups ("Korvelmr" between
    "Korvelmar" and "Korvelmor") joins none of them rather than bridging them.
    """
    ids = (
        records.select("record_id", "registration_id")
        .join(settled.select("record_id", "component"), on="record_id")
        .group_by("component")
        .agg(pl.col("registration_id").drop_nulls().first().alias("group_id"))
    )
    side = settled.select("record_id", "component").join(ids, on="component")
    guarded = pairs.join(
        side.rename({"record_id": "record_id_l", "component": "c_l", "group_id": "g_l"}),
        on="record_id_l",
    ).join(
        side.rename({"record_id": "record_id_r", "component": "c_r", "group_id": "g_r"}),
        on="record_id_r",
    )
    guarded = guarded.filter(pl.col("g_l").is_null() | pl.col("g_r").is_null())
    reach = pl.concat(
        [
            guarded.filter(pl.col("g_l").is_null()).select(
                pl.col("c_l").alias("bare"), pl.col("c_r").alias("other")
            ),
            guarded.filter(pl.col("g_r").is_null()).select(
                pl.col("c_r").alias("bare"), pl.col("c_l").alias("other")
            ),
        ]
    )
    identified = guarded.filter(pl.col("g_l").is_not_null()).select(pl.col("c_l").alias("c"))
    identified = pl.concat(
        [identified, guarded.filter(pl.col("g_r").is_not_null()).select(pl.col("c_r").alias("c"))]
    ).unique()
    ambiguous = (
        reach.join(identified, left_on="other", right_on="c", how="semi")
        .group_by("bare")
        .agg(pl.col("other").n_unique().alias("n"))
        .filter(pl.col("n") > 1)
        .select("bare")
    )
    guarded = guarded.join(ambiguous, left_on="c_l", right_on="bare", how="anti").join(
        ambiguous, left_on="c_r", right_on="bare", how="anti"
    )
    return guarded.drop("c_l", "c_r", "g_l", "g_r")


def typo_equal(words: pl.Series, others: pl.Series) -> pl.Series:
    """Whether two words are one word, allowing a typo: the same, or within one edit
    (OSA: insertion, deletion, substitution, adjacent transposition) when both have 5+
    letters, two edits at 9+, the first letter agreeing (a typo rarely hits it, and
    "Daesung" / "Haesung" are two names). Chinese words (whole name cores) allow one character at
    6+ characters with the first three equal (a miskeyed character, not another name).
    """
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import cpdist

    left = words.fill_null("")
    right = others.fill_null("")
    if left.is_empty():
        return pl.Series(words.name, [], dtype=pl.Boolean())
    edits = pl.Series(
        cpdist(left.to_list(), right.to_list(), scorer=OSA.distance, workers=1), dtype=pl.Int64
    )
    frame = pl.DataFrame({"w": left, "o": right, "edits": edits})
    shorter = pl.min_horizontal(pl.col("w").str.len_chars(), pl.col("o").str.len_chars())
    cjk = pl.col("w").str.contains(CJK)
    first = pl.col("w").str.slice(0, 1) == pl.col("o").str.slice(0, 1)
    latin_ok = first & (
        ((shorter >= 5) & (pl.col("edits") <= 1)) | ((shorter >= 9) & (pl.col("edits") <= 2))
    )
    cjk_ok = (
        (shorter >= 6)
        & (pl.col("edits") <= 1)
        & (pl.col("w").str.slice(0, 3) == pl.col("o").str.slice(0, 3))
    )
    same = (pl.col("w") == pl.col("o")) | pl.when(cjk).then(cjk_ok).otherwise(latin_ok)
    return frame.select(same.alias(words.name)).to_series()


def distinctive_agreement(pairs: pl.DataFrame, variants: pl.DataFrame) -> pl.DataFrame:
    """Keep pairs whose *rare* words agree: IDF-weighted word overlap of at least 0.9.

    "Changsha Jindong International Trade" and "Changsha Shengyuan International Trade"
    share most of their letters but not the one word that names the company; weighting
    each word by how rare it is in this dataset tells them apart, where string
    similarity alone cannot. Misspelt words count as equal (:func:`typo_equal`).
    """
    if pairs.is_empty():
        return pairs
    words = variants.select(pl.col("words").str.split(" ").alias("w")).explode("w")
    total = max(variants.height, 1)
    idf = (
        words.group_by("w")
        .agg(pl.len().alias("df"))
        .with_columns((pl.lit(total + 1.0) / (pl.col("df") + 1)).log().alias("idf"))
    )
    sides = []
    for side, other in (("l", "r"), ("r", "l")):
        exploded = (
            pairs.with_row_index("pair")
            .select(
                "pair",
                pl.col(f"words_{side}").str.split(" ").alias("w"),
                pl.col(f"words_{other}").str.split(" ").alias("o"),
            )
            .explode("w")
            .explode("o")
        )
        near = exploded.with_columns(typo_equal(exploded["w"], exploded["o"]).alias("eq"))
        per_word = near.group_by("pair", "w").agg(pl.col("eq").any())
        sides.append(per_word)
    both = (
        pl.concat(sides).join(idf, on="w", how="left").with_columns(pl.col("idf").fill_null(10.0))
    )
    agreement = both.group_by("pair").agg(
        ((pl.col("idf") * pl.col("eq")).sum() / pl.col("idf").sum()).alias("agree")
    )
    kept = (
        pairs.with_row_index("pair")
        .join(agreement, on="pair", how="left")
        .filter(pl.col("agree").fill_null(1.0) >= 0.9)
    )
    return kept.drop("pair", "agree")


def _stable_ids(members: pl.DataFrame) -> pl.DataFrame:
    """``component → entity_id`` from the component's anchor (see module docstring)."""
    anchors = members.group_by("component").agg(
        pl.col("party_id").min().alias("pid"),
        pl.col("registration_id").min().alias("rid"),
        pl.col("record_id").min().alias("rec"),
    )
    hashed = [hashlib.sha1(r.encode()).hexdigest()[:12] for r in anchors["rec"].to_list()]
    return anchors.select(
        "component",
        pl.coalesce(
            pl.format("E-{}", pl.col("pid")),
            pl.format("E-{}", pl.col("rid")),
            pl.format("E-{}", pl.Series(hashed, dtype=pl.String())),
        ).alias("entity_id"),
    )


def components(records: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Connected components of the link graph, with stable entity ids."""
    ids = records["record_id"]
    index = pl.DataFrame({"record_id": ids, "v": pl.int_range(len(ids), eager=True)})
    edges = (
        links.join(index, left_on="a", right_on="record_id")
        .join(index, left_on="b", right_on="record_id", suffix="_b")
        .select("v", "v_b")
    )
    graph = ig.Graph(n=len(ids), edges=edges.to_numpy().tolist(), directed=False)
    membership = graph.connected_components().membership
    members = records.select("record_id", "party_id", "registration_id").with_columns(
        pl.Series("component", membership, dtype=pl.Int64)
    )
    return members.join(_stable_ids(members), on="component").select("record_id", "entity_id")


def resolve(
    records: pl.DataFrame,
    settings: ResolveSettings | None = None,
    variants: pl.DataFrame | None = None,
) -> Resolution:
    """Resolve party records (``records.RECORD_SCHEMA``) into entities with evidence.

    ``variants`` (``normalise.name_variants`` of ``records``) may be passed when the
    caller has them already, so that names are not normalised twice.
    """
    settings = settings or ResolveSettings()
    if variants is None:
        variants = name_variants(records.select("record_id", "name", "alt_names"))
    parts = [identifier_links(records), name_key_links(records, variants, settings)]
    if settings.probabilistic:
        exact = pl.concat([p.cast(LINK_SCHEMA) for p in parts])  # type: ignore[arg-type]
        settled = components(records, exact).rename({"entity_id": "component"})
        parts.append(splink_links(records, variants, settings, settled))
    links = pl.concat([p.cast(LINK_SCHEMA) for p in parts])  # type: ignore[arg-type]
    priority = pl.col("rule").replace_strict(RULE_PRIORITY, default=9, return_dtype=pl.Int8)
    links = links.sort(priority, -pl.col("score")).unique(
        ["a", "b"], keep="first", maintain_order=True
    )
    entity_of = components(records, links)
    evidence = (
        pl.concat(
            [
                links.select(pl.col("a").alias("record_id"), "evidence"),
                links.select(pl.col("b").alias("record_id"), "evidence"),
            ]
        )
        .group_by("record_id")
        .agg(pl.col("evidence").unique(maintain_order=True).head(3).str.join("; "))
    )
    entities = (
        records.select("record_id", "source", "party_id", "name", "kind", "country")
        .join(entity_of, on="record_id")
        .join(evidence, on="record_id", how="left")
        .with_columns(pl.col("evidence").fill_null("only record of its entity"))
    )
    return Resolution(entities=entities, links=links)
