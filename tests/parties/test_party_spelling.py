"""A company named in Chinese in one table and in Latin letters in another: resolution
and list screening through the spellings of its trade name (pinyin, Wade-Giles, Hong
Kong Cantonese), written here by hand."""

from __future__ import annotations

import polars as pl
import pytest

from orewatch.parties.records import party_records
from orewatch.parties.resolve import Resolution, resolve
from orewatch.parties.screen import screen
from orewatch.parties.spelling import cross_script

#: Other companies of the same data: spellings are judged against a background, as in
#: any customs dataset (their rarity sets the weight of a shared spelling).
LATIN_STEMS = ["Nordic", "Baltic", "Alpine", "Andes", "Pacific", "Atlas", "Boreal", "Cobalt"]
LATIN_STEMS += ["Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris", "Juniper", "Kestrel"]
TRADE_NAMES = [a + b for a in "金宏永鑫天瑞恒嘉博新" for b in "鼎达兴源成丰通禾远锐"][:60]

#: (name, address) of the companies under test, all in CN; the Latin ones written by hand.
CASES = {
    "zh": ("深圳市华联稀有金属有限公司", None),
    "pinyin": ("Shenzhen Hualian Rare Metals Co., Ltd.", None),
    "wade-giles": ("Shenzhen Hua Lien Rare Metals Co Ltd", None),
    "cantonese": ("Shenzhen Wah Luen Rare Metals Limited", None),
    # 華連 and 華聯 are both "Hualian": two companies, told apart by their addresses.
    "wuhan": ("華連電子有限公司", "武汉市洪山区珞喻路1号"),
    "shenzhen": ("華聯電子有限公司", "深圳市南山区科技园2号"),
    "bare": ("Hualian Electronics Co., Ltd.", None),
    "addressed": ("Hua Lien Electronics Co., Ltd.", "深圳市南山区科技园2号"),
}


@pytest.fixture(scope="module")
def resolved() -> tuple[Resolution, dict[str, str]]:
    names = [f"{s} {g}" for s in LATIN_STEMS for g in ("Rare Metals Co., Ltd.", "Alloys Co., Ltd.")]
    names += [f"{t}{g}有限公司" for t in TRADE_NAMES for g in ("矿业", "贸易")]
    addresses: list[str | None] = [None] * len(names)
    ids = [f"P{i:03d}" for i in range(len(names))]
    for key, (name, address) in CASES.items():
        names.append(name)
        addresses.append(address)
        ids.append(key)
    parties = pl.DataFrame(
        {
            "party_id": ids,
            "kind": ["company"] * len(names),
            "name": names,
            "country": ["CN"] * len(names),
            "address": addresses,
        }
    )
    resolution = resolve(party_records({"parties": parties}))
    entity = dict(resolution.entities.select("party_id", "entity_id").iter_rows())
    return resolution, entity


@pytest.mark.parametrize("spelling", ["pinyin", "wade-giles", "cantonese"])
def test_a_chinese_company_links_its_latin_spellings(
    resolved: tuple[Resolution, dict[str, str]], spelling: str
) -> None:
    _, entity = resolved
    assert entity[spelling] == entity["zh"]


def test_a_place_name_is_spelt_too() -> None:
    # 大同: Datong in Shanxi (pinyin), Tatung in Taipei (Wade-Giles).
    chinese = pl.DataFrame({"id": ["1"], "text": ["大同股份有限公司"]})
    latin = pl.DataFrame({"id": ["a", "b"], "text": ["Tatung Co.", "Datong Co., Ltd."]})
    assert sorted(cross_script(chinese, latin)["id_r"].to_list()) == ["a", "b"]


def test_the_link_says_which_spelling_met(resolved: tuple[Resolution, dict[str, str]]) -> None:
    resolution, _ = resolved
    evidence = resolution.entities.filter(pl.col("party_id") == "cantonese")["evidence"].item()
    assert "by spelling 'shenzhenwahluenraremetals'" in evidence


def test_two_chinese_names_that_sound_alike_stay_two_companies(
    resolved: tuple[Resolution, dict[str, str]],
) -> None:
    _, entity = resolved
    assert entity["wuhan"] != entity["shenzhen"]
    # 瑞源矿业 / 瑞远矿业 (both "ruiyuan mining") in the background: never one entity.
    assert (
        entity[f"P{32 + 2 * TRADE_NAMES.index('瑞源'):03d}"]
        != (entity[f"P{32 + 2 * TRADE_NAMES.index('瑞远'):03d}"])
    )


def test_a_shared_spelling_alone_does_not_pick_between_two_companies(
    resolved: tuple[Resolution, dict[str, str]],
) -> None:
    _, entity = resolved
    # "Hualian Electronics" with nothing else could be either: it joins neither.
    assert entity["bare"] not in (entity["wuhan"], entity["shenzhen"])
    # The same spelling with the Shenzhen company's address is that company.
    assert entity["addressed"] == entity["shenzhen"]


def test_spellings_meet_only_across_scripts() -> None:
    chinese = pl.DataFrame({"id": ["1", "2"], "text": ["華聯科技有限公司", "寶金貿易有限公司"]})
    latin = pl.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "text": [
                "Wah Luen Technology Ltd",  # Hong Kong Cantonese
                "Hua Lien Technology Co., Ltd.",  # Wade-Giles
                "Pao Chin Trading Co., Ltd.",  # Wade-Giles
                "Hualian Trading",  # another company's name
                "華連科技有限公司",  # a Chinese name that sounds the same
            ],
        }
    )
    met = cross_script(chinese, latin).sort("id", "id_r")
    assert met.select("id", "id_r").rows() == [("1", "a"), ("1", "b"), ("2", "c")]


def test_a_list_entry_in_chinese_is_found_for_a_latin_party_and_the_reverse() -> None:
    queries = pl.DataFrame(
        {
            "query_id": ["q1", "q2", "q3"],
            "name": ["Wah Luen Rare Metals Limited", "寶金貿易有限公司", "Wah Luen Rare Metals"],
            "country": ["HK", "TW", "DE"],
        }
    )
    watchlist = pl.DataFrame(
        {
            "entry_id": ["e1", "e2"],
            "list": ["test list", "test list"],
            "name": ["華聯稀有金屬有限公司", "Pao Chin Trading Co., Ltd."],
            "alt_names": [None, None],
            "country": ["HK", "TW"],
            "registration_id": [None, None],
            "kind": ["company", "company"],
        },
        schema_overrides={"alt_names": pl.List(pl.String()), "registration_id": pl.String()},
    )
    hits = screen(queries, watchlist)
    found = dict(hits.select("query_id", "entry_id").iter_rows())
    assert found == {"q1": "e1", "q2": "e2"}  # q3: another country, below the threshold
    first = hits.filter(pl.col("query_id") == "q1").row(0, named=True)
    assert first["method"] == "spelling"
    assert "spelt 'wahluenraremetals'" in first["explanation"]
