"""Where goods come from, where they leave, and where they go.

Domestic places are division codes (the ``origin_region`` customs writes) grouped by
the minerals they are known for: alumina belts for gallium, zinc and lignite districts
for germanium, Lengshuijiang and Hechi for antimony, Ganzhou for tungsten and ionic
heavy rare earths, Baotou for light rare earths, Heilongjiang for flake graphite.
Ports are UN/LOCODEs with the 4-digit customs district that numbers their declarations.
Countries carry what the world needs to write about them: language of names, currency,
calling code, cities, and whether goods can reach them by road or rail.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Division code -> (province code, Chinese name, pinyin).
REGIONS: dict[str, tuple[str, str, str]] = {
    "110000": ("11", "北京", "Beijing"),
    "120000": ("12", "天津", "Tianjin"),
    "140100": ("14", "太原", "Taiyuan"),
    "140900": ("14", "忻州", "Xinzhou"),
    "150200": ("15", "包头", "Baotou"),
    "150700": ("15", "呼伦贝尔", "Hulunbuir"),
    "152500": ("15", "锡林郭勒", "Xilingol"),
    "230300": ("23", "鸡西", "Jixi"),
    "230400": ("23", "鹤岗", "Hegang"),
    "310000": ("31", "上海", "Shanghai"),
    "320200": ("32", "无锡", "Wuxi"),
    "320400": ("32", "常州", "Changzhou"),
    "320500": ("32", "苏州", "Suzhou"),
    "330200": ("33", "宁波", "Ningbo"),
    "330700": ("33", "金华", "Jinhua"),
    "350200": ("35", "厦门", "Xiamen"),
    "350800": ("35", "龙岩", "Longyan"),
    "350900": ("35", "宁德", "Ningde"),
    "360700": ("36", "赣州", "Ganzhou"),
    "360100": ("36", "南昌", "Nanchang"),
    "370200": ("37", "青岛", "Qingdao"),
    "371600": ("37", "滨州", "Binzhou"),
    "410100": ("41", "郑州", "Zhengzhou"),
    "410300": ("41", "洛阳", "Luoyang"),
    "430100": ("43", "长沙", "Changsha"),
    "430200": ("43", "株洲", "Zhuzhou"),
    "431000": ("43", "郴州", "Chenzhou"),
    "431381": ("43", "冷水江", "Lengshuijiang"),
    "440100": ("44", "广州", "Guangzhou"),
    "440300": ("44", "深圳", "Shenzhen"),
    "440600": ("44", "佛山", "Foshan"),
    "441900": ("44", "东莞", "Dongguan"),
    "450100": ("45", "南宁", "Nanning"),
    "451000": ("45", "百色", "Baise"),
    "451200": ("45", "河池", "Hechi"),
    "510100": ("51", "成都", "Chengdu"),
    "513400": ("51", "凉山", "Liangshan"),
    "530100": ("53", "昆明", "Kunming"),
    "530300": ("53", "曲靖", "Qujing"),
    "610100": ("61", "西安", "Xi'an"),
    "650100": ("65", "乌鲁木齐", "Urumqi"),
}

#: Province code -> licence office code and the ports its goods usually leave from.
PROVINCE_PORTS: dict[str, tuple[str, ...]] = {
    "11": ("CNTXG", "CNPEK"),
    "12": ("CNTXG",),
    "14": ("CNTXG", "CNTAO"),
    "15": ("CNTXG", "CNBAV"),
    "23": ("CNDLC", "CNTXG"),
    "31": ("CNSHA", "CNPVG"),
    "32": ("CNSHA", "CNLYG", "CNPVG"),
    "33": ("CNNGB", "CNSHA"),
    "35": ("CNXMN", "CNFOC"),
    "36": ("CNXMN", "CNYTN", "CNSHA"),
    "37": ("CNTAO",),
    "41": ("CNTAO", "CNCGO", "CNLYG"),
    "43": ("CNYTN", "CNNSA", "CNSHA", "CNCSX"),
    "44": ("CNYTN", "CNSHK", "CNNSA", "CNCAN"),
    "45": ("CNNSA", "CNNNG", "CNYTN"),
    "51": ("CNSHA", "CNCTU", "CNCKG"),
    "53": ("CNKMG", "CNYTN", "CNNSA"),
    "61": ("CNXIY", "CNTAO"),
    "65": ("CNURC",),
}

#: Port -> (customs district code used in declaration numbers, modes it handles).
PORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "CNSHA": ("2248", ("sea",)),
    "CNPVG": ("2233", ("air", "express", "post", "passenger")),
    "CNNGB": ("3104", ("sea", "post")),
    "CNYTN": ("5316", ("sea",)),
    "CNSHK": ("5304", ("sea",)),
    "CNSZX": ("5301", ("road", "express", "post", "passenger", "air")),
    "CNNSA": ("5183", ("sea",)),
    "CNCAN": ("5141", ("air", "express", "post", "passenger")),
    "CNTAO": ("4258", ("sea",)),
    "CNTXG": ("0202", ("sea",)),
    "CNPEK": ("0101", ("air", "express", "post", "passenger")),
    "CNXMN": ("3702", ("sea", "air")),
    "CNFOC": ("3501", ("sea",)),
    "CNLYG": ("2301", ("sea", "rail")),
    "CNDLC": ("0902", ("sea",)),
    "CNCGO": ("4610", ("rail", "air", "express")),
    "CNXIY": ("9002", ("rail", "air")),
    "CNCKG": ("8001", ("rail", "air")),
    "CNCTU": ("7901", ("rail", "air", "passenger")),
    "CNCSX": ("4901", ("air", "rail")),
    "CNKMG": ("8601", ("road", "air", "rail", "passenger")),
    "CNNNG": ("7201", ("road", "rail")),
    "CNURC": ("9401", ("road", "rail", "air")),
    "CNBAV": ("0704", ("road", "rail")),
    "CNZUH": ("5701", ("road", "passenger")),
    "CNHGH": ("2901", ("express", "air", "post")),
}

MODE_PORTS: dict[str, tuple[str, ...]] = {
    mode: tuple(p for p, (_, modes) in PORTS.items() if mode in modes)
    for mode in ("sea", "air", "road", "rail", "post", "express", "passenger")
}


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    currency: str
    calling: str
    cities: tuple[str, ...]
    style: str  # how company names are written there
    road: bool = False  # reachable by road from a Chinese land port
    rail: bool = False
    sea: bool = True
    road_port: str = ""


_C = Country
COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        _C(
            "JP",
            "Japan",
            "JPY",
            "81",
            ("Tokyo", "Osaka", "Nagoya", "Yokohama", "Kobe", "Kitakyushu"),
            "jp",
        ),
        _C(
            "KR",
            "Korea",
            "KRW",
            "82",
            ("Seoul", "Incheon", "Busan", "Ulsan", "Pyeongtaek", "Gumi"),
            "kr",
        ),
        _C(
            "TW",
            "Taiwan",
            "TWD",
            "886",
            ("Taipei", "Hsinchu", "Taichung", "Kaohsiung", "Tainan"),
            "tw",
        ),
        _C(
            "HK",
            "Hong Kong",
            "HKD",
            "852",
            ("Kowloon", "Kwun Tong", "Tsuen Wan", "Wan Chai", "Sheung Wan"),
            "hk",
            road=True,
            road_port="CNSZX",
        ),
        _C(
            "US",
            "United States",
            "USD",
            "1",
            ("Houston", "Newark", "Los Angeles", "Chicago", "Pittsburgh", "Phoenix", "Boston"),
            "us",
        ),
        _C("CA", "Canada", "CAD", "1", ("Toronto", "Vancouver", "Montreal", "Calgary"), "ca"),
        _C(
            "MX",
            "Mexico",
            "MXN",
            "52",
            ("Monterrey", "Guadalajara", "Queretaro", "Tijuana", "Saltillo"),
            "mx",
        ),
        _C("BR", "Brazil", "BRL", "55", ("Sao Paulo", "Campinas", "Joinville", "Curitiba"), "br"),
        _C(
            "DE",
            "Germany",
            "EUR",
            "49",
            ("Hamburg", "Duisburg", "Frankfurt", "Stuttgart", "Munich", "Dusseldorf"),
            "de",
            rail=True,
        ),
        _C(
            "NL",
            "Netherlands",
            "EUR",
            "31",
            ("Rotterdam", "Amsterdam", "Eindhoven", "Venlo"),
            "nl",
            rail=True,
        ),
        _C(
            "BE", "Belgium", "EUR", "32", ("Antwerp", "Brussels", "Ghent", "Liege"), "be", rail=True
        ),
        _C("FR", "France", "EUR", "33", ("Paris", "Lyon", "Le Havre", "Grenoble"), "fr"),
        _C(
            "GB",
            "United Kingdom",
            "GBP",
            "44",
            ("London", "Birmingham", "Sheffield", "Manchester"),
            "gb",
        ),
        _C("IT", "Italy", "EUR", "39", ("Milan", "Turin", "Brescia", "Bologna"), "it"),
        _C("ES", "Spain", "EUR", "34", ("Barcelona", "Madrid", "Valencia", "Bilbao"), "es"),
        _C("PL", "Poland", "PLN", "48", ("Warsaw", "Wroclaw", "Lodz", "Gdansk"), "pl", rail=True),
        _C(
            "CZ", "Czechia", "CZK", "420", ("Prague", "Brno", "Ostrava"), "cz", sea=False, rail=True
        ),
        _C(
            "HU",
            "Hungary",
            "HUF",
            "36",
            ("Budapest", "Debrecen", "Gyor"),
            "hu",
            sea=False,
            rail=True,
        ),
        _C(
            "AT",
            "Austria",
            "EUR",
            "43",
            ("Vienna", "Linz", "Reutte", "Graz"),
            "at",
            sea=False,
            rail=True,
        ),
        _C("SE", "Sweden", "SEK", "46", ("Stockholm", "Gothenburg", "Sandviken"), "se"),
        _C("CH", "Switzerland", "CHF", "41", ("Zurich", "Basel", "Geneva"), "ch", sea=False),
        _C("EE", "Estonia", "EUR", "372", ("Tallinn", "Sillamae", "Narva"), "ee"),
        _C(
            "IN",
            "India",
            "INR",
            "91",
            ("Mumbai", "Chennai", "Pune", "Ahmedabad", "Bengaluru", "Delhi"),
            "in",
        ),
        _C("PK", "Pakistan", "PKR", "92", ("Karachi", "Lahore", "Faisalabad"), "pk"),
        _C("BD", "Bangladesh", "BDT", "880", ("Dhaka", "Chittagong"), "bd"),
        _C(
            "VN",
            "Viet Nam",
            "VND",
            "84",
            ("Hai Phong", "Ho Chi Minh City", "Hanoi", "Bac Ninh", "Dong Nai", "Lang Son"),
            "vn",
            road=True,
            rail=True,
            road_port="CNNNG",
        ),
        _C(
            "LA",
            "Laos",
            "LAK",
            "856",
            ("Vientiane", "Luang Namtha"),
            "la",
            sea=False,
            road=True,
            rail=True,
            road_port="CNKMG",
        ),
        _C(
            "MM",
            "Myanmar",
            "MMK",
            "95",
            ("Yangon", "Mandalay", "Muse"),
            "mm",
            road=True,
            road_port="CNKMG",
        ),
        _C(
            "TH",
            "Thailand",
            "THB",
            "66",
            ("Bangkok", "Rayong", "Laem Chabang", "Chonburi"),
            "th",
            road=True,
            road_port="CNKMG",
        ),
        _C(
            "MY",
            "Malaysia",
            "MYR",
            "60",
            ("Port Klang", "Penang", "Johor Bahru", "Kuantan", "Kuala Lumpur"),
            "my",
        ),
        _C("SG", "Singapore", "SGD", "65", ("Singapore",), "sg"),
        _C("ID", "Indonesia", "IDR", "62", ("Jakarta", "Surabaya", "Batam", "Morowali"), "id"),
        _C("PH", "Philippines", "PHP", "63", ("Manila", "Cebu", "Laguna"), "ph"),
        _C(
            "AE",
            "United Arab Emirates",
            "AED",
            "971",
            ("Dubai", "Sharjah", "Jebel Ali", "Abu Dhabi"),
            "ae",
        ),
        _C("SA", "Saudi Arabia", "SAR", "966", ("Jeddah", "Dammam", "Riyadh"), "sa"),
        _C(
            "TR",
            "Turkiye",
            "TRY",
            "90",
            ("Istanbul", "Izmir", "Bursa", "Mersin", "Kocaeli"),
            "tr",
            rail=True,
        ),
        _C("IL", "Israel", "ILS", "972", ("Haifa", "Tel Aviv", "Ashdod"), "il"),
        _C("EG", "Egypt", "EGP", "20", ("Alexandria", "Cairo", "Port Said"), "eg"),
        _C("ZA", "South Africa", "ZAR", "27", ("Johannesburg", "Durban", "Cape Town"), "za"),
        _C(
            "KZ",
            "Kazakhstan",
            "KZT",
            "7",
            ("Almaty", "Astana", "Shymkent", "Khorgos"),
            "kz",
            sea=False,
            road=True,
            rail=True,
            road_port="CNURC",
        ),
        _C(
            "KG",
            "Kyrgyzstan",
            "KGS",
            "996",
            ("Bishkek", "Osh"),
            "kg",
            sea=False,
            road=True,
            rail=True,
            road_port="CNURC",
        ),
        _C(
            "UZ",
            "Uzbekistan",
            "UZS",
            "998",
            ("Tashkent", "Samarkand"),
            "uz",
            sea=False,
            road=True,
            rail=True,
            road_port="CNURC",
        ),
        _C(
            "RU",
            "Russia",
            "RUB",
            "7",
            ("Moscow", "Saint Petersburg", "Yekaterinburg", "Novosibirsk", "Vladivostok"),
            "ru",
            road=True,
            rail=True,
            road_port="CNURC",
        ),
        _C(
            "MN",
            "Mongolia",
            "MNT",
            "976",
            ("Ulaanbaatar", "Zamyn-Uud"),
            "mn",
            sea=False,
            road=True,
            rail=True,
            road_port="CNBAV",
        ),
        _C("RS", "Serbia", "RSD", "381", ("Belgrade", "Novi Sad"), "rs", sea=False, rail=True),
        _C("AM", "Armenia", "AMD", "374", ("Yerevan", "Gyumri"), "am", sea=False),
        _C("GE", "Georgia", "GEL", "995", ("Tbilisi", "Poti", "Batumi"), "ge"),
        _C("AU", "Australia", "AUD", "61", ("Sydney", "Melbourne", "Perth", "Brisbane"), "au"),
    )
}

#: Third countries through which controlled goods have been re-routed (Southeast and
#: Central Asia, the Gulf, the Caucasus), as enforcement agencies describe it.
HOP_COUNTRIES: tuple[str, ...] = (
    "VN",
    "MY",
    "TH",
    "KZ",
    "KG",
    "AE",
    "TR",
    "IN",
    "MX",
    "AM",
    "GE",
    "RS",
    "LA",
    "UZ",
)

#: Honest hub distributors' countries (stockists that re-export a share of what they buy).
HUB_COUNTRIES: tuple[str, ...] = ("NL", "SG", "AE", "HK", "BE", "US", "DE")

#: Declared-value currency per unit of US dollar (mid 2025) and a yearly drift.
FX: dict[str, tuple[float, float]] = {
    "USD": (1.0, 0.0),
    "CNY": (7.18, -0.02),
    "EUR": (0.91, -0.02),
    "JPY": (150.0, -2.0),
    "HKD": (7.80, 0.0),
    "KRW": (1370.0, 15.0),
    "GBP": (0.78, -0.01),
    "SGD": (1.34, -0.01),
    "AED": (3.6725, 0.0),
}


def ports_for(province: str, mode: str) -> tuple[str, ...]:
    """Ports a province's goods would leave from by ``mode`` (its own first)."""
    own = tuple(p for p in PROVINCE_PORTS.get(province, ()) if p in MODE_PORTS[mode])
    return own or MODE_PORTS[mode]
