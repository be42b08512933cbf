"""Places of the synthetic world: Chinese cities with division codes, exit ports, partner
countries with their address styles, legal forms and name stems.

Pure data (frozen tuples); the generators in :mod:`orewatch.world.names` read it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class City:
    """A Chinese prefecture-level city (division code of the city)."""

    code: str  # 6-digit administrative division code
    zh: str
    en: str
    province_zh: str
    province_en: str
    area_code: str  # landline area code without the leading 0
    sea_ports: tuple[str, ...]  # nearest sea ports, best first
    air_port: str


_GX = ("广西壮族自治区", "Guangxi")
_GZ = ("贵州省", "Guizhou")
_SX = ("山西省", "Shanxi")
_HEN = ("河南省", "Henan")
_SD = ("山东省", "Shandong")
_YN = ("云南省", "Yunnan")
_NM = ("内蒙古自治区", "Inner Mongolia")
_HN = ("湖南省", "Hunan")
_JX = ("江西省", "Jiangxi")
_HLJ = ("黑龙江省", "Heilongjiang")
_GD = ("广东省", "Guangdong")
_FJ = ("福建省", "Fujian")
_SC = ("四川省", "Sichuan")
_SN = ("陕西省", "Shaanxi")
_ZJ = ("浙江省", "Zhejiang")
_JS = ("江苏省", "Jiangsu")
_LN = ("辽宁省", "Liaoning")
_XJ = ("新疆维吾尔自治区", "Xinjiang")


def _city(
    code: str,
    zh: str,
    en: str,
    prov: tuple[str, str],
    area: str,
    sea: tuple[str, ...],
    air: str,
) -> City:
    return City(code, zh, en, prov[0], prov[1], area, sea, air)


CITIES: tuple[City, ...] = (
    _city("110105", "北京", "Beijing", ("北京市", "Beijing"), "10", ("CNTSN",), "CNPEK"),
    _city("120116", "天津", "Tianjin", ("天津市", "Tianjin"), "22", ("CNTSN",), "CNPEK"),
    _city("310115", "上海", "Shanghai", ("上海市", "Shanghai"), "21", ("CNSHA",), "CNPVG"),
    _city("140100", "太原", "Taiyuan", _SX, "351", ("CNTSN", "CNTAO"), "CNPEK"),
    _city("140300", "阳泉", "Yangquan", _SX, "353", ("CNTSN", "CNTAO"), "CNPEK"),
    _city("141100", "吕梁", "Lvliang", _SX, "358", ("CNTSN", "CNTAO"), "CNPEK"),
    _city("150100", "呼和浩特", "Hohhot", _NM, "471", ("CNTSN",), "CNPEK"),
    _city("150200", "包头", "Baotou", _NM, "472", ("CNTSN",), "CNPEK"),
    _city("150600", "鄂尔多斯", "Ordos", _NM, "477", ("CNTSN",), "CNPEK"),
    _city("150700", "呼伦贝尔", "Hulunbuir", _NM, "470", ("CNDLC", "CNTSN"), "CNPEK"),
    _city("152500", "锡林郭勒", "Xilingol", _NM, "479", ("CNTSN",), "CNPEK"),
    _city("210200", "大连", "Dalian", _LN, "411", ("CNDLC",), "CNPEK"),
    _city("230100", "哈尔滨", "Harbin", _HLJ, "451", ("CNDLC",), "CNPEK"),
    _city("230300", "鸡西", "Jixi", _HLJ, "467", ("CNDLC",), "CNPEK"),
    _city("230400", "鹤岗", "Hegang", _HLJ, "468", ("CNDLC",), "CNPEK"),
    _city("320100", "南京", "Nanjing", _JS, "25", ("CNSHA",), "CNPVG"),
    _city("320500", "苏州", "Suzhou", _JS, "512", ("CNSHA",), "CNPVG"),
    _city("330100", "杭州", "Hangzhou", _ZJ, "571", ("CNNGB", "CNSHA"), "CNPVG"),
    _city("330200", "宁波", "Ningbo", _ZJ, "574", ("CNNGB",), "CNPVG"),
    _city("350200", "厦门", "Xiamen", _FJ, "592", ("CNXMN",), "CNPVG"),
    _city("350800", "龙岩", "Longyan", _FJ, "597", ("CNXMN",), "CNPVG"),
    _city("360100", "南昌", "Nanchang", _JX, "791", ("CNNGB", "CNSHA"), "CNPVG"),
    _city("360700", "赣州", "Ganzhou", _JX, "797", ("CNSZX", "CNXMN"), "CNCAN"),
    _city("370200", "青岛", "Qingdao", _SD, "532", ("CNTAO",), "CNPEK"),
    _city("370300", "淄博", "Zibo", _SD, "533", ("CNTAO",), "CNPEK"),
    _city("370600", "烟台", "Yantai", _SD, "535", ("CNTAO",), "CNPEK"),
    _city("371600", "滨州", "Binzhou", _SD, "543", ("CNTAO", "CNTSN"), "CNPEK"),
    _city("410100", "郑州", "Zhengzhou", _HEN, "371", ("CNTAO", "CNSHA"), "CNPEK"),
    _city("410300", "洛阳", "Luoyang", _HEN, "379", ("CNTAO", "CNSHA"), "CNPEK"),
    _city("411200", "三门峡", "Sanmenxia", _HEN, "398", ("CNTAO",), "CNPEK"),
    _city("430100", "长沙", "Changsha", _HN, "731", ("CNCAN", "CNSZX", "CNSHA"), "CNCAN"),
    _city("430200", "株洲", "Zhuzhou", _HN, "731", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("431000", "郴州", "Chenzhou", _HN, "735", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("431300", "娄底", "Loudi", _HN, "738", ("CNCAN", "CNSHA"), "CNCAN"),
    _city("440100", "广州", "Guangzhou", _GD, "20", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("440200", "韶关", "Shaoguan", _GD, "751", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("440300", "深圳", "Shenzhen", _GD, "755", ("CNSZX",), "CNSZX"),
    _city("450100", "南宁", "Nanning", _GX, "771", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("451000", "百色", "Baise", _GX, "776", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("451200", "河池", "Hechi", _GX, "778", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("510100", "成都", "Chengdu", _SC, "28", ("CNSHA", "CNCAN"), "CNCAN"),
    _city("513400", "凉山", "Liangshan", _SC, "834", ("CNCAN", "CNSHA"), "CNCAN"),
    _city("520100", "贵阳", "Guiyang", _GZ, "851", ("CNCAN", "CNSZX"), "CNCAN"),
    _city("520300", "遵义", "Zunyi", _GZ, "851", ("CNCAN", "CNSHA"), "CNCAN"),
    _city("530100", "昆明", "Kunming", _YN, "871", ("CNCAN", "CNSZX"), "CNKMG"),
    _city("530300", "曲靖", "Qujing", _YN, "874", ("CNCAN", "CNSZX"), "CNKMG"),
    _city("530900", "临沧", "Lincang", _YN, "883", ("CNCAN",), "CNKMG"),
    _city("532500", "红河", "Honghe", _YN, "873", ("CNCAN",), "CNKMG"),
    _city("610100", "西安", "Xi'an", _SN, "29", ("CNTAO", "CNSHA"), "CNPEK"),
    _city("610500", "渭南", "Weinan", _SN, "913", ("CNTAO",), "CNPEK"),
    _city("650100", "乌鲁木齐", "Urumqi", _XJ, "991", ("CNTSN",), "CNURC"),
)
CITY_BY_EN: dict[str, City] = {c.en: c for c in CITIES}

#: Trading hubs where traders and many ordinary exporters sit (weights).
TRADE_HUBS: tuple[tuple[str, float], ...] = (
    ("Shanghai", 0.16),
    ("Shenzhen", 0.16),
    ("Ningbo", 0.09),
    ("Guangzhou", 0.09),
    ("Hangzhou", 0.06),
    ("Suzhou", 0.06),
    ("Xiamen", 0.06),
    ("Qingdao", 0.06),
    ("Tianjin", 0.06),
    ("Beijing", 0.05),
    ("Changsha", 0.04),
    ("Nanjing", 0.04),
    ("Dalian", 0.03),
    ("Kunming", 0.02),
    ("Nanning", 0.02),
)


@dataclass(frozen=True)
class Port:
    """A port of exit: UN/LOCODE, the 4-digit customs office code, and its modes."""

    locode: str
    customs_code: str
    modes: tuple[str, ...]


PORTS: tuple[Port, ...] = (
    Port("CNSHA", "2248", ("sea", "post", "express")),
    Port("CNPVG", "2233", ("air", "express", "passenger")),
    Port("CNNGB", "3104", ("sea",)),
    Port("CNSZX", "5316", ("sea", "air", "express", "post", "passenger", "road")),
    Port("CNCAN", "5141", ("sea", "air", "express", "post", "passenger")),
    Port("CNTAO", "4218", ("sea", "air")),
    Port("CNTSN", "0202", ("sea", "rail")),
    Port("CNXMN", "3702", ("sea", "air")),
    Port("CNDLC", "0902", ("sea",)),
    Port("CNPEK", "0101", ("air", "express", "passenger", "post")),
    Port("CNKMG", "8601", ("road", "air", "rail")),
    Port("CNNNG", "7201", ("road", "rail")),
    Port("CNURC", "9401", ("road", "rail", "air")),
)
PORT_BY_CODE: dict[str, Port] = {p.locode: p for p in PORTS}


@dataclass(frozen=True)
class Country:
    """A partner country: how its companies, people and addresses look."""

    code: str
    name: str
    zh: str
    phone: str
    cities: tuple[str, ...]
    streets: tuple[str, ...]
    address: str  # template with {n} {street} {city} {zip}
    zip_digits: int
    forms: tuple[str, ...]
    stems: tuple[str, ...]
    given: tuple[str, ...]
    family: tuple[str, ...]


def _co(
    code: str,
    name: str,
    zh: str,
    phone: str,
    cities: str,
    streets: str,
    address: str,
    zip_digits: int,
    forms: str,
    stems: str,
    given: str,
    family: str,
) -> Country:
    def split(s: str) -> tuple[str, ...]:
        return tuple(x.strip() for x in s.split("|"))

    return Country(
        code,
        name,
        zh,
        phone,
        split(cities),
        split(streets),
        address,
        zip_digits,
        split(forms),
        split(stems),
        split(given),
        split(family),
    )


COUNTRIES: tuple[Country, ...] = (
    _co(
        "JP",
        "Japan",
        "日本",
        "+81",
        "Tokyo|Osaka|Nagoya|Yokohama|Kitakyushu|Sendai|Kobe",
        "Shiba|Nihonbashi|Kyobashi|Umeda|Sakae|Minatomirai|Kanda",
        "{n}-{m}-{k} {street}, {city} {zip}, Japan",
        7,
        "Co., Ltd.|K.K.|Corporation|Trading Co., Ltd.",
        "Sakura|Kanto|Hokuriku|Tohoku|Yamato|Seiwa|Daiwa|Asahi|Kyowa|Meiko|Shinko|Taiyo",
        "Hiroshi|Takeshi|Kenji|Yuki|Akira|Naoko|Satoshi|Haruka",
        "Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura",
    ),
    _co(
        "KR",
        "Korea",
        "韩国",
        "+82",
        "Seoul|Incheon|Busan|Ulsan|Pyeongtaek|Suwon",
        "Teheran-ro|Gangnam-daero|Saemunan-ro|Jungang-daero|Sejong-daero",
        "{n}, {street}, {city} {zip}, Republic of Korea",
        5,
        "Co., Ltd.|Corp.|Inc.",
        "Hanil|Daesung|Samhwa|Kumho|Dongbang|Sejin|Haesung|Yoosung",
        "Min-jun|Ji-ho|Seo-yeon|Hyun-woo|Ji-woo|Dong-hyun",
        "Kim|Lee|Park|Choi|Jung|Kang|Cho|Yoon",
    ),
    _co(
        "US",
        "United States",
        "美国",
        "+1",
        "Houston|Phoenix|Pittsburgh|Cleveland|Newark|Los Angeles|Dallas|Boston|San Jose",
        "Main St|Commerce Blvd|Industrial Pkwy|Market St|Oak Ave|Enterprise Dr|Harbor Way",
        "{n} {street}, {city} {zip}, USA",
        5,
        "Inc.|LLC|Corp.|Co.",
        "Summit|Liberty|Eagle|Pioneer|Keystone|Apex|Frontier|Northstar|Atlas",
        "John|Michael|David|Robert|Jennifer|Linda|James|Karen",
        "Smith|Johnson|Miller|Davis|Wilson|Anderson|Taylor|Moore",
    ),
    _co(
        "DE",
        "Germany",
        "德国",
        "+49",
        "Hamburg|Frankfurt am Main|Düsseldorf|Stuttgart|München|Essen",
        "Industriestraße|Hafenstraße|Bahnhofstraße|Hauptstraße|Am Sandtorkai|Rheinallee",
        "{street} {n}, {zip} {city}, Germany",
        5,
        "GmbH|GmbH & Co. KG|AG",
        "Hansa|Rhein|Nordmetall|Elbe|Saar|Weser|Alpen|Ruhr",
        "Thomas|Andreas|Stefan|Sabine|Michael|Klaus|Julia|Markus",
        "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker",
    ),
    _co(
        "NL",
        "Netherlands",
        "荷兰",
        "+31",
        "Rotterdam|Amsterdam|Eindhoven|Venlo|Utrecht",
        "Waalhaven|Keizersgracht|Europaweg|Havenstraat|Stationsplein",
        "{street} {n}, {zip} {city}, Netherlands",
        4,
        "B.V.|N.V.",
        "Maas|Delta|Oranje|Noordzee|Holland|Lowland|Vlaardingen",
        "Jan|Pieter|Sanne|Daan|Eva|Bram",
        "de Vries|Jansen|Bakker|Visser|Smit|de Jong",
    ),
    _co(
        "BE",
        "Belgium",
        "比利时",
        "+32",
        "Antwerp|Brussels|Ghent|Liège",
        "Noorderlaan|Avenue Louise|Kaai|Rue de l'Industrie",
        "{street} {n}, {zip} {city}, Belgium",
        4,
        "NV|BV|SA|SRL",
        "Scheldt|Flandria|Meuse|Brabant|Ardenne",
        "Luc|Marc|Els|Koen|Sophie",
        "Peeters|Janssens|Maes|Jacobs|Dubois",
    ),
    _co(
        "IN",
        "India",
        "印度",
        "+91",
        "Mumbai|Chennai|Pune|New Delhi|Ahmedabad|Bengaluru",
        "MG Road|Nariman Point|Andheri East|GIDC Estate|Anna Salai",
        "{n}, {street}, {city} {zip}, India",
        6,
        "Pvt. Ltd.|Ltd.|LLP",
        "Shree|Bharat|Vardhman|Sagar|Krishna|Ganga|Jyoti|Mahalaxmi",
        "Rajesh|Amit|Priya|Sanjay|Anil|Neha|Vikram",
        "Sharma|Patel|Gupta|Singh|Mehta|Shah|Iyer",
    ),
    _co(
        "VN",
        "Viet Nam",
        "越南",
        "+84",
        "Hai Phong|Ho Chi Minh City|Hanoi|Bac Ninh|Dong Nai",
        "Le Hong Phong|Nguyen Van Linh|Tran Hung Dao|KCN VSIP|Lach Tray",
        "{n} {street}, {city}, Viet Nam",
        6,
        "Co., Ltd.|Joint Stock Company|Trading Co., Ltd.",
        "Hoang Long|Minh Phat|Thanh Dat|Phu Gia|Viet Tien|An Khang|Dai Phat",
        "Van|Minh|Thi|Quoc|Duc|Thanh",
        "Nguyen|Tran|Le|Pham|Hoang|Vu|Dang",
    ),
    _co(
        "TH",
        "Thailand",
        "泰国",
        "+66",
        "Bangkok|Chonburi|Rayong|Samut Prakan",
        "Sukhumvit Rd|Bangna-Trad Rd|Rama IV Rd|Amata Nakorn",
        "{n} {street}, {city} {zip}, Thailand",
        5,
        "Co., Ltd.|Public Co., Ltd.",
        "Siam|Chaiyo|Rattana|Thai Metal|Krungthai|Suksawat",
        "Somchai|Niran|Kanya|Arthit|Malee",
        "Saetang|Wongsakul|Chaiyaporn|Srisuk",
    ),
    _co(
        "MY",
        "Malaysia",
        "马来西亚",
        "+60",
        "Port Klang|Penang|Johor Bahru|Kuala Lumpur",
        "Jalan Perusahaan|Jalan Sultan|Lebuh Pantai|Jalan Tun Razak",
        "{n}, {street}, {zip} {city}, Malaysia",
        5,
        "Sdn. Bhd.|Bhd.",
        "Sinar|Maju|Cahaya|Gemilang|Perkasa|Harta|Jaya",
        "Ahmad|Siti|Tan|Lim|Kumar|Nurul",
        "bin Ismail|Tan|Lim|Wong|Abdullah|Lee",
    ),
    _co(
        "SG",
        "Singapore",
        "新加坡",
        "+65",
        "Singapore",
        "Jurong Port Rd|Shenton Way|Tuas Ave|Raffles Place|Ubi Ave",
        "{n} {street}, Singapore {zip}",
        6,
        "Pte. Ltd.|Ltd.",
        "Lion City|Marina|Straits|Temasek|Orchid|Harbourfront|Sentosa",
        "Wei Ming|Hui Ling|Jun Jie|Siew Mei|Kumar",
        "Tan|Lim|Ng|Goh|Koh|Chua",
    ),
    _co(
        "HK",
        "Hong Kong",
        "中国香港",
        "+852",
        "Kowloon|Kwun Tong|Tsim Sha Tsui|Central|Sheung Wan",
        "Nathan Road|Hoi Bun Road|Des Voeux Road|Canton Road|Wing Lok Street",
        "Room {n}, {m}/F, {street}, {city}, Hong Kong",
        0,
        "Limited|Co., Limited|Trading Limited|Holdings Limited",
        "Wah Fung|Kam Lung|Tai Shing|Golden Harvest|Sun Lee|Pacific Rim|Wing On",
        "Ka Ming|Siu Wai|Wing Kei|Mei Ling|Chi Keung",
        "Chan|Wong|Leung|Cheung|Lau|Ho",
    ),
    _co(
        "AE",
        "United Arab Emirates",
        "阿联酋",
        "+971",
        "Dubai|Sharjah|Abu Dhabi|Ajman",
        "Jebel Ali Free Zone|SAIF Zone|Hamriyah Free Zone|Al Quoz Industrial Area",
        "Warehouse {n}, {street}, {city}, UAE",
        0,
        "FZE|FZCO|L.L.C.|General Trading L.L.C.",
        "Al Noor|Gulf Star|Desert Rose|Emirates Alloy|Falcon|Al Baraka|Crescent",
        "Mohammed|Ahmed|Omar|Fatima|Khalid|Rashid",
        "Al Mansouri|Khan|Haddad|Al Zarooni|Saleh",
    ),
    _co(
        "TR",
        "Türkiye",
        "土耳其",
        "+90",
        "Istanbul|Izmir|Bursa|Kocaeli|Ankara",
        "Organize Sanayi Bölgesi|Atatürk Cad.|Cumhuriyet Cad.|Liman Yolu",
        "{street} No:{n}, {zip} {city}, Türkiye",
        5,
        "A.Ş.|Ltd. Şti.|Dış Ticaret Ltd. Şti.",
        "Anadolu|Marmara|Ege|Bosphorus|Yildiz|Kartal",
        "Mehmet|Ahmet|Ayse|Mustafa|Emre|Zeynep",
        "Yilmaz|Kaya|Demir|Sahin|Celik|Ozturk",
    ),
    _co(
        "RU",
        "Russia",
        "俄罗斯",
        "+7",
        "Moscow|Saint Petersburg|Yekaterinburg|Novosibirsk",
        "ul. Tverskaya|prospekt Mira|ul. Promyshlennaya|Leninsky prospekt",
        "{street} {n}, {city} {zip}, Russia",
        6,
        "LLC|OOO|JSC",
        "Uralmet|Sibresurs|Volga|Baltika|Polyus|Severstal-Trade|Nordlink",
        "Sergei|Dmitry|Olga|Alexei|Irina|Nikolai",
        "Ivanov|Petrov|Smirnov|Kuznetsov|Popov",
    ),
    _co(
        "KZ",
        "Kazakhstan",
        "哈萨克斯坦",
        "+7",
        "Almaty|Astana|Shymkent|Karaganda",
        "Abai Ave|Dostyk Ave|Tole Bi St|Al-Farabi Ave",
        "{street} {n}, {city} {zip}, Kazakhstan",
        6,
        "LLP|TOO|JSC",
        "Steppe|Altyn|Kazmet|Saryarka|Tengri|Caspian",
        "Nursultan|Aigerim|Daniyar|Askar|Madina",
        "Nurlanov|Abenov|Seitkali|Omarov|Bekov",
    ),
    _co(
        "MX",
        "Mexico",
        "墨西哥",
        "+52",
        "Monterrey|Mexico City|Guadalajara|Querétaro|Tijuana",
        "Av. Industrial|Blvd. Díaz Ordaz|Calle Reforma|Av. Constitución",
        "{street} {n}, {zip} {city}, Mexico",
        5,
        "S.A. de C.V.|S. de R.L. de C.V.",
        "Azteca|Norteño|Sierra Madre|Del Golfo|Maya|Plata",
        "José|Luis|María|Carlos|Ana|Jorge",
        "García|Hernández|López|Martínez|González",
    ),
    _co(
        "GB",
        "United Kingdom",
        "英国",
        "+44",
        "London|Birmingham|Sheffield|Manchester",
        "Commercial Rd|Station Rd|Victoria St|Canal Side",
        "{n} {street}, {city} {zip}, United Kingdom",
        0,
        "Ltd|PLC|Limited",
        "Albion|Thames|Pennine|Crown|Britannia|Mersey",
        "Oliver|George|Emma|Harry|Charlotte",
        "Smith|Jones|Brown|Evans|Roberts",
    ),
    _co(
        "FR",
        "France",
        "法国",
        "+33",
        "Paris|Lyon|Marseille|Lille|Le Havre",
        "Rue de la République|Avenue Jean Jaurès|Quai de la Seine|Zone Industrielle",
        "{n} {street}, {zip} {city}, France",
        5,
        "SAS|SA|SARL",
        "Rhône|Lumière|Provence|Atlantique|Loire|Gallia",
        "Jean|Pierre|Marie|Nicolas|Claire",
        "Martin|Bernard|Dubois|Thomas|Robert",
    ),
    _co(
        "IT",
        "Italy",
        "意大利",
        "+39",
        "Milano|Torino|Brescia|Genova|Bologna",
        "Via Roma|Via Industriale|Corso Italia|Via Emilia",
        "{street} {n}, {zip} {city}, Italy",
        5,
        "S.r.l.|S.p.A.",
        "Lombarda|Padana|Ligure|Adriatica|Tirrena|Fonderia Alpina",
        "Marco|Giuseppe|Luca|Giulia|Francesca",
        "Rossi|Russo|Ferrari|Esposito|Bianchi",
    ),
    _co(
        "ID",
        "Indonesia",
        "印度尼西亚",
        "+62",
        "Jakarta|Surabaya|Batam|Bekasi",
        "Jl. Industri|Jl. Sudirman|Jl. Gatot Subroto|Kawasan Industri",
        "{street} No. {n}, {city} {zip}, Indonesia",
        5,
        "PT|CV",
        "Nusantara|Sinar Mas|Mitra|Karya|Bintang|Sejahtera",
        "Budi|Siti|Agus|Dewi|Hendra",
        "Santoso|Wijaya|Halim|Susanto|Gunawan",
    ),
    _co(
        "CA",
        "Canada",
        "加拿大",
        "+1",
        "Toronto|Vancouver|Montreal|Calgary",
        "Bay St|King St W|Industrial Rd|Marine Dr",
        "{n} {street}, {city} {zip}, Canada",
        0,
        "Inc.|Ltd.|Corp.",
        "Maple|Laurentian|Cascade|Boreal|Great Lakes|Polar",
        "Liam|Olivia|Noah|Emma|Ethan",
        "Tremblay|Roy|Wilson|MacDonald|Brown",
    ),
)
COUNTRY_BY_CODE: dict[str, Country] = {c.code: c for c in COUNTRIES}

#: Countries through which controlled goods are diverted (and honest hubs that re-export).
TRANSIT_COUNTRIES: tuple[str, ...] = ("VN", "TH", "MY", "KZ", "AE", "TR", "IN", "MX")
HONEST_HUBS: tuple[str, ...] = ("SG", "NL", "BE", "HK")
#: Land neighbours: road and rail exits.
LAND_ROUTES: dict[str, tuple[tuple[str, str], ...]] = {
    "VN": (("road", "CNNNG"), ("road", "CNKMG"), ("rail", "CNNNG")),
    "TH": (("road", "CNKMG"),),
    "KZ": (("road", "CNURC"), ("rail", "CNURC")),
    "RU": (("rail", "CNURC"), ("rail", "CNTSN"), ("road", "CNURC")),
    "DE": (("rail", "CNURC"),),
    "NL": (("rail", "CNURC"),),
}

#: Weights of destination countries for ordinary goods and for controlled goods.
ORDINARY_DESTINATIONS: dict[str, float] = {
    "US": 0.14,
    "JP": 0.09,
    "KR": 0.08,
    "DE": 0.06,
    "NL": 0.05,
    "BE": 0.02,
    "IN": 0.07,
    "VN": 0.08,
    "TH": 0.05,
    "MY": 0.05,
    "SG": 0.03,
    "HK": 0.05,
    "AE": 0.03,
    "TR": 0.03,
    "RU": 0.05,
    "KZ": 0.02,
    "MX": 0.03,
    "GB": 0.03,
    "FR": 0.02,
    "IT": 0.02,
    "ID": 0.03,
    "CA": 0.02,
}
CONTROLLED_DESTINATIONS: dict[str, float] = {
    "JP": 0.20,
    "KR": 0.14,
    "US": 0.14,
    "DE": 0.09,
    "NL": 0.08,
    "BE": 0.05,
    "IN": 0.05,
    "VN": 0.03,
    "SG": 0.03,
    "HK": 0.05,
    "TH": 0.02,
    "MY": 0.02,
    "GB": 0.03,
    "FR": 0.03,
    "RU": 0.02,
    "TR": 0.01,
}
