"""Every page and widget path of the app, run headless with Streamlit's AppTest, in the suite's language
(STANCE_TEST_LANG): every expected text is the English one put through the catalogues and the topic's
translations, so the same facts are checked in English and in French."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

import pytest

from components import keys
from components.pages import PageSpec, page
from stancekit.bundled import load_bundled
from stancekit.figures.bars import GAP_EXPLANATION
from stancekit.i18n import LABELLED, day, one_decimal
from stancekit.text import definite, escape_markdown
from testkit.apptest import (
    LANG,
    assert_clean,
    by_label,
    content,
    go,
    named,
    ntr,
    open_app,
    plotly_charts,
    stance,
    table,
    tr,
    twin,
)

# Pages for browsing the bundled topic, with its header, its footer and the empty state of no rows.
BROWSING = [page(module) for module in ("overview", "europe_vs_us", "issue_deep_dive", "sources")]
# a table twin keeps its columns under their English names; the shown headers are translated by column_config
ACTOR, ISSUE, STANCE = "Actor", "Issue", "Stance"
FOOTER = (
    "**Data:** {positions} dated positions of {actors} actors on {issues} issues, stated {span}, from "
    "{sources} sources (see **Sources**). Positions are coded −2 (strongly opposes) to +2 (strongly "
    "supports) and paraphrased in our own words; quotes are the sources' own. Topic: {topic}."
)
MATRIX_ALT = (
    "Matrix of the latest positions of {actors} actors on {issues} issues, "
    "from strongly opposes to strongly supports. The Table tab lists the same positions in words."
)


def summary_of(start: str) -> str:
    """The summary of the one bundled position whose English summary starts so, in the suite's language."""
    (english,) = {s for s in load_bundled().stances["summary"] if s.startswith(start)}
    return content("stances", "summary", english)


def joint(english: str) -> str:
    """A joint statement's name in the suite's language."""
    return content("names", "joint", english)


def names(*english: str) -> set[str]:
    return {named(name) for name in english}


def md(text: str) -> str:
    """A text as the app writes it into Markdown."""
    return escape_markdown(text)


@pytest.mark.parametrize("spec", BROWSING, ids=lambda spec: spec.module)
def test_every_page_renders_with_header_and_footer(spec: PageSpec):
    at = open_app(spec.module)
    assert_clean(at)
    assert at.title[0].value == tr(spec.heading)
    span = tr("{first} – {last}").format(first=day(date(2025, 2, 12), LANG), last=day(date(2026, 5, 18), LANG))
    expected = tr(FOOTER).format(
        positions=456,
        actors=26,
        issues=24,
        span=span,
        sources=220,
        topic=md(content("names", "topic", "A European force for Ukraine (2025–2026)")),
    )
    assert expected in [c.value for c in at.main.caption]


def test_overview_matrix_has_its_table_twin_and_a_summary_line():
    at = open_app()
    europe, us = named("Europe"), named("United States")
    assert at.main.markdown[0].value == tr("**At a glance:** {first} and {second} differ most on").format(
        first=md(definite(europe, start=True, lang=LANG)), second=md(definite(us, lang=LANG))
    )
    glance = at.main.markdown[1].value
    figures = tr("{first} {first_value} vs {second} {second_value}").format(
        first=definite(europe, start=True, lang=LANG),
        first_value="+2",
        second=definite(us, lang=LANG),
        second_value="−2",
    )
    assert glance.startswith(tr(LABELLED).format(label=f"**{md(named('Ceasefire first'))}**", text=md(figures)))
    # the bloc figure says who stands behind it, and that one joint text speaks for two of them
    behind = ntr(
        "{count} of {total} member stated a position: {supporting} for, {split} split, {opposing} against",
        "{count} of {total} members stated a position: {supporting} for, {split} split, {opposing} against",
        19,
    ).format(count=3, total=19, supporting=3, split=0, opposing=0)
    joint = tr("all of them through one joint statement ({name})").split("{name}")[0]
    assert md(f"{behind}; {joint}") in glance
    charts = plotly_charts(at)
    assert len(charts) == 1
    assert tr(MATRIX_ALT).format(actors=26, issues=12) == charts[0].proto.alt  # the central ones
    positions = twin(at, "overview")
    assert len(positions) == 119  # one row per actor-issue pair with a stated position, on the 12 issues
    assert positions.iloc[0][ACTOR] == named("United Kingdom")
    assert named("US intelligence sharing") not in set(positions[ISSUE])  # not one of the central twelve
    at.segmented_control(key=keys.ISSUE_GROUP).set_value(tr("All issues")).run()
    positions = twin(at, "overview")
    assert len(positions) == 186
    us_intel = positions[(positions[ACTOR] == us) & (positions[ISSUE] == named("US intelligence sharing"))]
    assert us_intel[STANCE].tolist() == [stance(2)]  # the restored, latest position


def test_bloc_filter_applies_to_every_page():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value([named("Russia")]).run()
    assert set(twin(at, "overview")[ACTOR]) == names("Russia")
    go(at, "sources")
    assert_clean(at)
    assert set(table(at)[ACTOR]) == names("Russia")
    shown = ntr("{shown} of {count} position shown.", "{shown} of {count} positions shown.", 58)
    assert at.main.caption[1].value == shown.format(shown=58, count=58)
    go(at, "issue_deep_dive")
    assert set(at.main.subheader.values) == names("Russia")


def test_actor_choices_follow_the_chosen_blocs():
    at = open_app()
    at.multiselect(key=keys.ACTORS).set_value([named("France"), named("Russia")]).run()
    assert set(twin(at, "overview")[ACTOR]) == names("France", "Russia")
    at.multiselect(key=keys.BLOCS).set_value([named("Europe")]).run()
    assert_clean(at)
    assert not any(named("Russia") in option for option in at.multiselect(key=keys.ACTORS).options)
    assert at.multiselect(key=keys.ACTORS).value == [named("France")]
    assert set(twin(at, "overview")[ACTOR]) == names("France")


def test_issue_filter_and_reset():
    at = open_app()
    at.multiselect(key=keys.ISSUES).set_value([named("US backstop"), named("30-day ceasefire")]).run()
    assert set(twin(at, "overview")[ISSUE]) == names("US backstop", "30-day ceasefire")
    by_label(at.sidebar, "button", "Reset filters").click().run()
    assert at.multiselect(key=keys.ISSUES).value == []
    assert len(twin(at, "overview")) == 119


def test_overview_shows_one_group_of_issues_at_a_time():
    at = open_app()
    at.segmented_control(key=keys.ISSUE_GROUP).set_value(named("The US role")).run()
    assert_clean(at)
    assert set(twin(at, "overview")[ISSUE]) == names(
        "US troops in Ukraine",
        "US backstop",
        "US intelligence sharing",
        "US-led ceasefire monitoring",
        "Minerals deal as guarantee",
    )
    assert tr(MATRIX_ALT).format(actors=26, issues=5) == plotly_charts(at.run())[0].proto.alt
    at.segmented_control(key=keys.ISSUE_GROUP).set_value(None).run()
    assert len(twin(at, "overview")) == 119
    # a large screen (no phone in the User-Agent) gets the matrix alone: the lists are not built beside it
    assert at.segmented_control(key=keys.OVERVIEW_FORM).value == "Matrix"
    assert not [s for s in at.main.selectbox if s.label == tr("Issue")]


def test_overview_lists_replace_the_matrix_when_chosen():
    at = open_app()
    at.segmented_control(key=keys.OVERVIEW_FORM).set_value(tr("Lists")).run()
    assert_clean(at)
    assert not plotly_charts(at)  # the chart library is not even loaded for a matrix nobody sees
    assert by_label(at.main, "selectbox", "Issue").value == named("European ground troops")  # the first central one
    at.segmented_control(key=keys.OVERVIEW_FORM).set_value(tr("Matrix")).run()
    assert len(plotly_charts(at)) == 1


def test_overview_phone_form_lists_one_issue_by_bloc_and_position():
    at = open_app(state={keys.OVERVIEW_FORM: "Lists", keys.OVERVIEW_ISSUE: named("US backstop")})
    text = "\n".join(m.value for m in at.main.markdown)
    assert by_label(at.main, "selectbox", "Issue").value == named("US backstop")
    europe = ntr("{stated} of {size} actor stated a position", "{stated} of {size} actors stated a position", 19)
    assert f"**{md(named('Europe'))}** · :small[{europe.split('{stated}')[0]}" in text
    assert europe.split("{size}")[1] + "]" in text
    assert f"**{md(named('United States'))}** · :small[{tr('1 actor')}]" in text
    assert f":violet-badge[{md(stance(2))}] {md(named('Poland'))}, {md(named('Italy'))}  \n" in text
    others = ntr("{stated} of {size} actor stated a position", "{stated} of {size} actors stated a position", 3).format(
        stated=0, size=3
    )
    silent = ":small[" + tr(LABELLED).format(label=tr("No stated position"), text=md(named("Canada")))
    assert f"**{md(named('Other partners'))}** · :small[{others}]  \n{silent}" in text
    by_label(at.main, "selectbox", "Issue").set_value(named("European ground troops")).run()
    assert_clean(at)
    text = "\n".join(m.value for m in at.main.markdown)
    russia = md(named("Russia"))
    assert f"**{russia}** · :small[{tr('1 actor')}]  \n:orange-badge[{md(stance(-2))}] {russia}" in text
    link = next(
        p
        for p in at.main.get("page_link")
        if p.proto.label == tr("Paraphrases, quotes and sources: this issue in depth")
    )
    assert link.proto.query_string == urlencode({keys.ISSUE: named("European ground troops")})


def test_filters_that_leave_nothing_show_a_helpful_empty_state():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value([named("Ukraine")]).run()
    at.multiselect(key=keys.ISSUES).set_value([named("US intelligence sharing")]).run()
    for spec in BROWSING:
        go(at, spec.module)
        assert_clean(at)
        assert not plotly_charts(at)
        assert any(tr("Reset filters") in info.value for info in at.info), spec.module


def test_europe_vs_us_compares_blocs_and_ranks_gaps():
    at = open_app("europe_vs_us")
    europe, us = named("Europe"), named("United States")
    assert at.selectbox(key=keys.COMPARE_A).value == europe
    assert at.selectbox(key=keys.COMPARE_B).value == us
    assert len(plotly_charts(at)) == 2
    # the chart's short axis title ("Gap (0–4)") is spelt out above it
    assert any(c.value.startswith(tr(GAP_EXPLANATION)) for c in at.main.caption)
    gaps = twin(at, "gaps")
    top = gaps.iloc[0]
    mean = tr("{bloc} mean")
    assert (top[ISSUE], top[mean.format(bloc=europe)], top[mean.format(bloc=us)]) == (
        named("Ceasefire first"),
        "+2",
        "−2",
    )
    assert top["Gap"] == one_decimal(4.0, LANG)
    stated = tr("{bloc}: stated")
    of = tr("{count} of {total}")
    assert (top[stated.format(bloc=europe)], top[stated.format(bloc=us)]) == (
        of.format(count=3, total=19),
        of.format(count=1, total=1),
    )
    assert gaps.set_index(ISSUE).loc[named("Infrastructure protection"), "Gap"] == tr("not comparable")
    blocs = twin(at, "blocs")
    europe_troops = blocs[(blocs[ISSUE] == named("European ground troops")) & (blocs["Bloc"] == europe)].iloc[0]
    assert (europe_troops["Range"], europe_troops["Median"], europe_troops["Stated a position"]) == (
        tr("{low} to {high}").format(low="−1", high="+2"),
        "+2",
        of.format(count=17, total=19),
    )
    assert europe_troops["For / split / against"] == "14 / 2 / 1"
    assert europe_troops["Through a joint statement"] == 6  # the Berlin statement is the newest on-record text
    assert tr("Why they differ: the biggest gaps") in at.subheader.values
    text = " ".join(m.value for m in at.markdown)
    assert f"#### {md(europe)} \\+2" in text and f"#### {md(us)} −2" in text
    # Europe's words on the top gap come from the record (the leaders' joint call of 24 Feb 2026), not a report
    summary = summary_of("On the war's fourth anniversary the coalition's leaders called")
    assert tr(LABELLED).format(label=md(stance(2)), text=md(summary)) in text
    badge = tr(":blue-badge[Joint statement] {joint}").format(
        joint=md(joint("Coalition leaders' meeting, 24 Feb 2026"))
    )
    assert badge in text


def test_europe_vs_us_can_compare_any_two_blocs():
    at = open_app("europe_vs_us")
    at.selectbox(key=keys.COMPARE_A).set_value(named("Russia")).run()
    at.selectbox(key=keys.COMPARE_B).set_value(named("Ukraine")).run()
    assert_clean(at)
    pair = tr("Positions by bloc: {first} vs {second}").format(first=named("Russia"), second=named("Ukraine"))
    assert pair in at.subheader.values
    gaps = twin(at, "gaps")
    mean = tr("{bloc} mean")
    assert list(gaps.columns[1:3]) == [mean.format(bloc=named("Russia")), mean.format(bloc=named("Ukraine"))]
    assert gaps.iloc[0]["Gap"] == one_decimal(4.0, LANG)


def test_deep_dive_shows_proposition_cards_and_history():
    at = open_app("issue_deep_dive")
    at.selectbox(key=keys.ISSUE).set_value(named("US intelligence sharing")).run()
    assert_clean(at)
    text = " ".join(m.value for m in at.markdown)
    proposition = "The United States should keep sharing military intelligence with Ukraine."
    assert md(content("issues", "proposition", proposition)) in text
    stated = ntr(
        "**{count} actor** stated a position: {supporting} for, {split} split, {opposing} against.",
        "**{count} actors** stated a position: {supporting} for, {split} split, {opposing} against.",
        2,
    )
    assert stated.format(count=2, supporting=1, split=0, opposing=1) in text
    # the US card shows the restored sharing it stated; the later report and the pause are listed beneath
    other = tr("Other statements on this issue ({count})")
    assert [e.label for e in at.expander if e.label.startswith(other.split("{count}")[0])] == [other.format(count=2)]
    assert md(summary_of("After the talks in Jeddah the US said it would resume intelligence sharing")) in text
    paused = md(summary_of("The CIA director confirmed"))
    assert paused not in text  # the other statements are sent only once opened
    at.session_state[f"{keys.OTHER_STATEMENTS}{named('United States')}::{named('US intelligence sharing')}"] = True
    opened = " ".join(m.value for m in at.run().markdown)
    assert paused in opened
    assert md(summary_of("The US was reported to be ready to offer intelligence")) in opened
    assert "[LBC, 2025\\-03\\-11](https://www.lbc.co.uk/" in text  # the source line links the source
    assert f":blue-badge[{md(tr('On the record'))}]" in text  # with its evidence badge
    silent = tr("No stated position on this issue: {actors}.").split("{actors}")[0]
    assert silent in " ".join(c.value for c in at.caption)


def test_sources_search_and_evidence_filter():
    at = open_app("sources")
    assert len(table(at)) == 456
    at.text_input(key=keys.SOURCES_SEARCH).input("Vance").run()
    assert "Vance" in set(table(at)["Speaker"])
    at.text_input(key=keys.SOURCES_SEARCH).input("Karis").run()
    assert table(at)[["Speaker", "Id", "Voice"]].values.tolist() == [["Karis", "N2", tr("Sets the position")]]
    at.text_input(key=keys.SOURCES_SEARCH).input(
        f"{joint('Berlin statement, 15 Dec 2025').split(',')[0]} {named('Poland')}"
    ).run()
    assert set(table(at)["Joint statement"]) == {joint("Berlin statement, 15 Dec 2025")}
    at.text_input(key=keys.SOURCES_SEARCH).input("").run()
    at.multiselect(key=keys.SOURCES_EVIDENCE).set_value([tr("Reported (media citing sources)")]).run()
    assert len(table(at)) == 79
    at.text_input(key=keys.SOURCES_SEARCH).input("no such words here").run()
    assert any(tr("No position matches this search. Try fewer or different words.") == i.value for i in at.info)
    assert len(table(at, 0)) == 248  # the source list is still there


def test_two_sessions_keep_their_own_filters():
    first, second = open_app(), open_app()
    first.multiselect(key=keys.BLOCS).set_value([named("Russia")]).run()
    second.run()
    assert set(twin(first, "overview")[ACTOR]) == names("Russia")
    assert len(twin(second, "overview")) == 119


def test_choosing_the_other_bloc_first_never_leaves_both_the_same():
    at = open_app("europe_vs_us")
    us = named("United States")
    at.selectbox(key=keys.COMPARE_A).set_value(us).run()
    assert_clean(at)
    assert at.selectbox(key=keys.COMPARE_A).value == us
    assert at.selectbox(key=keys.COMPARE_B).value != us
    assert us not in at.selectbox(key=keys.COMPARE_B).options
