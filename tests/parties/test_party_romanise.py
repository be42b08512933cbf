"""A Chinese trade name spelt as the English name of a mainland, Taiwanese or Hong Kong
company spells it, and names that meet across scripts and spellings."""

from __future__ import annotations

import polars as pl

from orewatch.parties.glossary import translate_spellings
from orewatch.parties.normalise import variant_keys
from orewatch.parties.romanise import romanisations


def test_a_trade_name_is_spelt_in_pinyin_wade_giles_and_hong_kong_cantonese() -> None:
    spellings = romanisations("凱達")
    assert spellings[0] == "kaida"  # pinyin first
    assert "kaita" in spellings  # Wade-Giles (K'ai Ta), apostrophe dropped
    assert "hoitat" in spellings  # Hong Kong Government Cantonese romanisation
    # Simplified characters are read in Cantonese through their traditional forms.
    assert "yamwang" in romanisations("鑫宏")
    assert "paochin" in romanisations("宝金")


def test_known_words_are_translated_and_the_trade_name_spelt_each_way() -> None:
    spellings = translate_spellings("泰嘉贸易")
    assert "taijia trading" in spellings and "taika trading" in spellings
    assert all(s.endswith(" trading") for s in spellings)


def shares_a_key(left: str, right: str) -> bool:
    first, second = variant_keys(pl.Series([left, right])).to_list()
    return bool(set(first) & set(second))


def test_one_company_in_two_documents_shares_a_key() -> None:
    assert shares_a_key("TAI KA TRADING LIMITED", "泰嘉貿易有限公司")
    assert shares_a_key("Kai Ta Technology Co., Ltd.", "凱達科技股份有限公司")
    assert shares_a_key("Chang Jia Tech Co Ltd", "昌嘉科技股份有限公司")
    assert shares_a_key("嘉華貿易有限公司", "嘉华贸易有限公司")
    assert shares_a_key("Bluewater Engineering (Thailand) Co., Ltd.", "BLUEWATER ENGINEERING")
    assert shares_a_key("Cong Ty TNHH Aurora Optics", "AURORA OPTICS")
    assert shares_a_key("Northgate Resources Pty Ltd", "NORTHGATE RESOURCES")
    assert shares_a_key("Eastwood Semiconductor d.o.o.", "EASTWOOD SEMICONDUCTOR")


def test_two_companies_share_no_key() -> None:
    assert not shares_a_key("Redwood Photonics Corp.", "Beacon Trading Corp.")
    assert not shares_a_key("Ta Lung Technology Co., Ltd.", "泰嘉貿易有限公司")
    assert not shares_a_key("Silverline Components Corp.", "Redwood Resources Corp.")
    assert not shares_a_key("Yam Wang Trading Limited", "泰嘉貿易有限公司")


def test_a_name_without_words_has_no_key_and_nulls_stay_empty() -> None:
    assert variant_keys(pl.Series([None, "", "Co., Ltd."], dtype=pl.String)).to_list() == [
        [],
        [],
        [],
    ]
