"""Sentences about bloc figures that tell the truth about the bloc: how many members stated a position,
how they split, the median beside the mean, and when one member, one joint text or only reports speak
for it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from stancekit.aggregation import bloc_stats, largest_gaps
from stancekit.scale import signed
from stancekit.text import definite


def is_single_actor_bloc(stats: Mapping) -> bool:
    """A bloc that is one actor of the same name (the United States, Russia): no members to count."""
    return int(stats["total"]) == 1 and tuple(stats["members"]) == (stats["bloc"],)


def bloc_value(stats: Mapping) -> str:
    """The bloc's figure as a signed number: its one member's position, else the mean to one decimal."""
    if int(stats["count"]) == 1:
        return signed(int(stats["mean"]))
    return signed(round(float(stats["mean"]), 1))


def bloc_split(stats: Mapping) -> str:
    """Who stands behind a bloc figure, in words: 'median +2; 12 of 19 members stated a position: 10 for,
    1 split, 1 against; 9 of them through one joint statement (Berlin statement, 15 Dec 2025)', or 'only
    the United Kingdom stated a position'. '' for a bloc that is a single actor."""
    if is_single_actor_bloc(stats):
        return "reported, not on the record" if int(stats["reported"]) else ""
    count, total = int(stats["count"]), int(stats["total"])
    if count == 1:
        text = f"only {definite(stats['members'][0])} stated a position"
        text += f", 1 of {total} members" if total > 1 else ""
        return text + ("; reported, not on the record" if int(stats["reported"]) else "")
    parts = [
        f"median {signed(round(float(stats['median']), 1))}",
        f"{count} of {total} members stated a position: {int(stats['for'])} for, {int(stats['split'])} split, "
        f"{int(stats['against'])} against",
    ]
    joint, names = int(stats["joint"]), tuple(stats["joint_names"])
    if joint > 1:
        source = f"one joint statement ({names[0]})" if len(names) == 1 else f"{len(names)} joint statements"
        parts.append(f"{'all' if joint == count else joint} of them through {source}")
    reported = int(stats["reported"])
    if reported:
        parts.append(
            f"{'all' if reported == count else reported} {'of them ' if reported < count else ''}"
            "known only from reports"
        )
    return "; ".join(parts)


def bloc_behind(stats: Mapping) -> str:
    """Who stands behind a bloc figure, in a few words for a slide: '17 of 19 members', 'only the United Kingdom,
    1 of 7 members'. '' for a bloc that is a single actor (see `bloc_split` for the whole sentence)."""
    if is_single_actor_bloc(stats):
        return ""
    count, total = int(stats["count"]), int(stats["total"])
    if count == 1 and total > 1:
        return f"only {definite(stats['members'][0])}, 1 of {total} members"
    return f"{count} of {total} members"


@dataclass(frozen=True)
class Glance:
    """One line of "at a glance": the issue, both blocs' figures, and who stands behind each."""

    issue: str
    figures: str  # 'Europe +2 vs the United States −2'
    behind: tuple[str, ...]  # 'Europe: median +2; 3 of 19 members stated a position: …', for blocs with members


def at_a_glance(gaps: pd.DataFrame, summary: pd.DataFrame, bloc_a: str, bloc_b: str, count: int = 2) -> list[Glance]:
    """The issues on which two blocs differ most, each bloc figure saying who stands behind it; [] when the two
    blocs differ on no shared issue."""
    lines = []
    for row in largest_gaps(gaps, count).itertuples():
        blocs = [bloc_stats(summary, row.issue, bloc) for bloc in (bloc_a, bloc_b)]
        figures = " vs ".join(f"{definite(b['bloc'], start=i == 0)} {bloc_value(b)}" for i, b in enumerate(blocs))
        behind = tuple(f"{b['bloc']}: {split}" for b in blocs if (split := bloc_split(b)))
        lines.append(Glance(str(row.issue), figures, behind))
    return lines
