from datetime import date

import pandas as pd
import pytest

from stancekit.dataset import Dataset
from stancekit.handout import MAX_PROMPTS, MAX_QUOTES, handout_content, handout_html, handout_markdown
from stancekit.prompts import discussion_prompts
from stancekit.selection import latest_positions
from tests.conftest import make_stances


def content_for(dataset: Dataset, stances: pd.DataFrame):
    latest = latest_positions(stances)
    actors = [a for a in dataset.actors if a in set(stances["actor"])]
    issues = [i for i in dataset.issue_names if i in set(stances["issue"])]
    prompts = discussion_prompts(stances, latest, ("Europe", "United States"))
    return handout_content(dataset, stances, latest, actors, issues, prompts, date(2026, 11, 25))


@pytest.fixture
def bundled_content(bundled):
    return content_for(bundled, bundled.stances)


def test_matrix_uses_glyphs_values_and_dashes(bundled_content):
    matrix = bundled_content.matrix
    assert matrix.shape == (26, 24)
    assert matrix.loc["United States", "US intelligence sharing"] == "▲▲ +2"
    assert matrix.loc["Russia", "European ground troops"] == "▼▼ −2"
    assert matrix.loc["NATO", "European ground troops"] == "▲ +1"
    assert matrix.loc["Australia", "US backstop"] == "–"


def test_quotes_prompts_sources_and_citation(bundled_content):
    assert len(bundled_content.quotes) == MAX_QUOTES
    assert bundled_content.quotes[0]["quote"].startswith("were troops to be deployed")  # longest first
    assert len(bundled_content.prompts) == MAX_PROMPTS
    names = [name for name, _ in bundled_content.sources]
    assert len(names) == len(set(names)) and "Kyiv Independent, 2025-09-05" in names
    assert dict(bundled_content.sources)["Trump's Truth Social post, 2025-08-16"] is None  # tier C: no link
    assert "generated 25 Nov 2026" in bundled_content.citation and "456 dated positions" in bundled_content.citation


def test_both_renderings_carry_the_same_content(bundled_content):
    html, markdown = handout_html(bundled_content), handout_markdown(bundled_content)
    for text in ("Who stands where", "Key quotes", "Discussion prompts", "Sources", "Cite as"):
        assert text in html and text in markdown
    assert html.count("<tr>") == 1 + 26
    assert markdown.count("\n| ") == 1 + 26
    assert "<script" not in html and " src=" not in html and "<link" not in html  # it loads nothing


def test_hostile_text_is_escaped_in_both_formats():
    stances = make_stances(
        [
            ("<script>alert(1)</script>", "Europe", "![x](https://evil.example/p.png)", 1, "2025-01-01"),
            ("US", "United States", "![x](https://evil.example/p.png)", -1, "2025-01-01"),
        ]
    )
    stances.loc[0, "quote"] = "<img src=x onerror=alert(1)>"
    stances.loc[0, "source_url"] = "javascript:alert(1)"
    dataset = Dataset("T <b>", "D", stances, pd.DataFrame(columns=["issue", "proposition", "explainer"]))
    content = content_for(dataset, stances)
    html, markdown = handout_html(content), handout_markdown(content)
    assert "<script>" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;" in html
    assert "![x](" not in markdown and "\\!\\[x\\]" in markdown
    assert "javascript:" not in markdown


def test_the_handout_shows_the_curated_issues_unless_issues_were_chosen():
    from stancekit.selection import central_issues

    assert central_issues(["a", "b", "c"], ("c", "a"), all_wanted=False) == ["a", "c"]
    assert central_issues(["a", "b", "c"], ("c", "a"), all_wanted=True) == ["a", "b", "c"]
    assert central_issues(["a", "b"], (), all_wanted=False) == ["a", "b"]


def test_sources_are_grouped_by_outlet_so_each_is_named_once():
    from stancekit.handout import grouped_sources

    groups = grouped_sources(
        (
            ("Kyiv Independent, 2025-02-20", "https://k/1"),
            ("BBC, 2025-02-18", None),
            ("Kyiv Independent, 2025-03-11", "https://k/2"),
            ("Untitled", None),
        )
    )
    assert groups == [
        ("BBC", [("2025-02-18", None)]),
        ("Kyiv Independent", [("2025-02-20", "https://k/1"), ("2025-03-11", "https://k/2")]),
        ("Untitled", [("", None)]),
    ]


def test_a_handout_whose_quotes_carry_our_translation_keeps_fewer_of_them(bundled):
    from stancekit.bundled import load_translations
    from stancekit.content import localise
    from stancekit.handout import MAX_TRANSLATED_QUOTES

    french = localise(bundled, load_translations(), "fr")
    latest = latest_positions(french.stances)
    content = handout_content(
        french, french.stances, latest, list(french.actors), list(french.issue_names), [], date(2026, 11, 25), "fr"
    )
    assert MAX_TRANSLATED_QUOTES < MAX_QUOTES
    assert len(content.quotes) == MAX_TRANSLATED_QUOTES  # each twice as long: the words, then ours in brackets
    assert all(q["quote_translation"] for q in content.quotes)
