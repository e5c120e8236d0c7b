"""One real-browser run per classroom activity, from start to result."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, save_full_page, wait_until_idle

pytestmark = pytest.mark.browser

STRONG, AGREE, NEUTRAL, DISAGREE, STRONG_AGAINST, SKIP = range(6)  # radio order on the page


def choose(page: Page, question: int, option: int) -> None:
    page.locator("[data-testid=stRadio]").nth(question).get_by_role("radiogroup").locator("label").nth(option).click()


def assert_no_errors(page: Page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0


def test_where_do_you_stand(page: Page, app_url: str):
    open_page(page, f"{app_url}/stand", "Where do you stand?")
    expect(page.locator("[data-testid=stRadio]")).to_have_count(12)  # the curated set, not all 24 issues
    for question, option in [(0, STRONG), (2, STRONG), (5, STRONG_AGAINST), (9, STRONG), (11, AGREE)]:
        choose(page, question, option)
    page.get_by_text("Matters more", exact=True).nth(2).click()
    page.get_by_role("button", name="Show my matches").click()
    expect(page.get_by_role("heading", name="Your matches")).to_be_visible(timeout=20_000)
    wait_until_idle(page)
    expect(page.get_by_text(re.compile(r"^Your closest bloc: "))).to_be_visible()
    expect(page.get_by_role("figure", name=re.compile("^Bar chart of your match with"))).to_have_count(2)
    save_full_page(page, "stand-results")
    assert_no_errors(page)


def test_guess_the_stance(page: Page, app_url: str):
    open_page(page, f"{app_url}/guess", "Guess the stance")
    radios = page.locator("[data-testid=stRadio]")
    expect(radios).to_have_count(17)  # the first actor, the United Kingdom, stated positions on 17 issues
    for question in range(17):
        choose(page, question, STRONG)
    page.get_by_role("button", name="Reveal").click()
    expect(page.get_by_role("heading", name="The record")).to_be_visible(timeout=20_000)
    wait_until_idle(page)
    expect(page.get_by_text("Your score")).to_be_visible()
    expect(page.get_by_role("heading", name="Where the assumptions were wrong")).to_be_visible()
    save_full_page(page, "guess-revealed")
    assert_no_errors(page)


def test_discussion_prompts(page: Page, app_url: str):
    open_page(page, f"{app_url}/prompts", "Discussion prompts")
    questions = page.locator("h4")
    expect(questions.first).to_contain_text("Ceasefire first")
    assert questions.count() >= 4
    save_full_page(page, "prompts")
    assert_no_errors(page)


def test_presenter_next_and_previous(page: Page, app_url: str):
    page.goto(f"{app_url}/present")
    title = page.locator("h1")
    expect(title).to_contain_text("After a ceasefire, European countries and their partners", timeout=30_000)
    wait_until_idle(page)
    assert page.locator("[data-testid=stSidebar]").count() == 0  # nothing but the issue on the projector
    save_full_page(page, "presenter")
    page.get_by_role("button", name="Next").click()
    expect(title).to_contain_text("European countries should deploy a force in Ukraine even if", timeout=20_000)
    page.get_by_role("button", name="Previous").click()
    expect(title).to_contain_text("After a ceasefire, European countries and their partners", timeout=20_000)
    assert_no_errors(page)


def test_handout_download_prints_on_one_page(page: Page, app_url: str, tmp_path):
    open_page(page, f"{app_url}/handout", "Handout")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download handout (HTML, prints on A4)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    html = saved.read_text(encoding="utf-8")
    assert saved.name == "handout.html"
    assert "<h1>A European force for Ukraine (2025–2026)</h1>" in html and "<script" not in html
    printer = page.context.new_page()
    printer.goto(saved.as_uri())
    pdf = printer.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1  # the default topic fits one A4 page
    save_full_page(page, "handout")
    assert_no_errors(page)
