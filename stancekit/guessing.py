"""Guess the stance: compare a student's predictions with an actor's real positions."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from stancekit.scale import VERB_BASE, VERB_PAST, closeness, signed
from stancekit.selection import in_display_order, latest_positions
from stancekit.text import definite, format_date

MISS_POINTS = 0.5  # a guess two or more steps off counts as a wrong assumption
MIN_POSITIONS_FOR_SURPRISE = 3  # "Surprise me" picks actors with at least this many positions to guess
VERDICTS = {0: "Exactly right", 1: "One step off"}


def positions_per_actor(latest: pd.DataFrame, actors: list[str]) -> dict[str, int]:
    """How many positions each of `actors` has in `latest`, in the order of `actors`; those with none left out."""
    counts = latest.groupby("actor").size()
    return {actor: int(counts[actor]) for actor in actors if counts.get(actor, 0) > 0}


def surprise_pool(counts: Mapping[str, int], minimum: int = MIN_POSITIONS_FOR_SURPRISE) -> list[str]:
    """The actors "Surprise me" picks from: those with at least `minimum` positions, else all of them."""
    return [actor for actor, count in counts.items() if count >= minimum] or list(counts)


def positions_to_guess(
    stances: pd.DataFrame, latest: pd.DataFrame, actor: str, issues: list[str], end: pd.Timestamp | None = None
) -> pd.DataFrame:
    """The actor's positions to guess, in the order of `issues`: its latest ones, or those it held on `end`
    (the last day of a chapter) by its statements in `stances`."""
    if end is None:
        positions = latest[latest["actor"] == actor]
    else:
        positions = latest_positions(stances[stances["actor"] == actor], end)
    return in_display_order(positions, issues, "issue")


def verdict(difference: int) -> str:
    """A guess in words by how far it was off: 'Exactly right', 'One step off' or 'Off'."""
    return VERDICTS.get(abs(int(difference)), "Off")


def guess_results(guesses: Mapping[str, int | None], positions: pd.DataFrame) -> pd.DataFrame:
    """One row per guessed issue: the guess, the actor's latest row, the difference and the points.

    `positions` are the actor's latest positions (one row per issue). Points = closeness = 1 − |guess − real| / 4.
    """
    rows = []
    for _, row in positions.iterrows():
        guess = guesses.get(row["issue"])
        if guess is None:
            continue
        points = closeness(guess, int(row["position"]))
        rows.append(
            {
                **row.to_dict(),
                "guess": int(guess),
                "difference": int(row["position"]) - guess,
                "points": points,
            }
        )
    columns = list(positions.columns) + ["guess", "difference", "points"]
    return pd.DataFrame(rows, columns=columns)


def guess_score(results: pd.DataFrame) -> tuple[float, int, int]:
    """(average points 0–1, exact hits, number of guesses)."""
    if results.empty:
        return float("nan"), 0, 0
    return float(results["points"].mean()), int((results["difference"] == 0).sum()), len(results)


def wrong_assumption(row: pd.Series, proposition: str) -> str:
    """A plain sentence on a guess that was off: what the student expected and what the record says."""
    actor, guess, real = row["actor"], int(row["guess"]), int(row["position"])
    return (
        f"You expected {definite(actor)} to {VERB_BASE[guess].replace('stay ', 'be ')} “{proposition.rstrip('.')}” "
        f"({signed(guess)}); as of {format_date(row['date'])} it {VERB_PAST[real]} it ({signed(real)}). "
        f"The record: {row['summary']}"
    )


def wrong_assumptions(results: pd.DataFrame) -> pd.DataFrame:
    """The guesses that missed by two steps or more, biggest miss first."""
    missed = results[results["points"] <= MISS_POINTS]
    return missed.assign(_miss=missed["difference"].abs()).sort_values("_miss", ascending=False, kind="stable")
