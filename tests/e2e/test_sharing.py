"""Real-browser checks of time, provenance and sharing: deep links, URL state, timeline, downloads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import save_full_page, wait_until_idle

pytestmark = pytest.mark.browser


def open_fresh(browser: Browser, url: str) -> Page:
    """The URL in a brand-new browser context: no cookies, no session, only the link."""
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    page.goto(url)
    wait_until_idle(page)
    return page


def test_deep_link_restores_issue_actors_and_date(browser: Browser, app_url: str):
    page = open_fresh(browser, f"{app_url}/issue?issue=US+backstop&actors=France&actors=Germany&as_of=2025-03-15")
    expect(page.get_by_role("heading", name="Issue deep-dive")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Positions as known on 15 Mar 2025.")).to_be_visible()
    expect(page.get_by_role("combobox", name="Issue", exact=True)).to_have_value("US backstop")
    sidebar = page.locator("[data-testid=stSidebar]")
    expect(sidebar.get_by_text("France", exact=True)).to_be_visible()
    expect(sidebar.get_by_text("Germany", exact=True)).to_be_visible()
    expect(page.get_by_text("The United States should back a European-led force")).to_be_visible()
    expect(page.get_by_text("2 actors stated a position")).to_be_visible()  # France and Germany, by 15 Mar
    save_full_page(page, "deep-link-issue")
    page.context.close()


def test_view_state_goes_into_the_url_and_back(browser: Browser, page: Page, app_url: str):
    page.goto(f"{app_url}/sources")
    wait_until_idle(page)
    page.get_by_role("combobox", name="Blocs").click()
    page.get_by_role("option", name="Russia").click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("58 of 58 positions shown.")).to_be_visible(timeout=20_000)
    expect(page).to_have_url(re.compile(r"/sources\?.*blocs=Russia"))
    page.get_by_text("Share or cite this view").click()
    expect(page.locator("[data-testid=stCode]").first).to_contain_text("blocs=Russia")
    shared = open_fresh(browser, page.url)
    expect(shared.get_by_text("58 of 58 positions shown.")).to_be_visible(timeout=20_000)
    shared.context.close()


def test_bad_link_gets_a_notice_not_an_error(browser: Browser, app_url: str):
    page = open_fresh(browser, f"{app_url}/?actors=Atlantis&actors=France&as_of=not-a-date")
    expect(page.get_by_text(re.compile("Part of this link was ignored"))).to_be_visible(timeout=20_000)
    assert page.locator("[data-testid=stException]").count() == 0
    expect(page.locator("[data-testid=stSidebar]").get_by_text("France", exact=True)).to_be_visible()
    page.context.close()


def test_timeline_renders_and_a_marker_opens_its_statement(page: Page, app_url: str):
    page.goto(f"{app_url}/timeline?issue=US+intelligence+sharing")
    chart = page.get_by_role("figure", name=re.compile("^Timeline of 92 key events and of 2 actors"))
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    expect(page.get_by_text("Click a marker to read that statement in full here.")).to_be_visible()
    marker = chart.locator(".scatterlayer .trace").last.locator("path.point").first  # Russia's statement
    marker.click(force=True)
    expect(page.get_by_text("Russia, 18 Mar 2025")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("Putin demanded an end to foreign intelligence sharing with Kyiv.")).to_be_visible()
    save_full_page(page, "timeline")


def test_chart_png_download_works_offline(page: Page, app_url: str):
    page.goto(app_url)
    chart = page.get_by_role("figure", name=re.compile("^Matrix of the latest positions"))
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    chart.hover()
    with page.expect_download() as download:
        chart.get_by_role("button", name="Download plot as a PNG").click()
    path = download.value.path()
    assert download.value.suggested_filename.endswith(".png")
    assert open(path, "rb").read(8) == b"\x89PNG\r\n\x1a\n"


def test_sources_csv_download(page: Page, app_url: str):
    page.goto(f"{app_url}/sources?q=Vance")
    wait_until_idle(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download these 10 positions (CSV)").click()
    data = open(download.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbfactor,bloc,issue,position,date,summary")
    assert data.decode("utf-8-sig").count("\n") == 11
