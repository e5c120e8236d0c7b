"""Steps of a Class Pulse lesson in a real browser, shared by the lesson tests (tests/e2e/test_pulse.py) and
the scale-out test (tests/e2e/test_school.py)."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from testkit.screens import screen
from tests.e2e.conftest import wait_until_idle


def new_screen(browser: Browser, width: int, height: int) -> Page:
    return screen(browser, width, height).new_page()


def start(page: Page, url: str) -> str:
    page.goto(f"{url}/classroom")
    page.get_by_role("button", name="Start a class").click()
    code = page.locator(".st-key-pulse_code h2")
    expect(code).to_have_text(re.compile(r"^[A-Z2-9]{6}$"), timeout=30_000)
    return code.inner_text()


def join(page: Page, url: str, code: str) -> str:
    page.goto(f"{url}/classroom?join={code}")  # the QR code's link
    page.get_by_role("button", name="Join").click()
    you = page.get_by_text(re.compile(r"^You are .+ in class "))
    expect(you).to_be_visible(timeout=30_000)
    return re.match(r"You are (.+) in class", you.inner_text()).group(1)


def answer(page: Page, question: int, option: int) -> None:
    """Answer a question not answered before, and wait for its 'Saved' beneath it."""
    saved = page.get_by_text(re.compile(r"Saved\.$"))
    before = saved.count()
    page.locator("[data-testid=stRadio]").nth(question).get_by_role("radiogroup").locator("label").nth(option).click()
    expect(saved).to_have_count(before + 1, timeout=20_000)
    wait_until_idle(page)
