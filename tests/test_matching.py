import math

import pandas as pd
import pytest

from stancekit.matching import (
    AGREEMENT,
    EUCLIDEAN,
    METRICS,
    Answers,
    Match,
    Party,
    average_closeness,
    best_matches,
    breakdown,
    explain_match,
    explainable_parties,
    match_score,
    match_table,
    metric_label,
    minimum_overlap,
    party_positions,
    rank_changes,
    ranked_matches,
    unranked_matches,
)
from tests.conftest import make_stances

ANSWERS = Answers({"a": 2, "b": 0, "c": None}, frozenset({"b"}))


def test_breakdown_by_hand():
    table = breakdown(ANSWERS, {"a": 1, "b": -2, "c": 2})
    assert table["issue"].tolist() == ["a", "b"]  # c was skipped
    assert table["points"].tolist() == [0.75, 0.5]
    assert table["weight"].tolist() == [1, 2]
    assert table["weighted_points"].tolist() == [0.75, 1.0]


def test_agreement_is_the_weighted_mean_of_points():
    score, compared = match_score(ANSWERS, {"a": 1, "b": -2, "c": 2})
    assert compared == 2
    assert score == pytest.approx((0.75 + 2 * 0.5) / 3)


def test_euclidean_normalises_by_the_largest_possible_distance():
    score, compared = match_score(ANSWERS, {"a": 1, "b": -2}, EUCLIDEAN)
    assert compared == 2
    assert score == pytest.approx(1 - math.sqrt(1 * 1 + 2 * 4) / math.sqrt(1 * 16 + 2 * 16))


def test_identical_and_opposite_answers_give_the_extremes():
    answers = Answers({"a": 2, "b": -2})
    for metric in (AGREEMENT, EUCLIDEAN):
        assert match_score(answers, {"a": 2, "b": -2}, metric)[0] == pytest.approx(1)
        assert match_score(answers, {"a": -2, "b": 2}, metric)[0] == pytest.approx(0)


def test_missing_positions_are_left_out_not_counted_as_zero():
    score, compared = match_score(ANSWERS, {"a": 2})
    assert (score, compared) == (1.0, 1)
    score, compared = match_score(ANSWERS, {"z": 1})
    assert math.isnan(score) and compared == 0


def test_unknown_metric_is_refused():
    with pytest.raises(ValueError, match="unknown metric"):
        match_score(ANSWERS, {"a": 1}, "manhattan-ish")
    with pytest.raises(ValueError, match=r"use one of \['agreement', 'euclidean'\]"):
        match_score(ANSWERS, {}, "manhattan-ish")  # refused even when nothing is shared


def test_metric_registry_labels_and_scores():
    assert list(METRICS) == [AGREEMENT, EUCLIDEAN]
    assert metric_label(AGREEMENT) == "Agreement (average closeness)"
    assert metric_label(EUCLIDEAN) == "Distance (Euclidean: big gaps count more)"
    table = breakdown(ANSWERS, {"a": 1, "b": -2})
    assert METRICS[AGREEMENT].score is average_closeness
    assert average_closeness(table) == pytest.approx((0.75 + 2 * 0.5) / 3)
    assert METRICS[EUCLIDEAN].score(table) == pytest.approx(1 - math.sqrt(1 + 2 * 4) / math.sqrt(16 + 2 * 16))


@pytest.mark.parametrize(("answered", "needed"), [(0, 2), (1, 2), (4, 2), (5, 3), (9, 5)])
def test_minimum_overlap(answered, needed):
    assert minimum_overlap(answered) == needed


def test_match_table_ranks_only_parties_with_enough_overlap():
    latest = make_stances(
        [
            ("Near", "X", "a", 2, "2025-01-01"),
            ("Near", "X", "b", 0, "2025-01-01"),
            ("Far", "Y", "a", -2, "2025-01-01"),
            ("Far", "Y", "b", 2, "2025-01-01"),
            ("Lone", "X", "a", 2, "2025-01-01"),
        ]
    )
    table = match_table(Answers({"a": 2, "b": 0}), latest).set_index(["kind", "name"])
    assert table.loc[("Actor", "Near"), "match"] == 1 and table.loc[("Actor", "Near"), "rank"] == 1
    assert table.loc[("Actor", "Far"), "rank"] == 2
    assert not table.loc[("Actor", "Lone"), "ranked"]  # one issue in common: shown, not ranked
    assert math.isnan(table.loc[("Actor", "Lone"), "rank"])
    # the bloc X is the mean of Near and Lone on a (2) and Near alone on b (0)
    assert table.loc[("Bloc", "X"), "match"] == 1


def test_party_positions_use_bloc_means():
    latest = make_stances([("A", "X", "a", 2, "2025-01-01"), ("B", "X", "a", -1, "2025-01-01")])
    assert party_positions(latest)[("Bloc", "X")] == {"a": 0.5}


def test_rank_changes_between_metrics():
    # A: one big miss; B: three small ones. Averages favour A, Euclidean favours B.
    latest = make_stances(
        [
            *(("A", "X", i, p, "2025-01-01") for i, p in zip("abcd", [0, 2, 2, 2], strict=True)),
            *(("B", "Y", i, p, "2025-01-01") for i, p in zip("abcd", [1, 1, 1, 2], strict=True)),
        ]
    )
    answers = Answers({i: 2 for i in "abcd"})
    by_agreement = match_table(answers, latest, AGREEMENT)
    by_distance = match_table(answers, latest, EUCLIDEAN)
    first = lambda t: t[(t["kind"] == "Actor") & (t["rank"] == 1)]["name"].item()  # noqa: E731
    assert (first(by_agreement), first(by_distance)) == ("A", "B")
    changes = rank_changes(by_agreement, by_distance)
    actors = changes[changes["kind"] == "Actor"].set_index("name")
    assert actors.loc["A", ["rank_agreement", "rank_distance"]].tolist() == [1, 2]
    assert rank_changes(by_agreement, by_agreement).empty


def test_party_is_a_record_equal_to_its_kind_and_name():
    party = Party("Actor", "United States")
    assert (party.kind, party.name) == ("Actor", "United States")
    assert party == ("Actor", "United States") and hash(party) == hash(("Actor", "United States"))
    assert party.label() == "United States (actor)"
    assert Party("Bloc", "Europe (EU)").label() == "Europe (EU) (bloc)"  # a name with brackets is never parsed


def three_parties() -> pd.DataFrame:
    return make_stances(
        [
            ("Near", "X", "a", 2, "2025-01-01"),
            ("Near", "X", "b", 0, "2025-01-01"),
            ("Far", "Y", "a", -2, "2025-01-01"),
            ("Far", "Y", "b", 2, "2025-01-01"),
            ("Lone", "X", "a", 2, "2025-01-01"),
            ("Mute", "Y", "c", 1, "2025-01-01"),
        ]
    )


def test_ranked_and_unranked_matches_of_one_kind():
    table = match_table(Answers({"a": 2, "b": 0}), three_parties())
    assert ranked_matches(table, "Actor")["name"].tolist() == ["Near", "Far"]
    assert ranked_matches(table, "Bloc")["name"].tolist() == ["X", "Y"]
    assert unranked_matches(table, "Actor")["name"].tolist() == ["Lone", "Mute"]
    assert unranked_matches(table, "Bloc").empty


def test_best_matches_name_the_closest_bloc_then_actor():
    table = match_table(Answers({"a": 2, "b": -2}), three_parties())
    # Near: a 1, b 0.5 → 0.75; Far: a 0, b 0 → 0; bloc X: a (2+2)/2 → 1, b 0 → 0.5 → 0.75
    assert best_matches(table) == [Match(Party("Bloc", "X"), 0.75, 2), Match(Party("Actor", "Near"), 0.75, 2)]
    assert best_matches(table, ("Actor",)) == [Match(Party("Actor", "Near"), 0.75, 2)]
    assert best_matches(match_table(Answers({"z": 1}), three_parties())) == []  # nothing ranked


def test_explainable_parties_share_an_answered_issue():
    table = match_table(Answers({"a": 2, "b": 0}), three_parties())
    parties = explainable_parties(table)
    # best first (Near and X match fully, Far and Y by a quarter), then Lone (unranked); not Mute (only on c)
    assert parties == [
        Party("Actor", "Near"),
        Party("Bloc", "X"),
        Party("Actor", "Far"),
        Party("Bloc", "Y"),
        Party("Actor", "Lone"),
    ]


def test_explain_match_sums_the_weighted_points_once():
    answers = Answers({"a": 2, "b": 0, "c": -2}, frozenset({"b"}))
    explained = explain_match(answers, three_parties(), Party("Actor", "Far"))
    # a: 2 vs −2 → 0; b: 0 vs 2 → 0.5 × 2
    assert explained.rows["issue"].tolist() == ["a", "b"]
    assert (explained.points, explained.possible, explained.issues) == (1.0, 3, 2)
    assert explained.score == pytest.approx(1 / 3)
    assert explained.score == match_score(answers, party_positions(three_parties())[Party("Actor", "Far")])[0]
    bloc = explain_match(answers, three_parties(), Party("Bloc", "Y"))
    assert bloc.rows["them"].tolist() == [-2.0, 2.0, 1.0]  # Mute's c counts for the bloc
