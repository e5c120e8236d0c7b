"""Every page in other languages, in a real browser:

a. in the pseudo-language (every interface string accented, 40 % longer and bracketed: stancekit.i18n.PSEUDO),
   at a phone's and a projector's width, no text is clipped by the box it sits in, the main area never
   scrolls sideways, and no chart text is drawn outside its chart;
b. the French pages render as the English ones do (nothing goes wrong, nothing is fetched from outside) and
   have no serious axe-core violations (WCAG 2.1 AA), at the same widths;
c. the language picker turns the page and the link into the chosen language, and a link in one language
   opened in another keeps its choices.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from components.pages import PAGES, PageSpec
from stancekit.i18n import PSEUDO, gettext
from testkit.screens import screen
from testkit.server import IDLE
from tests.e2e.test_accessibility import serious_violations
from tests.e2e.test_layout import MEASURE, OVERFLOW_TOLERANCE
from tests.e2e.test_smoke import assert_nothing_went_wrong
from tests.e2e.test_snapshots import DRAWN, QUIET_MS

pytestmark = pytest.mark.browser

WIDTHS = {390: 844, 1280: 720}
CLIP_TOLERANCE = 2  # px: a line box of large type may overhang its box by this much, the glyphs not
# Text cut by a box it sits in: an element with text of its own that reaches past an ancestor which hides
# what overflows, or that its own ellipsis shortens. Inside a box that scrolls, text is reachable, not cut:
# the search stops at the first one (the main area, a table, a row of tabs). Screen-reader-only text (1 px
# boxes), a closed sidebar and the charts' SVG (test a. checks chart boxes) are left out.
CLIPPED = """() => {
  const shown = (e) => { const r = e.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && e.checkVisibility({visibilityProperty: true}); };
  const ownText = (e) => [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  const hides = (s) => ['hidden', 'clip'].includes(s);
  const scrolls = (s) => ['auto', 'scroll'].includes(s.overflowX) || ['auto', 'scroll'].includes(s.overflowY);
  const found = [];
  const areas = '[data-testid=stMain] *, [data-testid=stSidebar][aria-expanded=true] *';
  for (const e of document.querySelectorAll(areas)) {
    if (!ownText(e) || e.closest('svg') || !shown(e)) continue;
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    let cut = style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1 ? 'ellipsis' : null;
    for (let a = e.parentElement; !cut && a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (scrolls(s)) break;
      const b = a.getBoundingClientRect();
      const past = Math.max(r.right - b.right, b.left - r.left);
      const below = Math.max(r.bottom - b.bottom, b.top - r.top);
      if (hides(s.overflowX) && past > %(tol)s) cut = `${past.toFixed(0)} px sideways`;
      else if (hides(s.overflowY) && below > %(tol)s) cut = `${below.toFixed(0)} px below`;
      if (cut) cut += ' by ' + (a.getAttribute('data-testid') || a.tagName.toLowerCase());
    }
    if (cut) found.push(`${cut}: ${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 50)}"`);
  }
  return found;
}""" % {"tol": CLIP_TOLERANCE}  # noqa: UP031 (the script's own braces)


def settle(page: Page, spec: PageSpec) -> None:
    """Wait for a heading (in any language), the end of the run, the sidebar's controls and drawn charts."""
    expect(page.locator("[data-testid=stMain] h1, [data-testid=stMain] h2").first).to_be_visible(timeout=30_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    if not spec.projector:
        expect(page.locator("[data-testid=stSidebar] [data-testid=stButton]").last).to_be_attached(timeout=20_000)
    page.wait_for_function(DRAWN, arg=QUIET_MS, timeout=20_000)
    page.wait_for_selector(IDLE, timeout=30_000)


@pytest.fixture(scope="module")
def screens(browser: Browser) -> Iterator[dict[int, BrowserContext]]:
    contexts = {width: screen(browser, width, height, reduced_motion="reduce") for width, height in WIDTHS.items()}
    yield contexts
    for context in contexts.values():
        context.close()


def opened(context: BrowserContext, url: str, spec: PageSpec, lang: str) -> Page:
    page = context.new_page()
    page.goto(f"{url}/{spec.root_path}?lang={lang}")
    settle(page, spec)
    return page


CASES = [(width, spec) for width in WIDTHS for spec in PAGES]
IDS = [f"{width}-{spec.module}" for width, spec in CASES]


@pytest.mark.parametrize(("width", "spec"), CASES, ids=IDS)
def test_longer_strings_are_never_clipped_and_never_push_the_page_sideways(screens, app_url: str, width, spec):
    page = opened(screens[width], app_url, spec, PSEUDO)
    try:
        assert page.locator("[data-testid=stMain]").get_by_text("~~", exact=False).count(), "not in the pseudo-language"
        assert page.evaluate(CLIPPED) == []
        measured = page.evaluate(MEASURE)
        for area in measured["overflow"]:
            assert area["scrollWidth"] <= area["clientWidth"] + OVERFLOW_TOLERANCE, (area, measured["wide"])
        for chart in measured["charts"]:
            box = chart["box"]
            outside = [
                t["text"]
                for t in chart["texts"]
                if t["box"]["left"] < box["left"] - 2 or t["box"]["right"] > box["right"] + 2
            ]
            assert outside == [], f"chart {chart['key']!r}: text outside its box"
    finally:
        page.close()


@pytest.mark.parametrize(("width", "spec"), CASES, ids=IDS)
def test_the_french_pages_have_no_serious_accessibility_violations(screens, app_url: str, axe_path: Path, width, spec):
    outside: list[str] = []
    page = screens[width].new_page()
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((app_url, "data:", "blob:")) else None)
    page.goto(f"{app_url}/{spec.root_path}?lang=fr")
    settle(page, spec)
    try:
        if spec.heading:  # the page is French, and renders as the English one does (tests/e2e/test_smoke.py)
            expect(page.get_by_role("heading", name=gettext("fr")(spec.heading)).first).to_be_visible()
        assert_nothing_went_wrong(page, outside)
        assert serious_violations(page, axe_path) == []
        for chart in page.locator("[data-testid=stPlotlyChart]").all():
            assert len(chart.get_attribute("aria-label") or "") > 20, "every chart needs a real alt text"
    finally:
        page.close()


def test_the_picker_changes_the_language_and_the_link_keeps_it(screens, app_url: str):
    page = screens[1280].new_page()
    try:
        page.goto(f"{app_url}/?blocs=United+States")
        settle(page, PAGES[0])
        sidebar = page.locator("[data-testid=stSidebar]")
        sidebar.get_by_role("combobox", name="Language").click()
        page.get_by_role("option", name="Deutsch").click()
        expect(sidebar.get_by_role("button", name="Filter zurücksetzen")).to_be_visible(timeout=20_000)
        page.wait_for_selector(IDLE, timeout=30_000)
        assert "lang=de" in page.url
        assert page.evaluate("document.documentElement.lang") == "de"  # a screen reader reads German as German
        expect(sidebar.get_by_text("Vereinigte Staaten")).to_be_visible()  # the chosen bloc, in German
    finally:
        page.close()
