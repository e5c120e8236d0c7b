"""The state of a view: every choice a view depends on, in one frozen object mirrored in the URL.

After owid-grapher's GrapherState. One small parser per URL key says whether a value is valid, invalid
or missing; `ViewState.from_params` reads a link (or this session's widgets, written the same way)
against a dataset, and `ViewState.to_params` writes the link back, leaving defaults out. Old key names
keep working through MIGRATIONS, so links shared in earlier classes still open the same view.
The parsers live here with the state they fill, as in GrapherState: together a little over 250 lines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from enum import Enum
from functools import cache

import pandas as pd

from stancekit.changes import CHANGES_MODES
from stancekit.chapters import WHOLE_STORY
from stancekit.dataset import Dataset
from stancekit.i18n import LANGUAGES, PSEUDO, gettext
from stancekit.pulse import normalise_code
from stancekit.schema import EVIDENCE_TYPES
from stancekit.selection import ALL_ISSUES, CENTRAL_ISSUES, Selection

# The URL keys, named once (components.keys re-exports them as widget keys).
BLOCS, ACTORS, ISSUES, AS_OF = "blocs", "actors", "issues", "as_of"
ISSUE = "issue"  # the issue picked on the deep-dive and timeline pages
COMPARE_A, COMPARE_B = "bloc_a", "bloc_b"
SEARCH, EVIDENCE = "q", "evidence"
BETWEEN, ONLY_MOVES, CHANGES_MODE = "between", "moves", "changes"
CHAPTER_FROM, CHAPTER_TO = "from_chapter", "to_chapter"
SLIDE, SLIDE_CHAPTER, SLIDE_QUOTE = "slide", "slide_chapter", "quote_from"
TIMELINE_PERIOD, ISSUE_GROUP = "period", "group"
JOIN = "join"  # Class Pulse: the class code a join link carries
LANG = "lang"  # the interface's language (read by the router, not a view setting; a shared link keeps it)
APP_SETTINGS = frozenset({LANG})  # URL keys outside the view state: components.language reads and writes it
SEAT = "seat"  # Class Pulse: CODE-ID, a joined student's class and random id, so that a reload keeps their place
# Read by a page itself and never a view setting: the teacher's private token (the classroom page takes it out
# of the address bar at once, so a projected or shared URL never shows it) and a student's seat.
PRIVATE = frozenset({"teacher", SEAT})

# Old name → new name. A link written before a key was renamed opens the same view.
MIGRATIONS: dict[str, str] = {
    "compare": CHANGES_MODE,  # "what changed": between dates or chapters (renamed: "compare" is the bloc pair)
}


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
    aliases: Mapping[str, str] = field(default_factory=dict)  # a name in another language → this dataset's

    @classmethod
    def of(cls, dataset: Dataset) -> Options:
        first, last = (d.date() for d in dataset.date_range)
        chapters = frozenset(chapter.name for chapter in dataset.chapters)
        groups = frozenset({CENTRAL_ISSUES, ALL_ISSUES, *dataset.issue_groups})
        return cls(
            frozenset(dataset.blocs), frozenset(dataset.actors), frozenset(dataset.issue_names), chapters, groups,
            first, last, dataset.aliases,
        )  # fmt: skip


def _texts(values: Iterable[str]) -> list[str]:
    return [v for v in values if v != ""]


def one_of(allowed: Callable[[Options], Iterable[str]]) -> Callable[[list[str], Options], Parsed]:
    """A key holding one of a set of names; the first value counts."""

    def parse(values: list[str], options: Options) -> Parsed:
        values = [options.aliases.get(v, v) for v in _texts(values)]
        if not values:
            return MISSING
        if values[0] in set(allowed(options)):
            return Parsed(Status.VALID, values[0])
        return Parsed(Status.INVALID, None, (values[0],))

    return parse


def many_of(allowed: Callable[[Options], Iterable[str]]) -> Callable[[list[str], Options], Parsed]:
    """A key holding several names: the known ones are kept, the others turned down."""

    def parse(values: list[str], options: Options) -> Parsed:
        values = [options.aliases.get(v, v) for v in _texts(values)]
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


def a_code(values: list[str], options: Options) -> Parsed:
    """A Class Pulse join code, as typed ('k7q-x3m' → 'K7QX3M')."""
    values = _texts(values)
    if not values:
        return MISSING
    code = normalise_code(values[0])
    return Parsed(Status.VALID, code) if code else Parsed(Status.INVALID, None, (values[0][:20],))


def encode(value: object) -> list[str]:
    """A state's or a widget's value as the URL writes it: a list repeats the key, dates are ISO days, and a
    default (nothing, off, empty) is left out."""
    if value is None or value is False or value == "" or value == () or value == []:
        return []
    if value is True:
        return ["true"]
    values = value if isinstance(value, list | tuple) else [value]
    return [
        v.date().isoformat() if isinstance(v, pd.Timestamp) else v.isoformat() if isinstance(v, date) else str(v)
        for v in values
    ]


# The keys whose values are the topic's names (so a link in one language is rewritten into another's).
NAME_KEYS = (
    BLOCS, ACTORS, ISSUES, ISSUE, COMPARE_A, COMPARE_B, CHAPTER_FROM, CHAPTER_TO, SLIDE, SLIDE_CHAPTER, SLIDE_QUOTE,
    TIMELINE_PERIOD, ISSUE_GROUP,
)  # fmt: skip

# The keys whose values include msgids shown translated. Streamlit's bound widgets write the shown words into the
# URL (?group=Toutes les questions in French), so a link carries them in any language, or as the msgid.
TRANSLATED_VALUES: dict[str, tuple[str, ...]] = {
    ISSUE_GROUP: (CENTRAL_ISSUES, ALL_ISSUES),
    TIMELINE_PERIOD: (WHOLE_STORY,),
    CHANGES_MODE: CHANGES_MODES,
    EVIDENCE: tuple(EVIDENCE_TYPES.values()),
}


@cache
def label_msgids(key: str) -> dict[str, str]:
    """For a TRANSLATED_VALUES key: every language's words for each of its msgids (the msgid itself and the
    pseudo-language's too) → the msgid."""
    found: dict[str, str] = {}
    for msgid in TRANSLATED_VALUES.get(key, ()):
        found[msgid] = msgid
        for lang in (*LANGUAGES, PSEUDO):
            found.setdefault(gettext(lang)(msgid), msgid)
    return found


PARSERS: dict[str, Callable[[list[str], Options], Parsed]] = {
    BLOCS: many_of(lambda o: o.blocs),
    ACTORS: many_of(lambda o: o.actors),
    ISSUES: many_of(lambda o: o.issues),
    AS_OF: a_date,
    ISSUE: one_of(lambda o: o.issues),
    COMPARE_A: one_of(lambda o: o.blocs),
    COMPARE_B: one_of(lambda o: o.blocs),
    SEARCH: a_text,
    EVIDENCE: many_of(lambda o: EVIDENCE_TYPES.values()),
    BETWEEN: two_dates,
    ONLY_MOVES: a_flag,
    CHANGES_MODE: one_of(lambda o: CHANGES_MODES),
    CHAPTER_FROM: one_of(lambda o: o.chapters),
    CHAPTER_TO: one_of(lambda o: o.chapters),
    SLIDE: one_of(lambda o: o.issues),
    SLIDE_CHAPTER: one_of(lambda o: o.chapters),
    SLIDE_QUOTE: one_of(lambda o: o.blocs),
    TIMELINE_PERIOD: one_of(lambda o: o.chapters | {WHOLE_STORY}),
    ISSUE_GROUP: one_of(lambda o: o.groups),
    JOIN: a_code,
}


@dataclass(frozen=True)
class ViewState:
    """Everything a view depends on. None or empty means the default: all, the latest data, the first option."""

    blocs: tuple[str, ...] = field(default=(), metadata={"key": BLOCS})
    actors: tuple[str, ...] = field(default=(), metadata={"key": ACTORS})
    issues: tuple[str, ...] = field(default=(), metadata={"key": ISSUES})
    as_of: date | None = field(default=None, metadata={"key": AS_OF})
    issue: str | None = field(default=None, metadata={"key": ISSUE})
    bloc_a: str | None = field(default=None, metadata={"key": COMPARE_A})
    bloc_b: str | None = field(default=None, metadata={"key": COMPARE_B})
    search: str = field(default="", metadata={"key": SEARCH})
    evidence: tuple[str, ...] = field(default=(), metadata={"key": EVIDENCE})
    between: tuple[date, date] | None = field(default=None, metadata={"key": BETWEEN})
    only_moves: bool = field(default=False, metadata={"key": ONLY_MOVES})
    changes_mode: str | None = field(default=None, metadata={"key": CHANGES_MODE})
    chapter_from: str | None = field(default=None, metadata={"key": CHAPTER_FROM})
    chapter_to: str | None = field(default=None, metadata={"key": CHAPTER_TO})
    slide: str | None = field(default=None, metadata={"key": SLIDE})
    slide_chapter: str | None = field(default=None, metadata={"key": SLIDE_CHAPTER})
    quote_from: str | None = field(default=None, metadata={"key": SLIDE_QUOTE})
    period: str | None = field(default=None, metadata={"key": TIMELINE_PERIOD})
    group: str | None = field(default=None, metadata={"key": ISSUE_GROUP})
    join: str | None = field(default=None, metadata={"key": JOIN})

    @classmethod
    def from_params(
        cls, params: Mapping[str, Iterable[str]], dataset: Dataset, *, lang: str = "en"
    ) -> tuple[ViewState, list[str]]:
        """The state a link asks for in this dataset, and a plain sentence (in `lang`) for each part of it that
        is ignored.

        `params` maps each URL key to its values. An actor outside the chosen blocs stays in the state: the
        view leaves it out (components.context applies the bloc rule once), and the filter prunes it.
        """
        options = Options.of(dataset)
        named = {MIGRATIONS.get(name, name): name for name in params}  # each key as the link spelled it
        values = {MIGRATIONS.get(name, name): list(v) for name, v in params.items()}
        for key, given in values.items():
            if key in TRANSLATED_VALUES:
                msgids = label_msgids(key)
                values[key] = [msgids.get(v, v) for v in given]
        _ = gettext(lang)
        chosen, notes = {}, []
        for key, link_name in named.items():
            if key in PRIVATE or key in APP_SETTINGS:
                continue
            if key not in PARSERS:
                # i18n: part of a list of link settings that were ignored; {name} is from the URL
                notes.append(_("“{name}” is not a setting of this app").format(name=link_name))
                continue
            parsed = PARSERS[key](values[key], options)
            notes += [
                # i18n: one of the link's ignored settings; {name} is a URL key (e.g. actor), {value} from the URL
                _("{name} “{value}” is not in this topic").format(name=link_name, value=value)
                for value in parsed.rejected
            ]
            if parsed.status is Status.VALID and parsed.value is not None:
                chosen[ATTRIBUTES[key]] = parsed.value
        return cls(**chosen), notes

    def to_params(self, keys: Iterable[str] | None = None) -> list[tuple[str, str]]:
        """The link's query: (key, value) pairs in a fixed order, defaults left out; only `keys` if given."""
        wanted = set(PARSERS if keys is None else keys)
        return [
            (key, value)
            for key, attribute in KEY_ATTRIBUTES
            if key in wanted
            for value in encode(getattr(self, attribute))
        ]

    @property
    def selection(self) -> Selection:
        """The sidebar's filters."""
        return Selection(blocs=self.blocs, actors=self.actors, issues=self.issues)

    def as_of_timestamp(self) -> pd.Timestamp | None:
        """'Positions as of' as a timestamp, or None for the latest data."""
        return None if self.as_of is None else pd.Timestamp(self.as_of)


KEY_ATTRIBUTES: tuple[tuple[str, str], ...] = tuple((f.metadata["key"], f.name) for f in fields(ViewState))
ATTRIBUTES: dict[str, str] = dict(KEY_ATTRIBUTES)
