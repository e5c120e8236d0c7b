"""Choosing rows: the sidebar's selection of blocs, actors and issues, and positions as of a date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from stancekit.standing import precedence


@dataclass(frozen=True)
class Selection:
    """What the user chose to look at. An empty tuple means 'all'."""

    blocs: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    issues: tuple[str, ...] = ()


def apply_selection(stances: pd.DataFrame, selection: Selection) -> pd.DataFrame:
    """Rows of the chosen blocs, actors and issues (an empty choice keeps all)."""
    keep = pd.Series(True, index=stances.index)
    for column, chosen in (
        ("bloc", selection.blocs),
        ("actor", selection.actors),
        ("issue", selection.issues),
    ):
        if chosen:
            keep &= stances[column].isin(chosen)
    return stances[keep]


def actors_in_blocs(actors: Iterable[str], actor_bloc: Mapping[str, str], blocs: Iterable[str]) -> tuple[str, ...]:
    """The actors of the chosen blocs (every actor when no bloc is chosen), in the order given: the bloc rule."""
    chosen = set(blocs)
    return tuple(a for a in actors if not chosen or actor_bloc[a] in chosen)


def selected_names(
    actor_options: Iterable[str], issues: Iterable[str], selection: Selection
) -> tuple[list[str], list[str]]:
    """The chosen actors and issues in display order (all when a filter is empty), whether or not they
    have positions: an actor who has not spoken is shown as 'no stated position', not hidden.
    `actor_options` are the actors of the chosen blocs (actors_in_blocs)."""
    actors = [a for a in actor_options if not selection.actors or a in selection.actors]
    return actors, [i for i in issues if not selection.issues or i in selection.issues]


def latest_positions(stances: pd.DataFrame, as_of: pd.Timestamp | None = None) -> pd.DataFrame:
    """Each actor's position on each issue, as known on `as_of` if given: its newest row of the best kind.

    What the actor said on the record (its own words or a joint statement it signed) outranks a media
    report, which outranks another voice (stancekit.standing): a report that a government is reconsidering
    does not replace what it said.
    """
    rows = stances if as_of is None else stances[stances["date"] <= pd.Timestamp(as_of)]
    ranked = rows.assign(_standing=precedence(rows))
    # Worst kind first, then oldest first: the row kept last per actor and issue is the newest of the best kind.
    ordered = ranked.sort_values(["_standing", "date"], ascending=[False, True], kind="stable")
    latest = ordered.drop_duplicates(["actor", "issue"], keep="last").drop(columns="_standing")
    return latest.sort_index()


def position_history(stances: pd.DataFrame, actor: str, issue: str) -> pd.DataFrame:
    """All positions of one actor on one issue, newest first."""
    rows = stances[(stances["actor"] == actor) & (stances["issue"] == issue)]
    return rows.sort_values("date", ascending=False, kind="stable")


CENTRAL_ISSUES, ALL_ISSUES = "Central issues", "All issues"


def central_issues(issues: list[str], curated: tuple[str, ...], *, all_wanted: bool = False) -> list[str]:
    """Those of `issues` in the topic's curated central set, in their order; all of `issues` when the reader
    wants them all or none of them is curated."""
    marked = set(curated)
    central = [issue for issue in issues if issue in marked]
    return list(issues) if all_wanted or not central else central


def issue_views(
    issues: list[str], curated: tuple[str, ...], groups: dict[str, tuple[str, ...]], *, chosen: bool = False
) -> dict[str, tuple[str, ...]]:
    """The ways a matrix can show `issues`, first one first: the curated central set (when it leaves some out),
    each group that has any of them, and all of them. {} when there is nothing to choose, or when the reader
    `chosen` the issues already (in the sidebar): then they see exactly those."""
    if chosen:
        return {}
    views: dict[str, tuple[str, ...]] = {}
    central = central_issues(issues, curated)
    if len(central) < len(issues):
        views[CENTRAL_ISSUES] = tuple(central)
    present = set(issues)
    for name, members in groups.items():
        if shown := tuple(i for i in members if i in present):
            views[name] = shown
    if views:
        views[ALL_ISSUES] = tuple(issues)
    return views if len(views) > 1 else {}
