"""Class Pulse storage against SQLite and PostgreSQL: schema, classes, joining, answers, teacher actions,
isolation between classes, expiry, and many students at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import Engine, event, select

from stancekit import pulse_store as store
from stancekit.pulse import LIFETIME, MAX_STUDENTS, Answer

NOW = 1_760_000_000.0
ISSUES, ACTORS = ["Troops", "Deal"], ["Russia", "France"]


def _submit(engine: Engine, code: str, student: str, answer: Answer, now: float = NOW) -> None:
    store.submit(engine, code, student, answer, now, issues=ISSUES, actors=ACTORS)


def _answers(engine: Engine, code: str) -> dict[tuple, int]:
    return {row[1:6]: row[6] for row in store.tally(engine, code, NOW).rows if row[0] == "answer"}


def _counts(engine: Engine, code: str) -> dict[str, int]:
    return {
        f"{row[0]}:{row[1]}" if row[1] else row[0]: row[6]
        for row in store.tally(engine, code, NOW).rows
        if row[0] != "answer"
    }


def test_the_schema_is_versioned_and_migrating_twice_changes_nothing(pulse_engine):
    assert store.migrate(pulse_engine) == store.SCHEMA_VERSION
    with pulse_engine.begin() as conn:
        conn.execute(store.meta.update().values(value=str(store.SCHEMA_VERSION + 1)))
    with pytest.raises(store.PulseError, match="this app knows up to"):
        store.migrate(pulse_engine)


def test_a_lesson_from_start_to_end(pulse_engine):
    code, token = store.create_class(pulse_engine, NOW, issues=["Troops"], guess_actors=["Russia"])
    info = store.class_info(pulse_engine, code, NOW)
    assert (info.issues, info.guess_actors, info.round, info.open, info.revealed) == (
        "Troops",
        "Russia",
        "before",
        True,
        False,
    )
    alice, bob = store.join_class(pulse_engine, code, NOW), store.join_class(pulse_engine, code, NOW)
    assert alice.pseudonym != bob.pseudonym and alice.student != bob.student
    _submit(pulse_engine, code, alice.student, Answer("stand", "Troops", 2))
    _submit(pulse_engine, code, alice.student, Answer("stand", "Troops", -1))  # a change replaces the answer
    _submit(pulse_engine, code, bob.student, Answer("stand", "Troops", -1))
    _submit(pulse_engine, code, bob.student, Answer("guess", "Troops", -2, "Russia"))
    assert _answers(pulse_engine, code) == {
        ("before", "stand", "Troops", "", -1): 2,
        ("before", "guess", "Troops", "Russia", -2): 1,
    }
    assert _counts(pulse_engine, code) == {"answered:before": 2, "joined": 2}

    store.set_round(pulse_engine, code, token, NOW, open=False)
    with pytest.raises(store.PulseError, match="closed this round"):
        _submit(pulse_engine, code, alice.student, Answer("stand", "Troops", 2))
    store.set_round(pulse_engine, code, token, NOW, round="after", open=True)
    _submit(pulse_engine, code, alice.student, Answer("stand", "Troops", 1))  # after the lesson: moved
    assert _answers(pulse_engine, code)[("after", "stand", "Troops", "", 1)] == 1
    assert _answers(pulse_engine, code)[("before", "stand", "Troops", "", -1)] == 2  # before is kept

    store.reveal(pulse_engine, code, token, NOW)
    assert store.class_info(pulse_engine, code, NOW).revealed
    rows = store.export_rows(pulse_engine, code, token, NOW)
    assert {r["pseudonym"] for r in rows} == {alice.pseudonym, bob.pseudonym}
    assert set(rows[0]) == {"pseudonym", "round", "activity", "issue", "actor", "value"}  # nothing personal

    assert store.remove_student(pulse_engine, code, token, NOW, bob.pseudonym) == 1
    assert _counts(pulse_engine, code) == {"answered:before": 1, "answered:after": 1, "joined": 1}
    with pytest.raises(store.PulseError, match="not in this class any more"):
        _submit(pulse_engine, code, bob.student, Answer("stand", "Troops", 2))

    store.end_class(pulse_engine, code, token, NOW)
    with pytest.raises(store.ClassUnavailable):
        store.class_info(pulse_engine, code, NOW)
    with pulse_engine.connect() as conn:  # ending deletes the answers and the students
        assert conn.execute(select(store.answers)).all() == []
        assert conn.execute(select(store.students)).all() == []


def test_every_control_action_needs_the_teacher_token(pulse_engine):
    code, token = store.create_class(pulse_engine, NOW)
    other_code, other_token = store.create_class(pulse_engine, NOW)
    forged = [None, "", token[:-2], other_token, token.upper() if token.upper() != token else token.lower()]
    for bad in forged:
        for action in (
            lambda t: store.set_round(pulse_engine, code, t, NOW, open=False),
            lambda t: store.reveal(pulse_engine, code, t, NOW),
            lambda t: store.remove_student(pulse_engine, code, t, NOW, "Blue Heron"),
            lambda t: store.end_class(pulse_engine, code, t, NOW),
            lambda t: store.export_rows(pulse_engine, code, t, NOW),
        ):
            with pytest.raises(store.NotTeacher):
                action(bad)
    assert store.class_info(pulse_engine, code, NOW).open  # nothing happened


def test_classes_are_isolated(pulse_engine):
    first, _ = store.create_class(pulse_engine, NOW)
    second, second_token = store.create_class(pulse_engine, NOW)
    alice = store.join_class(pulse_engine, first, NOW)
    _submit(pulse_engine, first, alice.student, Answer("stand", "Deal", 2))
    with pytest.raises(store.PulseError, match="not in this class"):  # her id means nothing in another class
        _submit(pulse_engine, second, alice.student, Answer("stand", "Deal", -2))
    assert _answers(pulse_engine, second) == {}
    assert store.export_rows(pulse_engine, second, second_token, NOW) == []
    assert _answers(pulse_engine, first) == {("before", "stand", "Deal", "", 2): 1}


def test_bad_answers_and_unknown_codes_are_refused_with_a_reason(pulse_engine):
    code, _ = store.create_class(pulse_engine, NOW)
    student = store.join_class(pulse_engine, code, NOW).student
    for answer, reason in (
        (Answer("stand", "Atlantis", 1), "not part of the class"),
        (Answer("stand", "Troops", 7), "from −2 to \\+2"),
        (Answer("guess", "Troops", 1, "Mars"), "one of the actors"),
    ):
        with pytest.raises(store.PulseError, match=reason):
            _submit(pulse_engine, code, student, answer)
    with pytest.raises(store.ClassUnavailable, match="Check the code"):
        store.join_class(pulse_engine, "ZZZZZZ", NOW)
    assert _answers(pulse_engine, code) == {}


def test_classes_expire_with_their_answers(pulse_engine):
    code, _ = store.create_class(pulse_engine, NOW)
    student = store.join_class(pulse_engine, code, NOW).student
    _submit(pulse_engine, code, student, Answer("stand", "Deal", 1))
    later = NOW + LIFETIME.total_seconds() + 1
    with pytest.raises(store.ClassUnavailable):
        store.join_class(pulse_engine, code, later)
    with pytest.raises(store.ClassUnavailable):
        _submit(pulse_engine, code, student, Answer("stand", "Deal", 1), now=later)
    assert store.purge_expired(pulse_engine, later) == 1
    with pulse_engine.connect() as conn:
        assert conn.execute(select(store.answers)).all() == []


def test_a_class_takes_at_most_its_limit_of_students(pulse_engine, monkeypatch):
    monkeypatch.setattr(store, "MAX_STUDENTS", 3)
    code, _ = store.create_class(pulse_engine, NOW)
    for _ in range(3):
        store.join_class(pulse_engine, code, NOW)
    with pytest.raises(store.PulseError, match="full"):
        store.join_class(pulse_engine, code, NOW)
    assert MAX_STUDENTS == 200


@pytest.mark.parametrize("students", [30, 200])
def test_many_students_at_once_lose_and_duplicate_nothing(pulse_engine, students):
    code, _ = store.create_class(pulse_engine, NOW)

    def lesson(index: int) -> list[Answer]:
        student = store.with_retries(lambda: store.join_class(pulse_engine, code, NOW)).student
        sent = [Answer("stand", issue, (index + n) % 5 - 2) for n, issue in enumerate(ISSUES)]
        sent.append(Answer("guess", "Troops", index % 5 - 2, ACTORS[index % 2]))
        for answer in sent:
            store.with_retries(lambda answer=answer: _submit(pulse_engine, code, student, answer))
        store.with_retries(lambda: _submit(pulse_engine, code, student, sent[0]))  # a replayed submission
        return sent

    with ThreadPoolExecutor(max_workers=16) as pool:
        sent = [a for answers in pool.map(lesson, range(students)) for a in answers]
    expected: dict[tuple, int] = {}
    for a in sent:
        key = ("before", a.activity, a.issue, a.actor, a.value)
        expected[key] = expected.get(key, 0) + 1
    assert _answers(pulse_engine, code) == expected  # every answer once: none lost, the replay not counted twice
    assert _counts(pulse_engine, code) == {"answered:before": students, "joined": students}


def test_a_projector_refresh_is_one_statement_with_the_class_switches(pulse_engine):
    code, token = store.create_class(pulse_engine, NOW)
    alice = store.join_class(pulse_engine, code, NOW)
    _submit(pulse_engine, code, alice.student, Answer("stand", "Troops", 1))
    store.set_round(pulse_engine, code, token, NOW, round="after", open=False)
    store.reveal(pulse_engine, code, token, NOW)
    statements: list[str] = []
    event.listen(pulse_engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    live = store.tally(pulse_engine, code, NOW)
    assert len(statements) == 1
    assert (live.round, live.open, live.revealed) == ("after", False, True)
    assert ("answer", "before", "stand", "Troops", "", 1, 1) in live.rows
    store.end_class(pulse_engine, code, token, NOW)
    with pytest.raises(store.ClassUnavailable):
        store.tally(pulse_engine, code, NOW)


def test_a_class_keeps_its_topic_and_its_actors_to_guess_until_it_ends(pulse_engine):
    code, token = store.create_class(
        pulse_engine, NOW, guess_actors=["United States", "Russia"], topic=b"zip bytes", topic_name="Mine"
    )
    info = store.class_info(pulse_engine, code, NOW)
    assert (info.topic, info.topic_name, info.guess_actors) == (b"zip bytes", "Mine", "United States\nRussia")
    store.end_class(pulse_engine, code, token, NOW)
    with pulse_engine.connect() as conn:
        assert conn.execute(select(store.classes.c.topic)).all() == []  # deleted with the class


def test_too_many_actors_or_too_large_a_topic_is_refused_before_anything_is_stored(pulse_engine):
    with pytest.raises(store.PulseError, match="at most 4 actors"):
        store.create_class(pulse_engine, NOW, guess_actors=["A", "B", "C", "D", "E"])
    with pytest.raises(store.PulseError, match="too large"):
        store.create_class(pulse_engine, NOW, topic=b"x" * (store.MAX_TOPIC_BYTES + 1))
    with pulse_engine.connect() as conn:
        assert conn.execute(select(store.classes.c.code)).all() == []


def test_a_student_back_after_a_reload_finds_their_pseudonym_and_answers_until_removed(pulse_engine):
    code, token = store.create_class(pulse_engine, NOW, issues=ISSUES, guess_actors=["Russia"])
    alice, bob = store.join_class(pulse_engine, code, NOW), store.join_class(pulse_engine, code, NOW)
    _submit(pulse_engine, code, alice.student, Answer("stand", "Troops", 2))
    _submit(pulse_engine, code, alice.student, Answer("guess", "Deal", None, "Russia"))  # "No idea"
    _submit(pulse_engine, code, bob.student, Answer("stand", "Troops", -1))
    back = store.rejoin(pulse_engine, code, alice.student, NOW)
    assert back.student == alice
    assert sorted(back.answers, key=str) == sorted(
        [("before", Answer("stand", "Troops", 2)), ("before", Answer("guess", "Deal", None, "Russia"))], key=str
    )  # hers only, the skip kept as a skip
    with pytest.raises(store.PulseError, match="not in this class"):
        store.rejoin(pulse_engine, code, "0" * 32, NOW)  # a seat never taken
    store.remove_student(pulse_engine, code, token, NOW, alice.pseudonym)
    with pytest.raises(store.PulseError, match="not in this class"):
        store.rejoin(pulse_engine, code, alice.student, NOW)
    store.end_class(pulse_engine, code, token, NOW)
    with pytest.raises(store.ClassUnavailable):
        store.rejoin(pulse_engine, code, bob.student, NOW)
