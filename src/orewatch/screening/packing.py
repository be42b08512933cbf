"""Packing the declaration names, learned from what it does to gross weights.

A lot in steel drums or wooden crates weighs a tenth to a third more gross than net,
where the same goods on pallets weigh a percent or two more; judged against the goods'
usual gross-to-net ratio, every honest drum lot looks like a hidden surplus, and once
officers have cleared a few of them the surplus rules are worth nothing, ring lots
included. The contract has no packing field, but declarations often say it in the
specification ("steel drums", "钢桶包装"). Which words do is learned from the data: a
word of the goods' text written by many exporters, over several tariff lines, whose
lines sit far above their goods' gross-to-net norm as a rule. A line naming one is
judged against the lines packed so (``packed``), and no word is assumed.
"""

from __future__ import annotations

import re

import polars as pl

#: A word's lines sit a median this many robust spreads above their goods' gross/net norm.
PACKING_WORD_Z = 3.0
#: ... over at least this many lines, exporters and tariff lines (a ring's own habit
#: of writing is not a packing).
PACKING_WORD_LINES = 100
PACKING_WORD_EXPORTERS = 10
PACKING_WORD_CODES = 3
#: What separates the words of a goods text (a specification is often fields joined by
#: bars, semicolons or commas, in either script).
SEPARATORS = r"[\s|;,:，；、：/()（）\[\]]+"


def words_of(text: pl.Expr) -> pl.Expr:
    """The distinct lower-case words of a goods text (two characters or more)."""
    return (
        text.str.to_lowercase()
        .str.replace_all(SEPARATORS, " ")
        .str.split(" ")
        .list.eval(pl.element().filter(pl.element().str.len_chars() > 1))
        .list.unique()
    )


def packing_words(lines: pl.DataFrame, text: pl.Expr) -> tuple[str, ...]:
    """Words that name a heavy packing in this dataset (see the module's docstring).

    ``lines``: exporter_id, hs_code, gross_net_z and what ``text`` reads. Goods texts
    repeat, so each distinct one is split once; words are looked for among the lines far
    out first (a word whose lines sit a median z of 3 out has at least half of them
    there), then each candidate is judged on all the lines that name it.
    """
    texts = lines.select("exporter_id", "hs_code", "gross_net_z", text.alias("_text"))
    words = (
        texts.select("_text").unique().with_columns(words_of(pl.col("_text")).alias("word"))
    ).explode("word")
    far = _qualified(
        texts.filter(pl.col("gross_net_z") >= PACKING_WORD_Z).join(words, on="_text"),
        PACKING_WORD_LINES / 2,
    )
    if far.is_empty():
        return ()
    naming = texts.join(words.filter(pl.col("word").is_in(far["word"].implode())), on="_text")
    judged = _qualified(naming, PACKING_WORD_LINES).filter(pl.col("_median_z") >= PACKING_WORD_Z)
    return tuple(sorted(judged["word"].to_list()))


def _qualified(naming: pl.DataFrame, min_lines: float) -> pl.DataFrame:
    """Words (of ``naming``'s word per line) written on ``min_lines`` lines or more, by
    enough exporters over enough tariff lines, with their lines' median gross/net z."""
    return (
        naming.drop_nulls("word")
        .group_by("word")
        .agg(
            pl.len().alias("_n"),
            pl.col("exporter_id").n_unique().alias("_exporters"),
            pl.col("hs_code").n_unique().alias("_codes"),
            pl.col("gross_net_z").median().alias("_median_z"),
        )
        .filter(
            (pl.col("_n") >= min_lines)
            & (pl.col("_exporters") >= PACKING_WORD_EXPORTERS)
            & (pl.col("_codes") >= PACKING_WORD_CODES)
        )
    )


def with_packed(lines: pl.LazyFrame, words: tuple[str, ...], text: pl.Expr) -> pl.LazyFrame:
    """Add ``packed``: the line's ``packing``, and the first packing word its ``text``
    names (``freight:drums``); just the packing where it names none or there are none."""
    if not words:
        return lines.with_columns(pl.col("packing").alias("packed"))
    word = text.str.to_lowercase().str.extract(_whole_words(words), 1)
    return lines.with_columns(
        pl.when(word.is_not_null())
        .then(pl.concat_str([pl.col("packing"), word], separator=":"))
        .otherwise(pl.col("packing"))
        .alias("packed")
    )


def _whole_words(words: tuple[str, ...]) -> str:
    """A pattern of any of ``words`` standing alone, the word its first group."""
    either = "|".join(map(re.escape, words))
    return f"(?:^|{SEPARATORS})({either})(?:$|{SEPARATORS})"
