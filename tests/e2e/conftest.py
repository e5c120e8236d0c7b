"""Browser-test fixtures: a Streamlit server on a free port and Debian's headless Chromium.

Chromium is found at $CHROMIUM_PATH or /usr/bin/chromium. Without it the browser tests are
skipped on a developer machine, but fail when CI=true: CI must never pass by skipping them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from testkit.axe import AxeUnavailable, axe_script
from testkit.server import CHROMIUM_FLAGS, IDLE, chromium_path, streamlit_server

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


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
def axe_path() -> Path:
    """The pinned axe-core script (testkit/axe.py), fetched with npm on first use. Without npm or the
    registry the audit is skipped on a developer machine and fails under CI=true; a tarball that does not
    match the pinned sha512 always fails."""
    try:
        return axe_script()
    except AxeUnavailable as error:
        message = f"accessibility audit not run: {error}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served by `streamlit run dashboard.py` for the whole test session."""
    with streamlit_server(log=tmp_path_factory.mktemp("server") / "streamlit.log") as server:
        yield server.url


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


def open_page(page: Page, url: str, heading: str) -> None:
    """Go to `url`, wait for the page's `heading`, then for the end of the run."""
    page.goto(url)
    expect(page.get_by_role("heading", name=heading)).to_be_visible(timeout=30_000)
    wait_until_idle(page)


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


@pytest.fixture(scope="session")
def update_snapshots(request: pytest.FixtureRequest) -> bool:
    """--update-snapshots: rewrite the stored screenshots instead of comparing with them (the option itself
    is declared in tests/conftest.py, so that a plain `python -m pytest --update-snapshots` knows it)."""
    return bool(request.config.getoption("--update-snapshots"))
