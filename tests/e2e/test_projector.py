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
CHAPTERS = [chapter.name for chapter in load_bundled().chapters]
SLIDE_TEXT = ".st-key-presenter p, .st-key-presenter h1, .st-key-presenter_quote p, .st-key-presenter_quote span"


def _open(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector(".st-key-presenter h1", timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    # the house stylesheet arrives with the page's first run: wait until it applies (the presenter's own
    # 68 px top padding), or time out and fail
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-testid=stMainBlockContainer]')).paddingTop === '68px'",
        timeout=10_000,
    )


@pytest.fixture(scope="module")
def projector(browser: Browser, request: pytest.FixtureRequest):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("projector", [{"width": 1280, "height": 720}], indirect=True, ids=["1280x720"])
@pytest.mark.parametrize("chapter", ["", CHAPTERS[0]], ids=["latest", "chapter 1"])
@pytest.mark.parametrize("issue", ISSUES)
def test_every_issue_fits_one_projector_screen(projector: Page, app_url: str, issue: str, chapter: str):
    _open(
        projector, f"{app_url}/present?slide={quote(issue)}" + (f"&slide_chapter={quote(chapter)}" if chapter else "")
    )
    main = projector.evaluate(
        "() => { const m = document.querySelector('[data-testid=stMain]');"
        " return {scroll: m.scrollHeight, client: m.clientHeight, width: m.scrollWidth, shown: m.clientWidth} }"
    )
    assert main["scroll"] <= main["client"], f"{issue}: the slide is {main['scroll']} px tall on a 720 px screen"
    assert main["width"] <= main["shown"] + 1, f"{issue}: the slide is wider than the screen"
    voices = projector.locator(".st-key-presenter [data-testid=stMetric]").count()
    if voices:  # a bloc spoke by then: its figures, and one quote (or summary) with its source
        assert projector.locator(".st-key-presenter_quote p").count() >= 2


@pytest.mark.parametrize("projector", [{"width": 1920, "height": 1080}], indirect=True, ids=["1920x1080"])
@pytest.mark.parametrize("issue", ISSUES[:3])
def test_slide_text_is_at_least_28_px_on_a_1920_screen(projector: Page, app_url: str, issue: str):
    _open(projector, f"{app_url}/present?slide={quote(issue)}")
    sizes = projector.evaluate(
        f"() => [...document.querySelectorAll({SLIDE_TEXT!r})]"
        ".filter(e => e.textContent.trim() && e.getBoundingClientRect().height > 0)"
        ".map(e => [e.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(e).fontSize)])"
    )
    assert len(sizes) >= 6  # the caption, the proposition, the blocs and the quote were measured
    small = [(text, size) for text, size in sizes if size < 28]
    assert small == [], f"{issue}: text under 28 px on a 1920 px projector"
