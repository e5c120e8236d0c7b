"""A topic's tables in one immutable bundle, with the display order of blocs, actors and issues."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import pandas as pd

from stancekit.chapters import Chapter, chapter_list
from stancekit.i18n import gettext
from stancekit.schema import CHAPTER_COLUMNS, ISSUE_COLUMNS, SOURCE_COLUMNS, StanceDataError
from stancekit.topic_files import read_chapters, read_events, read_issues, read_sources, read_stances


def no_events() -> pd.DataFrame:
    """An empty events table with the column types of a real one (dates as dates)."""
    return pd.DataFrame(
        {
            "date": pd.Series(dtype="datetime64[us]"),
            "event": pd.Series(dtype="str"),
            "source_id": pd.Series(dtype="str"),
        }
    )


@dataclass(frozen=True)
class Dataset:
    """Stances plus companion tables. Treat every DataFrame here as read-only: the derived facts below are
    computed once per object and remembered."""

    title: str
    description: str
    stances: pd.DataFrame
    issues: pd.DataFrame
    events: pd.DataFrame = field(default_factory=no_events)
    sources: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(SOURCE_COLUMNS)))
    chapter_table: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(CHAPTER_COLUMNS)))
    # Another language's spelling of a name → this dataset's (stancekit.content): a link in any language opens.
    aliases: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Issues tables built by hand may lack the optional columns; views can rely on all of them.
        missing = [name for name in ISSUE_COLUMNS if name not in self.issues.columns]
        if missing:
            object.__setattr__(self, "issues", self.issues.assign(**dict.fromkeys(missing, "")))

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of the content: equal data, equal fingerprint (caches are keyed by it)."""
        digest = hashlib.sha256()
        for table in (self.stances, self.issues, self.events, self.sources, self.chapter_table):
            digest.update(pd.util.hash_pandas_object(table, index=False).values.tobytes())
        digest.update(self.title.encode())
        return digest.hexdigest()[:16]

    @cached_property
    def blocs(self) -> tuple[str, ...]:
        """Blocs in the order the table first mentions them (the author's order)."""
        return tuple(self.stances["bloc"].drop_duplicates())

    @cached_property
    def actors(self) -> tuple[str, ...]:
        """Actors grouped by bloc (bloc order), each bloc in order of first mention."""
        first = self.stances.drop_duplicates("actor")
        rank = {bloc: i for i, bloc in enumerate(self.blocs)}
        ordered = first.assign(_rank=first["bloc"].map(rank)).sort_values("_rank", kind="stable")
        return tuple(ordered["actor"])

    @cached_property
    def actor_bloc(self) -> dict[str, str]:
        """Each actor's bloc."""
        first = self.stances.drop_duplicates("actor")
        return dict(zip(first["actor"], first["bloc"], strict=True))

    @cached_property
    def issue_names(self) -> tuple[str, ...]:
        """Issues that have positions: issues.csv order first, then any others by first mention."""
        present = list(self.stances["issue"].drop_duplicates())
        listed = [i for i in self.issues["issue"] if i in set(present)]
        return tuple(listed + [i for i in present if i not in set(listed)])

    def issue_info(self, issue: str) -> dict[str, str]:
        """Proposition, explainer and group of an issue; the label stands in where none is given. (A new dict
        each call: the caller may keep or change it.)"""
        found = self._issue_rows.get(issue)
        if found is None:
            return {"issue": issue, "proposition": issue, "explainer": "", "group": "", "quiz": ""}
        return dict(found)

    @cached_property
    def _issue_rows(self) -> dict[str, dict[str, str]]:
        """issues.csv by issue (the first row of each), read once: issue_info runs for every issue on a page."""
        rows: dict[str, dict[str, str]] = {}
        for row in self.issues[list(ISSUE_COLUMNS)].to_dict("records"):
            rows.setdefault(row["issue"], row)
        return rows

    @cached_property
    def quiz_issues(self) -> tuple[str, ...]:
        """The curated set for the quiz (issues.csv: quiz = yes), in display order; empty when none is marked."""
        marked = set(self.issues.loc[self.issues["quiz"].str.strip().str.lower().eq("yes"), "issue"])
        return tuple(i for i in self.issue_names if i in marked)

    @cached_property
    def issue_groups(self) -> dict[str, tuple[str, ...]]:
        """Issues by their group (issues.csv: group), groups and issues in display order; {} when ungrouped."""
        group_of = dict(zip(self.issues["issue"], self.issues["group"].str.strip(), strict=True))
        groups: dict[str, list[str]] = {}
        for issue in self.issue_names:
            if group_of.get(issue):
                groups.setdefault(group_of[issue], []).append(issue)
        return {name: tuple(issues) for name, issues in groups.items()}

    @cached_property
    def chapters(self) -> tuple[Chapter, ...]:
        """The chapters of the story, in order; empty when the topic has none."""
        return chapter_list(self.chapter_table)

    @cached_property
    def date_range(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """First and last date of a stated position."""
        return self.stances["date"].min(), self.stances["date"].max()

    @cached_property
    def source_count(self) -> int:
        """Number of distinct sources the positions cite."""
        ids = self.stances["source_id"].where(self.stances["source_id"] != "", self.stances["source"])
        return int(ids.nunique())


def load_dataset(folder: Path, title: str, description: str) -> Dataset:
    """Read a topic folder: stances.csv (required), issues.csv, events.csv, sources.csv (optional)."""
    stances = read_stances(folder / "stances.csv")

    def optional(name: str, reader: Callable[[Path], pd.DataFrame], columns: tuple[str, ...]) -> pd.DataFrame:
        path = folder / name
        return reader(path) if path.exists() else pd.DataFrame(columns=list(columns))

    return Dataset(
        title=title,
        description=description,
        stances=stances,
        issues=optional("issues.csv", read_issues, ISSUE_COLUMNS),
        events=read_events(folder / "events.csv") if (folder / "events.csv").exists() else no_events(),
        sources=optional("sources.csv", read_sources, SOURCE_COLUMNS),
        chapter_table=optional("chapters.csv", read_chapters, CHAPTER_COLUMNS),
    )


def dataset_from_files(
    stances: bytes,
    title: str,
    *,
    issues: bytes | None = None,
    events: bytes | None = None,
    description: str = "",
    lang: str = "en",
) -> Dataset:
    """A topic from uploaded files; raises StanceDataError listing every problem of every file.

    Problems carry the name of the file they were found in, so a teacher knows where to look (their messages
    are given in a language by Problem.text). `lang` is the language of the title given to an untitled topic.
    """
    problems = []
    tables: dict[str, pd.DataFrame] = {}
    for name, data, reader in (
        ("stances.csv", stances, read_stances),
        ("issues.csv", issues, read_issues),
        ("events.csv", events, read_events),
    ):
        if data is None:
            continue
        try:
            tables[name] = reader(data)
        except StanceDataError as error:
            problems += [replace(problem, file=name) for problem in error.problems]
    if problems:
        raise StanceDataError(problems)
    _ = gettext(lang)
    # i18n: the title of an uploaded topic its teacher left untitled.
    untitled = _("Your topic")
    return Dataset(
        title=title.strip() or untitled,
        description=description,
        stances=tables["stances.csv"],
        issues=tables.get("issues.csv", pd.DataFrame(columns=list(ISSUE_COLUMNS))),
        events=tables.get("events.csv", no_events()),
    )


def with_stances(dataset: Dataset, stances: pd.DataFrame) -> Dataset:
    """The same topic with an edited stance table."""
    return replace(dataset, stances=stances)
