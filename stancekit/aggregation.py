"""Statistics over latest positions: bloc summaries, the gap between two blocs, pairwise agreement."""

from __future__ import annotations

import pandas as pd

PREFERRED_COMPARISON = ("Europe", "United States")
BLOC_SUMMARY_COLUMNS = ["issue", "bloc", "mean", "min", "max", "spread", "count", "members"]
GAP_COLUMNS = ["issue", "mean_a", "mean_b", "count_a", "count_b", "gap", "abs_gap"]


def bloc_summary(latest: pd.DataFrame) -> pd.DataFrame:
    """Per issue and bloc: mean, min, max and spread of positions, member count and members.

    `members` names the actors from most to least supportive, so a bloc is never shown as one
    voice without who is in it.
    """
    if latest.empty:
        return pd.DataFrame(columns=BLOC_SUMMARY_COLUMNS)
    ordered = latest.sort_values(["position", "actor"], ascending=[False, True])
    grouped = ordered.groupby(["issue", "bloc"], sort=False)
    summary = grouped["position"].agg(["mean", "min", "max", "count"]).reset_index()
    summary["spread"] = summary["max"] - summary["min"]
    summary["members"] = grouped["actor"].agg(tuple).to_numpy()
    return summary[BLOC_SUMMARY_COLUMNS]


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


def comparison_pair(
    blocs: list[str] | tuple[str, ...], preferred: tuple[str, str] = PREFERRED_COMPARISON
) -> tuple[str, str]:
    """The two blocs to compare by default: the preferred ones where present, else the first two."""
    if len(blocs) < 2:
        raise ValueError("comparing needs at least two blocs")
    first = preferred[0] if preferred[0] in blocs else blocs[0]
    rest = [b for b in blocs if b != first]
    return first, preferred[1] if preferred[1] in rest else rest[0]
