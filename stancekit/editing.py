"""Bring your own topic: the tables a teacher reads while loading and editing a stance table (the problems to
fix, the data dictionary), and the round trip of the in-app editor (plain pandas)."""

from __future__ import annotations

import pandas as pd

from stancekit.export import export_rows
from stancekit.schema import COLUMN_HELP, REQUIRED_COLUMNS, STANCE_COLUMNS, Problem, StanceDataError
from stancekit.text import escape_markdown
from stancekit.validation import validate_stances


def problems_table(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table a teacher can work through: file, spreadsheet row, column, value, fix."""
    return pd.DataFrame(
        {
            "File": [p.file or "" for p in problems],
            "Row": [p.row if p.row is not None else "" for p in problems],
            "Column": [p.column or "" for p in problems],
            "Value": [p.value for p in problems],
            "What is wrong and how to fix it": [p.message for p in problems],
        }
    )


def problems_markdown_table(problems: list[Problem], limit: int) -> pd.DataFrame:
    """The first `limit` problems, indexed by spreadsheet row, every cell as escaped Markdown text (for a table
    that renders Markdown, so that long messages wrap)."""
    return problems_table(problems[:limit]).astype(str).map(escape_markdown).set_index("Row")


def dictionary_table() -> pd.DataFrame:
    """The columns of stances.csv: name (as Markdown code), whether it is required, and what it means."""
    return pd.DataFrame(
        {
            "Column": [f"`{name}`" for name in STANCE_COLUMNS],
            "Required": ["yes" if name in REQUIRED_COLUMNS else "no" for name in STANCE_COLUMNS],
            "Meaning": [COLUMN_HELP[name] for name in STANCE_COLUMNS],
        }
    ).set_index("Column")


def editable_table(stances: pd.DataFrame) -> pd.DataFrame:
    """A stance table as the editor shows it: the stances.csv columns, every cell text."""
    return export_rows(stances).astype({"position": str})


def edited_rows(edited: pd.DataFrame) -> pd.DataFrame:
    """What the editor returned, as text to validate: empty cells as '', spaces around values trimmed, rows
    left blank dropped, numbered from 0."""
    raw = edited.fillna("").astype(str).apply(lambda column: column.str.strip())
    return raw[(raw != "").any(axis=1)].reset_index(drop=True)


def is_edited(rows: pd.DataFrame, shown: pd.DataFrame) -> bool:
    """Whether the edited `rows` (see `edited_rows`) differ from the table the editor was given."""
    return not rows.equals(shown.reset_index(drop=True))


def check_edits(rows: pd.DataFrame) -> tuple[pd.DataFrame | None, list[Problem]]:
    """(the validated stance table, []) for edited rows without problems, else (None, the problems)."""
    try:
        return validate_stances(rows), []
    except StanceDataError as error:
        return None, error.problems
