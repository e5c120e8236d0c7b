"""Agreement between coders: Krippendorff's alpha, for the double-coded stance table.

Follows Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": a coincidence matrix of the
values coders gave the same unit, and a distance between values (nominal, ordinal or interval).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

LEVELS = ("nominal", "ordinal", "interval")


def _distances(values: np.ndarray, totals: np.ndarray, level: str) -> np.ndarray:
    """δ² between every pair of values: nominal 0/1, interval (c − k)², ordinal by the values in between."""
    if level == "nominal":
        return 1.0 - np.eye(len(values))
    if level == "interval":
        return (values[:, None] - values[None, :]) ** 2
    if level == "ordinal":
        cumulative = np.cumsum(totals)
        # Σ_{g=c..k} n_g − (n_c + n_k) / 2, for c ≤ k; symmetric.
        low, high = (
            np.minimum.outer(range(len(values)), range(len(values))),
            np.maximum.outer(range(len(values)), range(len(values))),
        )
        between = cumulative[high] - cumulative[low] + totals[low]
        return (between - (totals[low] + totals[high]) / 2) ** 2
    raise ValueError(f"unknown level {level!r}; use one of {LEVELS}")


def krippendorff_alpha(units: Sequence[Sequence[float | None]], level: str = "ordinal") -> float:
    """Alpha for coded units: each unit lists the values its coders gave (None where a coder gave none).

    1 = perfect agreement, 0 = no better than chance. Units with fewer than two values are not pairable
    and do not count. NaN when there is nothing to compare or no variation at all.
    """
    coded = [[float(v) for v in unit if v is not None and v == v] for unit in units]
    pairable = [unit for unit in coded if len(unit) >= 2]
    if not pairable:
        return float("nan")
    values = np.array(sorted({v for unit in pairable for v in unit}))
    index = {v: i for i, v in enumerate(values)}
    coincidences = np.zeros((len(values), len(values)))
    for unit in pairable:
        counts = np.zeros(len(values))
        for v in unit:
            counts[index[v]] += 1
        coincidences += (np.outer(counts, counts) - np.diag(counts)) / (len(unit) - 1)
    totals = coincidences.sum(axis=1)
    n = totals.sum()
    distance = _distances(values, totals, level)
    expected = (np.outer(totals, totals) * distance).sum()
    if expected == 0:
        return float("nan")
    observed = (coincidences * distance).sum()
    return float(1 - (n - 1) * observed / expected)
