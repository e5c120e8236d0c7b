"""Classroom activities end to end in AppTest: answer → result, guess → reveal, presenter, handout."""

from __future__ import annotations

import os.path
from datetime import date
from html import escape as escape_html

import pandas as pd
from streamlit.testing.v1 import AppTest

from components import keys
from stancekit.activity_tables import points_text
from stancekit.chapters import Chapter
from stancekit.content import QUOTE_TRANSLATION, translation_note
from stancekit.guessing import AS_OF, EXPECTED
from stancekit.i18n import day, number, percent
from stancekit.prompts import named as in_a_sentence
from stancekit.scale import label, signed
from stancekit.text import escape_markdown
from testkit.apptest import (
    LANG,
    assert_clean,
    before,
    by_label,
    content,
    go,
    matches,
    named,
    ntr,
    open_app,
    table,
    tr,
    twin,
)

STAND = "where_do_you_stand"
GUESS = "guess_the_stance"
QUOTE = "**{bloc}:** “{quote}”"  # a bloc's quote on the presenter's slide (components/presenter.py)
SUMMARY = "**{bloc}:** {summary} :small[(our summary)]"  # its paraphrase, without a quote
OPEN_QUOTE = tr(QUOTE).split("{quote}")[0].rstrip()[-1]  # “ in English, « in French
BLOC_MARK = tr(SUMMARY).split("{bloc}")[1].split("{summary}")[0]  # what follows the bloc's name: ":** "
PLANNING = "Planning the force"  # the first chapter, Feb–Apr 2025


def pct(whole: int) -> str:
    """A whole percentage as the suite's language writes it: 92% in English, 92 % in French."""
    return percent(whole / 100, LANG)


# The first chapter as pickers and captions name it: '1 · Planning the force (Feb–Apr 2025)'.
PLANNING_LABEL = Chapter(1, named(PLANNING), pd.Timestamp("2025-02-01"), pd.Timestamp("2025-04-30")).label(LANG)


def with_our_translation(quote: str) -> dict[str, str]:
    """A bundled quote (the speaker's words, in English) with our translation of it in the suite's language, as
    the localised dataset carries it: none where the suite's language is the quote's own."""
    translated = content("quotes", "quote", quote)
    return {"quote": quote, QUOTE_TRANSLATION: "" if translated == quote else translated}


def answer(at: AppTest, issue: str, value: int | str, important: bool = False) -> None:
    at.radio(key=keys.STAND_ANSWER + named(issue)).set_value(value)
    if important:
        at.checkbox(key=keys.STAND_IMPORTANT + named(issue)).check()


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
    assert tr("Your matches") in [h.value for h in at.main.header]
    headline = at.success[0].value
    # NATO: troops +2 vs +1: 0.75, backstop +2 vs +2: 1 (×2); no position on the other two → 2.75 / 3
    assert headline.startswith(
        before(
            tr(
                "Your closest bloc: **{bloc}** ({bloc_match} on {bloc_issues} issues) · closest actor: **{actor}** "
                "({actor_match} on {actor_issues} issues)."
            ),
            bloc=escape_markdown(named("NATO")),
            bloc_match=pct(92),
            bloc_issues=2,
        )
    )
    blocs, actors = twin(at, "stand_bloc"), twin(at, "stand_actor")
    assert blocs.iloc[0].to_dict() == {
        tr("Rank"): 1,
        tr("Name"): named("NATO"),
        tr("Match"): pct(92),
        tr("Issues compared"): 2,
    }
    ukraine = blocs.set_index(tr("Name")).loc[named("Ukraine")]
    # troops 1, backstop 1 (×2), cap −2 vs 0: 0.5, ceasefire first 1 → 4.5 / 5
    assert (ukraine[tr("Match")], ukraine[tr("Issues compared")]) == (pct(90), 4)
    us = actors.set_index(tr("Name")).loc[named("United States")]
    # troops +2 vs +1: 0.75; backstop +2 vs +2: 1 ×2; cap −2 vs 0: 0.5; ceasefire first +2 vs −2: 0 → 3.25 / 5
    assert (us[tr("Match")], us[tr("Issues compared")]) == (pct(65), 4)
    at.selectbox(key=keys.STAND_EXPLAIN).set_value(tr("{name} (actor)").format(name=named("United States"))).run()
    breakdown = table(at, 0).set_index(tr("Issue"))
    assert breakdown.loc[named("US backstop"), [tr("Points"), tr("Weight"), tr("Weighted points")]].tolist() == [
        points_text(1, LANG),
        "2×",
        points_text(2, LANG),
    ]
    explained = ntr(
        "Agreement with {name}: {points} weighted points out of {possible} possible = **{score}**, on {count} issue.",
        "Agreement with {name}: {points} weighted points out of {possible} possible = **{score}**, on {count} issues.",
        4,
    ).format(
        name=escape_markdown(named("United States")),
        points=points_text(3.25, LANG),
        possible=number(5, LANG),
        score=pct(65),
        count=4,
    )
    assert explained in [m.value for m in at.markdown]


def test_the_quiz_asks_the_curated_set_first_and_every_issue_on_request():
    at = open_app(STAND)
    asked = [r.key.removeprefix(keys.STAND_ANSWER) for r in at.radio if r.key.startswith(keys.STAND_ANSWER)]
    assert len(asked) == 12 and named("Army size cap") in asked and named("Minerals deal as guarantee") not in asked
    curated = ntr(
        "The {count} proposition at the heart of the debate, of {total} issues.",
        "The {count} propositions at the heart of the debate, of {total} issues.",
        12,
    ).format(count=12, total=24)
    assert any(curated in c.value for c in at.caption)
    at.toggle(key=keys.STAND_ALL).set_value(True).run()
    assert_clean(at)
    assert len([r for r in at.radio if r.key.startswith(keys.STAND_ANSWER)]) == 24
    answer(at, "Minerals deal as guarantee", 2)
    submit(at, "Show my matches")
    answered = before(
        ntr(
            "You answered {answered} of {count} proposition. Ranked: parties sharing at least {needed} of them "
            "with you.",
            "You answered {answered} of {count} propositions. Ranked: parties sharing at least {needed} of them "
            "with you.",
            24,
        ),
        answered=1,
        count=24,
    )
    assert answered.strip() and answered in " ".join(c.value for c in at.caption)


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
    opening, ending = tr(
        "**The ranking changes with the method** (rank by agreement → by distance): {moves}. "
        "Distance punishes single big disagreements harder."
    ).split("{moves}")
    note = next(i.value for i in at.info if i.value.startswith(opening))
    assert f"{escape_markdown(named('Finland'))} (5 → 2)" in note
    assert note.endswith(ending)

    def rankings() -> list[list]:
        return [twin(at, chart)[[tr("Name"), tr("Rank")]].values.tolist() for chart in ("stand_bloc", "stand_actor")]

    by_agreement = rankings()
    at.radio(key=keys.STAND_METRIC).set_value("euclidean").run()
    assert_clean(at)
    assert rankings() != by_agreement


def test_skipping_everything_asks_for_an_answer():
    at = open_app(STAND)
    submit(at, "Show my matches")
    assert tr("You skipped every question. Answer at least one proposition to see your matches.") in at.warning[0].value


def test_start_again_clears_only_this_activity():
    at = open_app(STAND)
    chosen = [named(issue) for issue in ("US backstop", "Army size cap", "European ground troops")]
    at.multiselect(key=keys.ISSUES).set_value(chosen).run()
    answer(at, "US backstop", -1)
    submit(at, "Show my matches")
    submit(at, "Start again")
    assert_clean(at)
    assert at.radio(key=keys.STAND_ANSWER + named("US backstop")).value == "skip"
    assert tr("Your matches") not in [h.value for h in at.main.header]
    assert at.multiselect(key=keys.ISSUES).value == chosen


def test_answers_survive_a_visit_to_another_page():
    at = open_app(STAND)
    answer(at, "US backstop", -1)
    submit(at, "Show my matches")
    go(at, "overview")
    go(at, STAND)
    assert_clean(at)
    assert at.radio(key=keys.STAND_ANSWER + named("US backstop")).value == -1
    assert tr("Your matches") in [h.value for h in at.main.header]


def test_guess_then_reveal_with_score_and_wrong_assumptions():
    at = open_app(GUESS)
    at.selectbox(key=keys.GUESS_ACTOR).set_value(named("United States")).run()
    issues = [named(issue) for issue in ("US backstop", "US intelligence sharing", "Minerals deal as guarantee")]
    prefix = f"{keys.GUESS_ANSWER}{named('United States')}::Latest position::"
    at.radio(key=prefix + issues[0]).set_value(-1)
    at.radio(key=prefix + issues[1]).set_value(2)
    at.radio(key=prefix + issues[2]).set_value(1)
    submit(at, "Reveal")
    assert_clean(at)
    metrics = {m.label: m.value for m in at.metric}
    # backstop −1 vs +2 (Rubio, Jan 2026): 0.25; intelligence 1; minerals +1 vs +2: 0.75
    assert metrics == {
        tr("Your score"): percent((0.25 + 1 + 0.75) / 3, LANG),
        tr("Exactly right"): tr("{exact} of {guessed}").format(exact=1, guessed=3),
    }
    expected = escape_markdown(os.path.commonprefix([before(tr(sentence)) for sentence in EXPECTED.values()]))
    wrong = [m.value for m in at.markdown if m.value.startswith(f"- {expected}")]
    assert len(wrong) == 1
    opposed = before(
        tr(EXPECTED[-1]), actor=in_a_sentence(named("United States"), LANG)
    )  # "…the United States to oppose “"
    assert wrong[0].startswith(f"- {escape_markdown(opposed)}")
    assert escape_markdown(tr(AS_OF[2]).split("{date}")[1].format(value="+2")) in wrong[0]
    cards = [m.value for m in at.markdown if any(m.value.startswith(f"**{escape_markdown(i)}**") for i in issues)]
    assert len(cards) == 3
    moved = tr(":small[By chapter: {path}]").split("{path}")[0] + "1"
    assert sum(m.value.startswith(moved) for m in at.markdown) == 3  # how each one moved


def test_guess_where_an_actor_stood_at_the_end_of_a_chapter():
    at = open_app(GUESS)
    at.selectbox(key=keys.GUESS_ACTOR).set_value(named("United States")).run()
    at.selectbox(key=keys.GUESS_CHAPTER).set_value(named(PLANNING)).run()
    assert_clean(at)
    prefix = f"{keys.GUESS_ANSWER}{named('United States')}::{named(PLANNING)}::"
    asked = [r.key.removeprefix(prefix) for r in at.radio if r.key.startswith(prefix)]
    assert named("US backstop") in asked and named("Army size cap") not in asked  # only what it had said by 30 Apr
    at.radio(key=prefix + named("US backstop")).set_value(2)
    submit(at, "Reveal")
    expected = escape_markdown(os.path.commonprefix([before(tr(sentence)) for sentence in EXPECTED.values()]))
    wrong = [m.value for m in at.markdown if m.value.startswith(f"- {expected}")]
    split = tr(AS_OF[0]).format(date=day(date(2025, 2, 27), LANG), value="0")  # "as of 27 Feb 2025 it was split…"
    assert len(wrong) == 1 and escape_markdown(split) in wrong[0]


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
    assert escape_markdown(named("Ceasefire first")) in questions[0]
    how_did = tr("How did {actor} move on “{issue}” {span}? {before}; {after}. What happened in between?")
    between = escape_markdown(before(tr("between {start} and {end}")))
    assert between
    # a move between chapters
    assert any(matches(how_did, q.removeprefix("#### "), escape_markdown) and between in q for q in questions)
    source = before(tr("Source: {source}"))
    assert sum(m.value.startswith(":small[") and source in m.value for m in at.markdown) >= 8


def test_presenter_steps_through_issues_without_sidebar():
    at = open_app()
    blocs = [named(bloc) for bloc in ("Europe", "United States", "Russia")]
    at.multiselect(key=keys.BLOCS).set_value(blocs).run()
    go(at, "presenter")
    assert_clean(at)
    assert not at.sidebar.multiselect  # projector mode: no filters on screen
    proposition = content(
        "issues",
        "proposition",
        "After a ceasefire, European countries and their partners should station ground troops in Ukraine.",
    )
    assert at.title[0].value == escape_markdown(proposition)
    assert [m.label for m in at.metric] == [escape_markdown(b) for b in blocs]  # the sidebar choice still applies
    text = " ".join(m.value for m in at.markdown)
    behind = tr("median {median}").format(median="+2") + "; "
    behind += before(
        ntr(
            "{count} of {total} member stated a position: {supporting} for, {split} split, {opposing} against",
            "{count} of {total} members stated a position: {supporting} for, {split} split, {opposing} against",
            19,
        ),
        count=17,
        total=19,
    )
    assert escape_markdown(behind[:1].upper() + behind[1:]) in text  # the bloc figure says who is behind it
    submit(at, "Next")
    assert at.selectbox(key=keys.PRESENTER_ISSUE).value == named("Force without the US")
    submit(at, "Previous")
    submit(at, "Previous")
    assert at.selectbox(key=keys.PRESENTER_ISSUE).value == named("Elections as part of a deal")  # wraps around
    go(at, "overview")
    assert at.multiselect(key=keys.BLOCS).value == blocs


def test_handout_downloads_carry_the_selection(downloads):
    at = open_app()
    at.multiselect(key=keys.ACTORS).set_value([named("France"), named("Russia")]).run()
    go(at, "handout")
    assert_clean(at)
    assert [b.proto.label for b in at.get("download_button")] == [
        tr("Download handout (HTML, prints on A4)"),
        tr("Download handout (Markdown)"),
    ]
    html = downloads["handout.html"].decode()
    markdown = downloads["handout.md"].decode()
    topic = content("names", "topic", "A European force for Ukraine (2025–2026)")
    for text, written in ((html, escape_html(topic)), (markdown, topic)):
        assert written in text
        assert named("France") in text and named("Russia") in text and named("Italy") not in text
    assert html.startswith("<!doctype html>") and "<script" not in html
    assert f"| {named('France')} | ▲▲ +2 |" in markdown
    assert table(at, 0).index.tolist() == [named("France"), named("Russia")]


def test_two_sessions_never_see_each_others_answers():
    alice, bob = open_app(STAND), open_app(STAND)
    answer(alice, "US backstop", -2, important=True)
    submit(alice, "Show my matches")
    bob.run()
    assert bob.radio(key=keys.STAND_ANSWER + named("US backstop")).value == "skip"
    assert not bob.checkbox(key=keys.STAND_IMPORTANT + named("US backstop")).value
    assert tr("Your matches") not in [h.value for h in bob.main.header]
    assert tr("Your matches") in [h.value for h in alice.main.header]


def test_presenter_steps_through_the_chapters():
    at = open_app("presenter")
    metrics = {m.label: m.value for m in at.metric}
    us = escape_markdown(named("United States"))
    assert metrics[us] == "▲ +1"  # European ground troops, latest: Rubio, Jan 2026
    by_chapter = escape_markdown(before(tr("by chapter: {path}")))[1:]  # "y chapter\:", after a capital or not
    assert sum(f"{by_chapter} 1 " in m.value or f"{by_chapter} 2 " in m.value for m in at.markdown) == 5
    at.segmented_control(key=keys.SLIDE_CHAPTER).set_value(named(PLANNING)).run()
    assert_clean(at)
    assert at.caption[0].value == " · ".join(
        [
            tr("Issue {number} of {count}").format(number=1, count=24),
            tr("as it stood at the end of {chapter}").format(chapter=escape_markdown(PLANNING_LABEL)),
            # the blocs that had not spoken yet are named, not left out silently
            tr("no stated position: {blocs}").format(
                blocs=", ".join(escape_markdown(named(b)) for b in ("NATO", "Other partners"))
            ),
        ]
    )
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[us] == "▲ +1"  # Trump, Feb 2025; Vance's and Witkoff's remarks are other voices
    # Europe's 12 members: (2 + 2 + 1 × 7 − 1 − 1 + 0 + 0) / 12
    assert metrics[escape_markdown(named("Europe"))] == f"▲ {signed(0.7, LANG)}"


def test_presenter_shows_one_quote_and_the_teacher_chooses_whose():
    at = open_app("presenter")
    assert_clean(at)
    quote = [m.value for m in at.markdown if OPEN_QUOTE in m.value]
    macron = "We will not be on the front line, but we will be there to support the Ukrainian army"
    said = tr(QUOTE).format(bloc=escape_markdown(named("Europe")), quote=escape_markdown(macron))  # his words
    note = translation_note(with_our_translation(macron), LANG, escape_markdown)  # ours beside, if translated
    assert quote == [said + note]
    supports = f"**{label(1, LANG)}**"
    behind = [m.value for m in at.markdown if m.value.startswith(supports)]
    members = ntr("{count} of {total} member", "{count} of {total} members", 19).format(count=17, total=19)
    assert behind[0] == f"{supports} · {escape_markdown(members)}"  # the figure says how many stand behind it
    at.radio(key=keys.PRESENTER_QUOTE).set_value(named("Russia")).run()
    assert_clean(at)
    russia, ours = tr(SUMMARY).format(bloc=escape_markdown(named("Russia")), summary="\0").split("\0")
    quote = [m.value for m in at.markdown if m.value.startswith(russia)]
    assert quote and quote[0].endswith(ours)  # no quote: our paraphrase, said to be ours
    assert not [m.value for m in at.markdown if OPEN_QUOTE in m.value]
    at.selectbox(key=keys.PRESENTER_ISSUE).set_value(named("Elections as part of a deal")).run()
    assert_clean(at)
    spoke = [m.label for m in at.metric]
    shown = [m.value[2:].split(BLOC_MARK)[0] for m in at.markdown if m.value.startswith("**") and BLOC_MARK in m.value]
    assert len(shown) == 1 and shown[0] in spoke  # Russia's choice where Russia spoke, else the default


def test_presenter_says_so_when_no_bloc_had_spoken_by_the_end_of_a_chapter():
    at = open_app("presenter")
    at.selectbox(key=keys.PRESENTER_ISSUE).set_value(named("Army size cap")).run()
    at.segmented_control(key=keys.SLIDE_CHAPTER).set_value(named(PLANNING)).run()
    assert_clean(at)
    assert at.info[0].value == tr("No bloc had stated a position on this issue by the end of {chapter}.").format(
        chapter=escape_markdown(PLANNING_LABEL)
    )
    assert not at.metric
