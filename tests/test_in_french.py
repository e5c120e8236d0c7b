"""The app's AppTest suite again with the app in French (issue 16: "the existing suite passes in French").

Every page and widget test of tests/test_app*.py expresses its expected texts through the catalogues and the
topic's translations (testkit.apptest.tr, ntr, named, content), so the same facts are checked in whichever
language STANCE_TEST_LANG names. Here they run once more in French, in a process of their own, as part of the
one test command; a French run does not start another.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from testkit.apptest import LANG
from testkit.server import ROOT

APP_TESTS = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").glob("test_app*.py"))


@pytest.mark.skipif(LANG != "en", reason="this run is itself in another language")
def test_the_app_tests_pass_with_the_app_in_french():
    assert len(APP_TESTS) >= 6, APP_TESTS
    env = {**os.environ, "STANCE_TEST_LANG": "fr"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *APP_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]
