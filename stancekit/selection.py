"""Choosing rows: the sidebar's selection of blocs, actors and issues, and positions as of a date."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from stancekit.i18n import N_
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


def in_display_order(rows: pd.DataFrame, order: Iterable[str], column: str = "actor") -> pd.DataFrame:
    """`rows` sorted by the place of their `column` (actor, issue, …) in `order`; rows not in it come last."""
    rank = {name: i for i, name in enumerate(order)}
    return rows.assign(_order=rows[column].map(rank)).sort_values("_order", kind="stable").drop(columns="_order")


def with_positions(names: Iterable[str], rows: pd.DataFrame, column: str = "actor") -> list[str]:
    """Those of `names` (actors, or blocs with column='bloc') that have a row in `rows`, in the order of `names`."""
    present = set(rows[column])
    return [name for name in names if name in present]


def without_positions(names: Iterable[str], rows: pd.DataFrame, column: str = "actor") -> list[str]:
    """Those of `names` that have no row in `rows`, in the order of `names`: who stated no position."""
    present = set(rows[column])
    return [name for name in names if name not in present]


def most_positions(rows: pd.DataFrame, actors: list[str], limit: int) -> list[str]:
    """The `limit` of `actors` with the most rows (on a tie, the earlier in `actors`), in the order of `actors`."""
    counts = rows["actor"].value_counts().reindex(actors, fill_value=0)
    keep = set(counts.sort_values(ascending=False, kind="stable").index[:limit])
    return [actor for actor in actors if actor in keep]


def most_moved(statements: pd.DataFrame, actors: list[str], limit: int) -> tuple[list[str], pd.DataFrame]:
    """The `limit` of `actors` whose position moved most in `statements` (most distinct positions, then most
    statements; on a tie, by name), in the order of `actors`, and their statements: the timeline's lanes."""
    moves = statements.groupby("actor")["position"].agg(["nunique", "size"])
    busiest = set(moves.sort_values(["nunique", "size"], ascending=False, kind="stable").index[:limit])
    kept = [actor for actor in actors if actor in busiest]
    return kept, statements[statements["actor"].isin(kept)]


def events_as_of(events: pd.DataFrame, as_of: pd.Timestamp | None) -> pd.DataFrame:
    """The key events known on `as_of` (all of them for None), as positions are."""
    return events if as_of is None else events[events["date"] <= pd.Timestamp(as_of)]


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


def other_statements(stances: pd.DataFrame, rows: pd.DataFrame) -> dict[Hashable, pd.DataFrame]:
    """For each of `rows` (by its label), the actor's other statements on the same issue in `stances`, newest
    first: earlier positions, and reports or other voices that do not set its position."""
    history = stances[stances["issue"].isin(rows["issue"]) & stances["actor"].isin(rows["actor"])]
    return {
        label: position_history(history, actor, issue).drop(index=label)
        for label, actor, issue in zip(rows.index, rows["actor"], rows["issue"], strict=True)
    }


def bloc_sections(rows: pd.DataFrame, blocs: tuple[str, ...]) -> list[tuple[str, pd.DataFrame]]:
    """`rows` grouped by bloc, in bloc order, each group titled by its bloc. Blocs that are a single actor of
    the same name (the US, Russia) share one group, titled 'United States · Russia', so that no title merely
    repeats its only member's name; it stands where the first of them would."""
    sections: list[tuple[str, pd.DataFrame] | None] = []
    solo: list[str] = []
    for bloc in with_positions(blocs, rows, "bloc"):
        members = rows[rows["bloc"] == bloc]
        if members["actor"].tolist() != [bloc]:
            sections.append((bloc, members))
        elif not solo:
            solo.append(bloc)
            sections.append(None)  # where the shared section goes
        else:
            solo.append(bloc)
    shared = (" · ".join(solo), rows[rows["bloc"].isin(solo)])
    return [section or shared for section in sections]


# Also the URL's values (?issues_shown=All issues): msgids, shown translated, never translated in the URL.
CENTRAL_ISSUES, ALL_ISSUES = N_("Central issues"), N_("All issues")


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


@dataclass(frozen=True)
class BlocStances:
    """One bloc's actors on one issue, grouped by their stated position (strongest support first), and those
    with no stated position: the matrix's column for one issue, in words, for a phone."""

    bloc: str
    by_position: tuple[tuple[int, tuple[str, ...]], ...]
    silent: tuple[str, ...]

    @property
    def size(self) -> int:
        return sum(len(names) for _, names in self.by_position) + len(self.silent)

    @property
    def stated(self) -> int:
        return self.size - len(self.silent)


def issue_by_position(
    latest: pd.DataFrame, actors: Iterable[str], actor_bloc: Mapping[str, str], issue: str
) -> list[BlocStances]:
    """Every bloc of `actors` (in their order) on `issue`: who stands at each scale point, who has not spoken.
    `latest` holds one position per actor and issue (latest_positions)."""
    rows = latest[latest["issue"] == issue]
    position_of = dict(zip(rows["actor"], rows["position"].astype(int), strict=True))
    blocs: dict[str, list[str]] = {}
    for actor in actors:
        blocs.setdefault(actor_bloc[actor], []).append(actor)
    result = []
    for bloc, members in blocs.items():
        stated = sorted({position_of[a] for a in members if a in position_of}, reverse=True)
        by_position = tuple((p, tuple(a for a in members if position_of.get(a) == p)) for p in stated)
        result.append(BlocStances(bloc, by_position, tuple(a for a in members if a not in position_of)))
    return result
