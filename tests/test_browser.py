"""The examples' HTML report (reports/examples.html) in a real browser.

Headless Chromium (Debian's `chromium` and `chromium-driver`; `.ci/run` installs them)
driven by Selenium. The page must load with no console error and nothing fetched, show
the examples' figure conflict and date mismatch first, hide and show rows by severity,
source and search, and draw a timeline for the conflicting group. A screenshot of the
whole page is saved in the test's tmp folder. With JavaScript off, the page is the whole
report, unfiltered, without the controls. In CI (the CI variable set) a browser that
is missing or cannot start fails the test; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
PAGE = REPO / "reports" / "examples.html"
# No network on the machine: background networking, component updates and sync make it hang.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,1000",
)
INSTALL = "apt-get install -y chromium chromium-driver (.ci/run does)"


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the browser test needs Chromium: {reason}; {INSTALL}", pytrace=False)
    pytest.skip(f"{reason}; {INSTALL}")


def start_chromium(profile: Path, javascript: bool = True) -> Any:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        unavailable(f"{'chromium' if chromium is None else 'chromedriver'} is not on PATH")
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    try:
        driver = webdriver.Chrome(service=Service(executable_path=str(driver_path)), options=options)
    except WebDriverException as exc:
        unavailable(f"Chromium did not start: {exc.msg or exc}")
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    driver = start_chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield driver
    finally:
        driver.quit()


def console_errors(driver: Any) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def shown(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [element for element in driver.find_elements(By.CSS_SELECTOR, selector) if element.is_displayed()]


def test_examples_report_in_chromium(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    assert PAGE.is_file(), "reports/examples.html is missing (tests/test_examples_report.py writes it)"
    browser.get(PAGE.as_uri())
    assert browser.title == "claimcheck consistency summary"
    assert console_errors(browser) == []
    # Offline: the page fetched nothing (no stylesheet, script, font or image from anywhere).
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0

    # The attention list comes first and holds the planted figure conflict and date mismatch.
    attention = shown(browser, "#attention ol.attention > li")
    texts = [" ".join(item.text.split()) for item in attention]
    assert any("FIGURE CONFLICT" in text and "ships" in text for text in texts), texts
    assert any("DATE MISMATCH" in text and "yesterday, Thursday" in text for text in texts), texts
    first_story = browser.find_element(By.CSS_SELECTOR, "section.story")
    assert attention[0].location["y"] < first_story.location["y"]

    # A timeline chart for the conflicting group, drawn right under its row.
    conflict_row = browser.find_element(By.CSS_SELECTOR, "tr.status-conflict")
    assert "ships" in conflict_row.text
    chart = browser.find_element(By.CSS_SELECTOR, "tr.status-conflict + tr.chart-row figure.timeline svg")
    assert chart.is_displayed() and chart.size["width"] > 300 and chart.size["height"] > 100
    assert "Harbor Daily" in chart.text and "Coastal Wire" in chart.text

    # Severity filter: errors off hides the error items and the conflict row (and its chart)...
    rows_before = len(shown(browser, ".filterable"))
    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=error]").click()
    assert not conflict_row.is_displayed() and not chart.is_displayed()
    assert not shown(browser, "#attention li[data-severity=error]")
    assert shown(browser, "ul.notes li[data-severity=warning]")  # the unanchored dates stay
    assert len(shown(browser, ".filterable")) < rows_before
    # ...and on again shows them.
    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=error]").click()
    assert conflict_row.is_displayed() and chart.is_displayed()
    assert len(shown(browser, ".filterable")) == rows_before

    # Source filter: Estrava Evening's date mismatch goes when only Harbor Daily is shown.
    Select(browser.find_element(By.ID, "source")).select_by_visible_text("Harbor Daily")
    texts = [" ".join(item.text.split()) for item in shown(browser, "#attention li")]
    assert len(texts) == 1 and "ships" in texts[0]
    Select(browser.find_element(By.ID, "source")).select_by_value("")

    # Search: "three-week" leaves the one group worded so.
    browser.find_element(By.ID, "search").send_keys("three-week")
    assert [" ".join(row.text.split())[:22] for row in shown(browser, "tr.filterable")] == [
        "duration of the strike"
    ]
    browser.find_element(By.ID, "search").clear()
    browser.execute_script(
        "document.getElementById('search').dispatchEvent(new Event('input', {bubbles: true}))"
    )
    assert len(shown(browser, ".filterable")) == rows_before
    assert console_errors(browser) == []

    # A screenshot of the whole page, for a person to look at.
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1280, min(int(height) + 40, 8000))
    screenshot = tmp_path / "examples-report.png"
    assert browser.save_screenshot(str(screenshot))
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and screenshot.stat().st_size > 20_000


def test_without_javascript_the_page_is_the_whole_report(tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    driver = start_chromium(tmp_path / "profile", javascript=False)
    try:
        driver.get(PAGE.as_uri())
        assert not driver.find_element(By.ID, "filters").is_displayed()  # the controls need JavaScript
        assert driver.find_element(By.ID, "shown").text == ""  # the script did not run
        rows = driver.find_elements(By.CSS_SELECTOR, ".filterable")
        assert rows and all(
            row.is_displayed() for row in rows if row.find_elements(By.XPATH, "ancestor::details") == []
        )
        assert driver.find_element(By.CSS_SELECTOR, "tr.status-conflict + tr.chart-row svg").is_displayed()
    finally:
        driver.quit()
