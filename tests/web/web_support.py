"""A tiny screened dataset on disk and a workbench app over it, for the web tests."""

from __future__ import annotations

from pathlib import Path

from argon2 import PasswordHasher
from fastapi import FastAPI

from orewatch.api.app import create_app
from orewatch.cases.bootstrap import ensure_demo_users
from orewatch.cases.service import CaseService
from orewatch.cases.store import CaseStore
from orewatch.settings import Settings
from orewatch.web.context import WorkbenchConfig, build

PASSWORD = "workbench-test-pw"
TOP = "010120250000000001"
OTHER = "010120250000000002"

FILES: dict[str, str] = {
    "screen/alerts.csv": (
        "declaration_id,line_no,score,channel,reasons,channel_reason,explanation\n"
        f"{OTHER},1,0.2,green,,below capacity,\n"
        f"{TOP},1,0.97,red,HS_MISDECLARED;VALUE_LOW,risk rank 1,"
        "declared as steel; priced like gallium\n"
        f"{TOP},2,0.4,yellow,VALUE_LOW,risk rank 2,value low for the commodity\n"
    ),
    "screen/parties.csv": "party_id,name,score,reasons,evidence\nP1,甲公司,22.0,EXPORTER_SHELL_CLUSTER,shares address\n",  # noqa: E501
    "screen/facilities.csv": "facility_id,period,material,gap_kg,score,reasons,evidence\nF1,2025-02,gallium:metal,-3.0,8.0,BALANCE_GAP,gap -3 kg\n",  # noqa: E501
    "screen/routes.csv": "country,hs_code,score,reasons,evidence\nVN,282580,3.0,MIRROR_GAP,partner reports more\n",  # noqa: E501
    "world/declarations.csv": (
        "declaration_id,line_no,exporter_id,exporter_name,consignee_name,consignee_country,"
        "destination_country,hs_code,description,net_weight_kg,value,currency,license_no\n"
        f"{TOP},1,91350100M000100Y43,甲公司,Acme BV,NL,NL,7228300000,钢材,50,900,USD,2025DU000001\n"
        f"{TOP},2,91350100M000100Y43,甲公司,Acme BV,NL,NL,7228300000,钢材,60,950,USD,\n"
        f"{OTHER},1,91110000100000000A,乙公司,Beta Ltd,VN,VN,2818100000,氧化铝,900,800,USD,\n"
    ),
    "world/licenses.csv": "license_no,exporter_id,quantity_kg,consignee_country,status\n2025DU000001,91350100M000100Y43,80,NL,valid\n",  # noqa: E501
    "world/parties.csv": "party_id,kind,name,registration_id\nP1,company,甲公司,91350100M000100Y43\nP2,person,张伟,\nP3,company,丙公司,\n",  # noqa: E501
    "world/relations.csv": "src_party_id,dst_party_id,relation,share,since\nP2,P1,director,,2020-01-01\nP2,P3,director,,2021-01-01\n",  # noqa: E501
    "world/facilities.csv": "facility_id,name,kind\nF1,冶炼厂,smelter\nF2,贸易商,trader\n",
    "world/movements.csv": (
        "movement_id,moved_at,from_id,to_id,material,quantity_kg,lot_id,document_no\n"
        "M1,2025-01-03,F2,F1,gallium:metal,10,L1,D1\nM2,2025-02-03,F1,F2,gallium:metal,13,L2,D2\n"
    ),
}


def write_dataset(root: Path) -> Path:
    """Write the tiny dataset under ``root`` (``screen/`` and ``world/``)."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def workbench_app(root: Path) -> tuple[FastAPI, CaseService]:
    """The full app over the tiny dataset with the demo users (cheap argon2 settings)."""
    data = write_dataset(root / "data")
    service = CaseService(
        CaseStore.open(f"sqlite:///{root / 'cases.sqlite'}"),
        PasswordHasher(time_cost=1, memory_cost=8, parallelism=1),
    )
    bench = build(WorkbenchConfig(cases_url="", data_dir=data), service)
    ensure_demo_users(service, PASSWORD)
    app = create_app(Settings(home=root, db=root / "absent.duckdb"))
    app.state.workbench = bench
    return app, service
