"""Layout in a real browser, on every page at a phone's, a tablet's, a projector's and a desktop's screen:

a. the main area never scrolls sideways;
b. no chart text (tick labels, legend, annotations, titles) is drawn outside its chart's box;
c. the overview matrix's tick labels never overlap one another on the same axis;
d. no chart text is smaller than 12 px;
e. on a phone, the classroom quizzes' options and buttons are at least 44 px tall (a thumb's target);
f. at 1280×720 the page's title and the top of its first chart are on the first screen (the presenter,
   which has a layout of its own, is left to its own tests).

Each page is opened once per width and measured in one go (MEASURE); the tests read that measurement. The two
quizzes are measured a second time answered (ANSWERED), since their results draw charts and controls of their
own.
Charts that are not displayed (the overview's matrix on a phone, its phone form on wider screens: see
components/house.css) are left out, since the browser gives them no boxes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from components.pages import PAGES, PageSpec
from testkit.screens import PHONE_WIDTH, screen
from testkit.server import IDLE
from tests.e2e.test_snapshots import DRAWN, QUIET_MS, settle

pytestmark = pytest.mark.browser

SCREENS = {390: 844, 768: 1024, 1280: 720, 1920: 1080}  # width → height
PHONE = 390
PROJECTOR = 1280
OVERFLOW_TOLERANCE = 1  # px
BOX_TOLERANCE = 2  # px
OVERLAP_TOLERANCE = 1  # px
MIN_FONT_PX = 12
MIN_TARGET_PX = 44
QUIZZES = ("where_do_you_stand", "guess_the_stance")
SIDEBAR_OVER_PAGE = 768  # below this width Streamlit draws an open sidebar over the page


def answer(page: Page, questions: int, button: str, heading: str) -> None:
    """Pick the first option of the first `questions` radio groups, press `button`, wait for `heading`."""
    if (
        page.viewport_size["width"] < SIDEBAR_OVER_PAGE
        and page.locator("[data-testid=stSidebar][data-collapsed=false]").count()
    ):
        page.get_by_test_id("stSidebarCollapseButton").get_by_role("button").click()
        page.wait_for_selector("[data-testid=stSidebar][data-collapsed=true]")
    for question in range(questions):
        page.locator("[data-testid=stMain] [data-testid=stRadio]").nth(question).get_by_role("radiogroup").locator(
            "label"
        ).first.click()
    page.get_by_role("button", name=button).click()
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=20_000)
    page.wait_for_selector(IDLE, timeout=30_000)
    page.wait_for_function(DRAWN, arg=QUIET_MS, timeout=20_000)
    page.wait_for_selector(IDLE, timeout=30_000)


# The result states of the quizzes, which draw charts (the matches) and controls of their own.
ANSWERED: dict[str, Callable[[Page], None]] = {
    "where_do_you_stand": lambda page: answer(page, 5, "Show my matches", "Your matches"),
    "guess_the_stance": lambda page: answer(page, 5, "Reveal", "The record"),
}


class View(NamedTuple):
    """A page, as first opened (state "") or in one of the ANSWERED states ("answered")."""

    spec: PageSpec
    state: str = ""

    @property
    def id(self) -> str:
        return self.spec.module + (f"-{self.state}" if self.state else "")


VIEWS = [View(spec) for spec in PAGES] + [View(spec, "answered") for spec in PAGES if spec.module in ANSWERED]

# Everything the tests need, read from the page unscrolled. Boxes are in CSS px of the viewport; `top`s
# are offsets in the scrolling main container (stMain), so they are where an element sits before any
# scrolling whatever the page has scrolled to.
MEASURE = """() => {
  const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
  const shown = (element) => {
    const r = element.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && element.checkVisibility({visibilityProperty: true});
  };
  const describe = (element) => {
    const id = element.getAttribute('data-testid');
    const keyed = element.closest('[class*="st-key-"]');
    const key = keyed ? [...keyed.classList].find((c) => c.startsWith('st-key-')) : null;
    return [id ? `[data-testid=${id}]` : element.tagName.toLowerCase(), key ? `in .${key}` : '']
      .filter(Boolean).join(' ');
  };
  const main = document.querySelector('[data-testid=stMain]');
  const mainTop = main.getBoundingClientRect().top - main.scrollTop;
  const overflow = ['stMainBlockContainer', 'stMain'].map((id) => {
    const element = document.querySelector(`[data-testid=${id}]`);
    return {id, scrollWidth: element.scrollWidth, clientWidth: element.clientWidth};
  });
  // The widest descendants of the main block, to name the culprit of a sideways scroll.
  const blockRight = document.querySelector('[data-testid=stMainBlockContainer]').getBoundingClientRect().right;
  const wide = [...document.querySelectorAll('[data-testid=stMainBlockContainer] *')]
    .filter((element) => element.getBoundingClientRect().right > blockRight + 1 && shown(element))
    .slice(0, 5)
    .map((element) => ({what: describe(element), right: element.getBoundingClientRect().right,
                        text: (element.innerText || element.textContent || '').trim().slice(0, 60)}));
  const allCharts = [...document.querySelectorAll('[data-testid=stPlotlyChart]')];
  const charts = allCharts.filter(shown).map((chart) => {
    const keys = [];  // the keys of the containers around it, innermost first
    for (let e = chart.closest('[class*="st-key-"]'); e; e = e.parentElement.closest('[class*="st-key-"]'))
      keys.push([...e.classList].find((c) => c.startsWith('st-key-')).slice(7));
    const texts = [...chart.querySelectorAll('.main-svg text')]
      .filter((text) => text.textContent.trim() && shown(text))
      .map((text) => {
        const tick = text.closest('g[class$="tick"]');
        const colourBar = text.closest('g.colorbar, g[class*="cbaxis"]');
        // A tick's axis is the class of its group (xtick, y2tick...); a colour bar's carries a random id.
        const axis = !tick ? null : colourBar ? 'colour bar tick' : tick.getAttribute('class');
        const part = text.closest('g.legend') ? 'legend'
          : text.closest('g.annotation') ? 'annotation'
          : colourBar ? 'colour bar'
          : tick ? `${axis} label`
          : text.closest('g.infolayer') ? (text.getAttribute('class') || 'title') : 'plot text';
        // A label of several lines is one text of tspan.line elements: name it line / by / line.
        const lines = [...text.querySelectorAll('tspan.line')].map((line) => line.textContent.trim());
        const words = lines.length > 1 ? lines.join(' / ') : text.textContent.trim();
        return {text: words.slice(0, 60), part,
                axis,
                fontSize: parseFloat(getComputedStyle(text).fontSize),
                box: box(text.getBoundingClientRect())};
      });
    return {keys, key: keys[0] || null, label: (chart.getAttribute('aria-label') || '').slice(0, 50),
            box: box(chart.getBoundingClientRect()), top: chart.getBoundingClientRect().top - mainTop, texts};
  });
  // The page's title: st.header draws it as an h2 (the presenter's st.title is the only h1).
  const title = [...document.querySelectorAll('[data-testid=stMain] h1, [data-testid=stMain] h2')].find(shown);
  const targets = [...document.querySelectorAll(
      '[data-testid=stMain] [role=radiogroup] label, [data-testid=stMain] button')]
    .filter(shown)
    .map((element) => ({what: element.tagName.toLowerCase() + (element.closest('[role=radiogroup]') ? ' (option)' : ''),
                        text: (element.innerText || element.getAttribute('aria-label') || '').trim().slice(0, 40),
                        height: element.getBoundingClientRect().height}));
  return {overflow, wide, charts, hidden_charts: allCharts.length - charts.length,
          title: title && {text: title.innerText.trim().slice(0, 60), top: title.getBoundingClientRect().top - mainTop},
          targets};
}"""


@pytest.fixture(scope="module")
def screens(browser: Browser) -> Iterator[dict[int, BrowserContext]]:
    """One browser context per width for the module (pages load from its cache); each page a tab of its own."""
    contexts = {
        width: screen(browser, width, height, device_scale_factor=1, reduced_motion="reduce")
        for width, height in SCREENS.items()
    }
    yield contexts
    for context in contexts.values():
        context.close()


@pytest.fixture(scope="module")
def measured(screens: dict[int, BrowserContext], app_url: str) -> Iterator:
    """measured(view, width): the view's MEASURE at that width, taken the first time it is asked for."""
    cache: dict[tuple[str, int], dict] = {}

    def measure(view: View, width: int) -> dict:
        if (view.id, width) not in cache:
            page = screens[width].new_page()
            try:
                page.goto(f"{app_url}/{view.spec.root_path}")
                settle(page, view.spec)
                if view.state:
                    ANSWERED[view.spec.module](page)
                cache[view.id, width] = page.evaluate(MEASURE)
            finally:
                page.close()
        return cache[view.id, width]

    yield measure


def where(view: View, width: int) -> str:
    return f"{view.id} at {width}×{SCREENS[width]}"


def chart_name(chart: dict) -> str:
    return f"chart {chart['key'] or chart['label']!r}"


def fmt(box: dict) -> str:
    return f"[{box['left']:.0f},{box['top']:.0f} → {box['right']:.0f},{box['bottom']:.0f}]"


PER_PAGE = pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.id)
PER_WIDTH = pytest.mark.parametrize("width", SCREENS)


@PER_WIDTH
@PER_PAGE
def test_main_area_does_not_scroll_sideways(measured, view: View, width: int):
    found = measured(view, width)
    wide = "; ".join(f"{w['what']} reaches x={w['right']:.0f} ({w['text']!r})" for w in found["wide"])
    problems = [
        f"[data-testid={o['id']}] scrollWidth {o['scrollWidth']} > clientWidth {o['clientWidth']}"
        for o in found["overflow"]
        if o["scrollWidth"] > o["clientWidth"] + OVERFLOW_TOLERANCE
    ]
    assert not problems, f"{where(view, width)}: " + "; ".join(problems) + (f"; widest: {wide}" if wide else "")


@PER_WIDTH
@PER_PAGE
def test_chart_text_stays_inside_its_chart(measured, view: View, width: int):
    problems = []
    for chart in measured(view, width)["charts"]:
        outer = chart["box"]
        for text in chart["texts"]:
            inner = text["box"]
            sides = [
                f"{side} by {gap:.1f} px"
                for side, gap in (
                    ("left", outer["left"] - inner["left"]),
                    ("top", outer["top"] - inner["top"]),
                    ("right", inner["right"] - outer["right"]),
                    ("bottom", inner["bottom"] - outer["bottom"]),
                )
                if gap > BOX_TOLERANCE
            ]
            if sides:
                problems.append(
                    f"{chart_name(chart)} {fmt(outer)} width {outer['width']:.0f}: {text['part']} {text['text']!r} "
                    f"{fmt(inner)} overflows {', '.join(sides)}"
                )
    assert not problems, f"{where(view, width)}:\n  " + "\n  ".join(problems)


def overlaps(a: dict, b: dict) -> tuple[float, float]:
    """How far two boxes intersect across and down (both > 0 when they overlap)."""
    return min(a["right"], b["right"]) - max(a["left"], b["left"]), min(a["bottom"], b["bottom"]) - max(
        a["top"], b["top"]
    )


@pytest.mark.parametrize("width", [width for width in SCREENS if width >= PHONE_WIDTH])  # phones get lists
def test_overview_matrix_tick_labels_do_not_overlap(measured, width: int):
    view = View(next(spec for spec in PAGES if spec.module == "overview"))
    charts = [chart for chart in measured(view, width)["charts"] if "overview_matrix" in chart["keys"]]
    assert charts, f"{where(view, width)}: no matrix shown (.st-key-overview_matrix [data-testid=stPlotlyChart])"
    problems = []
    for chart in charts:
        axes: dict[str, list[dict]] = {}
        for text in chart["texts"]:
            if text["axis"]:
                axes.setdefault(text["axis"], []).append(text)
        assert axes, f"{where(view, width)}: the matrix has no tick labels"
        for axis, labels in axes.items():
            for i, a in enumerate(labels):
                for b in labels[i + 1 :]:
                    across, down = overlaps(a["box"], b["box"])
                    if across > OVERLAP_TOLERANCE and down > OVERLAP_TOLERANCE:
                        problems.append(
                            f"{axis} {a['text']!r} {fmt(a['box'])} and {b['text']!r} {fmt(b['box'])} "
                            f"overlap by {across:.1f}×{down:.1f} px (chart width {chart['box']['width']:.0f})"
                        )
    assert not problems, f"{where(view, width)}:\n  " + "\n  ".join(problems)


@PER_WIDTH
@PER_PAGE
def test_chart_text_is_at_least_12_px(measured, view: View, width: int):
    problems = [
        f"{chart_name(chart)}: {text['part']} {text['text']!r} is {text['fontSize']:g} px"
        for chart in measured(view, width)["charts"]
        for text in chart["texts"]
        if text["fontSize"] < MIN_FONT_PX
    ]
    assert not problems, f"{where(view, width)}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("view", [v for v in VIEWS if v.spec.module in QUIZZES], ids=lambda view: view.id)
def test_quiz_targets_are_thumb_sized_on_a_phone(measured, view: View):
    targets = measured(view, PHONE)["targets"]
    if view.state:  # the revealed record has buttons but no options left
        assert targets, f"{where(view, PHONE)}: no buttons"
    else:
        assert any(target["what"] == "label (option)" for target in targets), f"{where(view, PHONE)}: no options"
    problems = [
        f"{target['what']} {target['text']!r} is {target['height']:.1f} px tall"
        for target in targets
        if target["height"] < MIN_TARGET_PX - 0.5
    ]
    assert not problems, f"{where(view, PHONE)}: under {MIN_TARGET_PX} px:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("view", [v for v in VIEWS if not v.state and not v.spec.projector], ids=lambda v: v.id)
def test_title_and_first_chart_are_on_the_first_screen(measured, view: View):
    found = measured(view, PROJECTOR)
    height = SCREENS[PROJECTOR]
    title, charts = found["title"], found["charts"]
    assert title, f"{where(view, PROJECTOR)}: no visible title (h1 or h2)"
    first = min(charts, key=lambda chart: chart["top"]) if charts else None
    tops = f"title {title['text']!r} top {title['top']:.0f} px" + (
        f", first chart ({chart_name(first)}) top {first['top']:.0f} px" if first else ", no chart"
    )
    print(f"{view.id}: {tops}")
    assert title["top"] < height, f"{where(view, PROJECTOR)}: the title is below the first screen: {tops}"
    if first:
        assert first["top"] < height, f"{where(view, PROJECTOR)}: the first chart is below the first screen: {tops}"
