"""Validation of stance tables: each cell against its checks (stancekit.cell_checks), then the checks across rows.

Input is the raw all-text table (as read from CSV, values stripped); output is either a typed
table or a StanceDataError listing every problem with its spreadsheet row and column.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd
import pandera.pandas as pa

from stancekit.cell_checks import MESSAGES, STANCE_SCHEMA, Factorized, is_position, parse_dates
from stancekit.columnwise import each_column
from stancekit.i18n import N_
from stancekit.schema import (
    HEADER_ROWS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    STANCE_COLUMNS,
    Problem,
    StanceDataError,
    problem,
)
from stancekit.standing import precedence

CROSS_ROW_COLUMNS = ("actor", "bloc", "issue", "date")
SHOWN_VALUE = 120  # characters of a bad value quoted back in a problem


def spreadsheet_row(index: int) -> int:
    """Row number as a spreadsheet shows it: the header is row 1, the first data row is 2."""
    return int(index) + 1 + HEADER_ROWS


def missing_columns(raw: pd.DataFrame, required: Iterable[str]) -> list[Problem]:
    """One problem per required column the table lacks, naming what it has instead."""
    if not len(raw.columns):
        return [
            problem(
                None,
                name,
                "",
                N_("The required column '{name}' is missing. Required columns: {required}. Columns found: none."),
                name=name,
                required=", ".join(required),
            )
            for name in required
        ]
    return [
        problem(
            None,
            name,
            "",
            # i18n: {name}, {required} and {found} are column names of the file (in English).
            N_("The required column '{name}' is missing. Required columns: {required}. Columns found: {found}."),
            name=name,
            required=", ".join(required),
            found=", ".join(raw.columns),
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
            problems.append(
                problem(
                    spreadsheet_row(case.index),
                    case.column,
                    shown,
                    MESSAGES[case.check],
                    column=case.column,
                    value=shown,
                )
            )
        return problems
    return []


def conflicting_duplicates(raw: pd.DataFrame) -> list[Problem]:
    """Rows giving one actor two different positions on one issue on the same date, with the same standing.

    A report and a statement on the same day may differ, and so may another voice: the latest position
    knows which one counts (stancekit.standing). Expects rows whose position is well-formed; malformed
    ones are reported by the schema.
    """
    raw = raw.assign(_standing=precedence(raw))
    key = ["actor", "issue", "date", "_standing"]
    positions = raw["position"].str.replace("−", "-", regex=False).str.lstrip("+")
    varied = positions.groupby([raw[k] for k in key]).transform("nunique") > 1
    problems = []
    for _, group in raw[varied].groupby(key, sort=False):
        rows = [spreadsheet_row(i) for i in group.index]
        for index, row in group.iterrows():
            others = ", ".join(str(r) for r in rows if r != spreadsheet_row(index))
            problems.append(
                problem(
                    spreadsheet_row(index),
                    "position",
                    row["position"],
                    # i18n: {rows} is one row number or several ("3, 7"); evidence and voice are column names.
                    N_(
                        "{actor} / {issue} / {date} also appears on row {rows} with a different position; keep "
                        "one row per actor, issue and date, or mark the other row as reported (evidence) or as "
                        "another voice (voice)."
                    ),
                    actor=row["actor"],
                    issue=row["issue"],
                    date=row["date"],
                    rows=others,
                )
            )
    return problems


def actors_in_several_blocs(raw: pd.DataFrame) -> list[Problem]:
    """Rows placing an actor in a different bloc than its first row does."""
    first_bloc = raw.groupby("actor", sort=False)["bloc"].transform("first")
    first_index = pd.Series(raw.index, index=raw.index).groupby(raw["actor"], sort=False).transform("first")
    return [
        problem(
            spreadsheet_row(index),
            "bloc",
            raw.at[index, "bloc"],
            N_("{actor} is in bloc '{bloc}' here but in '{first_bloc}' on row {row}; give each actor one bloc."),
            actor=raw.at[index, "actor"],
            bloc=raw.at[index, "bloc"],
            first_bloc=first_bloc[index],
            row=str(spreadsheet_row(first_index[index])),
        )
        for index in raw.index[raw["bloc"] != first_bloc]
    ]


def _distinct_combinations(*factorized: Factorized) -> int:
    """How many different combinations of values factorized columns take (ints, not string tuples)."""
    key = np.zeros(len(factorized[0][0]), dtype=np.int64)
    for codes, distinct in factorized:
        key = key * (len(distinct) + 1) + codes + 1  # ≤ (120,001)³ for three columns: no overflow
    return len(pd.unique(key))


def factorize(raw: pd.DataFrame, columns: Iterable[str]) -> dict[str, Factorized]:
    """Each column hashed once, for the checks and conversions that group or map its values.

    Two columns at a time, see stancekit.columnwise."""
    names = list(columns)
    return dict(zip(names, each_column(pd.factorize, [raw[name] for name in names]), strict=True))


def cross_row_problems(raw: pd.DataFrame, factorized: dict[str, Factorized] | None = None) -> list[Problem]:
    """Actors in two blocs, and conflicting positions on one date; the common case (neither) is cheap."""
    factorized = factorized or factorize(raw, CROSS_ROW_COLUMNS)
    actor, bloc, issue, date = (factorized[name] for name in CROSS_ROW_COLUMNS)
    problems = []
    if _distinct_combinations(actor, bloc) > len(actor[1]):
        problems += actors_in_several_blocs(raw)
    if _distinct_combinations(actor, issue, date) < len(raw):  # some day repeats: look closer
        problems += conflicting_duplicates(raw[is_position(raw["position"])])
    return problems


def as_positions(values: pd.Series, factorized: Factorized | None = None) -> pd.Series:
    """Validated position text ('+2', '−1', '0.0'…) as small integers, converting each distinct value once."""
    codes, distinct = factorized or pd.factorize(values)
    numbers = [int(float(value.replace("−", "-"))) for value in distinct]
    return pd.Series(pd.array(numbers, dtype="int8")[codes], index=values.index)


def typed_stances(raw: pd.DataFrame, factorized: dict[str, Factorized] | None = None) -> pd.DataFrame:
    """The validated text table with positions as small integers and dates as dates."""
    factorized = factorized or {}
    table = raw.loc[:, list(STANCE_COLUMNS)]
    table["position"] = as_positions(table["position"], factorized.get("position"))
    table["date"] = parse_dates(table["date"], factorized.get("date")).astype("datetime64[us]")
    table["evidence"] = table["evidence"].str.lower()
    table["voice"] = table["voice"].str.lower().replace("lead", "")  # '' and 'lead' both set the position
    return table.reset_index(drop=True)


def validate_stances(raw: pd.DataFrame) -> pd.DataFrame:
    """Check a raw stance table against the public format; return it typed or raise every problem."""
    problems = missing_columns(raw, REQUIRED_COLUMNS)
    if problems:
        raise StanceDataError(problems)
    if raw.empty:
        raise StanceDataError(
            [Problem(None, None, "", N_("The table has a header but no rows; add at least one position."))]
        )
    raw = raw.fillna("").assign(**{name: "" for name in OPTIONAL_COLUMNS if name not in raw.columns})
    problems = schema_problems(raw, STANCE_SCHEMA)
    factorized = factorize(raw, [*CROSS_ROW_COLUMNS, "position"])
    problems += cross_row_problems(raw, factorized)
    if problems:
        raise StanceDataError(problems)
    return typed_stances(raw, factorized)
