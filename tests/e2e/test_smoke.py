"""Real-browser smoke test: each page renders in Chromium, shows its content, raises nothing."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import save_full_page, wait_until_idle

pytestmark = pytest.mark.browser

PAGES = [
    ("", "Overview: who stands where", 1),
    ("europe-vs-us", "Europe vs US: where they differ", 2),
    ("issue", "Issue deep-dive", 0),
    ("sources", "Sources", 0),
]


@pytest.mark.parametrize(("path", "heading", "charts"), PAGES)
def test_page_renders_in_chromium(page: Page, app_url: str, path: str, heading: str, charts: int):
    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None,
    )
    page.goto(f"{app_url}/{path}")
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    plots = page.locator("[data-testid=stPlotlyChart] .main-svg")
    if charts:
        expect(plots.first).to_be_visible(timeout=20_000)
    assert page.locator("[data-testid=stPlotlyChart]").count() == charts
    expect(page.get_by_text("100 dated positions of 16 actors")).to_be_visible()
    save_full_page(page, path or "overview")
    # must not happen: an exception box, an error alert, a request leaving the machine
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    assert outside == []


def test_matrix_cells_show_glyphs_and_hover_with_source(page: Page, app_url: str):
    page.goto(app_url)
    wait_until_idle(page)
    heatmap = page.get_by_role("figure", name=re.compile("^Matrix of the latest positions of 16 actors"))
    expect(heatmap.locator(".main-svg").first).to_be_visible(timeout=20_000)
    assert heatmap.get_by_text("▲▲").count() > 10
    assert heatmap.get_by_text("▼▼").count() > 5
    cell = heatmap.locator(".nsewdrag").first
    box = cell.bounding_box()
    # hover the first cell (United Kingdom · European ground troops) and read its tooltip
    page.mouse.move(box["x"] + 10, box["y"] + 10)
    expect(heatmap.locator(".hoverlayer")).to_contain_text("United Kingdom", timeout=10_000)
    expect(heatmap.locator(".hoverlayer")).to_contain_text("Source:")


def test_sidebar_filter_changes_the_view(page: Page, app_url: str):
    page.goto(f"{app_url}/sources")
    wait_until_idle(page)
    expect(page.get_by_text("100 of 100 positions shown.")).to_be_visible()
    page.get_by_role("combobox", name="Blocs").click()
    page.get_by_role("option", name="Russia").click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("16 of 16 positions shown.")).to_be_visible(timeout=20_000)
