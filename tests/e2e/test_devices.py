"""The overview in the form of the device: lists on a phone (without the chart library), the matrix on a
larger screen (without the lists), and either one a press away."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from testkit.screens import screen
from tests.e2e.conftest import wait_until_idle

pytestmark = pytest.mark.browser


def test_a_phone_gets_the_lists_and_never_loads_the_chart_library(browser: Browser, app_url: str):
    context = screen(browser, 390, 844)
    page = context.new_page()
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    page.goto(app_url)
    wait_until_idle(page)
    expect(page.get_by_role("combobox", name="Issue", exact=True)).to_be_visible()
    expect(page.get_by_text("17 of 19 actors stated a position")).to_be_visible()  # Europe, on the first issue
    assert page.locator("[data-testid=stPlotlyChart]").count() == 0
    assert scripts and not [url for url in scripts if "PlotlyChart" in url]
    page.get_by_role("radio", name="Matrix").click()  # the matrix is still one press away
    expect(page.locator("[data-testid=stPlotlyChart] .main-svg").first).to_be_visible(timeout=30_000)
    context.close()


def test_a_large_screen_gets_the_matrix_alone_and_the_lists_a_press_away(browser: Browser, app_url: str):
    context = screen(browser, 1280, 720)
    page = context.new_page()
    page.goto(app_url)
    wait_until_idle(page)
    expect(page.locator("[data-testid=stPlotlyChart] .main-svg").first).to_be_visible(timeout=30_000)
    expect(page.get_by_role("combobox", name="Issue", exact=True)).to_have_count(0)
    page.get_by_role("radio", name="Lists").click()
    expect(page.get_by_role("combobox", name="Issue", exact=True)).to_be_visible()
    expect(page.locator("[data-testid=stPlotlyChart]")).to_have_count(0)
    context.close()
