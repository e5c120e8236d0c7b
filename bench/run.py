"""Performance benchmark: the dashboard against the floor app, and against 1,000× the data.

    python -m bench.run                       # everything (about 7 minutes on 2 cores)
    python -m bench.run --skip-browser        # script times and scale only

Prints one table per measurement:
1. first chart: navigation → first rendered chart (browser clock), dashboard vs floor, alternating runs
   in fresh headless-Chromium contexts;
2. interaction → idle: choosing another issue (dashboard deep-dive) vs the floor's own rerun (its one
   selectbox), with the bytes each side received over the websocket;
3. server script time per page (AppTest, bundled data);
4. websocket bytes per page load;
5. server RSS with 1 and with 30 open sessions;
6. scale: synthetic tables of 1k/10k/100k rows: load + validate vs pandas.read_csv alone, page script
   times and the largest chart payload.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd
from playwright.sync_api import Browser, Page, sync_playwright

from bench.measure import rss_mib
from components import caches, keys
from components.pages import PAGES
from stancekit.dataset import dataset_from_files
from stancekit.topic_files import read_stances
from testkit.apptest import go, open_app
from testkit.screens import screen
from testkit.server import CHROMIUM_FLAGS, IDLE, chromium_path, streamlit_server
from testkit.synthetic import SHAPES, write_synthetic

# Browser-side clocks: when the first chart appeared, every change of the app's run state, when each
# websocket message arrived and when the main area changed. A fast rerun can be drawn in one React batch,
# so that data-test-script-state never shows "running"; _idle_after then falls back on the messages.
OBSERVER = """
window.__states = []; window.__firstChart = null; window.__messages = []; window.__mainChanges = [];
const NativeWebSocket = window.WebSocket;
window.WebSocket = class extends NativeWebSocket {
  constructor(...args) {
    super(...args);
    this.addEventListener('message', () => window.__messages.push(performance.now()));
  }
};
const note = (state, t) => {
  const last = window.__states[window.__states.length - 1];
  if (state && (!last || last[0] !== state)) window.__states.push([state, t]);
};
new MutationObserver((records) => {
  const t = performance.now();
  for (const r of records)
    if (r.type === 'attributes' && r.attributeName === 'data-test-script-state') note(r.oldValue, t);
  const app = document.querySelector('[data-testid=stApp]');
  if (app) note(app.getAttribute('data-test-script-state'), t);
  const main = document.querySelector('[data-testid=stMain]');
  if (main && records.some((r) => main.contains(r.target))) window.__mainChanges.push(t);
  if (window.__firstChart === null && document.querySelector('[data-testid=stPlotlyChart] .main-svg'))
    window.__firstChart = t;
}).observe(document, {subtree: true, childList: true, attributes: true, attributeOldValue: true});
"""


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


class Wire:
    """Bytes received over the page's websocket."""

    def __init__(self, page: Page) -> None:
        self.received = 0
        page.on("websocket", lambda ws: ws.on("framereceived", self._count))

    def _count(self, payload: bytes | str) -> None:
        self.received += len(payload)


def _open(browser: Browser, url: str, width: int = 1280, height: int = 720) -> tuple[Page, Wire]:
    """A page in a fresh context of that screen's size (testkit.screens: a phone's User-Agent below 640 px), with
    the browser-side clocks and a count of the bytes its websocket receives."""
    context = screen(browser, width, height)
    context.add_init_script(OBSERVER)
    page = context.new_page()
    return page, Wire(page)


# The run after `since` is over: either the app showed "running" and then "notRunning" again, or (a run
# drawn in one batch) its messages stopped 400 ms ago with the app not running. In the second case the
# run ended when the main area first changed after its last message: the batch that drew it.
IDLE_AFTER = """since => {
  let ran = false;
  for (const [state, t] of window.__states) {
    if (t >= since && state === 'running') ran = true;
    if (ran && t >= since && state === 'notRunning') return {t, batched: false};
  }
  const messages = window.__messages.filter((t) => t >= since);
  const state = document.querySelector('[data-testid=stApp]')?.getAttribute('data-test-script-state');
  if (!messages.length || performance.now() - messages[messages.length - 1] < 400 || state !== 'notRunning')
    return null;
  const last = messages[messages.length - 1];
  return {t: window.__mainChanges.find((t) => t >= last) ?? last, batched: true};
}"""


def _idle_after(page: Page, since: float) -> tuple[float, bool]:
    """Browser time at which a run that started after `since` finished, and whether the app drew it in one
    batch (without ever showing "running")."""
    done = page.wait_for_function(IDLE_AFTER, arg=since, timeout=60_000).json_value()
    return done["t"], done["batched"]


def load_and_interact(browser: Browser, url: str, path: str, combobox: str, option: str, chart: bool) -> dict:
    """First chart time and load bytes on `path`, then the time and bytes of one selectbox change."""
    page, wire = _open(browser, url)
    page.goto(f"{url}/{path}")
    first_chart = None
    if chart:
        page.wait_for_function("() => window.__firstChart !== null", timeout=60_000)
        first_chart = page.evaluate("() => window.__firstChart")
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(500)
    load_bytes = wire.received
    page.get_by_role("combobox", name=combobox, exact=True).click()
    option_locator = page.get_by_role("option", name=option, exact=True)
    option_locator.wait_for()
    wire.received = 0
    clicked = page.evaluate("performance.now()")
    option_locator.click()
    idle, batched = _idle_after(page, clicked)
    page.wait_for_timeout(300)
    result = {
        "first_chart_ms": first_chart,
        "load_bytes": load_bytes,
        "interaction_ms": idle - clicked,
        "interaction_bytes": wire.received,
        "batched": batched,
    }
    page.context.close()
    return result


# What a phone's first screen cost: the script files it fetched, in bytes as they came over the wire.
SCRIPT_BYTES = """() => performance.getEntriesByType('resource')
  .filter((e) => e.initiatorType === 'script' || e.name.endsWith('.js'))
  .reduce((sum, e) => sum + e.transferSize, 0)"""


def phone_first_screen(browser: Browser, url: str) -> dict:
    """A phone (390 px, a phone's User-Agent) opening the overview: navigation → the run drawn and idle
    (browser clock), and the script bytes it fetched to get there."""
    page, _ = _open(browser, url, 390, 844)
    page.goto(url)
    idle, _ = _idle_after(page, 0)
    page.wait_for_timeout(300)
    result = {"idle_ms": idle, "script_bytes": page.evaluate(SCRIPT_BYTES)}
    page.context.close()
    return result


def page_load_bytes(browser: Browser, url: str, path: str) -> int:
    page, wire = _open(browser, url)
    page.goto(f"{url}/{path}")
    page.wait_for_selector(IDLE, timeout=60_000)
    page.wait_for_timeout(1500)
    received = wire.received
    page.context.close()
    return received


def browser_section(runs: int, sessions: int) -> None:
    executable = chromium_path()
    if executable is None:
        print("Chromium not found: skipping the browser measurements")
        return
    with streamlit_server() as dashboard, streamlit_server("bench/floor_app.py") as floor, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        for warm in (dashboard.url, floor.url):  # first visits compile and cache; not measured
            page_load_bytes(browser, warm, "")
        results: dict[str, list[dict]] = {"dashboard_overview": [], "dashboard_issue": [], "floor": []}
        phone: list[dict] = []
        for run in range(runs):
            order = ["dashboard", "floor"] if run % 2 == 0 else ["floor", "dashboard"]
            for side in order:
                if side == "floor":
                    results["floor"].append(load_and_interact(browser, floor.url, "", "Bloc", "Russia", True))
                else:
                    phone.append(phone_first_screen(browser, dashboard.url))
                    results["dashboard_overview"].append(
                        load_and_interact(browser, dashboard.url, "", "Blocs", "Russia", True)
                    )
                    results["dashboard_issue"].append(
                        load_and_interact(browser, dashboard.url, "issue", "Issue", "US backstop", False)
                    )

        def m(key: str, field: str) -> float:
            return median([r[field] for r in results[key] if r[field] is not None])

        floor_chart, dash_chart = m("floor", "first_chart_ms"), m("dashboard_overview", "first_chart_ms")
        floor_idle = m("floor", "interaction_ms")
        print(f"\n1. First chart (median of {runs} alternating runs, browser clock)")
        print(f"   floor      {floor_chart:7.0f} ms")
        print(f"   dashboard  {dash_chart:7.0f} ms   ratio {dash_chart / floor_chart:.2f}  (target ≤ 1.00)")
        phone_idle = median([r["idle_ms"] for r in phone])
        phone_scripts = median([r["script_bytes"] for r in phone])
        print(
            f"   a phone's overview (390 px, phone User-Agent), drawn and idle: {phone_idle:.0f} ms, "
            f"{phone_scripts:,.0f} B of scripts"
        )
        print(f"\n2. Interaction → idle (median of {runs})")
        floor_bytes = m("floor", "interaction_bytes")
        print(f"   floor: its selectbox                     {floor_idle:6.0f} ms, {floor_bytes:8,.0f} B")
        for key, label in (
            ("dashboard_issue", "dashboard: another issue (deep-dive)"),
            ("dashboard_overview", "dashboard: a bloc filter (overview)"),
        ):
            idle = m(key, "interaction_ms")
            print(
                f"   {label:40s} {idle:6.0f} ms, {m(key, 'interaction_bytes'):8,.0f} B   ratio {idle / floor_idle:.2f}"
                "  (target ≤ 1.25)"
            )
        batched = ", ".join(
            f"{name} {sum(r['batched'] for r in results[key])}/{len(results[key])}"
            for key, name in (("floor", "floor"), ("dashboard_issue", "issue"), ("dashboard_overview", "bloc"))
        )
        print(f"   runs drawn in one batch, timed from their messages instead of the run state: {batched}")
        print("\n4. Websocket bytes per page load (bundled data)")
        print(f"   floor {m('floor', 'load_bytes'):10,.0f} B")
        for spec in PAGES:
            print(f"   {spec.module:20s} {page_load_bytes(browser, dashboard.url, spec.root_path):10,.0f} B")
        print("\n5. Server RSS (dashboard, bundled data)")
        contexts = []
        for index in range(sessions):
            page, _ = _open(browser, dashboard.url)
            page.goto(dashboard.url)
            page.wait_for_selector(IDLE, timeout=120_000)
            contexts.append(page.context)
            if index == 0:
                page.wait_for_timeout(1000)
                one = rss_mib(dashboard.pid)
        page.wait_for_timeout(1000)
        many = rss_mib(dashboard.pid)
        print(
            f"   1 open session: {one:.0f} MiB; {sessions} open: {many:.0f} MiB; "
            f"{(many - one) / max(sessions - 1, 1):.2f} MiB per extra session  (target ≤ 5)"
        )
        for context in contexts:
            context.close()
        browser.close()


def script_times(dataset: object | None, rounds: int = 5) -> dict[str, dict[str, float]]:
    """Per page: median server script time (s) of the first view (nothing shared between sessions yet) and
    of a view that finds its figures already built, and the largest chart payload on it (bytes)."""
    at = open_app(state={keys.CUSTOM_DATASET: dataset} if dataset is not None else None, timeout=600)
    first, again, charts = {}, {}, {}
    for spec in PAGES:
        name = spec.module
        go(at, name)
        for times, shared in ((first, False), (again, True)):
            samples = []
            for _ in range(rounds):
                if not shared:
                    caches.clear_derived()
                start = time.perf_counter()
                at.run()
                samples.append(time.perf_counter() - start)
            assert not at.exception, (name, [e.value for e in at.exception])
            times[name] = median(samples)
        charts[name] = max([len(c.proto.spec) for c in at.get("plotly_chart")], default=0)
    return {"first": first, "again": again, "charts": charts}


LOAD_ROUNDS = 15  # alternating reads of each file; the medians are compared


def scale_section(sizes: list[int]) -> None:
    print("\n3/6. Server script time per page (median of AppTest reruns) and largest chart sent")
    rows = {"bundled": script_times(None)}
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = write_synthetic(size, Path(folder) / f"stances_{size}.csv")
            read, validate = [], []
            for _ in range(LOAD_ROUNDS):
                start = time.perf_counter()
                pd.read_csv(path)
                read.append(time.perf_counter() - start)
                start = time.perf_counter()
                read_stances(path)
                validate.append(time.perf_counter() - start)
            ratio = median(validate) / median(read)
            print(
                f"   {size:>7,} rows ({'×'.join(map(str, SHAPES[size]))}, {path.stat().st_size / 2**20:.1f} MiB): "
                f"pandas.read_csv {median(read) * 1000:.0f} ms, load + validate {median(validate) * 1000:.0f} ms, "
                f"ratio {ratio:.2f} (target ≤ 3)"
            )
            dataset = dataset_from_files(path.read_bytes(), f"Synthetic {size:,}")
            rows[f"{size:,} rows"] = script_times(dataset, rounds=3)
    header = f"   {'page':20s}" + "".join(f"{name:>22s}" for name in rows)
    print(header)
    for spec in PAGES:
        name = spec.module
        cells = "".join(
            f"{r['first'][name] * 1000:8.0f} /{r['again'][name] * 1000:4.0f} ms{r['charts'][name] / 1e6:4.1f}M"
            for r in rows.values()
        )
        print(f"   {name:20s}{cells}")
    print(
        "   (each cell: script time of the first view / of a view whose figures another session already built,"
        " then the largest chart's spec in MB; target ≤ 1 s and ≤ ~1 MB at 100k)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--skip-browser", action="store_true")
    args = parser.parse_args()
    if not args.skip_browser:
        browser_section(args.runs, args.sessions)
    scale_section([int(s) for s in args.sizes.split(",") if s])


if __name__ == "__main__":
    main()
