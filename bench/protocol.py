"""Sessions without a browser: N Streamlit sessions against one server, each speaking Streamlit's own websocket
protocol (bench/st_client.py), so the machine's cores serve the app instead of rendering it.

- `--scenario overview`: each session opens the overview (time to its first chart and to the end of the run),
  then picks a bloc in the sidebar (time to the end of that rerun, which must draw a chart again);
- `--scenario class`: a teacher session starts a Class Pulse class; N students open its join link, press Join
  and answer every question (time of each submission), while the teacher's projector refreshes on its own
  timer (time of each refresh); then the database must hold every answer exactly once, as chosen.

The app is started here (`streamlit run dashboard.py`, loopback, a fresh Class Pulse database), warmed up with
one session, then the N sessions arrive evenly within --spread seconds. Bounded: each run times out after
--timeout seconds and the whole measurement stops at --deadline. Prints figures and never asserts.

    python -m bench.protocol --sessions 30 --spread 5
    python -m bench.protocol --scenario class --sessions 30 --spread 5 --json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import protocol_class
from bench.classroom import BLOCS, percentile
from bench.measure import cpu_seconds, rss_mib
from bench.st_client import Session
from components import keys
from components.pulse_db import ENVIRONMENT
from testkit.server import streamlit_server


@dataclass
class Visit:
    """One overview session: seconds to its first chart and run end, then to the end of the filter's rerun."""

    index: int
    first_chart_s: float = float("nan")
    finished_s: float = float("nan")
    filter_s: float = float("nan")
    bytes_received: int = 0
    cached_refs: int = 0
    errors: list[str] = field(default_factory=list)


async def visit(url: str, index: int, delay: float, timeout: float, hold: Hold | None = None) -> Visit:
    """Open the overview, then choose one bloc (each session its own); with `hold`, stay connected until every
    session is done, so the server's memory can be read with all of them open."""
    result = Visit(index)
    await asyncio.sleep(delay)
    try:
        async with Session(url, timeout) as s:
            opened = await s.open()
            result.first_chart_s, result.finished_s = opened.first_chart_s, opened.finished_s
            if not opened.charts:
                s.errors.append("the overview drew no chart")
            filtered = await s.set(s.widget(key=keys.BLOCS, kind="multiselect"), [BLOCS[index % len(BLOCS)]])
            result.filter_s = filtered.finished_s
            if not filtered.charts:
                s.errors.append("the filtered overview drew no chart")
            result.bytes_received, result.cached_refs, result.errors = s.bytes_received, s.cached_refs, s.errors
            if hold is not None:
                await hold.wait()
    except Exception as error:  # a failure of this session, reported, not raised
        result.errors.append(f"{type(error).__name__}: {str(error)[:160]}")
    return result


class Hold:
    """Sessions that have done their part and wait, connected, until every one has (or time is up)."""

    def __init__(self, sessions: int) -> None:
        self.sessions, self.waiting, self.release = sessions, 0, asyncio.Event()

    async def wait(self) -> None:
        self.waiting += 1
        await self.release.wait()

    async def everyone(self, tasks: list[asyncio.Task], deadline: float) -> None:
        """Until every session waits here or has ended (e.g. failed), or the deadline."""
        while self.waiting + sum(t.done() for t in tasks) < self.sessions and time.monotonic() < deadline:
            await asyncio.sleep(0.2)


async def within(tasks: list[asyncio.Task], deadline: float) -> tuple[list, int]:
    """Wait for the tasks until the monotonic `deadline`; the results of those that finished, and how many were
    cancelled unfinished."""
    done, pending = await asyncio.wait(tasks, timeout=max(deadline - time.monotonic(), 0))
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    return [task.result() for task in tasks if task in done], len(pending)


async def peak_rss(pid: int, stop: asyncio.Event) -> float:
    """The server's largest resident memory (MiB), sampled twice a second until `stop`."""
    peak = rss_mib(pid)
    while not stop.is_set():
        await asyncio.sleep(0.5)
        peak = max(peak, rss_mib(pid))
    return peak


async def overview(url: str, pid: int, options: argparse.Namespace, deadline: float) -> dict:
    """The overview scenario: the sessions' visits, and the server's memory (with them all open) and CPU."""
    await visit(url, -1, 0, options.timeout)  # warm-up: the caches and the first imports are not measured
    before, cpu = rss_mib(pid), cpu_seconds(pid)
    stop, hold = asyncio.Event(), Hold(options.sessions)
    sampler = asyncio.create_task(peak_rss(pid, stop))
    gap = options.spread / max(options.sessions - 1, 1)
    started = time.perf_counter()
    tasks = [asyncio.create_task(visit(url, i, i * gap, options.timeout, hold)) for i in range(options.sessions)]
    await hold.everyone(tasks, deadline)
    open_rss, wall = rss_mib(pid), time.perf_counter() - started
    hold.release.set()
    results, unfinished = await within(tasks, deadline + 30)
    stop.set()
    return {
        "scenario": "overview",
        "results": results,
        "unfinished": unfinished,
        "wall_s": wall,
        "rss_before_mib": before,
        "rss_open_mib": open_rss,
        "rss_peak_mib": await sampler,
        "server_cpu_s": cpu_seconds(pid) - cpu,
    }


async def lesson(url: str, pid: int, options: argparse.Namespace, deadline: float) -> dict:
    """The class scenario: the students, the projector's refreshes under load and after, what the database
    holds against what the students chose, and the server's memory and CPU."""
    await visit(url, -1, 0, options.timeout)  # warm-up, as for the overview
    async with Session(url, options.timeout) as teacher:
        await teacher.open("classroom")
        await teacher.click(teacher.widget(key="pulse_start"))
        code = "".join(teacher.text_under("pulse_code")).strip("# \n")
        if not code or not teacher.fragments:
            raise RuntimeError(f"the teacher's page shows no class code or projector: {teacher.errors}")
        before, cpu = rss_mib(pid), cpu_seconds(pid)
        stop, ticking = asyncio.Event(), []
        sampler = asyncio.create_task(peak_rss(pid, stop))
        projector = asyncio.create_task(protocol_class.projector(teacher, stop, ticking))
        gap = options.spread / max(options.sessions - 1, 1)
        started = time.perf_counter()
        results = [protocol_class.Student(i) for i in range(options.sessions)]
        tasks = [
            asyncio.create_task(protocol_class.student(url, code, s, s.index * gap, options.timeout, options.think))
            for s in results
        ]
        await within(tasks, deadline)
        wall, open_rss = time.perf_counter() - started, rss_mib(pid)
        stop.set()
        await projector
        fragment = next(iter(teacher.fragments))
        after = [(await teacher.rerun(fragment=fragment)).finished_s for _ in range(5)]
        teacher_errors = teacher.errors
    problems = protocol_class.check_answers(options.database, code, results)
    return {
        "scenario": "class",
        "code": code,
        "results": results,
        "unfinished": sum(not s.finished for s in results),
        "wall_s": wall,
        "answers": sum(len(s.expected) for s in results),
        "answers_unsure": sum(len(s.unsure) for s in results),
        "answer_problems": problems,
        "ticks_during_s": ticking,
        "ticks_after_s": after,
        "tally_s": protocol_class.tally_seconds(options.database, code),
        "teacher_errors": teacher_errors,
        "rss_before_mib": before,
        "rss_open_mib": open_rss,
        "rss_peak_mib": await sampler,
        "server_cpu_s": cpu_seconds(pid) - cpu,
    }


def _line(name: str, values: list[float]) -> str:
    values = [v for v in values if v == v]
    if not values:
        return f"{name:<28} –"
    return (
        f"{name:<28} p50 {statistics.median(values):7.3f}   p95 {percentile(values, 0.95):7.3f}   "
        f"p99 {percentile(values, 0.99):7.3f}   max {max(values):7.3f}   (n={len(values)})"
    )


def report(outcome: dict, options: argparse.Namespace) -> str:
    results = outcome["results"]
    failed = [r for r in results if r.errors]
    thinking = f", {options.think:g} s per answer" if outcome["scenario"] == "class" and options.think else ""
    lines = [
        f"{outcome['scenario']}: {options.sessions} sessions arriving within {options.spread:g} s{thinking}; "
        f"{len(failed)} with errors, {outcome['unfinished']} unfinished at the deadline; "
        f"the sessions ran for {outcome['wall_s']:.1f} s"
    ]
    if outcome["scenario"] == "overview":
        lines += [
            _line("first chart (s)", [r.first_chart_s for r in results]),
            _line("run finished (s)", [r.finished_s for r in results]),
            _line("bloc filter → finished (s)", [r.filter_s for r in results]),
        ]
        refs = sum(r.cached_refs for r in results)
        lines.append(f"cached-message references received: {refs}")
    else:
        lines += [
            _line("open + Join (s)", [r.joined_s for r in results]),
            _line("answer → finished (s)", [t for r in results for t in r.submits_s]),
            _line("projector tick, loaded (s)", outcome["ticks_during_s"]),
            _line("projector tick, after (s)", outcome["ticks_after_s"]),
            f"tally query alone: {outcome['tally_s'] * 1000:.1f} ms; answers confirmed {outcome['answers']} "
            f"(+{outcome['answers_unsure']} sent, run unfinished); problems in the database: "
            f"{len(outcome['answer_problems'])}",
        ]
        lines += [f"  {problem}" for problem in outcome["answer_problems"][:10]]
        lines += [f"  teacher: {error}" for error in outcome["teacher_errors"]]
    per = max(options.sessions, 1)
    lines += [
        f"bytes received per session: {statistics.mean(r.bytes_received for r in results) / 1024:.0f} KiB"
        if results
        else "bytes received: –",
        f"server RSS: {outcome['rss_before_mib']:.0f} MiB after the warm-up, {outcome['rss_open_mib']:.0f} MiB "
        f"with the sessions done, peak {outcome['rss_peak_mib']:.0f} MiB",
        f"server CPU: {outcome['server_cpu_s']:.1f} s ({outcome['server_cpu_s'] / per:.2f} s per session); "
        f"this client's own CPU, on the same cores: {outcome['client_cpu_s']:.1f} s",
    ]
    lines += [f"  session {r.index}: {'; '.join(r.errors)[:300]}" for r in failed[:10]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["overview", "class"], default="overview")
    parser.add_argument("--sessions", type=int, default=30, help="sessions (class: students)")
    parser.add_argument("--spread", type=float, default=5.0, help="arrivals spread evenly over this many seconds")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds one script run may take")
    parser.add_argument("--think", type=float, default=0.0, help="class: seconds a student takes per answer")
    parser.add_argument("--deadline", type=float, default=600.0, help="seconds the whole measurement may take")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    options = parser.parse_args()
    print(json.dumps(measure(options), default=asdict) if options.json else report(measure(options), options))


def measure(options: argparse.Namespace, folder: Path | None = None) -> dict:
    """Start the app on a fresh Class Pulse database (in `folder`, else a temporary one), run the scenario
    against it, stop it."""
    with tempfile.TemporaryDirectory() as scratch:
        options.database = f"sqlite:///{Path(folder or scratch) / 'pulse.db'}"
        with streamlit_server(env={ENVIRONMENT: options.database}) as server:
            scenario = overview if options.scenario == "overview" else lesson
            started = time.process_time()
            # A loop of its own in a thread of its own: the caller's thread may have one running already
            # (Playwright's sync API, in a test session that ran the browser tests first).
            with ThreadPoolExecutor(1) as pool:
                running = pool.submit(
                    asyncio.run, scenario(server.url, server.pid, options, time.monotonic() + options.deadline)
                )
                outcome = running.result()
            return {**outcome, "client_cpu_s": time.process_time() - started}


if __name__ == "__main__":
    main()
