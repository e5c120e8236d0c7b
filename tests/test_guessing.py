import pandas as pd
import pytest

from stancekit.guessing import (
    guess_results,
    guess_score,
    positions_per_actor,
    positions_to_guess,
    surprise_pool,
    verdict,
    wrong_assumption,
    wrong_assumptions,
)
from stancekit.selection import latest_positions


@pytest.fixture
def us(small_stances):
    latest = latest_positions(small_stances)
    return latest[latest["actor"] == "US"]  # Troops 0 (moved from −2), Deal +2


def test_results_score_each_guess(us):
    results = guess_results({"Troops": 2, "Deal": 2}, us).set_index("issue")
    assert results.loc["Troops", ["guess", "position", "difference", "points"]].tolist() == [2, 0, -2, 0.5]
    assert results.loc["Deal", "points"] == 1


def test_skipped_guesses_are_left_out(us):
    results = guess_results({"Troops": None, "Deal": 1}, us)
    assert results["issue"].tolist() == ["Deal"]
    assert guess_score(results) == (0.75, 0, 1)
    assert guess_score(guess_results({}, us))[1:] == (0, 0)


def test_wrong_assumptions_are_two_steps_off_or_more(us):
    results = guess_results({"Troops": 1, "Deal": -2}, us)
    assert wrong_assumptions(results)["issue"].tolist() == ["Deal"]


def test_wrong_assumption_sentence(us):
    row = guess_results({"Troops": 2}, us).iloc[0]
    sentence = wrong_assumption(row, "Send troops.")
    assert sentence == (
        "You expected US to strongly support “Send troops” (+2); as of 1 Mar 2025 it was split on it "
        "(0). The record: US on Troops"
    )


def test_positions_per_actor_in_display_order_without_the_silent(small_stances):
    latest = latest_positions(small_stances)
    counts = positions_per_actor(latest, ["Russia", "Nobody", "US", "UK", "Poland"])
    assert counts == {"Russia": 1, "US": 2, "UK": 2, "Poland": 1}
    assert list(counts) == ["Russia", "US", "UK", "Poland"]


def test_surprise_pool_prefers_actors_with_enough_positions():
    assert surprise_pool({"A": 3, "B": 2, "C": 5}) == ["A", "C"]
    assert surprise_pool({"A": 3, "B": 2}, minimum=2) == ["A", "B"]
    assert surprise_pool({"A": 1, "B": 2}) == ["A", "B"]  # nobody has three: everyone


def test_positions_to_guess_latest_or_at_a_chapters_end_in_issue_order(small_stances):
    latest = latest_positions(small_stances)
    now = positions_to_guess(small_stances, latest, "US", ["Deal", "Troops"])
    assert now[["issue", "position"]].values.tolist() == [["Deal", 2], ["Troops", 0]]
    then = positions_to_guess(small_stances, latest, "US", ["Troops", "Deal"], pd.Timestamp("2025-02-05"))
    assert then[["issue", "position"]].values.tolist() == [["Troops", -2]]  # the Deal came later
    assert positions_to_guess(small_stances, latest, "US", ["Troops"], pd.Timestamp("2025-01-01")).empty


@pytest.mark.parametrize(
    ("difference", "words"), [(0, "Exactly right"), (1, "One step off"), (-1, "One step off"), (2, "Off"), (-4, "Off")]
)
def test_verdict_by_how_far_a_guess_was_off(difference, words):
    assert verdict(difference) == words
