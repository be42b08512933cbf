"""The control-effectiveness view: the trade report for the served dataset, logged in."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from orewatch.cases.service import CaseService

Login = Callable[[str], tuple[TestClient, str]]
MONTHS = [f"{y}-{m:02d}" for y in (2023, 2024) for m in range(1, 13)]


def write_trade(world: Path) -> None:
    """China's gallium (811292) exports: the US falls from 100k to 20k a month at the
    control (2023-08 in the packaged catalogue) while TH's onward exports jump."""
    rows = ["reporter,partner,flow,hs_code,period,value_usd,quantity_kg"]
    for period in MONTHS:
        after = period >= "2023-08"
        us, th_in, th_out = (20_000, 70_000, 60_000) if after else (100_000, 10_000, 500)
        rows += [
            f"CN,US,export,811292,{period},{us},{us / 500}",
            f"CN,TH,export,811292,{period},{th_in},{th_in / 500}",
            f"TH,US,export,811292,{period},{th_out},{th_out / 500}",
            f"CN,MY,export,811292,{period},30000,60",
            f"MY,US,export,811292,{period},3000,6",
        ]
    (world / "trade_stats.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_analyst_sees_the_report_of_the_served_dataset(
    web: tuple[FastAPI, CaseService], login: Login, tmp_path: Path
) -> None:
    write_trade(tmp_path / "data" / "world")
    client, _ = login("analyst")
    page = client.get("/effectiveness")
    assert page.status_code == 200, page.text[:300]
    text = page.text
    assert "Control effectiveness" in text and "gallium" in text
    assert "Controlled from" in text and "2023-08-01" in text
    # the per-destination table and the suspected route, with its reasons and figures
    assert '<table class="grid"><tr><th>destination</th>' in text and "<td>US</td>" in text
    route = re.search(r"<td>TH</td><td>811292</td><td>[\d.]+</td><td>([^<]+)</td>", text)
    assert route is not None and "REEXPORT_" in route.group(1)
    # charts are server-built figure JSON (drawn by the workbench's script, no CDN)
    figures = [json.loads(html.unescape(f)) for f in re.findall(r'data-figure="([^"]+)"', text)]
    assert figures and any(t.get("name") == "US" for f in figures for t in f["data"])
    assert '<script src="/vendor/plotly.min.js">' in text and "cdn" not in text.lower()
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    # the tiny world declares no gallium, so there is no licensed share to show
    assert "No declaration lines of this item after the control" in text
    # Chinese
    client.get("/lang/zh?next=/effectiveness")
    assert "管制效果评估" in client.get("/effectiveness").text


def test_the_report_is_behind_login_and_not_for_partner_customs(
    web: tuple[FastAPI, CaseService], login: Login, tmp_path: Path
) -> None:
    write_trade(tmp_path / "data" / "world")
    anonymous = TestClient(web[0]).get("/effectiveness", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login")
    partner, _ = login("hk")
    assert partner.get("/effectiveness").status_code == 403


def test_a_dataset_without_trade_statistics_says_so(login: Login) -> None:
    client, _ = login("analyst")
    page = client.get("/effectiveness")
    assert page.status_code == 200
    assert "No controlled headings" in page.text
