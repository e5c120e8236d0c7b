"""A classroom at once: N concurrent browser sessions against one server.

Each session opens the overview (time to first chart), chooses a bloc in the sidebar (time until the app
is idle again, then checks that its own view shows only that bloc), and takes the "Where do you stand?"
quiz with answers of its own (checks that its results are its own). Reports failures, p50/p95 times and
the server's memory before and with all sessions open.

    python -m bench.classroom --sessions 30
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import time
from dataclasses import asdict, dataclass, field

from playwright.async_api import Browser, Page, async_playwright

from bench.measure import cpu_seconds, rss_mib
from testkit.server import CHROMIUM_FLAGS, IDLE, chromium_path, streamlit_server

BLOCS = ["Europe", "United States", "Ukraine", "Russia", "NATO"]
TIMEOUT_MS = 120_000


@dataclass
class SessionResult:
    index: int
    first_chart_s: float = float("nan")
    filter_idle_s: float = float("nan")
    quiz_result_s: float = float("nan")
    errors: list[str] = field(default_factory=list)


async def _idle(page: Page) -> None:
    """Wait until a script run has started and finished (the state flips to running, then back)."""
    try:
        await page.wait_for_selector("[data-testid=stApp][data-test-script-state=running]", timeout=5_000)
    except Exception:  # the run may have finished before we looked
        pass
    await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)


async def _navigate(page: Page, path: str) -> None:
    """Client-side navigation within the same session, keeping the view's query parameters, as a click in
    the app's own menu does."""
    await page.evaluate(
        "path => { history.pushState({}, '', path + location.search); dispatchEvent(new PopStateEvent('popstate')); }",
        f"/{path}",
    )
    await _idle(page)


async def one_session(
    browser: Browser,
    url: str,
    index: int,
    keep_open: asyncio.Event,
    done: asyncio.Event | None = None,
    delay: float = 0.0,
) -> SessionResult:
    result = SessionResult(index)
    await asyncio.sleep(delay)
    bloc = BLOCS[index % len(BLOCS)]
    context = await browser.new_context(viewport={"width": 1280, "height": 720})
    page = await context.new_page()
    try:
        start = time.perf_counter()
        await page.goto(url, timeout=TIMEOUT_MS)
        await page.locator("[data-testid=stPlotlyChart] .main-svg").first.wait_for(timeout=TIMEOUT_MS)
        result.first_chart_s = time.perf_counter() - start
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)

        start = time.perf_counter()
        await page.get_by_role("combobox", name="Blocs").click()
        await page.get_by_role("option", name=bloc, exact=True).click()
        await page.keyboard.press("Escape")
        await _idle(page)
        result.filter_idle_s = time.perf_counter() - start
        if f"blocs={bloc.replace(' ', '+')}" not in page.url:
            result.errors.append(f"the URL does not carry the chosen bloc: {page.url}")

        await _navigate(page, "stand")
        radios = page.locator("[data-testid=stRadio]")
        await radios.first.wait_for(timeout=TIMEOUT_MS)
        choice = index % 5  # each session answers differently: option `choice` on the first question
        await radios.nth(0).get_by_role("radiogroup").locator("label").nth(choice).click()
        start = time.perf_counter()
        await page.get_by_role("button", name="Show my matches").click()
        await page.get_by_role("heading", name="Your matches").wait_for(timeout=TIMEOUT_MS)
        await page.wait_for_selector(IDLE, timeout=TIMEOUT_MS)
        result.quiz_result_s = time.perf_counter() - start
        answered = await page.get_by_text("You answered 1 of").count()
        if not answered:
            result.errors.append("the results do not reflect this session's single answer")
        sidebar_chip = await page.locator("[data-testid=stSidebar]").get_by_text(bloc, exact=True).count()
        if not sidebar_chip:
            result.errors.append("the session lost its own bloc filter")
        if await page.locator("[data-testid=stException]").count():
            result.errors.append("an exception box was shown")
    except Exception as error:  # a failure of this session, reported, not raised
        result.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0][:160]}")
    finally:
        if done is not None:
            done.set()
        await keep_open.wait()  # hold the session open until every session has finished
        await context.close()
    return result


async def run_classroom(url: str, sessions: int, pid: int | None = None, stagger: float = 0.0) -> dict:
    """Run `sessions` concurrent sessions, arriving evenly over `stagger` seconds (0: all at once); return
    per-session results, the server's memory and the server CPU time the sessions cost."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found: install Debian's chromium package or set CHROMIUM_PATH")
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        # warm up with one session (closed again), so 'before' is the memory of a served app, not a cold one
        no_wait = asyncio.Event()
        no_wait.set()
        await one_session(browser, url, 0, no_wait)
        rss_before = rss_mib(pid) if pid else float("nan")
        cpu_before = cpu_seconds(pid) if pid else float("nan")
        keep_open = asyncio.Event()
        dones = [asyncio.Event() for _ in range(sessions)]
        gap = stagger / max(sessions - 1, 1)
        tasks = [
            asyncio.create_task(one_session(browser, url, i, keep_open, dones[i], i * gap)) for i in range(sessions)
        ]
        await asyncio.gather(*(done.wait() for done in dones))
        rss_after = rss_mib(pid) if pid else float("nan")  # every session still open
        server_cpu = (cpu_seconds(pid) - cpu_before) if pid else float("nan")
        keep_open.set()
        results = await asyncio.gather(*tasks)
        await browser.close()
    return {
        "results": results,
        "rss_before_mib": rss_before,
        "rss_after_mib": rss_after,
        "server_cpu_s": server_cpu,
        "stagger_s": stagger,
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(v for v in values if v == v)
    if not ordered:
        return float("nan")
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(outcome: dict, sessions: int) -> str:
    results: list[SessionResult] = outcome["results"]
    failures = [r for r in results if r.errors]
    arrival = f"arriving over {outcome['stagger_s']:.0f} s" if outcome["stagger_s"] else "all at once"
    lines = [f"sessions: {sessions} ({arrival}), failures: {len(failures)}"]
    for name, attribute in (
        ("first chart (s)", "first_chart_s"),
        ("filter → idle (s)", "filter_idle_s"),
        ("quiz → results (s)", "quiz_result_s"),
    ):
        values = [getattr(r, attribute) for r in results]
        lines.append(
            f"{name:<20} p50 {statistics.median(values):6.2f}   p95 {percentile(values, 0.95):6.2f}   "
            f"max {max(values):6.2f}"
        )
    before, after = outcome["rss_before_mib"], outcome["rss_after_mib"]
    lines.append(
        f"server RSS: {before:.0f} MiB after one session, {after:.0f} MiB with {sessions} open "
        f"({(after - before) / max(sessions, 1):.1f} MiB per extra session)"
    )
    cpu = outcome["server_cpu_s"]
    lines.append(f"server CPU: {cpu:.1f} s for {sessions} sessions ({cpu / max(sessions, 1):.2f} s per session)")
    lines += [f"  session {r.index}: {'; '.join(r.errors)}" for r in failures]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--url", help="an app already running (default: start `streamlit run dashboard.py`)")
    parser.add_argument("--json", action="store_true", help="print the per-session results as JSON")
    parser.add_argument("--stagger", type=float, default=0.0, help="spread arrivals over this many seconds")
    args = parser.parse_args()
    if args.url:
        outcome = asyncio.run(run_classroom(args.url, args.sessions, stagger=args.stagger))
    else:
        with streamlit_server() as server:
            outcome = asyncio.run(run_classroom(server.url, args.sessions, server.pid, args.stagger))
    if args.json:
        print(json.dumps({**outcome, "results": [asdict(r) for r in outcome["results"]]}))
    else:
        print(report(outcome, args.sessions))


if __name__ == "__main__":
    main()
