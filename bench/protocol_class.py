"""Class Pulse over the protocol (the `class` scenario of bench.protocol): a teacher session starts a class,
N student sessions join it by its link and answer every question on their phones' page, while the teacher's
projector fragment refreshes on its own timer. Then the database is read directly: every answer must be stored
exactly once, with the value the student chose."""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass, field

from sqlalchemy import and_, create_engine, select

from bench.st_client import Session
from components import keys
from stancekit import pulse_store as store
from stancekit.scale import POSITIONS

PSEUDONYM = re.compile(r"You are \*\*(.+?)\*\* in class")
GUESS_TAB = "Guess the stances"  # components/classroom_student.py's second tab
OPTIONS = [*reversed(POSITIONS)]  # components.common.scale_radio's order; the last option is the skip


@dataclass
class Student:
    index: int
    pseudonym: str = ""
    joined_s: float = float("nan")
    submits_s: list[float] = field(default_factory=list)
    expected: dict[tuple[str, str, str], int] = field(default_factory=dict)  # (activity, issue, actor) → value
    unsure: dict[tuple[str, str, str], int] = field(default_factory=dict)  # sent, but its run never finished
    errors: list[str] = field(default_factory=list)
    bytes_received: int = 0
    finished: bool = False  # False: stopped at the deadline, or failed


def _answer_of(widget_id: str) -> tuple[str, str, str]:
    """(activity, issue, actor) from a question's widget id, which ends with its key (see classroom_student)."""
    key = widget_id[widget_id.index(keys.PULSE_ANSWER) + len(keys.PULSE_ANSWER) :]
    _code, _round, activity, actor, issue = key.split("::", 4)
    return activity, issue, actor


async def student(url: str, code: str, result: Student, delay: float, timeout: float, think: float = 0) -> None:
    """Open the join link, press Join, answer every question shown (each a different choice per student),
    `think` seconds before each answer (0: as fast as the server answers). Fills in `result` as it goes, so a
    student cancelled at the deadline still says what it sent."""
    await asyncio.sleep(delay)
    try:
        async with Session(url, timeout) as s:
            started = time.perf_counter()
            await s.open("classroom", f"{keys.CLASS_CODE}={code}")
            await s.click(s.widget(key="pulse_join"))
            result.joined_s = time.perf_counter() - started
            found = [PSEUDONYM.search(e.proto.body) for e in s.of_kind("markdown")]
            result.pseudonym = next((m.group(1).replace("\\", "") for m in found if m), "")
            if not result.pseudonym:
                result.errors.append("no pseudonym after Join")
            try:
                polled, n = time.perf_counter(), 0
                for tab in (None, GUESS_TAB):  # the stances' tab is open on joining; then the guesses' tab
                    if tab is not None:
                        await s.open_tab(keys.PULSE_TAB, tab)
                    for radio in s.of_kind("radio"):
                        await asyncio.sleep(think)
                        if s.fragments and time.perf_counter() - polled >= min(s.fragments.values()):
                            for fragment in list(s.fragments):  # the phone's own timer: the class's switches
                                await s.rerun(fragment=fragment)
                            polled = time.perf_counter()
                        choice, answer = (result.index + n) % len(OPTIONS), _answer_of(radio.proto.id)
                        n += 1
                        result.unsure[answer] = OPTIONS[choice]
                        run = await s.set(radio, radio.proto.options[choice])
                        if run.done.is_set():
                            result.expected[answer] = result.unsure.pop(answer)
                            result.submits_s.append(run.finished_s)
                result.finished = True
            finally:
                result.errors += s.errors
                result.bytes_received = s.bytes_received
    except Exception as error:  # a failure of this session, reported, not raised
        result.errors.append(f"{type(error).__name__}: {str(error)[:160]}")


async def projector(teacher: Session, stop: asyncio.Event, ticks: list[float]) -> None:
    """The teacher's projector: rerun its fragment on the timer the server asked for, timing each refresh."""
    fragment, interval = next(iter(teacher.fragments.items()))
    while not stop.is_set() and not teacher.closed:
        run = await teacher.rerun(fragment=fragment)
        ticks.append(run.finished_s)
        try:
            await asyncio.wait_for(stop.wait(), interval)
        except TimeoutError:
            pass


def check_answers(database: str, code: str, students: list[Student]) -> list[str]:
    """What the database holds against what the students chose: lost, unexpected or wrong answers (a
    duplicate cannot be stored: the answers' primary key is per student, round, question and actor)."""
    engine = create_engine(database)
    answers, students_ = store.answers, store.students
    joined = answers.join(students_, and_(students_.c.code == answers.c.code, students_.c.student == answers.c.student))
    query = (
        select(students_.c.pseudonym, answers.c.activity, answers.c.issue, answers.c.actor, answers.c.value)
        .select_from(joined)
        .where(answers.c.code == code)
    )
    with engine.connect() as conn:
        stored = [tuple(row) for row in conn.execute(query)]
    engine.dispose()
    keys_stored = [row[:4] for row in stored]
    problems = [f"stored twice: {row}" for row in set(keys_stored) if keys_stored.count(row) > 1]
    found = {row[:4]: row[4] for row in stored}
    for s in students:
        for (activity, issue, actor), value in s.expected.items():
            got = found.pop((s.pseudonym, activity, issue, actor), "missing")
            if got != value:
                problems.append(f"{s.pseudonym} {activity} {issue} {actor}: stored {got}, chose {value}")
        for (activity, issue, actor), value in s.unsure.items():  # stored or not, but if stored, as chosen
            got = found.pop((s.pseudonym, activity, issue, actor), value)
            if got != value:
                problems.append(f"{s.pseudonym} {activity} {issue} {actor}: stored {got}, chose {value}")
    problems += [f"not chosen by any student: {row}" for row in found]
    return problems


def tally_seconds(database: str, code: str, repeat: int = 10) -> float:
    """The median time of the projector's one query (stancekit.pulse_store.tally), read directly."""
    engine = store.prepare(create_engine(database))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        store.tally(engine, code, time.time())
        times.append(time.perf_counter() - started)
    engine.dispose()
    return sorted(times)[len(times) // 2]
