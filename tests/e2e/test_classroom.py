"""One real-browser run per classroom activity, from start to result, in English and in French (issue 16: the
same steps and facts, the expected words through the catalogues and the topic's translations)."""

from __future__ import annotations

import html
import re

import pytest
from playwright.sync_api import Page, expect

from stancekit.i18n import DEFAULT, gettext
from stancekit.i18n import ngettext as plural_forms
from testkit.apptest import before, content
from tests.e2e.conftest import open_page, save_full_page, wait_until_idle

pytestmark = pytest.mark.browser
EN_FR = pytest.mark.parametrize("lang", ["en", "fr"])

TROOPS = "After a ceasefire, European countries and their partners should station ground troops in Ukraine."
NO_BACKSTOP = "European countries should deploy a force in Ukraine even if the United States gives no backstop."


def url(app_url: str, path: str, lang: str) -> str:
    return f"{app_url}/{path}" + ("" if lang == DEFAULT else f"?lang={lang}")


STRONG, AGREE, NEUTRAL, DISAGREE, STRONG_AGAINST, SKIP = range(6)  # radio order on the page


def choose(page: Page, question: int, option: int) -> None:
    page.locator("[data-testid=stRadio]").nth(question).get_by_role("radiogroup").locator("label").nth(option).click()


def assert_no_errors(page: Page) -> None:
    assert page.locator("[data-testid=stException]").count() == 0


@EN_FR
def test_where_do_you_stand(page: Page, app_url: str, lang: str):
    _, ngettext = gettext(lang), plural_forms(lang)
    open_page(page, url(app_url, "stand", lang), _("Where do you stand?"))
    expect(page.locator("[data-testid=stRadio]")).to_have_count(12)  # the curated set, not all 24 issues
    for question, option in [(0, STRONG), (2, STRONG), (5, STRONG_AGAINST), (9, STRONG), (11, AGREE)]:
        choose(page, question, option)
    page.get_by_text(_("Matters more"), exact=True).nth(2).click()
    page.get_by_role("button", name=_("Show my matches")).click()
    expect(page.get_by_role("heading", name=_("Your matches"))).to_be_visible(timeout=20_000)
    wait_until_idle(page)
    closest = before(_("Your closest bloc: **{bloc}** ({bloc_match} on {bloc_issues} issues).")).replace("*", "")
    expect(page.get_by_text(re.compile("^" + re.escape(closest)))).to_be_visible()
    bar_chart = before(
        ngettext(
            "Bar chart of your match with {count} bloc, best first, each labelled with the number of issues it "
            "rests on.",
            "Bar chart of your match with {count} blocs, best first, each labelled with the number of issues it "
            "rests on.",
            2,
        )
    )
    expect(page.get_by_role("figure", name=re.compile("^" + re.escape(bar_chart)))).to_have_count(2)
    save_full_page(page, f"stand-results-{lang}")
    assert_no_errors(page)


@EN_FR
def test_guess_the_stance(page: Page, app_url: str, lang: str):
    _ = gettext(lang)
    open_page(page, url(app_url, "guess", lang), _("Guess the stance"))
    radios = page.locator("[data-testid=stRadio]")
    expect(radios).to_have_count(17)  # the first actor, the United Kingdom, stated positions on 17 issues
    for question in range(17):
        choose(page, question, STRONG)
    page.get_by_role("button", name=_("Reveal")).click()
    expect(page.get_by_role("heading", name=_("The record"), exact=True)).to_be_visible(timeout=20_000)
    wait_until_idle(page)
    expect(page.get_by_text(_("Your score"))).to_be_visible()
    expect(page.get_by_role("heading", name=_("Where the assumptions were wrong"))).to_be_visible()
    save_full_page(page, f"guess-revealed-{lang}")
    assert_no_errors(page)


@EN_FR
def test_discussion_prompts(page: Page, app_url: str, lang: str):
    open_page(page, url(app_url, "prompts", lang), gettext(lang)("Discussion prompts"))
    questions = page.locator("h4")
    expect(questions.first).to_contain_text(content("names", "issue", "Ceasefire first", lang))
    assert questions.count() >= 4
    save_full_page(page, f"prompts-{lang}")
    assert_no_errors(page)


@EN_FR
def test_presenter_next_and_previous(page: Page, app_url: str, lang: str):
    _ = gettext(lang)
    troops, no_backstop = (content("issues", "proposition", p, lang) for p in (TROOPS, NO_BACKSTOP))
    page.goto(url(app_url, "present", lang))
    title = page.locator("h1")
    expect(title).to_have_text(troops, timeout=30_000)
    wait_until_idle(page)
    assert page.locator("[data-testid=stSidebar]").count() == 0  # nothing but the issue on the projector
    save_full_page(page, f"presenter-{lang}")
    page.get_by_role("button", name=_("Next")).click()
    expect(title).to_have_text(no_backstop, timeout=20_000)
    page.get_by_role("button", name=_("Previous")).click()
    expect(title).to_have_text(troops, timeout=20_000)
    assert_no_errors(page)


@pytest.mark.parametrize("lang", ["en", "fr", "de", "uk"])  # every language fits one A4 page
def test_handout_download_prints_on_one_page(page: Page, app_url: str, tmp_path, lang: str):
    _ = gettext(lang)
    open_page(page, url(app_url, "handout", lang), _("Handout"))
    with page.expect_download() as download:
        page.get_by_role("button", name=_("Download handout (HTML, prints on A4)")).click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    page_html = saved.read_text(encoding="utf-8")
    assert saved.name == "handout.html"
    title = html.escape(content("names", "topic", "A European force for Ukraine (2025–2026)", lang), quote=True)
    assert f"<h1>{title}</h1>" in page_html and f'<html lang="{lang}">' in page_html and "<script" not in page_html
    printer = page.context.new_page()
    printer.goto(saved.as_uri())
    pdf = printer.pdf(prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf)) == 1  # the default topic fits one A4 page, in French too
    save_full_page(page, f"handout-{lang}")
    assert_no_errors(page)
