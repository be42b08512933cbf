import polars as pl

from orewatch.screening.terms import (
    named_elements,
    named_forms,
    names_military_use,
    names_purity,
    purity_grade,
)


def classify(*texts: str) -> list[list[str]]:
    frame = pl.DataFrame({"t": list(texts)})
    return frame.select(named_elements(pl.col("t")).alias("e"))["e"].to_list()


def test_chinese_english_and_formulas_are_recognised() -> None:
    assert classify(
        "金属镓锭", "germanium ingot", "GaAs wafer", "Sb2O3 powder", "氧化镝 Dy2O3"
    ) == [
        ["gallium"],
        ["germanium"],
        ["gallium"],
        ["antimony"],
        ["dysprosium"],
    ]


def test_words_that_merely_contain_a_symbol_do_not_match() -> None:
    assert classify("Gas cylinder", "In stock", "Geothermal pump", "aluminium alloy ingot") == [
        [],
        [],
        [],
        [],
    ]


def test_one_text_can_name_several_elements() -> None:
    assert sorted(classify("indium gallium arsenide InGaAs")[0]) == ["gallium", "indium"]


def test_purity_words() -> None:
    frame = pl.DataFrame({"t": ["高纯锗 5N", "99.999% gallium", "zinc ingot 98%", None]})
    assert frame.select(names_purity(pl.col("t")))["t"].to_list() == [True, True, False, False]


def test_a_purity_grade_is_counted_in_nines() -> None:
    texts = [
        "高纯锗 5N",
        "纯度:≥99.999%",
        "精铟 4N5 ingot",
        "zinc ingot 99.95%",
        "lead 99%, Sb 0.5%",
        "min 99% 锭 ≥99.9999%",
        "M6N bolts",
        "zinc ingot 98%",
        None,
    ]
    frame = pl.DataFrame({"t": texts}, schema={"t": pl.String})
    grades = frame.select(purity_grade(pl.col("t")))["t"].to_list()
    assert grades == [5, 5, 4, 3, 2, 6, None, None, None]


def military(*texts: str | None) -> list[bool]:
    frame = pl.DataFrame({"t": list(texts)}, schema={"t": pl.String})
    return frame.select(names_military_use(pl.col("t")))["t"].to_list()


def test_a_stated_military_use_is_read_in_chinese_and_english() -> None:
    assert (
        military(
            "军工配套",
            "军用雷达部件",
            "missile guidance components",
            "Defence electronics",
            "equipment for the Self-Defense Forces",
            "LOTUS MISSILE WORKS",
        )
        == [True] * 6
    )


def test_civil_uses_denials_and_lookalike_words_are_not_military() -> None:
    assert (
        military(
            "LED wafers",
            "非军事用途",
            "not for military use",
            "Defensive coatings",
            "aerospace alloys",
            "军民两用",
            None,
        )
        == [False] * 7
    )


def test_a_military_end_use_is_read_in_the_buyers_language() -> None:
    """Traditional characters, Japanese, Korean and Russian end uses are read as the
    Chinese and English ones are, denials included; Korean 무기질 (inorganic) is not 무기
    (weapon)."""
    texts = {
        "軍用雷達": True,
        "自衛隊向け部品": True,
        "防衛装備品の製造": True,
        "국방부 납품": True,
        "для Министерства обороны": True,
        "Ракетное топливо": True,
        "民生用電子部品": False,
        "무기질 비료": False,
        "гражданское применение, не для военных целей": False,
        "非軍事用途": False,
    }
    frame = pl.DataFrame({"text": list(texts)})
    said = frame.select(names_military_use(pl.col("text")).alias("said"))["said"].to_list()
    assert dict(zip(texts, said, strict=True)) == texts


def test_a_bare_symbol_names_its_element_only_with_a_content_in_per_cent() -> None:
    """W, Mo, In, Y and Sc are words and units as often as symbols: "含W 97%" and "Mo:
    99.95%" state a composition, "12W" and "in 2024" do not."""
    texts = {
        "合金钢棒 含W 97%": ["tungsten"],
        "97%W alloy bar": ["tungsten"],
        "Mo: 99.95% powder": ["molybdenum"],
        "In 99.995% ingot": ["indium"],
        "LED lamp 220V 12W": [],
        "delivered in 2024, grade 95% pure": [],
        "steel bar W 5 mm": [],
    }
    frame = pl.DataFrame({"text": list(texts)})
    found = frame.select(named_elements(pl.col("text")).alias("found"))["found"].to_list()
    assert dict(zip(texts, found, strict=True)) == texts


def test_a_content_glued_to_a_symbol_names_the_element_but_an_impurity_limit_does_not() -> None:
    """Composition lists write "Ga3.6%" or "成分:Ge4.3%" with no space, and a constituent
    can be a few per cent; a trace ("Ga0.001%", "0.5%W") is not a constituent."""
    texts = {
        "化工混合物;成分:Ga3.6%": ["gallium"],
        "助剂 颗粒;成分:Ge4.3%": ["germanium"],
        "硬质合金棒材;成分:W7.8%": ["tungsten"],
        "lead alloy ingot, 2.5%Sb": ["antimony"],
        "zinc ingot Ga0.001%,Pb0.003%": [],
        "lead ingot Bi0.05%": [],
        "impurities 0.5%W max": [],
    }
    frame = pl.DataFrame({"text": list(texts)})
    found = frame.select(named_elements(pl.col("text")).alias("found"))["found"].to_list()
    assert dict(zip(texts, found, strict=True)) == texts


def test_an_element_the_words_deny_is_not_named() -> None:
    texts = [
        "N35 不含镝铽 镀镍",
        "NdFeB magnets, no Dy/Tb",
        "Dy-free magnet",
        "无水氯化镓",
        "不含铅 含铽合金",
        "不含税金属镓",
        "without terbium or dysprosium",
    ]
    named = pl.select(named_elements(pl.Series(texts))).to_series().to_list()
    assert named == [[], [], [], ["gallium"], ["terbium"], ["gallium"], []]


def test_a_magnet_is_a_form_the_words_name() -> None:
    texts = ["钐钴磁体", "samarium-cobalt magnets", "永磁材料", "钕铁硼粉"]
    forms = pl.select(named_forms(pl.Series(texts))).to_series().to_list()
    assert forms == [["magnet"], ["magnet"], ["magnet"], []]
