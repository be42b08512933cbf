import polars as pl

from orewatch.screening.names import normalise_name_expr


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
