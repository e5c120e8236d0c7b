"""Every page and widget path of the app, run headless with Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import keys

DASHBOARD = str(Path(__file__).resolve().parents[1] / "dashboard.py")
PAGES = {
    "app_pages/overview.py": "Overview: who stands where",
    "app_pages/europe_vs_us.py": "Europe vs US: where they differ",
    "app_pages/issue_deep_dive.py": "Issue deep-dive",
    "app_pages/sources.py": "Sources",
}


def open_app(page: str | None = None, state: dict | None = None) -> AppTest:
    """A fresh session, its session state seeded with `state` before the first run."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def plotly_charts(at: AppTest) -> list:
    return at.get("plotly_chart")


def table(at: AppTest, index: int = 0):
    return at.dataframe[index].value


def twin(at: AppTest, chart: str):
    """The table twin of a chart: open its (lazy) Table tab, read the table, leave the Chart tab open again."""
    at.session_state[f"{chart}_view"] = "Table"
    at.run()
    shown = table(at)
    at.session_state[f"{chart}_view"] = "Chart"
    return shown


def assert_clean(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_with_header_and_footer(page):
    at = open_app(page)
    assert_clean(at)
    assert at.header[0].value == PAGES[page]
    footer = next(c.value for c in at.main.caption if c.value.startswith("**Data:**"))
    assert "100 dated positions of 16 actors on 13 issues" in footer
    assert "12 Feb 2025 – 30 Apr 2025" in footer


def test_overview_matrix_has_its_table_twin_and_a_summary_line():
    at = open_app()
    glance = at.main.markdown[0].value
    assert glance.startswith("**At a glance:** Europe and the United States differ most on")
    assert "- **Military security guarantees**: Europe \\+2 vs the United States" in glance
    assert "3 of 12 members stated a position\\: 3 for, 0 split, 0 against" in glance  # who is behind Europe's +2
    charts = plotly_charts(at)
    assert len(charts) == 1
    assert "Matrix of the latest positions of 16 actors on 13 issues" in charts[0].proto.alt
    positions = twin(at, "overview")
    assert len(positions) == 60  # one row per actor-issue pair with a stated position
    assert positions.iloc[0]["Actor"] == "United Kingdom"
    us_intel = positions[(positions["Actor"] == "United States") & (positions["Issue"] == "US intelligence sharing")]
    assert us_intel["Stance"].tolist() == ["▲▲ Strongly supports (+2)"]  # the restored, latest position


def test_bloc_filter_applies_to_every_page():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value(["Russia"]).run()
    assert set(twin(at, "overview")["Actor"]) == {"Russia"}
    at.switch_page("app_pages/sources.py").run()
    assert_clean(at)
    assert set(table(at)["Actor"]) == {"Russia"}
    assert at.main.caption[1].value == "16 of 16 positions shown."
    at.switch_page("app_pages/issue_deep_dive.py").run()
    assert set(at.main.subheader.values) == {"Russia"}


def test_actor_choices_follow_the_chosen_blocs():
    at = open_app()
    at.multiselect(key=keys.ACTORS).set_value(["France", "Russia"]).run()
    assert set(twin(at, "overview")["Actor"]) == {"France", "Russia"}
    at.multiselect(key=keys.BLOCS).set_value(["Europe"]).run()
    assert_clean(at)
    assert not any("Russia" in option for option in at.multiselect(key=keys.ACTORS).options)
    assert at.multiselect(key=keys.ACTORS).value == ["France"]
    assert set(twin(at, "overview")["Actor"]) == {"France"}


def test_issue_filter_and_reset():
    at = open_app()
    at.multiselect(key=keys.ISSUES).set_value(["US backstop", "30-day ceasefire"]).run()
    assert set(twin(at, "overview")["Issue"]) == {"US backstop", "30-day ceasefire"}
    at.button[0].click().run()
    assert at.multiselect(key=keys.ISSUES).value == []
    assert len(twin(at, "overview")) == 60


def test_filters_that_leave_nothing_show_a_helpful_empty_state():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value(["Ukraine"]).run()
    at.multiselect(key=keys.ISSUES).set_value(["US intelligence sharing"]).run()
    for page in PAGES:
        at.switch_page(page).run()
        assert_clean(at)
        assert not plotly_charts(at)
        assert any("Reset filters" in info.value for info in at.info), page


def test_europe_vs_us_compares_blocs_and_ranks_gaps():
    at = open_app("app_pages/europe_vs_us.py")
    assert at.selectbox(key=keys.COMPARE_A).value == "Europe"
    assert at.selectbox(key=keys.COMPARE_B).value == "United States"
    assert len(plotly_charts(at)) == 2
    gaps = twin(at, "gaps")
    assert gaps.iloc[0]["Issue"] == "Military security guarantees"
    assert (gaps.iloc[0]["Europe mean"], gaps.iloc[0]["United States mean"], gaps.iloc[0]["Gap"]) == (
        "+2",
        "−1",
        "3.0",
    )
    assert gaps.set_index("Issue").loc["US troops in Ukraine", "Gap"] == "not comparable"
    blocs = twin(at, "blocs")
    europe_troops = blocs[(blocs["Issue"] == "European ground troops") & (blocs["Bloc"] == "Europe")].iloc[0]
    assert (europe_troops["Range"], europe_troops["Stated a position"]) == ("−1 to +2", "12 of 12")
    assert "Why they differ: the biggest gaps" in at.subheader.values
    assert any("Vance" in m.value for m in at.markdown)


def test_europe_vs_us_can_compare_any_two_blocs():
    at = open_app("app_pages/europe_vs_us.py")
    at.selectbox(key=keys.COMPARE_A).set_value("Russia").run()
    at.selectbox(key=keys.COMPARE_B).set_value("Ukraine").run()
    assert_clean(at)
    assert "Positions by bloc: Russia vs Ukraine" in at.subheader.values
    gaps = twin(at, "gaps")
    assert list(gaps.columns[1:3]) == ["Russia mean", "Ukraine mean"]
    assert gaps.iloc[0]["Gap"] == "4.0"


def test_deep_dive_shows_proposition_cards_and_history():
    at = open_app("app_pages/issue_deep_dive.py")
    at.selectbox(key=keys.DEEP_DIVE_ISSUE).set_value("US intelligence sharing").run()
    assert_clean(at)
    text = " ".join(m.value for m in at.markdown)
    assert "The United States should keep sharing military intelligence with Ukraine\\." in text
    assert "**2 actors** stated a position: 1 for, 0 split, 1 against." in text
    assert [e.label for e in at.expander if e.label.startswith("Other")] == ["Other statements on this issue (1)"]
    assert "[LBC, 2025\\-03\\-11](https://www.lbc.co.uk/" in text  # the source line links the source
    assert ":blue-badge[On the record]" in text  # with its evidence badge
    assert "No stated position on this issue:" in " ".join(c.value for c in at.caption)


def test_sources_search_and_evidence_filter():
    at = open_app("app_pages/sources.py")
    assert len(table(at)) == 100
    at.text_input(key=keys.SOURCES_SEARCH).input("Vance").run()
    assert set(table(at)["Speaker"]) == {"JD Vance"}
    assert len(table(at)) == 4
    at.text_input(key=keys.SOURCES_SEARCH).input("").run()
    at.multiselect(key=keys.SOURCES_EVIDENCE).set_value(["Reported (media citing sources)"]).run()
    assert len(table(at)) == 14
    at.text_input(key=keys.SOURCES_SEARCH).input("no such words here").run()
    assert any("No position matches" in info.value for info in at.info)
    assert len(table(at, 0)) == 68  # the source list is still there


def test_two_sessions_keep_their_own_filters():
    first, second = open_app(), open_app()
    first.multiselect(key=keys.BLOCS).set_value(["Russia"]).run()
    second.run()
    assert set(twin(first, "overview")["Actor"]) == {"Russia"}
    assert len(twin(second, "overview")) == 60


def test_choosing_the_other_bloc_first_never_leaves_both_the_same():
    at = open_app("app_pages/europe_vs_us.py")
    at.selectbox(key=keys.COMPARE_A).set_value("United States").run()
    assert_clean(at)
    assert at.selectbox(key=keys.COMPARE_A).value == "United States"
    assert at.selectbox(key=keys.COMPARE_B).value != "United States"
    assert "United States" not in at.selectbox(key=keys.COMPARE_B).options
