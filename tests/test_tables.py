import datetime

import pandas as pd

from stancekit.aggregation import bloc_gap, bloc_summary
from stancekit.agreement import agreement_matrix, coalitions
from stancekit.selection import latest_positions
from stancekit.tables import (
    bloc_table,
    coalitions_table,
    events_table,
    gap_table,
    pair_table,
    positions_table,
    search_rows,
    source_pack_table,
    sources_table,
)
from tests.conftest import make_stances


def test_positions_table_follows_display_order_and_uses_words(small_stances):
    table = positions_table(latest_positions(small_stances), ["US", "UK"], ["Deal", "Troops"])
    expected = [["US", "Deal"], ["US", "Troops"], ["UK", "Deal"], ["UK", "Troops"]]
    assert table[["Actor", "Issue"]].values.tolist() == expected
    assert table.loc[0, "Stance"] == "▲▲ Strongly supports (+2)"


def test_bloc_and_gap_tables_in_words(small_stances):
    latest = latest_positions(small_stances)
    summary = bloc_summary(latest, {"Europe": 4, "United States": 1})
    blocs = bloc_table(summary, ["Troops"], ["Europe", "United States"])
    europe = blocs.iloc[0]
    assert (europe["Bloc"], europe["Mean"], europe["Median"], europe["Range"]) == ("Europe", "+0.7", "+1", "−1 to +2")
    assert (europe["Stated a position"], europe["For / split / against"]) == ("3 of 4", "2 / 0 / 1")
    assert europe["Nearest stance"] == "▲ Supports"
    gaps = gap_table(bloc_gap(latest, "Europe", "Russia"), "Europe", "Russia", summary).set_index("Issue")
    assert gaps.loc["Deal", "Gap"] == "not comparable"
    assert (gaps.loc["Troops", "Europe: stated"], gaps.loc["Deal", "Russia: stated"]) == ("3 of 4", "none")


def test_sources_table_keeps_only_safe_links():
    stances = make_stances([("A", "X", "i", 1, "2025-01-01"), ("B", "X", "i", 1, "2025-01-02")])
    stances.loc[0, "source_url"] = "javascript:alert(1)"
    stances.loc[1, "source_url"] = "https://example.org/ok"
    table = sources_table(stances)
    assert table["Link"].iloc[0] == "https://example.org/ok"  # newest first
    assert table["Link"].iloc[1] == ""
    assert table.index.tolist() == [1, 0]  # rows keep their label in the data


def test_search_needs_every_word_in_any_column(small_stances):
    table = sources_table(small_stances)
    assert set(search_rows(table, "france troops")["Actor"]) == {"France"}
    assert set(search_rows(table, "TROOPS")["Actor"]) == {"UK", "France", "Poland", "US", "Russia"}
    assert len(search_rows(table, "  ")) == len(table)
    assert search_rows(table, "nothing-like-this").empty


def test_source_pack_table_counts_citations(bundled):
    table = source_pack_table(bundled.sources, bundled.stances).set_index("Id")
    assert table.loc["S26", "Positions citing it"] == 3
    assert table.loc["S3", "Positions citing it"] == 0
    assert table.loc["S1", "Link"] == ""  # tier C: no link
    assert table.loc["S2", "Link"].startswith("https://www.gov.uk/")


def test_sources_table_shows_each_sources_tier(bundled):
    table = sources_table(bundled.stances, bundled.sources)
    tier = dict(zip(table["Id"], table["Tier"], strict=False))
    assert tier["S24"].startswith("A:") and tier["S26"].startswith("B:") and tier["S7"].startswith("C:")


def test_change_tables_say_no_stated_position_for_a_first_statement(small_stances):
    from stancekit.changes import position_changes
    from stancekit.tables import changes_table

    table = changes_table(position_changes(small_stances))
    first = table[(table["Actor"] == "UK") & (table["Issue"] == "Troops")].iloc[0]
    assert (first["From"], first["To"]) == ("No stated position", "▲▲ Strongly supports (+2)")
    assert list(table.columns[-4:]) == ["Link", "Source", "Paraphrase", "Evidence"]


def test_pair_table_lists_pairs_that_share_issues_most_shared_first(small_stances):
    latest = latest_positions(small_stances)
    order = ["Russia", "US", "UK", "France"]
    agreement, shared = agreement_matrix(latest, order)
    table = pair_table(agreement, shared, order)
    # US and UK share Troops (0 vs +2) and Deal (+2 vs 0): 1 − 2/4 each; every other pair shares only Troops
    assert table.values.tolist() == [
        ["US", "UK", "50%", 2],
        ["Russia", "US", "50%", 1],
        ["Russia", "UK", "0%", 1],
        ["Russia", "France", "25%", 1],
        ["US", "France", "75%", 1],
        ["UK", "France", "75%", 1],
    ]


def test_coalitions_table_in_escaped_words(small_stances):
    latest = latest_positions(small_stances)
    split = coalitions(latest, ["Troops", "Deal"], ["Russia", "US", "UK", "France", "Poland"])
    split.loc[1, "issue"] = "Deal *now*"
    table = coalitions_table(split)
    assert list(table.columns) == ["▲ For", "◆ Split", "▼ Against"]
    assert table.loc["Troops"].tolist() == ["UK, France", "US", "Russia, Poland"]
    assert table.loc["Deal \\*now\\*"].tolist() == ["US", "UK", "–"]


def test_events_table_has_date_event_and_source():
    events = pd.DataFrame(
        {
            "date": pd.to_datetime(["2025-03-02", "2025-08-15"]),
            "event": ["London summit", "Alaska"],
            "source_id": ["S4", ""],
        }
    )
    assert events_table(events).to_dict("records") == [
        {"Date": datetime.date(2025, 3, 2), "Key event": "London summit", "Source": "S4"},
        {"Date": datetime.date(2025, 8, 15), "Key event": "Alaska", "Source": ""},
    ]
