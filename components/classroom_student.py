"""Class Pulse on a student's phone: the pseudonym, the round, the questions; each answer is saved as soon as
it is chosen, retried while the database is busy, and refused with a reason the student can act on."""

from __future__ import annotations

import time

import streamlit as st
from sqlalchemy import Engine

from components import keys, language
from components.class_topic import ClassView, class_view
from components.classroom_teacher import spread_chart
from components.common import clear_keys, scale_radio
from components.context import ViewContext
from components.guess_the_stance import show_record
from components.language import N_, _, ngettext
from stancekit.guessing import guess_results, positions_to_guess
from stancekit.pulse import ROUND_NAMES, Answer, RateLimit, chosen_actors, chosen_issues
from stancekit.pulse_results import distribution, tally_frame
from stancekit.pulse_store import (
    ClassInfo,
    ClassUnavailable,
    PulseError,
    Seat,
    class_info,
    submit,
    switches,
    tally,
    with_retries,
)
from stancekit.scale import AGREE_LABELS, LABELS, agree_label, label
from stancekit.schema import StanceDataError
from stancekit.text import escape_markdown

# i18n: a tab on a student's phone (keep it short: three tabs fit a 390 px phone)
RESULTS = N_("Results")
SUBMIT_BURST, SUBMIT_PER_SECOND = 30, 2.0  # a whole quiz at once, then two answers a second
FOLLOW_EVERY = 5  # seconds between a phone's looks at the class's round and switches


def render(ctx: ViewContext, engine: Engine, code: str, student: str, pseudonym: str) -> None:
    try:
        info = with_retries(lambda: class_info(engine, code, time.time()))
    except ClassUnavailable:
        st.warning(_("This class has ended or expired. Thank you for taking part!"), icon=":material/event_busy:")
        st.button(_("Join another class"), on_click=leave, key="pulse_leave")
        return
    try:
        view = class_view(ctx, info)
    except StanceDataError:
        st.error(_("This class's topic could not be read. Ask your teacher to start the class again."))
        return
    # i18n: {pseudonym}: the student's random name, e.g. "Blue Heron" (English, not translated)
    st.markdown(
        _("You are **{pseudonym}** in class **{code}**.").format(pseudonym=escape_markdown(pseudonym), code=code)
    )
    state = _("open: choose your answers") if info.open else _("closed: your answers are kept")
    round_name = _(ROUND_NAMES[info.round]) if info.round in ROUND_NAMES else info.round
    if info.topic is not None and info.topic_name:
        # i18n: {round}: "start of the lesson"; {state}: "open: choose your answers"; {topic}: the topic's title
        caption = _("Round: {round} · {state} · topic: {topic}.").format(
            round=round_name, state=state, topic=escape_markdown(info.topic_name)
        )
    else:
        # i18n: {round}: "start of the lesson"; {state}: "open: choose your answers"
        caption = _("Round: {round} · {state}.").format(round=round_name, state=state)
    st.caption(caption)
    _follow(engine, info)
    ctx, info = view.ctx, view.info
    issues = chosen_issues(info.issues, ctx.dataset.issue_names)
    guessed = chosen_actors(info.guess_actors, ctx.dataset.actors)
    # i18n: the tabs of a student's phone (keep them short)
    names = [_("Where do you stand?"), _("Guess the stances") if guessed else _("Guess")]
    if info.revealed:  # the results first, without scrolling past every question
        names.append(_(RESULTS))
    # Lazy tabs: a phone builds the questions of the open tab only (half the page when a student joins).
    stand, guess, *results = st.tabs(
        names, default=_(RESULTS) if info.revealed else None, key=keys.PULSE_TAB, on_change="rerun"
    )
    if stand.open:
        with stand:
            for issue in issues:
                _question(
                    view,
                    engine,
                    info,
                    student,
                    Answer("stand", issue, None),
                    {p: agree_label(p, ctx.lang) for p in AGREE_LABELS},
                )
    if guess.open:
        with guess:
            _guesses(view, engine, info, student, issues, guessed)
    for tab in results:
        if tab.open:
            with tab:
                _results(view, engine, info, issues, guessed)
    st.button(_("Leave the class"), on_click=leave, key="pulse_leave", icon=":material/logout:")


def _guesses(
    view: ClassView, engine: Engine, info: ClassInfo, student: str, issues: list[str], guessed: list[str]
) -> None:
    """The guess game's questions, for the actor chosen among the class's."""
    if guessed:
        actor = guessed[0] if len(guessed) == 1 else _actor_choice(info, guessed)
        st.caption(_("What is {actor}'s position? Choose “No idea” to skip.").format(actor=escape_markdown(actor)))
        for issue in issues:
            _question(
                view,
                engine,
                info,
                student,
                Answer("guess", issue, None, actor),
                {p: label(p, view.ctx.lang) for p in LABELS},
            )
    else:
        st.info(_("The teacher chose no actor to guess."))


def _actor_choice(info: ClassInfo, guessed: list[str]) -> str:
    """Which of the class's actors this student is guessing now (each has its own answers)."""
    key = f"{keys.PULSE_GUESSING}{info.code}"
    if st.session_state.get(key) not in guessed:
        st.session_state[key] = guessed[0]
    return st.segmented_control(_("Whose stances?"), guessed, key=key, required=True) or guessed[0]


def answer_key(code: str, round_name: str, blank: Answer) -> str:
    """The session key of a question's answer: one per class, round, activity, actor guessed and issue."""
    return f"{keys.PULSE_ANSWER}{code}::{round_name}::{blank.activity}::{blank.actor}::{blank.issue}"


def seat(code: str, back: Seat) -> None:
    """A student back after a reload: this session is theirs again, with the answers they had chosen."""
    st.session_state[keys.PULSE_STUDENT] = (code, back.student.student, back.student.pseudonym)
    for round_name, answer in back.answers:
        st.session_state[answer_key(code, round_name, answer)] = "skip" if answer.value is None else answer.value


def leave() -> None:
    """on_click of Leave: forget the class in this session and in the address bar."""
    clear_keys(keys.PULSE_PREFIX)
    st.query_params.pop(keys.SEAT, None)


def _results(view: ClassView, engine: Engine, info: ClassInfo, issues: list[str], guessed: list[str]) -> None:
    """Once the teacher reveals them: the class's answers and, for the guess game, the record beside this
    student's own guesses."""
    st.subheader(_("How the class answered"), anchor=False)
    try:
        live = with_retries(lambda: tally(engine, info.code, time.time()))
        spread = distribution(tally_frame(view.rows_shown(live.rows)), info.round, issues)
    except Exception:
        st.warning(_("The results could not be loaded just now. They will appear on your next answer or refresh."))
        return
    ctx = view.ctx
    spread_chart(spread, "pulse_student_spread", ctx.lang)
    for actor in guessed:
        keyed = {
            issue: answer_key(info.code, info.round, view.to_store(Answer("guess", issue, None, actor)))
            for issue in issues
        }
        guesses = {issue: st.session_state.get(key, "skip") for issue, key in keyed.items()}
        guesses = {issue: None if value == "skip" else int(value) for issue, value in guesses.items()}
        positions = positions_to_guess(ctx.stances, ctx.latest, actor, issues)
        show_record(
            ctx,
            actor,
            guess_results(guesses, positions),
            named=True,
            no_guess=_("You answered “No idea” everywhere for {actor}.").format(actor=escape_markdown(actor)),
        )


@st.fragment(run_every=FOLLOW_EVERY)
def _follow(engine: Engine, info: ClassInfo) -> None:
    """Every few seconds, whether the teacher has changed the round, closed or opened it, revealed the results
    or ended the class: then the whole page is drawn again. (Answers rerun only their own question.)"""
    try:
        now = with_retries(lambda: switches(engine, info.code, time.time()))
    except ClassUnavailable:
        st.rerun()
    except Exception:
        return  # the database is away: look again on the next tick
    if (now.round, now.open, now.revealed) != (info.round, info.open, info.revealed):
        st.rerun()


@st.fragment
def _question(
    view: ClassView, engine: Engine, info: ClassInfo, student: str, blank: Answer, words: dict[int, str]
) -> None:
    """One question. A fragment: choosing an answer saves it and redraws this question alone, not the page."""
    dataset = view.ctx.dataset
    proposition = dataset.issue_info(blank.issue)["proposition"]
    st.markdown(f"**{escape_markdown(proposition)}**")
    stored = view.to_store(blank)  # the class's names: its answers outlast a change of language
    key = answer_key(info.code, info.round, stored)
    scale_radio(
        _("Your answer on {issue}").format(issue=blank.issue),
        key,
        words,
        skip_label=_("Skip") if blank.activity == "stand" else _("No idea"),
        on_change=_send,
        args=(
            engine,
            info,
            student,
            stored,
            key,
            view.stored_all(dataset.issue_names),
            view.stored_all(dataset.actors),
        ),
    )
    _saved_note(key)


def _send(
    engine: Engine,
    info: ClassInfo,
    student: str,
    blank: Answer,
    key: str,
    issues: list[str],
    actors: list[str],
) -> None:
    """on_change of a question: save the answer now (a change replaces it), within the session's rate limit;
    what happened is kept under the question's key, to be shown beneath it."""
    note = f"{keys.PULSE_SAVED}{key}"
    limit = st.session_state.setdefault(keys.PULSE_SUBMIT_LIMIT, RateLimit(SUBMIT_BURST, SUBMIT_PER_SECOND))
    if not limit.allow(time.monotonic()):
        st.session_state[note] = ("error", _("Too many answers at once. Wait a moment, then choose again."))
        return
    value = st.session_state.get(key)
    answer = Answer(blank.activity, blank.issue, None if value == "skip" else value, blank.actor)
    retried: list[int] = []

    def retrying(attempt: int) -> None:
        retried.append(attempt)
        st.toast(_("Saving… the class database is busy, retrying."), icon=":material/sync:")

    try:
        with_retries(
            lambda: submit(engine, info.code, student, answer, time.time(), issues=issues, actors=actors),
            on_retry=retrying,
        )
    except PulseError as refused:
        st.session_state[note] = ("error", refused.say(language.current()))
        return
    except Exception:  # the database stayed away through every retry: say so, never a traceback
        st.session_state[note] = ("error", _("Your answer could not be saved: choose it again in a moment."))
        return
    if retried:
        saved = ngettext("Saved after {count} retry.", "Saved after {count} retries.", len(retried)).format(
            count=len(retried)
        )
    else:
        # i18n: an answer was saved
        saved = _("Saved.")
    st.session_state[note] = ("ok", saved)


def _saved_note(key: str) -> None:
    """Beneath a question, what happened when its answer was last sent: a quiet 'Saved', or why not."""
    saved = st.session_state.get(f"{keys.PULSE_SAVED}{key}")
    if saved:
        kind, text = saved
        if kind == "ok":
            st.caption(f":material/check_circle: {escape_markdown(text)}")
        else:
            st.error(escape_markdown(text), icon=":material/error:")
