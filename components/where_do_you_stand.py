"""Where do you stand? A voting-advice quiz: answer the propositions, see who you match and why."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from components import keys
from components.common import chart_with_table, clear_keys, empty_state, page_header, scale_radio
from components.context import ViewContext
from components.language import N_, _, ngettext
from components.pages import page
from stancekit.activity_tables import breakdown_table, points_text, ranking_table
from stancekit.figures.bars import match_figure
from stancekit.i18n import number, percent
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
from stancekit.scale import AGREE_LABELS, agree_label
from stancekit.selection import central_issues
from stancekit.text import escape_markdown

# i18n: {weight}: how much more an issue marked "matters more to me" counts (2)
METHOD = N_("""
**How the match is calculated.** For every issue you answered and the actor also took a position
on, you earn points: **1 − |your answer − theirs| / 4**. The same answer earns 1 point, answers at
opposite ends earn 0, one step apart earns 0.75. Issues you marked *matters more to me* count
{weight}×. Your match is the weighted average of those points. Issues you skipped are
left out, and so is any issue on which an actor stated no position, so each match says how many
issues it rests on. A match on 2 issues is not comparable with one on 9, so actors are only ranked
when they share enough issues with you (at least half of the issues you answered, and at least 2).
A bloc's position is the average of its members.

**Distance (Euclidean)** is a second way to measure: 1 − √(Σ weight × difference²) / √(Σ weight × 4²).
It punishes one big disagreement more than several small ones, so the ranking can change.
""")


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
        _(page("where_do_you_stand").heading),
        _(
            "Answer each proposition on the same five-point scale as the actors, skip what you are unsure "
            "about, and mark what matters most to you. Then see which actors and blocs you match, and why. "
            "Your answers stay in this browser tab: nothing is stored or shared."
        ),
    )
    if not ctx.issues:
        empty_state(_("No issues match the current filters."))
        return
    # The propositions asked: the topic's curated set (issues.csv: quiz) unless the student asked for all.
    central = central_issues(ctx.issues, ctx.dataset.quiz_issues)
    issues = list(ctx.issues) if st.session_state.get(keys.STAND_ALL) else central
    submitted = st.session_state.get(keys.STAND_SUBMITTED, False)
    if submitted:
        _results(ctx, issues, _answers(issues))
    questions = (
        st.expander(_("Your answers: change them, then show your matches again"), expanded=False)
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
            ngettext("All {count} proposition", "All {count} propositions", len(ctx.issues)).format(
                count=len(ctx.issues)
            ),
            key=keys.STAND_ALL,
            persist_state="session",
            help=ngettext(
                "By default you answer the {count} proposition at the heart of the debate. Turn this on to "
                "answer every issue in the current selection.",
                "By default you answer the {count} propositions at the heart of the debate. Turn this on to "
                "answer every issue in the current selection.",
                len(central),
            ).format(count=len(central)),
        )
        if len(issues) < len(ctx.issues):
            st.caption(
                ngettext(
                    "The {count} proposition at the heart of the debate, of {total} issues.",
                    "The {count} propositions at the heart of the debate, of {total} issues.",
                    len(issues),
                ).format(count=len(issues), total=len(ctx.issues))
            )
    with st.form("stand_form", border=False):
        for number, issue in enumerate(issues, 1):
            with st.container(border=True):
                proposition = ctx.dataset.issue_info(issue)["proposition"]
                question, weight = st.columns([4, 1.2], vertical_alignment="top")
                question.markdown(f"**{number}. {escape_markdown(proposition)}**")
                weight.checkbox(
                    # i18n: a checkbox beside a proposition: this issue matters more to me
                    _("Matters more"),
                    key=keys.STAND_IMPORTANT + issue,
                    persist_state="session",
                    help=_("Tick if this issue matters more to you: it counts {weight}× in your match.").format(
                        weight=IMPORTANT_WEIGHT
                    ),
                )
                scale_radio(
                    _("Your answer on {issue}").format(issue=issue),
                    keys.STAND_ANSWER + issue,
                    {position: agree_label(position, ctx.lang) for position in AGREE_LABELS},
                    skip_label=_("Skip"),
                )
        if st.form_submit_button(_("Show my matches"), type="primary", icon=":material/how_to_vote:"):
            if not st.session_state.get(keys.STAND_SUBMITTED):
                st.session_state[keys.STAND_SUBMITTED] = True
                st.rerun()  # draw the results above the questions straight away
    st.button(
        _("Start again"),
        on_click=clear_keys,
        args=(keys.STAND_PREFIX,),
        icon=":material/restart_alt:",
        help=_("Clears your answers on this page only."),
    )


def _results(ctx: ViewContext, issues: list[str], answers: Answers) -> None:
    """Ranked matches, what changes with the other metric, and the per-issue breakdown."""
    st.header(_("Your matches"), anchor=False)
    answered = len(answers.answered)
    if answered == 0:
        st.warning(_("You skipped every question. Answer at least one proposition to see your matches."))
        return
    metric = st.radio(
        # i18n: the choice of how the match is calculated
        _("Method"),
        [AGREEMENT, EUCLIDEAN],
        format_func=lambda m: metric_label(m, ctx.lang),
        horizontal=True,
        key=keys.STAND_METRIC,
        help=_("See 'How the match is calculated' below."),
    )
    tables = {m: match_table(answers, ctx.latest, m) for m in (AGREEMENT, EUCLIDEAN)}
    table = tables[metric]
    needed = minimum_overlap(answered)
    _headline(table, ctx.lang)
    st.caption(
        ngettext(
            "You answered {answered} of {count} proposition. Ranked: parties sharing at least {needed} of them "
            "with you.",
            "You answered {answered} of {count} propositions. Ranked: parties sharing at least {needed} of them "
            "with you.",
            len(issues),
        ).format(answered=answered, count=len(issues), needed=needed)
    )
    for kind, title in (("Bloc", N_("Blocs")), ("Actor", N_("Actors"))):
        ranked = ranked_matches(table, kind)
        st.subheader(_(title), anchor=False)
        if ranked.empty:
            st.info(
                (
                    _("No blocs share {needed} or more of your answered issues. Answer more propositions.")
                    if kind == "Bloc"
                    else _("No actors share {needed} or more of your answered issues. Answer more propositions.")
                ).format(needed=needed)
            )
            continue
        n = len(ranked)
        alt = (
            ngettext(
                "Bar chart of your match with {count} bloc, best first, each labelled with the number of issues it "
                "rests on.",
                "Bar chart of your match with {count} blocs, best first, each labelled with the number of issues it "
                "rests on.",
                n,
            )
            if kind == "Bloc"
            else ngettext(
                "Bar chart of your match with {count} actor, best first, each labelled with the number of issues "
                "it rests on.",
                "Bar chart of your match with {count} actors, best first, each labelled with the number of issues "
                "it rests on.",
                n,
            )
        )
        chart_with_table(
            lambda ranked=ranked: match_figure(ranked, ctx.lang),
            lambda ranked=ranked: ranking_table(ranked, ctx.lang),
            alt=alt.format(count=n),
            key=f"stand_{kind.lower()}",
        )
    unranked = unranked_matches(table, "Actor")
    if not unranked.empty:
        # i18n: {parties}: "France (2), Japan (1)", each actor with the number of issues in common
        st.caption(
            _("Not ranked, too few issues in common: {parties}.").format(
                parties=", ".join(f"{escape_markdown(r.name)} ({r.issues})" for r in unranked.itertuples())
            )
        )
    _rank_change_note(tables)
    _why_this_match(ctx, answers, table)
    with st.expander(_("How the match is calculated"), expanded=False):
        st.markdown(_(METHOD).format(weight=IMPORTANT_WEIGHT))


def _headline(table: pd.DataFrame, lang: str) -> None:
    """One sentence with the closest bloc and actor."""
    best = {b.party.kind: b for b in best_matches(table)}
    fill = {}
    for kind, prefix in (("Bloc", "bloc"), ("Actor", "actor")):
        if kind in best:
            fill |= {
                prefix: escape_markdown(best[kind].party.name),
                f"{prefix}_match": percent(best[kind].match, lang),
                f"{prefix}_issues": best[kind].issues,
            }
    if "Bloc" in best and "Actor" in best:
        sentence = _(
            "Your closest bloc: **{bloc}** ({bloc_match} on {bloc_issues} issues) · closest actor: **{actor}** "
            "({actor_match} on {actor_issues} issues)."
        )
    elif "Bloc" in best:
        sentence = _("Your closest bloc: **{bloc}** ({bloc_match} on {bloc_issues} issues).")
    elif "Actor" in best:
        sentence = _("Your closest actor: **{actor}** ({actor_match} on {actor_issues} issues).")
    else:
        return
    st.success(sentence.format(**fill), icon=":material/how_to_vote:")


def _rank_change_note(tables: dict[str, pd.DataFrame]) -> None:
    changes = rank_changes(tables[AGREEMENT], tables[EUCLIDEAN])
    if changes.empty:
        st.success(_("Both methods give the same ranking."), icon=":material/check:")
        return
    moves = ", ".join(
        f"{escape_markdown(r.name)} ({int(r.rank_agreement)} → {int(r.rank_distance)})" for r in changes.itertuples()
    )
    st.info(
        _(
            "**The ranking changes with the method** (rank by agreement → by distance): {moves}. "
            "Distance punishes single big disagreements harder."
        ).format(moves=moves),
        icon=":material/swap_vert:",
    )


def _why_this_match(ctx: ViewContext, answers: Answers, table: pd.DataFrame) -> None:
    """Per-issue breakdown for one chosen party: your answer, theirs, weight and points."""
    st.subheader(_("Why this match?"), anchor=False)
    options = explainable_parties(table)
    if not options:
        st.info(_("No actor took a position on the issues you answered."))
        return
    choice = st.selectbox(
        _("Show the breakdown for"),
        options,
        format_func=lambda party: Party.label(party, ctx.lang),
        key=keys.STAND_EXPLAIN,
    )
    explained = explain_match(answers, ctx.latest, choice)
    st.dataframe(breakdown_table(explained, ctx.lang), hide_index=True, key="stand_breakdown")
    st.markdown(
        ngettext(
            "Agreement with {name}: {points} weighted points out of {possible} possible = **{score}**, on "
            "{count} issue.",
            "Agreement with {name}: {points} weighted points out of {possible} possible = **{score}**, on "
            "{count} issues.",
            explained.issues,
        ).format(
            name=escape_markdown(choice.name),
            points=points_text(explained.points, ctx.lang),
            possible=number(explained.possible, ctx.lang),
            score=percent(explained.score, ctx.lang),
            count=explained.issues,
        )
    )
