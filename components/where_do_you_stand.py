"""Where do you stand? A voting-advice quiz: answer the propositions, see who you match and why."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import chart_with_table, clear_keys, empty_state, page_header, scale_radio
from components.context import ViewContext
from components.pages import page
from stancekit.activity_tables import breakdown_table, ranking_table
from stancekit.figures.bars import match_figure
from stancekit.matching import (
    AGREEMENT,
    EUCLIDEAN,
    IMPORTANT_WEIGHT,
    Answers,
    Party,
    best_matches,
    explain_match,
    explainable_parties,
    match_table,
    metric_label,
    minimum_overlap,
    rank_changes,
    ranked_matches,
    unranked_matches,
)
from stancekit.scale import AGREE_LABELS
from stancekit.selection import central_issues
from stancekit.text import escape_markdown

METHOD = f"""
**How the match is calculated.** For every issue you answered and the actor also took a position
on, you earn points: **1 − |your answer − theirs| / 4**. The same answer earns 1 point, answers at
opposite ends earn 0, one step apart earns 0.75. Issues you marked *matters more to me* count
{IMPORTANT_WEIGHT}×. Your match is the weighted average of those points. Issues you skipped are
left out, and so is any issue on which an actor stated no position, so each match says how many
issues it rests on. A match on 2 issues is not comparable with one on 9, so actors are only ranked
when they share enough issues with you (at least half of the issues you answered, and at least 2).
A bloc's position is the average of its members.

**Distance (Euclidean)** is a second way to measure: 1 − √(Σ weight × difference²) / √(Σ weight × 4²).
It punishes one big disagreement more than several small ones, so the ranking can change.
"""


def _answers(issues: list[str]) -> Answers:
    """This session's answers as the matching library wants them."""
    positions = {}
    for issue in issues:
        value = st.session_state.get(keys.STAND_ANSWER + issue, "skip")
        positions[issue] = None if value == "skip" else int(value)
    important = frozenset(i for i in issues if st.session_state.get(keys.STAND_IMPORTANT + i))
    return Answers(positions, important)


def render(ctx: ViewContext) -> None:
    """Draw the questions, then (after 'Show my matches') the results."""
    page_header(
        page("where_do_you_stand").heading,
        "Answer each proposition on the same five-point scale as the actors, skip what you are unsure "
        "about, and mark what matters most to you. Then see which actors and blocs you match, and why. "
        "Your answers stay in this browser tab: nothing is stored or shared.",
    )
    if not ctx.issues:
        empty_state("No issues match the current filters.")
        return
    # The propositions asked: the topic's curated set (issues.csv: quiz) unless the student asked for all.
    central = central_issues(ctx.issues, ctx.dataset.quiz_issues)
    issues = list(ctx.issues) if st.session_state.get(keys.STAND_ALL) else central
    submitted = st.session_state.get(keys.STAND_SUBMITTED, False)
    if submitted:
        _results(ctx, issues, _answers(issues))
    questions = (
        st.expander("Your answers: change them, then show your matches again", expanded=False)
        if submitted
        else st.container()
    )
    with questions:
        _questions(ctx, issues, central)


def _questions(ctx: ViewContext, issues: list[str], central: list[str]) -> None:
    """One card per proposition: the five-point answer (or skip) and 'matters more to me'; the switch to all
    propositions when the `central` ones leave some out."""
    if len(central) < len(ctx.issues):
        st.toggle(
            f"All {len(ctx.issues)} propositions",
            key=keys.STAND_ALL,
            persist_state="session",
            help=f"By default you answer the {len(central)} propositions at the heart of the debate. Turn this on to "
            "answer every issue in the current selection.",
        )
        if len(issues) < len(ctx.issues):
            st.caption(f"The {len(issues)} propositions at the heart of the debate, of {len(ctx.issues)} issues.")
    with st.form("stand_form", border=False):
        for number, issue in enumerate(issues, 1):
            with st.container(border=True):
                proposition = ctx.dataset.issue_info(issue)["proposition"]
                question, weight = st.columns([4, 1.2], vertical_alignment="top")
                question.markdown(f"**{number}. {escape_markdown(proposition)}**")
                weight.checkbox(
                    "Matters more",
                    key=keys.STAND_IMPORTANT + issue,
                    persist_state="session",
                    help=f"Tick if this issue matters more to you: it counts {IMPORTANT_WEIGHT}× in your match.",
                )
                scale_radio(f"Your answer on {issue}", keys.STAND_ANSWER + issue, AGREE_LABELS)
        if st.form_submit_button("Show my matches", type="primary", icon=":material/how_to_vote:"):
            if not st.session_state.get(keys.STAND_SUBMITTED):
                st.session_state[keys.STAND_SUBMITTED] = True
                st.rerun()  # draw the results above the questions straight away
    st.button(
        "Start again",
        on_click=clear_keys,
        args=(keys.STAND_PREFIX,),
        icon=":material/restart_alt:",
        help="Clears your answers on this page only.",
    )


def _results(ctx: ViewContext, issues: list[str], answers: Answers) -> None:
    """Ranked matches, what changes with the other metric, and the per-issue breakdown."""
    st.header("Your matches", anchor=False)
    answered = len(answers.answered)
    if answered == 0:
        st.warning("You skipped every question. Answer at least one proposition to see your matches.")
        return
    metric = st.radio(
        "Method",
        [AGREEMENT, EUCLIDEAN],
        format_func=metric_label,
        horizontal=True,
        key=keys.STAND_METRIC,
        help="See 'How the match is calculated' below.",
    )
    tables = {m: match_table(answers, ctx.latest, m) for m in (AGREEMENT, EUCLIDEAN)}
    table = tables[metric]
    needed = minimum_overlap(answered)
    _headline(table)
    st.caption(
        f"You answered {answered} of {len(issues)} propositions. Ranked: parties sharing at least "
        f"{needed} of them with you."
    )
    for kind, title in (("Bloc", "Blocs"), ("Actor", "Actors")):
        ranked = ranked_matches(table, kind)
        st.subheader(title, anchor=False)
        if ranked.empty:
            st.info(f"No {title.lower()} share {needed} or more of your answered issues. Answer more propositions.")
            continue
        chart_with_table(
            lambda ranked=ranked: match_figure(ranked),
            lambda ranked=ranked: ranking_table(ranked),
            alt=f"Bar chart of your match with {len(ranked)} {title.lower()}, best first, each labelled "
            "with the number of issues it rests on.",
            key=f"stand_{kind.lower()}",
        )
    unranked = unranked_matches(table, "Actor")
    if not unranked.empty:
        st.caption(
            "Not ranked, too few issues in common: "
            + ", ".join(f"{escape_markdown(r.name)} ({r.issues})" for r in unranked.itertuples())
            + "."
        )
    _rank_change_note(tables)
    _why_this_match(ctx, answers, table)
    with st.expander("How the match is calculated", expanded=False):
        st.markdown(METHOD)


def _headline(table: pd.DataFrame) -> None:
    """One sentence with the closest bloc and actor."""
    parts = [
        f"{best.party.kind.lower()}: **{escape_markdown(best.party.name)}** ({best.match:.0%} on {best.issues} issues)"
        for best in best_matches(table)
    ]
    if parts:
        st.success("Your closest " + " · closest ".join(parts) + ".", icon=":material/how_to_vote:")


def _rank_change_note(tables: dict[str, pd.DataFrame]) -> None:
    changes = rank_changes(tables[AGREEMENT], tables[EUCLIDEAN])
    if changes.empty:
        st.success("Both methods give the same ranking.", icon=":material/check:")
        return
    moves = ", ".join(
        f"{escape_markdown(r.name)} ({int(r.rank_agreement)} → {int(r.rank_distance)})" for r in changes.itertuples()
    )
    st.info(
        f"**The ranking changes with the method** (rank by agreement → by distance): {moves}. "
        "Distance punishes single big disagreements harder.",
        icon=":material/swap_vert:",
    )


def _why_this_match(ctx: ViewContext, answers: Answers, table: pd.DataFrame) -> None:
    """Per-issue breakdown for one chosen party: your answer, theirs, weight and points."""
    st.subheader("Why this match?", anchor=False)
    options = explainable_parties(table)
    if not options:
        st.info("No actor took a position on the issues you answered.")
        return
    choice = st.selectbox("Show the breakdown for", options, format_func=Party.label, key=keys.STAND_EXPLAIN)
    explained = explain_match(answers, ctx.latest, choice)
    st.dataframe(breakdown_table(explained), hide_index=True, key="stand_breakdown")
    st.markdown(
        f"Agreement with {escape_markdown(choice.name)}: {explained.points:.2f} weighted points out of "
        f"{explained.possible} possible = **{explained.score:.0%}**, on {explained.issues} issues."
    )
