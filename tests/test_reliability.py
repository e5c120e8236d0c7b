"""Krippendorff's alpha, checked against the worked example of Krippendorff (2011)."""

import numpy as np
import pytest

from stancekit.reliability import krippendorff_alpha


def test_krippendorff_alpha_matches_the_worked_example_of_krippendorff_2011():
    n = None
    coders = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    units = list(zip(*coders, strict=True))
    assert round(krippendorff_alpha(units, "nominal"), 3) == 0.743
    assert round(krippendorff_alpha(units, "ordinal"), 3) == 0.815
    assert round(krippendorff_alpha(units, "interval"), 3) == 0.849


def test_edge_cases_of_alpha():
    assert np.isnan(krippendorff_alpha([(1, None), (None, 2)]))  # nothing pairable
    assert np.isnan(krippendorff_alpha([(1, 1), (1, 1)]))  # no variation to agree on
    assert krippendorff_alpha([(1, 1), (2, 2), (-2, -2)]) == 1
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha([(1, 2), (2, 1)], "ratio")
