"""The synthetic benchmark tables are valid stance tables of the promised shape."""

from __future__ import annotations

import numpy as np

from stancekit.topic_files import read_stances
from testkit.synthetic import SHAPES, synthetic_stances, write_synthetic


def test_shape_and_validity(tmp_path):
    path = write_synthetic(1_000, tmp_path / "stances.csv")
    table = read_stances(path)
    actors, issues, dates = SHAPES[1_000]
    assert len(table) == actors * issues * dates == 1_000
    assert table["actor"].nunique() == actors and table["issue"].nunique() == issues
    assert table["date"].nunique() == dates


def test_positions_stay_on_the_scale_and_move_at_most_one_step():
    table = synthetic_stances(5, 4, 6)
    assert table["position"].between(-2, 2).all()
    steps = table.groupby(["actor", "issue"])["position"].apply(lambda p: np.abs(np.diff(p.to_numpy())).max())
    assert (steps <= 1).all() and (steps >= 1).any()  # positions do move


def test_same_seed_same_table():
    assert synthetic_stances(3, 3, 3).equals(synthetic_stances(3, 3, 3))
