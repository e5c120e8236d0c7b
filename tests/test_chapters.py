"""Chapters: reading them, positions at the end of each, and what changed from one to the next."""

import math

import pandas as pd
import pytest

from stancekit.chapters import (
    Chapter,
    bloc_path,
    chapter_changes,
    chapter_list,
    chapter_named,
    chapter_of,
    chapter_path,
)
from stancekit.schema import StanceDataError
from stancekit.topic_files import read_chapters
from tests.conftest import make_stances

CHAPTERS = chapter_list(
    read_chapters(
        b"chapter,start,end,summary\nLater,2025-03-01,2025-04-30,Then this.\nEarly,2025-01-01,2025-02-28,First this.\n"
    )
)
STANCES = make_stances(
    [
        ("US", "United States", "Troops", -2, "2025-01-10"),
        ("US", "United States", "Troops", 0, "2025-03-05"),
        ("UK", "Europe", "Troops", 2, "2025-02-01"),
        ("UK", "Europe", "Troops", 2, "2025-04-01"),  # restated: no change
        ("France", "Europe", "Troops", 1, "2025-04-02"),  # first stated in the later chapter
    ]
)


def test_chapters_are_read_in_order_with_labels():
    assert [c.name for c in CHAPTERS] == ["Early", "Later"]
    assert CHAPTERS[0].number == 1 and CHAPTERS[0].label() == "1 · Early (Jan–Feb 2025)"
    assert Chapter(3, "Across", pd.Timestamp("2025-12-01"), pd.Timestamp("2026-01-31")).span() == "Dec 2025–Jan 2026"
    assert chapter_of(CHAPTERS, pd.Timestamp("2025-03-01")).name == "Later"
    assert chapter_of(CHAPTERS, pd.Timestamp("2024-12-31")) is None
    assert chapter_named(CHAPTERS, "Early") is CHAPTERS[0] and chapter_named(CHAPTERS, "Nope") is None


def test_bad_chapters_are_refused_with_the_row():
    with pytest.raises(StanceDataError) as caught:
        read_chapters(b"chapter,start,end\nA,2025-03-01,2025-02-01\n")
    problem = caught.value.problems[0]
    assert (problem.row, problem.column) == (2, "end") and "ends before it starts" in problem.message
    with pytest.raises(StanceDataError, match="start"):
        read_chapters(b"chapter,start,end\nA,March,2025-02-01\n")


def test_changes_between_the_ends_of_two_chapters():
    changes = chapter_changes(STANCES, *CHAPTERS)
    assert changes[["actor", "from_position", "to_position"]].values.tolist()[0] == ["US", -2, 0]
    assert changes["actor"].tolist() == ["US", "France"]  # the UK restated, so it did not change
    assert math.isnan(changes.iloc[1]["from_position"])  # France had not spoken by the end of the first
    assert changes.iloc[0]["to_date"] == pd.Timestamp("2025-03-05")


def test_an_actors_path_across_chapters():
    assert chapter_path(STANCES, CHAPTERS, "US", "Troops") == [-2.0, 0.0]
    assert chapter_path(STANCES, CHAPTERS, "France", "Troops") == [None, 1.0]


def test_a_blocs_mean_path_across_chapters():
    assert bloc_path(STANCES, CHAPTERS, "Troops", "Europe") == [2.0, 1.5]  # the UK alone, then the UK and France
    assert bloc_path(STANCES, CHAPTERS, "Troops", "Nowhere") == [None, None]


def test_a_path_across_chapters_in_words():
    from stancekit.chapters import path_text

    assert path_text([None, -1.0, 0.0, 1.5]) == "2 ▼ −1 → 3 ◆ 0 → 4 ▲▲ +1.5"
    assert path_text([None, None]) == ""
    assert path_text([0.5, -1.5], "fr") == "1 ▲ +0,5 → 2 ▼▼ −1,5"  # the decimal comma of the language
