"""Every page and widget path of the app, run headless with Streamlit's AppTest."""

from __future__ import annotations

import pytest

from components import keys
from components.pages import PageSpec, page
from testkit.apptest import assert_clean, by_label, go, open_app, plotly_charts, table, twin

# Pages for browsing the bundled topic, with its header, its footer and the empty state of no rows.
BROWSING = [page(module) for module in ("overview", "europe_vs_us", "issue_deep_dive", "sources")]


@pytest.mark.parametrize("spec", BROWSING, ids=lambda spec: spec.module)
def test_every_page_renders_with_header_and_footer(spec: PageSpec):
    at = open_app(spec.module)
    assert_clean(at)
    assert at.title[0].value == spec.heading
    footer = next(c.value for c in at.main.caption if c.value.startswith("**Data:**"))
    assert "456 dated positions of 26 actors on 24 issues" in footer
    assert "12 Feb 2025 – 18 May 2026" in footer


def test_overview_matrix_has_its_table_twin_and_a_summary_line():
    at = open_app()
    assert at.main.markdown[0].value == "**At a glance:** Europe and the United States differ most on"
    glance = at.main.markdown[1].value
    assert glance.startswith("**Ceasefire first**: Europe \\+2 vs the United States −2")
    # the bloc figure says who stands behind it, and that one joint text speaks for two of them
    assert "3 of 19 members stated a position\\: 3 for, 0 split, 0 against; all of them through one joint" in glance
    charts = plotly_charts(at)
    assert len(charts) == 1
    assert "Matrix of the latest positions of 26 actors on 12 issues" in charts[0].proto.alt  # the central ones
    positions = twin(at, "overview")
    assert len(positions) == 119  # one row per actor-issue pair with a stated position, on the 12 issues
    assert positions.iloc[0]["Actor"] == "United Kingdom"
    assert "US intelligence sharing" not in set(positions["Issue"])  # not one of the central twelve
    at.segmented_control(key=keys.ISSUE_GROUP).set_value("All issues").run()
    positions = twin(at, "overview")
    assert len(positions) == 186
    us_intel = positions[(positions["Actor"] == "United States") & (positions["Issue"] == "US intelligence sharing")]
    assert us_intel["Stance"].tolist() == ["▲▲ Strongly supports (+2)"]  # the restored, latest position


def test_bloc_filter_applies_to_every_page():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value(["Russia"]).run()
    assert set(twin(at, "overview")["Actor"]) == {"Russia"}
    go(at, "sources")
    assert_clean(at)
    assert set(table(at)["Actor"]) == {"Russia"}
    assert at.main.caption[1].value == "58 of 58 positions shown."
    go(at, "issue_deep_dive")
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
    by_label(at.sidebar, "button", "Reset filters").click().run()
    assert at.multiselect(key=keys.ISSUES).value == []
    assert len(twin(at, "overview")) == 119


def test_overview_shows_one_group_of_issues_at_a_time():
    at = open_app()
    at.segmented_control(key=keys.ISSUE_GROUP).set_value("The US role").run()
    assert_clean(at)
    assert set(twin(at, "overview")["Issue"]) == {
        "US troops in Ukraine",
        "US backstop",
        "US intelligence sharing",
        "US-led ceasefire monitoring",
        "Minerals deal as guarantee",
    }
    assert "on 5 issues" in plotly_charts(at.run())[0].proto.alt
    at.segmented_control(key=keys.ISSUE_GROUP).set_value(None).run()
    assert len(twin(at, "overview")) == 119
    # a large screen (no phone in the User-Agent) gets the matrix alone: the lists are not built beside it
    assert at.segmented_control(key=keys.OVERVIEW_FORM).value == "Matrix"
    assert not [s for s in at.main.selectbox if s.label == "Issue"]


def test_overview_lists_replace_the_matrix_when_chosen():
    at = open_app()
    at.segmented_control(key=keys.OVERVIEW_FORM).set_value("Lists").run()
    assert_clean(at)
    assert not plotly_charts(at)  # the chart library is not even loaded for a matrix nobody sees
    assert by_label(at.main, "selectbox", "Issue").value == "European ground troops"  # the first central issue
    at.segmented_control(key=keys.OVERVIEW_FORM).set_value("Matrix").run()
    assert len(plotly_charts(at)) == 1


def test_overview_phone_form_lists_one_issue_by_bloc_and_position():
    at = open_app(state={keys.OVERVIEW_FORM: "Lists", keys.OVERVIEW_ISSUE: "US backstop"})
    text = "\n".join(m.value for m in at.main.markdown)
    assert by_label(at.main, "selectbox", "Issue").value == "US backstop"
    assert "**Europe** · :small[" in text and "actors stated a position]" in text
    assert "**United States** · :small[1 actor]" in text
    assert ":violet-badge[▲▲ Strongly supports \\(\\+2\\)] Poland, Italy  \n" in text
    assert "**Other partners** · :small[0 of 3 actors stated a position]  \n:small[No stated position: Canada" in text
    by_label(at.main, "selectbox", "Issue").set_value("European ground troops").run()
    assert_clean(at)
    text = "\n".join(m.value for m in at.main.markdown)
    assert "**Russia** · :small[1 actor]  \n:orange-badge[▼▼ Strongly opposes \\(−2\\)] Russia" in text
    link = next(p for p in at.main.get("page_link") if "in depth" in p.proto.label)
    assert link.proto.query_string == "issue=European+ground+troops"


def test_filters_that_leave_nothing_show_a_helpful_empty_state():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value(["Ukraine"]).run()
    at.multiselect(key=keys.ISSUES).set_value(["US intelligence sharing"]).run()
    for spec in BROWSING:
        go(at, spec.module)
        assert_clean(at)
        assert not plotly_charts(at)
        assert any("Reset filters" in info.value for info in at.info), spec.module


def test_europe_vs_us_compares_blocs_and_ranks_gaps():
    at = open_app("europe_vs_us")
    assert at.selectbox(key=keys.COMPARE_A).value == "Europe"
    assert at.selectbox(key=keys.COMPARE_B).value == "United States"
    assert len(plotly_charts(at)) == 2
    # the chart's short axis title ("Gap (0–4)") is spelt out above it
    assert any(c.value.startswith("The gap is the distance between the two blocs' mean") for c in at.main.caption)
    gaps = twin(at, "gaps")
    top = gaps.iloc[0]
    assert (top["Issue"], top["Europe mean"], top["United States mean"]) == ("Ceasefire first", "+2", "−2")
    assert top["Gap"] == "4.0"
    assert (top["Europe: stated"], top["United States: stated"]) == ("3 of 19", "1 of 1")
    assert gaps.set_index("Issue").loc["Infrastructure protection", "Gap"] == "not comparable"
    blocs = twin(at, "blocs")
    europe_troops = blocs[(blocs["Issue"] == "European ground troops") & (blocs["Bloc"] == "Europe")].iloc[0]
    assert (europe_troops["Range"], europe_troops["Median"], europe_troops["Stated a position"]) == (
        "−1 to +2",
        "+2",
        "17 of 19",
    )
    assert europe_troops["For / split / against"] == "14 / 2 / 1"
    assert europe_troops["Through a joint statement"] == 6  # the Berlin statement is the newest on-record text
    assert "Why they differ: the biggest gaps" in at.subheader.values
    text = " ".join(m.value for m in at.markdown)
    assert "#### Europe \\+2" in text and "#### United States −2" in text
    # Europe's words on the top gap come from the record (the leaders' joint call of 24 Feb 2026), not a report
    assert "▲▲ Strongly supports \\(\\+2\\): On the war's fourth anniversary the coalition's leaders called" in text
    assert ":blue-badge[Joint statement] Coalition leaders' meeting, 24 Feb 2026" in text


def test_europe_vs_us_can_compare_any_two_blocs():
    at = open_app("europe_vs_us")
    at.selectbox(key=keys.COMPARE_A).set_value("Russia").run()
    at.selectbox(key=keys.COMPARE_B).set_value("Ukraine").run()
    assert_clean(at)
    assert "Positions by bloc: Russia vs Ukraine" in at.subheader.values
    gaps = twin(at, "gaps")
    assert list(gaps.columns[1:3]) == ["Russia mean", "Ukraine mean"]
    assert gaps.iloc[0]["Gap"] == "4.0"


def test_deep_dive_shows_proposition_cards_and_history():
    at = open_app("issue_deep_dive")
    at.selectbox(key=keys.ISSUE).set_value("US intelligence sharing").run()
    assert_clean(at)
    text = " ".join(m.value for m in at.markdown)
    assert "The United States should keep sharing military intelligence with Ukraine\\." in text
    assert "**2 actors** stated a position: 1 for, 0 split, 1 against." in text
    # the US card shows the restored sharing it stated; the later report and the pause are listed beneath
    assert [e.label for e in at.expander if e.label.startswith("Other")] == ["Other statements on this issue (2)"]
    assert "After the talks in Jeddah the US said it would resume intelligence sharing" in text
    assert "The CIA director confirmed" not in text  # the other statements are sent only once opened
    at.session_state[f"{keys.OTHER_STATEMENTS}United States::US intelligence sharing"] = True
    opened = " ".join(m.value for m in at.run().markdown)
    assert "The CIA director confirmed that the US had paused intelligence support" in opened
    assert "The US was reported to be ready to offer intelligence" in opened
    assert "[LBC, 2025\\-03\\-11](https://www.lbc.co.uk/" in text  # the source line links the source
    assert ":blue-badge[On the record]" in text  # with its evidence badge
    assert "No stated position on this issue:" in " ".join(c.value for c in at.caption)


def test_sources_search_and_evidence_filter():
    at = open_app("sources")
    assert len(table(at)) == 456
    at.text_input(key=keys.SOURCES_SEARCH).input("Vance").run()
    assert "Vance" in set(table(at)["Speaker"])
    at.text_input(key=keys.SOURCES_SEARCH).input("Karis").run()
    assert table(at)[["Speaker", "Id", "Voice"]].values.tolist() == [["Karis", "N2", "Sets the position"]]
    at.text_input(key=keys.SOURCES_SEARCH).input("Berlin statement Poland").run()
    assert set(table(at)["Joint statement"]) == {"Berlin statement, 15 Dec 2025"}
    at.text_input(key=keys.SOURCES_SEARCH).input("").run()
    at.multiselect(key=keys.SOURCES_EVIDENCE).set_value(["Reported (media citing sources)"]).run()
    assert len(table(at)) == 79
    at.text_input(key=keys.SOURCES_SEARCH).input("no such words here").run()
    assert any("No position matches" in info.value for info in at.info)
    assert len(table(at, 0)) == 248  # the source list is still there


def test_two_sessions_keep_their_own_filters():
    first, second = open_app(), open_app()
    first.multiselect(key=keys.BLOCS).set_value(["Russia"]).run()
    second.run()
    assert set(twin(first, "overview")["Actor"]) == {"Russia"}
    assert len(twin(second, "overview")) == 119


def test_choosing_the_other_bloc_first_never_leaves_both_the_same():
    at = open_app("europe_vs_us")
    at.selectbox(key=keys.COMPARE_A).set_value("United States").run()
    assert_clean(at)
    assert at.selectbox(key=keys.COMPARE_A).value == "United States"
    assert at.selectbox(key=keys.COMPARE_B).value != "United States"
    assert "United States" not in at.selectbox(key=keys.COMPARE_B).options
