"""Restricted-party lists of the synthetic world.

Entries name (in English, with Chinese and variant spellings as alt names) some of the
end users and associates behind transshipment rings, plus many entries that have
nothing to do with this world's trade and a few near-miss names, so that screening
meets both true and false matches.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import polars as pl

from orewatch.contract.schema import WATCHLIST
from orewatch.world import names
from orewatch.world.geo import COUNTRY_BY_CODE
from orewatch.world.parties import PartyBook

LISTS: tuple[str, ...] = (
    "MOFCOM Export Control Control List",
    "MOFCOM Unreliable Entity List",
    "Synthetic Military End-User List",
)
_ZH: dict[str, str] = {
    "Summit": "峰会",
    "Liberty": "自由",
    "Eagle": "雄鹰",
    "Pioneer": "先锋",
    "Keystone": "基石",
    "Apex": "顶点",
    "Frontier": "前沿",
    "Northstar": "北极星",
    "Atlas": "阿特拉斯",
    "Sakura": "樱花",
    "Kanto": "关东",
    "Hokuriku": "北陆",
    "Tohoku": "东北",
    "Yamato": "大和",
    "Seiwa": "清和",
    "Daiwa": "大和",
    "Asahi": "旭",
    "Kyowa": "协和",
    "Meiko": "明工",
    "Shinko": "神钢",
    "Taiyo": "太阳",
    "Hanil": "韩一",
    "Daesung": "大成",
    "Samhwa": "三和",
    "Kumho": "锦湖",
    "Dongbang": "东邦",
    "Sejin": "世进",
    "Haesung": "海成",
    "Yoosung": "有成",
    "Defense": "防务",
    "Systems": "系统",
    "Aerospace": "航空航天",
    "Electronics": "电子",
    "Photonics": "光子",
    "Motors": "电机",
    "Semiconductor": "半导体",
    "Optics": "光学",
    "Energy": "能源",
    "Inc.": "公司",
    "LLC": "有限责任公司",
    "Corp.": "公司",
    "Co.": "公司",
    "Co.,": "",
    "Ltd.": "有限公司",
    "K.K.": "株式会社",
    "Corporation": "公司",
    "Trading": "贸易",
    "Technologies": "技术",
    "Materials": "材料",
    "Industries": "工业",
}
_REASONS = (
    "military end user",
    "procurement for military end use",
    "diversion of controlled items",
    "endangering national security and interests",
)


_FORMS_ZH: tuple[tuple[str, str], ...] = (
    ("GmbH & Co. KG", "两合公司"),
    ("Co., Ltd.", "有限公司"),
    ("Pte. Ltd.", "私人有限公司"),
    ("Sdn. Bhd.", "私人有限公司"),
    ("S.A. de C.V.", "可变资本股份公司"),
    ("GmbH", "有限责任公司"),
    ("K.K.", "株式会社"),
    ("Inc.", "公司"),
    ("LLC", "有限责任公司"),
    ("Corp.", "公司"),
    ("Ltd.", "有限公司"),
    ("Limited", "有限公司"),
    ("B.V.", "私人有限公司"),
    ("FZE", "自由区公司"),
    ("AG", "股份公司"),
    ("LLP", "有限责任合伙"),
    ("A.Ş.", "股份公司"),
    ("JSC", "股份公司"),
)


def chinese_name(name: str) -> str:
    """A Chinese rendering of a foreign company name: legal form and known words
    translated, the rest (a transliterated stem) kept in Latin letters."""
    suffix = ""
    for form, zh in _FORMS_ZH:
        if name.endswith(form):
            name, suffix = name[: -len(form)].strip(), zh
            break
    parts: list[str] = []
    for word in name.split():
        word_zh = _ZH.get(word)
        if word_zh is None:
            parts.append(f" {word} " if parts else f"{word} ")
        else:
            parts.append(word_zh)
    return ("".join(parts).strip() + suffix).replace("  ", " ")


def variant(name: str, rng: np.random.Generator) -> str:
    """A spelling variant as lists print them (upper case, punctuation, form dropped)."""
    u = rng.random()
    if u < 0.3:
        return name.upper().replace(",", "")
    if u < 0.6:
        return " ".join(
            w for w in name.split() if w not in ("Inc.", "LLC", "Corp.", "Co.,", "Ltd.", "K.K.")
        )
    return name.replace("Inc.", "Incorporated").replace("Corp.", "Corporation")


def watchlist_frame(
    rng: np.random.Generator,
    book: PartyBook,
    watch_end_users: list[tuple[int, bool]],
    start: date,
    n_decoys: int,
) -> tuple[pl.DataFrame, list[str]]:
    """The watchlist and the party ids of world parties it names."""
    rows: list[dict[str, str | None]] = []
    listed: list[str] = []
    for idx, military in watch_end_users:
        eu = book.end_users[idx]
        if rng.random() > (0.7 if military else 0.35):
            continue
        name = variant(eu.name, rng) if rng.random() < 0.5 else eu.name
        alts = [chinese_name(eu.name), eu.name if name != eu.name else variant(eu.name, rng)]
        rows.append(_row(rng, name, alts, "company", eu.country, start, military))
        listed.append(eu.party_id)
    # decoys: restricted parties that never trade here, some with near-miss names
    for k in range(n_decoys):
        country = str(
            rng.choice(["US", "US", "US", "JP", "KR", "DE", "GB", "IN", "AE", "TR", "RU"])
        )
        c = COUNTRY_BY_CODE[country]
        if rng.random() < 0.2:
            nm = names.foreign_person(rng, c)
            rows.append(_row(rng, nm, [], "person", country, start, False))
            continue
        word = str(
            rng.choice(
                [
                    "Defense Systems",
                    "Aerospace",
                    "Electronics",
                    "Photonics",
                    "Optics",
                    "Materials",
                    "Technologies",
                ]
            )
        )
        if k % 7 == 0 and book.consignees:
            base = book.consignees[int(rng.integers(len(book.consignees)))]
            stem = base.name.split()[0]
            nm = f"{stem} {word} {c.forms[0]}"  # shares a stem with a real consignee
        else:
            nm = names.foreign_company(rng, c, word)
        rows.append(_row(rng, nm, [chinese_name(nm)], "company", country, start, True))
    frame = pl.DataFrame(rows, schema={c: pl.String for c in WATCHLIST.names}, orient="row")
    return frame.sort(["list", "name"]), listed


def _row(
    rng: np.random.Generator,
    name: str,
    alts: list[str],
    kind: str,
    country: str,
    start: date,
    military: bool,
) -> dict[str, str | None]:
    c = COUNTRY_BY_CODE[country]
    listed_at = start + timedelta(days=int(rng.integers(-900, 700)))
    return {
        "list": LISTS[2] if military and rng.random() < 0.5 else LISTS[int(rng.integers(2))],
        "name": name,
        "alt_names": ";".join(dict.fromkeys(a for a in alts if a and a != name)) or None,
        "kind": kind,
        "country": country,
        "address": names.foreign_address(rng, c) if rng.random() < 0.6 else None,
        "registration_id": names.foreign_registration(rng, c) if rng.random() < 0.3 else None,
        "listed_at": listed_at.isoformat(),
        "reason": str(rng.choice(_REASONS)),
    }
