from __future__ import annotations

import polars as pl

from orewatch.parties.glossary import build_glossary, canonical_english, segment, translate
from orewatch.parties.normalise import name_variants


def keys(name: str) -> set[str]:
    frame = pl.DataFrame(
        {"record_id": ["r"], "name": [name], "alt_names": [None]},
        schema_overrides={"alt_names": pl.List(pl.String())},
    )
    return set(name_variants(frame)["key"].to_list())


def test_a_translated_chinese_name_meets_its_english_name() -> None:
    assert keys("中国航天科技集团有限公司") & keys(
        "China Aerospace Science and Technology Corporation"
    )
    assert keys("华为技术有限公司") & keys("Huawei Technologies Co., Ltd.")


def test_places_are_words_of_their_own_and_the_trade_name_is_pinyin() -> None:
    assert translate("北京华为技术") == "beijing huawei technology"
    assert translate("李建平") is None  # no glossary term: the pinyin alias says it all


def test_synonyms_meet_on_one_rendering_but_other_words_still_differ() -> None:
    assert keys("Aviation Materials Research Institute") & keys("Aeronautical Materials Institute")
    assert not keys("Beijing Aviation Materials") & keys("Shanghai Aviation Materials")


def test_a_place_suffix_after_a_place_is_dropped() -> None:
    table = build_glossary(
        {
            "words": {"电子": ["electronics"]},
            "places": {"成都": "chengdu"},
            "place_suffixes": ["市"],
        }
    )
    assert segment("成都市电子", table) == [("成都", True), ("电子", True)]
    assert segment("天宇电子", table) == [("天宇", False), ("电子", True)]


def test_canonical_phrases_are_not_rewritten_twice() -> None:
    words = pl.DataFrame({"w": ["research institute beijing", "institute aeronautics"]})
    out = words.select(canonical_english(pl.col("w")).alias("w"))["w"].to_list()
    assert out == ["research institute beijing", "research institute aviation"]
