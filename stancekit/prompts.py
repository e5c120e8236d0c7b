"""Discussion prompts generated from the data, each with the sources to read first.

Works for any topic: prompts come from the largest gaps between two blocs, the widest spread of
positions on an issue, and the biggest changes of one actor's position over time.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from stancekit.aggregation import bloc_gap, bloc_voice
from stancekit.chapters import Chapter, chapter_changes
from stancekit.scale import VERB_BASE, VERB_PAST, VERB_PRESENT, signed
from stancekit.selection import latest_positions
from stancekit.standing import REPORTED, standing
from stancekit.text import definite, format_date


@dataclass(frozen=True)
class Prompt:
    """A question for class discussion, the issue it is about, and the positions to read first."""

    kind: str  # "gap", "spread", "change" or "chapters"
    issue: str
    question: str
    readings: tuple[dict, ...]  # position rows (actor, date, summary, source, source_url, …)


def prompts_on(prompts: list[Prompt], issues: list[str]) -> list[Prompt]:
    """The prompts about one of `issues`, in their order."""
    wanted = set(issues)
    return [prompt for prompt in prompts if prompt.issue in wanted]


def _row(rows: pd.DataFrame) -> dict:
    return rows.iloc[0].to_dict()


def _is_reported(row: dict) -> bool:
    """Whether a row is known only from a report or another voice."""
    return bool(standing(pd.DataFrame([row])).iloc[0] >= REPORTED)


def gap_prompts(latest: pd.DataFrame, bloc_a: str, bloc_b: str, count: int = 2) -> list[Prompt]:
    """Why do two blocs disagree? One prompt per issue with the largest gap between their means."""
    gaps = bloc_gap(latest, bloc_a, bloc_b)
    prompts = []
    for gap in gaps[gaps["abs_gap"] >= 1].head(count).itertuples():
        a = bloc_voice(latest, gap.issue, bloc_a).to_dict()
        b = bloc_voice(latest, gap.issue, bloc_b).to_dict()
        if a["actor"] == b["actor"]:
            continue
        b_reported = _is_reported(b)
        asked = "is" if b_reported else "does"
        b_stance = ("reported to " if b_reported else "") + VERB_BASE[int(b["position"])]
        a_stance = (
            f"is reported to {VERB_BASE[int(a['position'])]}" if _is_reported(a) else VERB_PRESENT[int(a["position"])]
        )
        question = (
            f"On “{gap.issue}”, why {asked} {definite(b['actor'])} {b_stance} it ({signed(int(b['position']))}) "
            f"while {definite(a['actor'])} {a_stance} it ({signed(int(a['position']))})? What does each side fear, "
            "and what would change its mind?"
        )
        prompts.append(Prompt("gap", gap.issue, question, (a, b)))
    return prompts


def spread_prompts(latest: pd.DataFrame, count: int = 2, exclude: set[str] | None = None) -> list[Prompt]:
    """Why are views so far apart? One prompt per issue with the widest range of positions."""
    exclude = exclude or set()
    stats = latest.groupby("issue", sort=False)["position"].agg(["min", "max", "count", "std"])
    stats = stats[(stats["count"] >= 3) & ~stats.index.isin(exclude)]
    stats = stats.assign(spread=stats["max"] - stats["min"]).sort_values(["spread", "std"], ascending=False)
    prompts = []
    for issue, s in stats.head(count).iterrows():
        rows = latest[latest["issue"] == issue].sort_values(["position", "date"], ascending=[True, False])
        low, high = _row(rows), _row(rows.iloc[::-1])
        middle = rows.iloc[len(rows) // 2].to_dict()
        readings = tuple({r["actor"]: r for r in (low, high, middle)}.values())
        question = (
            f"{int(s['count'])} actors took a position on “{issue}”, from {definite(low['actor'])} "
            f"({signed(int(low['position']))}) to {definite(high['actor'])} ({signed(int(high['position']))}). "
            "Where do their interests differ, and who would have to move for a compromise?"
        )
        prompts.append(Prompt("spread", str(issue), question, readings))
    return prompts


def change_prompts(stances: pd.DataFrame, count: int = 2, exclude: set[str] | None = None) -> list[Prompt]:
    """Why did an actor move? One prompt per actor-issue whose position changed the most."""
    ordered = stances[~stances["issue"].isin(exclude or set())].sort_values("date", kind="stable")
    key = ["actor", "issue"]
    spread = ordered.groupby(key, sort=False)["position"].agg(["min", "max", "nunique"])
    firsts = ordered.drop_duplicates(key, keep="first").set_index(key)
    lasts = ordered.drop_duplicates(key, keep="last").set_index(key)
    moved = spread[spread["nunique"] >= 2].assign(
        swing=lambda t: t["max"] - t["min"], last_date=lambda t: lasts.loc[t.index, "date"].to_numpy()
    )
    top = moved.sort_values(["swing", "last_date"], ascending=False, kind="stable").index[:count]
    moves = [
        (
            {**firsts.loc[k].to_dict(), "actor": k[0], "issue": k[1]},
            {**lasts.loc[k].to_dict(), "actor": k[0], "issue": k[1]},
        )
        for k in top
    ]
    prompts = []
    for first, last in moves:
        question = (
            f"On {format_date(first['date'])} {definite(first['actor'])} {VERB_PAST[int(first['position'])]} "
            f"“{first['issue']}” ({signed(int(first['position']))}); by {format_date(last['date'])} it "
            f"{VERB_PAST[int(last['position'])]} it ({signed(int(last['position']))}). "
            "What happened in between, and why might it have moved?"
        )
        prompts.append(Prompt("change", first["issue"], question, (first, last)))
    return prompts


def _month_span(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """'between March and August 2025', 'between December 2025 and January 2026'."""
    if first.year == last.year:
        return f"between {first:%B} and {last:%B %Y}"
    return f"between {first:%B %Y} and {last:%B %Y}"


def chapter_prompts(
    stances: pd.DataFrame, chapters: tuple[Chapter, ...], count: int = 2, exclude: set[str] | None = None
) -> list[Prompt]:
    """How did an actor move from one chapter to the next? One prompt per issue for the largest moves between
    the end of consecutive chapters, each naming the months of the two statements."""
    found = []
    for first, second in zip(chapters, chapters[1:], strict=False):
        moves = chapter_changes(stances, first, second).dropna(subset=["from_position"])
        found += [(abs(m.to_position - m.from_position), second.number, first, second, m) for m in moves.itertuples()]
    found.sort(key=lambda item: (-item[0], item[1]))
    prompts, used = [], set(exclude or set())
    for _, _, first, second, move in found:
        if move.issue in used:
            continue
        used.add(move.issue)
        rows = stances[(stances["actor"] == move.actor) & (stances["issue"] == move.issue)]
        before = latest_positions(rows, first.end).iloc[0].to_dict()
        after = latest_positions(rows, second.end).iloc[0].to_dict()
        was, now = int(before["position"]), int(after["position"])
        question = (
            f"How did {definite(move.actor)} move on “{move.issue}” {_month_span(before['date'], after['date'])}? "
            f"On {format_date(before['date'])} it {VERB_PAST[was]} it ({signed(was)}); "
            f"by {format_date(after['date'])} it {VERB_PAST[now]} it ({signed(now)}). What happened in between?"
        )
        prompts.append(Prompt("chapters", move.issue, question, (before, after)))
        if len(prompts) == count:
            break
    return prompts


def discussion_prompts(
    stances: pd.DataFrame,
    latest: pd.DataFrame,
    blocs: tuple[str, str] | None,
    chapters: tuple[Chapter, ...] = (),
) -> list[Prompt]:
    """Prompts for the current selection: bloc gaps first, then spreads, then moves between chapters (or,
    without chapters, the sharpest changes); one per issue."""
    prompts = gap_prompts(latest, *blocs) if blocs else []
    used = {p.issue for p in prompts}
    prompts += spread_prompts(latest, exclude=used)
    used |= {p.issue for p in prompts}
    if len(chapters) >= 2:
        prompts += chapter_prompts(stances, chapters, exclude=used)
    else:
        prompts += change_prompts(stances, exclude=used)
    return prompts
