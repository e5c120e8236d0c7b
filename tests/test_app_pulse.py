"""Class Pulse in AppTest: a teacher and students in separate sessions sharing one database."""

from __future__ import annotations

import pandas as pd
import pytest

from components import keys
from stancekit.dataset import Dataset
from stancekit.pulse import RateLimit
from testkit.apptest import open_app, plotly_charts, twin
from tests.conftest import make_stances

PAGE = "classroom"


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
        at.session_state[keys.PULSE_TAB] = "Where do you stand?" if activity == "stand" else "Guess the stances"
        at.run()
    return drawn()


def test_a_student_joins_answers_and_the_projector_counts_it():
    teacher, code, _ = _teacher()
    assert any(m.value == f"## {code}" for m in teacher.markdown)  # the code, large on the projector
    assert teacher.get("imgs") or teacher.get("image")  # the QR code
    student = _student(code.lower()[:3] + "-" + code.lower()[3:])  # typed in lower case, with a dash
    assert not student.exception
    pseudonym = student.session_state[keys.PULSE_STUDENT][2]
    assert any(f"You are **{pseudonym}**" in m.value for m in student.markdown)
    stand = _questions(student)
    assert len(stand) == 12  # the teacher's default: the quiz's 12
    stand[0].set_value(2).run()
    assert [c.value for c in student.caption if "Saved" in c.value] == [":material/check_circle: Saved\\."]
    assert len(_questions(student, "guess")) == 12  # in the other tab, drawn once it is open
    teacher.run()
    assert "1 of 1 students answered" in [h.value for h in teacher.subheader]
    assert not teacher.exception
    assert not [c for c in plotly_charts(teacher) if "the class's median" in c.proto.alt]  # lazy: one tab a refresh
    teacher.session_state[keys.PULSE_VIEW] = "Next to the actors"
    matrix = twin(teacher.run(), "pulse_matrix")  # the class as one more actor, on top of the governments
    first = matrix.iloc[0]
    assert (first["Actor"], first["Issue"]) == ("Our class", "European ground troops")
    assert "United States" in set(matrix["Actor"])
    assert "+2" in " ".join(str(v) for v in first.values)
    alts = [chart.proto.alt for chart in plotly_charts(teacher.run())]
    assert any("the class's median" in alt for alt in alts)


def test_a_closed_round_keeps_answers_and_says_so():
    teacher, code, _ = _teacher()
    student = _student(code)
    teacher.button(key="pulse_open").click().run()  # close the round
    _questions(student)[0].set_value(-1).run()
    assert student.error[0].value.startswith("The teacher has closed this round")
    teacher.run()
    assert "0 of 1 students answered" in [h.value for h in teacher.subheader]


def test_an_unknown_code_is_refused_and_guessing_is_slowed_down():
    at = open_app(PAGE)
    at.text_input(key=keys.CLASS_CODE).input("ZZZZZZ").run()
    at.button(key="pulse_join").click().run()
    assert at.error[0].value == "No class with this code is running. Check the code with your teacher."
    for _ in range(5):
        at.button(key="pulse_join").click().run()
    assert at.error[0].value.startswith("Too many tries. Wait")
    assert keys.PULSE_STUDENT not in at.session_state


def test_a_forged_teacher_link_opens_nothing_and_the_real_one_leaves_the_address_bar():
    teacher, code, token = _teacher()
    forged = open_app(PAGE, params={keys.CLASS_CODE: code, "teacher": token[:-1] + "x"})
    assert forged.error[0].value.startswith("This teacher link does not open a class")
    assert keys.PULSE_TEACHER not in forged.session_state
    assert not [b for b in forged.button if b.key == "pulse_end"]
    real = open_app(PAGE, params={keys.CLASS_CODE: code, "teacher": token})
    assert real.session_state[keys.PULSE_TEACHER] == (code, token)
    assert "teacher" not in real.query_params  # never projected, never shared by accident


def test_ending_the_class_deletes_it_for_everyone():
    teacher, code, _ = _teacher()
    student = _student(code)
    teacher.button(key="pulse_end").click().run()
    assert teacher.info[0].value.startswith("This class has ended or expired")
    student.run()
    assert student.warning[0].value.startswith("This class has ended or expired")


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
    assert teacher.info[0].value.startswith("The class runs on your topic, “Our own topic”")
    assert teacher.multiselect(key=keys.PULSE_SETUP_ACTOR).value == []  # no US or Russia by those names here
    teacher.multiselect(key=keys.PULSE_SETUP_ACTOR).set_value(["US"]).run()
    teacher.button(key="pulse_start").click().run()
    code, _ = teacher.session_state[keys.PULSE_TEACHER]
    assert any(c.value.startswith("Topic: Our own topic (yours") for c in teacher.caption)
    student = _student(code)  # a phone that never saw the upload
    assert not student.exception
    assert [r.label for r in _questions(student)] == ["Your answer on Troops", "Your answer on Deal"]
    assert "**Send troops\\.**" in [m.value for m in student.markdown]  # the topic's own propositions
    assert any("topic: Our own topic" in c.value for c in student.caption)
    _questions(student, "guess")[0].set_value(2).run()  # the US opposed troops (−2)
    teacher.button(key="pulse_reveal").click().run()
    assert any(m.value.startswith("**Most misjudged: US on Troops.** The class guessed +2") for m in teacher.markdown)
    teacher.session_state[keys.PULSE_VIEW] = "Next to the actors"
    assert "US" in set(twin(teacher.run(), "pulse_matrix")["Actor"])


def test_a_start_the_store_refuses_says_why_beside_the_button(monkeypatch):
    monkeypatch.setattr("stancekit.pulse_store.MAX_TOPIC_BYTES", 10)
    at = open_app(PAGE, state={keys.CUSTOM_DATASET: _own_topic()})
    at.button(key="pulse_start").click().run()
    assert keys.PULSE_TEACHER not in at.session_state
    assert at.error[0].value.startswith("This topic is too large to share with a class")


def test_a_flood_of_answers_is_slowed_down_and_says_so():
    _, code, _ = _teacher()
    student = _student(code)
    student.session_state[keys.PULSE_SUBMIT_LIMIT] = RateLimit(burst=2, per_second=0.001)  # a nearly empty bucket
    questions = _questions(student)
    questions[0].set_value(2).run()
    _questions(student)[1].set_value(1).run()
    _questions(student)[2].set_value(0).run()
    assert student.error[0].value == "Too many answers at once\\. Wait a moment, then choose again\\."


def test_revealed_results_reach_the_students_and_the_projector_names_the_most_misjudged_issue():
    teacher, code, _ = _teacher()
    student = _student(code)
    _questions(student)[0].set_value(2).run()
    guess = _questions(student, "guess")[0]
    guess.set_value(-2).run()  # the US supports European troops (+1): the class guessed it opposed
    assert [t.label for t in student.tabs] == ["Where do you stand?", "Guess the stances"]  # nothing before reveal
    teacher.button(key="pulse_reveal").click().run()
    assert teacher.button(key="pulse_reveal").label == "Hide results"
    misjudged = [m.value for m in teacher.markdown if m.value.startswith("**Most misjudged: ")]
    assert misjudged and misjudged[0].startswith(
        "**Most misjudged: United States on European ground troops.** The class guessed −2"
    )
    assert any("Source:" in m.value for m in teacher.markdown)  # what the record says, and where it is from
    student.run()
    assert [t.label for t in student.tabs][:3] == ["Where do you stand?", "Guess the stances", "Results"]
    assert "How the class answered" in [h.value for h in student.subheader]
    assert "The record for United States" in [h.value for h in student.header]  # their guesses beside the record
    assert not student.exception


def test_students_guess_several_actors_and_the_projector_ranks_them_only_once_revealed():
    teacher, code, _ = _teacher()
    student = _student(code)
    _questions(student, "guess")  # open the guess tab
    whose = student.button_group(key=keys.PULSE_GUESSING + code)
    assert whose.options == ["United States", "Russia"] and whose.value == "United States"
    assert all("::United States::" in r.key for r in _questions(student, "guess"))
    _questions(student, "guess")[0].set_value(1).run()  # the US: right
    student.button_group(key=keys.PULSE_GUESSING + code).set_value("Russia").run()
    russia = _questions(student, "guess")
    assert all("::Russia::" in r.key for r in russia) and all(r.value == "skip" for r in russia)  # its own answers
    russia[0].set_value(2).run()  # Russia rejects European troops: far off
    teacher.run()
    assert "How well the class guessed" not in [h.value for h in teacher.subheader]  # no spoilers while guessing
    assert not [m for m in teacher.markdown if m.value.startswith("**Most misjudged")]
    teacher.button(key="pulse_reveal").click().run()
    assert "How well the class guessed" in [h.value for h in teacher.subheader]
    accuracy = teacher.dataframe[-1].value
    assert list(accuracy.iloc[:, 0]) == ["Russia", "United States"]  # most misjudged first
    assert any(m.value.startswith("**Most misjudged: Russia on European ground troops.**") for m in teacher.markdown)
    student.run()
    records = [h.value for h in student.header if h.value.startswith("The record")]
    assert records == ["The record for United States", "The record for Russia"]  # the student's guesses per actor


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
    assert "1 of 1 students answered" in [h.value for h in teacher.subheader]  # no second student
    reloaded.button(key="pulse_leave").click().run()
    assert keys.SEAT not in reloaded.query_params
    assert keys.PULSE_STUDENT not in reloaded.session_state


def test_a_seat_that_is_gone_sends_the_phone_back_to_the_join_form_with_a_reason():
    teacher, code, _ = _teacher()
    student = _student(code)
    _, student_id, pseudonym = student.session_state[keys.PULSE_STUDENT]
    teacher.button(key="pulse_end").click().run()
    reloaded = open_app(PAGE, params={keys.SEAT: f"{code}-{student_id}"})
    assert reloaded.error[0].value == "No class with this code is running. Check the code with your teacher."
    assert keys.SEAT not in reloaded.query_params and keys.PULSE_STUDENT not in reloaded.session_state
    forged = open_app(PAGE, params={keys.SEAT: "nonsense"})
    assert forged.error and keys.PULSE_STUDENT not in forged.session_state
