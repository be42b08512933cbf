import polars as pl

from orewatch.screening.names import abbreviated_name_expr, normalise_name_expr


def keys(*names: str | None) -> list[str]:
    return (
        pl.DataFrame({"n": list(names)}, schema={"n": pl.String})
        .select(normalise_name_expr(pl.col("n")))["n"]
        .to_list()
    )


def test_legal_forms_and_punctuation_do_not_matter() -> None:
    assert (
        len(
            set(
                keys("ACME Co., Ltd.", "Acme Company Limited", "ＡＣＭＥ　ＣＯ．ＬＴＤ", "acme ltd")
            )
        )
        == 1
    )


def test_chinese_legal_suffixes_are_stripped() -> None:
    assert keys("湖南锑业集团有限公司", "湖南锑业股份有限公司") == ["湖南锑业", "湖南锑业"]


def test_different_companies_stay_different() -> None:
    a, b = keys("Siam Metals (Thailand) Co., Ltd.", "Siam Minerals Co., Ltd.")
    assert a != b


def test_missing_name_is_empty_key() -> None:
    assert keys(None) == [""]


def short_keys(*names: str | None) -> list[str]:
    return (
        pl.DataFrame({"n": list(names)}, schema={"n": pl.String})
        .select(abbreviated_name_expr(pl.col("n")))["n"]
        .to_list()
    )


def test_an_abbreviated_name_meets_its_full_spelling() -> None:
    a, b = short_keys("Gonsel Ind. Co., Ltd.", "Gonsel Industries Co., Ltd.")
    assert a == b
    c, d = short_keys("Polmirlum Tech Pvt. Ltd.", "Polmirlum Technologies Pvt. Ltd.")
    assert c == d


def test_abbreviation_keeps_the_distinctive_word_and_the_word_count() -> None:
    full, other_name, more_words = short_keys(
        "Gonsel Industries", "Gonsal Industries", "Gonsel Industries Metals"
    )
    assert full != other_name
    assert full != more_words


def test_a_name_without_spaces_keeps_its_whole_key() -> None:
    assert short_keys("湖南锑业有限公司", None) == ["湖南锑业", ""]
