"""Names, addresses, phones and e-mails for the synthetic world's parties.

Chinese companies are built the way real ones are named (city + trade name + industry
+ 有限公司/股份有限公司) with an English name in pinyin; foreign companies use the
country's stems and legal forms. Everything is drawn from a passed-in generator.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np

from orewatch.world.geo import City, Country

# (hanzi, pinyin) trade-name syllables; pairs make a 字号 such as 鑫盛 Xinsheng.
_TRADE_SYLLABLES: tuple[tuple[str, str], ...] = (
    ("鑫", "Xin"),
    ("盛", "sheng"),
    ("华", "Hua"),
    ("泰", "tai"),
    ("宏", "Hong"),
    ("达", "da"),
    ("金", "Jin"),
    ("源", "yuan"),
    ("恒", "Heng"),
    ("通", "tong"),
    ("瑞", "Rui"),
    ("丰", "feng"),
    ("锦", "Jin"),
    ("隆", "long"),
    ("中", "Zhong"),
    ("兴", "xing"),
    ("永", "Yong"),
    ("安", "an"),
    ("德", "De"),
    ("利", "li"),
    ("嘉", "Jia"),
    ("诚", "cheng"),
    ("凯", "Kai"),
    ("旺", "wang"),
    ("博", "Bo"),
    ("远", "yuan"),
    ("天", "Tian"),
    ("晟", "sheng"),
    ("万", "Wan"),
    ("邦", "bang"),
    ("宇", "Yu"),
    ("辰", "chen"),
    ("银", "Yin"),
    ("河", "he"),
    ("东", "Dong"),
    ("方", "fang"),
    ("汇", "Hui"),
    ("海", "hai"),
    ("佳", "Jia"),
    ("创", "chuang"),
    ("润", "Run"),
    ("和", "he"),
)
_INDUSTRY: dict[str, tuple[tuple[str, str], ...]] = {
    "gallium": (
        ("有色金属", "Nonferrous Metals"),
        ("稀有金属", "Rare Metals"),
        ("新材料", "New Materials"),
    ),
    "germanium": (
        ("锗业", "Germanium"),
        ("稀有金属", "Rare Metals"),
        ("光电材料", "Optoelectronic Materials"),
    ),
    "graphite": (("石墨", "Graphite"), ("碳素", "Carbon"), ("新能源材料", "New Energy Materials")),
    "antimony": (("锑业", "Antimony"), ("有色金属", "Nonferrous Metals"), ("冶炼", "Smelting")),
    "tungsten": (
        ("钨业", "Tungsten"),
        ("钨钼", "Tungsten & Molybdenum"),
        ("硬质合金", "Cemented Carbide"),
    ),
    "minor": (
        ("稀有金属", "Rare Metals"),
        ("有色金属", "Nonferrous Metals"),
        ("材料科技", "Material Technology"),
    ),
    "ree": (
        ("稀土", "Rare Earth"),
        ("稀土新材料", "Rare Earth New Materials"),
        ("磁材", "Magnetic Materials"),
    ),
    "aluminium": (
        ("铝业", "Aluminium"),
        ("铝材", "Aluminium Products"),
        ("有色金属", "Nonferrous Metals"),
    ),
    "zinc": (("锌业", "Zinc"), ("冶炼", "Smelting"), ("有色金属", "Nonferrous Metals")),
    "ferroalloy": (("铁合金", "Ferroalloy"), ("冶金", "Metallurgy"), ("硅业", "Silicon")),
    "ceramics": (
        ("陶瓷", "Ceramics"),
        ("建材", "Building Materials"),
        ("耐火材料", "Refractories"),
    ),
    "chemicals": (("化工", "Chemical"), ("精细化工", "Fine Chemical"), ("化学品", "Chemicals")),
    "magnets": (("磁业", "Magnetics"), ("磁性材料", "Magnetic Materials"), ("电机", "Motor")),
    "machinery": (
        ("机械", "Machinery"),
        ("精密制造", "Precision Manufacturing"),
        ("五金", "Hardware"),
    ),
    "lead_tin": (("锡业", "Tin"), ("焊料", "Solder"), ("有色金属", "Nonferrous Metals")),
    "electronics": (("电子", "Electronics"), ("半导体", "Semiconductor"), ("科技", "Technology")),
    "trade": (
        ("进出口", "Import & Export"),
        ("国际贸易", "International Trade"),
        ("供应链", "Supply Chain"),
        ("贸易", "Trading"),
        ("实业", "Industrial"),
    ),
    "broker": (
        ("报关", "Customs Brokerage"),
        ("国际货运代理", "International Freight Forwarding"),
        ("供应链管理", "Supply Chain Management"),
    ),
}
_SURNAMES: tuple[tuple[str, str], ...] = (
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
    ("罗", "Luo"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("唐", "Tang"),
    ("韦", "Wei"),
    ("邓", "Deng"),
)
_GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀", "xiu"),
    ("霞", "xia"),
    ("平", "ping"),
    ("刚", "gang"),
    ("桂", "gui"),
    ("建", "jian"),
    ("国", "guo"),
    ("华", "hua"),
    ("文", "wen"),
)
_ROADS: tuple[str, ...] = (
    "建设路",
    "解放路",
    "人民路",
    "工业大道",
    "新华路",
    "长江路",
    "滨江大道",
    "科技路",
    "创业路",
    "金桥路",
    "园区大道",
    "冶金路",
    "开发大道",
    "兴业路",
)
_ZONES: tuple[str, ...] = ("高新区", "经济技术开发区", "工业园区", "自贸区", "新区", "产业园")
_MOBILE_PREFIX: tuple[str, ...] = (
    "130",
    "131",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "158",
    "159",
    "177",
    "180",
    "186",
    "188",
    "189",
    "199",
)
T = TypeVar("T")
_MAIL_DOMAINS: tuple[str, ...] = ("163.com", "126.com", "qq.com", "sina.com", "aliyun.com")


def _pick(rng: np.random.Generator, seq: tuple[T, ...]) -> T:
    return seq[int(rng.integers(len(seq)))]


def trade_name(rng: np.random.Generator) -> tuple[str, str]:
    """A two-syllable 字号 and its pinyin, e.g. ('鑫盛', 'Xinsheng')."""
    a = _pick(rng, _TRADE_SYLLABLES)
    b = _pick(rng, _TRADE_SYLLABLES)
    return a[0] + b[0], a[1].capitalize() + b[1].lower()


def cn_company(
    rng: np.random.Generator, city: City, sector: str, big: bool = False
) -> tuple[str, str]:
    """Chinese and English names of a company in ``city`` working in ``sector``."""
    zh_tn, en_tn = trade_name(rng)
    ind_zh, ind_en = _pick(rng, _INDUSTRY.get(sector, _INDUSTRY["trade"]))
    form_zh, form_en = ("股份有限公司", "Co., Ltd.") if big else ("有限公司", "Co., Ltd.")
    prov = rng.random() < 0.3 and city.province_zh[:2] not in ("北京", "天津", "上海")
    zh_prefix = (
        (
            city.province_zh.replace("壮族自治区", "")
            .replace("维吾尔自治区", "")
            .replace("自治区", "")
            .rstrip("省市")
        )
        if prov
        else ""
    )
    en_prefix = f"{city.province_en} " if prov else ""
    zh = f"{zh_prefix}{city.zh}{zh_tn}{ind_zh}{form_zh}"
    en = f"{en_prefix}{city.en} {en_tn} {ind_en} {form_en}"
    return zh, en


def cn_person(rng: np.random.Generator) -> tuple[str, str]:
    """A Chinese person's name and its pinyin ('王建华', 'Wang Jianhua')."""
    s = _pick(rng, _SURNAMES)
    g = [_pick(rng, _GIVEN) for _ in range(1 + int(rng.random() < 0.7))]
    return s[0] + "".join(x[0] for x in g), f"{s[1]} {''.join(x[1] for x in g).capitalize()}"


def cn_address(rng: np.random.Generator, city: City) -> str:
    prov = city.province_zh if city.province_zh[:2] not in ("北京", "天津", "上海") else ""
    return f"{prov}{city.zh}市{_pick(rng, _ZONES)}{_pick(rng, _ROADS)}{int(rng.integers(1, 999))}号"


def cn_phone(rng: np.random.Generator, city: City, mobile: bool | None = None) -> str:
    if mobile is None:
        mobile = bool(rng.random() < 0.45)
    if mobile:
        return f"+86 {_pick(rng, _MOBILE_PREFIX)}{int(rng.integers(0, 10**8)):08d}"
    digits = 8 if len(city.area_code) == 2 else 7 + int(rng.random() < 0.5)
    lo = 2 * 10 ** (digits - 1)
    return f"+86 {city.area_code} {int(rng.integers(lo, 10**digits))}"


def cn_email(rng: np.random.Generator, pinyin_name: str) -> str:
    handle = "".join(ch for ch in pinyin_name.lower() if ch.isalpha())[:12] or "info"
    if rng.random() < 0.5:
        return f"{_pick(rng, ('sales', 'export', 'info', 'trade'))}@{handle}.com.cn"
    return f"{handle}{int(rng.integers(1, 999))}@{_pick(rng, _MAIL_DOMAINS)}"


def foreign_company(rng: np.random.Generator, country: Country, sector_word: str) -> str:
    stem = _pick(rng, country.stems)
    form = _pick(rng, country.forms)
    if sector_word.split()[0] in form:
        form = country.forms[0]
    if sector_word.split()[0] in form:
        sector_word = "Industries"
    if rng.random() < 0.35:
        stem = f"{stem} {_pick(rng, country.stems)}"
    return f"{stem} {sector_word} {form}".replace("  ", " ")


FOREIGN_SECTOR_WORDS: tuple[str, ...] = (
    "Metals",
    "Materials",
    "Trading",
    "Industries",
    "Alloys",
    "Resources",
    "Chemicals",
    "Advanced Materials",
    "Technologies",
    "International",
    "Commodities",
    "Electronics",
)


def foreign_person(rng: np.random.Generator, country: Country) -> str:
    return f"{_pick(rng, country.given)} {_pick(rng, country.family)}"


def foreign_address(rng: np.random.Generator, country: Country) -> str:
    zip_code = (
        f"{int(rng.integers(10 ** (country.zip_digits - 1), 10**country.zip_digits))}"
        if country.zip_digits
        else ""
    )
    if country.code == "JP":
        zip_code = f"{zip_code[:3]}-{zip_code[3:]}"
    out = country.address.format(
        n=int(rng.integers(1, 300)),
        m=int(rng.integers(1, 30)),
        k=int(rng.integers(1, 20)),
        street=_pick(rng, country.streets),
        city=_pick(rng, country.cities),
        zip=zip_code,
    )
    return " ".join(out.split()).replace(" ,", ",")


def foreign_phone(rng: np.random.Generator, country: Country) -> str:
    return f"{country.phone} {int(rng.integers(10**8, 10**9))}"


def foreign_email(rng: np.random.Generator, name: str) -> str:
    handle = "".join(ch for ch in name.lower().split(" ")[0] if ch.isalpha())[:10] or "office"
    tld = _pick(rng, ("com", "net", "co"))
    return f"{_pick(rng, ('purchasing', 'info', 'procurement', 'office'))}@{handle}.{tld}"


def foreign_registration(rng: np.random.Generator, country: Country) -> str:
    """A registry number in the country's usual shape (never an 18-char credit code)."""
    c = country.code
    if c == "JP":
        return f"{int(rng.integers(10**12, 10**13))}"
    if c == "DE":
        return f"HRB {int(rng.integers(1000, 300000))}"
    if c == "SG":
        year, num = int(rng.integers(10, 25)), int(rng.integers(10000, 99999))
        return f"20{year}{num}{chr(65 + int(rng.integers(26)))}"
    if c == "US":
        return f"{int(rng.integers(10, 99))}-{int(rng.integers(10**6, 10**7))}"
    if c == "HK":
        return f"{int(rng.integers(10**6, 10**7))}"
    if c == "KR":
        a, b = int(rng.integers(100, 999)), int(rng.integers(10, 99))
        return f"{a}-{b}-{int(rng.integers(10000, 99999))}"
    return f"{c}{int(rng.integers(10**7, 10**9))}"
