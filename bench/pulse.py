"""Class Pulse's database costs, on SQLite and (when available) PostgreSQL: what one projector refresh costs at
0, 30 and 200 students' answers (the one tally query, then the results the projector computes from it), and how
long a submission takes while a whole class submits at once.

    python -m bench.pulse                 # SQLite, plus a throwaway PostgreSQL if Debian's binaries are there
    python -m bench.pulse --students 30 200 --repeat 50

Loopback only, bounded in count and time; prints tables and never asserts.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

from sqlalchemy import Engine, create_engine

from stancekit import pulse_store as store
from stancekit.bundled import load_bundled
from stancekit.pulse import Answer
from stancekit.pulse_results import closest_actors, distribution, guess_accuracy, headcount, tally_frame
from stancekit.selection import latest_positions
from testkit.postgres import postgres_server

DATASET = load_bundled()
ISSUES = list(DATASET.quiz_issues)
ACTORS = list(DATASET.actors)
LATEST = latest_positions(DATASET.stances)
GUESSED = "United States"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _fill(engine: Engine, students: int, workers: int = 16) -> tuple[str, list[float]]:
    """A class with `students` students who each answer every question and guess every question, all at once;
    returns the code and each submission's latency (s)."""
    now = time.time()
    code, _ = store.create_class(engine, now, issues=ISSUES, guess_actors=[GUESSED])
    latencies: list[float] = []

    def lesson(index: int) -> list[float]:
        student = store.with_retries(lambda: store.join_class(engine, code, now)).student
        own = []
        for n, issue in enumerate(ISSUES):
            for answer in (
                Answer("stand", issue, (index + n) % 5 - 2),
                Answer("guess", issue, (index * n) % 5 - 2, GUESSED),
            ):
                started = time.perf_counter()
                store.with_retries(
                    lambda a=answer: store.submit(engine, code, student, a, now, issues=ISSUES, actors=ACTORS)
                )
                own.append(time.perf_counter() - started)
        return own

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for own in pool.map(lesson, range(students)):
            latencies += own
    return code, latencies


def _tick(engine: Engine, code: str) -> tuple[float, float]:
    """One projector refresh: (seconds in the query, seconds in the whole refresh)."""
    started = time.perf_counter()
    tally = tally_frame(store.tally(engine, code, time.time()).rows)
    queried = time.perf_counter() - started
    spread = distribution(tally, "before", ISSUES)
    headcount(tally, "before")
    if spread["answered"].sum():
        closest_actors(spread, LATEST)
        guess_accuracy(tally, "before", LATEST)
    return queried, time.perf_counter() - started


def run(name: str, engine: Engine, sizes: list[int], repeat: int) -> None:
    store.metadata.drop_all(engine)
    store.migrate(engine)
    print(f"\n{name}: projector refresh (one tally query, then the results), median of {repeat}")
    print(
        f"{'answers from':>14} {'rows sent':>10} {'query ms':>9} {'refresh ms':>11} {'submit p50 ms':>14} {'p95 ms':>7}"
    )
    for students in sizes:
        code, latencies = _fill(engine, students) if students else (store.create_class(engine, time.time())[0], [])
        ticks = [_tick(engine, code) for _ in range(repeat)]
        rows = len(store.tally(engine, code, time.time()).rows)
        p50 = f"{statistics.median(latencies) * 1000:.1f}" if latencies else "–"
        p95 = f"{_percentile(latencies, 0.95) * 1000:.1f}" if latencies else "–"
        print(
            f"{students:>5} students {rows:>10} {statistics.median(t[0] for t in ticks) * 1000:>9.1f} "
            f"{statistics.median(t[1] for t in ticks) * 1000:>11.1f} {p50:>14} {p95:>7}"
        )
    print(f"  ({len(ISSUES)} questions, each student answers all of them and guesses {GUESSED} on each;")
    print("   submissions come from 16 threads at once)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[0, 30, 200])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-postgres", action="store_true")
    options = parser.parse_args()
    with ExitStack() as stack:
        folder = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        sqlite = store.prepare(create_engine(f"sqlite:///{folder / 'pulse.db'}", pool_pre_ping=True))
        run("SQLite (WAL)", sqlite, options.students, options.repeat)
        if not options.no_postgres:
            try:
                server = stack.enter_context(postgres_server())
            except FileNotFoundError as missing:
                print(f"\nPostgreSQL: skipped ({missing})")
                return
            run("PostgreSQL", create_engine(server.url, pool_pre_ping=True), options.students, options.repeat)


if __name__ == "__main__":
    main()
