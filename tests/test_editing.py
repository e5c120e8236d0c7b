import numpy as np
import pandas as pd

from stancekit.editing import (
    check_edits,
    dictionary_table,
    editable_table,
    edited_rows,
    is_edited,
    problems_markdown_table,
    problems_table,
)
from stancekit.schema import REQUIRED_COLUMNS, STANCE_COLUMNS, Problem
from tests.conftest import make_stances

PROBLEMS = [
    Problem(4, "position", "3", "Use a whole number from -2 to 2.", "stances.csv"),
    Problem(None, None, "", "The file is *empty*."),
]


def test_problems_table_has_a_row_per_problem_and_blanks_for_what_is_unknown():
    assert problems_table(PROBLEMS).to_dict("records") == [
        {
            "File": "stances.csv",
            "Row": 4,
            "Column": "position",
            "Value": "3",
            "What is wrong and how to fix it": "Use a whole number from -2 to 2.",
        },
        {"File": "", "Row": "", "Column": "", "Value": "", "What is wrong and how to fix it": "The file is *empty*."},
    ]


def test_problems_markdown_table_escapes_and_stops_at_the_limit():
    shown = problems_markdown_table(PROBLEMS, 5)
    assert shown.index.tolist() == ["4", ""]
    assert shown.loc["", "What is wrong and how to fix it"] == "The file is \\*empty\\*\\."
    assert shown.loc["4", "What is wrong and how to fix it"] == "Use a whole number from \\-2 to 2\\."
    assert len(problems_markdown_table(PROBLEMS, 1)) == 1


def test_dictionary_table_lists_every_column_in_order():
    table = dictionary_table()
    assert table.index.tolist() == [f"`{name}`" for name in STANCE_COLUMNS]
    required = table[table["Required"] == "yes"].index.tolist()
    assert required == [f"`{name}`" for name in STANCE_COLUMNS if name in REQUIRED_COLUMNS]
    assert "actor" in REQUIRED_COLUMNS and table.loc["`actor`", "Required"] == "yes"
    assert table["Meaning"].str.len().gt(0).all()


def test_the_editor_round_trip_normalises_cells_and_drops_blank_rows():
    stances = make_stances(
        [("UK", "Europe", "Troops", 2, "2025-02-01"), ("US", "United States", "Troops", -1, "2025-03-01")]
    )
    shown = editable_table(stances)
    assert list(shown.columns) == list(STANCE_COLUMNS)
    assert shown["position"].tolist() == ["2", "-1"] and shown["date"].tolist() == ["2025-02-01", "2025-03-01"]
    assert not is_edited(edited_rows(shown), shown)
    edited = pd.concat([shown, pd.DataFrame([dict.fromkeys(shown.columns, np.nan)])], ignore_index=True)
    edited.loc[0, "actor"] = "  UK  "
    rows = edited_rows(edited)
    assert len(rows) == 2 and rows.loc[0, "actor"] == "UK"  # trimmed; the blank row left out
    assert not is_edited(rows, shown)
    edited.loc[1, "position"] = "1"
    assert is_edited(edited_rows(edited), shown)


def test_check_edits_validates_or_returns_the_problems():
    rows = editable_table(make_stances([("UK", "Europe", "Troops", 2, "2025-02-01")]))
    stances, problems = check_edits(rows)
    assert problems == [] and stances["position"].tolist() == [2]
    rows.loc[0, "position"] = "7"
    stances, problems = check_edits(rows)
    assert stances is None
    assert [(p.row, p.column, p.value) for p in problems] == [(2, "position", "7")]
