"""Display tables of the classroom activities: the quiz's ranking and its per-issue breakdown (plain pandas)."""

from __future__ import annotations

import pandas as pd

from stancekit.matching import Explanation
from stancekit.scale import AGREE_LABELS, signed, stance_label


def ranking_table(ranked: pd.DataFrame) -> pd.DataFrame:
    """Ranked matches (see matching.ranked_matches) in words: the twin of the match chart."""
    return pd.DataFrame(
        {
            "Rank": ranked["rank"].astype(int),
            "Name": ranked["name"],
            "Match": ranked["match"].map(lambda m: f"{m:.0%}"),
            "Issues compared": ranked["issues"],
        }
    )


def _their_position(value: float) -> str:
    """An actor's position in words, or a bloc's mean as a number: '▲ Supports (+1)', '+0.7 (mean)'."""
    return stance_label(value) if float(value).is_integer() else f"{signed(round(value, 1))} (mean)"


def breakdown_table(explained: Explanation) -> pd.DataFrame:
    """Why a party matches, issue by issue: your answer, theirs (under the party's name), points and weight."""
    rows = explained.rows
    return pd.DataFrame(
        {
            "Issue": rows["issue"],
            "You": rows["you"].map(lambda v: f"{signed(v)} {AGREE_LABELS[v].lower()}"),
            explained.party.name: rows["them"].map(_their_position),
            "Points": rows["points"].map(lambda p: f"{p:.2f}"),
            "Weight": rows["weight"].map(lambda w: f"{w}×"),
            "Weighted points": rows["weighted_points"].map(lambda p: f"{p:.2f}"),
        }
    )
