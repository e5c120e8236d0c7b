"""Class Pulse storage: classes, students and answers in SQL (SQLite by default, PostgreSQL for several
processes), through SQLAlchemy Core. Every statement is built by SQLAlchemy with bound parameters, never
from strings; the only database-specific parts are the upsert and SQLite's connection pragmas.

Times are seconds since the epoch (floats), so both databases compare them the same way.
The views reach this module through components/pulse_db.py, which opens the engine with st.connection.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    ForeignKeyConstraint,
    Index,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    and_,
    case,
    delete,
    event,
    func,
    literal,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError

from stancekit.i18n import N_, gettext
from stancekit.pulse import (
    LIFETIME,
    MAX_ACTIVE_CLASSES,
    MAX_GUESSED,
    MAX_STUDENTS,
    ROUNDS,
    Answer,
    answer_problem,
    new_code,
    new_student_id,
    new_token,
    pick_pseudonym,
    token_digest,
    token_matches,
)

GONE = N_("No class with this code is running. Check the code with your teacher.")
SCHEMA_VERSION = 1
TEXT = 200  # the longest issue or actor name kept
MAX_TOPIC_BYTES = 4_000_000  # an uploaded topic, packed (stancekit.topic_blob)

metadata = MetaData()
meta = Table(
    "pulse_meta",
    metadata,
    Column("key", String(32), primary_key=True),
    Column("value", String(64), nullable=False),
)
classes = Table(
    "pulse_classes",
    metadata,
    Column("code", String(8), primary_key=True),
    Column("token_digest", String(64), nullable=False),
    Column("created", Float, nullable=False),
    Column("expires", Float, nullable=False),
    Column("issues", Text, nullable=False, default=""),  # the teacher's pick, one per line; '' = all
    Column("topic", LargeBinary, nullable=True),  # an uploaded topic, kept for the class's lifetime only
    Column("topic_name", String(TEXT), nullable=False, default=""),
    Column("guess_actor", String(TEXT), nullable=False, default=""),  # the actors the class guesses, one per line
    Column("round", String(8), nullable=False, default=ROUNDS[0]),
    Column("open", Boolean, nullable=False, default=True),
    Column("revealed", Boolean, nullable=False, default=False),
    Index("pulse_classes_expires", "expires"),
)
students = Table(
    "pulse_students",
    metadata,
    Column("code", String(8), nullable=False),
    Column("student", String(32), nullable=False),
    Column("pseudonym", String(40), nullable=False),
    Column("joined", Float, nullable=False),
    Column("removed", Boolean, nullable=False, default=False),
    PrimaryKeyConstraint("code", "student"),
    UniqueConstraint("code", "pseudonym"),
    ForeignKeyConstraint(["code"], ["pulse_classes.code"], ondelete="CASCADE"),
)
answers = Table(
    "pulse_answers",
    metadata,
    Column("code", String(8), nullable=False),
    Column("student", String(32), nullable=False),
    Column("round", String(8), nullable=False),
    Column("activity", String(8), nullable=False),
    Column("issue", String(TEXT), nullable=False),
    Column("actor", String(TEXT), nullable=False, default=""),
    Column("value", SmallInteger, nullable=True),  # None: skipped
    Column("updated", Float, nullable=False),
    PrimaryKeyConstraint("code", "student", "round", "activity", "issue", "actor"),
    ForeignKeyConstraint(["code", "student"], ["pulse_students.code", "pulse_students.student"], ondelete="CASCADE"),
)


class PulseError(Exception):
    """A refusal with a message for the person in front of the screen: `msgid` (English, marked with N_) with
    its named `params`; `str()` is the English message, `say(lang)` the message in a language."""

    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid.format(**params))
        self.msgid, self.params = msgid, params

    def say(self, lang: str = "en") -> str:
        """The message in `lang`."""
        return gettext(lang)(self.msgid).format(**self.params)


class ClassUnavailable(PulseError):
    """No class with this code: never created, expired or ended."""


class NotTeacher(PulseError):
    """A control action without the class's teacher token."""


@dataclass(frozen=True)
class ClassInfo:
    code: str
    expires: float
    issues: str
    topic: bytes | None
    topic_name: str
    guess_actors: str  # one per line (stancekit.pulse.chosen_actors)
    round: str
    open: bool
    revealed: bool


@dataclass(frozen=True)
class Switches:
    """Where a class stands: its round, whether the round is open, whether results are revealed."""

    round: str
    open: bool
    revealed: bool


@dataclass(frozen=True)
class Student:
    student: str
    pseudonym: str


def prepare(engine: Engine, *, busy_ms: int = 5000) -> Engine:
    """Make an engine ready for many students: on SQLite, WAL (readers never wait for the writer), a busy timeout
    of `busy_ms` and foreign keys, set on every new connection. Call once, before connecting. (Open the engine
    with pool_pre_ping=True, so that a connection left dead by a database restart is replaced, not used.)"""
    if engine.dialect.name == "sqlite":

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 (DB-API objects)
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.close()

    return engine


def migrate(engine: Engine) -> int:
    """Create the schema, or bring an older one up to SCHEMA_VERSION; return the version. Refuses a database
    written by a newer version of the app."""
    metadata.create_all(engine, checkfirst=True)
    with engine.begin() as conn:
        found = conn.execute(select(meta.c.value).where(meta.c.key == "schema")).scalar()
        if found is None:
            conn.execute(meta.insert().values(key="schema", value=str(SCHEMA_VERSION)))
            return SCHEMA_VERSION
        version = int(found)
        if version > SCHEMA_VERSION:
            raise PulseError(f"The class database has schema {version}; this app knows up to {SCHEMA_VERSION}.")
        for step in range(version, SCHEMA_VERSION):  # one function per step, MIGRATIONS[1] takes 1 → 2
            MIGRATIONS[step](conn)
        conn.execute(update(meta).where(meta.c.key == "schema").values(value=str(SCHEMA_VERSION)))
        return SCHEMA_VERSION


MIGRATIONS: dict[int, Callable] = {}  # schema n → n + 1; none yet


def purge_expired(engine: Engine, now: float) -> int:
    """Delete every class past its lifetime, with its students and answers; return how many classes went."""
    with engine.begin() as conn:
        gone = select(classes.c.code).where(classes.c.expires <= now)
        conn.execute(delete(answers).where(answers.c.code.in_(gone)))
        conn.execute(delete(students).where(students.c.code.in_(gone)))
        return conn.execute(delete(classes).where(classes.c.expires <= now)).rowcount


def create_class(
    engine: Engine,
    now: float,
    *,
    issues: Sequence[str] = (),
    guess_actors: Sequence[str] = (),
    topic: bytes | None = None,
    topic_name: str = "",
) -> tuple[str, str]:
    """Open a class; return its join code and its teacher token (only its digest is stored). `topic` is an
    uploaded topic (stancekit.topic_blob.pack), kept with the class and deleted with it."""
    if len(guess_actors) > MAX_GUESSED or len("\n".join(guess_actors)) > TEXT:
        raise PulseError(N_("Choose at most {count} actors to guess, with shorter names."), count=MAX_GUESSED)
    if topic is not None and len(topic) > MAX_TOPIC_BYTES:
        raise PulseError(
            N_("This topic is too large to share with a class (over {size} MB)."), size=MAX_TOPIC_BYTES // 1_000_000
        )
    purge_expired(engine, now)
    token = new_token()
    with engine.begin() as conn:
        active = conn.execute(select(func.count()).select_from(classes)).scalar_one()
        if active >= MAX_ACTIVE_CLASSES:
            raise PulseError(N_("This server runs as many classes as it can. Try again later, or end an old class."))
    for _ in range(8):  # a code already in use (1 in a million per live class) is drawn again
        code = new_code()
        try:
            with engine.begin() as conn:
                conn.execute(
                    classes.insert().values(
                        code=code,
                        token_digest=token_digest(token),
                        created=now,
                        expires=now + LIFETIME.total_seconds(),
                        issues="\n".join(issues),
                        topic=topic,
                        topic_name=topic_name[:TEXT],
                        guess_actor="\n".join(guess_actors),
                        round=ROUNDS[0],
                        open=True,
                        revealed=False,
                    )
                )
            return code, token
        except IntegrityError:
            continue
    raise PulseError(N_("Could not draw a free class code. Try again."))


def class_info(engine: Engine, code: str, now: float) -> ClassInfo:
    """The live class with this code; ClassUnavailable when there is none (unknown, expired or ended)."""
    with engine.connect() as conn:
        row = conn.execute(select(classes).where(classes.c.code == code, classes.c.expires > now)).mappings().first()
    if row is None:
        raise ClassUnavailable(GONE)
    return ClassInfo(
        row["code"],
        row["expires"],
        row["issues"],
        row["topic"],
        row["topic_name"],
        row["guess_actor"],
        row["round"],
        bool(row["open"]),
        bool(row["revealed"]),
    )


def switches(engine: Engine, code: str, now: float) -> Switches:
    """The class's round and switches alone, without its topic or settings: what each answer checks and what
    a student's phone polls for; ClassUnavailable when the class is gone."""
    with engine.connect() as conn:
        row = conn.execute(
            select(classes.c.round, classes.c.open, classes.c.revealed).where(
                classes.c.code == code, classes.c.expires > now
            )
        ).first()
    if row is None:
        raise ClassUnavailable(GONE)
    return Switches(row.round, bool(row.open), bool(row.revealed))


def join_class(engine: Engine, code: str, now: float) -> Student:
    """A new anonymous student in the class, with a pseudonym no one else in it has."""
    class_info(engine, code, now)
    for _ in range(8):  # two students drawing the same pseudonym at once: the second draws again
        with engine.connect() as conn:
            taken = set(conn.execute(select(students.c.pseudonym).where(students.c.code == code)).scalars())
        if len(taken) >= MAX_STUDENTS:
            raise PulseError(N_("This class is full ({count} students)."), count=MAX_STUDENTS)
        student = Student(new_student_id(), pick_pseudonym(taken) or "")
        try:
            with engine.begin() as conn:
                conn.execute(
                    students.insert().values(
                        code=code, student=student.student, pseudonym=student.pseudonym, joined=now
                    )
                )
            return student
        except IntegrityError:
            continue
    raise PulseError(N_("Could not join the class. Try again."))


@dataclass(frozen=True)
class Seat:
    """A student back in their class (after a reload): who they are and what they have answered."""

    student: Student
    answers: tuple[tuple[str, Answer], ...]  # (round, answer)


def rejoin(engine: Engine, code: str, student: str, now: float) -> Seat:
    """The student's place in the class again, with their stored answers; PulseError when they were removed or
    never joined, ClassUnavailable when the class is gone."""
    class_info(engine, code, now)
    with engine.connect() as conn:
        pseudonym = _member(conn, code, student)
        rows = conn.execute(
            select(answers.c.round, answers.c.activity, answers.c.issue, answers.c.value, answers.c.actor).where(
                answers.c.code == code, answers.c.student == student
            )
        ).all()
    stored = tuple((row.round, Answer(row.activity, row.issue, row.value, row.actor)) for row in rows)
    return Seat(Student(student, pseudonym), stored)


def _member(conn: Connection, code: str, student: str) -> str:
    """The pseudonym of a student still in the class; PulseError when removed or never joined."""
    member = conn.execute(
        select(students.c.pseudonym, students.c.removed).where(students.c.code == code, students.c.student == student)
    ).first()
    if member is None or member.removed:
        raise PulseError(N_("You are not in this class any more. Join again with the code."))
    return member.pseudonym


def submit(
    engine: Engine,
    code: str,
    student: str,
    answer: Answer,
    now: float,
    *,
    issues: Sequence[str],
    actors: Sequence[str],
) -> None:
    """Keep a student's answer (a new one replaces the old), or refuse it with a reason."""
    info = switches(engine, code, now)
    if not info.open:
        raise PulseError(N_("The teacher has closed this round: your answers are kept as they were."))
    problem = answer_problem(answer, issues, actors)
    if problem:
        raise PulseError(problem)
    with engine.begin() as conn:
        _member(conn, code, student)
        values = dict(
            code=code,
            student=student,
            round=info.round,
            activity=answer.activity,
            issue=answer.issue,
            actor=answer.actor,
            value=answer.value,
            updated=now,
        )
        conn.execute(_upsert(engine, values))


def _upsert(engine: Engine, values: dict):  # noqa: ANN202 (a dialect's Insert)
    """INSERT … ON CONFLICT (the answer's key) DO UPDATE: one answer per student, round, activity and question."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(answers).values(**values)
    key = [c.name for c in answers.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=key, set_={"value": statement.excluded.value, "updated": statement.excluded.updated}
    )


def _authorise(conn, code: str, token: str | None, now: float) -> None:  # noqa: ANN001 (a Connection)
    row = conn.execute(select(classes.c.token_digest).where(classes.c.code == code, classes.c.expires > now)).first()
    if row is None:
        raise ClassUnavailable(N_("This class has ended or expired."))
    if not token_matches(token, row.token_digest):
        raise NotTeacher(N_("Only the teacher's link can do this."))


def check_teacher(engine: Engine, code: str, token: str | None, now: float) -> None:
    """Raise NotTeacher (or ClassUnavailable) unless `token` is the live class's teacher token."""
    with engine.connect() as conn:
        _authorise(conn, code, token, now)


def set_round(
    engine: Engine, code: str, token: str | None, now: float, *, round: str | None = None, open: bool | None = None
) -> None:
    """Teacher: move to another round (before/after) and/or open or close answering."""
    changes: dict = {}
    if round is not None:
        if round not in ROUNDS:
            raise PulseError("Unknown round.")
        changes["round"] = round
    if open is not None:
        changes["open"] = open
    with engine.begin() as conn:
        _authorise(conn, code, token, now)
        if changes:
            conn.execute(update(classes).where(classes.c.code == code).values(**changes))


def reveal(engine: Engine, code: str, token: str | None, now: float, revealed: bool = True) -> None:
    """Teacher: show (or hide) the results on the students' screens."""
    with engine.begin() as conn:
        _authorise(conn, code, token, now)
        conn.execute(update(classes).where(classes.c.code == code).values(revealed=revealed))


def remove_student(engine: Engine, code: str, token: str | None, now: float, pseudonym: str) -> int:
    """Teacher: delete a student's answers by pseudonym and keep them from answering again; 1 if found."""
    with engine.begin() as conn:
        _authorise(conn, code, token, now)
        who = select(students.c.student).where(students.c.code == code, students.c.pseudonym == pseudonym)
        conn.execute(delete(answers).where(answers.c.code == code, answers.c.student.in_(who)))
        return conn.execute(
            update(students).where(students.c.code == code, students.c.pseudonym == pseudonym).values(removed=True)
        ).rowcount


def pseudonyms(engine: Engine, code: str, token: str | None, now: float) -> list[str]:
    """Teacher: the pseudonyms of the students in the class, in alphabetical order."""
    with engine.begin() as conn:
        _authorise(conn, code, token, now)
        query = select(students.c.pseudonym).where(students.c.code == code, students.c.removed.is_(False))
        return sorted(conn.execute(query).scalars())


def end_class(engine: Engine, code: str, token: str | None, now: float) -> None:
    """Teacher: end the class now, deleting its answers, students and topic."""
    with engine.begin() as conn:
        _authorise(conn, code, token, now)
        conn.execute(delete(answers).where(answers.c.code == code))
        conn.execute(delete(students).where(students.c.code == code))
        conn.execute(delete(classes).where(classes.c.code == code))


@dataclass(frozen=True)
class Tally:
    """What a projector refresh reads: the class's current round and switches, and its answer counts as
    (kind, round, activity, issue, actor, value, count) rows (see stancekit.pulse_results.tally_frame)."""

    round: str
    open: bool
    revealed: bool
    rows: list[tuple]


def tally(engine: Engine, code: str, now: float) -> Tally:
    """Everything the projector shows, in one query (one round trip per refresh, however many students): the
    class's own row (kind 'class': its round, and open + 2 × revealed as the value), then kind 'answer' per answer
    value, 'answered' per round (students with at least one answer) and 'joined' (students in the class).
    ClassUnavailable when the class has ended or expired."""
    switches = (case((classes.c.open, 1), else_=0) + case((classes.c.revealed, 2), else_=0)).cast(SmallInteger)
    own = select(
        literal("class"),
        classes.c.round,
        literal(""),
        literal(""),
        literal(""),
        switches,
        literal(0),
    ).where(classes.c.code == code, classes.c.expires > now)
    by_value = (
        select(
            literal("answer").label("kind"),
            answers.c.round,
            answers.c.activity,
            answers.c.issue,
            answers.c.actor,
            answers.c.value,
            func.count().label("n"),
        )
        .where(answers.c.code == code)
        .group_by(answers.c.round, answers.c.activity, answers.c.issue, answers.c.actor, answers.c.value)
    )
    answered = (
        select(
            literal("answered"),
            answers.c.round,
            literal(""),
            literal(""),
            literal(""),
            literal(None, SmallInteger),
            func.count(answers.c.student.distinct()),
        )
        .where(answers.c.code == code)
        .group_by(answers.c.round)
    )
    joined = select(
        literal("joined"),
        literal(""),
        literal(""),
        literal(""),
        literal(""),
        literal(None, SmallInteger),
        func.count(),
    ).where(and_(students.c.code == code, students.c.removed.is_(False)))
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(own.union_all(by_value, answered, joined))]
    state = next((row for row in rows if row[0] == "class"), None)
    if state is None:
        raise ClassUnavailable(N_("This class has ended or expired."))
    return Tally(state[1], bool(state[5] & 1), bool(state[5] & 2), [row for row in rows if row[0] != "class"])


def export_rows(engine: Engine, code: str, token: str | None, now: float) -> list[dict]:
    """Teacher: the class's anonymous answers (pseudonym, round, activity, issue, actor, value), for a CSV."""
    with engine.begin() as conn:
        _authorise(conn, code, token, now)
        query = (
            select(
                students.c.pseudonym,
                answers.c.round,
                answers.c.activity,
                answers.c.issue,
                answers.c.actor,
                answers.c.value,
            )
            .join(students, and_(students.c.code == answers.c.code, students.c.student == answers.c.student))
            .where(answers.c.code == code)
            .order_by(answers.c.round, answers.c.activity, answers.c.issue, answers.c.actor, students.c.pseudonym)
        )
        return [dict(row) for row in conn.execute(query).mappings()]


Result = TypeVar("Result")
TRANSIENT = (OperationalError, DBAPIError)  # a locked SQLite file, a PostgreSQL server gone or restarting


def with_retries(
    call: Callable[[], Result],
    *,
    attempts: int = 6,
    delay: float = 0.25,
    on_retry: Callable[[int], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Result:
    """Run `call`; on a transient database error wait and try again (doubling the wait), telling `on_retry` the
    attempt number; after the last attempt the error goes up. Refusals (PulseError) are never retried."""
    for attempt in range(1, attempts + 1):
        try:
            return call()
        except TRANSIENT:
            if attempt == attempts:
                raise
            if on_retry:
                on_retry(attempt)
            sleep(delay * 2 ** (attempt - 1))
    raise AssertionError("unreachable")
