"""Bring your own topic in a real browser: template, broken file, hostile file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import open_page, save_full_page, wait_until_idle

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "data" / "template"
CORPUS = ROOT / "tests" / "corpus"


def upload(page: Page, label: str, path: Path) -> None:
    uploader = page.locator("[data-testid=stFileUploader]").filter(has_text=label)
    uploader.locator("input[type=file]").set_input_files(str(path))
    page.wait_for_timeout(300)
    wait_until_idle(page)


def open_data_page(page: Page, app_url: str) -> None:
    open_page(page, f"{app_url}/data", "Your data: bring your own topic")


def go(page: Page, app_url: str, path: str) -> None:
    """Navigate within the app, in the same session and keeping the view's query parameters, as the app's own
    menu does (a client-side route change)."""
    page.evaluate("path => window.history.pushState({}, '', path + location.search)", f"/{path}")
    page.evaluate("() => window.dispatchEvent(new PopStateEvent('popstate'))")
    page.wait_for_timeout(300)
    wait_until_idle(page)


def test_template_upload_shows_the_new_topic_everywhere(page: Page, app_url: str):
    open_data_page(page, app_url)
    page.get_by_role("textbox", name="Topic title").fill("A school phone ban")
    page.keyboard.press("Enter")
    wait_until_idle(page)
    upload(page, "Issues (optional)", TEMPLATE / "issues.csv")
    upload(page, "Stance table (required)", TEMPLATE / "stances.csv")
    expect(page.get_by_text("Loaded stances.csv: 18 positions.")).to_be_visible(timeout=20_000)
    save_full_page(page, "data-template-loaded")
    checks = {
        "": "Student council",
        "europe-vs-us": "Compare blocs: where they differ",
        "issue": "Phones should be switched off and put away during lessons.",
        "agreement": "Parents' association",
        "stand": "Phones should be banned for the whole school day, breaks included.",
    }
    for path, text in checks.items():
        go(page, app_url, path)
        expect(page.get_by_text(text).first).to_be_visible(timeout=20_000)
        assert page.locator("[data-testid=stException]").count() == 0, path
    go(page, app_url, "sources")  # table cells are drawn on a canvas; their (shortened) text is in the a11y grid
    expect(page.locator("[role=gridcell]", has_text="The council rejected a ban").first).to_be_attached()
    expect(page.locator("[data-testid=stSidebar]").get_by_text("Your own data, in this session only.")).to_be_visible()


def test_broken_file_is_refused_and_the_data_kept(page: Page, app_url: str):
    open_data_page(page, app_url)
    upload(page, "Stance table (required)", CORPUS / "bad_ragged_row_too_many_values.csv")
    expect(
        page.get_by_text(re.compile("bad_ragged_row_too_many_values.csv was not loaded: 1 problem to fix"))
    ).to_be_visible(timeout=20_000)
    expect(page.get_by_text("This row has 8 values but the header has 7 columns.", exact=False)).to_be_visible()
    expect(page.get_by_text(re.compile("Now showing the bundled topic: A European force for Ukraine"))).to_be_visible()
    save_full_page(page, "data-broken-file")
    assert page.locator("[data-testid=stException]").count() == 0


def test_hostile_file_executes_nothing_and_fetches_nothing(page: Page, app_url: str, tmp_path):
    dialogs, outside = [], []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("request", lambda r: outside.append(r.url) if "evil.example" in r.url else None)
    hostile = tmp_path / "hostile.csv"
    hostile.write_bytes(
        (CORPUS / "ok_html_and_script_text.csv").read_bytes()
        + (CORPUS / "ok_markdown_injection_text.csv").read_bytes().split(b"\n", 1)[1].replace(b"France", b"Atlantis")
    )
    open_data_page(page, app_url)
    upload(page, "Stance table (required)", hostile)
    expect(page.get_by_text("Loaded hostile.csv: 2 positions.")).to_be_visible(timeout=20_000)
    for path in ("", "issue", "sources", "prompts", "handout", "present"):
        go(page, app_url, path)
        page.wait_for_timeout(500)
    go(page, app_url, "issue")
    expect(page.get_by_text("<script>alert(1)</script><img src=x onerror=alert(2)>")).to_be_visible()
    go(page, app_url, "sources")
    expect(page.locator("[role=gridcell]", has_text="[click me](javascript:alert(1)) :red[big]").first).to_be_attached()
    save_full_page(page, "data-hostile-file")
    assert dialogs == [] and outside == []
    assert page.locator("img[src='x'], iframe[src*='evil']").count() == 0
