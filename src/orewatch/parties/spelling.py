"""A name in the other script: the keys that let a Chinese name meet its Latin spelling.

A consignee is 深圳市华联稀有金属有限公司 in one table and "Shenzhen Hualian Rare
Metals", "Hua Lien Rare Metals" (Wade-Giles) or "Wah Luen Rare Metals" (Hong Kong
Cantonese) in another. A Chinese name's *spelt keys* are its glossary translation with
the trade name spelt each of those ways (``normalise.variant_keys``); a Latin name's are
its own key and its words in the order written (a trade name written in two words,
"Hua Lien", is one word in a spelling). The two meet only across scripts: two Chinese
names that sound alike (华联 / 华连) are two companies, and their shared spelling says
nothing about either.

Spelling Chinese names costs about 0.2 ms each in a batch and 10-16 ms for one new name
alone (pypinyin, Cantonese readings; remembered per name in the process), so only
Chinese names are spelt, and only when the other side has a Latin name at all; Latin
names' keys are vectorised.
"""

from __future__ import annotations

import polars as pl

from orewatch.parties.normalise import CJK, spelt_latin_keys, variant_keys

SPELT_SCHEMA: dict[str, pl.DataType] = {
    "id": pl.String(),
    "text": pl.String(),
    "key": pl.String(),
    "cjk": pl.Boolean(),
}


def spelt_keys(texts: pl.DataFrame, cjk: bool) -> pl.DataFrame:
    """``id, text, key, cjk``: the Latin-letter keys of each name of one script.

    ``texts``: ``id, text`` (a record's or entry's own names and aliases). ``cjk``: spell
    the Chinese names (:func:`~orewatch.parties.normalise.variant_keys`, their Latin keys
    only), or key the Latin ones (own key, words in written order).
    """
    has_cjk = pl.col("text").str.contains(CJK)
    chosen = texts.filter(has_cjk if cjk else ~has_cjk).unique(["id", "text"])
    if chosen.is_empty():
        return pl.DataFrame(schema=SPELT_SCHEMA)
    distinct = chosen["text"].unique()
    if cjk:
        keyed = pl.DataFrame({"text": distinct, "key": variant_keys(distinct)}).explode("key")
    else:
        keyed = spelt_latin_keys(distinct)
    keyed = keyed.filter(
        pl.col("key").is_not_null()
        & (pl.col("key").str.len_chars() >= 4)
        & ~pl.col("key").str.contains(CJK)
    ).unique()
    return (
        chosen.join(keyed, on="text")
        .select("id", "text", "key", pl.lit(cjk).alias("cjk"))
        .cast(SPELT_SCHEMA)  # type: ignore[arg-type]
    )


def cross_script(left: pl.DataFrame, right: pl.DataFrame) -> pl.DataFrame:
    """``id, id_r, text, text_r, key``: a Chinese name on one side spelt as a Latin name
    on the other, both ways round (``left``/``right``: ``id, text`` names).

    A side's Chinese names are spelt only when the other side has Latin names.
    """
    parts = []
    for chinese, latin, flip in ((left, right, False), (right, left, True)):
        latin_keys = spelt_keys(latin, cjk=False)
        if latin_keys.is_empty():
            continue
        spelt = spelt_keys(chinese, cjk=True)
        met = spelt.join(latin_keys, on="key", suffix="_r")
        if flip:
            met = met.rename({"id": "id_r", "id_r": "id", "text": "text_r", "text_r": "text"})
        parts.append(met.select("id", "id_r", "text", "text_r", "key"))
    if not parts:
        return pl.DataFrame(
            schema={c: pl.String() for c in ("id", "id_r", "text", "text_r", "key")}
        )
    return pl.concat(parts).unique(["id", "id_r", "key"])


def own_names(names: pl.DataFrame, id_col: str) -> pl.DataFrame:
    """``id, text``: each record's name and alternative names, one row each."""
    return (
        names.select(
            pl.col(id_col).cast(pl.String).alias("id"),
            pl.concat_list(
                pl.col("name").cast(pl.String),
                pl.col("alt_names").fill_null(pl.lit([], dtype=pl.List(pl.String()))),
            ).alias("text"),
        )
        .explode("text")
        .filter(pl.col("text").is_not_null() & (pl.col("text").str.strip_chars() != ""))
    )
