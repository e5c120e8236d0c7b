"""The view state: one parser per URL key, links read and written back, old keys, the bloc rule."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import pytest

from components import keys
from components.pages import PAGES
from stancekit.view_state import APP_SETTINGS, MIGRATIONS, PARSERS, Options, Status, ViewState, a_date, many_of

ROOT = Path(__file__).resolve().parents[1]


def test_a_link_is_read_against_the_dataset(bundled):
    state, notes = ViewState.from_params(
        {"blocs": ["Europe"], "actors": ["France", "Atlantis"], "as_of": ["2025-03-15"], "issue": ["US backstop"]},
        bundled,
    )
    assert state.blocs == ("Europe",) and state.actors == ("France",)  # Atlantis is no actor of this topic
    assert state.as_of == date(2025, 3, 15) and state.issue == "US backstop"
    assert notes == ["actors “Atlantis” is not in this topic"]


def test_empty_values_and_any_search_text_are_no_problem(bundled):
    state, notes = ViewState.from_params({"actors": ["France", ""], "q": ["<b>"]}, bundled)
    assert (state.actors, state.search, notes) == (("France",), "<b>", [])


def test_unknown_keys_and_values_become_notes_and_defaults(bundled):
    state, notes = ViewState.from_params(
        {"utm_source": ["mail"], "as_of": ["1999-01-01"], "moves": ["maybe"], "group": ["Weather"]}, bundled
    )
    assert state == ViewState()
    assert notes == [
        "“utm_source” is not a setting of this app",
        "as_of “1999-01-01” is not in this topic",
        "moves “maybe” is not in this topic",
        "group “Weather” is not in this topic",
    ]


def test_the_language_of_a_link_is_no_view_setting_and_no_note(bundled):
    state, notes = ViewState.from_params({"lang": ["fr"], "actors": ["France"]}, bundled)
    assert state == ViewState(actors=("France",)) and notes == []
    assert ("lang", "fr") not in state.to_params()  # components.language reads and writes it


def test_a_link_naming_a_real_actor_outside_its_blocs_gets_no_note(bundled):
    state, notes = ViewState.from_params({"blocs": ["Russia"], "actors": ["France", "Russia"]}, bundled)
    assert state.actors == ("France", "Russia") and notes == []  # the view leaves France out (the bloc rule)


def test_defaults_stay_out_of_the_link_and_a_written_link_reads_back_the_same(bundled):
    first, last = (d.date() for d in bundled.date_range)
    state, _ = ViewState.from_params(
        {"as_of": [last.isoformat()], "between": [first.isoformat(), last.isoformat()]}, bundled
    )
    assert state.to_params() == []  # the latest date and the whole range are the defaults
    chosen = {
        "blocs": ["Europe", "Russia"],
        "as_of": ["2025-06-01"],
        "between": ["2025-03-01", "2025-04-01"],
        "moves": ["true"],
        "q": ["backstop"],
        "slide": ["US backstop"],
    }
    state, notes = ViewState.from_params(chosen, bundled)
    assert not notes
    again, _ = ViewState.from_params(parse_qs(urlencode(state.to_params())), bundled)
    assert again == state
    assert state.to_params(["blocs", "q"]) == [("blocs", "Europe"), ("blocs", "Russia"), ("q", "backstop")]


def test_a_renamed_key_still_opens_the_same_view_and_is_named_as_the_link_wrote_it(bundled):
    assert MIGRATIONS == {"compare": keys.CHANGES_MODE}
    state, notes = ViewState.from_params({"compare": ["Between two chapters"]}, bundled)
    assert state.changes_mode == "Between two chapters" and not notes
    _, notes = ViewState.from_params({"compare": ["Sideways"]}, bundled)
    assert notes == ["compare “Sideways” is not in this topic"]


def test_each_parser_says_valid_invalid_or_missing(bundled):
    options = Options.of(bundled)
    assert a_date([], options).status is Status.MISSING
    assert a_date(["not-a-date"], options).status is Status.INVALID
    assert a_date(["2025-03-15"], options).value == date(2025, 3, 15)
    blocs = many_of(lambda o: o.blocs)
    assert blocs(["Mars"], options).status is Status.INVALID
    partly = blocs(["Europe", "Mars", "Europe"], options)
    assert (partly.status, partly.value, partly.rejected) == (Status.VALID, ("Europe",), ("Mars",))


def _bound_widget_keys() -> set[str]:
    """The key of every widget call in components/ that binds to the URL (bind="query-params")."""
    found = set()
    for path in (ROOT / "components").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            named = {k.arg: k.value for k in node.keywords}
            bind = named.get("bind")
            if isinstance(bind, ast.Constant) and bind.value == "query-params":
                key = named["key"]
                if isinstance(key, ast.Attribute):  # keys.NAME
                    found.add(getattr(keys, key.attr))
                else:  # a parameter defaulting to a keys.NAME (the shared issue picker)
                    found.add(keys.ISSUE)
    return found


def test_every_widget_bound_to_the_url_has_a_parser_and_every_parser_a_widget():
    bound = _bound_widget_keys()
    assert bound - set(PARSERS) - APP_SETTINGS == set(), "a widget binds to the URL under a key no parser reads"
    assert set(PARSERS) - bound == set(), "a parser reads a key no widget binds"


@pytest.mark.parametrize("spec", PAGES, ids=lambda spec: spec.module)
def test_every_page_links_only_keys_the_state_knows(spec):
    assert set(spec.url_keys) <= set(PARSERS)
