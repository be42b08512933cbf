"""Names of companies and people, Chinese and foreign, with the spellings that drift.

A Chinese company is registered under its Chinese name; declarations, licences and the
parties registry also carry pinyin or English renderings, spelled inconsistently
("Co., Ltd." / "CO.,LTD" / "Company Limited"). Foreign consignees follow their country's
company forms. Names are built per party (a few thousand), never per line.
"""

from __future__ import annotations

import numpy as np

CITIES = (
    ("赣州", "Ganzhou"),
    ("株洲", "Zhuzhou"),
    ("郴州", "Chenzhou"),
    ("包头", "Baotou"),
    ("深圳", "Shenzhen"),
    ("宁波", "Ningbo"),
    ("义乌", "Yiwu"),
    ("东莞", "Dongguan"),
    ("厦门", "Xiamen"),
    ("昆明", "Kunming"),
    ("广州", "Guangzhou"),
    ("上海", "Shanghai"),
    ("天津", "Tianjin"),
    ("青岛", "Qingdao"),
    ("长沙", "Changsha"),
    ("南昌", "Nanchang"),
    ("苏州", "Suzhou"),
    ("佛山", "Foshan"),
    ("温州", "Wenzhou"),
    ("乌鲁木齐", "Urumqi"),
    ("柳州", "Liuzhou"),
    ("洛阳", "Luoyang"),
    ("锦州", "Jinzhou"),
    ("凭祥", "Pingxiang"),
)
SYLLABLES = (
    ("鑫", "Xin"),
    ("泰", "Tai"),
    ("华", "Hua"),
    ("达", "Da"),
    ("恒", "Heng"),
    ("盛", "Sheng"),
    ("丰", "Feng"),
    ("源", "Yuan"),
    ("瑞", "Rui"),
    ("祥", "Xiang"),
    ("隆", "Long"),
    ("金", "Jin"),
    ("宏", "Hong"),
    ("德", "De"),
    ("博", "Bo"),
    ("远", "Yuan"),
    ("海", "Hai"),
    ("嘉", "Jia"),
    ("诚", "Cheng"),
    ("万", "Wan"),
    ("聚", "Ju"),
    ("汇", "Hui"),
    ("正", "Zheng"),
    ("润", "Run"),
)
TRADES = {
    "maker": (
        ("五金制品", "Hardware Products", "Wujin Zhipin"),
        ("电子科技", "Electronic Technology", "Dianzi Keji"),
        ("纺织品", "Textiles", "Fangzhipin"),
        ("家居用品", "Home Furnishing", "Jiaju Yongpin"),
        ("机械设备", "Machinery", "Jixie Shebei"),
        ("化工", "Chemical", "Huagong"),
    ),
    "specialist": (
        ("稀有金属", "Rare Metals", "Xiyou Jinshu"),
        ("新材料", "New Materials", "Xin Cailiao"),
        ("有色金属", "Non-ferrous Metals", "Youse Jinshu"),
        ("稀土", "Rare Earth", "Xitu"),
    ),
    "trader": (
        ("进出口贸易", "Import & Export Trading", "Jinchukou Maoyi"),
        ("国际贸易", "International Trade", "Guoji Maoyi"),
        ("供应链管理", "Supply Chain Management", "Gongyinglian Guanli"),
    ),
    "forwarder": (
        ("国际货运代理", "International Freight Forwarding", "Guoji Huoyun Daili"),
        ("国际物流", "International Logistics", "Guoji Wuliu"),
    ),
    "broker": (
        ("报关", "Customs Brokerage", "Baoguan"),
        ("报关代理", "Customs Declaration Agency", "Baoguan Daili"),
    ),
}
SUFFIX_EN = ("Co., Ltd.", "CO.,LTD", "Company Limited", "Co Ltd", "Co.,Ltd.")

SURNAMES = (
    ("王", "Wang"),
    ("李", "Li"),
    ("张", "Zhang"),
    ("刘", "Liu"),
    ("陈", "Chen"),
    ("杨", "Yang"),
    ("黄", "Huang"),
    ("赵", "Zhao"),
    ("吴", "Wu"),
    ("周", "Zhou"),
    ("徐", "Xu"),
    ("孙", "Sun"),
    ("马", "Ma"),
    ("朱", "Zhu"),
    ("胡", "Hu"),
    ("郭", "Guo"),
    ("何", "He"),
    ("林", "Lin"),
)
GIVEN = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("军", "Jun"),
    ("磊", "Lei"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("静", "Jing"),
    ("强", "Qiang"),
    ("敏", "Min"),
    ("杰", "Jie"),
    ("丽", "Li"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("霞", "Xia"),
    ("平", "Ping"),
    ("刚", "Gang"),
    ("辉", "Hui"),
)

WORD_A = (
    "Apex",
    "Summit",
    "Golden",
    "Pacific",
    "Orient",
    "Silver",
    "Blue",
    "Grand",
    "Delta",
    "Prime",
    "Nova",
    "Eastern",
    "Alpha",
    "Crown",
    "Star",
    "Lotus",
    "Harbor",
    "Unity",
    "Vertex",
    "Zenith",
    "Kestrel",
    "Meridian",
    "Falcon",
    "Sapphire",
)
WORD_B = (
    "Metals",
    "Materials",
    "Trading",
    "Industries",
    "Resources",
    "Technology",
    "Alloys",
    "Chemicals",
    "Global",
    "Supply",
    "Components",
    "Electronics",
    "Precision",
    "Optics",
)
FORMS = {
    "VN": ("Cong Ty TNHH {a} {b}", "{a} {b} Company Limited"),
    "MY": ("{a} {b} Sdn. Bhd.", "{a} {b} Sdn Bhd"),
    "TH": ("{a} {b} Co., Ltd.", "{a} {b} (Thailand) Co., Ltd."),
    "KZ": ("TOO {a} {b}", "{a} {b} LLP"),
    "KG": ("OsOO {a} {b}", "{a} {b} LLC"),
    "AE": ("{a} {b} General Trading LLC", "{a} {b} FZE"),
    "TR": ("{a} {b} Dis Ticaret Ltd. Sti.", "{a} {b} A.S."),
    "US": ("{a} {b} Inc.", "{a} {b} LLC", "{a} {b} Corporation"),
    "DE": ("{a} {b} GmbH", "{a} {b} GmbH & Co. KG"),
    "NL": ("{a} {b} B.V.",),
    "JP": ("{a} {b} K.K.", "{a} {b} Co., Ltd.", "Kabushiki Kaisha {a} {b}"),
    "KR": ("{a} {b} Co., Ltd.", "{a} {b} Corp."),
    "IN": ("{a} {b} Pvt. Ltd.", "{a} {b} Private Limited"),
    "HK": ("{a} {b} (HK) Limited", "{a} {b} Hong Kong Ltd"),
    "SG": ("{a} {b} Pte. Ltd.",),
    "RU": ("OOO {a} {b}",),
    "GB": ("{a} {b} Ltd",),
    "TW": ("{a} {b} Co., Ltd.",),
}
STREETS = (
    "Industrial Park Road",
    "Harbour Street",
    "Le Duan Boulevard",
    "Jalan Ampang",
    "Sukhumvit Road",
    "Abay Avenue",
    "Sheikh Zayed Road",
    "Main Street",
    "Hauptstrasse",
    "Chuo-dori",
    "Teheran-ro",
    "Nathan Road",
    "Free Zone Block",
    "Logistics Park",
)


def chinese_companies(rng: np.random.Generator, n: int, trade: str) -> list[tuple[str, str, str]]:
    """(Chinese name, English name, pinyin name) for ``n`` companies of one trade."""
    out = []
    trades = TRADES[trade]
    for _ in range(n):
        city = CITIES[rng.integers(len(CITIES))]
        s1, s2 = (SYLLABLES[i] for i in rng.choice(len(SYLLABLES), 2, replace=False))
        zh_t, en_t, py_t = trades[rng.integers(len(trades))]
        brand_py = s1[1] + s2[1].lower()
        zh = f"{city[0]}{s1[0]}{s2[0]}{zh_t}有限公司"
        en = f"{city[1]} {brand_py} {en_t} {SUFFIX_EN[rng.integers(len(SUFFIX_EN))]}"
        py = f"{city[1]} {s1[1]} {s2[1]} {py_t} Youxian Gongsi"
        out.append((zh, en, py))
    return out


def person(rng: np.random.Generator) -> tuple[str, str]:
    """(Chinese name, pinyin name) of one person."""
    s = SURNAMES[rng.integers(len(SURNAMES))]
    g = [GIVEN[i] for i in rng.choice(len(GIVEN), rng.integers(1, 3), replace=False)]
    return s[0] + "".join(x[0] for x in g), f"{s[1]} {''.join(x[1] for x in g).capitalize()}"


def foreign_company(rng: np.random.Generator, country: str) -> str:
    """A consignee name in its country's company form."""
    forms = FORMS.get(country, ("{a} {b} Ltd.",))
    a = WORD_A[rng.integers(len(WORD_A))]
    b = WORD_B[rng.integers(len(WORD_B))]
    return forms[rng.integers(len(forms))].format(a=a, b=b)


def foreign_address(rng: np.random.Generator, country: str) -> str:
    """A street address abroad (country code at the end, as forms show it)."""
    return f"No. {rng.integers(1, 999)} {STREETS[rng.integers(len(STREETS))]}, {country}"


def variant(rng: np.random.Generator, name: str) -> str:
    """Another spelling of a Latin-script name, as a clerk might type it."""
    pick = rng.integers(4)
    if pick == 0:
        return name.upper()
    if pick == 1:
        return name.replace(",", "").replace(".", "")
    if pick == 2:
        return name.replace("Co., Ltd.", "Company Limited").replace("LLC", "L.L.C.")
    return "  ".join(name.split(" ", 1)) if " " in name else name
