import math

import pandas as pd

from stancekit.changes import ChangeCount, count_changes, moves_only, position_changes
from tests.conftest import make_stances

STANCES = make_stances(
    [
        ("US", "United States", "Troops", -2, "2025-02-01"),
        ("US", "United States", "Troops", -2, "2025-02-10"),  # restated: not a change
        ("US", "United States", "Troops", 0, "2025-03-01"),
        ("UK", "Europe", "Troops", 2, "2025-03-01"),
    ]
)


def test_changes_include_first_statements_and_moves_but_not_restatements():
    changes = position_changes(STANCES)
    assert list(zip(changes["actor"], changes["date"].dt.day, strict=True)) == [("UK", 1), ("US", 1), ("US", 1)]
    assert changes["date"].dt.month.tolist() == [3, 3, 2]  # newest first
    us_move = changes[(changes["actor"] == "US") & (changes["date"].dt.month == 3)].iloc[0]
    assert (us_move["from_position"], us_move["to_position"]) == (-2, 0)
    assert math.isnan(changes[changes["actor"] == "UK"].iloc[0]["from_position"])


def test_window_includes_both_days_and_measures_moves_from_before_it():
    march = position_changes(STANCES, pd.Timestamp("2025-03-01"), pd.Timestamp("2025-03-31"))
    assert sorted(march["actor"]) == ["UK", "US"]
    assert march[march["actor"] == "US"].iloc[0]["from_position"] == -2  # held since February
    assert position_changes(STANCES, pd.Timestamp("2025-02-02"), pd.Timestamp("2025-02-28")).empty
    first_day = position_changes(STANCES, pd.Timestamp("2025-02-01"), pd.Timestamp("2025-02-01"))
    assert first_day["actor"].tolist() == ["US"]


def test_changes_count_moves_apart_from_first_statements(small_stances):
    changes = position_changes(small_stances)
    # seven first statements, and the US moving from −2 to 0 on troops
    assert count_changes(changes) == ChangeCount(8, 1)
    assert count_changes(changes).first_statements == 7
    moved = moves_only(changes)
    assert moved[["actor", "issue", "from_position", "to_position"]].values.tolist() == [["US", "Troops", -2.0, 0]]
    assert count_changes(changes.iloc[0:0]) == ChangeCount(0, 0)
