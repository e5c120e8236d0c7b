"""What changed: each row's position as known over time, and the rows that changed a position between two dates."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from stancekit.i18n import N_
from stancekit.standing import precedence

CHANGE_COLUMNS = ["date", "actor", "bloc", "issue", "from_position", "to_position"]
# How "what changed" compares: every change between two dates, or positions at the end of two chapters.
# They are the URL's values (?changes=Between two dates): msgids, shown translated, never translated in the URL.
BETWEEN_DATES, BETWEEN_CHAPTERS = N_("Between two dates"), N_("Between two chapters")
CHANGES_MODES = (BETWEEN_DATES, BETWEEN_CHAPTERS)


def effective_positions(stances: pd.DataFrame) -> pd.DataFrame:
    """The rows in date order, each with the actor's latest position (stancekit.selection) once it is known.

    Adds `sets_position` (this row is the newest of the best kind so far, so it sets the position) and
    `effective` (the position as known right after this row). On one day a better kind of row comes last.
    """
    ranked = stances.assign(_standing=precedence(stances))
    ordered = ranked.sort_values(["date", "_standing"], ascending=[True, False], kind="stable")
    groups = ordered.groupby(["actor", "issue"], sort=False)
    best_so_far = groups["_standing"].cummin()
    best_that_day = ordered.groupby(["actor", "issue", "date"], sort=False)["_standing"].transform("min")
    sets = (ordered["_standing"] == best_so_far) & (ordered["_standing"] == best_that_day)
    effective = ordered["position"].where(sets).astype(float).groupby([ordered["actor"], ordered["issue"]]).ffill()
    return ordered.drop(columns="_standing").assign(sets_position=sets, effective=effective)


def position_changes(
    stances: pd.DataFrame, start: pd.Timestamp | None = None, end: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Every row that changed an actor's latest position on an issue, dated from `start` to `end` inclusive.

    A first row counts as a change from "no stated position" (from_position NaN). Restating the same
    position is not a change, and neither is a report or another voice that the actor's own statement
    outranks (stancekit.standing). Newest first. All columns of the row are kept, plus from_position
    and to_position.
    """
    ordered = effective_positions(stances)
    previous = ordered.groupby(["actor", "issue"], sort=False)["effective"].shift()
    changed = ordered["sets_position"] & (previous.isna() | (previous != ordered["position"]))
    in_window = pd.Series(True, index=ordered.index)
    if start is not None:
        in_window &= ordered["date"] >= pd.Timestamp(start)
    if end is not None:
        in_window &= ordered["date"] <= pd.Timestamp(end)
    keep = changed & in_window
    result = ordered[keep].drop(columns=["sets_position", "effective"])
    result = result.assign(from_position=previous[keep].astype(float), to_position=ordered["position"][keep])
    return result.sort_values(["date", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)


def moves_only(changes: pd.DataFrame) -> pd.DataFrame:
    """The changes (position_changes, chapters.chapter_changes) that move an existing position, not
    first statements."""
    return changes[changes["from_position"].notna()]


@dataclass(frozen=True)
class ChangeCount:
    """How many changes a list holds, and how many of them move an existing position."""

    total: int
    moves: int

    @property
    def first_statements(self) -> int:
        """Changes from 'no stated position': the first time an actor took one."""
        return self.total - self.moves


def count_changes(changes: pd.DataFrame) -> ChangeCount:
    """Count a list of changes: all of them, and the moves of an existing position."""
    return ChangeCount(len(changes), len(moves_only(changes)))
