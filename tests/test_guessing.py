import pytest

from stancekit.guessing import guess_results, guess_score, wrong_assumption, wrong_assumptions
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
