"""A small classroom at once (5 concurrent browser sessions): correctness only, no timing assertions.
The full 30-session run with figures is `python -m bench.classroom` (see docs/PERFORMANCE.md)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from testkit.server import ROOT

pytestmark = pytest.mark.browser


def test_five_sessions_at_once_each_see_their_own_state(browser, app_url):
    # The bench drives its own (async) Playwright, so it runs in a process of its own.
    run = subprocess.run(
        [sys.executable, "-m", "bench.classroom", "--sessions", "5", "--url", app_url, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    results = outcome["results"]
    assert [r["index"] for r in results] == [0, 1, 2, 3, 4]
    assert [r["errors"] for r in results] == [[]] * 5  # own bloc kept, own single answer counted, no exception
    assert all(r["quiz_result_s"] == r["quiz_result_s"] for r in results)  # every quiz reached its results
