"""Classroom activities end to end in AppTest: answer → result, guess → reveal, presenter, handout."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components import keys
from tests.test_app import assert_clean, open_app, table, twin

STAND = "app_pages/where_do_you_stand.py"
GUESS = "app_pages/guess_the_stance.py"


def answer(at: AppTest, issue: str, value: int | str, important: bool = False) -> None:
    at.radio(key=keys.STAND_ANSWER + issue).set_value(value)
    if important:
        at.checkbox(key=keys.STAND_IMPORTANT + issue).check()


def submit(at: AppTest, label: str) -> AppTest:
    button = next(b for b in at.button if b.label == label)
    return button.click().run()


def test_where_do_you_stand_from_answers_to_explained_result():
    at = open_app(STAND)
    assert not at.main.header[1:]  # no results before submitting
    answer(at, "European ground troops", 2)
    answer(at, "US backstop", 2, important=True)
    answer(at, "Minerals deal as guarantee", -2)
    answer(at, "30-day ceasefire", 2)
    submit(at, "Show my matches")
    assert_clean(at)
    assert "Your matches" in [h.value for h in at.main.header]
    headline = at.success[0].value
    # Ukraine: troops 1, backstop 1 (×2), minerals −2 vs −1: 0.75, ceasefire 1 → 4.75 / 5
    assert headline.startswith("Your closest bloc: **Ukraine** (95% on 4 issues) · closest actor:")
    blocs, actors = twin(at, "stand_bloc"), twin(at, "stand_actor")
    assert blocs.iloc[0].to_dict() == {"Rank": 1, "Name": "Ukraine", "Match": "95%", "Issues compared": 4}
    us = actors.set_index("Name").loc["United States"]
    # troops +2 vs +1: 0.75; backstop +2 vs 0: 0.5 ×2; minerals −2 vs +2: 0; ceasefire: 1 → 2.75 / 5
    assert (us["Match"], us["Issues compared"]) == ("55%", 4)
    at.selectbox(key=keys.STAND_EXPLAIN).set_value("United States (actor)").run()
    breakdown = table(at, 0).set_index("Issue")
    assert breakdown.loc["US backstop", ["Points", "Weight", "Weighted points"]].tolist() == ["0.50", "2×", "1.00"]
    assert any("2.75 weighted points out of 5 possible = **55%**" in m.value for m in at.markdown)


def test_switching_metric_reranks_and_says_so():
    at = open_app(STAND)
    for issue, value in [
        ("European ground troops", 2),
        ("US backstop", 2),
        ("Minerals deal as guarantee", -2),
        ("Military security guarantees", 0),
        ("30-day ceasefire", 2),
        ("Strong Ukrainian army", 2),
        ("US troops in Ukraine", 2),
    ]:
        answer(at, issue, value)
    submit(at, "Show my matches")
    note = next(i.value for i in at.info if "ranking changes" in i.value)
    assert note.endswith(
        "(rank by agreement → by distance): France (2 → 3). Distance punishes single big disagreements harder."
    )

    def rankings() -> list[list]:
        return [twin(at, chart)[["Name", "Rank"]].values.tolist() for chart in ("stand_bloc", "stand_actor")]

    by_agreement = rankings()
    at.radio(key=keys.STAND_METRIC).set_value("euclidean").run()
    assert_clean(at)
    assert rankings() != by_agreement


def test_skipping_everything_asks_for_an_answer():
    at = open_app(STAND)
    submit(at, "Show my matches")
    assert "You skipped every question" in at.warning[0].value


def test_start_again_clears_only_this_activity():
    at = open_app(STAND)
    at.multiselect(key=keys.ISSUES).set_value(["US backstop", "30-day ceasefire", "European ground troops"]).run()
    answer(at, "US backstop", -1)
    submit(at, "Show my matches")
    submit(at, "Start again")
    assert_clean(at)
    assert at.radio(key=keys.STAND_ANSWER + "US backstop").value == "skip"
    assert "Your matches" not in [h.value for h in at.main.header]
    assert at.multiselect(key=keys.ISSUES).value == ["US backstop", "30-day ceasefire", "European ground troops"]


def test_answers_survive_a_visit_to_another_page():
    at = open_app(STAND)
    answer(at, "US backstop", -1)
    submit(at, "Show my matches")
    at.switch_page("app_pages/overview.py").run()
    at.switch_page(STAND).run()
    assert_clean(at)
    assert at.radio(key=keys.STAND_ANSWER + "US backstop").value == -1
    assert "Your matches" in [h.value for h in at.main.header]


def test_guess_then_reveal_with_score_and_wrong_assumptions():
    at = open_app(GUESS)
    at.selectbox(key=keys.GUESS_ACTOR).set_value("United States").run()
    issues = ["US backstop", "US intelligence sharing", "Minerals deal as guarantee"]
    prefix = f"{keys.GUESS_ANSWER}United States::Latest position::"
    at.radio(key=prefix + "US backstop").set_value(2)
    at.radio(key=prefix + "US intelligence sharing").set_value(2)
    at.radio(key=prefix + "Minerals deal as guarantee").set_value(1)
    submit(at, "Reveal")
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics == {"Your score": f"{(0.5 + 1 + 0.75) / 3:.0%}", "Exactly right": "1 of 3"}
    wrong = [m.value for m in at.markdown if m.value.startswith("- You expected")]
    assert len(wrong) == 1
    assert "the United States to strongly support" in wrong[0] and "it was split on it \\(0\\)" in wrong[0]
    cards = [m.value for m in at.markdown if any(m.value.startswith(f"**{escape}**") for escape in issues)]
    assert len(cards) == 3


def test_surprise_me_picks_another_actor():
    at = open_app(GUESS)
    before = at.selectbox(key=keys.GUESS_ACTOR).value
    submit(at, "Surprise me")
    assert_clean(at)
    assert at.selectbox(key=keys.GUESS_ACTOR).value != before


def test_discussion_prompts_page_lists_sourced_prompts():
    at = open_app("app_pages/discussion_prompts.py")
    questions = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert len(questions) >= 4
    assert "Military security guarantees" in questions[0]
    assert sum(m.value.startswith(":small[") and "Source:" in m.value for m in at.markdown) >= 8


def test_presenter_steps_through_issues_without_sidebar():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value(["Europe", "United States", "Russia"]).run()
    at.switch_page("app_pages/presenter.py").run()
    assert_clean(at)
    assert not at.sidebar.multiselect  # projector mode: no filters on screen
    assert at.title[0].value.startswith("European countries should send ground troops")
    assert [m.label for m in at.metric] == ["Europe", "United States", "Russia"]  # the sidebar choice still applies
    submit(at, "Next")
    assert at.selectbox(key=keys.PRESENTER_ISSUE).value == "US troops in Ukraine"
    submit(at, "Previous")
    submit(at, "Previous")
    assert at.selectbox(key=keys.PRESENTER_ISSUE).value == "Strong Ukrainian army"  # wraps around
    at.switch_page("app_pages/overview.py").run()
    assert at.multiselect(key=keys.BLOCS).value == ["Europe", "United States", "Russia"]


def test_handout_downloads_carry_the_selection(downloads):
    at = open_app()
    at.multiselect(key=keys.ACTORS).set_value(["France", "Russia"]).run()
    at.switch_page("app_pages/handout.py").run()
    assert_clean(at)
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download handout (HTML, prints on A4)",
        "Download handout (Markdown)",
    ]
    html = downloads["handout.html"].decode()
    markdown = downloads["handout.md"].decode()
    for text in (html, markdown):
        assert "A European force for Ukraine (2025)" in text
        assert "France" in text and "Russia" in text and "Italy" not in text
    assert html.startswith("<!doctype html>") and "<script" not in html
    assert "| France | ▲▲ +2 |" in markdown
    assert table(at, 0).index.tolist() == ["France", "Russia"]


def test_two_sessions_never_see_each_others_answers():
    alice, bob = open_app(STAND), open_app(STAND)
    answer(alice, "US backstop", -2, important=True)
    submit(alice, "Show my matches")
    bob.run()
    assert bob.radio(key=keys.STAND_ANSWER + "US backstop").value == "skip"
    assert not bob.checkbox(key=keys.STAND_IMPORTANT + "US backstop").value
    assert "Your matches" not in [h.value for h in bob.main.header]
    assert "Your matches" in [h.value for h in alice.main.header]
