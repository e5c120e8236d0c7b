"""Guess the stance: compare a student's predictions with an actor's real positions."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from stancekit.i18n import N_, gettext
from stancekit.prompts import named
from stancekit.scale import closeness, signed
from stancekit.selection import in_display_order, latest_positions
from stancekit.text import format_date

MISS_POINTS = 0.5  # a guess two or more steps off counts as a wrong assumption
MIN_POSITIONS_FOR_SURPRISE = 3  # "Surprise me" picks actors with at least this many positions to guess
# i18n: how far a guess of a position was off
VERDICTS = {0: N_("Exactly right"), 1: N_("One step off")}
# i18n: a guess that was two or more steps off
OFF = N_("Off")
# Whole clauses per position, so a translation can reorder them.
# i18n: what a student guessed, "You expected X to strongly support “Send troops” (+2)"
EXPECTED = {
    2: N_("You expected {actor} to strongly support “{proposition}” ({value})"),
    1: N_("You expected {actor} to support “{proposition}” ({value})"),
    0: N_("You expected {actor} to be split on “{proposition}” ({value})"),
    -1: N_("You expected {actor} to oppose “{proposition}” ({value})"),
    -2: N_("You expected {actor} to strongly oppose “{proposition}” ({value})"),
}
# i18n: what the actor said, after a semicolon ("it": the actor; the second "it": the proposition)
AS_OF = {
    2: N_("as of {date} it strongly supported it ({value})"),
    1: N_("as of {date} it supported it ({value})"),
    0: N_("as of {date} it was split on it ({value})"),
    -1: N_("as of {date} it opposed it ({value})"),
    -2: N_("as of {date} it strongly opposed it ({value})"),
}


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


def verdict(difference: int, lang: str = "en") -> str:
    """A guess in words by how far it was off: 'Exactly right', 'One step off' or 'Off'."""
    return gettext(lang)(VERDICTS.get(abs(int(difference)), OFF))


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


def wrong_assumption(row: pd.Series, proposition: str, lang: str = "en") -> str:
    """A plain sentence on a guess that was off: what the student expected and what the record says."""
    _ = gettext(lang)
    actor, guess, real = row["actor"], int(row["guess"]), int(row["position"])
    expected = _(EXPECTED[guess]).format(
        actor=named(actor, lang), proposition=proposition.rstrip("."), value=signed(guess)
    )
    record = _(AS_OF[real]).format(date=format_date(row["date"], lang), value=signed(real))
    # i18n: {expected}: "You expected X to support “…” (+1)"; {record}: "as of 1 Mar 2025 it opposed it (−1)";
    # {summary}: the statement's summary (data)
    return _("{expected}; {record}. The record: {summary}").format(
        expected=expected, record=record, summary=row["summary"]
    )


def wrong_assumptions(results: pd.DataFrame) -> pd.DataFrame:
    """The guesses that missed by two steps or more, biggest miss first."""
    missed = results[results["points"] <= MISS_POINTS]
    return missed.assign(_miss=missed["difference"].abs()).sort_values("_miss", ascending=False, kind="stable")
