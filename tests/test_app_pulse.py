"""Class Pulse in AppTest: a teacher and students in separate sessions sharing one database."""

from __future__ import annotations

import pandas as pd
import pytest

from components import keys
from stancekit.dataset import Dataset
from stancekit.pulse import RateLimit
from stancekit.text import escape_markdown
from testkit.apptest import before, named, ntr, open_app, open_tab, plotly_charts, table, tr, twin
from tests.conftest import make_stances

PAGE = "classroom"
NO_CLASS = "No class with this code is running. Check the code with your teacher."
MATRIX_ALT = (  # the alt text of the projector's matrix, the class beside the actors (components/classroom_teacher.py)
    "Matrix of the class's median answer next to the latest positions of {actors} actors on {issues} issues. The "
    "Table tab lists the same positions in words."
)
DOTS_ALT = (  # the bloc chart's, the class beside the blocs
    "Dot plot of each bloc's position and the class's median on {count} issue. The Table tab lists the class's "
    "answers.",
    "Dot plot of each bloc's position and the class's median on {count} issues. The Table tab lists the class's "
    "answers.",
)


def misjudged(*facts: str) -> str:
    """The projector's line on the most misjudged guess, up to as much as a test knows: (actor, issue, the class's
    mean guess as written, "−2"), each optional from the end."""
    known = dict(zip(("actor", "issue", "guess"), facts, strict=False))
    return before(
        tr(
            "**Most misjudged: {actor} on {issue}.** The class guessed {guess} on average; the record says "
            "**{stance}**: {summary}"
        ),
        **{field: value if field == "guess" else escape_markdown(value) for field, value in known.items()},
    )


def mentions_the_class_median(alt: str) -> bool:
    """Whether a chart's alt text is the matrix's or the bloc chart's, the two that set the class's median beside
    the record."""
    return alt.startswith((before(tr(MATRIX_ALT)), before(tr(DOTS_ALT[0])), before(tr(DOTS_ALT[1]))))


@pytest.fixture(autouse=True)
def class_database(tmp_path, monkeypatch):
    monkeypatch.setenv("STANCE_PULSE_DB", f"sqlite:///{tmp_path / 'pulse.db'}")


def _teacher():
    at = open_app(PAGE)
    at.button(key="pulse_start").click().run()
    code, token = at.session_state[keys.PULSE_TEACHER]
    return at, code, token


def _student(code: str):
    at = open_app(PAGE)
    at.text_input(key=keys.CLASS_CODE).input(code).run()
    at.button(key="pulse_join").click().run()
    return at


def _questions(at, activity: str = "stand"):
    """The questions of an activity, opening its tab first when another one is open (the tabs are lazy)."""

    def drawn():
        return [r for r in at.radio if r.key and r.key.startswith(keys.PULSE_ANSWER) and f"::{activity}::" in r.key]

    if not drawn():
        at.session_state[keys.PULSE_TAB] = tr("Where do you stand?" if activity == "stand" else "Guess the stances")
        at.run()
    return drawn()


def test_a_student_joins_answers_and_the_projector_counts_it():
    teacher, code, _ = _teacher()
    assert any(m.value == f"## {code}" for m in teacher.markdown)  # the code, large on the projector
    assert teacher.get("imgs") or teacher.get("image")  # the QR code
    student = _student(code.lower()[:3] + "-" + code.lower()[3:])  # typed in lower case, with a dash
    assert not student.exception
    pseudonym = student.session_state[keys.PULSE_STUDENT][2]
    you_are = before(tr("You are **{pseudonym}** in class **{code}**."), pseudonym=escape_markdown(pseudonym))
    assert any(you_are in m.value for m in student.markdown)
    stand = _questions(student)
    assert len(stand) == 12  # the teacher's default: the quiz's 12
    stand[0].set_value(2).run()
    saved = tr("Saved.")
    assert [c.value for c in student.caption if saved.rstrip(".") in c.value] == [
        f":material/check_circle: {escape_markdown(saved)}"
    ]
    assert len(_questions(student, "guess")) == 12  # in the other tab, drawn once it is open
    teacher.run()
    assert tr("{answered} of {count} students answered").format(answered=1, count=1) in [
        h.value for h in teacher.subheader
    ]
    assert not teacher.exception
    assert not [c for c in plotly_charts(teacher) if mentions_the_class_median(c.proto.alt)]  # lazy: a tab a refresh
    teacher.session_state[keys.PULSE_VIEW] = tr("Next to the actors")
    matrix = twin(teacher.run(), "pulse_matrix")  # the class as one more actor, on top of the governments
    first = matrix.iloc[0]
    # the class's names are English in the store, in the session's language on screen
    assert (first["Actor"], first["Issue"]) == (tr("Our class"), named("European ground troops"))
    assert named("United States") in set(matrix["Actor"])
    assert "+2" in " ".join(str(v) for v in first.values)
    alts = [chart.proto.alt for chart in plotly_charts(teacher.run())]
    assert any(mentions_the_class_median(alt) for alt in alts)


def test_a_closed_round_keeps_answers_and_says_so():
    teacher, code, _ = _teacher()
    student = _student(code)
    teacher.button(key="pulse_open").click().run()  # close the round
    _questions(student)[0].set_value(-1).run()
    closed = tr("The teacher has closed this round: your answers are kept as they were.")
    assert student.error[0].value == escape_markdown(closed)
    teacher.run()
    assert tr("{answered} of {count} students answered").format(answered=0, count=1) in [
        h.value for h in teacher.subheader
    ]


def test_an_unknown_code_is_refused_and_guessing_is_slowed_down():
    at = open_app(PAGE)
    at.text_input(key=keys.CLASS_CODE).input("ZZZZZZ").run()
    at.button(key="pulse_join").click().run()
    assert at.error[0].value == tr(NO_CLASS)
    for _ in range(5):
        at.button(key="pulse_join").click().run()
    wait = before(
        ntr(
            "Too many tries. Wait {count} second and try again.",
            "Too many tries. Wait {count} seconds and try again.",
            2,
        )
    )
    assert wait.strip() and at.error[0].value.startswith(wait)
    assert keys.PULSE_STUDENT not in at.session_state


def test_a_forged_teacher_link_opens_nothing_and_the_real_one_leaves_the_address_bar():
    teacher, code, token = _teacher()
    forged = open_app(PAGE, params={keys.CLASS_CODE: code, "teacher": token[:-1] + "x"})
    assert forged.error[0].value.startswith(before(tr("This teacher link does not open a class: {reason}")))
    assert keys.PULSE_TEACHER not in forged.session_state
    assert not [b for b in forged.button if b.key == "pulse_end"]
    real = open_app(PAGE, params={keys.CLASS_CODE: code, "teacher": token})
    assert real.session_state[keys.PULSE_TEACHER] == (code, token)
    assert "teacher" not in real.query_params  # never projected, never shared by accident


def test_ending_the_class_deletes_it_for_everyone():
    teacher, code, _ = _teacher()
    student = _student(code)
    teacher.button(key="pulse_end").click().run()
    assert teacher.info[0].value == tr("This class has ended or expired. Its answers are deleted.")
    student.run()
    assert student.warning[0].value == tr("This class has ended or expired. Thank you for taking part!")


def _own_topic() -> Dataset:
    stances = make_stances(
        [
            ("UK", "Europe", "Troops", 2, "2025-02-01"),
            ("US", "United States", "Troops", -2, "2025-02-01"),
            ("US", "United States", "Deal", 2, "2025-02-10"),
        ]
    )
    issues = pd.DataFrame(
        {"issue": ["Troops", "Deal"], "proposition": ["Send troops.", "Sign a deal."], "explainer": ["", ""]}
    )
    return Dataset("Our own topic", "Made for this lesson", stances, issues)


def test_a_class_on_the_teachers_own_topic_reaches_students_on_the_bundled_one():
    teacher = open_app(PAGE, state={keys.CUSTOM_DATASET: _own_topic()})
    runs_on = tr(
        "The class runs on your topic, “{title}”: it is stored with the class, for your students' phones, and "
        "deleted when the class ends or after 24 hours."
    )
    assert teacher.info[0].value == runs_on.format(title="Our own topic")
    assert teacher.multiselect(key=keys.PULSE_SETUP_ACTOR).value == []  # no US or Russia by those names here
    teacher.multiselect(key=keys.PULSE_SETUP_ACTOR).set_value(["US"]).run()
    teacher.button(key="pulse_start").click().run()
    code, _ = teacher.session_state[keys.PULSE_TEACHER]
    assert tr("Topic: {topic} (yours, stored with the class until it ends).").format(topic="Our own topic") in [
        c.value for c in teacher.caption
    ]
    student = _student(code)  # a phone that never saw the upload
    assert not student.exception
    labels = [tr("Your answer on {issue}").format(issue=issue) for issue in ("Troops", "Deal")]
    assert [r.label for r in _questions(student)] == labels
    assert "**Send troops\\.**" in [m.value for m in student.markdown]  # the topic's own propositions
    topic = tr("Round: {round} · {state} · topic: {topic}.").split("{state}")[1]  # " · topic: {topic}."
    assert any(topic.format(topic="Our own topic") in c.value for c in student.caption)
    _questions(student, "guess")[0].set_value(2).run()  # the US opposed troops (−2)
    teacher.button(key="pulse_reveal").click().run()
    assert any(m.value.startswith(misjudged("US", "Troops", "+2")) for m in teacher.markdown)
    teacher.session_state[keys.PULSE_VIEW] = tr("Next to the actors")
    assert "US" in set(twin(teacher.run(), "pulse_matrix")["Actor"])


def test_a_start_the_store_refuses_says_why_beside_the_button(monkeypatch):
    monkeypatch.setattr("stancekit.pulse_store.MAX_TOPIC_BYTES", 10)
    at = open_app(PAGE, state={keys.CUSTOM_DATASET: _own_topic()})
    at.button(key="pulse_start").click().run()
    assert keys.PULSE_TEACHER not in at.session_state
    assert at.error[0].value == tr("This topic is too large to share with a class (over {size} MB).").format(size=0)


def test_a_flood_of_answers_is_slowed_down_and_says_so():
    _, code, _ = _teacher()
    student = _student(code)
    student.session_state[keys.PULSE_SUBMIT_LIMIT] = RateLimit(burst=2, per_second=0.001)  # a nearly empty bucket
    questions = _questions(student)
    questions[0].set_value(2).run()
    _questions(student)[1].set_value(1).run()
    _questions(student)[2].set_value(0).run()
    assert student.error[0].value == escape_markdown(tr("Too many answers at once. Wait a moment, then choose again."))


def test_revealed_results_reach_the_students_and_the_projector_names_the_most_misjudged_issue():
    teacher, code, _ = _teacher()
    student = _student(code)
    _questions(student)[0].set_value(2).run()
    guess = _questions(student, "guess")[0]
    guess.set_value(-2).run()  # the US supports European troops (+1): the class guessed it opposed
    assert [t.label for t in student.tabs] == [tr("Where do you stand?"), tr("Guess the stances")]  # nothing yet
    teacher.button(key="pulse_reveal").click().run()
    assert teacher.button(key="pulse_reveal").label == tr("Hide results")
    most = [m.value for m in teacher.markdown if m.value.startswith(misjudged())]
    assert most and most[0].startswith(misjudged(named("United States"), named("European ground troops"), "−2"))
    source = before(tr("Source: {source}"))
    assert any(source in m.value for m in teacher.markdown)  # what the record says, and where it is from
    student.run()
    assert [t.label for t in student.tabs][:3] == [tr("Where do you stand?"), tr("Guess the stances"), tr("Results")]
    assert tr("How the class answered") in [h.value for h in student.subheader]
    record = tr("The record for {actor}").format(
        actor=escape_markdown(named("United States"))
    )  # their guesses beside the record
    assert record in [h.value for h in student.header]
    assert not student.exception


def test_students_guess_several_actors_and_the_projector_ranks_them_only_once_revealed():
    teacher, code, _ = _teacher()
    student = _student(code)
    _questions(student, "guess")  # open the guess tab
    whose = student.button_group(key=keys.PULSE_GUESSING + code)
    assert whose.options == [named("United States"), named("Russia")] and whose.value == named("United States")
    assert all("::United States::" in r.key for r in _questions(student, "guess"))
    _questions(student, "guess")[0].set_value(1).run()  # the US: right
    student.button_group(key=keys.PULSE_GUESSING + code).set_value(named("Russia")).run()
    russia = _questions(student, "guess")
    assert all("::Russia::" in r.key for r in russia) and all(r.value == "skip" for r in russia)  # its own answers
    russia[0].set_value(2).run()  # Russia rejects European troops: far off
    teacher.run()
    assert tr("How well the class guessed") not in [h.value for h in teacher.subheader]  # no spoilers while guessing
    assert not [m for m in teacher.markdown if m.value.startswith(misjudged())]
    teacher.button(key="pulse_reveal").click().run()
    assert tr("How well the class guessed") in [h.value for h in teacher.subheader]
    accuracy = teacher.dataframe[-1].value
    assert list(accuracy.iloc[:, 0]) == [named("Russia"), named("United States")]  # most misjudged first
    assert any(
        m.value.startswith(misjudged(named("Russia"), named("European ground troops"))) for m in teacher.markdown
    )
    student.run()
    record = tr("The record for {actor}")
    records = [h.value for h in student.header if h.value.startswith(before(record))]
    assert records == [record.format(actor=escape_markdown(named(a))) for a in ("United States", "Russia")]  # per actor


def test_a_reloaded_phone_keeps_its_place_and_answers_and_leaving_forgets_it():
    teacher, code, _ = _teacher()
    student = _student(code)
    _, student_id, pseudonym = student.session_state[keys.PULSE_STUDENT]
    seat = student.query_params[keys.SEAT]
    assert seat in (f"{code}-{student_id}", [f"{code}-{student_id}"])
    _questions(student)[1].set_value(-2).run()
    _questions(student, "guess")[0].set_value("skip").run()
    reloaded = open_app(PAGE, params={keys.SEAT: f"{code}-{student_id}"})  # a new session, the same address
    assert reloaded.session_state[keys.PULSE_STUDENT] == (code, student_id, pseudonym)
    assert [q.value for q in _questions(reloaded)[:2]] == ["skip", -2]  # unanswered, and her answer
    assert _questions(reloaded, "guess")[0].value == "skip"
    teacher.run()
    answered = tr("{answered} of {count} students answered").format(answered=1, count=1)
    assert answered in [h.value for h in teacher.subheader]  # no second student
    reloaded.button(key="pulse_leave").click().run()
    assert keys.SEAT not in reloaded.query_params
    assert keys.PULSE_STUDENT not in reloaded.session_state


def test_a_seat_that_is_gone_sends_the_phone_back_to_the_join_form_with_a_reason():
    teacher, code, _ = _teacher()
    student = _student(code)
    _, student_id, pseudonym = student.session_state[keys.PULSE_STUDENT]
    teacher.button(key="pulse_end").click().run()
    reloaded = open_app(PAGE, params={keys.SEAT: f"{code}-{student_id}"})
    assert reloaded.error[0].value == tr(NO_CLASS)
    assert keys.SEAT not in reloaded.query_params and keys.PULSE_STUDENT not in reloaded.session_state
    forged = open_app(PAGE, params={keys.SEAT: "nonsense"})
    assert forged.error and keys.PULSE_STUDENT not in forged.session_state


def test_a_class_on_the_bundled_topic_speaks_each_screens_language_and_counts_every_answer_together():
    """The teacher's projector in English, a student's phone in French: one class, one count."""
    from stancekit.bundled import load_translations

    teacher = open_app(PAGE, params={"lang": "en"})
    teacher.button(key="pulse_start").click().run()
    code = teacher.session_state[keys.PULSE_TEACHER][0]
    student = open_app(PAGE, params={"lang": "fr"})
    student.text_input(key=keys.CLASS_CODE).input(code).run()
    student.button(key="pulse_join").click().run()
    stand = _questions(student)
    assert len(stand) == 12  # the teacher's twelve, found under their French names
    french = load_translations().get(
        "issues",
        "proposition",
        "After a ceasefire, European countries and their partners should station ground troops in Ukraine.",
        "fr",
    )
    assert f"**{escape_markdown(french)}**" in [m.value for m in student.markdown]
    stand[0].set_value(2).run()
    assert not student.error
    teacher.run()
    assert "1 of 1 students answered" in [h.value for h in teacher.subheader]
    teacher.session_state[keys.PULSE_VIEW] = "Next to the actors"
    first = table(open_tab(teacher.run(), "pulse_matrix", "Table")).iloc[0]  # the English tab, whatever the suite's
    assert (first["Actor"], first["Issue"]) == ("Our class", "European ground troops")  # in the teacher's words
    assert "+2" in " ".join(str(v) for v in first.values)
