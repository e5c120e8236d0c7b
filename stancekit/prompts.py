"""Discussion prompts generated from the data, each with the sources to read first.

Works for any topic: prompts come from the largest gaps between two blocs, the widest spread of
positions on an issue, and the biggest changes of one actor's position over time.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from babel.dates import format_date as babel_date

from stancekit.aggregation import bloc_gap, bloc_voice
from stancekit.chapters import Chapter, chapter_changes
from stancekit.i18n import DEFAULT, FORMAT_LOCALE, N_, PSEUDO, gettext
from stancekit.i18n import ngettext as plural_forms
from stancekit.scale import signed
from stancekit.selection import latest_positions
from stancekit.standing import REPORTED, standing
from stancekit.text import definite, format_date

# Whole clauses per position, so a translation can reorder them ({actor}: a name; {value}: +2 … −2; "it": the
# issue's proposition). The question's two sides: "why does X … it" and "while Y … it".
# i18n: the first half of a question "On “Deal”, why does X strongly support it (+2) while Y …?"
ASKED = {
    2: N_("does {actor} strongly support it ({value})"),
    1: N_("does {actor} support it ({value})"),
    0: N_("does {actor} stay split on it ({value})"),
    -1: N_("does {actor} oppose it ({value})"),
    -2: N_("does {actor} strongly oppose it ({value})"),
}
# i18n: the first half of a question "On “Deal”, why is X reported to strongly support it (+2) while Y …?"
ASKED_REPORTED = {
    2: N_("is {actor} reported to strongly support it ({value})"),
    1: N_("is {actor} reported to support it ({value})"),
    0: N_("is {actor} reported to stay split on it ({value})"),
    -1: N_("is {actor} reported to oppose it ({value})"),
    -2: N_("is {actor} reported to strongly oppose it ({value})"),
}
# i18n: the second half of a question "… while X strongly supports it (+2)?"
HOLDS = {
    2: N_("{actor} strongly supports it ({value})"),
    1: N_("{actor} supports it ({value})"),
    0: N_("{actor} is split on it ({value})"),
    -1: N_("{actor} opposes it ({value})"),
    -2: N_("{actor} strongly opposes it ({value})"),
}
# i18n: the second half of a question "… while X is reported to strongly support it (+2)?"
HOLDS_REPORTED = {
    2: N_("{actor} is reported to strongly support it ({value})"),
    1: N_("{actor} is reported to support it ({value})"),
    0: N_("{actor} is reported to stay split on it ({value})"),
    -1: N_("{actor} is reported to oppose it ({value})"),
    -2: N_("{actor} is reported to strongly oppose it ({value})"),
}
# i18n: a change's first statement, "On 1 Feb 2025 X strongly opposed “Troops” (−2)"
HELD_ON = {
    2: N_("On {date} {actor} strongly supported “{issue}” ({value})"),
    1: N_("On {date} {actor} supported “{issue}” ({value})"),
    0: N_("On {date} {actor} was split on “{issue}” ({value})"),
    -1: N_("On {date} {actor} opposed “{issue}” ({value})"),
    -2: N_("On {date} {actor} strongly opposed “{issue}” ({value})"),
}
# i18n: a statement about the actor named just before ("it": the actor; the second "it": the issue)
IT_HELD_ON = {
    2: N_("On {date} it strongly supported it ({value})"),
    1: N_("On {date} it supported it ({value})"),
    0: N_("On {date} it was split on it ({value})"),
    -1: N_("On {date} it opposed it ({value})"),
    -2: N_("On {date} it strongly opposed it ({value})"),
}
# i18n: the later statement of a change, after a semicolon ("it": the actor; the second "it": the issue)
IT_HELD_BY = {
    2: N_("by {date} it strongly supported it ({value})"),
    1: N_("by {date} it supported it ({value})"),
    0: N_("by {date} it was split on it ({value})"),
    -1: N_("by {date} it opposed it ({value})"),
    -2: N_("by {date} it strongly opposed it ({value})"),
}


def named(actor: str, lang: str = "en", *, start: bool = False) -> str:
    """An actor's name as a sentence carries it: English adds "the" where it belongs ("the United States");
    other languages take the name as it is (their articles are their translators' choice)."""
    return definite(actor, start=start) if lang in (DEFAULT, PSEUDO) else actor


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


def gap_prompts(latest: pd.DataFrame, bloc_a: str, bloc_b: str, count: int = 2, lang: str = "en") -> list[Prompt]:
    """Why do two blocs disagree? One prompt per issue with the largest gap between their means."""
    _ = gettext(lang)
    gaps = bloc_gap(latest, bloc_a, bloc_b)
    prompts = []
    for gap in gaps[gaps["abs_gap"] >= 1].head(count).itertuples():
        a = bloc_voice(latest, gap.issue, bloc_a).to_dict()
        b = bloc_voice(latest, gap.issue, bloc_b).to_dict()
        if a["actor"] == b["actor"]:
            continue
        pos_a, pos_b = int(a["position"]), int(b["position"])
        asked = (ASKED_REPORTED if _is_reported(b) else ASKED)[pos_b]
        holds = (HOLDS_REPORTED if _is_reported(a) else HOLDS)[pos_a]
        question = _(
            "On “{issue}”, why {asked} while {holds}? What does each side fear, and what would change its mind?"
        ).format(
            issue=gap.issue,
            asked=_(asked).format(actor=named(b["actor"], lang), value=signed(pos_b)),
            holds=_(holds).format(actor=named(a["actor"], lang), value=signed(pos_a)),
        )
        prompts.append(Prompt("gap", gap.issue, question, (a, b)))
    return prompts


def spread_prompts(
    latest: pd.DataFrame, count: int = 2, exclude: set[str] | None = None, lang: str = "en"
) -> list[Prompt]:
    """Why are views so far apart? One prompt per issue with the widest range of positions."""
    ngettext = plural_forms(lang)
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
        n = int(s["count"])
        question = ngettext(
            "{count} actor took a position on “{issue}”, from {low} ({low_value}) to {high} ({high_value}). "
            "Where do their interests differ, and who would have to move for a compromise?",
            "{count} actors took a position on “{issue}”, from {low} ({low_value}) to {high} ({high_value}). "
            "Where do their interests differ, and who would have to move for a compromise?",
            n,
        ).format(
            count=n,
            issue=issue,
            low=named(low["actor"], lang),
            low_value=signed(int(low["position"])),
            high=named(high["actor"], lang),
            high_value=signed(int(high["position"])),
        )
        prompts.append(Prompt("spread", str(issue), question, readings))
    return prompts


def change_prompts(
    stances: pd.DataFrame, count: int = 2, exclude: set[str] | None = None, lang: str = "en"
) -> list[Prompt]:
    """Why did an actor move? One prompt per actor-issue whose position changed the most."""
    _ = gettext(lang)
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
        was, now = int(first["position"]), int(last["position"])
        before = _(HELD_ON[was]).format(
            date=format_date(first["date"], lang),
            actor=named(first["actor"], lang),
            issue=first["issue"],
            value=signed(was),
        )
        after = _(IT_HELD_BY[now]).format(date=format_date(last["date"], lang), value=signed(now))
        # i18n: {before}: "On 1 Feb 2025 X opposed “Troops” (−2)"; {after}: "by 1 Mar 2025 it was split on it (0)"
        question = _("{before}; {after}. What happened in between, and why might it have moved?").format(
            before=before, after=after
        )
        prompts.append(Prompt("change", first["issue"], question, (first, last)))
    return prompts


def _month_span(first: pd.Timestamp, last: pd.Timestamp, lang: str = "en") -> str:
    """'between March and August 2025', 'between December 2025 and January 2026'."""
    _ = gettext(lang)
    locale = FORMAT_LOCALE[lang]
    start = babel_date(first, "LLLL" if first.year == last.year else "LLLL y", locale=locale)
    # i18n: a span of months in a question, "How did X move on “Troops” between March and August 2025?"
    return _("between {start} and {end}").format(start=start, end=babel_date(last, "LLLL y", locale=locale))


def chapter_prompts(
    stances: pd.DataFrame,
    chapters: tuple[Chapter, ...],
    count: int = 2,
    exclude: set[str] | None = None,
    lang: str = "en",
) -> list[Prompt]:
    """How did an actor move from one chapter to the next? One prompt per issue for the largest moves between
    the end of consecutive chapters, each naming the months of the two statements."""
    _ = gettext(lang)
    found = []
    for first, second in zip(chapters, chapters[1:], strict=False):
        moves = chapter_changes(stances, first, second).dropna(subset=["from_position"])
        found += [(abs(m.to_position - m.from_position), second.number, first, second, m) for m in moves.itertuples()]
    found.sort(key=lambda item: (-item[0], item[1]))
    prompts, used = [], set(exclude or set())
    for _gap, _number, first, second, move in found:
        if move.issue in used:
            continue
        used.add(move.issue)
        rows = stances[(stances["actor"] == move.actor) & (stances["issue"] == move.issue)]
        before = latest_positions(rows, first.end).iloc[0].to_dict()
        after = latest_positions(rows, second.end).iloc[0].to_dict()
        was, now = int(before["position"]), int(after["position"])
        # i18n: {span}: "between March and August 2025"; {before}: "On 3 Mar 2025 it opposed it (−1)";
        # {after}: "by 1 Aug 2025 it supported it (+1)"
        question = _("How did {actor} move on “{issue}” {span}? {before}; {after}. What happened in between?").format(
            actor=named(move.actor, lang),
            issue=move.issue,
            span=_month_span(before["date"], after["date"], lang),
            before=_(IT_HELD_ON[was]).format(date=format_date(before["date"], lang), value=signed(was)),
            after=_(IT_HELD_BY[now]).format(date=format_date(after["date"], lang), value=signed(now)),
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
    lang: str = "en",
) -> list[Prompt]:
    """Prompts for the current selection: bloc gaps first, then spreads, then moves between chapters (or,
    without chapters, the sharpest changes); one per issue."""
    prompts = gap_prompts(latest, *blocs, lang=lang) if blocs else []
    used = {p.issue for p in prompts}
    prompts += spread_prompts(latest, exclude=used, lang=lang)
    used |= {p.issue for p in prompts}
    if len(chapters) >= 2:
        prompts += chapter_prompts(stances, chapters, exclude=used, lang=lang)
    else:
        prompts += change_prompts(stances, exclude=used, lang=lang)
    return prompts
