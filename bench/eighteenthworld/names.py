"""Names as they appear on paper: Chinese companies in Chinese, English and pinyin,
foreign companies in their own legal forms, people, addresses and their respellings.

A real registry of exporters is bilingual and inconsistent: the same company is
"赣州华鑫钨业有限公司" on one declaration, "Ganzhou Huaxin Tungsten Co., Ltd." on its
licence and "GANZHOU HUAXIN WUYE YOUXIAN GONGSI" in a forwarder's system. Foreign
consignees lose their punctuation and legal forms in transit. Those variants are honest
and everywhere; this module makes them.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

#: (Chinese, pinyin, English, division code, strength tags)
CITIES: tuple[tuple[str, str, str, str, str], ...] = (
    ("赣州", "Ganzhou", "Ganzhou", "360700", "tungsten ree"),
    ("郴州", "Chenzhou", "Chenzhou", "431000", "antimony bismuth tungsten"),
    ("冷水江", "Lengshuijiang", "Lengshuijiang", "431381", "antimony"),
    ("包头", "Baotou", "Baotou", "150200", "ree"),
    ("昆明", "Kunming", "Kunming", "530100", "germanium"),
    ("临沧", "Lincang", "Lincang", "530900", "germanium"),
    ("百色", "Baise", "Baise", "451000", "gallium"),
    ("鸡西", "Jixi", "Jixi", "230300", "graphite"),
    ("鹤岗", "Hegang", "Hegang", "230400", "graphite"),
    ("厦门", "Xiamen", "Xiamen", "350200", "tungsten trade"),
    ("宁波", "Ningbo", "Ningbo", "330200", "trade scrap"),
    ("义乌", "Yiwu", "Yiwu", "330782", "market"),
    ("深圳", "Shenzhen", "Shenzhen", "440300", "trade device ecom"),
    ("东莞", "Dongguan", "Dongguan", "441900", "manuf device"),
    ("上海", "Shanghai", "Shanghai", "310000", "trade"),
    ("天津", "Tianjin", "Tianjin", "120000", "trade scrap"),
    ("青岛", "Qingdao", "Qingdao", "370200", "trade graphite"),
    ("长沙", "Changsha", "Changsha", "430100", "antimony trade"),
    ("株洲", "Zhuzhou", "Zhuzhou", "430200", "tungsten alloy"),
    ("龙岩", "Longyan", "Longyan", "350800", "ree"),
    ("清远", "Qingyuan", "Qingyuan", "441800", "scrap"),
    ("台州", "Taizhou", "Taizhou", "331000", "scrap"),
    ("佛山", "Foshan", "Foshan", "440600", "manuf"),
    ("潮州", "Chaozhou", "Chaozhou", "445100", "manuf"),
    ("永康", "Yongkang", "Yongkang", "330784", "manuf market"),
    ("广州", "Guangzhou", "Guangzhou", "440100", "trade ecom"),
    ("杭州", "Hangzhou", "Hangzhou", "330100", "ecom trade"),
    ("苏州", "Suzhou", "Suzhou", "320500", "manuf device"),
    ("武汉", "Wuhan", "Wuhan", "420100", "device"),
    ("南宁", "Nanning", "Nanning", "450100", "trade"),
    ("乌鲁木齐", "Wulumuqi", "Urumqi", "650100", "trade"),
)

BRANDS: tuple[tuple[str, str], ...] = (
    ("华鑫", "Huaxin"),
    ("金泰", "Jintai"),
    ("恒达", "Hengda"),
    ("瑞丰", "Ruifeng"),
    ("宏源", "Hongyuan"),
    ("中科", "Zhongke"),
    ("鼎盛", "Dingsheng"),
    ("新宇", "Xinyu"),
    ("博远", "Boyuan"),
    ("天成", "Tiancheng"),
    ("嘉利", "Jiali"),
    ("汇通", "Huitong"),
    ("晟邦", "Shengbang"),
    ("旭日", "Xuri"),
    ("锦程", "Jincheng"),
    ("万隆", "Wanlong"),
    ("海纳", "Haina"),
    ("凯盛", "Kaisheng"),
    ("永泰", "Yongtai"),
    ("正源", "Zhengyuan"),
    ("德润", "Derun"),
    ("融达", "Rongda"),
    ("昊天", "Haotian"),
    ("诚信", "Chengxin"),
    ("东方", "Dongfang"),
    ("泰和", "Taihe"),
    ("银河", "Yinhe"),
    ("光明", "Guangming"),
    ("长城", "Changcheng"),
    ("安达", "Anda"),
    ("鑫源", "Xinyuan"),
    ("聚合", "Juhe"),
    ("远航", "Yuanhang"),
    ("百川", "Baichuan"),
    ("顺达", "Shunda"),
    ("星辰", "Xingchen"),
    ("华锐", "Huarui"),
    ("金鹏", "Jinpeng"),
    ("宝丰", "Baofeng"),
    ("盛世", "Shengshi"),
    ("明德", "Mingde"),
    ("富源", "Fuyuan"),
    ("佳信", "Jiaxin"),
    ("同创", "Tongchuang"),
    ("润泽", "Runze"),
    ("祥云", "Xiangyun"),
    ("兴业", "Xingye"),
    ("恒通", "Hengtong"),
    ("宇航", "Yuhang"),
    ("金石", "Jinshi"),
    ("卓越", "Zhuoyue"),
    ("华夏", "Huaxia"),
    ("创远", "Chuangyuan"),
    ("蓝海", "Lanhai"),
    ("君安", "Junan"),
    ("国泰", "Guotai"),
)

#: kind -> (Chinese, pinyin, English)
INDUSTRIES: dict[str, tuple[str, str, str]] = {
    "tungsten": ("钨业", "Wuye", "Tungsten"),
    "antimony": ("锑业", "Tiye", "Antimony"),
    "ree": ("稀土", "Xitu", "Rare Earth"),
    "germanium": ("锗业", "Zheye", "Germanium"),
    "gallium": ("镓业", "Jiaye", "Gallium"),
    "graphite": ("石墨", "Shimo", "Graphite"),
    "materials": ("新材料", "Xincailiao", "New Materials"),
    "metals": ("金属", "Jinshu", "Metals"),
    "recycling": ("再生资源", "Zaisheng Ziyuan", "Renewable Resources"),
    "trade": ("国际贸易", "Guoji Maoyi", "International Trade"),
    "impex": ("进出口", "Jinchukou", "Import & Export"),
    "supply": ("供应链", "Gongyinglian", "Supply Chain"),
    "optics": ("光电", "Guangdian", "Optoelectronics"),
    "ceramics": ("陶瓷", "Taoci", "Ceramics"),
    "hardware": ("五金", "Wujin", "Hardware"),
    "ecom": ("电子商务", "Dianzi Shangwu", "E-Commerce"),
    "alloy": ("合金", "Hejin", "Alloy"),
    "magnetics": ("磁材", "Cicai", "Magnetic Materials"),
    "logistics": ("物流", "Wuliu", "Logistics"),
    "chemical": ("化工", "Huagong", "Chemical"),
    "electronics": ("电子", "Dianzi", "Electronics"),
    "semiconductor": ("半导体", "Bandaoti", "Semiconductor"),
    "customs": ("报关", "Baoguan", "Customs Brokerage"),
}
SUFFIXES: tuple[tuple[str, str, str], ...] = (
    ("有限公司", "Youxian Gongsi", "Co., Ltd."),
    ("有限公司", "Youxian Gongsi", "Co., Ltd."),
    ("有限公司", "Youxian Gongsi", "Co., Ltd."),
    ("股份有限公司", "Gufen Youxian Gongsi", "Co., Ltd."),
    ("有限责任公司", "Youxian Zeren Gongsi", "Co., Ltd."),
)
PARKS: tuple[str, ...] = (
    "高新技术产业开发区",
    "经济技术开发区",
    "循环经济产业园",
    "工业园区",
    "综合保税区",
    "有色金属产业园",
    "新材料产业园",
    "物流园",
)
STREETS: tuple[str, ...] = (
    "兴业路",
    "创新大道",
    "工业大道",
    "科技路",
    "金山路",
    "长江路",
    "黄河路",
    "发展大道",
    "新华路",
    "人民路",
    "永安路",
    "富民路",
)

SURNAMES: tuple[tuple[str, str], ...] = (
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
    ("高", "Gao"),
    ("梁", "Liang"),
    ("谢", "Xie"),
    ("邓", "Deng"),
    ("曾", "Zeng"),
)
GIVEN: tuple[tuple[str, str], ...] = (
    ("伟", "Wei"),
    ("芳", "Fang"),
    ("娜", "Na"),
    ("敏", "Min"),
    ("静", "Jing"),
    ("强", "Qiang"),
    ("磊", "Lei"),
    ("军", "Jun"),
    ("洋", "Yang"),
    ("勇", "Yong"),
    ("艳", "Yan"),
    ("杰", "Jie"),
    ("涛", "Tao"),
    ("明", "Ming"),
    ("超", "Chao"),
    ("秀英", "Xiuying"),
    ("建华", "Jianhua"),
    ("志强", "Zhiqiang"),
    ("海燕", "Haiyan"),
    ("国平", "Guoping"),
    ("晓东", "Xiaodong"),
    ("春梅", "Chunmei"),
    ("宏伟", "Hongwei"),
    ("文博", "Wenbo"),
    ("子轩", "Zixuan"),
    ("俊杰", "Junjie"),
)

#: country -> (legal forms, stems, streets/cities for addresses, person first, person last)
FOREIGN: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "JP": (
        ("Co., Ltd.", "K.K.", "Shoji Co., Ltd.", "Kinzoku Co., Ltd."),
        ("Asahi", "Kyowa", "Tokai", "Nippon Rare", "Sanwa", "Chuo", "Hokuriku", "Meiwa"),
        ("Chuo-ku, Tokyo", "Minato-ku, Tokyo", "Kita-ku, Osaka", "Naka-ku, Nagoya"),
    ),
    "KR": (
        ("Co., Ltd.", "Corporation", "Materials Co., Ltd."),
        ("Hanil", "Daesung", "Korea Zinc", "Seoul Metal", "Dongbu", "Samhwa", "Kumho"),
        ("Gangnam-gu, Seoul", "Namdong-gu, Incheon", "Ulsan", "Gumi-si"),
    ),
    "DE": (
        ("GmbH", "Metallhandel GmbH", "AG", "GmbH & Co. KG"),
        ("Rhein", "Elbe", "Nordmet", "Hansa", "Saxon", "Bavaria", "Ruhr", "Weser"),
        ("Hamburg", "Düsseldorf", "Frankfurt am Main", "Freiberg", "Hanau"),
    ),
    "NL": (
        ("B.V.", "Metals B.V.", "Trading B.V."),
        ("Maas", "Delta", "Orange", "Holland", "Zuid"),
        ("Rotterdam", "Amsterdam", "Eindhoven"),
    ),
    "BE": (
        ("NV", "SA", "BV"),
        ("Antwerp", "Scheldt", "Flanders", "Meuse"),
        ("Antwerpen", "Brussels", "Olen"),
    ),
    "US": (
        ("Inc.", "LLC", "Corp.", "Materials Inc."),
        (
            "Atlas",
            "Pioneer",
            "Summit",
            "Keystone",
            "Liberty",
            "Frontier",
            "Cascade",
            "Great Lakes",
            "Apex",
        ),
        ("Houston, TX", "Pittsburgh, PA", "Phoenix, AZ", "Newark, NJ", "Cleveland, OH"),
    ),
    "GB": (
        ("Ltd", "Limited", "plc"),
        ("Albion", "Thames", "Pennine", "Mercia"),
        ("London", "Sheffield", "Birmingham"),
    ),
    "FR": (
        ("SAS", "SA", "SARL"),
        ("Lumière", "Provence", "Alpine", "Loire"),
        ("Lyon", "Paris", "Grenoble"),
    ),
    "IT": (
        ("S.r.l.", "S.p.A."),
        ("Adriatica", "Lombarda", "Etna", "Tirreno"),
        ("Milano", "Brescia", "Torino"),
    ),
    "PL": (("Sp. z o.o.",), ("Wisła", "Baltyk", "Karpaty"), ("Warszawa", "Katowice")),
    "IN": (
        ("Pvt. Ltd.", "Alloys Pvt. Ltd.", "Industries Ltd."),
        ("Deccan", "Ganges", "Shakti", "Vijay", "Sahyadri", "Kaveri"),
        ("Mumbai", "Pune", "Chennai", "Ahmedabad"),
    ),
    "VN": (
        ("Company Limited", "JSC", "Co., Ltd."),
        ("Mekong", "Saigon", "Hong Ha", "Viet"),
        ("Ho Chi Minh City", "Hai Phong", "Bac Ninh"),
    ),
    "MY": (
        ("Sdn. Bhd.", "Trading Sdn. Bhd."),
        ("Sentosa", "Cahaya", "Bintang", "Melaka"),
        ("Port Klang, Selangor", "Johor Bahru", "Penang"),
    ),
    "TH": (
        ("Co., Ltd.", "Public Co., Ltd."),
        ("Siam", "Chao Phraya", "Lanna"),
        ("Bangkok", "Rayong", "Chonburi"),
    ),
    "SG": (("Pte. Ltd.",), ("Merlion", "Raffles", "Straits", "Jurong"), ("Singapore",)),
    "HK": (
        ("Limited", "(HK) Limited", "Trading Limited"),
        ("Victoria", "Kowloon", "Harbour", "Pearl"),
        ("Kwun Tong, Kowloon", "Wan Chai, Hong Kong"),
    ),
    "AE": (
        ("FZE", "FZCO", "General Trading LLC", "DMCC"),
        ("Emirates", "Gulf", "Falcon", "Oasis", "Najma", "Al Noor"),
        ("Jebel Ali Free Zone, Dubai", "Business Bay, Dubai", "SAIF Zone, Sharjah"),
    ),
    "TR": (
        ("A.Ş.", "Metal Sanayi ve Ticaret A.Ş.", "Ltd. Şti."),
        ("Anadolu", "Bosphorus", "Marmara", "Ege"),
        ("Istanbul", "Izmir", "Gebze"),
    ),
    "KZ": (
        ("LLP", "TOO"),
        ("Steppe", "Altai", "Saryarka", "Khorgos"),
        ("Almaty", "Khorgos ICBC", "Astana"),
    ),
    "RU": (
        ("OOO", "JSC"),
        ("Ural", "Volga", "Sibir", "Neva"),
        ("Moscow", "Yekaterinburg", "St Petersburg"),
    ),
    "MX": (("S.A. de C.V.",), ("Azteca", "Sierra", "Norteña"), ("Monterrey", "Querétaro")),
    "CA": (("Inc.", "Ltd."), ("Maple", "Laurentian", "Fraser"), ("Toronto, ON", "Vancouver, BC")),
    "TW": (("Co., Ltd.", "Corp."), ("Formosa", "Jade", "Tamsui"), ("Hsinchu", "Taoyuan")),
    "ID": (("PT",), ("Nusantara", "Garuda", "Bintan"), ("Jakarta", "Batam")),
    "BR": (("Ltda.", "S.A."), ("Paulista", "Atlântico", "Minas"), ("São Paulo", "Campinas")),
    "AU": (("Pty Ltd",), ("Southern Cross", "Coral", "Pilbara"), ("Perth, WA", "Sydney, NSW")),
}
#: Stems any trading house anywhere may use, so that large worlds do not run out of names.
COMMON_STEMS = (
    "Nova",
    "Prime",
    "Global",
    "Eastern",
    "United",
    "Golden",
    "Silver",
    "Blue River",
    "Green Valley",
    "Silk Road",
    "Orient",
    "Continental",
    "Polaris",
    "Unity",
    "Crescent",
    "Horizon",
    "Meridian",
    "Zenith",
    "Vanguard",
    "Trident",
    "Coastal",
    "Northern Star",
    "Evergreen",
    "Sunrise",
    "Pinnacle",
    "Alliance",
    "Capital",
    "Heritage",
    "Phoenix",
    "Sapphire",
    "Emerald",
    "Granite",
    "Harbor",
    "Lotus",
)
_STEM_TAILS = (
    "Metals",
    "Materials",
    "Resources",
    "Industries",
    "Trading",
    "Technologies",
    "Alloys",
    "Chemicals",
    "Components",
    "Minerals",
)
_PREFIX_FORMS = ("PT", "OOO", "TOO")
_DESCRIPTIVE = (
    "Metallhandel",
    "Shoji",
    "Kinzoku",
    "Materials",
    "Alloys",
    "Trading",
    "Metal ",
    "Industries",
    "Metals",
)
FIRST = (
    "John",
    "Maria",
    "David",
    "Anna",
    "Ahmed",
    "Mehmet",
    "Hiroshi",
    "Min-jun",
    "Lim",
    "Nguyen",
    "Raj",
    "Olga",
    "Peter",
    "Sara",
    "Omar",
    "Yuki",
    "Carlos",
    "Fatima",
    "James",
    "Elena",
    "Arjun",
    "Ivan",
    "Kenji",
    "Thomas",
)
LAST = (
    "Miller",
    "Schmidt",
    "Al Mansoori",
    "Yilmaz",
    "Tanaka",
    "Kim",
    "Wei Ming",
    "Van Long",
    "Patel",
    "Ivanova",
    "de Vries",
    "Rossi",
    "Haddad",
    "Sato",
    "Garcia",
    "Hussain",
    "Carter",
    "Novak",
    "Sharma",
    "Petrov",
    "Nakamura",
    "Dubois",
)


@dataclass
class CnName:
    zh: str
    py: str
    en: str

    def variants(self) -> tuple[str, ...]:
        return (
            self.zh,
            self.en,
            self.py.upper(),
            self.en.upper().replace(",", "").replace(".", ""),
        )


class Namer:
    """Hands out unique names; one per world, seeded by the world's generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def city(self, tag: str | None = None) -> tuple[str, str, str, str, str]:
        pool = [c for c in CITIES if tag is None or tag in c[4].split()]
        return self.rng.choice(pool or list(CITIES))

    def chinese(self, city: tuple[str, str, str, str, str], industry: str) -> CnName:
        ind_zh, ind_py, ind_en = INDUSTRIES[industry]
        for _ in range(200):
            brand_zh, brand_py = self.rng.choice(BRANDS)
            suf_zh, suf_py, suf_en = self.rng.choice(SUFFIXES)
            zh = f"{city[0]}{brand_zh}{ind_zh}{suf_zh}"
            if zh not in self.used:
                self.used.add(zh)
                return CnName(
                    zh,
                    f"{city[1]} {brand_py} {ind_py} {suf_py}",
                    f"{city[2]} {brand_py} {ind_en} {suf_en}",
                )
        raise RuntimeError("ran out of Chinese company names")

    def foreign(self, country: str, tail: str | None = None) -> str:
        forms, stems, _ = FOREIGN[country]
        for attempt in range(300):
            stem = self.rng.choice(
                stems if attempt < 30 or self.rng.random() < 0.3 else COMMON_STEMS
            )
            middle = (tail if attempt < 20 else None) or self.rng.choice(_STEM_TAILS)
            form = self.rng.choice(forms)
            if form in _PREFIX_FORMS:
                name = f"{form} {stem} {middle}"
            elif any(word in form for word in _DESCRIPTIVE):
                name = f"{stem} {form}"
            else:
                name = f"{stem} {middle} {form}"
            if name not in self.used:
                self.used.add(name)
                return name
        # the pools are finite and a world may be large: number the stem
        name = f"{self.rng.choice(stems)} {self.rng.randrange(2, 999)} {self.rng.choice(forms)}"
        self.used.add(name)
        return name

    def foreign_address(self, country: str) -> str:
        _, _, places = FOREIGN[country]
        place = self.rng.choice(places)
        if "Free Zone" in place or "SAIF" in place:
            return f"Office {self.rng.randrange(1, 40)}{self.rng.randrange(10, 99)}, {place}"
        if "Business Bay" in place:
            return f"Suite {self.rng.randrange(5, 40)}{self.rng.randrange(1, 30):02d}, {place}"
        street = self.rng.choice(("Industrial", "Harbour", "Central", "Station", "Park", "Market"))
        kind = self.rng.choice(("Road", "Street", "Avenue", "Way"))
        return f"{self.rng.randrange(1, 300)} {street} {kind}, {place}"

    def chinese_address(self, city: tuple[str, str, str, str, str], park: str | None = None) -> str:
        park = park or self.rng.choice(PARKS)
        return f"{city[0]}市{park}{self.rng.choice(STREETS)}{self.rng.randrange(1, 300)}号"

    def chinese_person(self) -> tuple[str, str]:
        s_zh, s_py = self.rng.choice(SURNAMES)
        g_zh, g_py = self.rng.choice(GIVEN)
        return f"{s_zh}{g_zh}", f"{s_py.upper()} {g_py}"

    def foreign_person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"


def respell(rng: random.Random, name: str) -> str:
    """A clerk's rendering of a foreign name: case, punctuation, legal form, spacing."""
    r = rng.random()
    if r < 0.3:
        return name.upper()
    if r < 0.5:
        return name.replace(",", "").replace(".", "")
    if r < 0.65:
        return (
            name.replace("Co., Ltd.", "Company Limited")
            .replace("Ltd.", "Limited")
            .replace("Inc.", "Incorporated")
        )
    if r < 0.8:
        return name.replace(" ", "  ", 1)
    if r < 0.9:
        words = name.split()
        return " ".join(words[:-1]) if len(words) > 2 else name
    return name.lower().title()
