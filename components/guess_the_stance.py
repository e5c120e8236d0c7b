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
from stancekit.scale import LABELS, stance_label
from stancekit.text import definite, escape_markdown

LATEST = "Latest position"


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
        page("guess_the_stance").heading,
        "Pick an actor and predict its position on each issue. Then reveal what it actually said, with "
        "paraphrase, quote and source, and see where the class's assumptions were wrong.",
    )
    counts = positions_per_actor(ctx.latest, ctx.actors)
    actors = list(counts)
    if not actors:
        empty_state("No positions match the current filters.")
        return
    pick, surprise = st.columns([3, 1], vertical_alignment="bottom")
    actor = pick.selectbox(
        "Actor",
        actors,
        key=keys.GUESS_ACTOR,
        persist_state="session",
        format_func=lambda a: f"{a} ({counts[a]} issue{'s' if counts[a] != 1 else ''})",
    )
    rich = surprise_pool(counts)
    surprise.button("Surprise me", on_click=_surprise, args=(rich,), icon=":material/casino:", width="stretch")

    chapters = ctx.dataset.chapters
    chapter = None
    if chapters:
        chapter = chapter_named(
            chapters,
            st.selectbox(
                "Guess where it stood",
                [LATEST, *(c.name for c in chapters)],
                key=keys.GUESS_CHAPTER,
                persist_state="session",
                format_func=lambda name: (
                    name if name == LATEST else f"At the end of {chapter_named(chapters, name).label}"
                ),
                help="Guess the latest positions, or where the actor stood when one chapter of the story closed.",
            ),
        )
    positions = positions_to_guess(ctx.stances, ctx.latest, actor, ctx.issues, chapter.end if chapter else None)
    if positions.empty:
        st.info(
            f"{escape_markdown(definite(actor, start=True))} had stated no position by the end of this chapter. "
            "Choose a later chapter.",
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
    form_area = st.expander("Your guesses", expanded=False) if revealed else st.container()
    with form_area:
        _guess_form(ctx, actor, list(positions["issue"]), answer_key)


def _guess_form(ctx: ViewContext, actor: str, issues: list[str], answer_key: str) -> None:
    """One card per issue the actor took a position on: the student's predicted stance."""
    with st.form("guess_form", border=False):
        st.markdown(f"**What do you think {escape_markdown(definite(actor))} said?**")
        for issue in issues:
            proposition = ctx.dataset.issue_info(issue)["proposition"]
            with st.container(border=True):
                st.markdown(f"**{escape_markdown(proposition)}**")
                scale_radio(f"Your guess for {actor} on {issue}", answer_key + issue, LABELS, skip_label="No idea")
        if st.form_submit_button("Reveal", type="primary", icon=":material/visibility:"):
            if st.session_state.get(keys.GUESS_REVEALED) != answer_key:
                st.session_state[keys.GUESS_REVEALED] = answer_key
                st.rerun()  # show the record above the guesses straight away
    st.button(
        "Start again",
        on_click=_start_again,
        args=(actor,),
        icon=":material/restart_alt:",
        help="Clears your guesses for this actor.",
    )


NO_GUESS = "You answered “No idea” everywhere. Make at least one guess, then reveal again."


def show_record(
    ctx: ViewContext, actor: str, results: pd.DataFrame, *, named: bool = False, no_guess: str = NO_GUESS
) -> None:
    """The record beside the guesses: score, the assumptions that were wrong, and issue by issue with sources
    (also what a Class Pulse student sees once the teacher reveals the results: `named`, the title names the
    actor)."""
    st.header(f"The record for {escape_markdown(actor)}" if named else "The record", anchor=False)
    score, exact, guessed = guess_score(results)
    if not guessed:
        st.warning(no_guess)
        return
    score_column, exact_column = st.columns(2)
    score_column.metric("Your score", f"{score:.0%}", help="Per issue: 1 − |guess − real| / 4, averaged.", border=True)
    exact_column.metric("Exactly right", f"{exact} of {guessed}", border=True)
    missed = wrong_assumptions(results)
    if not missed.empty:
        st.subheader("Where the assumptions were wrong", anchor=False)
        for _, row in missed.iterrows():
            st.markdown(
                "- " + escape_markdown(wrong_assumption(row, ctx.dataset.issue_info(row["issue"])["proposition"]))
            )
    st.subheader("Guess and record, issue by issue", anchor=False)
    for _, row in results.iterrows():
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(row['issue'])}** · {verdict(row['difference'])}")
            left, right = st.columns(2)
            left.markdown(f"Your guess: **{escape_markdown(stance_label(row['guess']))}**")
            right.markdown(f"The record: {stance_badge_markdown(row['position'])}")
            st.markdown(escape_markdown(row["summary"]))
            if quote := quote_markdown(row):
                st.markdown(quote)
            provenance(row)
            if len(ctx.dataset.chapters) > 1:
                path = path_text(chapter_path(ctx.stances, ctx.dataset.chapters, actor, row["issue"]))
                st.markdown(f":small[By chapter: {escape_markdown(path)}]")
