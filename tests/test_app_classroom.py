"""Classroom activities end to end in AppTest: answer → result, guess → reveal, presenter, handout."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from components import keys
from testkit.apptest import assert_clean, by_label, go, open_app, table, twin

STAND = "where_do_you_stand"
GUESS = "guess_the_stance"


def answer(at: AppTest, issue: str, value: int | str, important: bool = False) -> None:
    at.radio(key=keys.STAND_ANSWER + issue).set_value(value)
    if important:
        at.checkbox(key=keys.STAND_IMPORTANT + issue).check()


def submit(at: AppTest, label: str) -> AppTest:
    return by_label(at, "button", label).click().run()


def test_where_do_you_stand_from_answers_to_explained_result():
    at = open_app(STAND)
    assert not at.main.header  # no results before submitting
    answer(at, "European ground troops", 2)
    answer(at, "US backstop", 2, important=True)
    answer(at, "Army size cap", -2)
    answer(at, "Ceasefire first", 2)
    submit(at, "Show my matches")
    assert_clean(at)
    assert "Your matches" in [h.value for h in at.main.header]
    headline = at.success[0].value
    # NATO: troops +2 vs +1: 0.75, backstop +2 vs +2: 1 (×2); no position on the other two → 2.75 / 3
    assert headline.startswith("Your closest bloc: **NATO** (92% on 2 issues) · closest actor:")
    blocs, actors = twin(at, "stand_bloc"), twin(at, "stand_actor")
    assert blocs.iloc[0].to_dict() == {"Rank": 1, "Name": "NATO", "Match": "92%", "Issues compared": 2}
    ukraine = blocs.set_index("Name").loc["Ukraine"]
    # troops 1, backstop 1 (×2), cap −2 vs 0: 0.5, ceasefire first 1 → 4.5 / 5
    assert (ukraine["Match"], ukraine["Issues compared"]) == ("90%", 4)
    us = actors.set_index("Name").loc["United States"]
    # troops +2 vs +1: 0.75; backstop +2 vs +2: 1 ×2; cap −2 vs 0: 0.5; ceasefire first +2 vs −2: 0 → 3.25 / 5
    assert (us["Match"], us["Issues compared"]) == ("65%", 4)
    at.selectbox(key=keys.STAND_EXPLAIN).set_value("United States (actor)").run()
    breakdown = table(at, 0).set_index("Issue")
    assert breakdown.loc["US backstop", ["Points", "Weight", "Weighted points"]].tolist() == ["1.00", "2×", "2.00"]
    assert any("3.25 weighted points out of 5 possible = **65%**" in m.value for m in at.markdown)


def test_the_quiz_asks_the_curated_set_first_and_every_issue_on_request():
    at = open_app(STAND)
    asked = [r.key.removeprefix(keys.STAND_ANSWER) for r in at.radio if r.key.startswith(keys.STAND_ANSWER)]
    assert len(asked) == 12 and "Army size cap" in asked and "Minerals deal as guarantee" not in asked
    assert any("The 12 propositions at the heart of the debate, of 24 issues" in c.value for c in at.caption)
    at.toggle(key=keys.STAND_ALL).set_value(True).run()
    assert_clean(at)
    assert len([r for r in at.radio if r.key.startswith(keys.STAND_ANSWER)]) == 24
    answer(at, "Minerals deal as guarantee", 2)
    submit(at, "Show my matches")
    assert "You answered 1 of 24 propositions" in " ".join(c.value for c in at.caption)


def test_switching_metric_reranks_and_says_so():
    at = open_app(STAND)
    for issue, value in [
        ("European ground troops", 2),
        ("US backstop", 2),
        ("Army size cap", -2),
        ("Military security guarantees", 0),
        ("Ceasefire first", 2),
        ("Article 5-like guarantee", 2),
        ("US troops in Ukraine", 2),
    ]:
        answer(at, issue, value)
    submit(at, "Show my matches")
    note = next(i.value for i in at.info if "ranking changes" in i.value)
    assert "(rank by agreement → by distance): " in note and "Finland (5 → 2)" in note
    assert note.endswith("Distance punishes single big disagreements harder.")

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
    at.multiselect(key=keys.ISSUES).set_value(["US backstop", "Army size cap", "European ground troops"]).run()
    answer(at, "US backstop", -1)
    submit(at, "Show my matches")
    submit(at, "Start again")
    assert_clean(at)
    assert at.radio(key=keys.STAND_ANSWER + "US backstop").value == "skip"
    assert "Your matches" not in [h.value for h in at.main.header]
    assert at.multiselect(key=keys.ISSUES).value == ["US backstop", "Army size cap", "European ground troops"]


def test_answers_survive_a_visit_to_another_page():
    at = open_app(STAND)
    answer(at, "US backstop", -1)
    submit(at, "Show my matches")
    go(at, "overview")
    go(at, STAND)
    assert_clean(at)
    assert at.radio(key=keys.STAND_ANSWER + "US backstop").value == -1
    assert "Your matches" in [h.value for h in at.main.header]


def test_guess_then_reveal_with_score_and_wrong_assumptions():
    at = open_app(GUESS)
    at.selectbox(key=keys.GUESS_ACTOR).set_value("United States").run()
    issues = ["US backstop", "US intelligence sharing", "Minerals deal as guarantee"]
    prefix = f"{keys.GUESS_ANSWER}United States::Latest position::"
    at.radio(key=prefix + "US backstop").set_value(-1)
    at.radio(key=prefix + "US intelligence sharing").set_value(2)
    at.radio(key=prefix + "Minerals deal as guarantee").set_value(1)
    submit(at, "Reveal")
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    # backstop −1 vs +2 (Rubio, Jan 2026): 0.25; intelligence 1; minerals +1 vs +2: 0.75
    assert metrics == {"Your score": f"{(0.25 + 1 + 0.75) / 3:.0%}", "Exactly right": "1 of 3"}
    wrong = [m.value for m in at.markdown if m.value.startswith("- You expected")]
    assert len(wrong) == 1
    assert "the United States to oppose" in wrong[0] and "it strongly supported it \\(\\+2\\)" in wrong[0]
    cards = [m.value for m in at.markdown if any(m.value.startswith(f"**{escape}**") for escape in issues)]
    assert len(cards) == 3
    assert sum(m.value.startswith(":small[By chapter: 1") for m in at.markdown) == 3  # how each one moved


def test_guess_where_an_actor_stood_at_the_end_of_a_chapter():
    at = open_app(GUESS)
    at.selectbox(key=keys.GUESS_ACTOR).set_value("United States").run()
    at.selectbox(key=keys.GUESS_CHAPTER).set_value("Planning the force").run()
    assert_clean(at)
    prefix = f"{keys.GUESS_ANSWER}United States::Planning the force::"
    asked = [r.key.removeprefix(prefix) for r in at.radio if r.key.startswith(prefix)]
    assert "US backstop" in asked and "Army size cap" not in asked  # only what it had said by 30 Apr 2025
    at.radio(key=prefix + "US backstop").set_value(2)
    submit(at, "Reveal")
    wrong = [m.value for m in at.markdown if m.value.startswith("- You expected")]
    assert len(wrong) == 1 and "as of 27 Feb 2025 it was split on it \\(0\\)" in wrong[0]


def test_surprise_me_picks_another_actor():
    at = open_app(GUESS)
    before = at.selectbox(key=keys.GUESS_ACTOR).value
    submit(at, "Surprise me")
    assert_clean(at)
    assert at.selectbox(key=keys.GUESS_ACTOR).value != before


def test_discussion_prompts_page_lists_sourced_prompts():
    at = open_app("discussion_prompts")
    questions = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert len(questions) >= 4
    assert "Ceasefire first" in questions[0]
    assert any(q.startswith("#### How did") and "between" in q for q in questions)  # a move between chapters
    assert sum(m.value.startswith(":small[") and "Source:" in m.value for m in at.markdown) >= 8


def test_presenter_steps_through_issues_without_sidebar():
    at = open_app()
    at.multiselect(key=keys.BLOCS).set_value(["Europe", "United States", "Russia"]).run()
    go(at, "presenter")
    assert_clean(at)
    assert not at.sidebar.multiselect  # projector mode: no filters on screen
    assert at.title[0].value.startswith("After a ceasefire, European countries and their partners")
    assert [m.label for m in at.metric] == ["Europe", "United States", "Russia"]  # the sidebar choice still applies
    text = " ".join(m.value for m in at.markdown)
    assert "Median \\+2; 17 of 19 members stated a position" in text  # the bloc figure says who is behind it
    submit(at, "Next")
    assert at.selectbox(key=keys.PRESENTER_ISSUE).value == "Force without the US"
    submit(at, "Previous")
    submit(at, "Previous")
    assert at.selectbox(key=keys.PRESENTER_ISSUE).value == "Elections as part of a deal"  # wraps around
    go(at, "overview")
    assert at.multiselect(key=keys.BLOCS).value == ["Europe", "United States", "Russia"]


def test_handout_downloads_carry_the_selection(downloads):
    at = open_app()
    at.multiselect(key=keys.ACTORS).set_value(["France", "Russia"]).run()
    go(at, "handout")
    assert_clean(at)
    assert [b.proto.label for b in at.get("download_button")] == [
        "Download handout (HTML, prints on A4)",
        "Download handout (Markdown)",
    ]
    html = downloads["handout.html"].decode()
    markdown = downloads["handout.md"].decode()
    for text in (html, markdown):
        assert "A European force for Ukraine (2025–2026)" in text
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


def test_presenter_steps_through_the_chapters():
    at = open_app("presenter")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["United States"] == "▲ +1"  # European ground troops, latest: Rubio, Jan 2026
    assert sum("y chapter\\: 1 " in m.value or "y chapter\\: 2 " in m.value for m in at.markdown) == 5
    at.segmented_control(key=keys.SLIDE_CHAPTER).set_value("Planning the force").run()
    assert_clean(at)
    assert at.caption[0].value == (
        "Issue 1 of 24 · as it stood at the end of 1 · Planning the force \\(Feb–Apr 2025\\) · no stated position: "
        "NATO, Other partners"  # the blocs that had not spoken yet are named, not left out silently
    )
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["United States"] == "▲ +1"  # Trump, Feb 2025; Vance's and Witkoff's remarks are other voices
    assert metrics["Europe"] == "▲ +0.7"  # 12 members: (2 + 2 + 1 × 7 − 1 − 1 + 0 + 0) / 12


def test_presenter_shows_one_quote_and_the_teacher_chooses_whose():
    at = open_app("presenter")
    assert_clean(at)
    quote = [m.value for m in at.markdown if "“" in m.value]
    macron = "“We will not be on the front line, but we will be there to support the Ukrainian army”"
    assert quote == [f"**Europe:** {macron}"]
    behind = [m.value for m in at.markdown if m.value.startswith("**Supports**")]
    assert behind[0] == "**Supports** · 17 of 19 members"  # the figure says how many stand behind it
    at.radio(key=keys.PRESENTER_QUOTE).set_value("Russia").run()
    assert_clean(at)
    quote = [m.value for m in at.markdown if m.value.startswith("**Russia:**")]
    assert quote and quote[0].endswith(":small[(our summary)]")  # no quote: our paraphrase, said to be ours
    assert not [m.value for m in at.markdown if "“" in m.value]
    at.selectbox(key=keys.PRESENTER_ISSUE).set_value("Elections as part of a deal").run()
    assert_clean(at)
    spoke = [m.label for m in at.metric]
    shown = [m.value.split(":**")[0][2:] for m in at.markdown if m.value.startswith("**") and ":** " in m.value]
    assert len(shown) == 1 and shown[0] in spoke  # Russia's choice where Russia spoke, else the default


def test_presenter_says_so_when_no_bloc_had_spoken_by_the_end_of_a_chapter():
    at = open_app("presenter")
    at.selectbox(key=keys.PRESENTER_ISSUE).set_value("Army size cap").run()
    at.segmented_control(key=keys.SLIDE_CHAPTER).set_value("Planning the force").run()
    assert_clean(at)
    assert at.info[0].value.startswith("No bloc had stated a position on this issue by the end of 1 · Planning")
    assert not at.metric
