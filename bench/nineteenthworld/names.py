"""Names and identifiers: Chinese companies in three scripts, residents of the border
counties, foreign firms in Cyrillic and Latin, credit codes, resident id numbers,
foreign registry numbers, phones, addresses, container and waybill numbers.

Company names are built from stems whose Chinese, pinyin and Russian (Palladius)
spellings are written out here, so that one firm can appear as 霍尔果斯金川贸易有限公司,
Horgos Jinchuan Trading Co., Ltd. and ООО «Хоргос Цзиньчуань Торговая компания».
"""

from __future__ import annotations

import datetime as dt
import random

from nineteenthworld.rand import pick

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_RESIDENT_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RESIDENT_CHECK = "10X98765432"

# (Chinese, pinyin, Russian) -- place names that open company names
PLACES: dict[str, tuple[str, str, str]] = {
    "654004": ("霍尔果斯", "Horgos", "Хоргос"),
    "654002": ("伊宁", "Yining", "Инин"),
    "652702": ("阿拉山口", "Alashankou", "Алашанькоу"),
    "653101": ("喀什", "Kashgar", "Кашгар"),
    "650100": ("乌鲁木齐", "Urumqi", "Урумчи"),
    "152501": ("二连浩特", "Erenhot", "Эрэн-Хото"),
    "152502": ("锡林浩特", "Xilinhot", "Силинхот"),
    "150781": ("满洲里", "Manzhouli", "Маньчжурия"),
    "150200": ("包头", "Baotou", "Баотоу"),
    "150924": ("兴和", "Xinghe", "Синхэ"),
    "231081": ("绥芬河", "Suifenhe", "Суйфэньхэ"),
    "230300": ("鸡西", "Jixi", "Цзиси"),
    "230421": ("萝北", "Luobei", "Лобэй"),
    "532823": ("勐腊", "Mengla", "Мэнла"),
    "533102": ("瑞丽", "Ruili", "Жуйли"),
    "532532": ("河口", "Hekou", "Хэкоу"),
    "530900": ("临沧", "Lincang", "Линьцан"),
    "530326": ("会泽", "Huize", "Хуэйцзэ"),
    "532600": ("文山", "Wenshan", "Вэньшань"),
    "530100": ("昆明", "Kunming", "Куньмин"),
    "451481": ("凭祥", "Pingxiang", "Пинсян"),
    "450681": ("东兴", "Dongxing", "Дунсин"),
    "450600": ("防城港", "Fangchenggang", "Фанчэнган"),
    "451200": ("河池", "Hechi", "Хэчи"),
    "451000": ("百色", "Baise", "Байсэ"),
    "450100": ("南宁", "Nanning", "Наньнин"),
    "431381": ("冷水江", "Lengshuijiang", "Лэншуйцзян"),
    "431000": ("郴州", "Chenzhou", "Чэньчжоу"),
    "360700": ("赣州", "Ganzhou", "Ганьчжоу"),
    "140000": ("山西", "Shanxi", "Шаньси"),
    "410000": ("河南", "Henan", "Хэнань"),
    "500000": ("重庆", "Chongqing", "Чунцин"),
    "610100": ("西安", "Xi'an", "Сиань"),
    "510100": ("成都", "Chengdu", "Чэнду"),
    "330782": ("义乌", "Yiwu", "Иу"),
}

STEMS: tuple[tuple[str, str, str], ...] = (
    ("金川", "Jinchuan", "Цзиньчуань"),
    ("丝路", "Silu", "Сылу"),
    ("亚欧", "Yaou", "Яоу"),
    ("天山", "Tianshan", "Тяньшань"),
    ("中亚", "Zhongya", "Чжунъя"),
    ("北疆", "Beijiang", "Бэйцзян"),
    ("红河", "Honghe", "Хунхэ"),
    ("澜沧", "Lancang", "Ланьцан"),
    ("边城", "Biancheng", "Бяньчэн"),
    ("鸿运", "Hongyun", "Хунъюнь"),
    ("华通", "Huatong", "Хуатун"),
    ("恒达", "Hengda", "Хэнда"),
    ("新源", "Xinyuan", "Синьюань"),
    ("广源", "Guangyuan", "Гуанъюань"),
    ("锦程", "Jincheng", "Цзиньчэн"),
    ("瑞通", "Ruitong", "Жуйтун"),
    ("金桥", "Jinqiao", "Цзиньцяо"),
    ("宏泰", "Hongtai", "Хунтай"),
    ("鑫达", "Xinda", "Синьда"),
    ("盛和", "Shenghe", "Шэнхэ"),
    ("祥瑞", "Xiangrui", "Сянжуй"),
    ("天宇", "Tianyu", "Тяньюй"),
    ("龙腾", "Longteng", "Лунтэн"),
    ("永兴", "Yongxing", "Юнсин"),
    ("聚源", "Juyuan", "Цзюйюань"),
    ("博远", "Boyuan", "Боюань"),
    ("昌盛", "Changsheng", "Чаншэн"),
    ("腾飞", "Tengfei", "Тэнфэй"),
    ("恒通", "Hengtong", "Хэнтун"),
    ("通达", "Tongda", "Тунда"),
    ("万里", "Wanli", "Ваньли"),
    ("中欧", "Zhongou", "Чжуноу"),
    ("陆港", "Lugang", "Луган"),
    ("驼铃", "Tuoling", "Толин"),
    ("雪莲", "Xuelian", "Сюэлянь"),
    ("胡杨", "Huyang", "Хуян"),
    ("宝丰", "Baofeng", "Баофэн"),
    ("德隆", "Delong", "Дэлун"),
    ("嘉禾", "Jiahe", "Цзяхэ"),
    ("远航", "Yuanhang", "Юаньхан"),
    ("兴边", "Xingbian", "Синбянь"),
    ("富民", "Fumin", "Фуминь"),
    ("瑞丰", "Ruifeng", "Жуйфэн"),
    ("金鼎", "Jinding", "Цзиньдин"),
    ("安泰", "Antai", "Аньтай"),
    ("东方", "Dongfang", "Дунфан"),
    ("长丰", "Changfeng", "Чанфэн"),
    ("凯达", "Kaida", "Кайда"),
    ("合众", "Hezhong", "Хэчжун"),
    ("启航", "Qihang", "Цихан"),
    ("万通", "Wantong", "Ваньтун"),
    ("华鑫", "Huaxin", "Хуасинь"),
    ("润达", "Runda", "Жуньда"),
    ("鼎盛", "Dingsheng", "Диншэн"),
    ("国泰", "Guotai", "Готай"),
    ("海纳", "Haina", "Хайна"),
    ("银河", "Yinhe", "Иньхэ"),
)

# (Chinese, English, Russian) -- what a company does
TRADES: dict[str, tuple[str, str, str]] = {
    "trading": ("贸易", "Trading", "Торговая компания"),
    "commerce": ("商贸", "Commerce and Trade", "Торгово-коммерческая компания"),
    "impex": ("进出口", "Import and Export", "Импорт-Экспорт"),
    "logistics": ("国际物流", "International Logistics", "Международная логистика"),
    "supply_chain": ("供应链管理", "Supply Chain Management", "Управление цепями поставок"),
    "mining": ("矿业", "Mining", "Горнодобывающая компания"),
    "metallurgy": ("冶金", "Metallurgy", "Металлургическая компания"),
    "materials": ("新材料", "New Materials", "Новые материалы"),
    "chemical": ("化工", "Chemical", "Химическая компания"),
    "machinery": ("机械设备", "Machinery and Equipment", "Машины и оборудование"),
    "hardware": ("五金制品", "Hardware Products", "Скобяные изделия"),
    "industrial": ("实业", "Industrial", "Промышленная компания"),
    "garments": ("服饰", "Garments", "Одежда"),
    "electronics": ("电子科技", "Electronic Technology", "Электронные технологии"),
    "broker": ("报关", "Customs Brokerage", "Таможенный брокер"),
    "forwarding": ("国际货运代理", "International Freight Forwarding", "Экспедирование"),
    "agri": ("农产品", "Agricultural Products", "Сельхозпродукция"),
    "rare_earth": ("稀土新材料", "Rare Earth New Materials", "Редкоземельные материалы"),
    "tungsten": ("钨业", "Tungsten Industry", "Вольфрамовая компания"),
    "antimony": ("锑业", "Antimony Industry", "Сурьмяная компания"),
    "graphite": ("石墨", "Graphite", "Графит"),
    "germanium": ("锗业", "Germanium", "Германиевая компания"),
    "zinc": ("锌业", "Zinc", "Цинковая компания"),
    "steel": ("钢铁", "Iron and Steel", "Сталь"),
    "ceramics": ("陶瓷色料", "Ceramic Colours", "Керамические краски"),
    "toys": ("玩具", "Toys", "Игрушки"),
    "small_goods": ("小商品", "Small Commodities", "Мелкие товары"),
    "bonded": ("保税物流", "Bonded Logistics", "Бондовая логистика"),
    "cooperative": (
        "边民互助合作社",
        "Border Residents Mutual Aid Cooperative",
        "Кооператив взаимопомощи приграничных жителей",
    ),
}

SURNAMES = (
    ("王", "Wang", "Ван"),
    ("李", "Li", "Ли"),
    ("张", "Zhang", "Чжан"),
    ("刘", "Liu", "Лю"),
    ("陈", "Chen", "Чэнь"),
    ("杨", "Yang", "Ян"),
    ("黄", "Huang", "Хуан"),
    ("赵", "Zhao", "Чжао"),
    ("吴", "Wu", "У"),
    ("周", "Zhou", "Чжоу"),
    ("马", "Ma", "Ма"),
    ("孙", "Sun", "Сунь"),
    ("何", "He", "Хэ"),
    ("罗", "Luo", "Ло"),
    ("郭", "Guo", "Го"),
    ("高", "Gao", "Гао"),
)
GIVEN = (
    ("建华", "Jianhua", "Цзяньхуа"),
    ("伟", "Wei", "Вэй"),
    ("芳", "Fang", "Фан"),
    ("秀英", "Xiuying", "Сюин"),
    ("志强", "Zhiqiang", "Чжицян"),
    ("丽", "Li", "Ли"),
    ("军", "Jun", "Цзюнь"),
    ("海燕", "Haiyan", "Хайянь"),
    ("明", "Ming", "Мин"),
    ("红梅", "Hongmei", "Хунмэй"),
    ("国庆", "Guoqing", "Гоцин"),
    ("磊", "Lei", "Лэй"),
    ("静", "Jing", "Цзин"),
    ("敏", "Min", "Минь"),
    ("桂英", "Guiying", "Гуйин"),
    ("文斌", "Wenbin", "Вэньбинь"),
    ("玉兰", "Yulan", "Юйлань"),
    ("春生", "Chunsheng", "Чуньшэн"),
)
# Residents of the frontier counties, by province: (Chinese, Latin, Cyrillic)
KAZAKH_NAMES = (
    ("努尔兰", "Nurlan", "Нурлан"),
    ("叶尔江", "Erzhan", "Ержан"),
    ("阿依古丽", "Aigul", "Айгуль"),
    ("阿斯哈尔", "Askar", "Асхар"),
    ("加娜尔", "Zhanar", "Жанар"),
    ("巴合提", "Bakyt", "Бахыт"),
    ("买买提", "Mamat", "Мамат"),
    ("热合曼", "Rahman", "Рахман"),
    ("古丽娜尔", "Gulnar", "Гульнар"),
    ("阿力木", "Alim", "Алим"),
    ("别克", "Bek", "Бек"),
    ("沙吾列", "Saule", "Сауле"),
)
MONGOL_NAMES = (
    ("巴特尔", "Bater", "Батор"),
    ("其其格", "Qiqige", "Цэцэг"),
    ("额尔敦", "Erdun", "Эрдэнэ"),
    ("乌云", "Wuyun", "Оюун"),
    ("苏和", "Suhe", "Сүх"),
    ("娜仁", "Naren", "Наран"),
    ("朝鲁", "Chaolu", "Чулуун"),
    ("图雅", "Tuya", "Туяа"),
)
DAI_NAMES = (
    ("岩温", "Yan Wen", "Янь Вэнь"),
    ("玉香", "Yu Xiang", "Юй Сян"),
    ("岩罕", "Yan Han", "Янь Хань"),
    ("玉罕", "Yu Han", "Юй Хань"),
    ("岩保", "Yan Bao", "Янь Бао"),
    ("依香", "Yi Xiang", "И Сян"),
    ("排", "Pai", "Пай"),
    ("早", "Zao", "Цзао"),
)
ZHUANG_SURNAMES = (
    ("韦", "Wei", "Вэй"),
    ("农", "Nong", "Нун"),
    ("黄", "Huang", "Хуан"),
    ("苏", "Su", "Су"),
    ("陆", "Lu", "Лу"),
)

FOREIGN_PEOPLE: dict[str, tuple[tuple[str, str], ...]] = {
    "KZ": (
        ("Нурлан Абенов", "Nurlan Abenov"),
        ("Айгерим Сапарова", "Aigerim Saparova"),
        ("Ерлан Касымов", "Yerlan Kassymov"),
        ("Дамир Жумабеков", "Damir Zhumabekov"),
        ("Асель Нуржанова", "Assel Nurzhanova"),
        ("Талгат Оспанов", "Talgat Ospanov"),
    ),
    "RU": (
        ("Сергей Иванов", "Sergey Ivanov"),
        ("Андрей Смирнов", "Andrey Smirnov"),
        ("Ольга Кузнецова", "Olga Kuznetsova"),
        ("Дмитрий Волков", "Dmitry Volkov"),
        ("Игорь Соколов", "Igor Sokolov"),
        ("Наталья Морозова", "Natalya Morozova"),
    ),
    "KG": (
        ("Азамат Токтогулов", "Azamat Toktogulov"),
        ("Бакыт Мамытов", "Bakyt Mamytov"),
        ("Айдай Сыдыкова", "Aidai Sydykova"),
    ),
    "UZ": (("Rustam Karimov", "Rustam Karimov"), ("Dilnoza Yusupova", "Dilnoza Yusupova")),
    "AE": (("Rashid Al Mansoori", "Rashid Al Mansoori"), ("Farid Haddad", "Farid Haddad")),
    "TR": (("Murat Yılmaz", "Murat Yilmaz"), ("Emre Kaya", "Emre Kaya")),
    "HK": (("陳志明", "Chan Chi Ming"), ("黃家輝", "Wong Ka Fai")),
    "US": (("Robert Hale", "Robert Hale"), ("Linda Park", "Linda Park")),
}

# Foreign firms: (native stem, Latin stem); forms by country (native, Latin)
FOREIGN_STEMS: dict[str, tuple[tuple[str, str], ...]] = {
    "KZ": (
        ("Алтын Жол", "Altyn Zhol"),
        ("Казметалл Трейд", "Kazmetall Trade"),
        ("Жетысу Импорт", "Zhetysu Import"),
        ("Астана Промсервис", "Astana Promservice"),
        ("Сарыарка Снаб", "Saryarka Snab"),
        ("Каспий Химия", "Caspiy Khimiya"),
        ("Оскемен Цинк Сервис", "Oskemen Zinc Service"),
        ("Нур Агро", "Nur Agro"),
        ("Байтерек Электроникс", "Baiterek Electronics"),
        ("Тараз Металл", "Taraz Metall"),
        ("Аксу Ферросплав", "Aksu Ferrosplav"),
        ("Атырау Строй", "Atyrau Stroy"),
        ("Шелковый Путь Логистик", "Silk Way Logistics"),
        ("Алатау Текстиль", "Alatau Textile"),
        ("Жаркент Базар", "Zharkent Bazar"),
        ("Караганда Стройснаб", "Karaganda Stroysnab"),
    ),
    "RU": (
        ("СибМеталлИнвест", "SibMetallInvest"),
        ("Уралспецсплав", "Uralspetssplav"),
        ("Дальневосточная Логистика", "Dalnevostochnaya Logistika"),
        ("Техноресурс", "Tekhnoresurs"),
        ("Байкал Импорт", "Baikal Import"),
        ("Магистраль", "Magistral"),
        ("Росхимснаб", "Roskhimsnab"),
        ("Амур Трейд", "Amur Trade"),
        ("Восток Электро", "Vostok Elektro"),
        ("ПромТехКомплект", "PromTekhKomplekt"),
        ("Стальинвест", "Stalinvest"),
        ("Забайкальский Терминал", "Zabaikalsky Terminal"),
        ("Приморская Торговая Компания", "Primorskaya Torgovaya Kompaniya"),
        ("ЕвроАзия Маркет", "EvroAziya Market"),
    ),
    "KG": (
        ("Ала-Тоо Импэкс", "Ala-Too Impex"),
        ("Ош Базар Сервис", "Osh Bazar Service"),
        ("Кыргыз Металл", "Kyrgyz Metall"),
        ("Дордой Трейд", "Dordoi Trade"),
        ("Нарын Транзит", "Naryn Tranzit"),
    ),
    "UZ": (
        ("Toshkent Savdo", "Tashkent Savdo"),
        ("Samarqand Tekstil", "Samarkand Textile"),
        ("Andijon Avto Qism", "Andijan Auto Parts"),
        ("Navoiy Metall", "Navoi Metall"),
    ),
    "TJ": (("Душанбе Сохтмон", "Dushanbe Sokhtmon"), ("Хуҷанд Савдо", "Khujand Savdo")),
    "MN": (
        ("Улаанбаатар Худалдаа", "Ulaanbaatar Khudaldaa"),
        ("Говь Импекс", "Gobi Impex"),
        ("Эрдэнэт Техник", "Erdenet Tekhnik"),
        ("Замын-Үүд Логистик", "Zamyn-Uud Logistik"),
    ),
    "BY": (
        ("БелТехИмпорт", "BelTekhImport"),
        ("Минский Торговый Союз", "Minsky Torgovy Soyuz"),
        ("Брестский Терминал", "Brestsky Terminal"),
    ),
    "PL": (
        ("Euro-Azja Cargo", "Euro-Azja Cargo"),
        ("Polska Bateria", "Polska Bateria"),
        ("Mazowsze Handel", "Mazowsze Handel"),
        ("Bialystok Import", "Bialystok Import"),
    ),
    "DE": (
        ("Ruhrtal Handels", "Ruhrtal Handels"),
        ("Elbe Batterie Werke", "Elbe Batterie Werke"),
        ("Nordstern Optik", "Nordstern Optik"),
        ("Hanse Magnetik", "Hanse Magnetik"),
        ("Saale Hartmetall", "Saale Hartmetall"),
    ),
    "NL": (("Brabant Distributie", "Brabant Distributie"),),
    "CZ": (("Vltava Obchod", "Vltava Obchod"),),
    "HU": (("Duna Akkumulátor", "Duna Akkumulator"),),
    "IT": (("Lombarda Importazioni", "Lombarda Importazioni"),),
    "LA": (
        ("Vientiane Import-Export", "Vientiane Import-Export"),
        ("Boten Golden City Trading", "Boten Golden City Trading"),
    ),
    "TH": (
        ("Siam Rare Metals", "Siam Rare Metals"),
        ("Chao Phraya Trading", "Chao Phraya Trading"),
    ),
    "MM": (
        ("Muse Golden Trading", "Muse Golden Trading"),
        ("Shwe Myay Import", "Shwe Myay Import"),
    ),
    "VN": (
        ("Thương mại Lạng Sơn", "Lang Son Trading"),
        ("Nam Châm Việt", "Viet Magnet"),
        ("Xuất Nhập Khẩu Lào Cai", "Lao Cai Import Export"),
        ("Pin Hải Phòng", "Hai Phong Battery"),
        ("Móng Cái Logistics", "Mong Cai Logistics"),
    ),
    "AE": (
        ("Meridian Advanced Materials", "Meridian Advanced Materials"),
        ("Gulf Horizon General Trading", "Gulf Horizon General Trading"),
    ),
    "TR": (("Boğaziçi Teknik Dış Ticaret", "Bogazici Teknik Dis Ticaret"),),
    "HK": (
        ("九龍稀有金屬貿易", "Kowloon Rare Metals Trading"),
        ("東盈國際", "Tung Ying International"),
    ),
    "US": (("Aster Defense Systems", "Aster Defense Systems"),),
}

FORMS: dict[str, tuple[str, str]] = {
    "KZ": ("ТОО", "LLP"),
    "RU": ("ООО", "LLC"),
    "KG": ("ОсОО", "LLC"),
    "UZ": ("MChJ", "LLC"),
    "TJ": ("ҶДММ", "LLC"),
    "MN": ("ХХК", "LLC"),
    "BY": ("ООО", "LLC"),
    "PL": ("Sp. z o.o.", "Sp. z o.o."),
    "DE": ("GmbH", "GmbH"),
    "NL": ("B.V.", "B.V."),
    "CZ": ("s.r.o.", "s.r.o."),
    "HU": ("Kft.", "Kft."),
    "IT": ("S.r.l.", "S.r.l."),
    "LA": ("Sole Co., Ltd", "Sole Co., Ltd"),
    "TH": ("Co., Ltd.", "Co., Ltd."),
    "MM": ("Co., Ltd.", "Co., Ltd."),
    "VN": ("Công ty TNHH", "Co., Ltd"),
    "AE": ("FZE", "FZE"),
    "TR": ("Ltd. Şti.", "Ltd. Sti."),
    "HK": ("有限公司", "Limited"),
    "US": ("Inc.", "Inc."),
}
_PREFIX_FORM = {"KZ", "RU", "KG", "TJ", "BY", "VN"}

PHONE_CODES = {
    "CN": "+86",
    "KZ": "+7",
    "RU": "+7",
    "KG": "+996",
    "UZ": "+998",
    "TJ": "+992",
    "MN": "+976",
    "BY": "+375",
    "PL": "+48",
    "DE": "+49",
    "NL": "+31",
    "CZ": "+420",
    "HU": "+36",
    "IT": "+39",
    "LA": "+856",
    "TH": "+66",
    "MM": "+95",
    "VN": "+84",
    "AE": "+971",
    "TR": "+90",
    "HK": "+852",
    "US": "+1",
}

# Registered addresses that many firms share (registered-address services in the zones).
SHARED_ADDRESSES: tuple[tuple[str, str], ...] = (
    ("654004", "新疆伊犁州霍尔果斯市卡拉苏河东路1号中哈合作中心A座1208室"),
    ("654004", "新疆伊犁州霍尔果斯市亚欧路28号综合保税区服务中心302室"),
    ("653101", "新疆喀什经济开发区深喀大道总部经济区5号楼1101室"),
    ("652702", "新疆阿拉山口市综合保税区港务大道9号商务楼416室"),
    ("152501", "内蒙古二连浩特市边境经济合作区前进路66号综合楼207室"),
    ("451481", "广西凭祥市综合保税区友谊大道8号商务中心B座611室"),
    ("150781", "内蒙古满洲里市综合保税区二道街17号办公楼503室"),
    ("532823", "云南省西双版纳州勐腊县磨憨经济合作区国门大道3号808室"),
)
STREETS = (
    "解放路",
    "人民路",
    "建设路",
    "友谊路",
    "团结路",
    "胜利街",
    "兴边大道",
    "口岸路",
    "新华路",
    "光明路",
)


def uscc_check(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(ch) * w for ch, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc(rng: random.Random, division: str, kind: str = "91") -> str:
    """A unified social credit code with a right check character.

    ``kind``: 91 enterprise, 92 individual business, 93 farmers' cooperative.
    """
    body = kind + division + "".join(rng.choice(USCC_ALPHABET[:10]) for _ in range(8))
    body += rng.choice(USCC_ALPHABET)
    return body + uscc_check(body)


def broken_check(code: str) -> str:
    """The same code with a wrong check character (a clerk's slip)."""
    right = code[-1]
    options = [c for c in USCC_ALPHABET if c != right]
    return code[:-1] + options[(USCC_ALPHABET.index(right) * 7 + 3) % len(options)]


def resident_id(
    rng: random.Random, division: str, born_from: int = 1955, born_to: int = 2002
) -> str:
    """A resident identity number with a right check digit and a real birth date."""
    born = dt.date(rng.randint(born_from, born_to), rng.randint(1, 12), rng.randint(1, 28))
    body = division + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    total = sum(int(ch) * w for ch, w in zip(body, _RESIDENT_WEIGHTS, strict=True))
    return body + _RESIDENT_CHECK[total % 11]


def foreign_registration(rng: random.Random, country: str) -> str:
    digits = {
        "KZ": 12,
        "RU": 10,
        "KG": 14,
        "UZ": 9,
        "TJ": 9,
        "MN": 7,
        "BY": 9,
        "PL": 10,
        "VN": 10,
        "LA": 9,
        "TH": 13,
        "MM": 9,
        "AE": 6,
        "TR": 10,
        "HK": 8,
        "US": 9,
        "NL": 8,
        "CZ": 8,
        "HU": 10,
        "IT": 11,
    }.get(country, 9)
    number = "".join(str(rng.randrange(10)) for _ in range(digits))
    if country == "DE":
        return f"HRB {rng.randint(10000, 99999)}"
    return number


def company_cn(
    rng: random.Random, division: str, trade: str, used: set[str]
) -> tuple[str, str, str]:
    """A Chinese company's (Chinese, English, Russian) names, unique in the world."""
    place = PLACES.get(division, PLACES["650100"])
    zh_t, en_t, ru_t = TRADES[trade]
    for _ in range(200):
        stem = STEMS[rng.randrange(len(STEMS))]
        zh = f"{place[0]}{stem[0]}{zh_t}有限公司"
        if zh not in used:
            used.add(zh)
            en = f"{place[1]} {stem[1]} {en_t} Co., Ltd."
            ru = f"ООО «{place[2]} {stem[2]} {ru_t}»"
            return zh, en, ru
    # The stems ran out for this place and trade: number the name.
    n = len(used)
    zh = f"{place[0]}第{n}{zh_t}有限公司"
    used.add(zh)
    return zh, f"{place[1]} No.{n} {en_t} Co., Ltd.", f"ООО «{place[2]} №{n} {ru_t}»"


def company_foreign(
    rng: random.Random,
    country: str,
    used: set[str],
    stem: tuple[str, str] | None = None,
    suffix: tuple[str, str] | None = None,
) -> tuple[str, str]:
    """A foreign firm's (native, Latin) names, unique in the world."""
    native_form, latin_form = FORMS[country]
    stems = FOREIGN_STEMS.get(country, FOREIGN_STEMS["KZ"])
    for attempt in range(400):
        base = stem if stem is not None else stems[rng.randrange(len(stems))]
        extra = suffix
        if extra is None and (attempt > 0 or (stem is None and rng.random() < 0.5)):
            extra = pick(
                rng,
                (
                    ("Групп", "Group"),
                    ("Плюс", "Plus"),
                    ("Сервис", "Service"),
                    ("Транс", "Trans"),
                    ("Холдинг", "Holding"),
                    ("Инвест", "Invest"),
                    ("Снаб", "Snab"),
                    ("Альянс", "Alliance"),
                ),
            )
        if extra is not None and attempt > 20:
            extra = (f"{extra[0]} {attempt}", f"{extra[1]} {attempt}")
        native_stem = base[0] + (f" {extra[0]}" if extra else "")
        latin_stem = base[1] + (f" {extra[1]}" if extra else "")
        if country not in ("KZ", "RU", "KG", "TJ", "BY", "MN") and extra is not None:
            native_stem = base[0] + f" {extra[1]}"
        if country in _PREFIX_FORM:
            native = (
                f"{native_form} «{native_stem}»"
                if country != "VN"
                else f"{native_form} {native_stem}"
            )
        else:
            native = f"{native_stem} {native_form}"
        latin = f"{latin_stem} {latin_form}"
        if native not in used and latin not in used:
            used.add(native)
            used.add(latin)
            return native, latin
        stem = None
    raise RuntimeError("no unused foreign name left")  # pragma: no cover


def person_cn(rng: random.Random, province: str) -> tuple[str, str, str]:
    """A (Chinese, Latin, Cyrillic) name for a resident of ``province``."""
    if province == "Xinjiang" and rng.random() < 0.7:
        first, second = rng.sample(KAZAKH_NAMES, 2)
        return f"{first[0]}·{second[0]}", f"{first[1]} {second[1]}", f"{first[2]} {second[2]}"
    if province == "Inner Mongolia" and rng.random() < 0.5:
        first = rng.choice(MONGOL_NAMES)
        return first[0], first[1], first[2]
    if province == "Yunnan" and rng.random() < 0.6:
        first = rng.choice(DAI_NAMES)
        return first[0], first[1], first[2]
    surnames = ZHUANG_SURNAMES if province == "Guangxi" and rng.random() < 0.6 else SURNAMES
    s = rng.choice(surnames)
    g = rng.choice(GIVEN)
    return f"{s[0]}{g[0]}", f"{s[1]} {g[1]}", f"{s[2]} {g[2]}"


def person_foreign(rng: random.Random, country: str) -> tuple[str, str]:
    people = FOREIGN_PEOPLE.get(country, FOREIGN_PEOPLE["RU"])
    return people[rng.randrange(len(people))]


def phone(rng: random.Random, country: str) -> str:
    code = PHONE_CODES.get(country, "+7")
    if country == "CN":
        head = f"1{rng.choice('3589')}{rng.randrange(10)}"
        return f"{code} {head} {rng.randrange(10000):04d} {rng.randrange(10000):04d}"
    return f"{code} {rng.randint(100, 999)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"


def phone_variant(number: str) -> str:
    """The same number written another way (no spaces, no plus): one number to a person who
    normalises it, two strings to a join."""
    digits = "".join(ch for ch in number if ch.isdigit())
    if number.startswith("+86"):
        return digits[2:]
    if number.startswith("+7"):
        return "8" + digits[1:]
    return "00" + digits


def address_cn(rng: random.Random, division: str) -> str:
    place = PLACES.get(division, PLACES["650100"])[0]
    street = rng.choice(STREETS)
    return (
        f"{place}市{street}{rng.randint(1, 300)}号{rng.randint(1, 30)}栋{rng.randint(101, 1802)}室"
    )


def address_foreign(rng: random.Random, country: str, city: tuple[str, str]) -> str:
    street = rng.choice(
        (
            "Abay",
            "Lenina",
            "Pobedy",
            "Central",
            "Industrial",
            "Mira",
            "Tole Bi",
            "Sovetskaya",
            "Nguyen Trai",
            "Sukhbaatar",
            "Dostyk",
        )
    )
    return f"{city[0]}, {street} {rng.randint(1, 250)}"


def village_address(rng: random.Random, division: str) -> str:
    place = PLACES.get(division, PLACES["650100"])[0]
    village = rng.choice(("边境", "团结", "友谊", "新农", "口岸"))
    return f"{place}市{village}村{rng.randint(1, 12)}组{rng.randint(1, 90)}号"


_OWNERS = ("TGHU", "CXDU", "TBJU", "SEGU", "CBHU", "KZTU", "CRSU", "RZDU", "BMOU", "FSCU")


def container_number(rng: random.Random) -> str:
    """An ISO 6346 container number with its check digit."""
    owner = rng.choice(_OWNERS)
    serial = f"{rng.randrange(1_000_000):06d}"
    code = owner + serial
    values = []
    for ch in code:
        if ch.isdigit():
            values.append(int(ch))
        else:
            v = 10 + ord(ch) - ord("A")
            v += (v - 1) // 10  # skip multiples of 11
            values.append(v)
    check = sum(v * (2**i) for i, v in enumerate(values)) % 11 % 10
    return f"{code}{check}"


def transport_doc(rng: random.Random, mode: str) -> str | None:
    if mode == "rail":
        return f"SMGS{rng.randint(10_000_000, 99_999_999)}"
    if mode == "road":
        return (
            f"TIR XH{rng.randint(10_000_000, 99_999_999)}"
            if rng.random() < 0.6
            else f"CMR{rng.randint(100000, 999999)}"
        )
    if mode == "air":
        return f"999-{rng.randint(10_000_000, 99_999_999)}"
    if mode == "sea":
        return f"FCG{rng.randint(1000000, 9999999)}"
    return None
