"""Candidate pairs for probabilistic linkage: which name variants are worth comparing.

Comparing every name with every other is quadratic; comparing only names that share a
word misses every misspelt one ("Korvelmar" vs "Krvelmar"). Blocking here is on the
*rarest* tokens of each name (Latin words, or character pairs of a Chinese name):
two names of one company nearly always share their rarest word, and a rare word
gathers few names at any scale ("alloys" or "有限" would gather a large share of all
names). Typos are caught by the deletion neighbourhood of each rare Latin word (the
word and every spelling with one letter removed, as in SymSpell): two words within one
insertion, deletion, substitution or transposition of each other always share one such
key. Blocks are within a country, and a block with more than ``max_block`` names is
dropped (it says nothing and its pairs grow quadratically). Pairs inside one
already-settled group (same registration id or exact name key) are never proposed:
Splink only scores what identifiers and exact keys did not settle.

Pure functions over Polars frames; Splink scores exactly the pairs returned
(``register_blocked_pairs_for_predict``).
"""

from __future__ import annotations

import polars as pl

from orewatch.parties.normalise import CJK

#: Largest number of names a blocking key may gather within a country.
MAX_BLOCK = 200
#: Latin words at least this long also block on their one-letter deletions.
MIN_DELETION_LENGTH = 5


PAIR_SCHEMA: dict[str, pl.DataType] = {
    "unique_id_l": pl.Int64(),
    "unique_id_r": pl.Int64(),
}


def name_tokens(rows: pl.DataFrame) -> pl.DataFrame:
    """``unique_id, token`` for each name: Latin words of 2+ letters, Chinese pairs."""
    cjk = pl.col("key").str.contains(CJK)
    chinese = (
        rows.filter(cjk)
        .select(
            "unique_id",
            "key",
            pl.int_ranges(0, (pl.col("key").str.len_chars() - 1).clip(1, None)).alias("at"),
        )
        .explode("at")
        .select("unique_id", pl.col("key").str.slice(pl.col("at"), 2).alias("token"))
    )
    latin = (
        rows.filter(~cjk)
        .select("unique_id", pl.col("words").str.split(" ").alias("token"))
        .explode("token")
    )
    return (
        pl.concat([chinese, latin])
        .filter(pl.col("token").str.len_chars() >= 2)
        .unique(["unique_id", "token"])
    )


def rare_tokens(rows: pl.DataFrame, max_block: int = MAX_BLOCK) -> pl.DataFrame:
    """The two rarest tokens of each name, ``rare1``/``rare2`` (null when none is rare).

    Rarity is the number of names holding the token in this dataset; a token held by
    more than ``max_block`` names is never a blocking key.
    """
    counted = name_tokens(rows).with_columns(pl.len().over("token").alias("df"))
    counted = counted.filter(pl.col("df") <= max_block)
    ranked = counted.sort("unique_id", "df", "token").group_by("unique_id", maintain_order=True)
    return ranked.agg(
        pl.col("token").first().alias("rare1"),
        pl.col("token").get(1, null_on_oob=True).alias("rare2"),
    )


def deletion_keys(tokens: pl.DataFrame) -> pl.DataFrame:
    """Each token with its blocking keys: itself, and for Latin words of
    ``MIN_DELETION_LENGTH`` letters or more every spelling with one letter removed.

    Two words within one edit (insertion, deletion, substitution, adjacent
    transposition) share a key: 'krvelmar' is a deletion of 'korvelmar'; 'korvelmra'
    and 'korvelmar' share 'korvelma'.
    """
    distinct = tokens.select("token").unique()
    long = distinct.filter(
        ~pl.col("token").str.contains(CJK)
        & (pl.col("token").str.len_chars() >= MIN_DELETION_LENGTH)
    )
    deleted = (
        long.with_columns(pl.int_ranges(0, pl.col("token").str.len_chars()).alias("at"))
        .explode("at")
        .select(
            "token",
            pl.concat_str(
                pl.col("token").str.slice(0, pl.col("at")),
                pl.col("token").str.slice(pl.col("at") + 1),
            ).alias("block_key"),
        )
    )
    itself = distinct.select("token", pl.col("token").alias("block_key"))
    return pl.concat([itself, deleted]).unique()


def similar_tokens(tokens: pl.Series, max_block: int = MAX_BLOCK) -> pl.DataFrame:
    """Pairs of distinct tokens one edit apart (``token``, ``token_r``, both orders).

    Joined on deletion keys at the level of distinct tokens, not of names, so that a
    common word's many names are not paired once per shared key; a key shared by more
    than ``max_block`` tokens is dropped.
    """
    keys = deletion_keys(pl.DataFrame({"token": tokens.unique()}))
    keys = keys.filter(pl.len().over("block_key") <= max_block)
    return (
        keys.join(keys, on="block_key", suffix="_r")
        .filter(pl.col("token") != pl.col("token_r"))
        .select("token", "token_r")
        .unique()
    )


def _ordered(pairs: pl.DataFrame) -> pl.DataFrame:
    """Pairs across settled groups, as ``unique_id_l < unique_id_r``."""
    return pairs.filter(pl.col("component") != pl.col("component_r")).select(
        pl.min_horizontal("unique_id", "unique_id_r").alias("unique_id_l"),
        pl.max_horizontal("unique_id", "unique_id_r").alias("unique_id_r"),
    )


def candidate_pairs(rows: pl.DataFrame, max_block: int = MAX_BLOCK) -> pl.DataFrame:
    """Pairs of name variants to score (``unique_id_l < unique_id_r``).

    ``rows``: unique_id, words, key, country, email, component (rows of one settled
    group share a component and are never paired). Blocks: the same rare token or two
    rare tokens one edit apart, within a country (a missing country is a country of its
    own); or the same e-mail address; or, when ``rows`` carry ``spelt``/``latin`` key
    lists, a Chinese name spelt as a Latin one (:func:`spelling_pairs`).
    """
    rare = rare_tokens(rows, max_block)
    meta = rows.select("unique_id", pl.col("country").fill_null(""), "component")
    chosen = (
        pl.concat(
            [
                rare.select("unique_id", pl.col("rare1").alias("token")),
                rare.select("unique_id", pl.col("rare2").alias("token")),
            ]
        )
        .drop_nulls("token")
        .join(meta, on="unique_id")
    )
    same = chosen.join(chosen, on=["token", "country"], suffix="_r").filter(
        pl.col("unique_id") < pl.col("unique_id_r")
    )
    close = (
        chosen.join(similar_tokens(chosen["token"], max_block), on="token")
        .join(
            chosen.rename({"token": "token_r"}),
            on=["token_r", "country"],
            suffix="_r",
        )
        .filter(pl.col("unique_id") < pl.col("unique_id_r"))
    )
    mailed = rows.filter(pl.col("email").is_not_null()).select("unique_id", "email", "component")
    mailed = mailed.filter(pl.len().over("email") <= max_block)
    by_email = mailed.join(mailed, on="email", suffix="_r").filter(
        pl.col("unique_id") < pl.col("unique_id_r")
    )
    parts = [_ordered(same), _ordered(close), _ordered(by_email)]
    if "spelt" in rows.columns:
        parts.append(_ordered(spelling_pairs(rows, max_block)))
    return pl.concat(parts).unique().cast(PAIR_SCHEMA)  # type: ignore[arg-type]


def spelling_pairs(rows: pl.DataFrame, max_block: int = MAX_BLOCK) -> pl.DataFrame:
    """A Chinese name's row and a Latin name's row that share a spelling
    (``spelt``: the Chinese name's spelt keys, ``latin``: the Latin name's keys; see
    ``spelling``), in any country: the spelling is the name in the other script, and
    the country is weighed by Splink and checked after it. A key gathering more than
    ``max_block`` rows is dropped.
    """
    spelt = rows.select("unique_id", "component", pl.col("spelt").alias("k")).explode("k")
    latin = rows.select("unique_id", "component", pl.col("latin").alias("k")).explode("k")
    spelt, latin = spelt.drop_nulls("k"), latin.drop_nulls("k")
    busy = pl.concat([spelt.select("k"), latin.select("k")]).group_by("k").len()
    busy = busy.filter(pl.col("len") > max_block).select("k")
    return (
        spelt.join(busy, on="k", how="anti")
        .join(latin, on="k", suffix="_r")
        .select("unique_id", "component", "unique_id_r", "component_r")
    )
