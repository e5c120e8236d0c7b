"""Every page looks as it did: a screenshot of the whole page at a phone's and a projector's width, compared
pixel by pixel with the one stored in tests/e2e/snapshots/<platform>/ (see testkit/snapshots.py for the
tolerance).

    python -m pytest tests/e2e/test_snapshots.py --update-snapshots   # after a change meant to show

A missing snapshot is written and its test skipped, except on CI (CI=true), where it fails. A failing
comparison leaves the actual screenshot and a diff (differing pixels in red) in tests/e2e/screenshots/snapshots/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from components.pages import PAGES, PageSpec
from stancekit.text import format_date
from testkit.screens import screen
from testkit.server import IDLE
from testkit.snapshots import PLATFORM, compare, load
from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / PLATFORM
FAILURES = SCREENSHOTS / "snapshots"
WIDTHS = {390: 844, 1280: 720}  # width → the height of such a screen: the least height of a shot
TALL = 12_000  # the viewport's height: more than the tallest page (the deep-dive on a phone, about 9,400 px)
PHONE = 768  # below this width Streamlit draws the sidebar over the page: the shot closes it first
FIXED_DAY = "1 Jan 2000"  # stands in for today's date wherever the app shows it (the handout's "generated")

# Today's date, written the app's way, replaced with FIXED_DAY in every text node (so that its length never
# moves a line break) and marked, so that the shot masks it.
PIN_TODAY = """([today, fixed]) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeValue.includes(today)) {
      node.nodeValue = node.nodeValue.replaceAll(today, fixed);
      node.parentElement.setAttribute('data-snapshot-today', '');
    }
  }
}"""
# The height the whole page needs: the bottom of the main area's content and of an open sidebar's. Both scroll
# inside the page (so the page's own height is the viewport's), and a scrolling box is never shorter than the
# viewport, so their contents are measured, not the boxes.
PAGE_HEIGHT = """() => Math.ceil(Math.max(...[...document.querySelectorAll(
  '[data-testid=stMainBlockContainer], [data-testid=stSidebar][data-collapsed=false] [data-testid=stSidebarContent] > *'
)].map((element) => element.getBoundingClientRect().bottom)))"""
# Everything drawn: web fonts loaded, every plotly chart's SVG in place, no change to the page for `quiet` ms
# (the app reports the end of its run before the browser has drawn all of it), then two frames painted.
DRAWN = """async (quiet) => {
  await document.fonts.ready;
  const charts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  if (!charts.every((chart) => chart.querySelector('.main-svg'))) return false;
  await new Promise((done) => {
    let timer;
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(finish, quiet);
    });
    const finish = () => {
      observer.disconnect();
      done();
    };
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    timer = setTimeout(finish, quiet);
  });
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  return true;
}"""
QUIET_MS = 200


def settle(page: Page, spec: PageSpec) -> None:
    """Wait until the page has its heading, the app is idle and everything is drawn."""
    heading = page.get_by_role("heading", name=spec.heading) if spec.heading else page.locator("h1")
    expect(heading.first).to_be_visible(timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    if not spec.projector:
        expect(page.get_by_role("button", name="Reset filters")).to_be_attached(timeout=20_000)
    page.wait_for_function(DRAWN, arg=QUIET_MS, timeout=20_000)
    page.wait_for_selector(IDLE, timeout=30_000)


@pytest.fixture(scope="module")
def screens(browser: Browser) -> Iterator[dict[int, BrowserContext]]:
    """One browser context per width, kept for the module so that pages load from its cache; every test opens
    a page (a session) of its own in it. The viewport is taller than any page, so nothing is drawn again when
    the shot is taken: the shot is cut to the page's height instead."""
    contexts = {width: screen(browser, width, TALL, device_scale_factor=1, reduced_motion="reduce") for width in WIDTHS}
    yield contexts
    for context in contexts.values():
        context.close()


def open_screen(context: BrowserContext, url: str, spec: PageSpec) -> Page:
    """The page in a new tab of `context`, drawn, the sidebar closed on a phone, today's date pinned."""
    page = context.new_page()
    page.goto(f"{url}/{spec.root_path}")
    settle(page, spec)
    if page.viewport_size["width"] < PHONE and page.locator("[data-testid=stSidebar][data-collapsed=false]").count():
        page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
        page.wait_for_selector("[data-testid=stSidebar][data-collapsed=true]")
        page.wait_for_function(DRAWN, arg=QUIET_MS, timeout=20_000)
    page.evaluate(PIN_TODAY, [format_date(date.today()), FIXED_DAY])
    return page


def shot(page: Page) -> bytes:
    """The whole page: the viewport cut to the height of its content (at least a screen's)."""
    width = page.viewport_size["width"]
    height = max(page.evaluate(PAGE_HEIGHT), WIDTHS[width])
    assert height <= TALL, f"the page is {height} px tall: raise TALL"
    return page.screenshot(
        clip={"x": 0, "y": 0, "width": width, "height": height},
        animations="disabled",
        caret="hide",
        scale="css",
        mask=[page.locator("[data-snapshot-today]")],
    )


def steady_shot(page: Page, first: bytes) -> bytes:
    """Shots until two in a row are the same (after `first`): the page has finished drawing."""
    previous = first
    for _ in range(5):
        page.wait_for_timeout(250)
        current = shot(page)
        if current == previous:
            return current
        previous = current
    raise AssertionError("the page never held still for two screenshots in a row")


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.module)
def test_page_looks_as_stored(
    screens: dict[int, BrowserContext], app_url: str, update_snapshots: bool, spec: PageSpec, width: int
):
    name = f"{spec.module}-{width}"
    stored = SNAPSHOTS / f"{name}.png"
    writing = update_snapshots or not stored.exists()
    if writing and not update_snapshots and os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"no stored snapshot {stored}: run with --update-snapshots and commit it")
    page = open_screen(screens[width], app_url, spec)
    try:
        actual = shot(page)
        if writing:
            SNAPSHOTS.mkdir(parents=True, exist_ok=True)
            stored.write_bytes(steady_shot(page, actual))
            pytest.skip(f"snapshot written: {stored}")
        result = compare(load(actual), load(stored))
        if not result.matches:  # perhaps caught mid-draw: compare the first steady shot instead
            actual = steady_shot(page, actual)
            result = compare(load(actual), load(stored))
    finally:
        page.close()
    if not result.matches:
        FAILURES.mkdir(parents=True, exist_ok=True)
        (FAILURES / f"{name}-actual.png").write_bytes(actual)
        if result.diff is not None:
            result.diff.save(FAILURES / f"{name}-diff.png")
        pytest.fail(f"{name}: {result.describe()}; actual and diff in {FAILURES}")
