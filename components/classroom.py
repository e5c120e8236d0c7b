"""Class Pulse, the page: join a class with its code, or start one and teach it. A student's and a teacher's
screens are in components/classroom_student.py and components/classroom_teacher.py."""

from __future__ import annotations

import time

import streamlit as st

from components import classroom_student, classroom_teacher, keys, language, pulse_db
from components.caches import bundled_in
from components.common import page_header
from components.context import ViewContext
from components.language import _, ngettext
from components.pages import page
from components.session_dataset import is_custom
from stancekit.dataset import Dataset
from stancekit.pulse import MAX_GUESSED, RateLimit, normalise_code
from stancekit.pulse_store import (
    PulseError,
    check_teacher,
    class_info,
    create_class,
    join_class,
    rejoin,
    with_retries,
)
from stancekit.text import escape_markdown
from stancekit.topic_blob import pack

DEFAULT_GUESSED = ("United States", "Russia")  # the seed story's two outside powers
JOIN_BURST, JOIN_PER_SECOND = 5, 1 / 12  # five tries at once, then one every 12 s: no guessing codes


def render(ctx: ViewContext) -> None:
    page_header(
        _(page("classroom").heading),
        _(
            "Students join with a code on their phones, anonymously, and answer; the projector shows the class as "
            "one more actor next to the governments. Nothing personal is stored, and a class ends by itself after "
            "24 hours."
        ),
    )
    engine = pulse_db.engine()
    _take_teacher_token(engine)
    _take_seat(engine)
    if teacher := st.session_state.get(keys.PULSE_TEACHER):
        classroom_teacher.render(ctx, engine, *teacher)
    elif student := st.session_state.get(keys.PULSE_STUDENT):
        classroom_student.render(ctx, engine, *student)
    else:
        _join_or_start(ctx, engine)


def _take_teacher_token(engine: object) -> None:
    """A teacher link (?join=CODE&teacher=TOKEN): once the store has checked the token, keep it in this session
    and take it out of the address bar, so the projected address never shows it."""
    token = st.query_params.get("teacher")
    if not token:
        return
    del st.query_params["teacher"]
    code = normalise_code(st.query_params.get(keys.CLASS_CODE) or "")
    try:
        with_retries(lambda: check_teacher(engine, code or "", token, time.time()))
    except PulseError as refused:
        # i18n: {reason}: why the store refused, e.g. "This class has ended."
        st.error(
            _("This teacher link does not open a class: {reason}").format(reason=refused.say(language.current())),
            icon=":material/key_off:",
        )
        return
    st.session_state[keys.PULSE_TEACHER] = (code, token)


def _take_seat(engine: object) -> None:
    """A phone reloaded after joining (?seat=CODE-ID): the student is back in their place, with their answers;
    a seat that no longer exists leaves the address bar with a word why."""
    seat = st.query_params.get(keys.SEAT)
    if not seat or st.session_state.get(keys.PULSE_STUDENT) or st.session_state.get(keys.PULSE_TEACHER):
        return
    typed, _, seat_id = seat.partition("-")
    code = normalise_code(typed)
    try:
        back = with_retries(lambda: rejoin(engine, code or "", seat_id, time.time()))
    except PulseError as refused:
        del st.query_params[keys.SEAT]
        st.session_state[keys.PULSE_JOIN_MESSAGE] = refused.say(language.current())
        return
    classroom_student.seat(code or "", back)


def _join_or_start(ctx: ViewContext, engine: object) -> None:
    join, teach = st.columns(2, gap="large")
    with join.container(border=True):
        st.subheader(_("Join a class"), anchor=False)
        code = st.text_input(
            _("Class code"),
            key=keys.CLASS_CODE,
            bind="query-params",
            max_chars=12,
            # i18n: an example join code (keep the code as it is)
            placeholder=_("e.g. K7QX3M"),
            help=_("The six letters and digits on the teacher's screen. Capitals or not, with or without a dash."),
        )
        st.button(
            # i18n: a button: join the class whose code was typed
            _("Join"),
            type="primary",
            icon=":material/login:",
            on_click=_join,
            args=(engine, code),
            key="pulse_join",
        )
        if message := st.session_state.pop(keys.PULSE_JOIN_MESSAGE, None):
            st.error(message, icon=":material/error:")
    with teach.container(border=True):
        st.subheader(_("Teach: start a class"), anchor=False)
        issues = st.multiselect(
            _("Questions"),
            ctx.dataset.issue_names,
            default=list(ctx.dataset.quiz_issues),
            key=keys.PULSE_SETUP_ISSUES,
            placeholder=_("Choose options"),
            help=_("The propositions the class answers. Empty: every issue of the topic."),
        )
        actors = st.multiselect(
            _("Guess the stances of"),
            ctx.dataset.actors,
            default=[a for a in (ctx.dataset.aliases.get(g, g) for g in DEFAULT_GUESSED) if a in ctx.dataset.actors],
            placeholder=_("Choose options"),
            max_selections=MAX_GUESSED,
            key=keys.PULSE_SETUP_ACTOR,
            help=_(
                "Students guess each of these actors' positions (up to {count}); the projector shows how "
                "well they did per actor, and which one they misjudged most. Empty: no guessing."
            ).format(count=MAX_GUESSED),
        )
        st.button(
            _("Start a class"),
            icon=":material/co_present:",
            on_click=_start,
            args=(engine, ctx.dataset, tuple(issues), tuple(actors)),
            key="pulse_start",
        )
        if message := st.session_state.pop(keys.PULSE_START_MESSAGE, None):
            st.error(message, icon=":material/error:")
        if is_custom():
            st.info(
                _(
                    "The class runs on your topic, “{title}”: it is stored with the class, for your students' "
                    "phones, and deleted when the class ends or after 24 hours."
                ).format(title=escape_markdown(ctx.dataset.title)),
                icon=":material/upload_file:",
            )
        st.caption(_("No sign-in: you get a private teacher link to keep for the lesson."))


def _join(engine: object, typed: str | None) -> None:
    """on_click of Join: a rate-limited attempt; a clear message for an unknown, expired or ended code."""
    limit = st.session_state.setdefault(keys.PULSE_JOIN_LIMIT, RateLimit(JOIN_BURST, JOIN_PER_SECOND))
    now = time.monotonic()
    if not limit.allow(now):
        seconds = round(limit.wait(now))
        st.session_state[keys.PULSE_JOIN_MESSAGE] = ngettext(
            "Too many tries. Wait {count} second and try again.",
            "Too many tries. Wait {count} seconds and try again.",
            seconds,
        ).format(count=seconds)
        return
    code = normalise_code(typed or "")
    if not code:
        st.session_state[keys.PULSE_JOIN_MESSAGE] = _("Type the six-character code shown on the teacher's screen.")
        return
    try:
        with_retries(lambda: class_info(engine, code, time.time()))
        student = with_retries(lambda: join_class(engine, code, time.time()))
    except PulseError as refused:
        st.session_state[keys.PULSE_JOIN_MESSAGE] = refused.say(language.current())
        return
    st.session_state[keys.PULSE_STUDENT] = (code, student.student, student.pseudonym)
    st.query_params[keys.SEAT] = f"{code}-{student.student}"  # a reload of the phone keeps this place


def _start(engine: object, dataset: Dataset, issues: tuple[str, ...], actors: tuple[str, ...]) -> None:
    """on_click of Start a class: on the session's own topic, the topic goes with the class."""
    topic = pack(dataset) if is_custom() else None
    if topic is None:  # the bundled topic: the class keeps its English names, whatever the teacher's language
        english = bundled_in("en").aliases
        issues, actors = (tuple(english.get(n, n) for n in names) for names in (issues, actors))
    try:
        code, token = with_retries(
            lambda: create_class(
                engine, time.time(), issues=issues, guess_actors=actors, topic=topic, topic_name=dataset.title
            )
        )
    except PulseError as refused:
        st.session_state[keys.PULSE_START_MESSAGE] = refused.say(language.current())
        return
    st.session_state[keys.PULSE_TEACHER] = (code, token)
