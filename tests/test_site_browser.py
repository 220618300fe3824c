"""What a visitor sees, in headless Chromium against a real `bantracker serve`."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path

import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By

from tests.browser import available, browser, console_errors, free_port, serving
from tests.conftest import BIN

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not available(), reason="needs Debian's chromium and chromium-driver"),
]

HOSTILE = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture(scope="module")
def site(public_db, tmp_path_factory):
    """The demo database plus one document and measure quote carrying hostile markup."""
    directory = tmp_path_factory.mktemp("site")
    db = directory / "public.sqlite"
    shutil.copy(public_db, db)
    conn = sqlite3.connect(db)
    measure_id, event_id = conn.execute(
        "SELECT measure_id, id FROM events ORDER BY event_date DESC LIMIT 1"
    ).fetchone()
    conn.execute(
        "INSERT INTO documents (id, url, canonical_url, source_id, title, published, language) "
        "VALUES ('hostile0000000000', 'https://example.org/x', 'https://example.org/x', "
        "'be_vrt_nws', ?, '2026-06-24', 'en')",
        (HOSTILE,),
    )
    conn.execute(
        "INSERT INTO event_sources (event_id, document_id, role, quote) VALUES (?, ?, ?, ?)",
        (event_id, "hostile0000000000", "corroborating", HOSTILE),
    )
    # the public database stores the evidence view as a table (db/public.py)
    conn.execute(
        "INSERT INTO evidence (event_id, measure_id, document_id, url, source, source_kind, "
        "published, language, role, quote) VALUES (?, ?, 'hostile0000000000', "
        "'https://example.org/x', 'be_vrt_nws', 'public_broadcaster', '2026-06-24', 'en', "
        "'corroborating', ?)",
        (event_id, measure_id, HOSTILE),
    )
    conn.commit()
    conn.close()
    port = free_port()
    command = [str(BIN / "bantracker"), "serve", "--db", str(db), "--port", str(port)]
    with serving(command, port) as base:
        yield base, measure_id


@pytest.fixture(scope="module")
def chrome(tmp_path_factory):
    with browser(tmp_path_factory.mktemp("profile")) as driver:
        yield driver


SCREENSHOTS = os.environ.get("BANTRACKER_SCREENSHOTS")  # a folder: also save what was seen


def visit(driver, url: str, name: str | None = None) -> None:
    driver.get_log("browser")  # drop what earlier pages logged
    driver.get(url)
    if SCREENSHOTS and name:
        time.sleep(1.0)  # let charts and the map draw
        if name == "timeline":  # past the column descriptions, to the rows and facets
            driver.execute_script("document.querySelector('.facet-results')?.scrollIntoView()")
        driver.save_screenshot(str(Path(SCREENSHOTS) / f"{name}.png"))


def no_alert(driver) -> bool:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return True
    alert.dismiss()
    return False


PAGES = [
    ("home", "/", "AI & App Ban Tracker"),
    ("timeline", "/public/timeline?_facet=country_code&country_code=BE", "Ghent"),
    ("dashboard", "/-/dashboards/overview", "Measures per product"),
    ("map", "/public/map", "Map of jurisdictions"),
    ("search", "/-/search?q=gand", "measures"),
]


@pytest.mark.parametrize("name,path,expected", PAGES)
def test_pages_render_without_errors(chrome, site, name, path, expected):
    base, _ = site
    visit(chrome, base + path, name)
    assert expected in chrome.find_element(By.TAG_NAME, "body").text
    assert console_errors(chrome) == []


def test_measure_page_shows_events_and_quoted_sources(chrome, site):
    base, measure_id = site
    visit(chrome, f"{base}/public/measures/{measure_id}", "measure")
    events = chrome.find_elements(By.CSS_SELECTOR, ".measure-timeline li.event")
    assert events
    quotes = chrome.find_elements(By.CSS_SELECTOR, ".measure-timeline q")
    assert any(q.text for q in quotes)
    assert console_errors(chrome) == []


def test_crawled_markup_is_shown_as_text_and_runs_nothing(chrome, site):
    base, measure_id = site
    for path in ("/public/documents/hostile0000000000", f"/public/measures/{measure_id}"):
        visit(chrome, base + path)
        assert "<script>alert(1)</script>" in chrome.find_element(By.TAG_NAME, "body").text
        assert no_alert(chrome)
        assert chrome.execute_script("return document.querySelectorAll('img[src=x]').length") == 0
