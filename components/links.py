"""Checking a shared link's settings against this dataset, with a gentle notice for what is ignored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from components import keys
from stancekit.changes import CHANGES_MODES
from stancekit.chapters import WHOLE_STORY
from stancekit.dataset import Dataset
from stancekit.links import link_problems
from stancekit.schema import EVIDENCE_TYPES
from stancekit.selection import ALL_ISSUES, CENTRAL_ISSUES
from stancekit.text import escape_markdown


def _is_date_within(first: date, last: date) -> Callable[[str], bool]:
    def accepts(value: str) -> bool:
        try:
            return first <= date.fromisoformat(value) <= last
        except ValueError:
            return False

    return accepts


def link_settings(dataset: Dataset) -> dict[str, Callable[[str], bool]]:
    """Every setting a link may carry, with the test of one value."""
    first, last = (d.date() for d in dataset.date_range)
    within = _is_date_within(first, last)
    issues, blocs = set(dataset.issue_names), set(dataset.blocs)
    chapters = {chapter.name for chapter in dataset.chapters}
    return {
        keys.BLOCS: blocs.__contains__,
        keys.ACTORS: set(dataset.actors).__contains__,
        keys.ISSUES: issues.__contains__,
        keys.ISSUE: issues.__contains__,
        keys.PRESENTER_ISSUE: issues.__contains__,
        keys.AS_OF: within,
        keys.BETWEEN: within,
        keys.ONLY_MOVES: {"true", "false"}.__contains__,
        keys.COMPARE_A: blocs.__contains__,
        keys.COMPARE_B: blocs.__contains__,
        keys.SOURCES_SEARCH: lambda value: True,
        keys.SOURCES_EVIDENCE: set(EVIDENCE_TYPES.values()).__contains__,
        keys.CHANGES_MODE: set(CHANGES_MODES).__contains__,
        keys.CHAPTER_FROM: chapters.__contains__,
        keys.CHAPTER_TO: chapters.__contains__,
        keys.SLIDE_CHAPTER: chapters.__contains__,
        keys.TIMELINE_PERIOD: (chapters | {WHOLE_STORY}).__contains__,
        keys.ISSUE_GROUP: {CENTRAL_ISSUES, ALL_ISSUES, *dataset.issue_groups}.__contains__,
    }


def notify_ignored_settings(dataset: Dataset) -> None:
    """Once per session and link: a toast listing link settings that don't apply, never an error."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    notes = link_problems(params, link_settings(dataset))
    seen = st.session_state.setdefault(keys.LINK_NOTES_SHOWN, set())
    fresh = [note for note in notes if note not in seen]
    if fresh:
        seen.update(fresh)
        text = "; ".join(escape_markdown(note) for note in fresh)  # the values come from the URL: show as text
        st.toast(f"Part of this link was ignored: {text}.", icon=":material/link_off:")
