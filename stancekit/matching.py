"""Voting-advice matching: how close a student's answers are to each actor's and bloc's positions.

Pure functions over plain data. Method (explained on the page in the same words):
- per issue both sides answered: points = closeness = 1 − |you − them| / 4 (1 = same answer, 0 = opposite
  ends; stancekit.scale.closeness);
- weight 2 for issues the student marked "matters more to me", else 1;
- agreement = Σ weight × points / Σ weight; skipped issues and issues where the actor stated no
  position are left out, and the number of issues compared is reported with every score;
- the Euclidean alternative: 1 − sqrt(Σ weight × (you − them)²) / sqrt(Σ weight × 4²), which
  punishes one large disagreement more than several small ones.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from stancekit.aggregation import bloc_summary
from stancekit.i18n import N_, gettext
from stancekit.scale import SCALE_WIDTH, closeness

AGREEMENT = "agreement"
EUCLIDEAN = "euclidean"
IMPORTANT_WEIGHT = 2
BREAKDOWN_COLUMNS = ["issue", "you", "them", "weight", "points", "weighted_points"]
# How a picker offers a party, by its kind ("Actor", "Bloc": data keys, never shown as they are).
PARTY_LABELS = {"Actor": N_("{name} (actor)"), "Bloc": N_("{name} (bloc)")}


class Party(NamedTuple):
    """An actor or a bloc the student is matched with; equal to the plain (kind, name) pair."""

    kind: str  # "Actor" or "Bloc"
    name: str

    def label(self, lang: str = "en") -> str:
        """How a picker offers it: 'United States (actor)'."""
        return gettext(lang)(PARTY_LABELS[self.kind]).format(name=self.name)


@dataclass(frozen=True)
class Answers:
    """A student's answers: position per issue (None = skipped) and the issues that matter more."""

    positions: Mapping[str, int | None]
    important: frozenset[str] = frozenset()

    @property
    def answered(self) -> dict[str, int]:
        """Only the issues the student did not skip."""
        return {issue: int(p) for issue, p in self.positions.items() if p is not None}

    def weight(self, issue: str) -> int:
        """2 for an issue marked as mattering more, else 1."""
        return IMPORTANT_WEIGHT if issue in self.important else 1


def breakdown(answers: Answers, positions: Mapping[str, float]) -> pd.DataFrame:
    """Per issue both sides answered: your answer, theirs, the weight and the points earned."""
    rows = []
    for issue, you in answers.answered.items():
        them = positions.get(issue)
        if them is None or (isinstance(them, float) and math.isnan(them)):
            continue
        weight = answers.weight(issue)
        points = closeness(you, them)
        rows.append(
            {
                "issue": issue,
                "you": you,
                "them": them,
                "weight": weight,
                "points": points,
                "weighted_points": weight * points,
            }
        )
    return pd.DataFrame(rows, columns=BREAKDOWN_COLUMNS)


def average_closeness(table: pd.DataFrame) -> float:
    """Σ weight × points / Σ weight over a breakdown that is not empty."""
    return float(table["weighted_points"].sum() / table["weight"].sum())


def euclidean_closeness(table: pd.DataFrame) -> float:
    """1 − sqrt(Σ weight × (you − them)²) / sqrt(Σ weight × 4²) over a breakdown that is not empty."""
    weights = table["weight"]
    distance = math.sqrt((weights * (table["you"] - table["them"]) ** 2).sum())
    return float(1 - distance / math.sqrt((weights * SCALE_WIDTH**2).sum()))


@dataclass(frozen=True)
class Metric:
    """One way to sum up a breakdown (see `breakdown`) as a match from 0 to 1, with its label on the page."""

    label: str
    score: Callable[[pd.DataFrame], float]


METRICS: dict[str, Metric] = {
    AGREEMENT: Metric(N_("Agreement (average closeness)"), average_closeness),
    EUCLIDEAN: Metric(N_("Distance (Euclidean: big gaps count more)"), euclidean_closeness),
}


def metric_named(metric: str) -> Metric:
    """The registered metric of that name; ValueError naming the known ones otherwise."""
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}; use one of {sorted(METRICS)}")
    return METRICS[metric]


def metric_label(metric: str, lang: str = "en") -> str:
    """The words a metric is offered under, e.g. 'Agreement (average closeness)'."""
    return gettext(lang)(metric_named(metric).label)


def match_score(answers: Answers, positions: Mapping[str, float], metric: str = AGREEMENT) -> tuple[float, int]:
    """(match from 0 to 1, number of issues compared); the match is NaN when nothing is shared."""
    score = metric_named(metric).score
    table = breakdown(answers, positions)
    if table.empty:
        return float("nan"), 0
    return score(table), len(table)


def minimum_overlap(answered: int) -> int:
    """Issues a match must rest on to be ranked: at least 2, and at least half of those answered."""
    return max(2, math.ceil(answered / 2))


def party_positions(latest: pd.DataFrame) -> dict[Party, dict[str, float]]:
    """Positions per issue of every actor and every bloc (bloc = mean of its members), keyed by
    Party (kind 'Actor' or 'Bloc', name)."""
    parties: dict[Party, dict[str, float]] = {}
    for actor, rows in latest.groupby("actor", sort=False):
        parties[Party("Actor", str(actor))] = dict(zip(rows["issue"], rows["position"].astype(float), strict=True))
    for bloc, rows in bloc_summary(latest).groupby("bloc", sort=False):
        parties[Party("Bloc", str(bloc))] = dict(zip(rows["issue"], rows["mean"].astype(float), strict=True))
    return parties


def match_table(
    answers: Answers,
    latest: pd.DataFrame,
    metric: str = AGREEMENT,
    *,
    parties: Mapping[Party, dict[str, float]] | None = None,
) -> pd.DataFrame:
    """Match of the student with every actor and bloc, best first; `ranked` marks enough overlap.
    `parties`: party_positions(latest), when the caller keeps it (it depends on the data alone).

    Columns: kind, name, match (0–1), issues (compared), ranked (bool), rank (1 = best, among
    ranked parties of the same kind; NaN when not ranked).
    """
    needed = minimum_overlap(len(answers.answered))
    rows = []
    for (kind, name), positions in (parties if parties is not None else party_positions(latest)).items():
        score, compared = match_score(answers, positions, metric)
        rows.append(
            {
                "kind": kind,
                "name": name,
                "match": score,
                "issues": compared,
                "ranked": compared >= needed and not math.isnan(score),
            }
        )
    table = pd.DataFrame(rows, columns=["kind", "name", "match", "issues", "ranked"])
    table = table.sort_values(
        ["ranked", "match", "issues", "name"],
        ascending=[False, False, False, True],
        kind="stable",
        na_position="last",
    ).reset_index(drop=True)
    ranks = table[table["ranked"]].groupby("kind")["match"].rank(method="min", ascending=False)
    table["rank"] = ranks.reindex(table.index)
    return table


def rank_changes(by_agreement: pd.DataFrame, by_distance: pd.DataFrame) -> pd.DataFrame:
    """Parties whose rank differs between the two metrics: kind, name, rank under each."""
    merged = by_agreement[["kind", "name", "rank"]].merge(
        by_distance[["kind", "name", "rank"]], on=["kind", "name"], suffixes=("_agreement", "_distance")
    )
    merged = merged.dropna(subset=["rank_agreement", "rank_distance"])
    changed = merged[merged["rank_agreement"] != merged["rank_distance"]]
    return changed.sort_values(["kind", "rank_agreement"]).reset_index(drop=True)


def ranked_matches(table: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The ranked rows of a match table (see `match_table`) of one kind ('Actor' or 'Bloc'), best first."""
    return table[(table["kind"] == kind) & table["ranked"]]


def unranked_matches(table: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The rows of one kind shown but not ranked: too few issues in common."""
    return table[~table["ranked"] & (table["kind"] == kind)]


@dataclass(frozen=True)
class Match:
    """One party's match with the student: from 0 to 1, on how many issues."""

    party: Party
    match: float
    issues: int


def best_matches(table: pd.DataFrame, kinds: tuple[str, ...] = ("Bloc", "Actor")) -> list[Match]:
    """The closest ranked party of each kind, in the order of `kinds`; a kind with none ranked is left out."""
    best = []
    for kind in kinds:
        for row in ranked_matches(table, kind).head(1).itertuples():
            best.append(Match(Party(row.kind, row.name), float(row.match), int(row.issues)))
    return best


def explainable_parties(table: pd.DataFrame) -> list[Party]:
    """The parties of a match table that share at least one answered issue, in the table's order."""
    return [Party(row.kind, row.name) for row in table.itertuples() if row.issues > 0]


@dataclass(frozen=True)
class Explanation:
    """Why a party matches as it does: the per-issue breakdown and the sums behind the agreement."""

    party: Party
    rows: pd.DataFrame  # see `breakdown`
    points: float  # Σ weight × points
    possible: int  # Σ weight: the points an identical set of answers would earn
    score: float  # points / possible, as the agreement metric scores it

    @property
    def issues(self) -> int:
        """How many issues the match rests on."""
        return len(self.rows)


def explain_match(answers: Answers, latest: pd.DataFrame, party: Party) -> Explanation:
    """The agreement of the student with one party that shares at least one answered issue, issue by issue."""
    rows = breakdown(answers, party_positions(latest)[party])
    return Explanation(
        party, rows, float(rows["weighted_points"].sum()), int(rows["weight"].sum()), average_closeness(rows)
    )
