"""Class Pulse results from a tally: distributions, the class as an actor, closeness, moves, guess accuracy."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from stancekit.pulse_results import (
    CLASS_NAME,
    class_as_actor,
    closest_actors,
    distribution,
    guess_accuracy,
    headcount,
    misjudged,
    moved,
    tally_frame,
    with_class,
)
from stancekit.selection import latest_positions


def _tally(*answers: tuple) -> object:
    rows = [("answer", *a) for a in answers]
    rows += [("answered", "before", "", "", "", None, 4), ("answered", "after", "", "", "", None, 2)]
    rows += [("joined", "", "", "", "", None, 5)]
    return tally_frame(rows)


TALLY = _tally(
    ("before", "stand", "Troops", "", 2, 2),
    ("before", "stand", "Troops", "", -1, 1),
    ("before", "stand", "Troops", "", None, 1),  # skipped
    ("after", "stand", "Troops", "", 1, 2),
    ("before", "guess", "Troops", "Russia", -2, 3),
    ("before", "guess", "Troops", "Russia", 2, 1),
    ("before", "guess", "Troops", "UK", 2, 2),
)


def test_headcount_per_round():
    assert headcount(TALLY, "before") == (4, 5)
    assert headcount(TALLY, "after") == (2, 5)


def test_the_distribution_counts_each_point_and_gives_median_and_middle_half():
    before = distribution(TALLY, "before", ["Troops", "Deal"])
    troops = before.iloc[0]
    assert (troops["answered"], troops["skipped"], troops["2"], troops["-1"], troops["0"]) == (3, 1, 2, 1, 0)
    assert (troops["median"], troops["low"], troops["high"]) == (2.0, 0.5, 2.0)
    deal = before.iloc[1]
    assert deal["answered"] == 0 and math.isnan(deal["median"])  # nobody answered: no figure, not a zero


def test_the_class_becomes_one_more_actor_with_its_spread_in_words():
    rows = class_as_actor(distribution(TALLY, "before", ["Troops", "Deal"]), pd.Timestamp("2026-12-02 10:30"))
    assert rows["actor"].tolist() == [CLASS_NAME]  # only where someone took a position
    assert rows.iloc[0]["position"] == 2
    assert rows.iloc[0]["summary"] == "3 students answered: median +2, middle half +0.5 to +2."
    assert rows.iloc[0]["source_url"] == "" and "not a statement" in rows.iloc[0]["source"]


def test_the_class_sits_on_top_of_the_governments_in_a_new_table(small_stances):
    latest = latest_positions(small_stances)
    before = latest.copy()
    ours = class_as_actor(distribution(TALLY, "before", ["Troops"]), pd.Timestamp("2026-12-02"))
    both = with_class(latest, ours)
    assert both.iloc[0]["actor"] == CLASS_NAME and len(both) == len(latest) + 1
    assert list(both.columns) == list(latest.columns)
    pd.testing.assert_frame_equal(latest, before)  # the cached table is never changed


def test_the_class_is_matched_with_the_actors_like_a_student(small_stances):
    latest = latest_positions(small_stances)
    answers = (("before", "stand", "Troops", "", 2, 3), ("before", "stand", "Deal", "", 0, 3))
    spread = distribution(_tally(*answers), "before", ["Troops", "Deal"])
    closest, furthest = closest_actors(spread, latest)
    assert closest.iloc[0]["name"] == "UK"  # the class answered as the UK did, on both issues
    assert furthest.iloc[0]["match"] <= closest.iloc[0]["match"]
    assert set(closest["kind"]) == {"Actor"}


def test_how_the_class_moved_between_rounds():
    change = moved(distribution(TALLY, "before", ["Troops"]), distribution(TALLY, "after", ["Troops"]))
    assert change.iloc[0][["issue", "median_before", "median_after", "change"]].tolist() == ["Troops", 2.0, 1.0, -1.0]


def test_guess_accuracy_per_actor_most_misjudged_first(small_stances):
    latest = latest_positions(small_stances)
    real = latest.set_index(["actor", "issue"])["position"]
    table = guess_accuracy(TALLY, "before", latest)
    assert set(table["actor"]) <= {"Russia", "UK"}
    russia = table[table["actor"] == "Russia"].iloc[0]
    truth = int(real[("Russia", "Troops")])
    assert russia["guesses"] == 4 and russia["exact"] == 3 * (truth == -2) + (truth == 2)
    assert russia["mean_error"] == pytest.approx((3 * (-2 - truth) + (2 - truth)) / 4)
    assert table["accuracy"].is_monotonic_increasing


def test_the_most_misjudged_issue_comes_first_with_the_record_beside_it(small_stances):
    latest = latest_positions(small_stances)
    tally = _tally(
        ("before", "guess", "Troops", "US", 2, 3),  # the US is at 0 on troops: off by two
        ("before", "guess", "Deal", "US", int(latest.set_index(["actor", "issue"]).loc[("US", "Deal"), "position"]), 2),
        ("before", "guess", "Troops", "Russia", -2, 1),  # another actor: not counted
    )
    table = misjudged(tally, "before", latest, "US")
    assert table["issue"].tolist() == ["Troops", "Deal"]
    worst = table.iloc[0]
    assert (worst["guesses"], worst["mean_guess"], worst["position"], worst["accuracy"]) == (3, 2.0, 0, 0.5)
    assert table.iloc[1]["accuracy"] == 1.0
    assert {"summary", "source"} <= set(table.columns)  # what the record says, and where it is from
