from __future__ import annotations

import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from orewatch.parties.normalise import fold, legal_form, name_key, name_variants


def keys(*names: str) -> list[str]:
    folded = fold(pl.Series("n", list(names)))
    return pl.DataFrame({"f": folded}).select(name_key(pl.col("f")))["f"].to_list()


def test_legal_forms_abbreviations_and_word_order_do_not_change_the_key() -> None:
    assert (
        len(set(keys("ACME Metals Co., Ltd.", "Metals ACME Company Limited", "acme metals"))) == 1
    )
    assert keys("Sun Lee Intl Trdg Ltd")[0] == keys("Sun Lee International Trading Limited")[0]
    assert keys("Fonderia Alpina S.A. de C.V.")[0] == keys("FONDERIA ALPINA")[0]


def test_chinese_traditional_full_width_and_suffixes_fold_to_one_key() -> None:
    simplified, traditional, region = keys(
        "长沙盛兴供应链有限公司", "長沙盛興供應鏈有限公司", "长沙盛兴供应链(香港)股份有限公司"
    )
    assert simplified == traditional == region == "长沙盛兴供应链"
    assert keys("ＡＣＭＥ　Ｍｅｔａｌｓ")[0] == keys("ACME Metals")[0]


def test_legal_form_is_canonical_and_null_when_absent() -> None:
    frame = pl.DataFrame(
        {"f": ["maas technologies b.v.", "maas technologies n.v.", "maas", "x 有限公司"]}
    )
    forms = frame.select(legal_form(pl.col("f")))["f"].to_list()
    assert forms == ["bv", "nv", None, "yx"]


def test_pinyin_alias_lets_a_chinese_person_meet_the_romanised_name() -> None:
    variants = name_variants(
        pl.DataFrame(
            {"record_id": ["a", "b"], "name": ["李建平", "Li Jianping"], "alt_names": [None, None]},
            schema_overrides={"alt_names": pl.List(pl.String())},
        )
    )
    by_key = variants.group_by("key").agg(pl.col("record_id").unique().sort())
    assert ["a", "b"] in by_key["record_id"].to_list()
    assert set(variants.filter(pl.col("record_id") == "a")["how"]) == {"name", "pinyin"}


@settings(deadline=None, max_examples=50)
@given(st.text(min_size=0, max_size=40))
def test_keys_are_idempotent_and_never_fail(text: str) -> None:
    first = keys(text)[0]
    assert first is not None
    assert " " not in first
    assert keys(first)[0] == keys(first)[0]


@settings(deadline=None, max_examples=30)
@given(st.lists(st.sampled_from(["acme", "metals", "nordic", "trading"]), min_size=1, max_size=4))
def test_word_order_never_matters(words: list[str]) -> None:
    assert keys(" ".join(words))[0] == keys(" ".join(reversed(words)))[0]
