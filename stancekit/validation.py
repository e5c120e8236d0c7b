"""Validation of stance tables: a pandera schema for each cell, cross-row checks for the rest.

Input is the raw all-text table (as read from CSV, values stripped); output is either a typed
table or a StanceDataError listing every problem with its spreadsheet row and column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
import pyarrow.compute as pc

from stancekit.schema import (
    EVIDENCE_TYPES,
    HEADER_ROWS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    STANCE_COLUMNS,
    Problem,
    StanceDataError,
)

POSITION_PATTERN = r"[+\-−]?[0-2](?:\.0+)?"
MAX_TEXT = 2_000  # characters in any one cell: a paraphrase is one or two sentences
SHOWN_VALUE = 120  # characters of a bad value quoted back in a problem
DATE_PATTERN = r"\d{4}-\d{2}-\d{2}"
URL_PATTERN = r"(?i)https?://[^\s/?#]+\S*"

# What each failed check means for a teacher, and how to fix it. {column} and {value} are filled in.
MESSAGES: dict[str, str] = {
    "required": "{column} is empty; fill it in on every row.",
    "position": "position must be a whole number from −2 to 2 (−2 strongly opposes, 0 split, "
    "+2 strongly supports); found '{value}'.",
    "date": "{column} must be a real date written YYYY-MM-DD, e.g. 2025-03-15; found '{value}'.",
    "evidence": "evidence must be statement, reported or analysis, or left empty; found '{value}'.",
    "url": "{column} must be a web address starting with http:// or https://, or be left empty; found '{value}'.",
    "length": "{column} is longer than 2,000 characters; shorten it to one or two sentences.",
}


def _not_blank(values: pd.Series) -> pd.Series:
    return values.ne("")


def _is_position(values: pd.Series) -> pd.Series:
    return values.str.fullmatch(POSITION_PATTERN)


def _parse_dates(values: pd.Series) -> pd.Series:
    """YYYY-MM-DD strings as dates (NaT where not a real date), parsing each distinct value once."""
    codes, distinct = pd.factorize(values)
    distinct = pd.Series(distinct, dtype="str")
    parsed = pd.to_datetime(distinct.where(distinct.str.fullmatch(DATE_PATTERN)), format="%Y-%m-%d", errors="coerce")
    return pd.Series(parsed.to_numpy()[codes], index=values.index)


def _is_iso_date(values: pd.Series) -> pd.Series:
    return _parse_dates(values).notna()


def _is_evidence(values: pd.Series) -> pd.Series:
    return values.eq("") | values.str.lower().isin(list(EVIDENCE_TYPES))


def _is_url_or_blank(values: pd.Series) -> pd.Series:
    ok = values.eq("")
    if not ok.all():  # the pattern only runs on the cells that hold something
        ok[~ok] = values[~ok].str.fullmatch(URL_PATTERN)
    return ok


def _is_short(values: pd.Series) -> pd.Series:
    # UTF-8 bytes are never fewer than characters: when no cell has more bytes than the limit, none is too long.
    longest = pc.max(pc.binary_length(arrow.array(values, type=arrow.string()))).as_py() or 0
    if longest <= MAX_TEXT:
        return pd.Series(True, index=values.index)
    return values.str.len() <= MAX_TEXT


CHECKS: dict[str, Callable[[pd.Series], pd.Series]] = {
    "required": _not_blank,
    "position": _is_position,
    "date": _is_iso_date,
    "evidence": _is_evidence,
    "url": _is_url_or_blank,
    "length": _is_short,
}


def column_schema(checks_by_column: dict[str, Iterable[str]]) -> pa.DataFrameSchema:
    """A pandera schema over an all-text table, with our named checks on each column."""
    columns = {
        name: pa.Column(checks=[pa.Check(CHECKS[check], name=check) for check in checks])
        for name, checks in checks_by_column.items()
    }
    return pa.DataFrameSchema(columns, strict=False)


STANCE_SCHEMA = column_schema(
    {
        "actor": ["required", "length"],
        "bloc": ["required", "length"],
        "issue": ["required", "length"],
        "position": ["position"],
        "date": ["date"],
        "summary": ["required", "length"],
        "source": ["required", "length"],
        "source_id": ["length"],
        "evidence": ["evidence"],
        "source_url": ["url", "length"],
        "speaker": ["length"],
        "quote": ["length"],
        "condition": ["length"],
    }
)


def spreadsheet_row(index: int) -> int:
    """Row number as a spreadsheet shows it: the header is row 1, the first data row is 2."""
    return int(index) + 1 + HEADER_ROWS


def missing_columns(raw: pd.DataFrame, required: Iterable[str]) -> list[Problem]:
    """One problem per required column the table lacks, naming what it has instead."""
    found = ", ".join(raw.columns) if len(raw.columns) else "none"
    return [
        Problem(
            None,
            name,
            "",
            f"The required column '{name}' is missing. Required columns: "
            f"{', '.join(required)}. Columns found: {found}.",
        )
        for name in required
        if name not in raw.columns
    ]


def schema_problems(raw: pd.DataFrame, schema: pa.DataFrameSchema) -> list[Problem]:
    """Every cell-level problem pandera finds, translated into actionable messages."""
    try:
        schema.validate(raw, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases.dropna(subset=["index"])
        problems = []
        for case in cases.itertuples(index=False):
            value = str(case.failure_case)
            shown = value if len(value) <= SHOWN_VALUE else value[:SHOWN_VALUE] + "…"
            message = MESSAGES[case.check].format(column=case.column, value=shown)
            problems.append(Problem(spreadsheet_row(case.index), case.column, shown, message))
        return problems
    return []


def conflicting_duplicates(raw: pd.DataFrame) -> list[Problem]:
    """Rows giving one actor two different positions on one issue on the same date.

    Expects rows whose position is well-formed; malformed ones are reported by the schema.
    """
    key = ["actor", "issue", "date"]
    if not raw.duplicated(key).any():  # the common case, cheaply
        return []
    positions = raw["position"].str.replace("−", "-", regex=False).str.lstrip("+")
    varied = positions.groupby([raw[k] for k in key]).transform("nunique") > 1
    problems = []
    for _, group in raw[varied].groupby(key, sort=False):
        rows = [spreadsheet_row(i) for i in group.index]
        for index, row in group.iterrows():
            others = ", ".join(str(r) for r in rows if r != spreadsheet_row(index))
            problems.append(
                Problem(
                    spreadsheet_row(index),
                    "position",
                    row["position"],
                    f"{row['actor']} / {row['issue']} / {row['date']} also appears on row {others} "
                    "with a different position; keep one row per actor, issue and date.",
                )
            )
    return problems


def actors_in_several_blocs(raw: pd.DataFrame) -> list[Problem]:
    """Rows placing an actor in a different bloc than its first row does."""
    if not raw[["actor", "bloc"]].drop_duplicates()["actor"].duplicated().any():  # the common case, cheaply
        return []
    first_bloc = raw.groupby("actor", sort=False)["bloc"].transform("first")
    first_index = pd.Series(raw.index, index=raw.index).groupby(raw["actor"], sort=False).transform("first")
    return [
        Problem(
            spreadsheet_row(index),
            "bloc",
            raw.at[index, "bloc"],
            f"{raw.at[index, 'actor']} is in bloc '{raw.at[index, 'bloc']}' here but in "
            f"'{first_bloc[index]}' on row {spreadsheet_row(first_index[index])}; give each actor one bloc.",
        )
        for index in raw.index[raw["bloc"] != first_bloc]
    ]


def _as_positions(values: pd.Series) -> pd.Series:
    """Validated position text ('+2', '−1', '0.0'…) as small integers, converting each distinct value once."""
    codes, distinct = pd.factorize(values)
    numbers = [int(float(value.replace("−", "-"))) for value in distinct]
    return pd.Series(pd.array(numbers, dtype="int8")[codes], index=values.index)


def typed_stances(raw: pd.DataFrame) -> pd.DataFrame:
    """The validated text table with positions as small integers and dates as dates."""
    table = raw.loc[:, list(STANCE_COLUMNS)].copy()
    table["position"] = _as_positions(table["position"])
    table["date"] = _parse_dates(table["date"]).astype("datetime64[us]")
    table["evidence"] = table["evidence"].str.lower()
    return table.reset_index(drop=True)


def validate_stances(raw: pd.DataFrame) -> pd.DataFrame:
    """Check a raw stance table against the public format; return it typed or raise every problem."""
    problems = missing_columns(raw, REQUIRED_COLUMNS)
    if problems:
        raise StanceDataError(problems)
    if raw.empty:
        raise StanceDataError(
            [Problem(None, None, "", "The table has a header but no rows; add at least one position.")]
        )
    raw = raw.assign(**{name: "" for name in OPTIONAL_COLUMNS if name not in raw.columns})
    problems = schema_problems(raw, STANCE_SCHEMA)
    problems += actors_in_several_blocs(raw)
    problems += conflicting_duplicates(raw[_is_position(raw["position"])])
    if problems:
        raise StanceDataError(problems)
    return typed_stances(raw)
