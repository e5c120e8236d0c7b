"""Serving a whole school (deploy/school.py): two app processes behind nginx with sticky sessions, sharing one
PostgreSQL database. Students joined through the proxy land on both processes, and the projector, on one of
them, counts every one."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from deploy.school import School, nginx_path, school
from tests.e2e.pulse_steps import answer, join, new_screen, start

pytestmark = pytest.mark.browser
MAX_STUDENTS = 12  # joined one by one until both processes have some (all on one: a chance of 1 in 2,048)


@pytest.fixture(scope="module")
def served(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[School]:
    if nginx_path() is None:
        message = "nginx not found: install Debian's nginx package or set NGINX_PATH"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    with school(postgres_url, processes=2, logs=tmp_path_factory.mktemp("school")) as running:
        yield running


def _process(page: Page, url: str) -> str:
    """The app process this browser context is pinned to (the proxy says which one answered)."""
    return page.context.request.get(f"{url}/_stcore/health").headers["x-stance-process"]


def test_students_on_both_processes_are_one_class_on_the_projector(browser: Browser, served: School):
    teacher = new_screen(browser, 1280, 900)
    code = start(teacher, served.url)
    teacher_process = _process(teacher, served.url)
    phones: list[Page] = []
    where: dict[str, int] = {}
    while len(where) < 2 and len(phones) < MAX_STUDENTS:
        phone = new_screen(browser, 390, 844)
        join(phone, served.url, code)
        answer(phone, 0, len(phones) % 5)
        process = _process(phone, served.url)
        assert _process(phone, served.url) == process  # sticky: the same process every time
        where[process] = where.get(process, 0) + 1
        phones.append(phone)
    assert set(where) == {address.removeprefix("http://") for address in served.processes}
    count = len(phones)
    # the projector's process reads the students of the other one from the shared database
    expect(teacher.get_by_role("heading", name=f"{count} of {count} students answered")).to_be_visible(timeout=30_000)
    assert _process(teacher, served.url) == teacher_process
    for page in (teacher, *phones):
        assert page.locator("[data-testid=stException]").count() == 0
        page.context.close()
