"""First chart of two checkouts side by side: serve an older checkout and this one at once, with the floor app,
and time the overview's first chart in alternating fresh Chromium contexts (same machine, same moment), and a
phone's first screen of the overview.

    git worktree add /tmp/before <commit>
    python -m bench.compare /tmp/before --runs 15

Loopback only; prints medians and ratios to the floor, never asserts.
"""

from __future__ import annotations

import argparse
import statistics
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench.run import load_and_interact, page_load_bytes, phone_first_screen
from testkit.server import CHROMIUM_FLAGS, ROOT, chromium_path, streamlit_server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the other checkout (a git worktree of an older commit)")
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    with (
        streamlit_server(cwd=options.before) as before,
        streamlit_server(cwd=ROOT) as now,
        streamlit_server("bench/floor_app.py") as floor,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        sides = [("before", before.url, "Blocs"), ("now", now.url, "Blocs"), ("floor", floor.url, "Bloc")]
        for _, url, _ in sides:  # first visits compile and cache; not measured
            page_load_bytes(browser, url, "")
        times: dict[str, list[float]] = {name: [] for name, _, _ in sides}
        phones: dict[str, list[dict]] = {"before": [], "now": []}
        for run in range(options.runs):
            for name, url, box in sides if run % 2 == 0 else sides[::-1]:
                times[name].append(load_and_interact(browser, url, "", box, "Russia", True)["first_chart_ms"])
                if name in phones:
                    phones[name].append(phone_first_screen(browser, url))
    floor_ms = statistics.median(times["floor"])
    print(f"First chart, overview (median of {options.runs} alternating runs, browser clock)")
    for name, values in times.items():
        print(f"   {name:7s} {statistics.median(values):7.0f} ms   ratio {statistics.median(values) / floor_ms:.2f}")
    print("A phone's overview (390 px, a phone's User-Agent): navigation → drawn and idle, script bytes fetched")
    for name, results in phones.items():
        idle = statistics.median(r["idle_ms"] for r in results)
        scripts = statistics.median(r["script_bytes"] for r in results)
        print(f"   {name:7s} {idle:7.0f} ms   {scripts:12,.0f} B")


if __name__ == "__main__":
    main()
