"""Browser-test fixtures: a Streamlit server on a free port and Debian's headless Chromium.

Chromium is found at $CHROMIUM_PATH or /usr/bin/chromium. Without it the browser tests are
skipped on a developer machine, but fail when CI=true: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"


def chromium_path() -> str | None:
    """The Chromium binary to drive, or None when there is none."""
    candidate = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else shutil.which("chromium")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = chromium_path()
    if path is None:
        message = "Chromium not found: install Debian's chromium package or set CHROMIUM_PATH"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Serve dashboard.py with `streamlit run` until the session ends; stop it by its process id."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("server") / "streamlit.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "dashboard.py",
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read() == b"ok":
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"streamlit did not start; see {log.name}")
        time.sleep(0.3)
    yield url
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
    log.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh browser context (no shared state) at a projector's 1280×720."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    new_page = context.new_page()
    yield new_page
    context.close()


def wait_until_idle(page: Page, timeout: float = 30_000) -> None:
    """Wait for the app to finish its script run."""
    page.wait_for_selector(IDLE, timeout=timeout)


def save_full_page(page: Page, name: str) -> Path:
    """A full-page screenshot, taller viewport included (Streamlit scrolls an inner container)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    height = page.evaluate("() => Math.max(document.querySelector('[data-testid=stMain]').scrollHeight, 720)")
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": height})
    page.wait_for_timeout(500)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(size)
    return path
