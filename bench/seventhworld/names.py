"""Names, identifiers and codes of the seventh world, built from parts with numpy.

Chinese exporters appear under their registered Chinese name in declarations, under a
pinyin or English rendering elsewhere (the parties table), and with small spelling drift
("Co., Ltd" / "Co.,Ltd." / "有限责任公司"), as real filings do. Foreign consignees are
named in their own script or in a transliteration. Identifiers carry the check
characters their standards define (unified social credit code, ISO 6346 containers).
"""

from __future__ import annotations

import numpy as np

from orewatch.contract.ids import USCC_ALPHABET, USCC_WEIGHTS

CITY = np.array(
    [
        "赣州",
        "郴州",
        "包头",
        "株洲",
        "宁波",
        "义乌",
        "佛山",
        "东莞",
        "临沂",
        "昆明",
        "个旧",
        "龙岩",
        "淄博",
        "洛阳",
        "苏州",
        "厦门",
        "天津",
        "青岛",
        "常州",
        "萍乡",
    ]
)
CITY_PY = np.array(
    [
        "Ganzhou",
        "Chenzhou",
        "Baotou",
        "Zhuzhou",
        "Ningbo",
        "Yiwu",
        "Foshan",
        "Dongguan",
        "Linyi",
        "Kunming",
        "Gejiu",
        "Longyan",
        "Zibo",
        "Luoyang",
        "Suzhou",
        "Xiamen",
        "Tianjin",
        "Qingdao",
        "Changzhou",
        "Pingxiang",
    ]
)
#: Division code (GB/T 2260) of each city above: the declared origin region.
CITY_CODE = np.array(
    [
        "360700",
        "431000",
        "150200",
        "430200",
        "330200",
        "330782",
        "440600",
        "441900",
        "371300",
        "530100",
        "532501",
        "350800",
        "370300",
        "410300",
        "320500",
        "350200",
        "120000",
        "370200",
        "320400",
        "360300",
    ]
)
WORD = np.array(
    [
        "鑫源",
        "恒达",
        "华泰",
        "金鹏",
        "瑞丰",
        "宏远",
        "嘉利",
        "永盛",
        "中科",
        "博越",
        "天成",
        "润达",
        "盛世",
        "兴旺",
        "东方",
        "锦程",
        "佳和",
        "国瑞",
        "腾飞",
        "晶辉",
    ]
)
WORD_PY = np.array(
    [
        "Xinyuan",
        "Hengda",
        "Huatai",
        "Jinpeng",
        "Ruifeng",
        "Hongyuan",
        "Jiali",
        "Yongsheng",
        "Zhongke",
        "Boyue",
        "Tiancheng",
        "Runda",
        "Shengshi",
        "Xingwang",
        "Dongfang",
        "Jincheng",
        "Jiahe",
        "Guorui",
        "Tengfei",
        "Jinghui",
    ]
)
TRADE = np.array(["进出口", "贸易", "新材料", "稀有金属", "实业", "科技", "家居", "电子"])
TRADE_EN = np.array(
    [
        "Import & Export",
        "Trading",
        "New Materials",
        "Rare Metals",
        "Industrial",
        "Technology",
        "Home Furnishing",
        "Electronics",
    ]
)
SUFFIX_EN = np.array(["Co., Ltd.", "Co.,Ltd", "CO., LTD", "Company Limited"])


def pick(rng: np.random.Generator, values: np.ndarray, n: int) -> np.ndarray:
    return values[rng.integers(0, len(values), n)]


def cat(*parts: np.ndarray | str) -> np.ndarray:
    """Element-wise string concatenation of arrays and scalars."""
    out = np.asarray(parts[0]).astype(object)
    for part in parts[1:]:
        out = out + np.asarray(part).astype(object)
    return out


def exporter_names(rng: np.random.Generator, n: int) -> dict[str, np.ndarray]:
    """Registered Chinese names, their English renderings, a home city and an alt spelling."""
    city = rng.integers(0, len(CITY), n)
    w1 = rng.integers(0, len(WORD), n)
    w2 = (w1 + rng.integers(1, len(WORD), n)) % len(WORD)
    trade = rng.integers(0, len(TRADE), n)
    zh = cat(CITY[city], "市", WORD[w1], WORD[w2], TRADE[trade], "有限公司")
    en = cat(
        CITY_PY[city],
        " ",
        WORD_PY[w1],
        WORD_PY[w2],
        " ",
        TRADE_EN[trade],
        " ",
        pick(rng, SUFFIX_EN, n),
    )
    # The same company as a customs broker or a bank would key it: no city, spaces lost.
    alt = cat(WORD_PY[w1], " ", WORD_PY[w2], " ", TRADE_EN[trade], " Co Ltd")
    return {"zh": zh, "en": en, "alt": alt, "city": city, "trade": trade}


def uscc(rng: np.random.Generator, n: int, region: np.ndarray) -> np.ndarray:
    """Unified social credit codes: 91 (enterprise), division code, 9-char org code, check."""
    alphabet = np.array(list(USCC_ALPHABET))
    body = rng.integers(0, len(alphabet), (n, 9))
    heads = np.array([[int(c) for c in "91"] + [int(c) for c in code] for code in region])
    idx = np.concatenate([heads, body], axis=1)
    total = (idx * np.array(USCC_WEIGHTS)).sum(axis=1)
    check = (31 - total % 31) % 31
    chars = alphabet[np.concatenate([idx, check[:, None]], axis=1)]
    return np.array(["".join(row) for row in chars], dtype=object)


OWNER = np.array(["TGHU", "MSKU", "CSNU", "OOLU", "TCLU", "SEGU", "CMAU", "BMOU", "FCIU", "EITU"])


def _iso6346_values() -> dict[str, int]:
    """Letter values of ISO 6346: 10 upwards, skipping multiples of 11."""
    values = [v for v in range(10, 39) if v % 11 != 0]
    return dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", values, strict=True))


_ISO6346 = _iso6346_values()


def containers(rng: np.random.Generator, n: int) -> np.ndarray:
    """ISO 6346 container numbers with their check digit."""
    owner = rng.integers(0, len(OWNER), n)
    serial = rng.integers(0, 1_000_000, n)
    owner_vals = np.array([[_ISO6346[c] for c in o] for o in OWNER])[owner]
    digits = (serial[:, None] // 10 ** np.arange(5, -1, -1)) % 10
    vals = np.concatenate([owner_vals, digits], axis=1)
    check = (vals * 2 ** np.arange(10)).sum(axis=1) % 11 % 10
    return cat(OWNER[owner], np.char.zfill(serial.astype(str), 6), check.astype(str))
