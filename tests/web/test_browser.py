"""Browser tests: Playwright driving Debian's Chromium against a live workbench.

Chromium comes from the system (``/usr/bin/chromium`` or ``OREWATCH_TEST_CHROMIUM``),
never from ``playwright install``. When CI sets ``OREWATCH_TEST_CHROMIUM`` a missing
browser fails the run instead of skipping.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, BrowserType, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from web_support import PASSWORD, TOP, workbench_app

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


AGENCY = {
    "supervisor": "customs",
    "analyst": "customs",
    "hk": "hk_customs",
    "police": "public_security",
}


def chromium_path() -> str:
    path = os.environ.get("OREWATCH_TEST_CHROMIUM") or "/usr/bin/chromium"
    if not Path(path).exists():
        if os.environ.get("OREWATCH_TEST_CHROMIUM"):
            pytest.fail(f"OREWATCH_TEST_CHROMIUM={path} does not exist")
        pytest.skip(f"no Chromium at {path}: apt-get install chromium to run the browser tests")
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def live_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The workbench over the tiny dataset, served by uvicorn on loopback."""
    app, _ = workbench_app(tmp_path_factory.mktemp("browser"))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    with sync_playwright() as playwright:
        launched = launch(playwright.chromium, path)
        yield launched
        launched.close()


def launch(chromium: BrowserType, path: str, attempts: int = 2) -> Browser:
    """Start Chromium; on a loaded machine a first start can hang, so try twice."""
    for attempt in range(1, attempts + 1):
        try:
            return chromium.launch(executable_path=path, args=ARGS, headless=True, timeout=60_000)
        except PlaywrightTimeoutError:
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


def log_in(browser: Browser, url: str, username: str) -> Page:
    page = browser.new_context().new_page()
    page.goto(f"{url}/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("#login-button")
    expect(page.locator("#who")).to_contain_text(AGENCY[username])
    return page


def test_analyst_works_a_case_and_others_see_only_what_they_may(
    browser: Browser, live_url: str
) -> None:
    page = log_in(browser, live_url, "supervisor")
    page.goto(f"{live_url}/alerts")
    page.locator("a.alert-link").first.click()
    expect(page.locator("h1")).to_contain_text(TOP)
    page.fill("#case-title", "Gallium declared as steel")
    page.click("#create-case")
    expect(page.locator("#case-status")).to_have_attribute("data-status", "open")
    case_url = page.url

    page.select_option("#evidence-kind", "licence_check")
    page.fill("#evidence-reference", "2025DU000001")
    page.fill("#evidence-source", "licences.csv row 1; checked by phone with MOFCOM")
    page.fill("#evidence-description", "licence covers 80 kg to NL only")
    page.click("#attach-evidence")
    expect(page.locator("#evidence")).to_contain_text("licences.csv row 1")

    for status, reason in [
        ("investigating", ""),
        ("transferred", "value over the criminal threshold"),
        ("closed", "judgment served"),
    ]:
        page.select_option("#next-status", status)
        page.fill("#status-reason", reason)
        page.click("#move-status")
        expect(page.locator("#case-status")).to_have_attribute("data-status", status)
    expect(page.locator("#history")).to_contain_text("value over the criminal threshold")
    page.select_option("#share-agency", "hk_customs")
    page.click("#share-button")

    partner = log_in(browser, live_url, "hk")
    response = partner.goto(f"{live_url}/alerts")
    assert response is not None and response.status == 403
    partner.goto(case_url)
    expect(partner.locator("#withheld")).to_be_visible()
    expect(partner.locator("body")).not_to_contain_text("priced like gallium")
    expect(partner.locator("#status-form")).to_have_count(0)
    expect(partner.locator("#evidence-form")).to_have_count(0)

    police = log_in(browser, live_url, "police")
    response = police.goto(case_url)
    assert response is not None and response.status == 404
    police.goto(f"{live_url}/cases")
    expect(police.locator("#cases")).not_to_contain_text("Gallium declared as steel")


def test_language_switch_in_the_browser(browser: Browser, live_url: str) -> None:
    page = log_in(browser, live_url, "analyst")
    page.goto(f"{live_url}/alerts")
    page.click("text=中文")
    expect(page.locator("h1")).to_contain_text("预警队列")
    page.click("text=EN")
    expect(page.locator("h1")).to_contain_text("Alert queue")
