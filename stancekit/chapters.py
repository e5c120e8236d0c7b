"""Chapters: the periods a story is told in, and positions at the end of each.

A chapter is a named span of dates (chapters.csv). Views step through them: the position of every actor
as the chapter closed, what changed from one chapter to the next, and one actor's path across them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from babel.dates import format_interval

from stancekit.i18n import DEFAULT, FORMAT_LOCALE, N_, PSEUDO, gettext
from stancekit.scale import GLYPHS, nearest_position, signed
from stancekit.selection import latest_positions
from stancekit.text import format_date

# The timeline's period when it shows every chapter; also the URL's value: a msgid, shown translated.
WHOLE_STORY = N_("Whole story")
CHAPTER_CHANGE_COLUMNS = [
    "actor",
    "bloc",
    "issue",
    "from_position",
    "to_position",
    "from_date",
    "to_date",
    "summary",
    "source",
    "source_url",
    "evidence",
]


@dataclass(frozen=True)
class Chapter:
    """One period of the story: its number (from 1), name, first and last day, and a one-line summary."""

    number: int
    name: str
    start: pd.Timestamp
    end: pd.Timestamp
    summary: str = ""

    def label(self, lang: str = "en") -> str:
        """'2 · Ceasefire push and Alaska (May–Aug 2025)', for pickers and headings."""
        return f"{self.number} · {self.name} ({self.span(lang)})"

    def span(self, lang: str = "en") -> str:
        """The months it covers, e.g. 'May–Aug 2025' or 'Sep 2025–Jan 2026'; 'févr.–avr. 2025' in French (Babel's
        month interval; English keeps the app's three-letter months, as stancekit.i18n.day does)."""
        if lang not in (DEFAULT, PSEUDO):
            return format_interval(self.start, self.end, "yMMM", locale=FORMAT_LOCALE[lang])
        if self.start.year == self.end.year:
            return f"{self.start:%b}–{self.end:%b %Y}" if self.start.month != self.end.month else f"{self.end:%b %Y}"
        return f"{self.start:%b %Y}–{self.end:%b %Y}"


def chapter_list(table: pd.DataFrame) -> tuple[Chapter, ...]:
    """The chapters of a chapters table, in order."""
    return tuple(
        Chapter(number, str(row.chapter), pd.Timestamp(row.start), pd.Timestamp(row.end), str(row.summary))
        for number, row in enumerate(table.itertuples(), 1)
    )


def chapter_named(chapters: tuple[Chapter, ...], name: str | None) -> Chapter | None:
    """The chapter of that name, or None."""
    return next((c for c in chapters if c.name == name), None)


def chapter_of(chapters: tuple[Chapter, ...], day: pd.Timestamp) -> Chapter | None:
    """The chapter a day falls in, or None."""
    return next((c for c in chapters if c.start <= pd.Timestamp(day) <= c.end), None)


def chapter_changes(stances: pd.DataFrame, first: Chapter, second: Chapter) -> pd.DataFrame:
    """Every actor-issue whose latest position differs between the end of two chapters.

    `from_position` is NaN where the actor had stated no position by the end of `first`. Positions follow
    the latest-position rule (own words before reports and other voices). The summary, source and evidence
    are those of the position at the end of `second`. Largest moves first, new positions last.
    """
    before = latest_positions(stances, first.end).set_index(["actor", "issue"])
    after = latest_positions(stances, second.end).set_index(["actor", "issue"])
    joined = after[["bloc", "position", "date", "summary", "source", "source_url", "evidence"]].join(
        before[["position", "date"]].rename(columns={"position": "from_position", "date": "from_date"}), how="left"
    )
    joined = joined.rename(columns={"position": "to_position", "date": "to_date"})
    changed = joined[joined["from_position"].isna() | (joined["from_position"] != joined["to_position"])]
    result = changed.reset_index().assign(
        _move=lambda t: (t["to_position"] - t["from_position"]).abs().fillna(-1),
        from_position=lambda t: t["from_position"].astype(float),
    )
    result = result.sort_values(["_move", "actor", "issue"], ascending=[False, True, True], kind="stable")
    return result[CHAPTER_CHANGE_COLUMNS].reset_index(drop=True)


def _mean_at_ends(rows: pd.DataFrame, chapters: tuple[Chapter, ...]) -> list[float | None]:
    """The mean of the latest positions in `rows` at the end of each chapter (None where nobody had spoken)."""
    path: list[float | None] = []
    for chapter in chapters:
        latest = latest_positions(rows, chapter.end)
        path.append(None if latest.empty else float(latest["position"].mean()))
    return path


def chapter_path(stances: pd.DataFrame, chapters: tuple[Chapter, ...], actor: str, issue: str) -> list[float | None]:
    """One actor's position on one issue at the end of each chapter (None before it first spoke)."""
    return _mean_at_ends(stances[(stances["actor"] == actor) & (stances["issue"] == issue)], chapters)


def bloc_path(stances: pd.DataFrame, chapters: tuple[Chapter, ...], issue: str, bloc: str) -> list[float | None]:
    """A bloc's mean position on one issue at the end of each chapter (None where no member had spoken)."""
    return _mean_at_ends(stances[(stances["issue"] == issue) & (stances["bloc"] == bloc)], chapters)


def path_text(values: list[float | None], lang: str = "en") -> str:
    """Positions (or a bloc's means) at the end of each chapter, in words: '1 ◆ 0 → 2 ▲ +1 → 3 ▲ +1.5';
    chapters before the first statement are left out."""
    return " → ".join(
        f"{number} {GLYPHS[nearest_position(v)]} {signed(round(v, 1), lang)}"
        for number, v in enumerate(values, 1)
        if v is not None
    )


def chapter_sentence(chapter: Chapter, lang: str = "en") -> str:
    """'Chapter 2, Ceasefire push and Alaska (1 May 2025 – 31 Aug 2025)'."""
    _ = gettext(lang)
    return _("Chapter {number}, {name} ({start} – {end})").format(
        number=chapter.number,
        name=chapter.name,
        start=format_date(chapter.start, lang),
        end=format_date(chapter.end, lang),
    )
