"""Values a link carries, one small parser per kind: valid, invalid or missing, and what was turned down.

A parser takes the strings a URL holds for one key and what the dataset allows (`Options`); `encode`
writes a value back the way the URL does (a list repeats the key; dates are ISO days).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import Enum

import pandas as pd

from stancekit.dataset import Dataset
from stancekit.selection import ALL_ISSUES, CENTRAL_ISSUES


class Status(Enum):
    VALID = "valid"
    INVALID = "invalid"
    MISSING = "missing"


@dataclass(frozen=True)
class Parsed:
    """What one URL key's values came to: a value, or nothing; and the values that were turned down."""

    status: Status
    value: object = None
    rejected: tuple[str, ...] = ()


MISSING = Parsed(Status.MISSING)


@dataclass(frozen=True)
class Options:
    """What a dataset allows a link to choose."""

    blocs: frozenset[str]
    actors: frozenset[str]
    issues: frozenset[str]
    chapters: frozenset[str]
    groups: frozenset[str]
    first: date
    last: date

    @classmethod
    def of(cls, dataset: Dataset) -> Options:
        first, last = (d.date() for d in dataset.date_range)
        chapters = frozenset(chapter.name for chapter in dataset.chapters)
        groups = frozenset({CENTRAL_ISSUES, ALL_ISSUES, *dataset.issue_groups})
        return cls(
            frozenset(dataset.blocs), frozenset(dataset.actors), frozenset(dataset.issue_names), chapters, groups,
            first, last,
        )  # fmt: skip


def _texts(values: Iterable[str]) -> list[str]:
    return [v for v in values if v != ""]


def one_of(allowed: Callable[[Options], Iterable[str]]) -> Callable[[list[str], Options], Parsed]:
    """A key holding one of a set of names; the first value counts."""

    def parse(values: list[str], options: Options) -> Parsed:
        values = _texts(values)
        if not values:
            return MISSING
        if values[0] in set(allowed(options)):
            return Parsed(Status.VALID, values[0])
        return Parsed(Status.INVALID, None, (values[0],))

    return parse


def many_of(allowed: Callable[[Options], Iterable[str]]) -> Callable[[list[str], Options], Parsed]:
    """A key holding several names: the known ones are kept, the others turned down."""

    def parse(values: list[str], options: Options) -> Parsed:
        values = _texts(values)
        names = set(allowed(options))
        kept = tuple(dict.fromkeys(v for v in values if v in names))
        rejected = tuple(v for v in values if v not in names)
        if not values:
            return MISSING
        return Parsed(Status.VALID if kept else Status.INVALID, kept or None, rejected)

    return parse


def _date_within(value: str, options: Options) -> date | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if options.first <= day <= options.last else None


def a_date(values: list[str], options: Options) -> Parsed:
    """A day within the data's dates; the last day is the default (the latest data)."""
    values = _texts(values)
    if not values:
        return MISSING
    day = _date_within(values[0], options)
    if day is None:
        return Parsed(Status.INVALID, None, (values[0],))
    return Parsed(Status.VALID, None if day == options.last else day)


def two_dates(values: list[str], options: Options) -> Parsed:
    """Two days within the data's dates, earlier first; the whole range is the default."""
    values = _texts(values)
    if not values:
        return MISSING
    days = [_date_within(v, options) for v in values[:2]]
    rejected = tuple(v for v, d in zip(values, days, strict=False) if d is None)
    if len(days) < 2 or rejected:
        return Parsed(Status.INVALID, None, rejected or tuple(values))
    start, end = sorted(days)
    return Parsed(Status.VALID, None if (start, end) == (options.first, options.last) else (start, end))


def a_flag(values: list[str], options: Options) -> Parsed:
    """true or false."""
    values = _texts(values)
    if not values:
        return MISSING
    if values[0] in ("true", "false"):
        return Parsed(Status.VALID, values[0] == "true")
    return Parsed(Status.INVALID, None, (values[0],))


def a_text(values: list[str], options: Options) -> Parsed:
    """Any text (a search)."""
    values = _texts(values)
    return Parsed(Status.VALID, values[0]) if values else MISSING


def encode_value(value: object) -> list[str]:
    if value is None or value is False or value == "" or value == ():
        return []
    if value is True:
        return ["true"]
    if isinstance(value, tuple):
        return [v.isoformat() if isinstance(v, date) else str(v) for v in value]
    return [value.isoformat() if isinstance(value, date) else str(value)]


def encode(value: object) -> list[str]:
    """A widget's value as the URL writes it (lists repeat the key; dates are ISO days)."""
    if isinstance(value, list):
        value = tuple(value)
    if isinstance(value, pd.Timestamp):
        value = value.date()
    return encode_value(value)
