"""First-start set-up: the standard agencies and, on an empty store, demo users.

The agencies are the ones the controls involve. Demo users are created only when the
store has no users at all; their password is the one given (``orewatch serve`` prints
it, or takes ``OREWATCH_DEMO_PASSWORD``), so nothing secret is baked into the code.
"""

from __future__ import annotations

from orewatch.cases.service import CaseService

#: (id, English name, Chinese name, kind)
AGENCIES: tuple[tuple[str, str, str, str], ...] = (
    (
        "customs",
        "General Administration of Customs — risk and anti-smuggling",
        "海关总署风险防控与缉私",
        "domestic",
    ),
    ("commerce", "Ministry of Commerce — export licensing", "商务部出口许可", "domestic"),
    ("public_security", "Ministry of Public Security", "公安部", "domestic"),
    ("state_security", "Ministry of State Security", "国家安全部", "domestic"),
    ("procuratorate", "Supreme People's Procuratorate", "最高人民检察院", "domestic"),
    ("court", "People's Courts", "人民法院", "domestic"),
    ("hk_customs", "Hong Kong Customs and Excise", "香港海关", "partner_customs"),
    ("mo_customs", "Macao Customs Service", "澳门海关", "partner_customs"),
)

#: (username, agency, roles, display name)
DEMO_USERS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("admin", "customs", ("admin", "auditor"), "Administrator"),
    ("analyst", "customs", ("analyst",), "Customs analyst 海关分析员"),
    ("supervisor", "customs", ("supervisor",), "Customs supervisor 海关科长"),
    ("licensing", "commerce", ("analyst",), "Licensing officer 许可审查员"),
    ("police", "public_security", ("supervisor",), "Investigator 侦查员"),
    ("prosecutor", "procuratorate", ("viewer",), "Prosecutor 检察官"),
    ("hk", "hk_customs", ("partner",), "HK customs officer 香港海关关员"),
)


def ensure_agencies(service: CaseService) -> None:
    """Create any missing standard agency."""
    for agency_id, name, name_zh, kind in AGENCIES:
        service.ensure_agency(agency_id, name, name_zh, kind)


def ensure_demo_users(service: CaseService, password: str) -> bool:
    """Create the demo users if the store has none; True when they were created."""
    if service.has_users():
        return False
    for username, agency, roles, display in DEMO_USERS:
        service.create_user(username, password, agency, roles, display)
    return True
