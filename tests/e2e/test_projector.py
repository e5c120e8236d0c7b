"""The presenter on a projector: every issue fits one 1280 × 720 screen without scrolling, and its text is
at least 28 px on a 1920 × 1080 screen (components/house.css sizes it to the screen's width)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page

from stancekit.bundled import load_bundled
from testkit.server import IDLE

pytestmark = pytest.mark.browser

ISSUES = load_bundled().issues["issue"].tolist()
SLIDE_TEXT = ".st-key-presenter p, .st-key-presenter h1, .st-key-presenter_quote p, .st-key-presenter_quote span"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".st-key-presenter h1", timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    # the house stylesheet arrives with the page's first run: wait until it sizes the slide's title
    page.wait_for_function(
        "() => parseFloat(getComputedStyle(document.querySelector('.st-key-presenter h1')).fontSize) >= 28",
        timeout=10_000,
    )


@pytest.fixture(scope="module")
def projector(browser: Browser, request: pytest.FixtureRequest):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("projector", [{"width": 1280, "height": 720}], indirect=True, ids=["1280x720"])
@pytest.mark.parametrize("issue", ISSUES)
def test_every_issue_fits_one_projector_screen(projector: Page, app_url: str, issue: str):
    _open(projector, f"{app_url}/present?slide={quote(issue)}")
    main = projector.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return {scroll: m.scrollHeight, client: m.clientHeight, width: m.scrollWidth, shown: m.clientWidth} }"
    )
    assert main["scroll"] <= main["client"], f"{issue}: the slide is {main['scroll']} px tall on a 720 px screen"
    assert main["width"] <= main["shown"] + 1, f"{issue}: the slide is wider than the screen"
    assert projector.locator(".st-key-presenter_quote p").count() >= 2, "one quote (or summary) and its source"


@pytest.mark.parametrize("projector", [{"width": 1920, "height": 1080}], indirect=True, ids=["1920x1080"])
@pytest.mark.parametrize("issue", ISSUES[:3])
def test_slide_text_is_at_least_28_px_on_a_1920_screen(projector: Page, app_url: str, issue: str):
    _open(projector, f"{app_url}/present?slide={quote(issue)}")
    sizes = projector.evaluate(
        f"() => [...document.querySelectorAll({SLIDE_TEXT!r})]"
        ".filter(e => e.textContent.trim() && e.getBoundingClientRect().height > 0)"
        ".map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"
    )
    assert len(sizes) >= 10
    small = [(text, size) for text, size in sizes if size < 28]
    assert small == [], f"{issue}: text under 28 px on a 1920 px projector"
