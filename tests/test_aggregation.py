import math

import pandas as pd
import pytest

from stancekit.aggregation import bloc_gap, bloc_summary
from stancekit.agreement import agreement_matrix
from stancekit.selection import latest_positions
from tests.conftest import make_stances


def test_bloc_summary_by_hand(small_stances):
    summary = bloc_summary(latest_positions(small_stances)).set_index(["issue", "bloc"])
    europe = summary.loc[("Troops", "Europe")]
    assert europe["mean"] == pytest.approx((2 + 1 - 1) / 3)
    assert (europe["min"], europe["max"], europe["spread"], europe["count"]) == (-1, 2, 3, 3)
    assert europe["members"] == ("UK", "France", "Poland")  # most to least supportive
    assert summary.loc[("Troops", "United States"), "mean"] == 0  # the latest US position, not the first


def test_bloc_gap_ranks_issues_and_keeps_missing_last(small_stances):
    latest = latest_positions(small_stances)
    gaps = bloc_gap(latest, "Europe", "United States")
    assert gaps["issue"].tolist() == ["Deal", "Troops"]
    assert gaps.loc[0, "gap"] == pytest.approx(0 - 2)
    assert gaps.loc[1, "gap"] == pytest.approx(2 / 3 - 0)
    russia = bloc_gap(latest, "Russia", "United States").set_index("issue")
    assert math.isnan(russia.loc["Deal", "gap"])
    assert russia.loc["Deal", "count_a"] == 0
    assert russia.index[-1] == "Deal"


def test_bloc_gap_with_an_unknown_bloc_is_all_missing(small_stances):
    gaps = bloc_gap(latest_positions(small_stances), "Europe", "Atlantis")
    assert gaps["gap"].isna().all() and (gaps["count_b"] == 0).all()


def test_agreement_by_hand():
    latest = make_stances(
        [
            ("A", "X", "i1", 2, "2025-01-01"),
            ("B", "X", "i1", -2, "2025-01-01"),
            ("A", "X", "i2", 1, "2025-01-01"),
            ("B", "X", "i2", 1, "2025-01-01"),
            ("C", "Y", "i3", 0, "2025-01-01"),
        ]
    )
    agreement, shared = agreement_matrix(latest, ["A", "B", "C"])
    # |2-(-2)| = 4 and |1-1| = 0 → mean 2 → 1 - 2/4
    assert agreement.at["A", "B"] == pytest.approx(0.5)
    assert shared.at["A", "B"] == 2
    assert shared.at["A", "C"] == 0
    assert math.isnan(agreement.at["A", "C"])


def test_summaries_of_nothing_are_empty():
    empty = make_stances([("A", "X", "i", 1, "2025-01-01")]).iloc[0:0]
    assert bloc_summary(empty).empty
    assert all(frame.empty for frame in agreement_matrix(empty, []))
    assert isinstance(bloc_gap(empty, "X", "Y"), pd.DataFrame)


def test_comparison_pair_prefers_europe_and_the_us():
    from stancekit.aggregation import comparison_pair

    assert comparison_pair(["Russia", "United States", "Europe"]) == ("Europe", "United States")
    assert comparison_pair(["Pupils", "Teachers", "Parents"]) == ("Pupils", "Teachers")
    assert comparison_pair(["Russia", "Europe"]) == ("Europe", "Russia")
    with pytest.raises(ValueError):
        comparison_pair(["Europe"])
