"""Class Pulse when the database falters, with real databases: a SQLite file locked by another writer, and a
PostgreSQL server stopped and started again mid-lesson. An answer is retried ("saving… retrying") and then saved
exactly once, or, if the database stays away, the error reaches the caller (the view says so): never lost silently."""

from __future__ import annotations

import os
import sqlite3
import threading
import time

import pytest
from sqlalchemy import create_engine
from sqlalchemy.exc import OperationalError

from stancekit import pulse_store as store
from stancekit.pulse import Answer
from testkit.postgres import postgres_server

NOW = time.time()
ISSUES, ACTORS = ["Troops"], ["Russia"]


def _lesson(engine):
    store.migrate(engine)
    code, _ = store.create_class(engine, NOW)
    return code, store.join_class(engine, code, NOW).student


def _send(engine, code, student, value, retries: list[int], attempts: int = 8):
    store.with_retries(
        lambda: store.submit(
            engine, code, student, Answer("stand", "Troops", value), NOW, issues=ISSUES, actors=ACTORS
        ),
        attempts=attempts,
        delay=0.2,
        on_retry=retries.append,
    )


def _stored(engine, code) -> list[tuple]:
    return [row for row in store.tally(engine, code, NOW).rows if row[0] == "answer"]


def test_a_locked_sqlite_file_is_waited_out_then_the_answer_saved_once(tmp_path):
    path = tmp_path / "pulse.db"
    engine = store.prepare(create_engine(f"sqlite:///{path}", pool_pre_ping=True), busy_ms=100)
    code, student = _lesson(engine)
    locker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    locker.execute("BEGIN EXCLUSIVE")  # another writer holds the file
    threading.Timer(1.5, lambda: locker.execute("COMMIT")).start()
    retries: list[int] = []
    started = time.monotonic()
    _send(engine, code, student, 2, retries)
    waited = time.monotonic() - started
    locker.close()
    assert retries, "the lock should have made the first attempt fail and be retried"
    assert waited >= 1.4
    assert _stored(engine, code) == [("answer", "before", "stand", "Troops", "", 2, 1)]


def test_a_lock_that_never_ends_reaches_the_caller(tmp_path):
    path = tmp_path / "pulse.db"
    engine = store.prepare(create_engine(f"sqlite:///{path}"), busy_ms=50)
    code, student = _lesson(engine)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN EXCLUSIVE")
    retries: list[int] = []
    with pytest.raises(OperationalError):
        _send(engine, code, student, 2, retries, attempts=3)
    locker.execute("COMMIT")
    locker.close()
    assert retries == [1, 2]
    assert _stored(engine, code) == []  # nothing half-written; the view tells the student to choose again


@pytest.fixture(scope="module")
def own_postgres():
    try:
        with postgres_server() as server:
            yield server
    except FileNotFoundError as missing:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(str(missing))
        pytest.skip(str(missing))


def test_postgresql_stopped_and_started_mid_lesson_loses_no_answer(own_postgres):
    engine = create_engine(own_postgres.url, pool_pre_ping=True)
    store.metadata.drop_all(engine)
    code, student = _lesson(engine)
    _send(engine, code, student, 1, [])
    own_postgres.stop()
    restart = threading.Timer(1.5, own_postgres.start)
    restart.start()
    retries: list[int] = []
    _send(engine, code, student, -2, retries)  # the server is down: retried until it is back
    restart.join()
    assert retries, "the stopped server should have made the first attempt fail"
    assert _stored(engine, code) == [("answer", "before", "stand", "Troops", "", -2, 1)]  # replaced, not doubled
    engine.dispose()
