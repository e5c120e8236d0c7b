import math

import pandas as pd
import pytest

from stancekit.aggregation import (
    BlocVoice,
    bloc_gap,
    bloc_stats,
    bloc_summary,
    bloc_voices,
    comparable_gaps,
    default_pair,
    featured_voice,
    incomparable_issues,
    largest_gaps,
    pair_first,
)
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


def test_bloc_stats_read_one_bloc_on_one_issue(small_stances):
    summary = bloc_summary(latest_positions(small_stances), {"Europe": 4})
    stats = bloc_stats(summary, "Troops", "Europe")
    assert stats["bloc"] == "Europe" and stats["issue"] == "Troops"
    assert (stats["count"], stats["total"], stats["for"], stats["against"]) == (3, 4, 2, 1)
    assert stats["members"] == ("UK", "France", "Poland")


def test_bloc_voices_give_each_blocs_figures_and_speaker_in_the_order_asked(small_stances):
    latest = latest_positions(small_stances)
    summary = bloc_summary(latest)
    voices = bloc_voices(latest, summary, "Troops", ["Russia", "Atlantis", "Europe"])
    assert [v.bloc for v in voices] == ["Russia", "Europe"]  # Atlantis stated nothing
    russia, europe = voices
    assert (russia.row["actor"], russia.nearest, russia.stats["mean"]) == ("Russia", -2, -2)
    # Europe: +2, +1, −1 → mean 0.67 (nearest +1), median +1: France speaks for it
    assert (europe.row["actor"], europe.nearest) == ("France", 1)
    assert europe.stats["mean"] == pytest.approx(2 / 3)
    assert [v.bloc for v in bloc_voices(latest, summary, "Deal", ["Russia", "Europe", "United States"])] == [
        "Europe",
        "United States",
    ]


def test_a_slide_quotes_the_chosen_bloc_else_the_first_with_a_quote(small_stances):
    latest = latest_positions(small_stances)
    summary = bloc_summary(latest)
    voices = bloc_voices(latest, summary, "Troops", ["Russia", "Europe"])
    quotes = {"Russia": "", "Europe": "We will be there."}
    unquoted = [
        BlocVoice(v.bloc, v.stats, pd.concat([v.row.drop("quote"), pd.Series({"quote": quotes[v.bloc]})]))
        for v in voices
    ]
    assert featured_voice(voices, "Europe").bloc == "Europe"
    assert featured_voice(voices, "Atlantis").bloc == voices[0].bloc  # a bloc that did not speak: the default
    assert featured_voice(unquoted).bloc == "Europe"  # the first bloc with a quote comes before one without
    assert featured_voice(unquoted, "Russia").bloc == "Russia"  # unless the teacher chose it


DAY = "2025-01-01"


def test_gap_tables_split_into_comparable_largest_and_missing():
    # issue: (X's position, Y's position); Y said nothing on "alone"
    both = {"far": (2, -2), "near": (1, 0), "same": (1, 1)}
    rows = [row for issue, (x, y) in both.items() for row in (("A", "X", issue, x, DAY), ("B", "Y", issue, y, DAY))]
    latest = make_stances([*rows, ("A", "X", "alone", 1, DAY)])
    gaps = bloc_gap(latest, "X", "Y")
    assert comparable_gaps(gaps)["issue"].tolist() == ["far", "near", "same"]
    assert incomparable_issues(gaps) == ["alone"]
    assert largest_gaps(gaps, 5)["issue"].tolist() == ["far", "near"]  # an equal mean is no gap
    assert largest_gaps(gaps, 1)["abs_gap"].tolist() == [4]


def test_default_pair_needs_two_blocs_and_pair_first_leads_with_them():
    assert default_pair(["Russia", "United States", "Europe"]) == ("Europe", "United States")
    assert default_pair(["Europe"]) is None and default_pair([]) is None
    assert pair_first(["Europe", "Russia", "NATO", "Ukraine"], "NATO", "Russia") == [
        "NATO",
        "Russia",
        "Europe",
        "Ukraine",
    ]
