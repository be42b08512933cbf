"""Where goods come from, leave from and go to, and the money they are paid in.

Domestic places are Chinese division codes (the customs ``origin_region``), each with
its name, telephone area code and the ports its exporters use: a Ganzhou tungsten
smelter ships from Xiamen or Shenzhen, a Xinjiang silicon plant by rail through
Alashankou. Ports carry the four-digit customs office code that opens every
declaration number. Foreign places say which countries are transshipment hubs and
which ones trade over land with China.
"""

from __future__ import annotations

import datetime as dt
import math

from fifteenthworld.timeline import START

#: division code -> (name zh, name pinyin, telephone area code)
REGIONS: dict[str, tuple[str, str, str]] = {
    "110100": ("北京", "Beijing", "10"),
    "120100": ("天津", "Tianjin", "22"),
    "130100": ("石家庄", "Shijiazhuang", "311"),
    "140100": ("太原", "Taiyuan", "351"),
    "140400": ("长治", "Changzhi", "355"),
    "140900": ("忻州", "Xinzhou", "350"),
    "150100": ("呼和浩特", "Hohhot", "471"),
    "150200": ("包头", "Baotou", "472"),
    "150900": ("乌兰察布", "Ulanqab", "474"),
    "152500": ("锡林郭勒", "Xilingol", "479"),
    "210300": ("鞍山", "Anshan", "412"),
    "210800": ("营口", "Yingkou", "417"),
    "211300": ("朝阳", "Chaoyang", "421"),
    "220200": ("吉林", "Jilin", "432"),
    "230300": ("鸡西", "Jixi", "467"),
    "230400": ("鹤岗", "Hegang", "468"),
    "310115": ("上海浦东", "Shanghai Pudong", "21"),
    "320200": ("无锡", "Wuxi", "510"),
    "320400": ("常州", "Changzhou", "519"),
    "320500": ("苏州", "Suzhou", "512"),
    "320800": ("淮安", "Huai'an", "517"),
    "330100": ("杭州", "Hangzhou", "571"),
    "330200": ("宁波", "Ningbo", "574"),
    "330300": ("温州", "Wenzhou", "577"),
    "330400": ("嘉兴", "Jiaxing", "573"),
    "330700": ("金华", "Jinhua", "579"),
    "330782": ("义乌", "Yiwu", "579"),
    "350200": ("厦门", "Xiamen", "592"),
    "350800": ("龙岩", "Longyan", "597"),
    "350900": ("宁德", "Ningde", "593"),
    "360100": ("南昌", "Nanchang", "791"),
    "360700": ("赣州", "Ganzhou", "797"),
    "360900": ("宜春", "Yichun", "795"),
    "370200": ("青岛", "Qingdao", "532"),
    "370300": ("淄博", "Zibo", "533"),
    "370700": ("潍坊", "Weifang", "536"),
    "371600": ("滨州", "Binzhou", "543"),
    "410100": ("郑州", "Zhengzhou", "371"),
    "410200": ("开封", "Kaifeng", "371"),
    "410300": ("洛阳", "Luoyang", "379"),
    "410400": ("平顶山", "Pingdingshan", "375"),
    "419001": ("济源", "Jiyuan", "391"),
    "430100": ("长沙", "Changsha", "731"),
    "430200": ("株洲", "Zhuzhou", "731"),
    "431000": ("郴州", "Chenzhou", "735"),
    "431300": ("娄底", "Loudi", "738"),
    "433100": ("湘西", "Xiangxi", "743"),
    "440100": ("广州", "Guangzhou", "20"),
    "440200": ("韶关", "Shaoguan", "751"),
    "440300": ("深圳", "Shenzhen", "755"),
    "440600": ("佛山", "Foshan", "757"),
    "441800": ("清远", "Qingyuan", "763"),
    "441900": ("东莞", "Dongguan", "769"),
    "450000": ("广西", "Guangxi", "771"),
    "450100": ("南宁", "Nanning", "771"),
    "451000": ("百色", "Baise", "776"),
    "451200": ("河池", "Hechi", "778"),
    "510100": ("成都", "Chengdu", "28"),
    "510400": ("攀枝花", "Panzhihua", "812"),
    "511100": ("乐山", "Leshan", "833"),
    "511800": ("雅安", "Ya'an", "835"),
    "513400": ("凉山", "Liangshan", "834"),
    "520100": ("贵阳", "Guiyang", "851"),
    "530100": ("昆明", "Kunming", "871"),
    "530600": ("昭通", "Zhaotong", "870"),
    "530900": ("临沧", "Lincang", "883"),
    "532500": ("红河", "Honghe", "873"),
    "610100": ("西安", "Xi'an", "29"),
    "610500": ("渭南", "Weinan", "913"),
    "610800": ("榆林", "Yulin", "912"),
    "620300": ("金昌", "Jinchang", "935"),
    "620900": ("酒泉", "Jiuquan", "937"),
    "640100": ("银川", "Yinchuan", "951"),
    "650100": ("乌鲁木齐", "Urumqi", "991"),
    "652300": ("昌吉", "Changji", "994"),
}

#: Ports: code -> (name, customs office code, modes served).
PORTS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "CNSHA": ("上海港", "2248", ("sea", "post")),
    "CNPVG": ("上海浦东机场", "2233", ("air", "express", "passenger")),
    "CNNGB": ("宁波北仑", "3104", ("sea",)),
    "CNTAO": ("青岛港", "4227", ("sea",)),
    "CNTXG": ("天津新港", "0202", ("sea",)),
    "CNDLC": ("大连港", "0908", ("sea",)),
    "CNLYG": ("连云港", "2305", ("sea",)),
    "CNXMN": ("厦门港", "3702", ("sea", "express")),
    "CNYTN": ("深圳盐田", "5316", ("sea",)),
    "CNSHK": ("深圳蛇口", "5304", ("sea",)),
    "CNNSA": ("广州南沙", "5165", ("sea",)),
    "CNFCG": ("防城港", "7202", ("sea",)),
    "CNQZH": ("钦州港", "7206", ("sea",)),
    "CNPEK": ("北京首都机场", "0101", ("air", "post", "passenger", "express")),
    "CNCAN": ("广州白云机场", "5141", ("air", "express", "post", "passenger")),
    "CNSZX": ("深圳机场/皇岗", "5305", ("air", "express", "road", "passenger")),
    "CNCTU": ("成都双流", "7901", ("air", "rail")),
    "CNCGO": ("郑州新郑", "4606", ("air", "rail", "express")),
    "CNHGH": ("杭州萧山", "2901", ("air", "express")),
    "CNKMG": ("昆明长水", "8601", ("air", "passenger")),
    "CNZUH": ("拱北口岸", "5700", ("road", "passenger")),
    "CNPXG": ("友谊关/凭祥", "7208", ("road", "rail")),
    "CNDXG": ("东兴口岸", "7210", ("road",)),
    "CNHKU": ("河口口岸", "8612", ("road", "rail")),
    "CNAKA": ("阿拉山口", "9408", ("rail", "road")),
    "CNHGS": ("霍尔果斯", "9401", ("road", "rail")),
    "CNKHG": ("喀什/吐尔尕特", "9400", ("road",)),
    "CNERL": ("二连浩特", "0703", ("rail", "road")),
    "CNMZH": ("满洲里", "0600", ("rail", "road")),
    "CNXIY": ("西安国际港", "9013", ("rail",)),
}

#: Province (first two digits of a division) -> preferred ports for sea, air and land.
HOME_PORTS: dict[str, dict[str, tuple[str, ...]]] = {
    "11": {"sea": ("CNTXG",), "air": ("CNPEK",), "land": ("CNERL",)},
    "12": {"sea": ("CNTXG",), "air": ("CNPEK",), "land": ("CNERL",)},
    "13": {"sea": ("CNTXG",), "air": ("CNPEK",), "land": ("CNERL",)},
    "14": {"sea": ("CNTXG", "CNTAO"), "air": ("CNPEK", "CNCGO"), "land": ("CNERL",)},
    "15": {"sea": ("CNTXG",), "air": ("CNPEK",), "land": ("CNERL", "CNMZH")},
    "21": {"sea": ("CNDLC",), "air": ("CNPEK",), "land": ("CNMZH",)},
    "22": {"sea": ("CNDLC",), "air": ("CNPEK",), "land": ("CNMZH",)},
    "23": {"sea": ("CNDLC", "CNTAO"), "air": ("CNPEK",), "land": ("CNMZH",)},
    "31": {"sea": ("CNSHA",), "air": ("CNPVG",), "land": ("CNXIY",)},
    "32": {"sea": ("CNSHA", "CNLYG"), "air": ("CNPVG",), "land": ("CNXIY",)},
    "33": {"sea": ("CNNGB", "CNSHA"), "air": ("CNHGH", "CNPVG"), "land": ("CNXIY",)},
    "35": {"sea": ("CNXMN",), "air": ("CNXMN", "CNCAN"), "land": ("CNPXG",)},
    "36": {"sea": ("CNXMN", "CNYTN", "CNNGB"), "air": ("CNCAN",), "land": ("CNPXG",)},
    "37": {"sea": ("CNTAO",), "air": ("CNPEK",), "land": ("CNERL",)},
    "41": {"sea": ("CNTAO", "CNLYG", "CNTXG"), "air": ("CNCGO",), "land": ("CNAKA",)},
    "43": {"sea": ("CNYTN", "CNSHK", "CNNSA"), "air": ("CNCAN", "CNSZX"), "land": ("CNPXG",)},
    "44": {"sea": ("CNYTN", "CNSHK", "CNNSA"), "air": ("CNCAN", "CNSZX"), "land": ("CNSZX",)},
    "45": {"sea": ("CNFCG", "CNQZH"), "air": ("CNCAN",), "land": ("CNPXG", "CNDXG")},
    "51": {"sea": ("CNSHA", "CNQZH"), "air": ("CNCTU",), "land": ("CNCTU",)},
    "52": {"sea": ("CNQZH", "CNYTN"), "air": ("CNCAN",), "land": ("CNPXG",)},
    "53": {"sea": ("CNFCG", "CNYTN"), "air": ("CNKMG",), "land": ("CNHKU",)},
    "61": {"sea": ("CNTXG", "CNLYG"), "air": ("CNCGO",), "land": ("CNXIY",)},
    "62": {"sea": ("CNTXG",), "air": ("CNCGO",), "land": ("CNAKA",)},
    "64": {"sea": ("CNTXG",), "air": ("CNCGO",), "land": ("CNAKA",)},
    "65": {"sea": ("CNTXG",), "air": ("CNCGO",), "land": ("CNAKA", "CNHGS")},
}

#: Countries reached over land from China, and the crossings used.
LAND: dict[str, tuple[str, ...]] = {
    "VN": ("CNPXG", "CNDXG", "CNHKU"),
    "KZ": ("CNAKA", "CNHGS"),
    "KG": ("CNKHG", "CNHGS"),
    "UZ": ("CNKHG", "CNHGS"),
    "RU": ("CNMZH", "CNERL"),
    "MN": ("CNERL",),
    "HK": ("CNSZX",),
    "MO": ("CNZUH",),
    "LA": ("CNHKU",),
    "MM": ("CNHKU",),
    "PL": ("CNXIY", "CNCTU", "CNCGO"),
    "DE": ("CNXIY", "CNCTU", "CNCGO"),
    "TR": ("CNAKA",),
}

#: Third countries through which controlled goods are re-exported to denied end users.
HUBS = ("VN", "MY", "TH", "AE", "KZ", "KG", "TR", "MX", "IN", "AM", "RS", "HK")
#: Honest stockists: third countries with real, licensed distribution trade.
STOCKISTS = ("SG", "NL", "HK", "AE", "BE")

#: Local currency that a consignee in a country sometimes pays in.
LOCAL_CURRENCY: dict[str, str] = {
    "JP": "JPY",
    "DE": "EUR",
    "NL": "EUR",
    "BE": "EUR",
    "FR": "EUR",
    "IT": "EUR",
    "AT": "EUR",
    "GB": "GBP",
    "HK": "HKD",
    "KR": "KRW",
    "SG": "SGD",
    "AE": "AED",
    "AU": "AUD",
    "CA": "CAD",
}

#: USD per unit at the start; a slow, deterministic drift is applied by :func:`usd_per`.
FX_START: dict[str, float] = {
    "USD": 1.0,
    "CNY": 1 / 7.22,
    "EUR": 1.09,
    "JPY": 1 / 144.0,
    "HKD": 1 / 7.83,
    "KRW": 1 / 1300.0,
    "GBP": 1.27,
    "SGD": 0.74,
    "AED": 1 / 3.6725,
    "AUD": 0.66,
    "CAD": 0.75,
}
FX_DRIFT: dict[str, float] = {"CNY": -0.01, "EUR": 0.03, "JPY": -0.05, "KRW": -0.04, "GBP": 0.02}


def usd_per(currency: str, day: dt.date) -> float:
    """USD value of one unit of ``currency`` on ``day``."""
    base = FX_START[currency]
    if currency in {"USD", "HKD", "AED"}:
        return base
    t = (day - START).days / 365.25
    drift = FX_DRIFT.get(currency, 0.0)
    return base * (1.0 + drift * t + 0.015 * math.sin(2 * math.pi * t * 1.3 + len(currency)))


def region_name(code: str) -> str:
    return REGIONS[code][0]


def ports_for(region: str, mode: str, country: str) -> tuple[str, ...]:
    """Ports an exporter from ``region`` would use for ``mode`` toward ``country``."""
    home = HOME_PORTS.get(region[:2], HOME_PORTS["31"])
    if mode == "sea":
        return home["sea"]
    if mode in {"air", "express"}:
        ports = tuple(p for p in home["air"] if mode in PORTS[p][2])
        return ports or ("CNPVG", "CNCAN", "CNSZX")
    if mode in {"road", "rail"}:
        land = tuple(p for p in LAND.get(country, ()) if mode in PORTS[p][2])
        return land or tuple(p for p in home["land"] if mode in PORTS[p][2]) or ("CNAKA",)
    if mode == "post":
        return ("CNPEK", "CNSHA", "CNCAN")
    return ("CNSZX", "CNZUH", "CNPVG", "CNCAN", "CNKMG", "CNPEK")  # passenger
