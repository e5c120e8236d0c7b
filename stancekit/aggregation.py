"""Statistics over latest positions: bloc summaries that say who stands behind them, the gap between two
blocs, and the member who speaks for a bloc."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from stancekit.scale import nearest_position
from stancekit.standing import JOINT_STATEMENT, OWN_STATEMENT, REPORTED, standing

PREFERRED_COMPARISON = ("Europe", "United States")
BLOC_SUMMARY_COLUMNS = [
    "issue",
    "bloc",
    "mean",
    "median",
    "min",
    "max",
    "spread",
    "count",
    "total",
    "for",
    "split",
    "against",
    "joint",
    "joint_names",
    "reported",
    "members",
]
GAP_COLUMNS = ["issue", "mean_a", "mean_b", "count_a", "count_b", "gap", "abs_gap"]


def bloc_sizes(actors: Iterable[str], actor_bloc: Mapping[str, str]) -> dict[str, int]:
    """How many of `actors` each bloc has: the denominator of 'n of N members stated a position'."""
    sizes: dict[str, int] = {}
    for actor in actors:
        bloc = actor_bloc[actor]
        sizes[bloc] = sizes.get(bloc, 0) + 1
    return sizes


def bloc_summary(latest: pd.DataFrame, sizes: Mapping[str, int] | None = None) -> pd.DataFrame:
    """Per issue and bloc: mean, median, range, how many members stated a position and how they split.

    `count` members stated a position, of `total` in the bloc (from `sizes`, else `count`); `for`, `split`
    and `against` count them by sign; `joint` counts those whose latest position comes from a joint
    statement, named in `joint_names`; `reported` counts those known only from reports or other voices
    (stancekit.standing). `members` names them from most to least supportive, so a bloc is
    never shown as one voice without who is in it.
    """
    if latest.empty:
        return pd.DataFrame(columns=BLOC_SUMMARY_COLUMNS)
    ordered = latest.sort_values(["position", "actor"], ascending=[False, True])
    position = ordered["position"].astype(int)
    joint = ordered["joint"] if "joint" in ordered.columns else pd.Series("", index=ordered.index)
    rank = standing(ordered)
    ordered = ordered.assign(
        _for=position.gt(0),
        _split=position.eq(0),
        _against=position.lt(0),
        _joint=rank.eq(JOINT_STATEMENT),
        _reported=rank.ge(REPORTED),
        _name=joint.where(rank.eq(JOINT_STATEMENT), ""),
    )
    grouped = ordered.groupby(["issue", "bloc"], sort=False)
    summary = grouped["position"].agg(["mean", "median", "min", "max", "count"]).reset_index()
    counts = grouped[["_for", "_split", "_against", "_joint", "_reported"]].sum().to_numpy()
    summary[["for", "split", "against", "joint", "reported"]] = counts.astype(int)
    summary["spread"] = summary["max"] - summary["min"]
    summary["joint_names"] = (
        grouped["_name"].agg(lambda names: tuple(names[names != ""].value_counts().index)).to_numpy()
    )
    summary["members"] = grouped["actor"].agg(tuple).to_numpy()
    summary["total"] = [
        max(int(n), (sizes or {}).get(b, 0)) for b, n in zip(summary["bloc"], summary["count"], strict=True)
    ]
    return summary[BLOC_SUMMARY_COLUMNS]


def bloc_voice(latest: pd.DataFrame, issue: str, bloc: str) -> pd.Series | None:
    """The member whose words show a bloc's position on an issue, or None when no member stated one.

    On-the-record words come first (an own statement, then a joint one); a report or another voice only
    when the bloc has nothing on the record. Among those, the member closest to the bloc's median, then
    one with a quote, then the newest.
    """
    rows = latest[(latest["issue"] == issue) & (latest["bloc"] == bloc)]
    if rows.empty:
        return None
    rank = standing(rows)
    on_record = rank < REPORTED
    pool = rows[on_record] if on_record.any() else rows
    centre = float(rows["position"].median())
    ranked = pool.assign(
        _distance=(pool["position"] - centre).abs(),
        _own=rank[pool.index] != OWN_STATEMENT,
        _no_quote=pool["quote"].eq("") if "quote" in pool.columns else True,
    )
    order = ["_distance", "_own", "_no_quote", "date"]
    return (
        ranked.sort_values(order, ascending=[True, True, True, False], kind="stable")
        .iloc[0]
        .drop(["_distance", "_own", "_no_quote"])
    )


def bloc_stats(summary: pd.DataFrame, issue: str, bloc: str) -> dict:
    """One bloc's figures on one issue from a bloc summary (see `bloc_summary`), with its name under 'bloc': what
    the sentences of stancekit.describe read."""
    row = summary[(summary["issue"] == issue) & (summary["bloc"] == bloc)].iloc[0]
    return {**row.to_dict(), "bloc": bloc}


@dataclass(frozen=True)
class BlocVoice:
    """A bloc on one issue: its figures (see `bloc_stats`) and the member row that speaks for it (`bloc_voice`)."""

    bloc: str
    stats: dict
    row: pd.Series

    @property
    def nearest(self) -> int:
        """The scale point nearest to the bloc's mean."""
        return nearest_position(float(self.stats["mean"]))


def bloc_voices(latest: pd.DataFrame, summary: pd.DataFrame, issue: str, blocs: Iterable[str]) -> list[BlocVoice]:
    """Each of `blocs` that stated a position on `issue`, in that order, with its figures from `summary` (the bloc
    summary of `latest`) and the member who speaks for it."""
    stated = set(summary.loc[summary["issue"] == issue, "bloc"])
    return [
        BlocVoice(bloc, bloc_stats(summary, issue, bloc), bloc_voice(latest, issue, bloc))
        for bloc in blocs
        if bloc in stated
    ]


def featured_voice(voices: list[BlocVoice], bloc: str | None = None) -> BlocVoice:
    """The one voice a slide quotes: `bloc`'s if it spoke, else the first voice with a quote, else the first."""
    for voice in voices:
        if voice.bloc == bloc:
            return voice
    return next((voice for voice in voices if voice.row.get("quote", "")), voices[0])


def bloc_gap(latest: pd.DataFrame, bloc_a: str, bloc_b: str) -> pd.DataFrame:
    """Per issue, the mean positions of two blocs and the gap (a − b), largest |gap| first.

    Issues where either bloc has no stated position keep a missing gap and come last.
    """
    summary = bloc_summary(latest)
    wide = summary.pivot_table(index="issue", columns="bloc", values=["mean", "count"], sort=False)
    issues = pd.Index(latest["issue"].drop_duplicates(), name="issue")
    frame = pd.DataFrame(index=issues)
    for suffix, bloc in (("a", bloc_a), ("b", bloc_b)):
        for stat in ("mean", "count"):
            column = (stat, bloc)
            frame[f"{stat}_{suffix}"] = wide[column].reindex(issues) if column in wide.columns else float("nan")
    frame["count_a"] = frame["count_a"].fillna(0).astype(int)
    frame["count_b"] = frame["count_b"].fillna(0).astype(int)
    frame["gap"] = frame["mean_a"] - frame["mean_b"]
    frame["abs_gap"] = frame["gap"].abs()
    frame = frame.reset_index().sort_values("abs_gap", ascending=False, na_position="last", kind="stable")
    return frame[GAP_COLUMNS].reset_index(drop=True)


def comparable_gaps(gaps: pd.DataFrame) -> pd.DataFrame:
    """The issues of a `bloc_gap` table on which both blocs stated a position, largest gap first."""
    return gaps.dropna(subset=["gap"])


def incomparable_issues(gaps: pd.DataFrame) -> list[str]:
    """The issues of a `bloc_gap` table on which one bloc (or both) stated no position."""
    return gaps.loc[gaps["gap"].isna(), "issue"].tolist()


def largest_gaps(gaps: pd.DataFrame, count: int) -> pd.DataFrame:
    """The `count` issues of a `bloc_gap` table on which the two blocs differ most (an equal mean is no gap)."""
    return gaps[gaps["abs_gap"] > 0].head(count)


def comparison_pair(
    blocs: list[str] | tuple[str, ...], preferred: tuple[str, str] = PREFERRED_COMPARISON
) -> tuple[str, str]:
    """The two blocs to compare by default: the preferred ones where present, else the first two."""
    if len(blocs) < 2:
        raise ValueError("comparing needs at least two blocs")
    first = preferred[0] if preferred[0] in blocs else blocs[0]
    rest = [b for b in blocs if b != first]
    return first, preferred[1] if preferred[1] in rest else rest[0]


def default_pair(
    blocs: list[str] | tuple[str, ...], preferred: tuple[str, str] = PREFERRED_COMPARISON
) -> tuple[str, str] | None:
    """The two blocs to compare by default (see `comparison_pair`), or None when there are fewer than two."""
    return comparison_pair(blocs, preferred) if len(blocs) >= 2 else None


def preferred_comparison(aliases: Mapping[str, str]) -> tuple[str, str]:
    """PREFERRED_COMPARISON as a dataset in another language names it (its aliases lead from the English)."""
    first, second = (aliases.get(bloc, bloc) for bloc in PREFERRED_COMPARISON)
    return first, second


def pair_first(blocs: Iterable[str], bloc_a: str, bloc_b: str) -> list[str]:
    """The two compared blocs, then the other `blocs` in their order."""
    return [bloc_a, bloc_b] + [bloc for bloc in blocs if bloc not in (bloc_a, bloc_b)]
