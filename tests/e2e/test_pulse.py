"""Class Pulse in one Chromium: a teacher at 1280 px and five students on 390 px phones, each in a browser context
of its own. They join by code, answer, the projector counts them, the round closes, the class survives a restart
of the app process, and once ended it is gone."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from testkit.server import streamlit_server
from tests.e2e.conftest import save_full_page
from tests.e2e.pulse_steps import answer, join, new_screen, start

pytestmark = pytest.mark.browser
STUDENTS = 5


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pulse") / "pulse.db"


def _serve(database: Path, log: Path):
    return streamlit_server(log=log, env={"STANCE_PULSE_DB": f"sqlite:///{database}"})


@pytest.fixture(scope="module")
def pulse_url(database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with _serve(database, tmp_path_factory.mktemp("server") / "streamlit.log") as server:
        yield server.url


def test_a_lesson_with_five_phones(browser: Browser, pulse_url: str):
    teacher = new_screen(browser, 1280, 900)
    code = start(teacher, pulse_url)
    phones = [new_screen(browser, 390, 844) for _ in range(STUDENTS)]
    names = [join(phone, pulse_url, code) for phone in phones]
    assert len(set(names)) == STUDENTS  # five different pseudonyms
    for index, phone in enumerate(phones):
        answer(phone, 0, index % 5)  # the first proposition, spread over the scale
        answer(phone, 1, 0)
    # the projector refreshes by itself (every 3 s), without a click
    expect(teacher.get_by_role("heading", name=f"{STUDENTS} of {STUDENTS} students answered")).to_be_visible(
        timeout=20_000
    )
    save_full_page(phones[0], "pulse-student-390")
    save_full_page(teacher, "pulse-teacher-1280")
    phones[2].reload()  # a phone that reloads keeps its pseudonym and its answers, and is not counted twice
    expect(phones[2].get_by_text(f"You are {names[2]} in class {code}.")).to_be_visible(timeout=30_000)
    first = phones[2].locator("[data-testid=stRadio]").nth(0).get_by_role("radiogroup").get_by_role("radio")
    expect(first.nth(2)).to_be_checked()  # index % 5 on the first proposition
    expect(teacher.get_by_role("heading", name=f"{STUDENTS} of {STUDENTS} students answered")).to_be_visible()

    teacher.get_by_role("button", name="Close the round").click()
    expect(teacher.get_by_role("button", name="Open the round")).to_be_visible(timeout=20_000)
    # a phone sees the round close by itself, without a click (it looks every few seconds)
    expect(phones[3].get_by_text(re.compile("closed: your answers are kept"))).to_be_visible(timeout=20_000)
    phones[0].locator("[data-testid=stRadio]").nth(0).get_by_role("radiogroup").locator("label").nth(4).click()
    expect(phones[0].get_by_text(re.compile("^The teacher has closed this round"))).to_be_visible(timeout=20_000)

    teacher.get_by_role("button", name="End the class").click()
    teacher.get_by_role("button", name="End the class and delete its answers").click()
    expect(teacher.get_by_text(re.compile("^This class has ended or expired"))).to_be_visible(timeout=20_000)
    # a phone learns it either way: by answering after the end, or by its own look every few seconds, which may
    # come first and take the questions away before the answer is clicked
    late_answer = phones[1].locator("[data-testid=stRadio]").nth(0).get_by_role("radiogroup").locator("label").nth(4)
    with contextlib.suppress(PlaywrightTimeout):
        late_answer.click(timeout=5_000)
    expect(phones[1].get_by_text(re.compile("^This class has ended or expired"))).to_be_visible(timeout=20_000)
    late = new_screen(browser, 390, 844)  # a student who comes late, with the code
    late.goto(f"{pulse_url}/classroom?join={code}")
    late.get_by_role("button", name="Join").click()
    gone = late.get_by_text("No class with this code is running. Check the code with your teacher.")
    expect(gone).to_be_visible(timeout=20_000)
    for page in (teacher, *phones, late):
        assert page.locator("[data-testid=stException]").count() == 0
        page.context.close()


def test_a_class_survives_a_restart_of_the_app(browser: Browser, tmp_path: Path):
    database = tmp_path / "pulse.db"
    with _serve(database, tmp_path / "first.log") as first:
        teacher = new_screen(browser, 1280, 900)
        code = start(teacher, first.url)
        teacher.get_by_text("Your private teacher link").click()
        link = teacher.locator("[data-testid=stCode]").inner_text().strip()
        phone = new_screen(browser, 390, 844)
        join(phone, first.url, code)
        answer(phone, 0, 0)
    with _serve(database, tmp_path / "second.log") as second:  # a new process, the same database file
        page = new_screen(browser, 1280, 900)
        page.goto(link.replace(link.split("/classroom")[0], second.url))
        expect(page.get_by_role("heading", name="1 of 1 students answered")).to_be_visible(timeout=30_000)
        assert "teacher=" not in page.url  # the token left the address bar
        for each in (teacher, phone, page):
            each.context.close()
