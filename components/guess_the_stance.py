"""Guess the stance: predict an actor's positions, then reveal the record side by side."""

from __future__ import annotations

import random

import pandas as pd
import streamlit as st

from components import keys
from components.common import (
    clear_keys,
    empty_state,
    page_header,
    provenance,
    quote_markdown,
    scale_radio,
    stance_badge_markdown,
)
from components.context import ViewContext
from components.language import N_, _, ngettext
from components.pages import page
from stancekit.chapters import chapter_named, chapter_path, path_text
from stancekit.guessing import (
    guess_results,
    guess_score,
    positions_per_actor,
    positions_to_guess,
    surprise_pool,
    verdict,
    wrong_assumption,
    wrong_assumptions,
)
from stancekit.i18n import percent
from stancekit.prompts import named as named_actor
from stancekit.scale import LABELS, label, stance_label
from stancekit.text import escape_markdown

LATEST = "Latest position"  # the chapter picker's option (a widget value: shown through _(LATEST_LABEL))
LATEST_LABEL = N_("Latest position")


def _surprise(actors: list[str]) -> None:
    """Pick a different actor at random (a fresh generator per click; nothing shared)."""
    current = st.session_state.get(keys.GUESS_ACTOR)
    pool = [a for a in actors if a != current] or actors
    st.session_state[keys.GUESS_ACTOR] = random.SystemRandom().choice(pool)
    st.session_state.pop(keys.GUESS_REVEALED, None)


def _start_again(actor: str) -> None:
    clear_keys(keys.GUESS_ANSWER + actor + "::")
    st.session_state.pop(keys.GUESS_REVEALED, None)


def render(ctx: ViewContext) -> None:
    """Draw the actor picker, the guessing form and, once revealed, the comparison and score."""
    page_header(
        _(page("guess_the_stance").heading),
        _(
            "Pick an actor and predict its position on each issue. Then reveal what it actually said, with "
            "paraphrase, quote and source, and see where the class's assumptions were wrong."
        ),
    )
    counts = positions_per_actor(ctx.latest, ctx.actors)
    actors = list(counts)
    if not actors:
        empty_state(_("No positions match the current filters."))
        return
    pick, surprise = st.columns([3, 1], vertical_alignment="bottom")
    # The options' labels made now, in this run's language: a format_func called later (AppTest calls it
    # after the run) would find no run to take the language from.
    shown = {
        a: ngettext("{actor} ({count} issue)", "{actor} ({count} issues)", n).format(actor=a, count=n)
        for a, n in counts.items()
    }
    actor = pick.selectbox(
        _("Actor"),
        actors,
        key=keys.GUESS_ACTOR,
        persist_state="session",
        format_func=shown.__getitem__,
    )
    rich = surprise_pool(counts)
    surprise.button(_("Surprise me"), on_click=_surprise, args=(rich,), icon=":material/casino:", width="stretch")

    chapters = ctx.dataset.chapters
    chapter = None
    if chapters:
        ends = {c.name: _("At the end of {chapter}").format(chapter=c.label(ctx.lang)) for c in chapters}
        ends = {LATEST: _(LATEST_LABEL), **ends}
        chapter = chapter_named(
            chapters,
            st.selectbox(
                _("Guess where it stood"),
                list(ends),
                key=keys.GUESS_CHAPTER,
                persist_state="session",
                format_func=ends.__getitem__,
                help=_("Guess the latest positions, or where the actor stood when one chapter of the story closed."),
            ),
        )
    positions = positions_to_guess(ctx.stances, ctx.latest, actor, ctx.issues, chapter.end if chapter else None)
    if positions.empty:
        st.info(
            _("{actor} had stated no position by the end of this chapter. Choose a later chapter.").format(
                actor=escape_markdown(named_actor(actor, ctx.lang, start=True))
            ),
            icon=":material/event_busy:",
        )
        return
    answer_key = keys.GUESS_ANSWER + actor + "::" + (chapter.name if chapter else LATEST) + "::"
    revealed = st.session_state.get(keys.GUESS_REVEALED) == answer_key
    if revealed:
        guesses = {}
        for issue in positions["issue"]:
            value = st.session_state.get(answer_key + issue, "skip")
            guesses[issue] = None if value == "skip" else int(value)
        show_record(ctx, actor, guess_results(guesses, positions))
    form_area = st.expander(_("Your guesses"), expanded=False) if revealed else st.container()
    with form_area:
        _guess_form(ctx, actor, list(positions["issue"]), answer_key)


def _guess_form(ctx: ViewContext, actor: str, issues: list[str], answer_key: str) -> None:
    """One card per issue the actor took a position on: the student's predicted stance."""
    with st.form("guess_form", border=False):
        st.markdown(
            _("**What do you think {actor} said?**").format(actor=escape_markdown(named_actor(actor, ctx.lang)))
        )
        for issue in issues:
            proposition = ctx.dataset.issue_info(issue)["proposition"]
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(proposition)}**")
                scale_radio(
                    _("Your guess for {actor} on {issue}").format(actor=actor, issue=issue),
                    answer_key + issue,
                    {position: label(position, ctx.lang) for position in LABELS},
                    skip_label=_("No idea"),
                )
        # i18n: a button that shows the actor's real positions beside the guesses
        if st.form_submit_button(_("Reveal"), type="primary", icon=":material/visibility:"):
            if st.session_state.get(keys.GUESS_REVEALED) != answer_key:
                st.session_state[keys.GUESS_REVEALED] = answer_key
                st.rerun()  # show the record above the guesses straight away
    st.button(
        _("Start again"),
        on_click=_start_again,
        args=(actor,),
        icon=":material/restart_alt:",
        help=_("Clears your guesses for this actor."),
    )


NO_GUESS = N_("You answered “No idea” everywhere. Make at least one guess, then reveal again.")


def show_record(
    ctx: ViewContext, actor: str, results: pd.DataFrame, *, named: bool = False, no_guess: str = NO_GUESS
) -> None:
    """The record beside the guesses: score, the assumptions that were wrong, and issue by issue with sources
    (also what a Class Pulse student sees once the teacher reveals the results: `named`, the title names the
    actor)."""
    st.header(
        _("The record for {actor}").format(actor=escape_markdown(actor)) if named else _("The record"), anchor=False
    )
    score, exact, guessed = guess_score(results)
    if not guessed:
        st.warning(_(no_guess))
        return
    score_column, exact_column = st.columns(2)
    score_column.metric(
        _("Your score"),
        percent(score, ctx.lang),
        help=_("Per issue: 1 − |guess − real| / 4, averaged."),
        border=True,
    )
    # i18n: how many guesses hit the actor's position exactly
    exact_column.metric(_("Exactly right"), _("{exact} of {guessed}").format(exact=exact, guessed=guessed), border=True)
    missed = wrong_assumptions(results)
    if not missed.empty:
        st.subheader(_("Where the assumptions were wrong"), anchor=False)
        for _index, row in missed.iterrows():
            st.markdown(
                "- "
                + escape_markdown(
                    wrong_assumption(row, ctx.dataset.issue_info(row["issue"])["proposition"], lang=ctx.lang)
                )
            )
    st.subheader(_("Guess and record, issue by issue"), anchor=False)
    for _index, row in results.iterrows():
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(row['issue'])}** · {verdict(row['difference'], ctx.lang)}")
            left, right = st.columns(2)
            left.markdown(
                _("Your guess: **{stance}**").format(stance=escape_markdown(stance_label(row["guess"], ctx.lang)))
            )
            right.markdown(_("The record: {badge}").format(badge=stance_badge_markdown(row["position"])))
            st.markdown(escape_markdown(row["summary"]))
            if quote := quote_markdown(row):
                st.markdown(quote)
            provenance(row)
            if len(ctx.dataset.chapters) > 1:
                path = path_text(chapter_path(ctx.stances, ctx.dataset.chapters, actor, row["issue"]))
                st.markdown(_(":small[By chapter: {path}]").format(path=escape_markdown(path)))
