import math

from stancekit.agreement import (
    StanceCount,
    agreement_matrix,
    cluster_order,
    clustered_agreement,
    coalitions,
    stance_count,
)
from stancekit.selection import latest_positions
from tests.conftest import make_stances


def blocs_of_three():
    """Two camps that agree inside and disagree across, plus a loner; input order mixes them."""
    rows = []
    camp_a, camp_b = ["A1", "A2", "A3"], ["B1", "B2", "B3"]
    for issue, (pa, pb) in {"i1": (2, -2), "i2": (1, -2), "i3": (2, -1)}.items():
        rows += [(a, "X", issue, pa, "2025-01-01") for a in camp_a]
        rows += [(b, "Y", issue, pb, "2025-01-01") for b in camp_b]
    rows.append(("Loner", "Z", "i4", 0, "2025-01-01"))
    return make_stances(rows), ["A1", "B1", "A2", "B2", "Loner", "A3", "B3"]


def test_agreement_matrix_values_and_shared_counts():
    stances, order = blocs_of_three()
    agreement, shared = agreement_matrix(latest_positions(stances), order)
    assert agreement.at["A1", "A2"] == 1 and shared.at["A1", "A2"] == 3
    # |2−(−2)| + |1−(−2)| + |2−(−1)| = 10 over 3 issues → 1 − (10/3)/4
    assert math.isclose(agreement.at["A1", "B1"], 1 - 10 / 12)
    assert math.isnan(agreement.at["A1", "Loner"]) and shared.at["A1", "Loner"] == 0
    assert agreement.at["Loner", "Loner"] == 1 and shared.at["Loner", "Loner"] == 1


def test_cluster_order_keeps_allies_together():
    stances, order = blocs_of_three()
    agreement, _ = agreement_matrix(latest_positions(stances), order)
    clustered = cluster_order(agreement)
    assert sorted(clustered) == sorted(order)
    positions = {name: i for i, name in enumerate(clustered)}
    for camp in (["A1", "A2", "A3"], ["B1", "B2", "B3"]):
        spots = sorted(positions[a] for a in camp)
        assert spots[-1] - spots[0] == 2, clustered  # contiguous
    assert cluster_order(agreement) == clustered  # deterministic


def test_coalitions_split_for_split_against_in_display_order(small_stances):
    table = coalitions(latest_positions(small_stances), ["Troops"], ["Russia", "US", "UK", "France", "Poland"])
    row = table.iloc[0]
    assert row["for"] == ("UK", "France") and row["split"] == ("US",) and row["against"] == ("Russia", "Poland")


def test_clustered_agreement_gives_matrix_counts_and_order():
    stances, order = blocs_of_three()
    latest = latest_positions(stances)
    agreement, shared, clustered = clustered_agreement(latest, order)
    expected_agreement, expected_shared = agreement_matrix(latest, order)
    assert agreement.equals(expected_agreement) and shared.equals(expected_shared)
    assert clustered == cluster_order(expected_agreement)
    assert shared.at["A1", "B1"] == 3 and math.isclose(agreement.at["A1", "B1"], 1 - 10 / 12)


def test_stance_count_by_side(small_stances):
    latest = latest_positions(small_stances)
    # Troops: UK +2, France +1, Poland −1, US 0 (its latest), Russia −2
    assert stance_count(latest[latest["issue"] == "Troops"]) == StanceCount(5, 2, 1, 2)
    assert stance_count(latest[latest["issue"] == "Deal"]) == StanceCount(2, 1, 1, 0)
    assert stance_count(latest.iloc[0:0]) == StanceCount(0, 0, 0, 0)
