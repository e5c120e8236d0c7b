"""Bring your own topic: the tables a teacher reads while loading and editing a stance table (the problems to
fix, the data dictionary), and the round trip of the in-app editor (plain pandas)."""

from __future__ import annotations

import pandas as pd

from stancekit.export import export_rows
from stancekit.i18n import gettext
from stancekit.schema import REQUIRED_COLUMNS, STANCE_COLUMNS, Problem, StanceDataError, column_help
from stancekit.text import escape_markdown
from stancekit.validation import validate_stances


def problems_table(problems: list[Problem], lang: str = "en") -> pd.DataFrame:
    """Problems as a table a teacher can work through: file, spreadsheet row, column, value, fix."""
    _ = gettext(lang)
    return pd.DataFrame(
        {
            # i18n: header of the problems table: the file a problem is in.
            _("File"): [p.file or "" for p in problems],
            # i18n: header of the problems table: the spreadsheet row number.
            _("Row"): [p.row if p.row is not None else "" for p in problems],
            # i18n: header of the problems table: the column's name.
            _("Column"): [p.column or "" for p in problems],
            # i18n: header of the problems table: the cell's value.
            _("Value"): [p.value for p in problems],
            _("What is wrong and how to fix it"): [p.text(lang) for p in problems],
        }
    )


def problems_markdown_table(problems: list[Problem], limit: int, lang: str = "en") -> pd.DataFrame:
    """The first `limit` problems, indexed by spreadsheet row, every cell as escaped Markdown text (for a table
    that renders Markdown, so that long messages wrap)."""
    table = problems_table(problems[:limit], lang)
    return table.astype(str).map(escape_markdown).set_index(table.columns[1])


def dictionary_table(lang: str = "en") -> pd.DataFrame:
    """The columns of stances.csv: name (as Markdown code, as the format writes it), whether it is required,
    and what it means."""
    _ = gettext(lang)
    # i18n: data dictionary: whether a column is required.
    yes, no = _("yes"), _("no")
    return pd.DataFrame(
        {
            # i18n: header of the data dictionary: a column's name in stances.csv.
            _("Column"): [f"`{name}`" for name in STANCE_COLUMNS],
            # i18n: header of the data dictionary: whether the column must be filled in.
            _("Required"): [yes if name in REQUIRED_COLUMNS else no for name in STANCE_COLUMNS],
            # i18n: header of the data dictionary: what the column means.
            _("Meaning"): [column_help(name, lang) for name in STANCE_COLUMNS],
        }
    ).set_index(_("Column"))


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
