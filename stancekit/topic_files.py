"""Each of a topic's files read and validated: stances, issues, events, chapters and sources."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pandas as pd

from stancekit.cell_checks import column_schema
from stancekit.csv_reader import parse_table
from stancekit.i18n import N_
from stancekit.schema import (
    CHAPTER_COLUMNS,
    EVENT_COLUMNS,
    ISSUE_COLUMNS,
    REQUIRED_ISSUE_COLUMNS,
    SOURCE_COLUMNS,
    Problem,
    StanceDataError,
    problem,
)
from stancekit.validation import missing_columns, schema_problems, validate_stances

CsvSource = str | Path | bytes | BinaryIO

ISSUE_SCHEMA = column_schema({"issue": ["required"], "proposition": ["required"]})
EVENT_SCHEMA = column_schema({"date": ["date"], "event": ["required"]})
CHAPTER_SCHEMA = column_schema({"chapter": ["required"], "start": ["date"], "end": ["date"]})


def _read_bytes(source: CsvSource) -> bytes:
    if isinstance(source, bytes):
        return source
    if isinstance(source, (str, Path)):
        return Path(source).read_bytes()
    return source.read()


def read_raw_table(source: CsvSource) -> pd.DataFrame:
    """A CSV (path, bytes or file) as an all-text table; see stancekit.csv_reader.parse_table."""
    return parse_table(_read_bytes(source))


def _raise_if(problems: list[Problem]) -> None:
    if problems:
        raise StanceDataError(problems)


def read_stances(source: CsvSource) -> pd.DataFrame:
    """Read and validate a stance table; raises StanceDataError with every problem found."""
    return validate_stances(read_raw_table(source))


def read_issues(source: CsvSource) -> pd.DataFrame:
    """Read issues.csv (issue, proposition; optional explainer, group and quiz, left empty when absent)."""
    raw = read_raw_table(source)
    _raise_if(missing_columns(raw, REQUIRED_ISSUE_COLUMNS))
    raw = raw.assign(**{name: raw.get(name, "") for name in ISSUE_COLUMNS if name not in REQUIRED_ISSUE_COLUMNS})
    _raise_if(schema_problems(raw, ISSUE_SCHEMA))
    return raw.loc[:, list(ISSUE_COLUMNS)].drop_duplicates("issue").reset_index(drop=True)


def read_events(source: CsvSource) -> pd.DataFrame:
    """Read events.csv (date, event, source_id), sorted by date."""
    raw = read_raw_table(source)
    _raise_if(missing_columns(raw, EVENT_COLUMNS[:2]))
    raw = raw.assign(source_id=raw.get("source_id", ""))
    _raise_if(schema_problems(raw, EVENT_SCHEMA))
    events = raw.loc[:, list(EVENT_COLUMNS)].assign(date=pd.to_datetime(raw["date"], format="%Y-%m-%d"))
    return events.sort_values("date", kind="stable").reset_index(drop=True)


def read_chapters(source: CsvSource) -> pd.DataFrame:
    """Read chapters.csv (chapter, start, end, summary), the periods a story is told in, sorted by start."""
    raw = read_raw_table(source)
    _raise_if(missing_columns(raw, CHAPTER_COLUMNS[:3]))
    raw = raw.assign(summary=raw.get("summary", ""))
    _raise_if(schema_problems(raw, CHAPTER_SCHEMA))
    chapters = raw.loc[:, list(CHAPTER_COLUMNS)].assign(
        start=pd.to_datetime(raw["start"], format="%Y-%m-%d"), end=pd.to_datetime(raw["end"], format="%Y-%m-%d")
    )
    backwards = chapters[chapters["end"] < chapters["start"]]
    _raise_if(
        [
            problem(
                int(i) + 2,
                "end",
                f"{row.end:%Y-%m-%d}",
                N_("chapter '{chapter}' ends before it starts."),
                chapter=row.chapter,
            )
            for i, row in backwards.iterrows()
        ]
    )
    return chapters.sort_values("start", kind="stable").reset_index(drop=True)


def read_sources(source: CsvSource) -> pd.DataFrame:
    """Read sources.csv, the list of sources a topic may cite (id, date, outlet, covers, tier, url)."""
    raw = read_raw_table(source)
    _raise_if(missing_columns(raw, SOURCE_COLUMNS))
    return raw.loc[:, list(SOURCE_COLUMNS)].reset_index(drop=True)
