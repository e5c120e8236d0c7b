"""Positions over time: what changed between two dates."""

from __future__ import annotations

import pandas as pd

CHANGE_COLUMNS = ["date", "actor", "bloc", "issue", "from_position", "to_position"]


def position_changes(
    stances: pd.DataFrame, start: pd.Timestamp | None = None, end: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Every statement that changed an actor's position on an issue, dated from `start` to `end` inclusive.

    A first statement counts as a change from "no stated position" (from_position NaN). Restating the
    same position is not a change. Newest first. All columns of the statement are kept, plus
    from_position and to_position.
    """
    ordered = stances.sort_values("date", kind="stable")
    previous = ordered.groupby(["actor", "issue"], sort=False)["position"].shift()
    changed = previous.isna() | (previous != ordered["position"])
    in_window = pd.Series(True, index=ordered.index)
    if start is not None:
        in_window &= ordered["date"] >= pd.Timestamp(start)
    if end is not None:
        in_window &= ordered["date"] <= pd.Timestamp(end)
    keep = changed & in_window
    result = ordered[keep].assign(from_position=previous[keep].astype(float), to_position=ordered["position"][keep])
    return result.sort_values(["date", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)
