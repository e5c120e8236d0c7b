"""Does freezing the startup heap still pay? A full garbage collection's pause, before and after gc.freeze.

Runs every page once in AppTest (as a server's first sessions would), then times gc.collect() on the
heap that leaves, as is and frozen (what components/server_heap.py does once per process).
Usage: python -m bench.heap
"""

from __future__ import annotations

import gc
import time
from statistics import median

from streamlit.testing.v1 import AppTest

from components.pages import PAGES
from testkit.server import ROOT

ROUNDS = 7


def collection_ms() -> float:
    """Median wall time of a full collection, in milliseconds."""
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        gc.collect()
        samples.append((time.perf_counter() - start) * 1000)
    return median(samples)


def main() -> None:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=600)
    at.run()
    for spec in PAGES:
        at.switch_page(spec.script).run()
    gc.unfreeze()  # the app froze its own heap at the end of its first run; measure both states here
    tracked = len(gc.get_objects())
    before = collection_ms()
    gc.freeze()
    after = collection_ms()
    print(f"objects tracked by the collector after every page ran once: {tracked:,}")
    print(f"full collection, heap as is:  {before:6.1f} ms (median of {ROUNDS})")
    print(
        f"full collection, heap frozen: {after:6.1f} ms  → gc.freeze {'pays' if before > 5 * after else 'does not pay'}"
    )


if __name__ == "__main__":
    main()
