"""A small hand-made dataset with one broker ring, one transshipment chain and traps.

- four recent shell exporters (S1-S4) sharing a phone and an address, all controlled by
  one person (李建平 / Li Jianping) as owner, payer or agent;
- an honest old exporter (H1) with its own contacts;
- a recent front consignee in VN whose director also directs a US end user that the
  watchlist lists under a variant spelling;
- an honest Japanese consignee whose name shares a stem with a listed company but
  whose legal form differs (a false-match trap).
"""

from __future__ import annotations

from datetime import date

import polars as pl

PARTIES_SCHEMA = {
    "party_id": pl.String(),
    "kind": pl.String(),
    "name": pl.String(),
    "alt_names": pl.List(pl.String()),
    "country": pl.String(),
    "address": pl.String(),
    "phone": pl.String(),
    "email": pl.String(),
    "registration_id": pl.String(),
    "incorporated_at": pl.Date(),
}


def party(pid: str, name: str, **over: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(PARTIES_SCHEMA)
    row.update(party_id=pid, name=name, kind="company", alt_names=[], country="CN")
    row.update(over)
    return row


SHELL_ADDRESS = "湖南省长沙市产业园工业大道193号"
SHELL_PHONE = "+86 731 57592075"


def parties_rows() -> list[dict[str, object]]:
    shells = [
        party(
            f"S{i}",
            name,
            alt_names=[alt],
            address=SHELL_ADDRESS,
            phone=SHELL_PHONE,
            email=f"s{i}@example.cn",
            registration_id=f"91430100SHELL000{i}X",
            incorporated_at=date(2023, i, 1),
        )
        for i, (name, alt) in enumerate(
            [
                ("长沙晟源国际贸易有限公司", "Changsha Shengyuan International Trade Co., Ltd."),
                ("长沙锦东国际贸易有限公司", "Changsha Jindong International Trade Co., Ltd."),
                ("长沙盛兴供应链有限公司", "Changsha Shengxing Supply Chain Co., Ltd."),
                ("长沙中隆供应链有限公司", "Changsha Zhonglong Supply Chain Co., Ltd."),
            ],
            start=1,
        )
    ]
    return [
        *shells,
        party(
            "B1", "李建平", kind="person", alt_names=["Li Jianping"], address="长沙市兴业路888号"
        ),
        party(
            "H1",
            "广西百色鑫盛有色金属有限公司",
            alt_names=["Guangxi Baise Xinsheng Nonferrous Metals Co., Ltd."],
            address="广西百色市工业园1号",
            phone="+86 776 1234567",
            registration_id="91451000HONEST001X",
            incorporated_at=date(2005, 3, 1),
        ),
        party(
            "F1",
            "Hoang Long International Trading Co., Ltd.",
            country="VN",
            address="204 KCN VSIP, Ho Chi Minh City",
            registration_id="VN645087269",
            incorporated_at=date(2023, 5, 14),
        ),
        party("A1", "James Johnson", kind="person", country="US", address="255 Harbor Way, Boston"),
        party(
            "E1",
            "Apex Keystone Photonics Corp.",
            country="US",
            address="176 Industrial Pkwy, Cleveland",
            registration_id="31-3020997",
            incorporated_at=date(1990, 9, 18),
        ),
        party(
            "J1",
            "Taiyo Photonics K.K.",
            country="JP",
            address="1-2-3 Marunouchi, Tokyo",
            registration_id="4835364524999",
            incorporated_at=date(2001, 1, 1),
        ),
    ]


def relations() -> pl.DataFrame:
    rows = [
        ("B1", "S1", "owner", 0.9),
        ("B1", "S2", "payer", None),
        ("B1", "S3", "agent", None),
        ("B1", "S4", "owner", 0.8),
        ("A1", "F1", "director", None),
        ("A1", "E1", "director", None),
    ]
    return pl.DataFrame(
        rows,
        schema={
            "src_party_id": pl.String(),
            "dst_party_id": pl.String(),
            "relation": pl.String(),
            "share": pl.Float64(),
        },
        orient="row",
    )


def declarations() -> pl.DataFrame:
    rows = []
    exporters = {
        "S1": "长沙晟源国际贸易有限公司",
        "S2": "长沙锦东国际贸易有限公司",
        "S3": "長沙盛興供應鏈有限公司",  # traditional characters on the declaration
        "S4": "长沙中隆供应链有限公司",
        "H1": "广西百色鑫盛有色金属有限公司",
    }
    regs = {
        "S1": "91430100SHELL0001X",
        "S2": "91430100SHELL0002X",
        "S3": "91430100SHELL0003X",
        "S4": "91430100SHELL0004X",
        "H1": "91451000HONEST001X",
    }
    n = 0
    for pid, name in exporters.items():
        consignees = (
            [("Hoang Long International Trading Co Ltd", "VN", "204 KCN VSIP, Ho Chi Minh City")]
            if pid != "H1"
            else [
                ("Hoang Long Intl Trading Co., Ltd.", "VN", "204 KCN VSIP, Ho Chi Minh City"),
                ("Taiyo Photonics K.K.", "JP", "1-2-3 Marunouchi, Tokyo"),
            ]
        )
        for consignee, country, address in consignees:
            for k in range(2):
                n += 1
                rows.append(
                    {
                        "declaration_id": f"D{n:04d}",
                        "line_no": 1,
                        "declared_at": date(2024, 3, 1 + k),
                        "exporter_id": regs[pid],
                        "exporter_name": name,
                        "declarant_id": "91430100BROKER001X",
                        "consignee_name": consignee,
                        "consignee_address": address,
                        "consignee_country": country,
                        "destination_country": country,
                        "end_user_name": None,
                        "hs_code": "8112929010",
                        "value": 1000.0 * (k + 1),
                    }
                )
    return pl.DataFrame(rows)


def watchlist() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "list": ["Synthetic Military End-User List", "Synthetic Military End-User List"],
            "name": ["Apex Keystone Photonics Corporation", "Taiyo Photonics Corporation"],
            "alt_names": [["顶点基石光子公司"], ["太阳光子公司"]],
            "kind": ["company", "company"],
            "country": ["US", "JP"],
            "address": [None, None],
            "registration_id": [None, None],
            "listed_at": [date(2021, 10, 13), date(2021, 10, 13)],
            "reason": ["military end use", "military end use"],
        },
        schema_overrides={"address": pl.String(), "registration_id": pl.String()},
    )


def tables() -> dict[str, pl.DataFrame]:
    return {
        "parties": pl.DataFrame(parties_rows(), schema=PARTIES_SCHEMA),
        "relations": relations(),
        "declarations": declarations(),
        "watchlist": watchlist(),
    }
