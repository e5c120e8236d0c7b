from stancekit.activity_tables import breakdown_table, ranking_table
from stancekit.matching import Answers, Party, explain_match, match_table, ranked_matches
from tests.conftest import make_stances

LATEST = make_stances(
    [
        ("UK", "Europe", "a", 2, "2025-01-01"),
        ("UK", "Europe", "b", -1, "2025-01-01"),
        ("France", "Europe", "a", 1, "2025-01-01"),
        ("US", "United States", "a", -2, "2025-01-01"),
        ("US", "United States", "b", 1, "2025-01-01"),
    ]
)
ANSWERS = Answers({"a": 2, "b": 1}, frozenset({"b"}))


def test_ranking_table_in_words():
    table = ranking_table(ranked_matches(match_table(ANSWERS, LATEST), "Actor"))
    # UK: a 1, b 0.5 × 2 → 2 / 3; US: a 0, b 1 × 2 → 2 / 3; France: one issue, not ranked
    assert table.to_dict("records") == [
        {"Rank": 1, "Name": "UK", "Match": "67%", "Issues compared": 2},
        {"Rank": 1, "Name": "US", "Match": "67%", "Issues compared": 2},
    ]


def test_breakdown_table_names_the_party_and_shows_a_blocs_mean():
    table = breakdown_table(explain_match(ANSWERS, LATEST, Party("Bloc", "Europe")))
    assert list(table.columns) == ["Issue", "You", "Europe", "Points", "Weight", "Weighted points"]
    assert table.to_dict("records") == [
        {
            "Issue": "a",
            "You": "+2 strongly agree",
            "Europe": "+1.5 (mean)",
            "Points": "0.88",
            "Weight": "1×",
            "Weighted points": "0.88",
        },
        {
            "Issue": "b",
            "You": "+1 agree",
            "Europe": "▼ Opposes (−1)",
            "Points": "0.50",
            "Weight": "2×",
            "Weighted points": "1.00",
        },
    ]
