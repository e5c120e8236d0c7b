"""Every page in Chromium: it renders, its chart and table tabs work, nothing goes wrong, and nothing is
fetched from outside the machine. Full-page screenshots of every page go to tests/e2e/screenshots/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from components import pages
from components.pages import PAGES, PageSpec
from tests.e2e.conftest import save_full_page, wait_until_idle

pytestmark = pytest.mark.browser

# Charts drawn on each page of the bundled topic (every page not listed draws none).
CHARTS = {"overview": 1, "europe_vs_us": 2, "timeline": 1, "agreement_map": 1}


def assert_nothing_went_wrong(page: Page, outside: list[str]) -> None:
    """The must-not-happen checks of every scenario."""
    assert page.locator("[data-testid=stException]").count() == 0
    assert page.locator("[data-testid=stAlertContentError]").count() == 0
    assert outside == [], outside


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.module)
def test_page_renders_in_chromium(page: Page, app_url: str, spec: PageSpec):
    """(In French: tests/e2e/test_languages.py, beside the axe audit.)"""
    charts = CHARTS.get(spec.module, 0)
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None)
    page.goto(f"{app_url}/{spec.root_path}")
    title = page.get_by_role("heading", name=spec.heading) if spec.heading else page.locator("h1")
    expect(title.first).to_be_visible(timeout=30_000)
    wait_until_idle(page)
    plots = page.locator("[data-testid=stPlotlyChart]")
    if charts:
        expect(plots.first.locator(".main-svg").first).to_be_visible(timeout=20_000)
    expect(plots).to_have_count(charts)
    if not spec.projector:  # the projector view has no footer
        expect(page.get_by_text(re.compile(r"^Data: 456 dated positions of 26 actors"))).to_be_visible()
    for tab in page.get_by_role("tab", name="Table").all():  # every chart's table twin opens
        tab.click()
        panel = page.get_by_role("tabpanel").filter(has=page.locator("[data-testid=stDataFrame]"))
        expect(panel.first).to_be_visible()
    save_full_page(page, spec.url_path)
    assert_nothing_went_wrong(page, outside)


def test_matrix_cells_show_glyphs_and_hover_with_source(page: Page, app_url: str):
    page.goto(app_url)
    wait_until_idle(page)
    heatmap = page.get_by_role("figure", name=re.compile("^Matrix of the latest positions of 26 actors"))
    expect(heatmap.locator(".main-svg").first).to_be_visible(timeout=20_000)
    assert heatmap.get_by_text("▲▲").count() > 10
    assert heatmap.get_by_text("▼▼").count() > 5
    heatmap.scroll_into_view_if_needed()  # below the fold on a 720 px screen, under "at a glance"
    box = heatmap.locator(".nsewdrag").first.bounding_box()
    # the middle of the first cell (26 actors × the 12 central issues): United Kingdom on European ground troops
    page.mouse.move(box["x"] + box["width"] / 24, box["y"] + box["height"] / 52)
    expect(heatmap.locator(".hoverlayer")).to_contain_text("United Kingdom", timeout=10_000)
    expect(heatmap.locator(".hoverlayer")).to_contain_text("Source:")


def test_sidebar_filter_changes_every_view(page: Page, app_url: str):
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None)
    page.goto(f"{app_url}/sources")
    wait_until_idle(page)
    expect(page.get_by_text("456 of 456 positions shown.")).to_be_visible()
    page.get_by_role("combobox", name="Blocs").click()
    page.get_by_role("option", name="Russia", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("58 of 58 positions shown.")).to_be_visible(timeout=20_000)
    for module, shows in [
        ("overview", "Matrix of the latest positions of 1 actors"),
        ("timeline", "of 1 actors' positions"),
        ("agreement_map", "The agreement map needs at least two actors"),
        ("issue_deep_dive", "1 actor stated a position"),
    ]:
        path = pages.page(module).root_path
        page.evaluate(
            "p => { history.pushState({}, '', p + location.search); dispatchEvent(new PopStateEvent('popstate')); }",
            f"/{path}",
        )
        page.wait_for_timeout(300)
        wait_until_idle(page)
        expect(page.locator(f'[aria-label*="{shows}"], :text("{shows}")').first).to_be_attached(timeout=20_000)
        assert page.get_by_text("United Kingdom", exact=True).count() == 0, path
    assert_nothing_went_wrong(page, outside)
