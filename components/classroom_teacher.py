"""Class Pulse on the teacher's screen and the projector: the join code and its QR code, the controls (each one
checked against the teacher token by the store), and the class's answers, live, next to the governments'."""

from __future__ import annotations

import io
import time

import pandas as pd
import segno
import streamlit as st
from sqlalchemy import Engine

from components import keys, language
from components.caches import shared
from components.class_topic import ClassView, class_view
from components.common import chart_with_table, clear_keys, csv_download, empty_state, provenance
from components.context import ViewContext
from components.language import N_, _, ngettext
from stancekit import pulse_store as store
from stancekit.aggregation import pair_first, preferred_comparison
from stancekit.export import to_csv_bytes
from stancekit.figures.blocs import bloc_positions_figure
from stancekit.figures.matrix import stance_matrix_figure
from stancekit.figures.pulse import class_distribution_figure
from stancekit.i18n import percent
from stancekit.matching import party_positions
from stancekit.pulse import ROUND_NAMES, ROUNDS, app_root, chosen_actors, chosen_issues, join_link, teacher_link
from stancekit.pulse_results import (
    ACCURACY,
    THOUGHT,
    accuracy_table,
    answers_table,
    class_as_actor,
    class_name,
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
# i18n: the projector's tabs
PROJECTOR_TABS = (N_("The class's answers"), N_("Next to the actors"), N_("Next to the blocs"))


def render(ctx: ViewContext, engine: Engine, code: str, token: str) -> None:
    try:
        info = store.with_retries(lambda: store.class_info(engine, code, time.time()))
    except store.ClassUnavailable:
        st.info(_("This class has ended or expired. Its answers are deleted."), icon=":material/event_busy:")
        st.button(_("Start another class"), on_click=clear_keys, args=(keys.PULSE_PREFIX,), key="pulse_forget")
        return
    try:
        view = class_view(ctx, info)
    except StanceDataError:
        st.error(_("This class's topic could not be read. End the class and start it again."), icon=":material/error:")
        return
    _invitation(code, token, info)
    _controls(engine, view, token)
    _live(view, engine)


def _invitation(code: str, token: str, info: store.ClassInfo) -> None:
    root = app_root(st.context.url or "")
    link = join_link(root, code)
    words, picture = st.columns([3, 2], vertical_alignment="center")
    with words:
        # i18n: {address}: the app's address with /classroom, e.g. "example.org/classroom"; the code follows below
        st.markdown(
            _("### Join at {address} with the code").format(
                address=escape_markdown(root.split("://")[-1]) + "/classroom"
            )
        )
        with st.container(key="pulse_code"):  # components/house.css: large, letters spaced apart
            st.markdown(f"## {code}")
        st.caption(_("Or scan the QR code. Students join anonymously: the app gives each a pseudonym."))
        if info.topic is not None:
            st.caption(
                _("Topic: {topic} (yours, stored with the class until it ends).").format(
                    topic=escape_markdown(info.topic_name)
                )
            )
        with st.expander(_("Your private teacher link (keep it to yourself)"), icon=":material/key:"):
            st.caption(_("Open it on another device, such as the projector's computer, to teach the same class."))
            st.code(teacher_link(root, code, token), language=None, wrap_lines=True)
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    picture.image(buffer.getvalue(), caption=_("QR code of {link}").format(link=link), width=240)


def _controls(engine: Engine, view: ClassView, token: str) -> None:
    info, now = view.info, time.time()
    round_ = st.container()
    buttons = st.container(horizontal=True)  # each control as wide as its words, wrapping on a narrow screen
    opening, reveal, remove, end = buttons, buttons, buttons, buttons
    st.session_state[keys.PULSE_ROUND] = info.round  # the stored round, whichever screen changed it
    round_names = {name: _(ROUND_NAMES[name]).capitalize() for name in ROUNDS}  # in this run's language
    round_.segmented_control(
        # i18n: the lesson's round (start or end of the lesson)
        _("Round"),
        list(ROUNDS),
        format_func=lambda name: round_names[name],
        key=keys.PULSE_ROUND,
        on_change=lambda: _act(
            lambda: store.set_round(
                engine, info.code, token, time.time(), round=st.session_state.get(keys.PULSE_ROUND) or info.round
            )
        ),
        help=_("Ask the same questions at the start and at the end of the lesson, and see how the class moved."),
    )
    opening.button(
        _("Close the round") if info.open else _("Open the round"),
        icon=":material/lock:" if info.open else ":material/lock_open:",
        on_click=_act,
        args=(lambda: store.set_round(engine, info.code, token, time.time(), open=not info.open),),
        key="pulse_open",
    )
    reveal.button(
        _("Hide results") if info.revealed else _("Reveal results"),
        icon=":material/visibility_off:" if info.revealed else ":material/visibility:",
        on_click=_act,
        args=(lambda: store.reveal(engine, info.code, token, time.time(), not info.revealed),),
        key="pulse_reveal",
    )
    with remove.popover(_("Remove an answer"), icon=":material/person_remove:"):
        names = _safely(lambda: store.pseudonyms(engine, info.code, token, now)) or []
        who = st.selectbox(_("Student"), names, index=None, key=keys.PULSE_REMOVE, placeholder=_("Choose a pseudonym"))
        st.button(
            _("Remove their answers"),
            disabled=who is None,
            on_click=_act,
            args=(lambda: store.remove_student(engine, info.code, token, time.time(), who),),
            key="pulse_remove_go",
        )
    with end.popover(_("End the class"), icon=":material/stop_circle:"):
        st.caption(_("Ending deletes every answer of the class now. Download them first if you need them."))
        csv_download(  # the answers are read only when the button is pressed
            st,
            _("Download the answers (CSV)"),
            lambda: to_csv_bytes(
                answers_table(
                    view.export_shown(_safely(lambda: store.export_rows(engine, info.code, token, now)) or [])
                )
            ),
            key="pulse_csv",
            file_name="class.csv",
        )
        st.button(
            _("End the class and delete its answers"),
            type="primary",
            on_click=_act,
            args=(lambda: store.end_class(engine, info.code, token, time.time()),),
            key="pulse_end",
        )
    if message := st.session_state.pop(keys.PULSE_TEACHER_MESSAGE, None):
        st.error(escape_markdown(message), icon=":material/error:")


@st.fragment(run_every=REFRESH_SECONDS)
def _live(view: ClassView, engine: Engine) -> None:
    """The projector's part: one query per refresh (the store's tally: the class's round with every answer
    counted); the questions and the actors to guess were fixed when the class started."""
    ctx, info = view.ctx, view.info
    try:
        live = store.tally(engine, info.code, time.time())
    except store.ClassUnavailable:
        st.rerun()  # the class ended on another screen: the page says so
        return
    except Exception:
        st.warning(_("The class database is not answering: retrying…"), icon=":material/sync_problem:")
        return
    tally = tally_frame(view.rows_shown(live.rows))
    answered, joined = headcount(tally, live.round)
    st.subheader(
        # i18n: "3 of 25 students answered" ({count}: how many joined)
        _("{answered} of {count} students answered").format(answered=answered, count=joined),
        anchor=False,
    )
    issues = chosen_issues(info.issues, ctx.dataset.issue_names)
    spread = distribution(tally, live.round, issues)
    if not answered:
        empty_state(_("No answers yet. They appear here as students choose them."))
        return
    # Lazy tabs: each refresh builds the open one only (the matrix and the bloc chart are most of a refresh).
    answers, matrix, blocs = st.tabs([_(tab) for tab in PROJECTOR_TABS], key=keys.PULSE_VIEW, on_change="rerun")
    if answers.open:
        with answers:
            spread_chart(spread, "pulse_spread", ctx.lang)
    ours = with_class(ctx.latest, class_as_actor(spread, pd.Timestamp.now(), ctx.lang)) if not answers.open else None
    if matrix.open:
        with matrix:
            _next_to_actors(ctx, ours, issues)
    if blocs.open:
        with blocs:
            order = [*pair_first(ctx.dataset.blocs, *preferred_comparison(ctx.dataset.aliases)), class_name(ctx.lang)]
            chart_with_table(
                lambda: bloc_positions_figure(ours, issues, order, ctx.lang),
                lambda: spread_table(spread, ctx.lang),
                alt=ngettext(
                    "Dot plot of each bloc's position and the class's median on {count} issue. The Table tab lists "
                    "the class's answers.",
                    "Dot plot of each bloc's position and the class's median on {count} issues. The Table tab lists "
                    "the class's answers.",
                    len(issues),
                ).format(count=len(issues)),
                key="pulse_blocs",
            )
    parties = shared(ctx.cache_key("party_positions"), lambda: party_positions(ctx.latest))  # the actors' own
    closest, furthest = closest_actors(spread, ctx.latest, parties=parties)

    near, far = st.columns(2)
    # i18n: {names}: "France (80%), Japan (75%)" or "not enough answers yet"
    near.markdown(_("**Closest to the class:** {names}").format(names=_names(closest, ctx.lang)))
    # i18n: {names}: "Russia (20%), China (25%)" or "not enough answers yet"
    far.markdown(_("**Furthest from the class:** {names}").format(names=_names(furthest, ctx.lang)))
    if live.round == ROUNDS[1]:
        change = moved(distribution(tally, ROUNDS[0], issues), spread)
        if not change.empty:
            st.markdown(_("**How the class moved since the start of the lesson**"))
            st.dataframe(moved_table(change, ctx.lang), hide_index=True)
    if not (guessed := chosen_actors(info.guess_actors, ctx.dataset.actors)):
        return
    if live.revealed:
        _guessing(tally, live.round, guessed, ctx)
    else:  # the record on the projector would give the guess game's answers away
        st.caption(
            _("How well the class guessed, and what the record says, appear here when you reveal the results."),
            help=_("Hidden until then so that the projector does not give the answers away while students guess."),
        )


def _next_to_actors(ctx: ViewContext, ours: pd.DataFrame, issues: list[str]) -> None:
    """The overview's matrix with the class as its first row."""
    st.caption(
        _(
            "“{name}” is the point nearest the class's median; hover or tap its cells for how many answered "
            "and the middle half of their answers."
        ).format(name=class_name(ctx.lang))
    )
    ours_named = class_name(ctx.lang)
    actors = [ours_named, *ctx.actors]
    chart_with_table(
        lambda: stance_matrix_figure(ours, actors, issues, {**ctx.dataset.actor_bloc, ours_named: ours_named}),
        lambda: positions_table(ours, actors, issues, ctx.lang),
        alt=_(
            "Matrix of the class's median answer next to the latest positions of {actors} actors on {issues} "
            "issues. The Table tab lists the same positions in words."
        ).format(actors=len(ctx.actors), issues=len(issues)),
        key="pulse_matrix",
    )


def _guessing(tally: pd.DataFrame, round_name: str, guessed: list[str], ctx: ViewContext) -> None:
    """How well the class guessed each actor; for the actor it misjudged most, the issue it misjudged most, with
    what the record says."""
    accuracy = guess_accuracy(tally, round_name, ctx.latest)
    accuracy = accuracy[accuracy["actor"].isin(guessed)].reset_index(drop=True)
    if accuracy.empty:
        return
    st.subheader(_("How well the class guessed"), anchor=False)
    st.dataframe(
        accuracy_table(accuracy, ctx.lang),
        hide_index=True,
        column_config={
            _(ACCURACY): st.column_config.TextColumn(
                help=_("Per guess, 1 − |guess − record| / 4 (a guess on the record's point scores 100 %), averaged.")
            ),
            _(THOUGHT): st.column_config.TextColumn(
                help=_("Its guesses on average above the record (more supportive), below it, or within ¼ point.")
            ),
        },
    )
    actor = accuracy.iloc[0]["actor"]  # lowest accuracy first
    wrong = misjudged(tally, round_name, ctx.latest, actor)
    if wrong.empty:
        return
    worst = wrong.iloc[0]
    st.markdown(
        _(
            "**Most misjudged: {actor} on {issue}.** The class guessed {guess} on average; the record says "
            "**{stance}**: {summary}"
        ).format(
            actor=escape_markdown(actor),
            issue=escape_markdown(worst["issue"]),
            guess=signed(round(worst["mean_guess"], 1), ctx.lang),
            stance=escape_markdown(stance_label(worst["position"], ctx.lang)),
            summary=escape_markdown(worst["summary"]),
        )
    )
    provenance(worst)


def spread_chart(spread: pd.DataFrame, key: str, lang: str = "en") -> None:
    """The class's answers per proposition, with its table twin (the projector's, and a student's once revealed)."""
    chart_with_table(
        lambda: class_distribution_figure(spread, lang),
        lambda: spread_table(spread, lang),
        alt=ngettext(
            "Stacked bars: how many students chose each point of the scale on {count} proposition.",
            "Stacked bars: how many students chose each point of the scale on {count} propositions.",
            len(spread),
        ).format(count=len(spread)),
        key=key,
    )


def _names(table: pd.DataFrame, lang: str) -> str:
    if table.empty:
        return _("not enough answers yet")
    return ", ".join(
        f"{escape_markdown(n)} ({percent(m, lang)})" for n, m in zip(table["name"], table["match"], strict=True)
    )


def _act(action) -> None:  # noqa: ANN001 (a no-argument callable)
    """Run a teacher action; a refusal or a database fault becomes a message, never a traceback."""
    try:
        store.with_retries(action)
    except store.ClassUnavailable:
        pass  # the class is gone: the page says so on this run
    except store.PulseError as refused:
        st.session_state[keys.PULSE_TEACHER_MESSAGE] = refused.say(language.current())
    except Exception:
        st.session_state[keys.PULSE_TEACHER_MESSAGE] = _("The class database did not answer. Try again in a moment.")


def _safely(read):  # noqa: ANN001, ANN202
    try:
        return store.with_retries(read)
    except Exception:
        return None
