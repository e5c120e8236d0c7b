import pandas as pd

from stancekit.selection import (
    Selection,
    apply_selection,
    bloc_sections,
    events_as_of,
    in_display_order,
    issue_by_position,
    latest_positions,
    most_moved,
    most_positions,
    other_statements,
    position_history,
    with_positions,
    without_positions,
)
from tests.conftest import make_stances


def test_empty_selection_keeps_everything(small_stances):
    assert len(apply_selection(small_stances, Selection())) == len(small_stances)


def test_selection_intersects_blocs_actors_and_issues(small_stances):
    rows = apply_selection(small_stances, Selection(blocs=("Europe",), issues=("Troops",)))
    assert sorted(rows["actor"]) == ["France", "Poland", "UK"]
    rows = apply_selection(small_stances, Selection(blocs=("Europe",), actors=("US",)))
    assert rows.empty


def test_latest_positions_takes_the_newest_per_actor_and_issue(small_stances):
    latest = latest_positions(small_stances)
    assert len(latest) == 7
    us_troops = latest[(latest["actor"] == "US") & (latest["issue"] == "Troops")]
    assert us_troops["position"].tolist() == [0]


def test_latest_positions_as_of_includes_the_day_itself(small_stances):
    on_the_day = latest_positions(small_stances, pd.Timestamp("2025-03-01"))
    day_before = latest_positions(small_stances, pd.Timestamp("2025-02-28"))
    pick = lambda t: t[(t["actor"] == "US") & (t["issue"] == "Troops")]["position"].tolist()  # noqa: E731
    assert pick(on_the_day) == [0]
    assert pick(day_before) == [-2]
    assert latest_positions(small_stances, pd.Timestamp("2025-01-31")).empty


def test_position_history_is_newest_first(small_stances):
    history = position_history(small_stances, "US", "Troops")
    assert history["position"].tolist() == [0, -2]


def test_issue_views_put_the_central_set_first_and_all_last():
    from stancekit.selection import issue_views

    issues = ["a", "b", "c", "d"]
    views = issue_views(issues, ("c", "a"), {"G1": ("a", "b"), "G2": ("c", "d", "z")})
    assert views == {
        "Central issues": ("a", "c"),
        "G1": ("a", "b"),
        "G2": ("c", "d"),
        "All issues": ("a", "b", "c", "d"),
    }
    assert issue_views(issues, ("c", "a"), {}, chosen=True) == {}  # issues chosen in the sidebar: exactly those
    assert issue_views(["a", "c"], ("c", "a"), {}) == {}  # the central set is everything: nothing to choose
    assert list(issue_views(issues, (), {"G1": ("a",)})) == ["G1", "All issues"]


def test_with_and_without_positions_keep_the_order_given(small_stances):
    latest = latest_positions(small_stances)
    deal = latest[latest["issue"] == "Deal"]
    order = ["Russia", "US", "Poland", "UK", "Nobody"]
    assert with_positions(order, deal) == ["US", "UK"]
    assert without_positions(order, deal) == ["Russia", "Poland", "Nobody"]
    blocs = ["Russia", "United States", "Europe"]
    assert with_positions(blocs, deal, "bloc") == ["United States", "Europe"]
    assert without_positions(blocs, deal, "bloc") == ["Russia"]


def test_most_positions_keeps_the_busiest_in_display_order_ties_to_the_earlier():
    rows = make_stances(
        [
            *(("A", "X", i, 1, "2025-01-01") for i in "abc"),
            *(("B", "X", i, 1, "2025-01-01") for i in "a"),
            *(("C", "X", i, 1, "2025-01-01") for i in "ab"),
            *(("D", "X", i, 1, "2025-01-01") for i in "ab"),
        ]
    )
    assert most_positions(rows, ["D", "C", "B", "A"], 2) == ["D", "A"]  # A has 3; C and D tie at 2: D comes first
    assert most_positions(rows, ["A", "B", "C", "D"], 3) == ["A", "C", "D"]
    assert most_positions(rows, ["B", "E"], 1) == ["B"]  # E has no row at all


def test_most_moved_keeps_the_lanes_with_most_moves_then_most_statements():
    rows = make_stances(
        [
            ("Still", "X", "i", 1, "2025-01-01"),
            ("Still", "X", "i", 1, "2025-02-01"),
            ("Still", "X", "i", 1, "2025-03-01"),
            ("Mover", "X", "i", 1, "2025-01-01"),
            ("Mover", "X", "i", -1, "2025-02-01"),
            ("Once", "X", "i", 2, "2025-01-01"),
            ("Also", "X", "i", 0, "2025-01-01"),
        ]
    )
    actors, statements = most_moved(rows, ["Once", "Still", "Mover", "Also"], 2)
    assert actors == ["Still", "Mover"]  # Mover moved (2 positions); Still said most (3 statements)
    assert sorted(statements["actor"].unique()) == ["Mover", "Still"] and len(statements) == 5
    assert most_moved(rows, ["Once", "Still", "Mover", "Also"], 3)[0] == ["Still", "Mover", "Also"]  # tie: by name


def test_events_as_of_keeps_the_day_itself():
    events = pd.DataFrame(
        {"date": pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"]), "event": ["a", "b", "c"]}
    )
    assert events_as_of(events, pd.Timestamp("2025-02-01"))["event"].tolist() == ["a", "b"]
    assert events_as_of(events, None)["event"].tolist() == ["a", "b", "c"]


def test_in_display_order_sorts_by_the_order_given_and_puts_strangers_last(small_stances):
    latest = latest_positions(small_stances)
    troops = latest[latest["issue"] == "Troops"]
    ordered = in_display_order(troops, ["Russia", "US", "France"])
    assert ordered["actor"].tolist()[:3] == ["Russia", "US", "France"]
    assert sorted(ordered["actor"].tolist()[3:]) == ["Poland", "UK"]
    assert list(ordered.columns) == list(troops.columns)
    us = in_display_order(latest[latest["actor"] == "US"], ["Troops", "Deal"], "issue")
    assert us["issue"].tolist() == ["Troops", "Deal"]


def test_other_statements_are_the_rest_of_each_rows_history(small_stances):
    latest = latest_positions(small_stances)
    troops = latest[latest["issue"] == "Troops"]
    others = other_statements(small_stances, troops)
    assert set(others) == set(troops.index)
    us = troops.index[troops["actor"] == "US"][0]
    assert others[us]["position"].tolist() == [-2]  # its earlier statement, not the latest one itself
    uk = troops.index[troops["actor"] == "UK"][0]
    assert others[uk].empty  # said it once, and its Deal statement is another issue


def test_bloc_sections_share_one_section_for_single_actor_blocs():
    rows = make_stances(
        [
            ("UK", "Europe", "i", 2, "2025-01-01"),
            ("Russia", "Russia", "i", -2, "2025-01-01"),
            ("France", "Europe", "i", 1, "2025-01-01"),
            ("United States", "United States", "i", 0, "2025-01-01"),
            ("Japan", "Partners", "i", 1, "2025-01-01"),
        ]
    )
    sections = bloc_sections(rows, ("United States", "Europe", "Ukraine", "Russia", "Partners"))
    assert [(title, members["actor"].tolist()) for title, members in sections] == [
        ("United States · Russia", ["Russia", "United States"]),
        ("Europe", ["UK", "France"]),
        ("Partners", ["Japan"]),
    ]


def test_issue_by_position_groups_each_blocs_actors_by_stance_and_names_the_silent(small_stances):
    latest = latest_positions(small_stances)
    actors = ["UK", "France", "Poland", "Germany", "US", "Russia"]
    blocs = {"UK": "Europe", "France": "Europe", "Poland": "Europe", "Germany": "Europe"}
    blocs |= {"US": "United States", "Russia": "Russia"}
    europe, us, russia = issue_by_position(latest, actors, blocs, "Deal")
    assert (europe.bloc, europe.by_position) == ("Europe", ((0, ("UK",)),))
    assert europe.silent == ("France", "Poland", "Germany")
    assert (europe.stated, europe.size) == (1, 4)
    assert us.by_position == ((2, ("US",)),) and russia.by_position == () and russia.silent == ("Russia",)
    europe = issue_by_position(latest, actors, blocs, "Troops")[0]
    assert europe.by_position == ((2, ("UK",)), (1, ("France",)), (-1, ("Poland",)))  # strongest support first
    assert europe.silent == ("Germany",)
