"""Class Pulse on the teacher's screen and the projector: the join code and its QR code, the controls (each one
checked against the teacher token by the store), and the class's answers, live, next to the governments'."""

from __future__ import annotations

import io
import time

import pandas as pd
import segno
import streamlit as st
from sqlalchemy import Engine

from components import keys
from components.caches import shared
from components.class_topic import class_context
from components.common import chart_with_table, clear_keys, csv_download, empty_state, provenance
from components.context import ViewContext
from stancekit import pulse_store as store
from stancekit.aggregation import PREFERRED_COMPARISON, pair_first
from stancekit.export import to_csv_bytes
from stancekit.figures.blocs import bloc_positions_figure
from stancekit.figures.matrix import stance_matrix_figure
from stancekit.figures.pulse import class_distribution_figure
from stancekit.matching import party_positions
from stancekit.pulse import ROUND_NAMES, ROUNDS, app_root, chosen_actors, chosen_issues, join_link, teacher_link
from stancekit.pulse_results import (
    CLASS_NAME,
    accuracy_table,
    answers_table,
    class_as_actor,
    closest_actors,
    distribution,
    guess_accuracy,
    headcount,
    misjudged,
    moved,
    moved_table,
    spread_table,
    tally_frame,
    with_class,
)
from stancekit.scale import signed, stance_label
from stancekit.schema import StanceDataError
from stancekit.tables import positions_table
from stancekit.text import escape_markdown

REFRESH_SECONDS = 3
PROJECTOR_TABS = ("The class's answers", "Next to the actors", "Next to the blocs")


def render(ctx: ViewContext, engine: Engine, code: str, token: str) -> None:
    try:
        info = store.with_retries(lambda: store.class_info(engine, code, time.time()))
    except store.ClassUnavailable:
        st.info("This class has ended or expired. Its answers are deleted.", icon=":material/event_busy:")
        st.button("Start another class", on_click=clear_keys, args=(keys.PULSE_PREFIX,), key="pulse_forget")
        return
    try:
        ctx = class_context(ctx, info)
    except StanceDataError:
        st.error("This class's topic could not be read. End the class and start it again.", icon=":material/error:")
        return
    _invitation(code, token, info)
    _controls(engine, info, token)
    _live(ctx, engine, info)


def _invitation(code: str, token: str, info: store.ClassInfo) -> None:
    root = app_root(st.context.url or "")
    link = join_link(root, code)
    words, picture = st.columns([3, 2], vertical_alignment="center")
    with words:
        st.markdown(f"### Join at {escape_markdown(root.split('://')[-1])}/classroom with the code")
        with st.container(key="pulse_code"):  # components/house.css: large, letters spaced apart
            st.markdown(f"## {code}")
        st.caption("Or scan the QR code. Students join anonymously: the app gives each a pseudonym.")
        if info.topic is not None:
            st.caption(f"Topic: {escape_markdown(info.topic_name)} (yours, stored with the class until it ends).")
        with st.expander("Your private teacher link (keep it to yourself)", icon=":material/key:"):
            st.caption("Open it on another device, such as the projector's computer, to teach the same class.")
            st.code(teacher_link(root, code, token), language=None, wrap_lines=True)
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    picture.image(buffer.getvalue(), caption=f"QR code of {link}", width=240)


def _controls(engine: Engine, info: store.ClassInfo, token: str) -> None:
    now = time.time()
    round_ = st.container()
    buttons = st.container(horizontal=True)  # each control as wide as its words, wrapping on a narrow screen
    opening, reveal, remove, end = buttons, buttons, buttons, buttons
    st.session_state[keys.PULSE_ROUND] = info.round  # the stored round, whichever screen changed it
    round_.segmented_control(
        "Round",
        list(ROUNDS),
        format_func=lambda name: ROUND_NAMES[name].capitalize(),
        key=keys.PULSE_ROUND,
        on_change=lambda: _act(
            lambda: store.set_round(
                engine, info.code, token, time.time(), round=st.session_state.get(keys.PULSE_ROUND) or info.round
            )
        ),
        help="Ask the same questions at the start and at the end of the lesson, and see how the class moved.",
    )
    opening.button(
        "Close the round" if info.open else "Open the round",
        icon=":material/lock:" if info.open else ":material/lock_open:",
        on_click=_act,
        args=(lambda: store.set_round(engine, info.code, token, time.time(), open=not info.open),),
        key="pulse_open",
    )
    reveal.button(
        "Hide results" if info.revealed else "Reveal results",
        icon=":material/visibility_off:" if info.revealed else ":material/visibility:",
        on_click=_act,
        args=(lambda: store.reveal(engine, info.code, token, time.time(), not info.revealed),),
        key="pulse_reveal",
    )
    with remove.popover("Remove an answer", icon=":material/person_remove:"):
        names = _safely(lambda: store.pseudonyms(engine, info.code, token, now)) or []
        who = st.selectbox("Student", names, index=None, key=keys.PULSE_REMOVE, placeholder="Choose a pseudonym")
        st.button(
            "Remove their answers",
            disabled=who is None,
            on_click=_act,
            args=(lambda: store.remove_student(engine, info.code, token, time.time(), who),),
            key="pulse_remove_go",
        )
    with end.popover("End the class", icon=":material/stop_circle:"):
        st.caption("Ending deletes every answer of the class now. Download them first if you need them.")
        csv_download(  # the answers are read only when the button is pressed
            st,
            "Download the answers (CSV)",
            lambda: to_csv_bytes(
                answers_table(_safely(lambda: store.export_rows(engine, info.code, token, now)) or [])
            ),
            key="pulse_csv",
            file_name="class.csv",
        )
        st.button(
            "End the class and delete its answers",
            type="primary",
            on_click=_act,
            args=(lambda: store.end_class(engine, info.code, token, time.time()),),
            key="pulse_end",
        )
    if message := st.session_state.pop(keys.PULSE_TEACHER_MESSAGE, None):
        st.error(escape_markdown(message), icon=":material/error:")


@st.fragment(run_every=REFRESH_SECONDS)
def _live(ctx: ViewContext, engine: Engine, info: store.ClassInfo) -> None:
    """The projector's part: one query per refresh (the store's tally: the class's round with every answer
    counted); the questions and the actors to guess were fixed when the class started."""
    try:
        live = store.tally(engine, info.code, time.time())
    except store.ClassUnavailable:
        st.rerun()  # the class ended on another screen: the page says so
        return
    except Exception:
        st.warning("The class database is not answering: retrying…", icon=":material/sync_problem:")
        return
    tally = tally_frame(live.rows)
    answered, joined = headcount(tally, live.round)
    st.subheader(f"{answered} of {joined} students answered", anchor=False)
    issues = chosen_issues(info.issues, ctx.dataset.issue_names)
    spread = distribution(tally, live.round, issues)
    if not answered:
        empty_state("No answers yet. They appear here as students choose them.")
        return
    # Lazy tabs: each refresh builds the open one only (the matrix and the bloc chart are most of a refresh).
    answers, matrix, blocs = st.tabs(list(PROJECTOR_TABS), key=keys.PULSE_VIEW, on_change="rerun")
    if answers.open:
        with answers:
            spread_chart(spread, "pulse_spread")
    ours = with_class(ctx.latest, class_as_actor(spread, pd.Timestamp.now())) if not answers.open else None
    if matrix.open:
        with matrix:
            _next_to_actors(ctx, ours, issues)
    if blocs.open:
        with blocs:
            order = [*pair_first(ctx.dataset.blocs, *PREFERRED_COMPARISON), CLASS_NAME]
            chart_with_table(
                lambda: bloc_positions_figure(ours, issues, order),
                lambda: spread_table(spread),
                alt=f"Dot plot of each bloc's position and the class's median on {len(issues)} issues. The Table "
                "tab lists the class's answers.",
                key="pulse_blocs",
            )
    parties = shared(ctx.cache_key("party_positions"), lambda: party_positions(ctx.latest))  # the actors' own
    closest, furthest = closest_actors(spread, ctx.latest, parties=parties)

    near, far = st.columns(2)
    near.markdown("**Closest to the class:** " + _names(closest))
    far.markdown("**Furthest from the class:** " + _names(furthest))
    if live.round == ROUNDS[1]:
        change = moved(distribution(tally, ROUNDS[0], issues), spread)
        if not change.empty:
            st.markdown("**How the class moved since the start of the lesson**")
            st.dataframe(moved_table(change), hide_index=True)
    if not (guessed := chosen_actors(info.guess_actors, ctx.dataset.actors)):
        return
    if live.revealed:
        _guessing(tally, live.round, guessed, ctx)
    else:  # the record on the projector would give the guess game's answers away
        st.caption(
            "How well the class guessed, and what the record says, appear here when you reveal the results.",
            help="Hidden until then so that the projector does not give the answers away while students guess.",
        )


def _next_to_actors(ctx: ViewContext, ours: pd.DataFrame, issues: list[str]) -> None:
    """The overview's matrix with the class as its first row."""
    st.caption(
        f"“{CLASS_NAME}” is the point nearest the class's median; hover or tap its cells for how many answered "
        "and the middle half of their answers."
    )
    actors = [CLASS_NAME, *ctx.actors]
    chart_with_table(
        lambda: stance_matrix_figure(ours, actors, issues, {**ctx.dataset.actor_bloc, CLASS_NAME: CLASS_NAME}),
        lambda: positions_table(ours, actors, issues),
        alt=f"Matrix of the class's median answer next to the latest positions of {len(ctx.actors)} actors on "
        f"{len(issues)} issues. The Table tab lists the same positions in words.",
        key="pulse_matrix",
    )


def _guessing(tally: pd.DataFrame, round_name: str, guessed: list[str], ctx: ViewContext) -> None:
    """How well the class guessed each actor; for the actor it misjudged most, the issue it misjudged most, with
    what the record says."""
    accuracy = guess_accuracy(tally, round_name, ctx.latest)
    accuracy = accuracy[accuracy["actor"].isin(guessed)].reset_index(drop=True)
    if accuracy.empty:
        return
    st.subheader("How well the class guessed", anchor=False)
    st.dataframe(
        accuracy_table(accuracy),
        hide_index=True,
        column_config={
            "Accuracy": st.column_config.TextColumn(
                help="Per guess, 1 − |guess − record| / 4 (a guess on the record's point scores 100 %), averaged."
            ),
            "The class thought it": st.column_config.TextColumn(
                help="Its guesses on average above the record (more supportive), below it, or within ¼ point."
            ),
        },
    )
    actor = accuracy.iloc[0]["actor"]  # lowest accuracy first
    wrong = misjudged(tally, round_name, ctx.latest, actor)
    if wrong.empty:
        return
    worst = wrong.iloc[0]
    st.markdown(
        f"**Most misjudged: {escape_markdown(actor)} on {escape_markdown(worst['issue'])}.** The class guessed "
        f"{signed(round(worst['mean_guess'], 1))} on average; the record says "
        f"**{escape_markdown(stance_label(worst['position']))}**: {escape_markdown(worst['summary'])}"
    )
    provenance(worst)


def spread_chart(spread: pd.DataFrame, key: str) -> None:
    """The class's answers per proposition, with its table twin (the projector's, and a student's once revealed)."""
    chart_with_table(
        lambda: class_distribution_figure(spread),
        lambda: spread_table(spread),
        alt=f"Stacked bars: how many students chose each point of the scale on {len(spread)} propositions.",
        key=key,
    )


def _names(table: pd.DataFrame) -> str:
    if table.empty:
        return "not enough answers yet"
    return ", ".join(f"{escape_markdown(n)} ({m:.0%})" for n, m in zip(table["name"], table["match"], strict=True))


def _act(action) -> None:  # noqa: ANN001 (a no-argument callable)
    """Run a teacher action; a refusal or a database fault becomes a message, never a traceback."""
    try:
        store.with_retries(action)
    except store.ClassUnavailable:
        pass  # the class is gone: the page says so on this run
    except store.PulseError as refused:
        st.session_state[keys.PULSE_TEACHER_MESSAGE] = str(refused)
    except Exception:
        st.session_state[keys.PULSE_TEACHER_MESSAGE] = "The class database did not answer. Try again in a moment."


def _safely(read):  # noqa: ANN001, ANN202
    try:
        return store.with_retries(read)
    except Exception:
        return None
