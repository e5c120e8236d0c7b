"""Column-wise work two columns at a time: Arrow's kernels (trimming, hashing) release the GIL."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

Column = TypeVar("Column")
Result = TypeVar("Result")

WORKERS = 2  # the machines this runs on (a laptop, Community Cloud) have one or two cores to spare


def each_column(function: Callable[[Column], Result], columns: Iterable[Column]) -> list[Result]:
    """function(column) for every column, in order, WORKERS at a time."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(function, columns))
