"""Name normalisation for party matching: one comparison key per name, in any script.

Chinese names are folded to simplified characters (OpenCC), full-width forms to
half-width (NFKC), and their legal-form suffixes and region tags (有限公司, 股份有限公司,
集团, (香港)...) stripped; the pinyin of what remains is kept as an extra alias.
Latin-script names lose their legal forms (Co., Ltd., Pte. Ltd., GmbH, FZE, Sdn. Bhd.,
S.A. de C.V. ...), common abbreviations are spelt out and the words are sorted so that
word order does not matter. Cross-script matching is *not* attempted by
transliteration alone: English company names are translations, so links across
scripts come from stored aliases and identifiers (see ``resolve``).

Everything here is a pure function over Polars columns; the two per-string library
calls (OpenCC, pypinyin) run once per distinct CJK string, never per record.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

import polars as pl

#: Chinese legal forms and tags, longest first (stripped at the end of a name).
CHINESE_SUFFIXES: tuple[str, ...] = (
    "股份有限公司",
    "株式会社",
    "有限会社",
    "股份公司",
    "有限责任公司",
    "集团有限公司",
    "控股有限公司",
    "有限公司",
    "分公司",
    "集团公司",
    "集团",
    "公司",
    "有限",
)
#: Region tags written in brackets inside Chinese names: 华为技术(香港)有限公司.
CHINESE_REGION_TAGS = r"[(（](?:香港|中国|澳门|台湾|新加坡|深圳|上海|北京|国际|集团)[)）]"

#: Latin-script legal forms, as they read after punctuation became spaces.
LEGAL_FORMS: tuple[str, ...] = (
    "gesellschaft mit beschrankter haftung",
    "gesellschaft mit beschränkter haftung",
    "limited liability company",
    "limited liability partnership",
    "joint stock company",
    "kabushiki kaisha",
    "aktiengesellschaft",
    "aktiebolag",
    "sociedad anonima",
    "sociedad anónima",
    "perseroan terbatas",
    "societe anonyme",
    "société anonyme",
    "s a de c v",
    "sa de cv",
    "de c v",
    "sdn bhd",
    "pte ltd",
    "pty ltd",
    "cong ty tnhh",
    "cong ty co phan",
    "pvt ltd",
    "private limited",
    "public limited company",
    "public company limited",
    "public co ltd",
    "pcl",
    "company limited",
    "co ltd",
    "l l c",
    "a s",
    "corporation",
    "incorporated",
    "limited",
    "company",
    "gmbh",
    "corp",
    "ltd",
    "llc",
    "llp",
    "inc",
    "plc",
    "pte",
    "pvt",
    "bhd",
    "fze",
    "fzco",
    "fzc",
    "ag",
    "kg",
    "bv",
    "b v",
    "nv",
    "n v",
    "sa",
    "s a",
    "sas",
    "sarl",
    "srl",
    "s r l",
    "spa",
    "s p a",
    "kk",
    "k k",
    "jsc",
    "ojsc",
    "pjsc",
    "ooo",
    "tov",
    "too",
    "ltda",
    "oy",
    "ab",
    "co",
    "tbk",
    "pt",
    "as",
    "pty",
    "tnhh",
    "osoo",
    "d o o",
    "doo",
)
#: Canonical legal form for each written form (same name, other form = other company).
CANONICAL_FORMS: dict[str, str] = {
    "gesellschaft mit beschrankter haftung": "gmbh",
    "gesellschaft mit beschränkter haftung": "gmbh",
    "limited liability company": "llc",
    "limited liability partnership": "llp",
    "joint stock company": "jsc",
    "kabushiki kaisha": "kk",
    "aktiengesellschaft": "ag",
    "aktiebolag": "ab",
    "ab": "ab",
    "sociedad anonima": "sa",
    "sociedad anónima": "sa",
    "perseroan terbatas": "pt",
    "pt": "pt",
    "societe anonyme": "sa",
    "société anonyme": "sa",
    "s a de c v": "sadecv",
    "sa de cv": "sadecv",
    "de c v": "sadecv",
    "sdn bhd": "sdnbhd",
    "bhd": "sdnbhd",
    "pte ltd": "pte",
    "pte": "pte",
    "pvt ltd": "pvt",
    "pvt": "pvt",
    "private limited": "pvt",
    "public company limited": "pcl",
    "public co ltd": "pcl",
    "pcl": "pcl",
    "public limited company": "plc",
    "plc": "plc",
    "company limited": "ltd",
    "co ltd": "ltd",
    "limited": "ltd",
    "ltd": "ltd",
    "corporation": "corp",
    "corp": "corp",
    "incorporated": "inc",
    "inc": "inc",
    "llc": "llc",
    "l l c": "llc",
    "llp": "llp",
    "gmbh": "gmbh",
    "ag": "ag",
    "bv": "bv",
    "b v": "bv",
    "nv": "nv",
    "n v": "nv",
    "fze": "fze",
    "fzco": "fzco",
    "fzc": "fzc",
    "sa": "sa",
    "s a": "sa",
    "sas": "sas",
    "sarl": "sarl",
    "srl": "srl",
    "s r l": "srl",
    "spa": "spa",
    "s p a": "spa",
    "kk": "kk",
    "k k": "kk",
    "jsc": "jsc",
    "ojsc": "jsc",
    "pjsc": "pjsc",
    "ooo": "ooo",
    "too": "too",
    "tov": "tov",
    "ltda": "ltda",
    "a s": "as",
    "as": "as",
    "tbk": "tbk",
    "pty ltd": "pty",
    "pty": "pty",
    "cong ty tnhh": "tnhh",
    "tnhh": "tnhh",
    "cong ty co phan": "cp",
    "osoo": "ooo",
    "d o o": "doo",
    "doo": "doo",
    "股份有限公司": "gf",
    "株式会社": "kk",
    "有限责任公司": "yx",
    "有限公司": "yx",
}

#: Abbreviations spelt out before comparison (whole words).
ABBREVIATIONS: dict[str, str] = {
    "intl": "international",
    "int'l": "international",
    "mfg": "manufacturing",
    "tech": "technology",
    "technologies": "technology",
    "techn": "technology",
    "ind": "industrial",
    "inds": "industries",
    "indus": "industrial",
    "mat": "materials",
    "mats": "materials",
    "matl": "material",
    "elec": "electronics",
    "electronic": "electronics",
    "svcs": "services",
    "dev": "development",
    "eng": "engineering",
    "hk": "hong kong",
    "grp": "group",
    "trdg": "trading",
    "&": "and",
}
#: Words that say nothing about which company it is (dropped from the comparison key).
NOISE_WORDS: tuple[str, ...] = ("the", "and", "of", "group", "holdings", "holding")

#: A bracketed aside in a Latin-script name: "(Thailand)", "(HK)", "(formerly Acme)".
LATIN_ASIDE = r"[(（][^()（）]*[)）]"

#: A Chinese character (unified and compatibility ideographs).
CJK = r"[\u3400-\u9fff\uf900-\ufaff]"
_PUNCT = r"[()（）\[\]{}.,，。;；:：'\"’‘“”/\\\-_*·•|]"


def _word_pattern(words: tuple[str, ...]) -> str:
    """A regex matching any of ``words`` as whole words (longest first)."""
    ordered = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    return r"(?:^|\s)(?:" + "|".join(ordered) + r")(?:\s|$)"


#: Any legal form standing as whole words (also screening's name keys).
LEGAL_FORMS_PATTERN = _word_pattern(LEGAL_FORMS)
_NOISE = _word_pattern(NOISE_WORDS)
#: A Chinese legal form or tag at the end of a name (also screening's name keys).
CHINESE_SUFFIX_PATTERN = "(?:" + "|".join(CHINESE_SUFFIXES) + ")$"


@cache
def _converter() -> object:
    """The OpenCC traditional→simplified converter (built once per process; immutable)."""
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(values: pl.Series) -> pl.Series:
    """Traditional→simplified for the distinct strings that contain CJK characters."""
    converter = _converter()
    distinct = values.drop_nulls().unique()
    cjk = distinct.filter(distinct.str.contains(CJK))
    if cjk.is_empty():
        return values
    mapped = [converter.convert(v) for v in cjk.to_list()]  # type: ignore[attr-defined]
    return values.replace(cjk, pl.Series(mapped, dtype=pl.String()))


def fold(names: pl.Series) -> pl.Series:
    """NFKC (full-width→half-width), simplified Chinese, lower case, one space."""
    folded = names.cast(pl.String).str.normalize("NFKC")
    return (
        _to_simplified(folded)
        .str.to_lowercase()
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
        .alias(names.name)
    )


def _latin_core(expr: pl.Expr) -> pl.Expr:
    """Spaced words of a folded name without bracketed asides, punctuation, legal forms
    or noise words.

    A bracketed aside in a Latin name is the branch's place or a former name ("Bluewater
    Engineering (Thailand) Co., Ltd."): documents drafted apart keep or drop it.
    """
    cleaned = expr.str.replace_all(LATIN_ASIDE, " ")
    cleaned = cleaned.str.replace_all("&", " and ").str.replace_all(_PUNCT, " ")
    cleaned = cleaned.str.replace_all(r"\s+", " ").str.strip_chars()
    words = cleaned.str.split(" ").list.eval(pl.element().replace(ABBREVIATIONS))
    cleaned = words.list.join(" ")
    for _ in range(3):  # "co ltd" chains and forms standing side by side
        cleaned = cleaned.str.replace_all(LEGAL_FORMS_PATTERN, " ").str.replace_all(r"\s+", " ")
        cleaned = cleaned.str.strip_chars()
    for _ in range(2):
        cleaned = cleaned.str.replace_all(_NOISE, " ").str.replace_all(r"\s+", " ")
    return cleaned.str.strip_chars()


def _chinese_core(expr: pl.Expr) -> pl.Expr:
    """A folded Chinese name without region tags, legal-form suffixes or spaces."""
    cleaned = expr.str.replace_all(CHINESE_REGION_TAGS, "").str.replace_all(_PUNCT, "")
    cleaned = cleaned.str.replace_all(r"\s", "")
    for _ in range(3):
        cleaned = cleaned.str.replace(CHINESE_SUFFIX_PATTERN, "")
    return cleaned


def legal_form(folded: pl.Expr) -> pl.Expr:
    """The canonical legal form at the end of a folded name, or null when none is written."""
    latin = (
        folded.str.replace_all("&", " and ")
        .str.replace_all(_PUNCT, " ")
        .str.replace_all(r"\s+", " ")
        .str.strip_chars()
    )
    latin_forms = sorted(
        (f for f in CANONICAL_FORMS if not re.search(CJK, f)), key=len, reverse=True
    )
    tail = latin.str.extract(r"(?:^|\s)(" + "|".join(re.escape(f) for f in latin_forms) + r")$", 1)
    chinese = folded.str.extract(r"(股份有限公司|有限责任公司|有限公司|株式会社)$", 1)
    return pl.coalesce(chinese, tail).replace(CANONICAL_FORMS)


def name_words(folded: pl.Expr) -> pl.Expr:
    """The comparison words of a folded name: Chinese core, or sorted Latin words."""
    is_cjk = folded.str.contains(CJK)
    latin = _latin_core(folded).str.split(" ").list.sort().list.join(" ")
    return pl.when(is_cjk).then(_chinese_core(folded)).otherwise(latin)


def name_key(folded: pl.Expr) -> pl.Expr:
    """The exact comparison key: :func:`name_words` without spaces ('' when nothing is left)."""
    return name_words(folded).str.replace_all(" ", "")


@lru_cache(maxsize=200_000)
def _romanise(core: str) -> str:
    """Pinyin words of a Chinese name core: 'li jianping' for a person-length name
    (surname, given name), one word for a longer (company) core."""
    from pypinyin import lazy_pinyin

    syllables = [s for s in lazy_pinyin(core) if s.strip()]
    if len(core) <= 4 and len(syllables) > 1:
        return " ".join(sorted((syllables[0], "".join(syllables[1:]))))
    return "".join(syllables)


def map_chinese(cores: pl.Series, name: Callable[[str], str | None]) -> pl.Series:
    """``name`` of each distinct Chinese core (the Python call is the cost, and names
    repeat); null for other scripts."""
    distinct = cores.drop_nulls().unique()
    cjk = distinct.filter(distinct.str.contains(CJK))
    if cjk.is_empty():
        return pl.Series(cores.name, [None] * len(cores), dtype=pl.String())
    mapped = pl.Series([name(v) for v in cjk.to_list()], dtype=pl.String())
    return cores.replace_strict(cjk, mapped, default=None, return_dtype=pl.String())


def pinyin(cores: pl.Series) -> pl.Series:
    """Toneless pinyin words of Chinese name cores; null for other scripts."""
    return map_chinese(cores, _romanise)


def concept_words(folded: pl.Expr) -> pl.Expr:
    """Sorted Latin words with glossary synonyms brought to one rendering
    ("aeronautics" → "aviation"), the form a translated Chinese name takes."""
    from orewatch.parties.glossary import canonical_english

    return canonical_english(_latin_core(folded)).str.split(" ").list.sort().list.join(" ")


def _text_forms(texts: pl.Series) -> pl.DataFrame:
    """Folded form, words, key and legal form of each *distinct* text, with its extra
    variants: customs data repeat the same names thousands of times, so every name is
    normalised once and joined back.

    Extra variants (``variant``): the pinyin of a Chinese core; its translation through
    the bilingual glossary (``glossary``); and, for a Latin name whose words include
    glossary synonyms, the canonical rendering that translations are written in.
    """
    from orewatch.parties.glossary import translations

    distinct = pl.DataFrame({"text": texts}).unique("text")
    distinct = distinct.with_columns(fold(distinct["text"]).alias("folded"))
    distinct = distinct.with_columns(
        name_words(pl.col("folded")).alias("words"),
        legal_form(pl.col("folded")).alias("form"),
        pl.lit(None, dtype=pl.String()).alias("variant"),
    )
    cjk = pl.col("words").str.contains(CJK)
    romanised = distinct.with_columns(
        pinyin(distinct["words"]).alias("words"), pl.lit("pinyin").alias("variant")
    ).filter(pl.col("words").is_not_null())
    translated = distinct.filter(cjk).with_columns(
        translations(distinct.filter(cjk)["words"]).alias("english")
    )
    translated = (
        translated.filter(pl.col("english").is_not_null())
        .with_columns(concept_words(pl.col("english")).alias("words"))
        .drop("english")
        .with_columns(pl.lit("translated").alias("variant"))
    )
    concept = (
        distinct.filter(~cjk)
        .with_columns(concept_words(pl.col("folded")).alias("concept"))
        .filter(pl.col("concept") != pl.col("words"))
        .with_columns(pl.col("concept").alias("words"), pl.lit("concept").alias("variant"))
        .drop("concept")
    )
    return pl.concat([distinct, romanised, translated, concept]).with_columns(
        pl.col("words").str.replace_all(" ", "").alias("key")
    )


def _spelt_forms(folded: pl.DataFrame) -> pl.DataFrame:
    """``text, key``: the keys one name has in the other document's way of writing it.

    ``folded``: ``text, folded`` (:func:`fold`). A Chinese name, its words in English with
    the trade name spelt each way it may be
    (:func:`~orewatch.parties.glossary.translate_spellings`: pinyin, Wade-Giles, Hong
    Kong Cantonese); a Latin name, its words in the order written (the other keys sort
    them, but a trade name spelt in two words, "Tai Ka", is one word in a translation).
    """
    from orewatch.parties.glossary import canonical_english, translate_spellings

    cjk = folded.filter(pl.col("folded").str.contains(CJK))
    cores = cjk.select("text", _chinese_core(pl.col("folded")).alias("core"))
    spelt = cores.with_columns(
        pl.col("core")
        .map_elements(
            lambda core: list(translate_spellings(core)), return_dtype=pl.List(pl.String())
        )
        .alias("english")
    ).explode("english")
    latin = folded.filter(~pl.col("folded").str.contains(CJK))
    return (
        pl.concat(
            [
                spelt.select("text", canonical_english(pl.col("english")).alias("key")),
                latin.select("text", _written_order(pl.col("folded")).alias("key")),
            ]
        )
        .select("text", pl.col("key").str.replace_all(" ", ""))
        .drop_nulls()
    )


def _written_order(folded: pl.Expr) -> pl.Expr:
    """A Latin name's words in the order written, glossary synonyms made canonical: the
    shape of a Chinese name's translation with its trade name spelt."""
    from orewatch.parties.glossary import canonical_english

    return canonical_english(_latin_core(folded))


def spelt_latin_keys(texts: pl.Series) -> pl.DataFrame:
    """``text, key``: the keys a Latin name meets a Chinese name's spellings on, for
    each distinct text: its own key, its canonical rendering and its words in written
    order (``variant_keys``' Latin keys, vectorised and not remembered: cheap, and
    there may be millions).
    """
    distinct = pl.DataFrame({"text": texts.drop_nulls().unique()})
    folded = distinct.with_columns(fold(distinct["text"]).alias("folded"))
    keys = pl.concat_list(
        name_words(pl.col("folded")),
        concept_words(pl.col("folded")),
        _written_order(pl.col("folded")),
    )
    return (
        folded.select("text", keys.alias("key"))
        .explode("key")
        .select("text", pl.col("key").str.replace_all(" ", ""))
        .filter(pl.col("key") != "")
        .unique()
    )


#: Every comparison key of each name seen in this process (:func:`variant_keys`).
_KEYS: dict[str, list[str]] = {}
#: Names whose keys are kept before the cache starts over (bounded memory in a service).
KEYS_KEPT = 500_000


def variant_keys(names: pl.Series) -> pl.Series:
    """Every comparison key of each name: its own, and the pinyin, glossary translation
    and canonical rendering of it (:func:`_text_forms`); one company written in two
    scripts or two renderings shares a key. Empty for nulls and names with no words.

    Names repeat across declarations and requests: each distinct name is normalised once
    per process, so that a service screening one declaration at a time pays for a new
    name once.
    """
    distinct = names.drop_nulls().unique()
    new = [name for name in distinct.to_list() if name not in _KEYS]
    if new:
        if len(_KEYS) + len(new) > KEYS_KEPT:
            _KEYS.clear()
        forms = _text_forms(pl.Series(new, dtype=pl.String()))
        own = forms.filter(pl.col("variant").is_null()).select("text", "folded")
        forms = pl.concat([forms.select("text", "key"), _spelt_forms(own)])
        found = (
            forms.filter(pl.col("key") != "").group_by("text").agg(pl.col("key").unique().sort())
        )
        _KEYS.update({name: [] for name in new})
        _KEYS.update(dict(found.iter_rows()))
    table = pl.DataFrame(
        {"text": distinct, "keys": [_KEYS.get(name, []) for name in distinct.to_list()]},
        schema={"text": pl.String(), "keys": pl.List(pl.String())},
    )
    keyed = pl.DataFrame({"text": names.cast(pl.String())}).join(
        table, on="text", how="left", maintain_order="left"
    )
    return keyed["keys"].fill_null(pl.lit([], dtype=pl.List(pl.String()))).alias(names.name)


def name_variants(names: pl.DataFrame, id_col: str = "record_id") -> pl.DataFrame:
    """One row per (record, name variant): the folded name, its words and key, and how.

    ``names`` holds ``id_col``, ``name`` and ``alt_names`` (list of strings). Variants are
    the name, each alternative name, and the pinyin of each Chinese one (``how`` says
    which), so that an entry written in characters can meet a romanised spelling.
    """
    exploded = (
        names.select(
            id_col,
            pl.concat_list(
                pl.struct(pl.col("name").alias("text"), pl.lit("name").alias("how")),
                pl.col("alt_names")
                .fill_null(pl.lit([], dtype=pl.List(pl.String())))
                .list.eval(pl.struct(pl.element().alias("text"), pl.lit("alias").alias("how"))),
            ).alias("v"),
        )
        .explode("v")
        .unnest("v")
        .filter(pl.col("text").is_not_null() & (pl.col("text").str.strip_chars() != ""))
    )
    forms = _text_forms(exploded["text"].unique())
    both = exploded.join(forms, on="text", how="inner", maintain_order="left")
    both = both.with_columns(pl.coalesce("variant", "how").alias("how")).drop("variant")
    order = pl.col("how").replace_strict(
        {"name": 0, "alias": 1, "pinyin": 2, "translated": 3, "concept": 4},
        default=5,
        return_dtype=pl.Int8,
    )
    both = both.sort(id_col, order, maintain_order=True).select(
        id_col, "text", "how", "folded", "words", "key", "form"
    )
    return both.filter(pl.col("key") != "").unique([id_col, "key"], keep="first")
